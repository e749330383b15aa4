"""What school number i of the synthetic portal holds, drawn from (seed, i) alone.

A plan is plain data (no database): the school, its classes, people, blog entries,
comments, exercises and attempts, with every name, title, status and size decided by a
`random.Random` seeded with the command's seed and the school's number. The same
(seed, i) always gives the same school, whatever the other schools and whenever it runs;
only dates are counted back from the moment the school is written.

This module draws the school, its people and classes; `plan_activities` their entries,
comments and exercises; `plan_types` is the shape of a plan, `draws` the random helpers.

Sizes, with the defaults matching the full portal (650 schools: about 3,000 classes,
61,000 pupils, 100,000 parents, 3,500 staff):
- 3 to 7 classes per school (4.6 on average), 16 to 25 pupils per class (20.5);
- each family has 1 or 2 parents (1.8 on average) and one pupil in ten is the younger
  sibling of a pupil of another class of the school: 1.6 parents per pupil;
- a director per school, who also teaches a class in schools of up to 6 classes, a
  teacher per other class, and an ATSEM for every 3 nursery classes;
- per class: 20 blog entries (mostly published, some waiting for the teacher, a few
  drafts; visibility mostly the class, some the school, a few public), 60 comments on the
  published entries (mostly published, some pending, a few rejected; the teacher's are
  replies), 2 exercises done by most pupils;
- per school: a news section with 3 news items; a PupilRecord per pupil and the family's
  answers (consents.PupilConsent), most agreeing to photos, voice and videos.

Usernames (all lowercase ASCII; schools numbered from 0, classes, pupils and parents
from 1):
    s0007.d            director of school 7 (slug "ecole-scale-0007")
    s0007.c2.t         teacher of its class 2 (none when the director teaches class 2)
    s0007.a1           its first ATSEM (classroom assistant of nursery classes)
    s0007.c2.p13       pupil 13 of class 2
    s0007.c2.p13.g1    first parent of the family whose first child is that pupil (.g2:
                       the second parent); a younger sibling in another class has these
                       same parents
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.text import slugify

from . import names
from .draws import unique_slug, weighted
from .plan_activities import plan_comments, plan_entries, plan_exercises
from .plan_types import Classroom, Family, News, Person, Pupil, School

SLUG_PREFIX = "ecole-scale-"
# Every generated account's, unless `seed_scale --password` says otherwise.
DEFAULT_PASSWORD = "scale-password-2026"
SCHOOL_YEAR_START_LEVEL_AGE = {
    "TPS": 2,
    "PS": 3,
    "MS": 4,
    "GS": 5,
    "CP": 6,
    "CE1": 7,
    "CE2": 8,
    "CM1": 9,
    "CM2": 10,
}
NURSERY = ("PS", "MS", "GS")
ELEMENTARY = ("CP", "CE1", "CE2", "CM1", "CM2")
SCHOOL_LEVELS = (
    # (pages.SchoolLevel value, class levels, share of schools)
    ("nursery", NURSERY, 0.25),
    ("elementary", ELEMENTARY, 0.5),
    ("primary", NURSERY + ELEMENTARY, 0.25),
)
# 3 to 7 classes: 4.6 on average, so 650 schools hold about 3,000 classes.
CLASS_COUNT_WEIGHTS = {3: 0.2, 4: 0.3, 5: 0.3, 6: 0.1, 7: 0.1}
PUPILS_RANGE = (16, 25)
DIRECTOR_TEACHES_UP_TO = 6  # classes: a director of a small school also has a class
CLASSES_PER_ATSEM = 3
SIBLING_SHARE = 0.1
TWO_PARENTS_SHARE = 0.8
PHOTO_CONSENT_SHARE = 0.85


@dataclass(frozen=True)
class Sizes:
    """How big each school is; None draws the size per school (see the module docstring)."""

    classes_per_school: int | None = None
    pupils_per_class: int | None = None
    entries_per_class: int = 20
    comments_per_class: int = 60
    exercises_per_class: int = 2
    news_per_school: int = 3


# Usernames and slugs


def school_slug(index: int) -> str:
    return f"{SLUG_PREFIX}{index:04d}"


def school_prefix(index: int) -> str:
    return f"s{index:04d}"


def director_username(index: int) -> str:
    return f"{school_prefix(index)}.d"


def teacher_username(index: int, class_number: int) -> str:
    return f"{school_prefix(index)}.c{class_number}.t"


def assistant_username(index: int, number: int) -> str:
    return f"{school_prefix(index)}.a{number}"


def pupil_username(index: int, class_number: int, pupil_number: int) -> str:
    return f"{school_prefix(index)}.c{class_number}.p{pupil_number}"


def parent_username(first_child_username: str, number: int) -> str:
    return f"{first_child_username}.g{number}"


def adult(rng, username, *, woman=None, surname=None):
    return Person(
        username=username,
        first_name=names.adult_first_name(rng, woman),
        last_name=surname or names.surname(rng),
        email=f"{username}@scale.example.org",
    )


def plan_school(seed: int, index: int, sizes: Sizes, school_year: str) -> School:
    """The plan of school number `index` (from 0) for this seed."""
    rng = random.Random(f"preau-scale/{seed}/{index}")
    year_start = int(school_year[:4])
    school_level, levels = weighted(
        rng, [((value, levels), share) for value, levels, share in SCHOOL_LEVELS]
    )
    class_count = sizes.classes_per_school
    if class_count is None:
        class_count = weighted(rng, list(CLASS_COUNT_WEIGHTS.items()))
    town, department = names.choose(rng, names.TOWNS)
    director = adult(rng, director_username(index))
    director_class = class_count if 0 < class_count <= DIRECTOR_TEACHES_UP_TO else None

    # Levels spread over the school's, youngest first (a large school has two CPs).
    class_levels = sorted(
        (
            levels[(j * len(levels)) // class_count]
            if class_count <= len(levels)
            else levels[j % len(levels)]
        )
        for j in range(class_count)
    )
    class_levels.sort(key=list(SCHOOL_YEAR_START_LEVEL_AGE).index)
    nursery_classes = [n for n, level in enumerate(class_levels, start=1) if level in NURSERY]
    atsem_count = -(-len(nursery_classes) // CLASSES_PER_ATSEM)  # rounded up
    assistants = [
        adult(rng, assistant_username(index, number), woman=rng.random() < 0.9)
        for number in range(1, atsem_count + 1)
    ]

    classes, families, class_slugs = [], [], set()
    for number, level in enumerate(class_levels, start=1):
        teacher = (
            director
            if number == director_class
            else adult(rng, teacher_username(index, number), woman=rng.random() < 0.8)
        )
        civility = "M." if teacher.first_name in names.ADULT_MEN else "Mme"
        title = f"{level} de {civility} {teacher.last_name}"
        assistant = None
        if number in nursery_classes:
            assistant = assistants[nursery_classes.index(number) // CLASSES_PER_ATSEM]
        classroom = Classroom(
            number=number,
            title=title,
            slug=unique_slug(slugify(f"{title} {school_year}"), class_slugs),
            level=level,
            teacher=teacher,
            assistant=assistant,
        )
        plan_pupils(rng, index, classroom, families, sizes, year_start)
        plan_entries(rng, classroom, sizes)
        plan_comments(rng, classroom, sizes)
        plan_exercises(rng, classroom, sizes)
        classes.append(classroom)

    name = names.choose(rng, names.SCHOOL_NAMES)
    news_slugs = set()
    news = []
    for title in rng.sample(names.NEWS_TITLES, min(sizes.news_per_school, len(names.NEWS_TITLES))):
        news.append(
            News(
                title=title,
                slug=unique_slug(slugify(title), news_slugs),
                intro=f"{title} : les informations pour les familles de l'école {name}.",
                days_ago=rng.randint(1, 90),
            )
        )
    news.sort(key=lambda item: -item.days_ago)
    return School(
        index=index,
        slug=school_slug(index),
        title=f"École {name}",
        school_year=school_year,
        level=school_level,
        town=town,
        postcode=f"{department}{rng.randint(0, 999):03d}",
        address=f"{rng.randint(1, 60)} {names.choose(rng, names.STREETS)}",
        phone=f"02 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
        f"{rng.randint(10, 99)}",
        email=f"{school_slug(index)}@scale.example.org",
        director=director,
        director_class=director_class,
        assistants=assistants,
        classes=classes,
        families=families,
        news=news,
    )


def plan_pupils(rng, index, classroom, families, sizes, year_start):
    count = sizes.pupils_per_class
    if count is None:
        count = rng.randint(*PUPILS_RANGE)
    age = SCHOOL_YEAR_START_LEVEL_AGE[classroom.level]
    for number in range(1, count + 1):
        username = pupil_username(index, classroom.number, number)
        family = None
        if families and rng.random() < SIBLING_SHARE:
            # The younger sibling of a pupil of another class, in a family of at most 3.
            older = [
                family
                for family in families
                if len(family.children) < 3
                and all(child.class_number != classroom.number for child in family.children)
            ]
            family = names.choose(rng, older) if older else None
        if family is None:
            family = Family(surname=names.surname(rng))
            first = adult(rng, parent_username(username, 1), surname=family.surname)
            family.parents.append(first)
            if rng.random() < TWO_PARENTS_SHARE:
                surname = family.surname if rng.random() < 0.7 else None
                family.parents.append(adult(rng, parent_username(username, 2), surname=surname))
            families.append(family)
        born = date(year_start - age - 1, 1, 1) + timedelta(days=rng.randrange(365))
        pupil = Pupil(
            person=Person(username, names.child_first_name(rng), family.surname),
            number=number,
            class_number=classroom.number,
            birth_date=born,
            photo_consent=rng.random() < PHOTO_CONSENT_SHARE,
            family=family,
        )
        family.children.append(pupil)
        classroom.pupils.append(pupil)
