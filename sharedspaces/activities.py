"""What a shared space holds: the activities that plug in (forum, newspaper, story).

Like classrooms/activities.py for a class space: each activity app registers one
`SpaceActivity` from its AppConfig.ready(); the shared space's pages, its "create a
space" form and "my spaces" list are built from this registry, so a new kind of shared
space is a new app, never an edit of this one.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class SpaceActivity:
    """One kind of shared space.

    key: stored in SharedSpace.activity. label / description: shown when a space is created.
    icon: a name of templates/includes/icons. home_url(space) → the address of the space's
    page of this activity. ordered: the member classes take turns (stories), so the space's
    class list shows and lets its managers change their order.
    waiting_for(standing) → how many contributions wait for this viewer's review, for the
    space lists (optional; must not query per space: it gets the viewer's standing).
    """

    key: str
    label: Promise | str
    description: Promise | str
    icon: str
    home_url: Callable
    ordered: bool = False


_activities: dict[str, SpaceActivity] = {}


def register(activity: SpaceActivity) -> None:
    _activities[activity.key] = activity


def get(key) -> SpaceActivity | None:
    return _activities.get(key)


def all_activities() -> list[SpaceActivity]:
    return list(_activities.values())


def choices() -> list[tuple[str, str]]:
    return [(activity.key, activity.label) for activity in _activities.values()]
