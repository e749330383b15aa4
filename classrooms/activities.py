"""The registry of class activities (blog entries, exercises, and any added later).

Like Moodle's activity modules: each activity is a page type that lives in a class space
and registers itself here from its app's ready(). The class space reads the registry to
know which pages it may hold, what its "new" menu offers and what its wall shows, so a
new activity never means editing classrooms/.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps


@dataclass(frozen=True)
class Activity:
    """One kind of page a class space can hold.

    The optional hooks let an activity show more than a title without costing a query
    per page: `prepare_cards(pages, request)` loads in bulk what its wall cards show
    (authors, a photo, a player); `to_review(classroom, user)` lists what waits for a
    teacher; `drafts(classroom, user)` what this person left unfinished; `new_url(classroom,
    user)` where their "new" button leads in the front end ("" if they may not add one).
    `wall_annotations()` gives expressions (on the page's id, as OuterRef("pk")) that the
    wall adds to its one query. The wall's pages are shared by every reader of the class
    (classrooms/wall.py): annotations and `share_cards(pages)` (what the cards show that is
    the same for everyone: photos, authors) say nothing of the person reading, and their
    results are kept with the pages; `prepare_cards(pages, request)` is where a card
    becomes the reader's: it may set `card_hidden` (not for them) or `card_personal` (it
    shows something of theirs: rendered for them, never shared).
    """

    model_label: str  # "app_label.ModelName" of a Page subclass
    icon: str  # a symbol of static/icons/sprite.svg
    on_wall: bool = True  # whether published pages of this type appear on the class wall
    card_template: str = "classrooms/cards/activity.html"
    share_cards: Callable | None = None
    prepare_cards: Callable | None = None
    wall_annotations: Callable | None = None
    to_review: Callable | None = None
    drafts: Callable | None = None
    new_url: Callable | None = None

    @property
    def model(self):
        return apps.get_model(self.model_label)


_activities: dict[str, Activity] = {}


def register(activity: Activity) -> None:
    """Add an activity; called from an AppConfig.ready(). Registering twice is harmless."""
    _activities[activity.model_label.lower()] = activity


def registered() -> list[Activity]:
    return list(_activities.values())


def page_models() -> list[type]:
    return [activity.model for activity in _activities.values()]


def for_model(model) -> Activity | None:
    return _activities.get(model._meta.label_lower)
