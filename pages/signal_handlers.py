"""Keep rights in step with the rows: new sites get a collection, staff rows move groups."""

from django.db.models.signals import post_delete, post_save

from accounts import roles

from . import permissions
from .models import MunicipalityAgent, MunicipalityPage, SchoolPage, SchoolStaff


def site_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        permissions.give_site_its_collection(instance)


def staff_row_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        roles.sync_user(instance.user)


def register():
    for model in (SchoolPage, MunicipalityPage):
        post_save.connect(site_saved, sender=model, dispatch_uid=f"{model.__name__}_created")
    for model in (SchoolStaff, MunicipalityAgent):
        post_save.connect(staff_row_changed, sender=model, dispatch_uid=f"{model.__name__}_saved")
        post_delete.connect(
            staff_row_changed, sender=model, dispatch_uid=f"{model.__name__}_deleted"
        )
