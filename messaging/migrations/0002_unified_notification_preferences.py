"""A person chooses how messages reach them in one place: their notification preferences
(the "messages" group). Each MessagingPreference becomes that row, and until when its
daily summary went becomes the person's digest record, before the model goes."""

from django.db import migrations


def to_notification_preferences(apps, schema_editor):
    MessagingPreference = apps.get_model("messaging", "MessagingPreference")
    NotificationPreference = apps.get_model("notifications", "NotificationPreference")
    DigestRecord = apps.get_model("notifications", "DigestRecord")
    for preference in MessagingPreference.objects.all():
        NotificationPreference.objects.update_or_create(
            user_id=preference.user_id, group="messages", defaults={"email": preference.email}
        )
        if preference.digest_sent_until:
            DigestRecord.objects.update_or_create(
                user_id=preference.user_id, defaults={"sent_until": preference.digest_sent_until}
            )


def to_messaging_preferences(apps, schema_editor):
    MessagingPreference = apps.get_model("messaging", "MessagingPreference")
    NotificationPreference = apps.get_model("notifications", "NotificationPreference")
    DigestRecord = apps.get_model("notifications", "DigestRecord")
    sent = dict(DigestRecord.objects.values_list("user_id", "sent_until"))
    for preference in NotificationPreference.objects.filter(group="messages"):
        MessagingPreference.objects.update_or_create(
            user_id=preference.user_id,
            defaults={
                "email": preference.email,
                "digest_sent_until": sent.get(preference.user_id),
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("messaging", "0001_initial"),
        ("notifications", "0002_preferences_digest_quiet_hours"),
    ]

    operations = [
        migrations.RunPython(to_notification_preferences, to_messaging_preferences),
        migrations.DeleteModel(name="MessagingPreference"),
    ]
