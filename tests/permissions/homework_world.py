"""The homework diary's part of the permission matrix's world (issue 20), built by
conftest.py.

In class A1 (the class under test): its diary page, a session "Séance du loup" with a
document and an item for the whole class, and an item for a group the class's pupil is
not in (a classmate's, not a role of the matrix). Only ids, URLs and words leave the
builder.
"""

import datetime
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.utils import timezone

from classrooms.models import Membership, PupilGroup
from homework.models import Audience, HomeworkItem, Session, SessionFile
from tests import factories

from .matrix import TEACHER

SESSION_TITLE = "Séance du loup"
CLASS_ITEM = "Relire la page douze du loup"
GROUP_ITEM = "Fiche secrète des hiboux"
DOCUMENT = b"%PDF-1.4 fiche du loup\n%%EOF\n"


@dataclass(frozen=True)
class HomeworkWorld:
    classroom_id: int
    diary_url: str
    session_id: int
    class_item_id: int
    group_item_id: int
    file_id: int
    file_name: str


def build_homework_world(users, classroom):
    diary = factories.HomeworkDiaryPageFactory(parent=classroom)
    today = timezone.localdate()
    session = Session.objects.create(
        classroom=classroom,
        date=today,
        title=SESSION_TITLE,
        text="Nous avons lu le loup.",
        author=users[TEACHER],
    )
    tomorrow = today + datetime.timedelta(days=1)
    class_item = HomeworkItem.objects.create(session=session, due_date=tomorrow, text=CLASS_ITEM)
    classmate = factories.UserFactory(username="classmate_hw", first_name="Noé", last_name="Blanc")
    factories.MembershipFactory(user=classmate, classroom=classroom, role=Membership.Role.PUPIL)
    group = PupilGroup.objects.create(classroom=classroom, name="Les hiboux")
    group.pupils.add(classmate)
    group_item = HomeworkItem.objects.create(
        session=session, due_date=tomorrow, text=GROUP_ITEM, audience=Audience.GROUP, group=group
    )
    document = SessionFile.objects.create(
        session=session,
        kind=SessionFile.Kind.DOCUMENT,
        name="fiche-du-loup.pdf",
        content_type="application/pdf",
        size=len(DOCUMENT),
        file=ContentFile(DOCUMENT, name="fiche-du-loup.pdf"),
    )
    return HomeworkWorld(
        classroom_id=classroom.pk,
        diary_url=diary.url,
        session_id=session.pk,
        class_item_id=class_item.pk,
        group_item_id=group_item.pk,
        file_id=document.pk,
        file_name=document.name,
    )
