"""The ONDE import: preview categories, applying, re-importing, parents, all or nothing."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model

from classrooms.models import ClassroomPage, Guardianship, Membership
from consents.models import ConsentChange
from enrolment import importer, onde
from enrolment.models import ParentLinkRequest, PupilRecord
from tests import factories
from tests.enrolment.onde_files import PARENTS_HEADER, PUPILS_HEADER, csv_file

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
User = get_user_model()
YEAR = "2026-2027"


@pytest.fixture
def school(world):
    return world.school


@pytest.fixture
def cp_a(school):
    return factories.ClassroomPageFactory(parent=school, title="CP A", school_year=YEAR)


def plan_for(school, pupils_data, parents_data=None, **scope):
    pupils = onde.read_pupils(pupils_data)
    parents = onde.read_parents(parents_data) if parents_data else []
    return importer.build_plan(school, YEAR, pupils, parents, **scope)


def apply(school, pupils_data, parents_data=None, **scope):
    pupils = onde.read_pupils(pupils_data)
    parents = onde.read_parents(parents_data) if parents_data else []
    return importer.apply_plan(school, YEAR, pupils, parents, **scope)


def by_title(plan):
    return {class_plan.title: class_plan for class_plan in plan.classes}


def test_first_preview_creates_everything_and_touches_nothing(
    school, cp_a, pupils_csv, parents_csv
):
    users_before = User.objects.count()
    plan = plan_for(school, pupils_csv, parents_csv)
    classes = by_title(plan)
    assert classes["CP A"].classroom == cp_a
    assert classes["CE1 B"].classroom is None  # will be created
    assert [p.row.first_name for p in classes["CP A"].created_pupils] == ["Zoé", "Anaïs"]
    assert [p.row.first_name for p in classes["CE1 B"].created_pupils] == ["Noël"]
    assert [p.row.first_name for p in classes["CP A"].created_parents] == ["Sophie", "Paul"]
    assert plan.totals == {
        "new_classes": 1,
        "created_pupils": 3,
        "changed_pupils": 0,
        "unchanged_pupils": 0,
        "created_parents": 3,
        "linked_parents": 0,
        "unchanged_parents": 0,
        "asked_parents": 0,
        "new_links": 3,
    }
    assert User.objects.count() == users_before
    assert not ClassroomPage.objects.filter(title="CE1 B").exists()


def test_applying_creates_classes_accounts_records_and_links(school, cp_a, pupils_csv, parents_csv):
    result = apply(school, pupils_csv, parents_csv)
    zoe = User.objects.get(first_name="Zoé")
    assert zoe.username == "zoe.martin" and zoe.email == ""
    # No password until a card is printed.
    assert not zoe.has_usable_password()
    assert zoe.pupil_record.birth_date == date(2019, 9, 4)
    assert factories.allows(zoe, "photo", "public") and factories.allows(zoe, "photo", "school")
    assert not factories.allows(zoe, "voice", "school")  # the column is about photos
    assert zoe.pupil_record.school_id == school.pk
    anais = User.objects.get(first_name="Anaïs")
    assert anais.username == "anais.ndiaye" and not factories.allows(anais, "photo", "school")
    noel = User.objects.get(first_name="Noël")
    assert not factories.allows(noel, "photo", "school")  # nothing said: no consent
    ce1 = ClassroomPage.objects.get(title="CE1 B")
    assert ce1.live and ce1.school_year == YEAR and ce1.level == "CE1"
    assert ce1.get_parent().pk == school.pk
    assert Membership.objects.filter(user=noel, classroom=ce1, role="pupil").exists()
    assert Membership.objects.filter(user=zoe, classroom=cp_a, role="pupil").exists()
    assert set(Guardianship.objects.filter(child=zoe).values_list("parent__email", flat=True)) == {
        "sophie.martin@example.org",
        "paul.martin@example.org",
    }
    assert result.created_classes == [ce1]
    assert {u.first_name for u in result.new_accounts[cp_a]["pupils"]} == {"Zoé", "Anaïs"}
    assert {u.first_name for u in result.new_accounts[cp_a]["parents"]} == {"Sophie", "Paul"}


def test_second_import_of_the_same_file_changes_nothing(school, cp_a, pupils_csv, parents_csv):
    apply(school, pupils_csv, parents_csv)
    counts = (User.objects.count(), Membership.objects.count(), Guardianship.objects.count())
    plan = plan_for(school, pupils_csv, parents_csv)
    assert not plan.has_changes
    totals = plan.totals
    assert totals["unchanged_pupils"] == 3 and totals["unchanged_parents"] == 3
    assert totals["created_pupils"] == totals["changed_pupils"] == totals["created_parents"] == 0
    apply(school, pupils_csv, parents_csv)
    assert (User.objects.count(), Membership.objects.count(), Guardianship.objects.count()) == (
        counts
    )


def test_changes_are_previewed_then_applied(school, cp_a, pupils_csv):
    apply(school, pupils_csv)
    changed = csv_file(
        PUPILS_HEADER,
        "Martin;Zoe;04/09/2019;CE1;CP A;Non",  # same pupil: case and accents do not count
        "N'DIAYE;Anaïs;12/01/2019;CP;CE1 B;Non",  # moves to the other class
        "BERNARD;Noël;30/06/2018;CE1;CE1 B;",  # unchanged
        "PETIT;Lou;01/03/2019;CP;CP A;Oui",  # new
    )
    plan = plan_for(school, changed)
    classes = by_title(plan)
    (zoe,) = classes["CP A"].changed_pupils
    assert "level: CP → CE1" in zoe.changes and "photo consent: yes → no" in zoe.changes
    (anais,) = classes["CE1 B"].changed_pupils
    assert anais.changes == ["moves from CP A"]
    assert [p.row.first_name for p in classes["CE1 B"].unchanged_pupils] == ["Noël"]
    assert [p.row.first_name for p in classes["CP A"].created_pupils] == ["Lou"]

    apply(school, changed)
    record = PupilRecord.objects.get(user__first_name="Zoé")
    assert record.level == "CE1"
    assert not factories.allows(record.user, "photo", "school")
    (change,) = ConsentChange.objects.filter(pupil=record.user, audience="school", new=False)
    assert change.source == "onde"
    anais_user = User.objects.get(first_name="Anaïs")
    assert list(
        Membership.objects.filter(user=anais_user).values_list("classroom__title", flat=True)
    ) == ["CE1 B"]
    assert User.objects.filter(first_name="Zoé").count() == 1


def test_pupils_of_the_class_missing_from_the_file_are_left_alone(school, world, pupils_csv):
    factories.MembershipFactory(
        user=factories.UserFactory(first_name="Tom", last_name="Absent"),
        classroom=factories.ClassroomPageFactory(parent=school, title="CP A"),
        role="pupil",
    )
    plan = plan_for(school, pupils_csv)
    assert [u.first_name for u in by_title(plan)["CP A"].absent] == ["Tom"]


SOPHIE_OF_ZOE_AND_ANAIS = csv_file(
    PARENTS_HEADER,
    "MARTIN;Sophie;sophie.martin@example.org;MARTIN;Zoé;04/09/2019",
    "MARTIN;Sophie;sophie.martin@example.org;N'DIAYE;Anaïs;12/01/2019",
)


@pytest.fixture
def sophie(world):
    """An existing account with the address the parents file gives."""
    world.parent.email = "Sophie.Martin@example.org"
    world.parent.save()
    return world.parent


def test_an_existing_address_alone_makes_a_separate_account(school, cp_a, sophie, pupils_csv):
    """Without the director's asking, an account is never taken on its address alone."""
    plan = plan_for(school, pupils_csv, SOPHIE_OF_ZOE_AND_ANAIS)
    (parent,) = by_title(plan)["CP A"].created_parents
    assert parent.holder == sophie and parent.separate
    assert [child.row.first_name for child in parent.new_links] == ["Zoé", "Anaïs"]

    apply(school, pupils_csv, SOPHIE_OF_ZOE_AND_ANAIS)

    separate = User.objects.get(email="sophie.martin@example.org")
    assert set(
        Guardianship.objects.filter(parent=separate).values_list("child__first_name", flat=True)
    ) == {"Zoé", "Anaïs"}
    assert list(
        Guardianship.objects.filter(parent=sophie).values_list("child__first_name", flat=True)
    ) == ["Léa"]
    # The same file again: the separate account is the one the school linked.
    again = plan_for(school, pupils_csv, SOPHIE_OF_ZOE_AND_ANAIS)
    assert [p.user for p in by_title(again)["CP A"].unchanged_parents] == [separate]


