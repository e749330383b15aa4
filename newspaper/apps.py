from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class NewspaperConfig(AppConfig):
    name = "newspaper"
    verbose_name = _("Class newspaper")

    def ready(self):
        from django.db.models.signals import post_delete

        from consents.signals import answers_narrowed
        from notifications import kinds
        from sharedspaces import activities

        from . import consent, notices
        from .models import ArticleMedia

        post_delete.connect(
            _file_deleted, sender=ArticleMedia, dispatch_uid="newspaper-file-deleted"
        )

        activities.register(
            activities.SpaceActivity(
                key="newspaper",
                label=_("Class newspaper"),
                description=_(
                    "The pupils of the classes write articles, with photos and their voice; "
                    "their teachers review them and publish numbered issues for the families."
                ),
                icon="news",
                home_url=lambda space: reverse("newspaper:home", kwargs={"space_id": space.pk}),
            )
        )
        for kind in notices.notification_kinds() + consent.notification_kinds():
            kinds.register(kind)
        # A family's "no" takes published issues showing their child back from readers
        # the answers no longer cover (newspaper/consent.py).
        answers_narrowed.connect(
            consent.answers_narrowed_received, dispatch_uid="newspaper-consents-narrowed"
        )


def _file_deleted(sender, instance, **kwargs):
    """An article's file leaves MEDIA_ROOT once its row is deleted and that committed."""
    from django.db import transaction

    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))
