"""The sharing rule, medium by medium and audience by audience: an entry reaches the
whole school or the public only with the family's "yes" for each medium it holds."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from classrooms.models import Appearance, BlogEntryPage, Visibility
from classrooms.visibility import publication_refusals
from consents import answers
from consents.models import ConsentChange, Medium
from tests import factories

pytestmark = pytest.mark.django_db

AUDIENCES = {Visibility.SCHOOL: "school", Visibility.PUBLIC: "public"}
WORDS = {
    (Medium.PHOTO, "school"): "pour ses photos auprès de toute l’école",
    (Medium.PHOTO, "public"): "pour ses photos en public",
    (Medium.VOICE, "school"): "pour sa voix auprès de toute l’école",
    (Medium.VOICE, "public"): "pour sa voix en public",
    (Medium.VIDEO, "school"): "pour ses vidéos auprès de toute l’école",
    (Medium.VIDEO, "public"): "pour ses vidéos en public",
}


def entry_showing(world, medium, visibility):
    """An entry (not saved) whose one file shows or holds Léa."""
    from wagtailmedia.models import Media

    if medium == Medium.PHOTO:
        photo = factories.ImageFactory(collection=world.classroom.collection, title="Le jardin")
        Appearance.objects.create(pupil=world.pupil, image=photo)
        block = ("image", {"image": photo, "alt_text": "Léa", "caption": ""})
    else:
        kind = "video" if medium == Medium.VIDEO else "audio"
        media = Media.objects.create(
            title="Le jardin",
            type=kind,
            file=SimpleUploadedFile(f"f.{'mp4' if kind == 'video' else 'webm'}", b"x"),
            collection=world.classroom.collection,
        )
        Appearance.objects.create(pupil=world.pupil, media=media)
        value = {kind: media, "caption": "", "transcript": ""}
        block = ("video" if kind == "video" else "recording", value)
    return BlogEntryPage(title="Le jardin", visibility=visibility, body=[block])


@pytest.mark.parametrize("medium", [Medium.PHOTO, Medium.VOICE, Medium.VIDEO])
@pytest.mark.parametrize("visibility", [Visibility.SCHOOL, Visibility.PUBLIC])
def test_each_medium_needs_its_own_yes_for_its_audience(
    world, settings, tmp_path, medium, visibility
):
    settings.MEDIA_ROOT = tmp_path
    entry = entry_showing(world, medium, visibility)
    audience = AUDIENCES[visibility]
    # No answer: refused, with a sentence naming the child, the medium and the audience.
    (refusal,) = publication_refusals(entry)
    assert f"La famille de Léa M. n’a pas donné son accord {WORDS[medium, audience]}" in refusal
    # Every other medium allowed everywhere: still refused.
    others = [
        f"{other}_{where}"
        for other in Medium.values
        if other != medium
        for where in ("school", "public")
    ]
    factories.give_consent(world.pupil, *others)
    assert len(publication_refusals(entry)) == 1
    # This medium allowed for this audience (and the school, for the public): allowed.
    factories.give_consent(world.pupil, f"{medium}_school", f"{medium}_{audience}")
    assert publication_refusals(entry) == []
    # Withdrawn for the school: the public is refused too (what is public, the school reads).
    factories.withdraw_consent(world.pupil, f"{medium}_school")
    assert len(publication_refusals(entry)) == 1


def test_a_public_yes_alone_does_not_reach_the_school_or_the_public(world):
    factories.give_consent(world.pupil, "photo_public")
    consent = answers.answers_of([world.pupil.pk])[world.pupil.pk]
    assert not answers.allowed(consent, Medium.PHOTO, "public")
    assert not answers.allowed(consent, Medium.PHOTO, "school")


def test_the_class_needs_no_answer(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    assert publication_refusals(entry_showing(world, Medium.VOICE, Visibility.CLASS)) == []


def test_every_change_is_in_the_history_with_who_and_when(world):
    factories.give_consent(world.pupil, "voice_school", "voice_public", by=world.parent)
    factories.withdraw_consent(world.pupil, "voice_public", by=world.parent)
    factories.withdraw_consent(world.pupil, "voice_public", by=world.parent)  # no change
    rows = list(ConsentChange.objects.filter(pupil=world.pupil).order_by("pk"))
    assert [(r.medium, r.audience, r.old, r.new) for r in rows] == [
        ("voice", "school", None, True),
        ("voice", "public", None, True),
        ("voice", "public", True, False),
    ]
    assert all(r.changed_by == world.parent and r.changed_by_name == "Sophie M." for r in rows)
    assert all(r.source == ConsentChange.Source.PARENT and r.changed_at for r in rows)


def test_an_unknown_answer_is_refused(world):
    with pytest.raises(ValueError):
        factories.give_consent(world.pupil, "smell_public")
