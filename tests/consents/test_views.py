"""Parents read and change their child's answers from their space; the class's staff
record a paper answer; withdrawing the voice for the public takes a public entry with the
child's recording back, flags it to the teacher, and it can no longer be made public."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtailmedia.models import Media

from classrooms.models import Appearance, BlogEntryPage, ConsentFlag, Visibility
from consents.models import ConsentChange
from notifications.models import Notification
from tests import factories

pytestmark = pytest.mark.django_db

FIELDS = [
    f"{medium}_{audience}"
    for medium in ("photo", "voice", "video", "full_name")
    for audience in ("school", "public")
]


def url_of(pupil):
    return reverse("consents:child", kwargs={"pupil_id": pupil.pk})


def answers_form(**changed):
    data = dict.fromkeys(FIELDS, "no")
    data.update({name: "yes" if agreed else "no" for name, agreed in changed.items()})
    return data


def test_a_parent_reads_the_questions_in_plain_words(client, world):
    client.force_login(world.parent)
    page = client.get(url_of(world.pupil)).content.decode()
    assert "Photos, voix et nom de Léa" in page
    assert "Les enregistrements de la voix de Léa" in page
    assert "Publié pour le public (tout le monde, sur internet)" in page
    assert "Aucune réponse enregistrée" in page


def test_the_child_s_name_is_elided_in_french(client, world):
    world.pupil.first_name = "Adam"
    world.pupil.save()
    client.force_login(world.parent)
    page = client.get(url_of(world.pupil)).content.decode()
    assert "Photos, voix et nom d’Adam" in page and "la voix d’Adam" in page


def test_a_parent_changes_the_answers_and_the_history_says_who_and_when(client, world):
    client.force_login(world.parent)
    response = client.post(url_of(world.pupil), answers_form(photo_school=True, voice_school=True))
    assert response.status_code == 302
    changes = ConsentChange.objects.filter(pupil=world.pupil)
    assert {(c.medium, c.audience, c.new) for c in changes} == {
        ("photo", "school", True),
        ("voice", "school", True),
    }
    assert all(c.changed_by == world.parent and c.source == "parent" for c in changes)
    page = client.get(url_of(world.pupil)).content.decode()
    assert "Historique des réponses" in page and "Sophie M." in page
    assert "par un parent sur le portail" in page
    assert "la voix de Léa, la communauté de l’école : pas de réponse → oui" in page
    # The class's teacher sees the answers on the class list, and the history.
    client.force_login(world.teacher)
    roster = client.get(reverse("enrolment:roster", kwargs={"classroom_id": world.classroom.pk}))
    assert "photos : école seulement" in roster.content.decode()
    assert "Sophie M." in client.get(url_of(world.pupil)).content.decode()


def test_staff_record_a_paper_answer_under_their_own_name(client, world):
    client.force_login(world.director)
    page = client.get(url_of(world.pupil)).content.decode()
    assert "réponse que la famille a donnée sur papier" in page
    client.post(url_of(world.pupil), answers_form(photo_school=True, photo_public=True))
    change = ConsentChange.objects.filter(pupil=world.pupil).first()
    assert change.changed_by == world.director and change.source == "staff"


def test_a_half_filled_form_is_refused_and_changes_nothing(client, world):
    client.force_login(world.parent)
    data = answers_form(photo_school=True)
    del data["voice_public"]
    response = client.post(url_of(world.pupil), data)
    assert response.status_code == 400
    assert "Répondez à chaque question par oui ou par non." in response.content.decode()
    assert not ConsentChange.objects.exists()


def test_nobody_else_reaches_the_page(client, world):
    for someone in (world.pupil, world.other_pupil, world.outsider):
        client.force_login(someone)
        assert client.get(url_of(world.pupil)).status_code == 404
        assert client.post(url_of(world.pupil), answers_form(photo_public=True)).status_code == 404
    other_teacher = factories.UserFactory(username="other-teacher")
    factories.MembershipFactory(user=other_teacher, classroom=world.other_classroom, role="teacher")
    client.force_login(other_teacher)
    assert client.get(url_of(world.pupil)).status_code == 404
    assert not ConsentChange.objects.exists()
    client.logout()
    assert client.get(url_of(world.pupil)).status_code == 302


def test_the_parent_finds_the_page_from_my_spaces_and_the_class(client, world):
    client.force_login(world.parent)
    spaces = client.get(reverse("accounts:my_spaces")).content.decode()
    assert url_of(world.pupil) in spaces
    assert url_of(world.pupil) in client.get(world.classroom.url).content.decode()


@pytest.fixture
def public_recording(world, settings, tmp_path):
    """A public entry with Léa's recording; her family agreed to everything."""
    settings.MEDIA_ROOT = tmp_path
    factories.give_consent(world.pupil)
    media = Media.objects.create(
        title="Léa lit",
        type="audio",
        file=SimpleUploadedFile("lit.webm", b"webm"),
        collection=world.classroom.collection,
    )
    Appearance.objects.create(pupil=world.pupil, media=media)
    entry = factories.BlogEntryPageFactory(
        parent=world.classroom,
        title="La poésie",
        body=[("recording", {"audio": media, "caption": "", "transcript": ""})],
    )
    entry.visibility = Visibility.PUBLIC
    entry.save_revision().publish()
    return BlogEntryPage.objects.get(pk=entry.pk), media


def test_withdrawing_the_voice_for_the_public_takes_the_entry_back_and_flags_it(
    client, world, public_recording
):
    entry, media = public_recording
    client.logout()
    assert client.get(media.file.url).status_code == 200
    client.force_login(world.parent)
    everything_but = answers_form(**{name: True for name in FIELDS if name != "voice_public"})
    client.post(url_of(world.pupil), everything_but)
    entry = BlogEntryPage.objects.get(pk=entry.pk)
    assert entry.visibility == Visibility.SCHOOL  # the school may still hear her
    client.logout()
    assert client.get(entry.url).status_code == 302
    assert client.get(media.file.url).status_code == 302
    (notification,) = Notification.objects.filter(
        recipient=world.teacher, kind="entry_taken_back_for_consent"
    )
    assert "La famille de Léa M. n’a pas donné son accord pour sa voix en public" in (
        notification.message
    )
    # The teacher sees the flag on the entry, and may not make it public again.
    client.force_login(world.teacher)
    page = client.get(entry.url).content.decode()
    assert "Retiré à ses lecteurs : une famille a retiré son accord" in page
    share_url = reverse("classrooms:entry_visibility", kwargs={"entry_id": entry.pk})
    refused = client.post(share_url, {"visibility": "public"}, follow=True).content.decode()
    assert "La famille de Léa M. n’a pas donné son accord pour sa voix en public" in refused
    assert BlogEntryPage.objects.get(pk=entry.pk).visibility == Visibility.SCHOOL
    assert ConsentFlag.objects.filter(entry=entry).exists()
    # Keeping it for the class is her decision: the flag has done its work.
    client.post(share_url, {"visibility": "class"})
    assert not ConsentFlag.objects.filter(entry=entry).exists()


def test_a_new_yes_withdraws_nothing(client, world, public_recording):
    entry, _media = public_recording
    client.force_login(world.parent)
    client.post(url_of(world.pupil), answers_form(**dict.fromkeys(FIELDS, True)))
    assert BlogEntryPage.objects.get(pk=entry.pk).visibility == Visibility.PUBLIC
    assert not Notification.objects.filter(kind="entry_taken_back_for_consent").exists()
