"""Every change to a pupil's photo consent reaches what already shows the child.

A record saved without consent (an ONDE re-import answering "Non", a form, the shell) or
deleted (by itself, or with the pupil's account in the Wagtail admin), or the account of
a pupil who has no record deleted, calls
classrooms.consent, which takes down the entries and pages that showed the child beyond
what the family now allows. Connected from EnrolmentConfig.ready(); the work runs in the
transaction that changed the record when there is one (the ONDE import's), so both are
saved or neither.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import QuerySet
from django.db.models.signals import post_save, pre_delete
from wagtail.models import Page

from classrooms import consent

from .models import PupilRecord

UID = "preau-consent"


def record_saved(sender, instance, raw=False, **kwargs):
    """Any save without consent, not only a change: taking down is idempotent (what is
    back to the class stays there), and one query finds a child seen in no file."""
    if raw or instance.photo_consent:
        return
    with transaction.atomic():
        consent.consent_withdrawn([instance.user])


def record_deleted(sender, instance, origin=None, **kwargs):
    """No record means no consent: say so before the row goes, then take down.

    Sent before anything of a deletion is removed, so the child's appearances in files
    are still there to be found, also when the whole account is being deleted. When the
    school itself is deleted, its classes and their entries go with it: nothing to do.
    """
    deleted = origin.model if isinstance(origin, QuerySet) else type(origin)
    if issubclass(deleted, Page):
        return
    with transaction.atomic():
        PupilRecord.objects.filter(pk=instance.pk).update(photo_consent=False)
        consent.consent_withdrawn([instance.user])


def account_deleted(sender, instance, **kwargs):
    """A pupil enrolled without a record (before this app, or by the demo) never had a
    consent recorded: their files were withheld through their appearances, which go
    with the account, so the same take-down runs (one query when they had a record,
    which `record_deleted` answers for, or are seen in no file)."""
    if not PupilRecord.objects.filter(user=instance).exists():
        with transaction.atomic():
            consent.consent_withdrawn([instance])


def register():
    post_save.connect(record_saved, sender=PupilRecord, dispatch_uid=f"{UID}-saved")
    pre_delete.connect(record_deleted, sender=PupilRecord, dispatch_uid=f"{UID}-deleted")
    pre_delete.connect(
        account_deleted, sender=get_user_model(), dispatch_uid=f"{UID}-account-deleted"
    )
