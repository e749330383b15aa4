"""The shapes of the demo's story (people, pages, classes, families...) and the small
helpers its text is written with. The story itself is `home/demo/data.py`.

People are compared by identity, not by name: two pupils may share a name (there are two
Lucas Bernard, in two towns) and still be two accounts, while a teacher who is also a
parent is one object referenced twice, hence one account.
"""

from dataclasses import dataclass

from wagtail.rich_text import RichText


@dataclass(eq=False)
class Person:
    first_name: str
    last_name: str
    adult: bool = True


@dataclass(frozen=True)
class PageSpec:
    """A standard page or news item: a title, an introduction and a StreamField body."""

    title: str
    intro: str = ""
    body: tuple = ()
    days_ago: int = 0


@dataclass(frozen=True)
class EventSpec:
    title: str
    intro: str
    location: str
    days_ahead: int
    hour: int
    duration_hours: int = 2
    body: tuple = ()


@dataclass(frozen=True)
class CommentSpec:
    """A comment guided by the three prompts; `author` is the first name of a pupil of the
    class, or of the pupil whose first parent writes when `by_parent` is set."""

    author: str
    liked: str
    suggestion: str = ""
    wondering: str = ""
    by_parent: bool = False
    approved: bool = True
    hours_after: int = 6


@dataclass(frozen=True)
class EntrySpec:
    """A blog entry written by 1-3 pupils of the class (first names); a draft when not live.

    A draft may have been sent to the teacher (`sent`), and sent back with a note
    (`sent_back`); a live entry may be shared beyond the class (`visibility`) and carry a
    recording of its authors (`recording`, a generated melody standing for their voices)
    and a photo of the class's work (`photo`, a drawing standing for it).
    """

    title: str
    paragraphs: tuple[str, ...]
    authors: tuple[str, ...]
    days_ago: int = 0
    live: bool = True
    comments: tuple[CommentSpec, ...] = ()
    sent: bool = False
    sent_back: str = ""
    visibility: str = "class"
    recording: str = ""
    topics: tuple[str, ...] = ()
    # A photo of the class's work: a picture home/demo/images.py draws (no one's face),
    # its text alternative and its caption.
    photo: str = ""
    photo_alt: str = ""
    photo_caption: str = ""


@dataclass(frozen=True)
class ExerciseSpec:
    """An exercise: its instructions, then questions as (block type, raw value) pairs."""

    title: str
    instructions: tuple[str, ...]
    questions: tuple[tuple[str, dict], ...] = ()
    max_attempts: int = 1


@dataclass(frozen=True)
class ClassSpec:
    key: str
    title: str
    level: str
    teacher: Person
    welcome: str
    entries: tuple[EntrySpec, ...]
    assistant: Person | None = None
    exercise: ExerciseSpec | None = None


@dataclass(frozen=True)
class DayMenuSpec:
    """One day's canteen lunch; `day` is "monday"... "friday" (pages.blocks.WEEKDAYS)."""

    day: str
    starter: str
    main_course: str
    side: str
    dairy: str
    dessert: str
    labels: tuple[str, ...] = ()

    def allergens(self, course):
        """The regulated allergens of one course's dish (pages/allergens.py codes)."""
        dish = getattr(self, course).lower()
        return sorted(
            {code for word, codes in DISH_ALLERGENS.items() if word in dish for code in codes}
        )


# What the demo's dishes contain, by a word of their name: enough for a believable menu,
# not a nutritionist's table.
DISH_ALLERGENS = {
    "lasagne": ("gluten", "milk", "eggs"),
    "coquillette": ("gluten",),
    "pâtes": ("gluten",),
    "gâteau": ("gluten", "eggs", "milk"),
    "tarte": ("gluten", "eggs", "milk"),
    "pané": ("gluten", "eggs", "fish"),
    "colin": ("fish",),
    "poisson": ("fish",),
    "saumon": ("fish",),
    "œuf": ("eggs",),
    "omelette": ("eggs", "milk"),
    "mayonnaise": ("eggs", "mustard"),
    "vinaigrette": ("mustard",),
    "yaourt": ("milk",),
    "fromage": ("milk",),
    "emmental": ("milk",),
    "camembert": ("milk",),
    "petit-suisse": ("milk",),
    "crème": ("milk",),
    "purée": ("milk",),
    "potage": ("celery",),
    "basquaise": ("celery",),
    "dahl": ("mustard",),
    "chocolat": ("soy",),
}


def menu(day, courses, *labels):
    """A day's menu from "starter | main course | side dish | dairy | dessert"."""
    return DayMenuSpec(day, *courses.split(" | "), labels=labels)


@dataclass(frozen=True)
class WorkSpec:
    """A work of an exhibition; `drawing` names the picture home/demo/images.py draws for it."""

    title: str
    caption: str
    alt_text: str
    description: str
    drawing: str


@dataclass(frozen=True)
class GallerySpec:
    title: str
    intro: str
    works: tuple[WorkSpec, ...]


@dataclass(frozen=True)
class StatementSpec:
    """The accessibility statement every site of the demo publishes."""

    title: str
    compliance: str
    audit_days_ago: int
    non_conformities: str
    intro: str = ""


@dataclass(frozen=True)
class SchoolSpec:
    title: str
    level: str
    town: str
    postcode: str
    address: str
    phone: str
    email: str
    opening_hours: str
    intro: str
    body: tuple
    director: Person
    project: PageSpec
    news: tuple[PageSpec, ...]
    event: EventSpec
    classes: tuple[ClassSpec, ...]
    # The pupil (class key, first name) whose account, and first parent's, the login table shows.
    showcase: tuple[str, str]
    director_word: str = ""
    director_signature: str = ""
    accent: str = ""
    gallery: GallerySpec | None = None


@dataclass(frozen=True)
class MunicipalitySpec:
    title: str
    town: str
    postcode: str
    address: str
    phone: str
    intro: str
    body: tuple
    agent: Person
    pages: tuple[PageSpec, ...]
    news: tuple[PageSpec, ...]
    accent: str = ""
    # Two weeks of canteen menus: this week's and next week's.
    canteen_weeks: tuple[tuple[DayMenuSpec, ...], ...] = ()


@dataclass(frozen=True)
class Family:
    """Parents (one or two) and their children, each child with the key of their class."""

    parents: tuple[Person, ...]
    children: tuple[tuple[str, str], ...]

    @property
    def last_name(self):
        return self.parents[0].last_name


def heading(text):
    return ("heading", {"text": text})


def paragraph(html):
    return ("paragraph", RichText(html))


def quote(text, attribution=""):
    return ("quote", {"text": text, "attribution": attribution})


def family_parents(last_name, *first_names):
    """The parents of a family who share its name, one `Person` each."""
    return tuple(Person(first, last_name) for first in first_names)
