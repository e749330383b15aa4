"""The colour code of a class, marks laid on a draft's words, and progress counted per
kind of mark: per pupil, per draft, per paragraph's writer in group texts."""

from types import SimpleNamespace

import pytest

from classrooms.models import Membership
from tests import factories
from writing import legend, marked_text, progress
from writing.models import Draft, ErrorType, Mark, Text

pytestmark = pytest.mark.django_db


def test_a_class_gets_the_french_defaults_once_and_its_own_changes_stay(world):
    kinds = legend.legend_of(world.classroom)
    assert [k.name for k in kinds] == [
        "Orthographe",
        "Accords",
        "Conjugaison",
        "Ponctuation et majuscules",
        "Construction de la phrase",
        "Vocabulaire et répétitions",
        "Bien réussi",
    ]
    assert [k.letter for k in kinds][:3] == ["O", "A", "C"] and kinds[-1].praise
    # Never colour alone: each kind has its own pair of colour and underline.
    assert len({(k.colour, k.underline) for k in kinds}) == len(kinds)
    kinds[0].name = "Mots mal écrits"
    kinds[0].save()
    assert legend.legend_of(world.classroom)[0].name == "Mots mal écrits"
    assert ErrorType.objects.filter(classroom=world.classroom).count() == 7
    assert legend.legend_of(world.other_classroom)[0].name == "Orthographe"  # per class


def test_a_kind_switched_off_for_a_pupil_or_the_class_is_not_offered(world):
    kinds = legend.legend_of(world.classroom)
    kinds[1].switched_off_for.add(world.pupil)
    kinds[2].active = False
    kinds[2].save()
    usable = legend.in_use_for(legend.legend_of(world.classroom), [world.pupil])
    assert kinds[1] not in usable and kinds[2] not in usable and kinds[0] in usable
    other = factories.UserFactory()
    # In a group text, a kind switched off for one author only is still offered.
    assert kinds[1] in legend.in_use_for(legend.legend_of(world.classroom), [world.pupil, other])


def test_marks_are_cut_into_runs_of_words_with_their_offsets():
    body = "Le chat dors.\n\nIl et content."
    marks = [SimpleNamespace(start=8, end=12), SimpleNamespace(start=18, end=20)]
    paragraphs = marked_text.cut(body, marks, [7, 9])
    assert [p.author_id for p in paragraphs] == [7, 9]
    first = paragraphs[0]
    assert [(run.text, run.mark is not None) for run in first.runs] == [
        ("Le chat ", False),
        ("dors", True),
        (".", False),
    ]
    words = [piece for run in first.runs for piece in run.pieces if piece.is_word]
    assert [(w.text, w.start, w.end) for w in words][:3] == [
        ("Le", 0, 2),
        ("chat", 3, 7),
        ("dors", 8, 12),
    ]
    assert paragraphs[1].runs[1].text == "et"


def test_a_selection_snaps_to_whole_words_and_overlaps_are_found():
    body = "La grenouille saute."
    assert marked_text.snapped(body, 5, 9) == (3, 13)
    assert marked_text.snapped(body, 2, 3) is None  # a space only
    marks = [SimpleNamespace(start=3, end=13)]
    assert marked_text.overlaps(marks, 0, 4) and not marked_text.overlaps(marks, 14, 19)


def test_progress_counts_each_mark_for_the_writer_of_its_paragraph(world):
    ines = factories.UserFactory(first_name="Inès")
    factories.MembershipFactory(user=ines, classroom=world.classroom, role=Membership.Role.PUPIL)
    assignment = factories.WritingAssignmentPageFactory(parent=world.classroom)
    kinds = legend.legend_of(world.classroom)
    spelling, agreement = kinds[0], kinds[1]
    text = Text.objects.create(assignment=assignment)
    text.authors.set([world.pupil, ines])
    body = "Le héron atand.\n\nLes poisson nagent."
    draft = Draft.objects.create(
        text=text, number=1, body=body, paragraph_authors=[world.pupil.pk, ines.pk]
    )
    for words, kind in (("atand", spelling), ("poisson", agreement), ("nagent", spelling)):
        start = body.index(words)
        Mark.objects.create(
            draft=draft, error_type=kind, start=start, end=start + len(words), quote=words
        )
    found = progress.class_progress(world.classroom)
    assert found.drafts == {}  # not given back yet: nothing shown
    draft.marked_at = draft.handed_in_at
    draft.save()
    found = progress.class_progress(world.classroom)
    assert found.per_pupil[world.pupil.pk] == {spelling.pk: 1}
    assert found.per_pupil[ines.pk] == {spelling.pk: 1, agreement.pk: 1}
    assert found.totals == {spelling.pk: 2, agreement.pk: 1}
    assert [row.counts for row in found.drafts[ines.pk]] == [{spelling.pk: 1, agreement.pk: 1}]
    # An individual text: every mark counts for its one author.
    solo = Text.objects.create(assignment=assignment)
    solo.authors.set([world.pupil])
    other = Draft.objects.create(
        text=solo, number=1, body="Il et là.", marked_at=draft.handed_in_at
    )
    Mark.objects.create(draft=other, error_type=agreement, start=3, end=5, quote="et")
    assert progress.class_progress(world.classroom).per_pupil[world.pupil.pk][agreement.pk] == 1


def test_progress_reads_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    assignment = factories.WritingAssignmentPageFactory(parent=world.classroom)
    kind = legend.legend_of(world.classroom)[0]
    for _ in range(5):
        text = Text.objects.create(assignment=assignment)
        text.authors.set([world.pupil])
        draft = Draft.objects.create(
            text=text, number=1, body="Un mot.", marked_at=assignment.first_published_at
        )
        Mark.objects.create(draft=draft, error_type=kind, start=3, end=6, quote="mot")
    with django_assert_max_num_queries(3):
        found = progress.class_progress(world.classroom)
    assert found.totals[kind.pk] == 5