def test_a_directors_import_asks_the_holder_once(school, cp_a, world, sophie, pupils_csv):
    plan = plan_for(school, pupils_csv, SOPHIE_OF_ZOE_AND_ANAIS, link_existing=True)
    (parent,) = by_title(plan)["CP A"].asked_parents
    assert parent.holder == sophie and parent.user is None
    assert plan.totals["asked_parents"] == 1 and plan.totals["created_parents"] == 0

    apply(school, pupils_csv, SOPHIE_OF_ZOE_AND_ANAIS, link_existing=True, user=world.director)

    assert User.objects.filter(email__iexact="sophie.martin@example.org").count() == 1
    assert list(
        Guardianship.objects.filter(parent=sophie).values_list("child__first_name", flat=True)
    ) == ["Léa"]
    links = ParentLinkRequest.objects.filter(parent=sophie, requested_by=world.director)
    assert set(links.values_list("child__first_name", flat=True)) == {"Zoé", "Anaïs"}
    assert sophie.has_usable_password()
    again = plan_for(school, pupils_csv, SOPHIE_OF_ZOE_AND_ANAIS, link_existing=True)
    assert not again.has_changes


def test_once_the_holder_declined_the_import_makes_a_separate_account(
    school, cp_a, world, sophie, pupils_csv
):
    apply(school, pupils_csv, SOPHIE_OF_ZOE_AND_ANAIS, link_existing=True, user=world.director)
    ParentLinkRequest.objects.filter(child__first_name="Zoé").update(
        status=ParentLinkRequest.Status.DECLINED
    )

    plan = plan_for(school, pupils_csv, SOPHIE_OF_ZOE_AND_ANAIS, link_existing=True)

    (parent,) = by_title(plan)["CP A"].created_parents
    assert parent.separate


