"""What school number i of the synthetic portal holds, drawn from (seed, i) alone.

A plan is plain data (no database): the school, its classes, people, blog entries,
comments, exercises and attempts, with every name, title, status and size decided by a
`random.Random` seeded with the command's seed and the school's number. The same
(seed, i) always gives the same school, whatever the other schools and whenever it runs;
only dates are counted back from the moment the school is written.

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
- per school: a news section with 3 news items; a PupilRecord per pupil, most with
  photo consent.

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
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils.text import slugify

from . import names

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
ENTRY_STATUSES = (("published", 0.85), ("waiting", 0.1), ("draft", 0.05))
ENTRY_VISIBILITIES = (("class", 0.8), ("school", 0.15), ("public", 0.05))
COMMENT_STATUSES = (("published", 0.8), ("pending", 0.15), ("rejected", 0.05))
ATTEMPT_SHARE = 0.85  # of the pupils of the class, per exercise
FINISHED_SHARE = 0.95
RIGHT_ANSWER_SHARE = 0.75
ENTRY_SPAN_DAYS = 180  # entries spread over the school year so far


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


# The plan


@dataclass(eq=False)
class Person:
    username: str
    first_name: str
    last_name: str
    email: str = ""  # adults only: pupils have no e-mail address


@dataclass(eq=False)
class Family:
    surname: str
    parents: list[Person] = field(default_factory=list)
    children: list["Pupil"] = field(default_factory=list)


@dataclass(eq=False)
class Pupil:
    person: Person
    number: int
    class_number: int
    birth_date: date
    photo_consent: bool
    family: Family


@dataclass(eq=False)
class Entry:
    number: int
    title: str
    slug: str
    paragraphs: list[str]
    topics: list[str]
    authors: list[Pupil]
    status: str  # "published", "waiting" (for the teacher) or "draft"
    visibility: str
    days_ago: int
    translation_key: uuid.UUID
    block_ids: list[str]

    @property
    def live(self):
        return self.status == "published"


@dataclass(eq=False)
class Comment:
    entry: Entry
    author: Person
    by: str  # "pupil", "parent" or "teacher"
    status: str  # "published", "pending" or "rejected"
    liked: str
    suggestion: str
    wondering: str
    hours_after: int
    reply_to: "Comment | None" = None


@dataclass(eq=False)
class Attempt:
    pupil: Pupil
    seed: int
    right: list[bool]  # per question, in order
    finished: bool
    days_ago: int
    minutes: int


@dataclass(eq=False)
class Exercise:
    number: int
    title: str
    slug: str
    body: list[dict]  # raw StreamField data of exercises.blocks.ExerciseBodyBlock
    max_attempts: int
    days_ago: int
    translation_key: uuid.UUID
    attempts: list[Attempt] = field(default_factory=list)


@dataclass(eq=False)
class Classroom:
    number: int
    title: str
    slug: str
    level: str
    teacher: Person
    assistant: Person | None
    pupils: list[Pupil] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    exercises: list[Exercise] = field(default_factory=list)


@dataclass(eq=False)
class News:
    title: str
    slug: str
    intro: str
    days_ago: int


@dataclass(eq=False)
class School:
    index: int
    slug: str
    title: str
    school_year: str
    level: str
    town: str
    postcode: str
    address: str
    phone: str
    email: str
    director: Person
    director_class: int | None  # the class the director teaches, if any
    assistants: list[Person]
    classes: list[Classroom]
    families: list[Family]
    news: list[News]

    @property
    def teachers(self) -> list[Person]:
        """The class teachers who are not the director."""
        return [c.teacher for c in self.classes if c.teacher is not self.director]

    @property
    def pupils(self) -> list[Pupil]:
        return [pupil for classroom in self.classes for pupil in classroom.pupils]

    @property
    def parents(self) -> list[Person]:
        return [parent for family in self.families for parent in family.parents]

    def counts(self) -> dict[str, int]:
        """What writing this school adds, by kind (the tests compare these with the rows)."""
        entries = [e for c in self.classes for e in c.entries]
        comments = [m for c in self.classes for m in c.comments]
        exercises = [x for c in self.classes for x in c.exercises]
        return {
            "schools": 1,
            "classes": len(self.classes),
            "pupils": len(self.pupils),
            "parents": len(self.parents),
            "staff": 1 + len(self.teachers) + len(self.assistants),
            "accounts": 1 + len(self.teachers) + len(self.assistants)
            + len(self.pupils) + len(self.parents),
            "entries": len(entries),
            "published_entries": sum(e.status == "published" for e in entries),
            "waiting_entries": sum(e.status == "waiting" for e in entries),
            "draft_entries": sum(e.status == "draft" for e in entries),
            "comments": len(comments),
            "published_comments": sum(m.status == "published" for m in comments),
            "pending_comments": sum(m.status == "pending" for m in comments),
            "exercises": len(exercises),
            "attempts": sum(len(x.attempts) for x in exercises),
            "news": len(self.news),
        }  # fmt: skip


def weighted(rng, choices):
    """A value from (value, weight) pairs."""
    point = rng.random() * sum(weight for _value, weight in choices)
    for value, weight in choices:
        point -= weight
        if point < 0:
            return value
    return choices[-1][0]


def new_uuid(rng) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def unique_slug(base, taken):
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    taken.add(slug)
    return slug


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


def plan_entries(rng, classroom, sizes):
    count = sizes.entries_per_class
    slugs = set()
    for number in range(1, count + 1):
        status = "published" if number == 1 else weighted(rng, ENTRY_STATUSES)
        title = names.entry_title(rng)
        paragraphs = rng.sample(names.PARAGRAPHS, rng.randint(1, 3))
        authors = (
            rng.sample(classroom.pupils, min(len(classroom.pupils), rng.randint(1, 3)))
            if classroom.pupils
            else []
        )
        # Oldest first; what still waits for the teacher, or is a draft, is recent.
        if status == "published":
            days_ago = (count - number) * ENTRY_SPAN_DAYS // count + rng.randint(0, 3)
        else:
            days_ago = rng.randint(0, 6)
        classroom.entries.append(
            Entry(
                number=number,
                title=title,
                slug=unique_slug(slugify(title), slugs),
                paragraphs=paragraphs,
                topics=rng.sample(names.TOPICS, rng.randint(0, 2)),
                authors=authors,
                status=status,
                visibility=weighted(rng, ENTRY_VISIBILITIES) if status == "published" else "class",
                days_ago=days_ago,
                translation_key=new_uuid(rng),
                block_ids=[str(new_uuid(rng)) for _paragraph in paragraphs],
            )
        )


def plan_comments(rng, classroom, sizes):
    published = [entry for entry in classroom.entries if entry.live]
    if not published:
        return
    top_level = {}  # entry → published comments of pupils and parents, to answer
    for _number in range(sizes.comments_per_class):
        entry = names.choose(rng, published)
        draw = rng.random()
        if classroom.pupils and draw < 0.45:
            pupil = names.choose(rng, classroom.pupils)
            author, by = pupil.person, "pupil"
        elif classroom.pupils and draw < 0.9:
            pupil = names.choose(rng, classroom.pupils)
            author, by = names.choose(rng, pupil.family.parents), "parent"
        else:
            author, by = classroom.teacher, "teacher"
        # The class's teachers publish at once; pupils' and parents' comments wait.
        status = "published" if by == "teacher" else weighted(rng, COMMENT_STATUSES)
        answered = top_level.get(entry) or []
        reply_to = answered[-1] if by == "teacher" and answered else None
        comment = Comment(
            entry=entry,
            author=author,
            by=by,
            status=status,
            liked=names.choose(rng, names.LIKED),
            suggestion=names.choose(rng, names.SUGGESTIONS),
            wondering=names.choose(rng, names.WONDERINGS),
            hours_after=rng.randint(1, 72) + (reply_to.hours_after if reply_to else 0),
            reply_to=reply_to,
        )
        if by != "teacher" and status == "published":
            top_level.setdefault(entry, []).append(comment)
        classroom.comments.append(comment)


EXERCISES = (
    (
        "Les nombres jusqu'à 100",
        "Lis bien chaque question avant de répondre.",
        [
            ("Écris en chiffres : soixante-douze.", "72"),
            ("Écris en chiffres : quatre-vingt-quinze.", "95"),
        ],
        ("Quel nombre est le plus grand ?", ["95", "59", "85"]),
    ),
    (
        "Le présent des verbes en -er",
        "Conjugue chaque verbe au présent.",
        [("Nous (chanter) …", "chantons"), ("Ils (jouer) …", "jouent")],
        ("Quelle phrase est au présent ?", ["Je mange.", "Je mangeais.", "Je mangerai."]),
    ),
    (
        "Les animaux de la ferme",
        "Réponds avec un seul mot.",
        [("Le petit de la vache s'appelle le …", "veau"), ("La femelle du coq est la …", "poule")],
        ("Quel animal pond des œufs ?", ["La poule", "La vache", "Le cheval"]),
    ),
    (
        "Les mesures de longueur",
        "Tu peux utiliser ta règle.",
        [("Combien de centimètres dans un mètre ?", "100"), ("1 km = … m", "1000")],
        ("Quelle est la plus grande longueur ?", ["1 km", "1 m", "1 cm"]),
    ),
)


def exercise_body(rng, template):
    _title, instruction, short_answers, (choice_prompt, choices) = template
    body = [{"type": "instruction", "value": {"text": instruction}, "id": str(new_uuid(rng))}]
    for prompt, answer in short_answers:
        body.append(
            {
                "type": "short_answer",
                "value": {
                    "prompt": prompt,
                    "audio_instruction": None,
                    "answers": answer,
                    "accept_missing_accents": False,
                    "points": 1,
                },
                "id": str(new_uuid(rng)),
            }
        )
    body.append(
        {
            "type": "multiple_choice",
            "value": {
                "prompt": choice_prompt,
                "audio_instruction": None,
                "choices": [
                    {"text": text, "image": None, "alt_text": "", "correct": n == 0}
                    for n, text in enumerate(choices)
                ],
                "several_answers": False,
                "points": 1,
            },
            "id": str(new_uuid(rng)),
        }
    )
    return body


def plan_exercises(rng, classroom, sizes):
    slugs = set()
    for number in range(1, sizes.exercises_per_class + 1):
        template = EXERCISES[rng.randrange(len(EXERCISES))]
        body = exercise_body(rng, template)
        questions = len(body) - 1
        days_ago = rng.randint(7, 60)
        exercise = Exercise(
            number=number,
            title=template[0],
            slug=unique_slug(slugify(template[0]), slugs),
            body=body,
            max_attempts=rng.choice((0, 1, 2)),
            days_ago=days_ago,
            translation_key=new_uuid(rng),
        )
        for pupil in classroom.pupils:
            if rng.random() >= ATTEMPT_SHARE:
                continue
            finished = rng.random() < FINISHED_SHARE
            answered = questions if finished else rng.randint(0, questions - 1)
            exercise.attempts.append(
                Attempt(
                    pupil=pupil,
                    seed=rng.randrange(2**31),
                    right=[rng.random() < RIGHT_ANSWER_SHARE for _q in range(answered)],
                    finished=finished,
                    days_ago=rng.randint(0, days_ago),
                    minutes=rng.randint(3, 20),
                )
            )
        classroom.exercises.append(exercise)
