"""Who runs a school or a municipality site: the one place where those rules are written.

The truth is data: `SchoolStaff` rows with the director role, `MunicipalityAgent` rows,
and superusers, who are the portal's administrators.
"""

from accounts import grants, roles
from accounts.models import RoleGroup

from .models import MunicipalityAgent, SchoolStaff


def is_portal_admin(user) -> bool:
    return user.is_authenticated and user.is_active and user.is_superuser


def can_direct_school(user, school) -> bool:
    """Directors manage their school: its classes, teachers, public site and accounts."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    return SchoolStaff.objects.filter(
        user=user, school_id=school.pk, role=SchoolStaff.Role.DIRECTOR
    ).exists()


def can_edit_municipality(user, municipality) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    return MunicipalityAgent.objects.filter(user=user, municipality_id=municipality.pk).exists()


def schools_directed_by(user):
    """The schools whose director this user is (all of them for a portal administrator)."""
    from .models import SchoolPage

    if is_portal_admin(user):
        return SchoolPage.objects.all()
    if not (user.is_authenticated and user.is_active):
        return SchoolPage.objects.none()
    return SchoolPage.objects.filter(
        staff__user=user, staff__role=SchoolStaff.Role.DIRECTOR
    ).distinct()


# Deriving rights from the rows: role sources and setups (see accounts/roles.py).


def roles_from_staff_rows(user):
    """Directors hold the director role on their school; agents on their municipality."""
    for staff in SchoolStaff.objects.filter(
        user=user, role=SchoolStaff.Role.DIRECTOR
    ).select_related("school"):
        yield staff.school, RoleGroup.Role.SCHOOL_DIRECTOR
    for agent in MunicipalityAgent.objects.filter(user=user).select_related("municipality"):
        yield agent.municipality, RoleGroup.Role.MUNICIPALITY_AGENT


def setup_site_editors(page, group):
    """Directors and agents edit their own site's subtree and media in the Wagtail admin."""
    grants.grant_admin_access(group)
    grants.grant_page_subtree(group, page)
    grants.grant_collection(group, page.specific.collection)


def give_site_its_collection(page):
    """Every school and municipality gets a media collection of its own when created."""
    if page.collection_id is None:
        page.collection = grants.new_collection(page.title)
        type(page).objects.filter(pk=page.pk).update(collection=page.collection)


def register():
    """Called from PagesConfig.ready()."""
    roles.register_source(roles_from_staff_rows)
    roles.register_setup(RoleGroup.Role.SCHOOL_DIRECTOR, setup_site_editors)
    roles.register_setup(RoleGroup.Role.MUNICIPALITY_AGENT, setup_site_editors)
