"""What a plan of a synthetic school holds: plain data, no database (see `plan`)."""

import uuid
from dataclasses import dataclass, field
from datetime import date


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
