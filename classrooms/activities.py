"""The registry of class activities: blog entries, exercises, and every one added later.

Like Moodle's activity modules, each activity is a page type that lives in a class space
and registers itself here from its own app's ready(). The class space reads the registry
to know which pages it may hold, what its "new" menu offers and what its wall shows, so
adding an activity never means editing classrooms/: classrooms imports nothing from an
activity app, and an activity app imports from classrooms only the models, the person
(classrooms.person) and the permission helpers it builds on.

What an activity app provides (the exercises app is the one to copy from: it owns
`ExercisePage`, its blocks, settings form, rules, cards, views and migrations):

- **Its page type**, in its own `models.py`: a subclass of
  `classrooms.models.ClassActivityPage`, which places it directly below a class space and
  gives it the class's privacy (members, their families and the school's director; 404
  for everyone else), the class's frame and file scope. Its `get_context` adds what the
  page shows to each kind of person; its template lives in the app's templates folder.
- **Its rules**, in one module (`rules.py`): who may see, do, and follow each item, always
  derived from the membership rows of classrooms.models, never from a flag on the page.
  Every view, feed, file and API of the app asks them on the server; a person outside
  gets 404. Each new page, file and action goes in the permission matrix
  (tests/permissions/matrix.py).
- **Its wall cards**: `card_template` and, to show more than a title without a query per
  card, `wall_annotations()` (expressions added to the wall's one query),
  `share_cards(pages)` (what every reader sees) and `prepare_cards(pages, request)`
  (what is this reader's: hide a card, or mark it personal). See `Activity` below.
- **What waits for a teacher** (`to_review(classroom, user)`) and **what a person left
  unfinished** (`drafts(classroom, user)`): the class wall lists them for that person.
- **A "new" button** (`new_url(classroom, user)`): where this person starts a new one in
  the front end, or "" if they may not.
- **Its cache scopes**, when it keeps anything: values are kept with
  `performance.versions.cached` under the scopes of the class or the item, and its own
  writes replace those versions (`versions.watch` from its ready(), like
  exercises.cached_attempts).
- **Its registration**, in its `apps.py` `ready()`: `activities.register(Activity(...))`.
  Wagtail hooks go in its `wagtail_hooks.py`, signal handlers in `signal_handlers.py`.
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
    user)` where their "new" button leads in the front end ("" if they may not add one),
    and `new_label` what that button says.
    `wall_annotations()` gives expressions (on the page's id, as OuterRef("pk")) that the
    wall adds to its one query, over the pages of every activity: their names must be
    the activity's own (classrooms.assigned prefixes them with the app's name), or one activity's
    would silently replace another's. The wall's pages are shared by every reader of the class
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
    new_label: str = ""  # the words of the "new" button (the blog's own by default)

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
