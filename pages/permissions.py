"""Who runs a school or a municipality site: the one place where those rules are written.

The truth is data: `SchoolStaff` rows (directors and teachers), `MunicipalityAgent` rows,
and superusers, who are the portal's administrators.

- Directors and agents edit and publish their whole site in the Wagtail admin.
- Teachers of a school draft news: they may add and change pages in the school's news
  sections, never publish them; they submit them to the school's workflow
  (pages/workflows.py) and a director approves. They get no right on the school page
  itself, because Wagtail page permissions reach every descendant and the school page
  holds the class spaces of all its teachers.
"""

from wagtail.models import Page

from accounts import grants, roles
from accounts.models import RoleGroup
from accounts.people import is_active_person
from performance import request_scope

from .models import MunicipalityAgent, NewsIndexPage, SchoolPage, SchoolStaff


def is_portal_admin(user) -> bool:
    return is_active_person(user) and user.is_superuser


def can_direct_school(user, school) -> bool:
    """Directors manage their school: its classes, teachers, public site and accounts."""
    if not is_active_person(user):
        return False
    if user.is_superuser:
        return True
    return SchoolStaff.objects.filter(
        user=user, school_id=school.pk, role=SchoolStaff.Role.DIRECTOR
    ).exists()


# Under this key the request remembers a person's schools (performance/request_scope.py);
# classrooms/person.py fills it from the rows it reads anyway.
STAFF_SCHOOL_PATHS = "staff school paths"


def staff_school_paths(user) -> frozenset[str]:
    """Tree paths of the schools where this person is staff (director or teacher).

    Asked by several rules on one page (who may read a shared entry, whose comment is
    published at once); read once per request.
    """
    if not is_active_person(user):
        return frozenset()
    return request_scope.remembered(
        request_scope.person_section(user.pk),
        STAFF_SCHOOL_PATHS,
        lambda: frozenset(
            SchoolStaff.objects.filter(user=user).values_list("school__path", flat=True)
        ),
    )


def can_edit_municipality(user, municipality) -> bool:
    if not is_active_person(user):
        return False
    if user.is_superuser:
        return True
    return MunicipalityAgent.objects.filter(user=user, municipality_id=municipality.pk).exists()


def schools_directed_by(user):
    """The schools whose director this user is (all of them for a portal administrator)."""
    from .models import SchoolPage

    if is_portal_admin(user):
        return SchoolPage.objects.all()
    if not is_active_person(user):
        return SchoolPage.objects.none()
    return SchoolPage.objects.filter(
        staff__user=user, staff__role=SchoolStaff.Role.DIRECTOR
    ).distinct()


# Deriving rights from the rows: role sources and setups (see accounts/roles.py).


STAFF_ROLES = {
    SchoolStaff.Role.DIRECTOR: RoleGroup.Role.SCHOOL_DIRECTOR,
    SchoolStaff.Role.TEACHER: RoleGroup.Role.SCHOOL_TEACHER,
}


def roles_from_staff_rows(user):
    """Directors and teachers hold their role on their school; agents on their municipality."""
    for staff in SchoolStaff.objects.filter(user=user).select_related("school"):
        yield staff.school, STAFF_ROLES[staff.role]
    for agent in MunicipalityAgent.objects.filter(user=user).select_related("municipality"):
        yield agent.municipality, RoleGroup.Role.MUNICIPALITY_AGENT


def setup_site_editors(page, group):
    """Directors and agents edit their own site's subtree and media in the Wagtail admin,
    and translate it: their rights cover every translation of their site."""
    grants.grant_admin_access(group)
    grants.grant_translation(group)
    for version in page.get_translations(inclusive=True):
        grants.grant_page_subtree(group, version)
    grants.grant_collection(group, page.specific.collection)


SITE_EDITOR_ROLES = (RoleGroup.Role.SCHOOL_DIRECTOR, RoleGroup.Role.MUNICIPALITY_AGENT)


def translation_created(source, translation):
    """A site translated into another language: its editors edit the translation too."""
    editors = RoleGroup.objects.filter(
        page__translation_key=source.translation_key, role__in=SITE_EDITOR_ROLES
    ).select_related("group")
    for role_group in editors:
        grants.grant_page_subtree(role_group.group, translation)


def news_sections_of(school):
    """The school's news sections: the NewsIndexPages just below its page."""
    return NewsIndexPage.objects.child_of(school)


def setup_school_teachers(school, group):
    """Teachers of a school draft news in its news sections and add images to its collection.

    add_page and change_page on each news section, not publish_page: what they write
    goes public when a director approves it (pages/workflows.py). Granted on the news
    sections and not on the school page, whose subtree holds every class space of the
    school. Images: add and choose only, so they never change or delete the school's
    own; the admin hides class images from people outside the class
    (classrooms/admin_privacy.py), since collection rights reach the class collections
    nested in the school's.
    """
    grants.grant_admin_access(group)
    grants.set_page_subtrees(group, news_sections_of(school), grants.AUTHOR_PAGE_PERMISSIONS)
    grants.grant_collection(group, school.specific.collection, grants.CONTRIBUTOR_MEDIA_PERMISSIONS)


def school_of_news_section(section):
    """The school whose news section this is, or None (a municipality's)."""
    return SchoolPage.objects.filter(path=section.path[: -Page.steplen]).first()


def regrant_school_teachers(school) -> None:
    """Bring the school's teachers' rights in line with its news sections, if it has teachers."""
    if RoleGroup.objects.filter(page_id=school.pk, role=RoleGroup.Role.SCHOOL_TEACHER).exists():
        roles.regrant(school, RoleGroup.Role.SCHOOL_TEACHER)


def give_site_its_collection(page):
    """Every school and municipality gets a media collection of its own when created."""
    if page.collection_id is None:
        page.collection = grants.new_collection(page.title)
        type(page).objects.filter(pk=page.pk).update(collection=page.collection)


def register():
    """Called from PagesConfig.ready()."""
    roles.register_source(roles_from_staff_rows)
    roles.register_setup(RoleGroup.Role.SCHOOL_DIRECTOR, setup_site_editors)
    roles.register_setup(RoleGroup.Role.SCHOOL_TEACHER, setup_school_teachers)
    roles.register_setup(RoleGroup.Role.MUNICIPALITY_AGENT, setup_site_editors)
