"""What the Wagtail admin lists to a person: the sites and classes they work in.

Issue "Public sites": admin choosers, the explorer and search show a user only their own
school's (or town's) pages. Wagtail's explorer and page search already keep to the pages
a person holds a permission on and their ancestors (`explorable_instances`); its page
chooser lists the whole tree, so a director of one school could browse another school's
drafts and unpublished sections there. These hooks narrow both to the same set:

- the subtree of every page the person holds a role on (their school or municipality,
  the classes they belong to) or a Wagtail page permission on (a group given by hand);
- the ancestors of those pages, the portal above all, so the chooser can be browsed
  down to them from the root.

Class spaces are narrowed further by classrooms/admin_privacy.py: within their own
school, people see only the classes they may see. Portal administrators see everything.
"""

from django.db.models import Q
from wagtail.models import GroupPagePermission, Page

from accounts.models import RoleGroup
from performance import request_scope

# Under this key the request remembers a person's sites (performance/request_scope.py).
_HOME_PATHS = "admin home paths"


def home_paths(user) -> frozenset[str]:
    """Tree paths of the pages whose subtree this person works in, once per request."""

    def read():
        by_role = RoleGroup.objects.filter(group__user=user).values_list("page__path", flat=True)
        by_permission = GroupPagePermission.objects.filter(group__user=user).values_list(
            "page__path", flat=True
        )
        return frozenset(by_role) | frozenset(by_permission)

    return request_scope.remembered(request_scope.person_section(user.pk), _HOME_PATHS, read)


def scope_filter(user) -> Q:
    """Pages in or above the person's own sites and classes."""
    paths = home_paths(user)
    in_subtree = Q(pk__in=[])
    for path in paths:
        in_subtree |= Q(path__startswith=path)
    ancestors = {
        path[:end] for path in paths for end in range(Page.steplen, len(path), Page.steplen)
    }
    return in_subtree | Q(path__in=ancestors)


def limit_page_chooser(pages, request):
    """construct_page_chooser_queryset hook: only the person's own sites and classes."""
    if request.user.is_superuser:
        return pages
    return pages.filter(scope_filter(request.user))


def limit_explorer(parent_page, pages, request):
    """construct_explorer_page_queryset hook: the same pages as the chooser.

    Wagtail's explorer already keeps to the pages a person may edit; this keeps the two
    from drifting apart if a group is ever given wider rights by hand.
    """
    return limit_page_chooser(pages, request)
