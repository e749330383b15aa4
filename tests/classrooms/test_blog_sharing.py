"""Sharing a class blog entry beyond the class: a staff decision, with the families' consent.

Visibility widens who reads a published entry (and its files); public entries show first
names only; a photo or recording of a pupil without recorded consent blocks going public
with a sentence naming the file and the pupil.
"""

import pytest
from django.urls import reverse

from classrooms.feeds import feed_token
from classrooms.models import Appearance, BlogEntryPage, Visibility
from classrooms.visibility import publication_refusals
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def photo_entry(world, settings, tmp_path):
    """A published class entry by Léa, with a photo of her in the class's collection."""
    settings.MEDIA_ROOT = tmp_path
    photo = factories.ImageFactory(collection=world.classroom.collection, title="Léa au jardin")
    Appearance.objects.create(pupil=world.pupil, image=photo)
    entry = factories.BlogEntryPageFactory(
        parent=world.classroom,
        title="Le jardin",
        body=[("image", {"image": photo, "alt_text": "Léa arrose", "caption": ""})],
    )
    entry.authors.set([world.pupil])
    entry.save_revision().publish()
    return BlogEntryPage.objects.get(pk=entry.pk), photo


def share(client, entry, visibility):
    url = reverse("classrooms:entry_visibility", kwargs={"entry_id": entry.pk})
    return client.post(url, {"visibility": visibility}, follow=True)


def consent(pupil, school, agreed=True):
    factories.PupilRecordFactory(user=pupil, school=school, photo_consent=agreed)


def test_without_consent_the_entry_cannot_go_public(client, world, photo_entry):
    entry, photo = photo_entry
    client.force_login(world.teacher)
    page = share(client, entry, Visibility.PUBLIC).content.decode()
    assert "La famille de Léa M. n’a pas donné son accord pour ses photos en public" in page
    assert "la photo « Léa au jardin »" in page
    entry.refresh_from_db()
    assert entry.visibility == Visibility.CLASS
    client.logout()
    assert client.get(entry.url).status_code == 302  # to the login page


