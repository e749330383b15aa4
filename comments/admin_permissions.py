"""Who moderates which comments in the Wagtail admin: a permission policy per class.

The right to moderate is not a right on the comment model: it is the moderate_classroom
object permission on a class space (classrooms/permissions.py), which a class's teachers
and its school's director hold. This policy turns it into what Wagtail's menu and views
ask: whether a person moderates at least one class, and which comments are theirs.
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from guardian.shortcuts import get_objects_for_user
from wagtail.models import Page
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

from accounts.people import is_active_person
from classrooms.models import BlogEntryPage, ClassroomGroupObjectPermission, ClassroomPage
from classrooms.permissions import MODERATE, can_moderate_classroom
from performance import request_scope

from .models import ClassComment

MODERATE_ACTION = "moderate"

# Under this key the request remembers a person's classes (performance/request_scope.py).
_MODERATED_PATHS = "moderated classroom paths"


def moderated_classroom_paths(user) -> tuple[str, ...]:
    """Tree paths of the class spaces this person moderates, once per request.

    Read from the same object permission as can_moderate_classroom, so the listing shows
    exactly the comments its actions accept. Superusers hold no rows: they see them all.
    """
    if not is_active_person(user):
        return ()

    def read():
        classrooms = get_objects_for_user(
            user,
            f"classrooms.{MODERATE}",
            klass=ClassroomPage,
            accept_global_perms=False,
            with_superuser=False,
        )
        return tuple(classrooms.values_list("path", flat=True))

    return request_scope.remembered(request_scope.person_section(user.pk), _MODERATED_PATHS, read)


def entries_of_classes(paths):
    """Blog entries of these class spaces: their direct children in the page tree."""
    in_classes = Q(pk__in=[])
    for path in paths:
        in_classes |= Q(path__startswith=path, depth=len(path) // Page.steplen + 1)
    return BlogEntryPage.objects.filter(in_classes)


def comments_on(entries):
    """Comments on these entries, whatever their state, in one query (a subquery)."""
    entry_ids = entries.annotate(id_text=Cast("pk", output_field=CharField())).values("id_text")
    return ClassComment.objects.filter(
        content_type=ContentType.objects.get_for_model(BlogEntryPage), object_pk__in=entry_ids
    )


def entry_of(comment):
    """The blog entry a comment is on, or None: nothing else is moderated here."""
    blog_entry_type = ContentType.objects.get_for_model(BlogEntryPage)
    if comment.content_type_id != blog_entry_type.pk or not comment.object_pk.isdigit():
        return None
    return BlogEntryPage.objects.filter(pk=int(comment.object_pk)).first()


def classroom_of(entry):
    """The class space an entry belongs to: its parent page, found by path."""
    return ClassroomPage.objects.filter(path=entry.path[: -Page.steplen]).first()


class ClassModerationPolicy(BasePermissionPolicy):
    """Comments in the admin belong to the people who moderate their class, and only them.

    Why not Wagtail's default (Django model permissions on ClassComment): a model
    permission is all or nothing, and would show every class's comments, children's words
    included, to whoever holds it. Here the right is the one the front end checks, held
    per class by its teachers and its school's director; superusers see every class.

    The only action is "moderate" (publish or not): comments are written on the front end,
    so nobody adds, edits or deletes them in the admin.
    """

    actions = frozenset({MODERATE_ACTION})

    def user_has_permission(self, user, action):
        """Whether the person moderates at least one class (the menu and the listing)."""
        if action not in self.actions or not is_active_person(user):
            return False
        return user.is_superuser or bool(moderated_classroom_paths(user))

    def user_has_permission_for_instance(self, user, action, instance):
        """Whether the person moderates the class of this comment's entry."""
        if not self.user_has_permission(user, action):
            return False
        entry = entry_of(instance)
        if entry is None:
            return False
        if user.is_superuser:
            return True
        classroom = classroom_of(entry)
        return classroom is not None and can_moderate_classroom(user, classroom)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return ClassComment.objects.none()
        if user.is_superuser:
            return comments_on(BlogEntryPage.objects.all())
        return comments_on(entries_of_classes(moderated_classroom_paths(user)))

    def users_with_any_permission(self, actions):
        if not self.actions.intersection(actions):
            return get_user_model().objects.none()
        moderating_groups = ClassroomGroupObjectPermission.objects.filter(
            permission__content_type__app_label="classrooms", permission__codename=MODERATE
        ).values("group_id")
        return self._active_users(Q(groups__in=moderating_groups))

    def users_with_any_permission_for_instance(self, actions, instance):
        entry = entry_of(instance)
        classroom = classroom_of(entry) if entry else None
        if not self.actions.intersection(actions) or classroom is None:
            return get_user_model().objects.none()
        moderating_groups = ClassroomGroupObjectPermission.objects.filter(
            content_object=classroom,
            permission__content_type__app_label="classrooms",
            permission__codename=MODERATE,
        ).values("group_id")
        return self._active_users(Q(groups__in=moderating_groups))

    def _active_users(self, holding):
        users = get_user_model().objects.filter(Q(is_superuser=True) | holding, is_active=True)
        return users.distinct()


policy = ClassModerationPolicy(ClassComment)


def register():
    """Make this policy the one Wagtail asks about ClassComment (menu, views).

    Idempotent, so it may be called from AppConfig.ready() and from the viewset's hook;
    it must run before anything asks the registry, which would otherwise settle on
    Django's model permissions.
    """
    if policy_registry.get_by_type(ClassComment, fallback=False) is not policy:
        register_permission_policy(ClassComment, policy, exact_class=True)
