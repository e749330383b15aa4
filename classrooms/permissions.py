"""Who may see and do what in a class space: the one place where those rules are written.

The truth is data (DESIGN.md "Who may do what"): memberships of the class, the
guardianships of its pupils and the director rows of its school. From those rows,
accounts/roles.py puts each person in per-class role groups, and this module says what
each role group may do:
- front-end actions as django-guardian object permissions on the class space (direct
  foreign-key tables, granted to groups, never to people one by one);
- for teachers, the class's subtree and media collection in the Wagtail admin.
"""

from django.contrib.auth.models import Permission
from django.db.models import Q
from django.utils import timezone
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page

from accounts import grants, roles
from accounts.models import RoleGroup
from accounts.people import is_active_person
from pages.models import SchoolPage

from . import person
from .models import ClassroomGroupObjectPermission, ClassroomPage, Guardianship, Membership
from .person import person_of

VIEW = "view_classroompage"
POST = "post_in_classroom"
COMMENT = "comment_in_classroom"
MODERATE = "moderate_classroom"
MANAGE = "manage_classroom"

# What each role may do in a class space.
CLASS_ROLE_PERMISSIONS = {
    RoleGroup.Role.CLASS_TEACHER: (VIEW, POST, COMMENT, MODERATE, MANAGE),
    RoleGroup.Role.CLASS_ASSISTANT: (VIEW, POST, COMMENT),
    RoleGroup.Role.CLASS_PUPIL: (VIEW, POST, COMMENT),
    RoleGroup.Role.CLASS_PARENT: (VIEW, COMMENT),
    RoleGroup.Role.SCHOOL_DIRECTOR: (VIEW, COMMENT, MODERATE, MANAGE),
}
# A closed class (its year's archive, ClassroomPage.closed_on) is read-only for everyone:
# its teachers and the school's directors read it for good, its pupils, their parents and
# its assistants until `families_until`. Every right below is taken back when the class
# closes (`restrict_archive`), so no view, form or channel has to ask again.
ARCHIVE_KEEPERS = (RoleGroup.Role.CLASS_TEACHER, RoleGroup.Role.SCHOOL_DIRECTOR)
MEMBERSHIP_ROLES = {
    Membership.Role.TEACHER: RoleGroup.Role.CLASS_TEACHER,
    Membership.Role.ASSISTANT: RoleGroup.Role.CLASS_ASSISTANT,
    Membership.Role.PUPIL: RoleGroup.Role.CLASS_PUPIL,
}


# Checking


def visible_classroom_ids(user) -> frozenset[int]:
    """Ids of the class spaces this user may see, read once per request.

    Read from django-guardian's object permission tables (the person's role groups' and
    their own, never global permissions) with everything else about the person, in one
    query per request (person.py): a membership added meanwhile shows on the next page.
    """
    if not is_active_person(user):
        return frozenset()
    return person_of(user).visible_class_ids(VIEW)


def can_view_classroom(user, classroom) -> bool:
    if is_active_person(user) and user.is_superuser:
        return True
    if classroom.pk not in visible_classroom_ids(user):
        return False
    if classroom.is_archive and not families_may_read(classroom):
        # The families' time is over even if the nightly `close_expired_archives` has not
        # taken their right back yet: only the class's teachers and the directors read on.
        return keeps_archive(user, classroom)
    return True


def families_may_read(classroom, today=None) -> bool:
    """Whether the pupils and parents of an archive still read it (README "The school
    year's end"); an archive without a date is read by its families for good."""
    until = classroom.families_until
    return until is None or (today or timezone.localdate()) <= until


def keeps_archive(user, classroom) -> bool:
    """The class's teachers and the school's directors read its archive for good."""
    me = person_of(user)
    return me.is_member(classroom, Membership.Role.TEACHER) or any(
        classroom.path.startswith(path) for path in me.directed_school_paths()
    )


def role_codenames(role, classroom, today=None) -> tuple:
    """What a role may do in this class: everything its role says in a class of the
    year, only reading in an archive, and nothing once an archive's families' time is over
    for the families' roles."""
    if not classroom.is_archive:
        return CLASS_ROLE_PERMISSIONS[role]
    if role in ARCHIVE_KEEPERS or families_may_read(classroom, today):
        return (VIEW,)
    return ()


def has_class_permission(user, codename, classroom) -> bool:
    """Whether the person holds this right on the class, through their role groups.

    Every right the person holds on every class is read once per request from
    guardian's tables, as its ObjectPermissionChecker would read them
    (person.py): a page asking many questions about classes costs no more query.
    """
    if not is_active_person(user):
        return False
    if user.is_superuser:
        return True
    return codename in person_of(user).rights.get(classroom.pk, ())


def can_manage_classroom(user, classroom) -> bool:
    """Teachers of the class and the school's director manage its pupils and parents."""
    return has_class_permission(user, MANAGE, classroom)


def can_moderate_classroom(user, classroom) -> bool:
    return has_class_permission(user, MODERATE, classroom)


def can_post_in_classroom(user, classroom) -> bool:
    return has_class_permission(user, POST, classroom)


def can_comment_in_classroom(user, classroom) -> bool:
    return has_class_permission(user, COMMENT, classroom)


def works_in_classroom(user, classroom, role=Membership.Role.PUPIL) -> bool:
    """Whether a pupil (or an assistant) of the class may still do and hand in work there.

    The activities' own rules say who does what from the membership rows; in a closed class
    (its year's archive) those rows stay, for its families to read it, but the right to post
    is taken back (`role_codenames`): asked here, an archive is read-only for its pupils in
    every activity, not only on the blog.
    """
    return person_of(user).is_member(classroom, role) and can_post_in_classroom(user, classroom)


