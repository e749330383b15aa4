"""A pupil's account deleted takes down what showed the child beyond the class.

The family's answers (consents.PupilConsent) and the child's appearances in files go
with the account; before they go, classrooms.consent takes down the entries and pages
that showed the child beyond the class and keeps the files private. Changing an answer
is consents' signal, received by classrooms (ClassroomsConfig.ready()). Connected from
EnrolmentConfig.ready(); the work runs in the transaction that deletes the account.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import QuerySet
from django.db.models.signals import pre_delete
from wagtail.models import Page

from classrooms import consent
from consents.models import PupilConsent

UID = "preau-consent"


def account_deleted(sender, instance, origin=None, **kwargs):
    """Sent before anything of the deletion is removed, so the child's appearances in
    files are still there to be found (one query for an account seen in no file). When a
    school is deleted, its classes and their entries go with it: nothing to do."""
    deleted = origin.model if isinstance(origin, QuerySet) else type(origin)
    if deleted is not None and issubclass(deleted, Page):
        return
    with transaction.atomic():
        # The answers go with the account: gone first, so everything counts as refused.
        PupilConsent.objects.filter(pupil=instance).delete()
        consent.consent_withdrawn([instance])


def register():
    pre_delete.connect(
        account_deleted, sender=get_user_model(), dispatch_uid=f"{UID}-account-deleted"
    )
