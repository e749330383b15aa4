"""Stories in turn's part of the permission matrix's world (issue 21), built by conftest.py.

"Chroniques du marais", a story created by the class's teacher, parents reading: class A1
(the class) and partner class B2 (school B) are members, in that order; class A2 was third
and LEFT. Chapters 1 (A1), 2 (B2, "Le secret de l'écluse") and 3 (A2, before it left) are
published, so it is A1's turn again, with its chapter 4 being written.
Only ids leave the builder.
"""

from dataclasses import dataclass

from django.utils import timezone

from sharedspaces.models import SharedSpace, SpaceClass
from stories.models import Chapter, Story

from .matrix import PUPIL, PUPIL_OTHER_CLASS, PUPIL_PARTNER_CLASS, TEACHER

DRAFT_BODY = "Le héron se posa sur la vieille écluse."


@dataclass(frozen=True)
class StoriesWorld:
    space_id: int
    partner_chapter_title: str  # B2's published chapter, shown on the story's page
    draft_id: int  # A1's chapter being written, its turn


def build_stories_world(users, classroom, other_classroom, partner_classroom):
    now = timezone.now()
    space = SharedSpace.objects.create(
        title="Chroniques du marais",
        activity="story",
        parents_read=True,
        created_by=users[TEACHER],
    )
    for position, (room, status) in enumerate(
        (
            (classroom, SpaceClass.Status.ACCEPTED),
            (partner_classroom, SpaceClass.Status.ACCEPTED),
            (other_classroom, SpaceClass.Status.LEFT),
        ),
        start=1,
    ):
        SpaceClass.objects.create(
            space=space, classroom=room, status=status, position=position, answered_at=now
        )
    story = Story.objects.create(space=space, opening="Au bord du marais vivait un héron.")
    for number, room, writer, title in (
        (1, classroom, PUPIL, "Le héron"),
        (2, partner_classroom, PUPIL_PARTNER_CLASS, "Le secret de l'écluse"),
        (3, other_classroom, PUPIL_OTHER_CLASS, "La barque"),
    ):
        chapter = Chapter.objects.create(
            story=story,
            classroom=room,
            number=number,
            title=title,
            body=f"Chapitre {number}.",
            status=Chapter.Status.PUBLISHED,
            published_at=now,
        )
        chapter.written_by.add(users[writer])
    draft = Chapter.objects.create(
        story=story, classroom=classroom, number=4, body=DRAFT_BODY, version=1
    )
    draft.written_by.add(users[PUPIL])
    return StoriesWorld(
        space_id=space.pk, partner_chapter_title="Le secret de l'écluse", draft_id=draft.pk
    )