def school_of(classroom):
    """The school a class space belongs to: its parent page, found by path."""
    return SchoolPage.objects.get(path=classroom.path[: -Page.steplen])


def classrooms_in_school(school):
    return ClassroomPage.objects.filter(path__startswith=school.path, depth=school.depth + 1)


def classrooms_directed_by(user):
    """Class spaces of the schools this user directs, in one query (none if none)."""
    school_paths = person_of(user).directed_school_paths()
    in_schools = Q(pk__in=[])
    for path in school_paths:
        in_schools |= Q(path__startswith=path, depth=len(path) // Page.steplen + 1)
    return ClassroomPage.objects.filter(in_schools)


# Deriving rights from the rows


def roles_from_class_rows(user):
    """Members hold their role on their class; parents the parent role on their children's."""
    for membership in Membership.objects.filter(user=user).select_related("classroom"):
        yield membership.classroom, MEMBERSHIP_ROLES[membership.role]
    for membership in Membership.objects.filter(
        role=Membership.Role.PUPIL, user__guardians__parent=user
    ).select_related("classroom"):
        yield membership.classroom, RoleGroup.Role.CLASS_PARENT


def _permissions(codenames):
    return Permission.objects.filter(content_type__app_label="classrooms", codename__in=codenames)


def grant_class_permissions(group, classrooms, codenames) -> None:
    rows = [
        ClassroomGroupObjectPermission(group=group, permission=permission, content_object=room)
        for room in classrooms
        for permission in _permissions(codenames)
    ]
    ClassroomGroupObjectPermission.objects.bulk_create(rows, ignore_conflicts=True)
    # A bulk insert sends no signal: the group's members read their rights again.
    person.forget(group.user_set.values_list("pk", flat=True))


def setup_class_role(classroom, group) -> None:
    role = group.role.role
    grant_class_permissions(group, [classroom], role_codenames(role, classroom))
    if role == RoleGroup.Role.CLASS_TEACHER and not classroom.is_archive:
        grants.grant_admin_access(group)
        grants.grant_page_subtree(group, classroom)
        grants.grant_collection(group, classroom.collection)


def setup_directors_on_classes(school, group) -> None:
    """Directors see, moderate and manage every class of their school (only read its
    archives)."""
    rooms = list(classrooms_in_school(school))
    director = RoleGroup.Role.SCHOOL_DIRECTOR
    grant_class_permissions(
        group, [room for room in rooms if not room.is_archive], CLASS_ROLE_PERMISSIONS[director]
    )
    grant_class_permissions(group, [room for room in rooms if room.is_archive], (VIEW,))


def restrict_archive(classroom, today=None) -> None:
    """Take back what a closed class no longer allows: every right but reading, the
    teachers' pages and media in the Wagtail admin, and reading itself for the families'
    roles once `families_until` has passed. Run when the class closes and every night
    (`close_expired_archives`); running it again changes nothing."""
    if not classroom.is_archive:
        return
    affected = set()
    rows = ClassroomGroupObjectPermission.objects.filter(content_object=classroom)
    holders = list(rows.values_list("group_id", flat=True))
    for role_group in RoleGroup.objects.filter(
        Q(page_id=classroom.pk) | Q(group_id__in=holders)
    ).select_related("group"):
        keep = role_codenames(role_group.role, classroom, today)
        taken, _kinds = (
            rows.filter(group=role_group.group).exclude(permission__codename__in=keep).delete()
        )
        if role_group.role == RoleGroup.Role.CLASS_TEACHER:
            taken += GroupPagePermission.objects.filter(
                group=role_group.group, page=classroom
            ).delete()[0]
            taken += GroupCollectionPermission.objects.filter(
                group=role_group.group, collection_id=classroom.collection_id
            ).delete()[0]
        if taken:
            affected.update(role_group.group.user_set.values_list("pk", flat=True))
    person.forget(affected)


def set_up_new_classroom(classroom) -> None:
    """A new class gets its media collection, and its school's directors get their rights."""
    school = school_of(classroom)
    if classroom.collection_id is None:
        parent = school.collection
        classroom.collection = grants.new_collection(classroom.title, parent)
        ClassroomPage.objects.filter(pk=classroom.pk).update(collection=classroom.collection)
    directors = roles.group_for(school, RoleGroup.Role.SCHOOL_DIRECTOR)
    grant_class_permissions(
        directors, [classroom], CLASS_ROLE_PERMISSIONS[RoleGroup.Role.SCHOOL_DIRECTOR]
    )


def classroom_moved(classroom) -> None:
    """A class moved to another school: only the new school's directors keep rights on it."""
    ClassroomGroupObjectPermission.objects.filter(
        content_object=classroom, group__role__role=RoleGroup.Role.SCHOOL_DIRECTOR
    ).delete()
    set_up_new_classroom(classroom)


def people_affected_by(row):
    """Whose rights change when a membership or guardianship row changes."""
    if isinstance(row, Guardianship):
        return [row.parent]
    people = [row.user]
    if row.role == Membership.Role.PUPIL:
        guardianships = Guardianship.objects.filter(child=row.user_id).select_related("parent")
        people += [guardianship.parent for guardianship in guardianships]
    return people


def register():
    """Called from ClassroomsConfig.ready()."""
    roles.register_source(roles_from_class_rows)
    for role in MEMBERSHIP_ROLES.values():
        roles.register_setup(role, setup_class_role)
    roles.register_setup(RoleGroup.Role.CLASS_PARENT, setup_class_role)
    roles.register_setup(RoleGroup.Role.SCHOOL_DIRECTOR, setup_directors_on_classes)