def test_with_consent_it_goes_public_with_first_names_only(client, world, photo_entry):
    entry, photo = photo_entry
    consent(world.pupil, world.school)
    client.force_login(world.teacher)
    share(client, entry, Visibility.PUBLIC)
    entry.refresh_from_db()
    assert entry.visibility == Visibility.PUBLIC and entry.live
    client.logout()
    response = client.get(entry.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Léa" in html and "Léa M." not in html and "Martin" not in html
    rendition = photo.get_rendition("fill-480x320-c75")
    assert client.get(photo.file.url).status_code == 200
    assert client.get(rendition.url).status_code == 200
    # Taken back to the class: the page and the photo are private again.
    client.force_login(world.teacher)
    share(client, entry, Visibility.CLASS)
    client.logout()
    assert client.get(entry.url).status_code == 302
    client.force_login(world.outsider)
    assert client.get(entry.url).status_code == 404
    assert client.get(photo.file.url).status_code == 404


def test_shared_with_the_school_reaches_other_classes_but_not_other_schools(
    client, world, photo_entry, portal
):
    entry, photo = photo_entry
    client.force_login(world.director)
    page = share(client, entry, Visibility.SCHOOL).content.decode()
    assert "pour ses photos auprès de toute l’école" in page  # no answer: no
    entry.refresh_from_db()
    assert entry.visibility == Visibility.CLASS
    factories.give_consent(world.pupil, "photo_school")
    share(client, entry, Visibility.SCHOOL)
    entry.refresh_from_db()
    assert entry.visibility == Visibility.SCHOOL
    client.force_login(world.other_pupil)
    assert client.get(entry.url).status_code == 200
    assert client.get(photo.file.url).status_code == 200
    wall = client.get(world.other_classroom.url).content.decode()
    assert "Le jardin" in wall  # "From the other classes of the school"
    other_school = factories.SchoolPageFactory(parent=portal)
    other_class = factories.ClassroomPageFactory(parent=other_school)
    far_pupil = factories.UserFactory(username="far")
    factories.MembershipFactory(user=far_pupil, classroom=other_class)
    client.force_login(far_pupil)
    assert client.get(entry.url).status_code == 404
    assert client.get(photo.file.url).status_code == 404


def test_only_staff_change_who_reads(client, world, photo_entry):
    entry, _photo = photo_entry
    consent(world.pupil, world.school)
    for person in (world.pupil, world.parent):
        client.force_login(person)
        assert share(client, entry, Visibility.PUBLIC).status_code == 404
    entry.refresh_from_db()
    assert entry.visibility == Visibility.CLASS


def test_refusal_names_recordings_too(world, settings, tmp_path):
    from wagtailmedia.models import Media

    settings.MEDIA_ROOT = tmp_path
    media = Media.objects.create(title="Conte", type="audio", file="media/conte.webm")
    Appearance.objects.create(pupil=world.pupil, media=media)
    entry = BlogEntryPage(
        title="Conte",
        visibility=Visibility.PUBLIC,
        body=[("recording", {"audio": media, "caption": "", "transcript": ""})],
    )
    (refusal,) = publication_refusals(entry)
    assert "La famille de Léa M. n’a pas donné son accord pour sa voix en public" in refusal
    assert "l’enregistrement « Conte »" in refusal
    entry.visibility = Visibility.SCHOOL
    (refusal,) = publication_refusals(entry)
    assert "pour sa voix auprès de toute l’école" in refusal
    factories.give_consent(world.pupil, "voice_school")
    assert publication_refusals(entry) == []


def test_the_admin_form_refuses_public_without_consent_too(world, photo_entry):
    from django.core.exceptions import ValidationError

    entry, _photo = photo_entry
    entry.visibility = Visibility.PUBLIC
    with pytest.raises(ValidationError) as raised:
        entry.full_clean()
    assert "visibility" in raised.value.message_dict


def test_a_public_entry_is_listed_on_the_school_site(client, world, photo_entry):
    entry, _photo = photo_entry
    consent(world.pupil, world.school)
    client.force_login(world.teacher)
    share(client, entry, Visibility.PUBLIC)
    client.logout()
    html = client.get(world.school.url).content.decode()
    assert "Le jardin" in html and entry.url in html


# The private feed


def feed_url(classroom, user, token=None):
    token = token or feed_token(user, classroom)
    return reverse(
        "classrooms:feed",
        kwargs={"classroom_id": classroom.pk, "user_id": user.pk, "token": token},
    )


def test_each_member_has_a_private_feed(client, world, photo_entry):
    entry, _photo = photo_entry
    response = client.get(feed_url(world.classroom, world.parent))
    assert response.status_code == 200
    assert b"Le jardin" in response.content
    assert b"<rss" in response.content
    client.force_login(world.parent)
    assert (
        feed_url(world.classroom, world.parent) in client.get(world.classroom.url).content.decode()
    )


def test_a_feed_token_opens_nothing_else(client, world, photo_entry):
    parent_token = feed_token(world.parent, world.classroom)
    assert client.get(feed_url(world.classroom, world.parent, "0" * 40)).status_code == 404
    assert client.get(feed_url(world.classroom, world.outsider, parent_token)).status_code == 404
    other = feed_url(world.other_classroom, world.parent, parent_token)
    assert client.get(other).status_code == 404
    # An outsider's own valid token still opens nothing: the class check runs each time.
    assert client.get(feed_url(world.classroom, world.outsider)).status_code == 404
    # A new password revokes the address.
    url = feed_url(world.classroom, world.parent)
    world.parent.set_password("another-long-password")
    world.parent.save()
    assert client.get(url).status_code == 404


def test_the_feed_is_never_kept_by_shared_caches(client, world, photo_entry):
    response = client.get(feed_url(world.classroom, world.parent))
    assert "private" in response["Cache-Control"]
