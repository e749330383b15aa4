"""The diary's page type sits once in a class space; items reach the pupils they are for."""

import pytest
from wagtail.test.utils import WagtailPageTestCase

from classrooms.models import ClassroomPage
from homework import rules
from homework.models import Audience, HomeworkDiaryPage, HomeworkItem
from pages.models import SchoolPage
from tests import factories

pytestmark = pytest.mark.django_db


class TestPageTree(WagtailPageTestCase):
    def test_the_diary_lives_in_a_class_space_only(self):
        self.assertCanCreateAt(ClassroomPage, HomeworkDiaryPage)
        self.assertCanNotCreateAt(SchoolPage, HomeworkDiaryPage)
        self.assertAllowedSubpageTypes(HomeworkDiaryPage, {})

    def test_one_diary_per_class(self):
        portal = factories.portal()
        school = factories.SchoolPageFactory(parent=portal)
        classroom = factories.ClassroomPageFactory(parent=school)
        assert HomeworkDiaryPage.can_create_at(classroom)
        factories.HomeworkDiaryPageFactory(parent=classroom)
        assert not HomeworkDiaryPage.can_create_at(classroom)


def test_items_reach_the_class_the_group_or_the_chosen_pupils(diary):
    session = factories.HomeworkSessionFactory(classroom=diary.world.classroom)
    everyone = factories.HomeworkItemFactory(session=session)
    group = factories.HomeworkItemFactory(
        session=session, audience=Audience.GROUP, group=diary.group
    )
    chosen = factories.HomeworkItemFactory(session=session, audience=Audience.PUPILS)
    chosen.pupils.add(diary.ungrouped)

    def mine(pupil):
        return set(HomeworkItem.objects.filter(rules.for_pupil(pupil.pk)))

    assert mine(diary.grouped) == {everyone, group}
    assert mine(diary.ungrouped) == {everyone, chosen}
    assert rules.may_tick(diary.grouped, group, diary.world.classroom)
    assert not rules.may_tick(diary.ungrouped, group, diary.world.classroom)
    assert not rules.may_tick(diary.world.teacher, everyone, diary.world.classroom)
    assert rules.may_read_item(diary.world.parent, group, diary.world.classroom)
    assert not rules.may_read_item(diary.world.parent, chosen, diary.world.classroom)
    assert rules.may_read_item(diary.assistant, chosen, diary.world.classroom)
    assert not rules.may_read_item(diary.world.outsider, everyone, diary.world.classroom)
    assert rules.may_write(diary.world.teacher, diary.world.classroom)
    assert not rules.may_write(diary.assistant, diary.world.classroom)
    assert not rules.may_write(diary.world.director, diary.world.classroom)


def test_a_deleted_pupil_takes_their_ticks_with_them(diary):
    from homework.models import ItemDone

    item = factories.HomeworkItemFactory(
        session=factories.HomeworkSessionFactory(classroom=diary.world.classroom)
    )
    ItemDone.objects.create(item=item, pupil=diary.ungrouped)
    diary.ungrouped.delete()
    assert not ItemDone.objects.exists()