def test_a_sibling_joins_the_account_the_school_already_linked(school, cp_a, world, pupils_csv):
    """An account already following one of the parent's children is theirs: a brother or
    sister in the same file is linked to it, as before."""
    sophie_of_zoe = csv_file(
        PARENTS_HEADER, "MARTIN;Sophie;sophie.martin@example.org;MARTIN;Zoé;04/09/2019"
    )
    apply(school, pupils_csv, sophie_of_zoe)
    (sophie,) = User.objects.filter(email="sophie.martin@example.org")

    plan = plan_for(school, pupils_csv, SOPHIE_OF_ZOE_AND_ANAIS)

    (parent,) = by_title(plan)["CP A"].linked_parents
    assert parent.user == sophie
    assert [child.row.first_name for child in parent.new_links] == ["Anaïs"]


def test_parents_of_unknown_pupils_are_left_out_with_a_warning(school, cp_a, pupils_csv):
    parents = csv_file(PARENTS_HEADER, "DUPONT;Marc;marc@example.org;DUPONT;Lina;01/01/2019")
    plan = plan_for(school, pupils_csv, parents)
    (warning,) = plan.warnings
    assert "line 2" in warning and "Lina DUPONT" in warning
    assert plan.totals["created_parents"] == 0


def test_a_teachers_import_takes_only_their_class(school, cp_a, pupils_csv, parents_csv):
    plan = plan_for(school, pupils_csv, parents_csv, classroom=cp_a, class_label="cp a")
    assert [c.classroom for c in plan.classes] == [cp_a]
    assert plan.out_of_scope == 1
    assert {p.row.first_name for p in plan.classes[0].parents} == {"Sophie", "Paul"}
    apply(school, pupils_csv, parents_csv, classroom=cp_a, class_label="CP A")
    assert not ClassroomPage.objects.filter(title="CE1 B").exists()
    assert not User.objects.filter(first_name__in=["Noël", "Inès"]).exists()


def test_a_teachers_import_with_an_unknown_class_name_says_which_exist(school, cp_a, pupils_csv):
    with pytest.raises(importer.PlanError) as caught:
        plan_for(school, pupils_csv, classroom=cp_a, class_label="CP Z")
    assert "CE1 B, CP A" in str(caught.value)


def test_pupils_of_another_school_are_never_matched(world, portal, cp_a, pupils_csv):
    other_school = factories.SchoolPageFactory(parent=portal)
    namesake = factories.UserFactory(first_name="Zoé", last_name="MARTIN")
    factories.PupilRecordFactory(user=namesake, school=other_school, birth_date=date(2019, 9, 4))
    plan = plan_for(world.school, pupils_csv)
    assert "Zoé" in [p.row.first_name for p in by_title(plan)["CP A"].created_pupils]


def test_a_failure_while_applying_leaves_nothing_behind(school, cp_a, pupils_csv, monkeypatch):
    calls = []

    def failing_create(**kwargs):
        calls.append(kwargs)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(**kwargs)

    original = PupilRecord.objects.create
    monkeypatch.setattr(PupilRecord.objects, "create", failing_create)
    users_before = User.objects.count()
    with pytest.raises(RuntimeError):
        apply(school, pupils_csv)
    assert User.objects.count() == users_before
    assert not PupilRecord.objects.exists()
    assert not ClassroomPage.objects.filter(title="CE1 B").exists()


def test_a_class_label_as_long_as_a_title_may_be_makes_its_class(school, world):
    """The class's address carries the year too: it must still fit (issue 15, item 11)."""
    label = "CP " + "très long " * 25  # 253 characters, the year after it in the slug
    pupils = csv_file(PUPILS_HEADER, f"MARTIN;Zoé;04/09/2019;CP;{label[:255]};Oui")

    result = apply(school, pupils, user=world.director)

    (classroom,) = result.created_classes
    assert classroom.title == onde.clean_name(label[:255])
    assert len(classroom.slug) <= 255 and classroom.slug.endswith("-2026-2027")
