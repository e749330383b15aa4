"""Re-derive every right from the rows: after a bulk load, a restore or a change of rules.

Signals keep rights in step with each row as it changes; rows written in bulk (imports
with bulk_create, a restored dump) skip signals, and a new rule must reach old groups.
Schools also get their publication workflow, and their class spaces are kept out of it
(pages/workflows.py). This command is idempotent: run it as often as needed.

It lives in classrooms, the app that sits above both the sites (pages) and the role
groups (accounts) whose rights it re-derives: accounts, the lower layer, imports neither.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from accounts import roles
from accounts.models import RoleGroup
from classrooms import permissions as class_permissions
from classrooms.models import ClassroomPage
from pages import permissions as site_permissions
from pages import workflows
from pages.models import MunicipalityPage, SchoolPage


class Command(BaseCommand):
    help = _("Re-derive role groups and their permissions from memberships and staff rows.")

    def handle(self, *args, **options):
        with transaction.atomic():
            for site in [*SchoolPage.objects.all(), *MunicipalityPage.objects.all()]:
                site_permissions.give_site_its_collection(site)
            for classroom in ClassroomPage.objects.all():
                class_permissions.set_up_new_classroom(classroom)
            for school in SchoolPage.objects.all():
                workflows.set_up_school(school)
            for role_group in RoleGroup.objects.select_related("page"):
                roles.regrant(role_group.page.specific, role_group.role)
            people = (
                get_user_model()
                .objects.filter(
                    Q(memberships__isnull=False)
                    | Q(guardianships__isnull=False)
                    | Q(school_roles__isnull=False)
                    | Q(municipality_roles__isnull=False)
                    | Q(groups__role__isnull=False)
                )
                .distinct()
            )
            count = 0
            for person in people.iterator():
                roles.sync_user(person)
                count += 1
        self.stdout.write(_("Rights re-derived for %(count)d people.") % {"count": count})
