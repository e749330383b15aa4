"""The conversations of school number i, drawn from (seed, i) alone, like its plan.

A plan of conversations is plain data (no database), made from a school's plan
(`plan.plan_school`): for each class, its teacher has a few conversations, most with
the parents of one pupil (both parents together when the teacher wrote first, as
`services.start_with_families` groups them; a parent who writes first writes to the
teacher alone), some with one pupil; who started each one, its messages (author, text,
how long ago) and how far each person read it. Only what messaging's rules allow
(messaging/rules.py): a teacher with the families and pupils of their own class, a
pupil with the teacher of their class (tests/devtools/test_seed_messages.py checks
every conversation with `rules.refused_people`).

The draws come from a random generator of their own (`preau-scale-messages/seed/i`),
so the schools' other rows are the same with or without conversations, and a school
seeded without them gets the same ones later.

Sizes (`--conversations-per-teacher`, 4 by default when asked for): three conversations
in four with a family, one in four with a pupil; 1 to 12 messages each (about 4.5 on
average), over the last three weeks, the last ones of the day within a few hours; about
a third of the people have not read the last message the others wrote (the header's
counter shows them a number).
"""

import random
from dataclasses import dataclass, field

from .draws import weighted
from .plan_types import Person, School

FAMILY_SHARE = 0.75  # of a teacher's conversations; the others are with a pupil
STARTED_BY_TEACHER_SHARE = 0.6
# Messages in a conversation: most are short exchanges, a few go on.
MESSAGE_COUNT_WEIGHTS = {1: 0.15, 2: 0.2, 3: 0.15, 4: 0.12, 5: 0.1, 6: 0.08, 8: 0.1, 12: 0.1}
UNREAD_SHARE = 0.35  # of the people who did not write the last message
DAYS_BACK = 21

SUBJECTS = (
    "Sortie au musée",
    "Cahier de liaison",
    "Rendez-vous",
    "Absence de demain",
    "Les devoirs de la semaine",
    "Photo de classe",
    "Piscine",
    "Le spectacle de fin d'année",
    "Fournitures",
    "Une question",
    "Cantine",
    "Le livre de lecture",
)
TEACHER_LINES = (
    "Bonjour, pouvez-vous signer le mot dans le cahier de liaison ?",
    "Merci pour votre message, je regarde cela demain matin.",
    "La sortie aura lieu jeudi, départ à 9 h.",
    "Tout s'est bien passé aujourd'hui, il a beaucoup participé.",
    "Pouvons-nous nous voir mardi après la classe ?",
    "N'oubliez pas le maillot de bain pour la piscine.",
    "Bravo pour ton texte, tu peux le relire avec tes parents.",
)
PARENT_LINES = (
    "Bonjour, notre fille sera absente demain matin (rendez-vous médical).",
    "Merci beaucoup pour ces nouvelles.",
    "Mardi après la classe nous convient très bien.",
    "Il a oublié son cahier à l'école, peut-il le récupérer ?",
    "Est-ce qu'il faut prévoir un pique-nique pour la sortie ?",
    "C'est signé, bonne soirée.",
)
PUPIL_LINES = (
    "Bonjour maîtresse, j'ai fini mon texte.",
    "Merci !",
    "Je peux apporter mon livre demain ?",
    "J'ai trouvé une photo pour notre exposé.",
)


@dataclass(eq=False)
class PlannedMessage:
    author: Person
    text: str
    minutes_ago: int


@dataclass(eq=False)
class PlannedConversation:
    subject: str
    starter: Person
    people: list[Person]  # the starter first
    with_pupil: bool
    class_number: int
    messages: list[PlannedMessage] = field(default_factory=list)
    # username → how many of the messages that person read (all of them: len(messages))
    read: dict[str, int] = field(default_factory=dict)


def line_for(rng, person, pupils):
    if person.username in pupils:
        return rng.choice(PUPIL_LINES)
    if person.username.endswith((".g1", ".g2")):
        return rng.choice(PARENT_LINES)
    return rng.choice(TEACHER_LINES)


def plan_conversations(seed: int, school: School, per_teacher: int) -> list[PlannedConversation]:
    """The conversations of this school's teachers, `per_teacher` for each class."""
    rng = random.Random(f"preau-scale-messages/{seed}/{school.index}")
    conversations = []
    for classroom in school.classes:
        teacher = classroom.teacher
        pupils = {pupil.person.username for pupil in classroom.pupils}
        families = []
        for pupil in classroom.pupils:
            if pupil.family not in families and pupil.family.parents:
                families.append(pupil.family)
        family_count = sum(rng.random() < FAMILY_SHARE for _ in range(per_teacher))
        family_count = min(family_count, len(families))
        chosen_families = rng.sample(families, family_count)
        chosen_pupils = rng.sample(
            classroom.pupils, min(per_teacher - family_count, len(classroom.pupils))
        )
        groups = [list(family.parents) for family in chosen_families]
        groups += [[pupil.person] for pupil in chosen_pupils]
        for others in groups:
            with_pupil = others[0].username in pupils
            if rng.random() < STARTED_BY_TEACHER_SHARE:
                starter = teacher
            else:
                # A parent writes to the teacher alone (the other parent is not one of
                # their contacts); a pupil to their teacher.
                starter = rng.choice(others)
                others = [starter]
            people = [starter, *[p for p in [teacher, *others] if p is not starter]]
            conversation = PlannedConversation(
                subject=rng.choice(SUBJECTS),
                starter=starter,
                people=people,
                with_pupil=with_pupil,
                class_number=classroom.number,
            )
            plan_messages(rng, conversation, teacher, others, pupils)
            conversations.append(conversation)
    return conversations


def plan_messages(rng, conversation, teacher, others, pupils):
    count = weighted(rng, list(MESSAGE_COUNT_WEIGHTS.items()))
    # The first message some days ago, each next one minutes to a day later.
    minutes = rng.randint(60, DAYS_BACK * 24 * 60)
    author = conversation.starter
    for number in range(count):
        conversation.messages.append(
            PlannedMessage(author, line_for(rng, author, pupils), max(0, minutes))
        )
        minutes -= rng.choice((2, 5, 15, 60, 180, 600, 1440))
        if minutes < 0:
            break
        # Mostly the other side answers; sometimes the same person writes again.
        if rng.random() < 0.75 or number == 0:
            author = teacher if author is not teacher else rng.choice(others)
    last = conversation.messages[-1]
    for person in conversation.people:
        if person is last.author or rng.random() >= UNREAD_SHARE:
            conversation.read[person.username] = len(conversation.messages)
            continue
        # Read up to some earlier message of the others, or never opened; at least up
        # to their own last message (writing marks the conversation read).
        own = [i + 1 for i, m in enumerate(conversation.messages) if m.author is person]
        earliest = max(own, default=0)
        conversation.read[person.username] = rng.randint(earliest, len(conversation.messages) - 1)
