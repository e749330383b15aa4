"""Keep rights in step with the rows and the tree.

New sites get a collection, new schools their workflow; staff rows move people between
role groups; a news section created in (or moved to) a school gives its teachers their
drafting rights there; a new class space is kept out of its school's workflow.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.signals import copy_for_translation_done, post_page_move

from accounts import roles

from . import permissions, workflows
from .models import MunicipalityAgent, MunicipalityPage, NewsIndexPage, SchoolPage, SchoolStaff


def site_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        permissions.give_site_its_collection(instance)
        if isinstance(instance, SchoolPage):
            workflows.set_up_school(instance)


def staff_row_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        roles.sync_user(instance.user)


def news_section_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw and (school := permissions.school_of_news_section(instance)):
        permissions.regrant_school_teachers(school)


def news_section_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    for parent in (parent_page_before, parent_page_after):
        if school := SchoolPage.objects.filter(pk=parent.pk).first():
            permissions.regrant_school_teachers(school)


def class_space_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        workflows.exempt_class_spaces([instance])


def page_translated(sender, source_obj, target_obj, **kwargs):
    if isinstance(source_obj, SchoolPage | MunicipalityPage):
        permissions.translation_created(source_obj, target_obj)


def register():
    copy_for_translation_done.connect(page_translated, dispatch_uid="site_translated")
    for model in (SchoolPage, MunicipalityPage):
        post_save.connect(site_saved, sender=model, dispatch_uid=f"{model.__name__}_created")
    for model in (SchoolStaff, MunicipalityAgent):
        post_save.connect(staff_row_changed, sender=model, dispatch_uid=f"{model.__name__}_saved")
        post_delete.connect(
            staff_row_changed, sender=model, dispatch_uid=f"{model.__name__}_deleted"
        )
    post_save.connect(news_section_saved, sender=NewsIndexPage, dispatch_uid="news_section_saved")
    post_page_move.connect(
        news_section_moved, sender=NewsIndexPage, dispatch_uid="news_section_moved"
    )
    post_save.connect(
        class_space_created,
        sender=apps.get_model("classrooms", "ClassroomPage"),
        dispatch_uid="class_space_kept_out_of_school_workflow",
    )
