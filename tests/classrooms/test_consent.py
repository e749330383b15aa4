"""Withdrawing a family's photo consent takes down at once what showed the child publicly.

Whatever path changes the consent (a new ONDE import, the record saved or deleted, the
pupil's account deleted in the admin), a public entry showing the child goes back to the
class, its photo and renditions stop being served to visitors, the school's home page
stops listing it (also when a visitor's copy of that page was kept), a gallery showing
the child is unpublished, and the teachers are told why.
"""

import logging
from contextlib import nullcontext
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from classrooms.models import Appearance, BlogEntryPage, Visibility
from enrolment.models import PupilRecord
from enrolment.views.onde_import import APPLIED_SESSION_KEY
from notifications.models import Notification
from tests import factories
from tests.enrolment.onde_files import PUPILS_HEADER, csv_file
from tests.performance.test_cache_failures import FailingWrites

pytestmark = pytest.mark.django_db

CACHE_HEADER = "X-Preau-Page-Cache"
BIRTH = date(2019, 9, 4)
RENDITION = "fill-480x320-c75"


@pytest.fixture
def consenting(world):
    """Léa's family agreed to publication (ONDE "Autorisation photo: Oui")."""
    return factories.PupilRecordFactory(
        user=world.pupil, school=world.school, birth_date=BIRTH, photo_consent=True
    )


def publish(entry, visibility):
    entry.visibility = visibility
    entry.save_revision().publish()
    return BlogEntryPage.objects.get(pk=entry.pk)


@pytest.fixture
def public_photo(world, consenting, settings, tmp_path):
    """A public entry of the class with a photo of Léa, and its rendition."""
    settings.MEDIA_ROOT = tmp_path
    photo = factories.ImageFactory(collection=world.classroom.collection, title="Léa au jardin")
    Appearance.objects.create(pupil=world.pupil, image=photo)
    entry = factories.BlogEntryPageFactory(
        parent=world.classroom,
        title="Le jardin",
        body=[("image", {"image": photo, "alt_text": "Léa arrose", "caption": ""})],
    )
    entry = publish(entry, Visibility.PUBLIC)
    return entry, photo, photo.get_rendition(RENDITION)


def anonymous_get(client, url):
    client.logout()
    client.cookies.clear()
    return client.get(url)


def seen_publicly(client, world, entry, photo, rendition):
    """Everything a visitor reaches of the entry, with the school page kept in the cache."""
    anonymous_get(client, world.school.url)
    school_page = anonymous_get(client, world.school.url)
    return {
        "entry": anonymous_get(client, entry.url).status_code,
        "listed": entry.title in school_page.content.decode(),
        "kept": school_page[CACHE_HEADER],
        "photo": anonymous_get(client, photo.file.url).status_code,
        "rendition": anonymous_get(client, rendition.url).status_code,
    }


def assert_back_to_the_class(client, world, entry, photo, rendition):
    entry = BlogEntryPage.objects.get(pk=entry.pk)
    assert entry.live and entry.visibility == Visibility.CLASS
    assert anonymous_get(client, entry.url).status_code == 302  # to the login page
    school_page = anonymous_get(client, world.school.url)
    assert school_page[CACHE_HEADER] == "miss"  # the kept copy listing it was dropped
    assert entry.title not in school_page.content.decode()
    assert entry.url not in anonymous_get(client, "/sitemap.xml").content.decode()
    assert anonymous_get(client, photo.file.url).status_code == 302
    assert anonymous_get(client, rendition.url).status_code == 302
    client.force_login(world.outsider)
    assert client.get(entry.url).status_code == 404
    assert client.get(rendition.url).status_code == 404
    # The class and its families still read it, photo included.
    client.force_login(world.parent)
    assert client.get(entry.url).status_code == 200
    assert client.get(rendition.url).status_code == 200
    client.logout()


def assert_teacher_told(world, entry):
    (notification,) = Notification.objects.filter(
        recipient=world.teacher, kind="entry_taken_back_for_consent"
    )
    with translation.override("fr"):
        message = notification.message
    assert "« Le jardin »" in message and "Léa M." in message
    assert "n’a pas donné son accord pour ses photos en public" in message
    assert "désormais réservé à la classe" in message
    # The entry carries the reasons for its teachers until they share it again.
    assert "Léa M." in entry.consent_flags.get().reasons
    assert notification.url == entry.url


def test_the_fixture_is_public_before_the_withdrawal(client, world, public_photo):
    entry, photo, rendition = public_photo
    assert seen_publicly(client, world, entry, photo, rendition) == {
        "entry": 200,
        "listed": True,
        "kept": "hit",
        "photo": 200,
        "rendition": 200,
    }


def onde_pupils(consent):
    return csv_file(PUPILS_HEADER, f"MARTIN;Léa;04/09/2019;CP;CP de Mme Durand;{consent}")


def import_as_director(client, world, data, applying=None):
    """Preview and apply an ONDE file; `applying` (a context manager) wraps the applying."""
    client.force_login(world.director)
    upload = SimpleUploadedFile("eleves.csv", data, content_type="text/csv")
    preview = client.post(
        reverse("enrolment:import", kwargs={"school_id": world.school.pk}),
        {"school_year": "2026-2027", "pupils_file": upload},
    )
    assert preview.status_code == 200
    digest = preview.context["digest"]
    with applying or nullcontext():
        applied = client.post(
            reverse("enrolment:import_apply", kwargs={"school_id": world.school.pk}),
            {"digest": digest},
        )
    assert applied.status_code == 200
    client.logout()
    return applied


def test_an_onde_import_that_withdraws_consent_takes_the_entry_back(client, world, public_photo):
    entry, photo, rendition = public_photo
    other = publish(
        factories.BlogEntryPageFactory(parent=world.classroom, title="La recette"),
        Visibility.PUBLIC,
    )
    seen_publicly(client, world, entry, photo, rendition)
    import_as_director(client, world, onde_pupils("Non"))
    assert not factories.allows(world.pupil, "photo", "school")
    assert_back_to_the_class(client, world, entry, photo, rendition)
    assert_teacher_told(world, entry)
    # An entry that does not show her stays public.
    assert BlogEntryPage.objects.get(pk=other.pk).visibility == Visibility.PUBLIC
    assert "La recette" in anonymous_get(client, world.school.url).content.decode()


def test_an_onde_import_that_keeps_consent_changes_nothing(client, world, public_photo):
    entry, _photo, _rendition = public_photo
    import_as_director(client, world, onde_pupils("Oui"))
    assert BlogEntryPage.objects.get(pk=entry.pk).visibility == Visibility.PUBLIC
    assert not Notification.objects.filter(kind="entry_taken_back_for_consent").exists()


def test_a_paper_answer_withdrawing_consent_takes_the_entry_back(
    client, world, public_photo, consenting
):
    entry, photo, rendition = public_photo
    seen_publicly(client, world, entry, photo, rendition)
    factories.withdraw_consent(world.pupil)
    assert_back_to_the_class(client, world, entry, photo, rendition)
    assert_teacher_told(world, entry)


def test_deleting_the_record_leaves_the_family_s_answers(client, world, public_photo, consenting):
    """The answers are the family's (consents/), not the ONDE record's."""
    entry, _photo, _rendition = public_photo
    consenting.delete()
    assert BlogEntryPage.objects.get(pk=entry.pk).visibility == Visibility.PUBLIC


def test_deleting_the_pupil_in_the_admin_takes_the_photo_down(client, world, public_photo):
    entry, photo, rendition = public_photo
    seen_publicly(client, world, entry, photo, rendition)
    admin = factories.UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.post(reverse("wagtailusers_users:delete", args=(world.pupil.pk,)))
    assert response.status_code == 302
    assert not type(world.pupil).objects.filter(pk=world.pupil.pk).exists()
    entry = BlogEntryPage.objects.get(pk=entry.pk)
    assert entry.visibility == Visibility.CLASS
    assert anonymous_get(client, entry.url).status_code == 302
    assert anonymous_get(client, rendition.url).status_code == 302
    assert entry.title not in anonymous_get(client, world.school.url).content.decode()
    assert Notification.objects.filter(recipient=world.teacher, kind="entry_taken_back_for_consent")


# A take-down the cache cannot hear of


@pytest.fixture(params=["raises", "answers"])
def failing_writes(request):
    """The cache refuses writes (a Redis timeout, a full Redis) while reads still work."""
    writes = FailingWrites(request.param)
    yield writes
    writes.stop()


def assert_taken_down_for_visitors(client, world, entry, photo, rendition):
    """What the database says, whatever the cache kept: the entry is back to the class and
    no visitor receives its files (kept pages expire after PREAU_PAGE_CACHE_SECONDS)."""
    entry = BlogEntryPage.objects.get(pk=entry.pk)
    assert entry.live and entry.visibility == Visibility.CLASS
    assert anonymous_get(client, photo.file.url).status_code == 302
    assert anonymous_get(client, rendition.url).status_code == 302
    client.force_login(world.outsider)
    assert client.get(rendition.url).status_code == 404
    client.force_login(world.parent)
    assert client.get(rendition.url).status_code == 200


def test_a_withdrawal_the_cache_cannot_hear_of_still_takes_the_photo_down(
    client, world, public_photo, consenting, failing_writes
):
    """Taking down removes access: it is never refused because the cache could not be
    told (performance/versions.py, `removing_access`)."""
    entry, photo, rendition = public_photo
    seen_publicly(client, world, entry, photo, rendition)
    # In a transaction of its own, as outside the tests: nothing is rolled back.
    with failing_writes, transaction.atomic():
        factories.withdraw_consent(world.pupil)
    assert not factories.allows(world.pupil, "photo", "public")
    assert_taken_down_for_visitors(client, world, entry, photo, rendition)
    assert_teacher_told(world, entry)


def test_an_onde_import_the_cache_cannot_hear_of_still_takes_the_photo_down(
    client, world, public_photo, failing_writes
):
    entry, photo, rendition = public_photo
    seen_publicly(client, world, entry, photo, rendition)
    applied = import_as_director(client, world, onde_pupils("Non"), applying=failing_writes)
    assert "n’a pas pu être enregistrée" not in applied.content.decode()
    assert not factories.allows(world.pupil, "photo", "school")
    assert_taken_down_for_visitors(client, world, entry, photo, rendition)


def test_a_gallery_the_cache_cannot_hear_of_is_unpublished_all_the_same(
    client, world, gallery, consenting, failing_writes
):
    page, photo = gallery
    rendition = photo.get_rendition(RENDITION)
    with failing_writes, transaction.atomic():
        factories.withdraw_consent(world.pupil)
    page.refresh_from_db()
    assert not page.live
    assert anonymous_get(client, rendition.url).status_code == 302


class FailingAfterCommit(FailingWrites):
    """The cache takes writes until the transaction commits, then refuses them: Redis fails
    between the commit and the hooks that run after it."""

    def __init__(self):
        super().__init__("answers")
        self.working = self.backend.set_many

    def set_many(self, data, timeout=None, version=None):
        if connection.in_atomic_block:
            return self.working(data, timeout, version)
        return super().set_many(data, timeout, version)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_import_whose_cache_fails_after_the_commit_says_it_is_done(
    client, world, public_photo, caplog
):
    """The import is saved: the director is told so, with the new accounts' cards, and
    the same form posted again would do nothing twice."""
    entry, photo, rendition = public_photo
    data = csv_file(
        PUPILS_HEADER,
        "MARTIN;Léa;04/09/2019;CP;CP de Mme Durand;Non",
        "ROUX;Zoé;12/03/2019;CP;CP de Mme Durand;Oui",
    )
    with FailingAfterCommit() as writes, caplog.at_level(logging.ERROR):
        applied = import_as_director(client, world, data, applying=writes)
    html = applied.content.decode()
    assert "Imprimer la carte du nouvel élève" in html
    session = applied.wsgi_request.session
    assert applied.wsgi_request.POST["digest"] in session[APPLIED_SESSION_KEY]
    assert not factories.allows(world.pupil, "photo", "school")
    assert BlogEntryPage.objects.get(pk=entry.pk).visibility == Visibility.CLASS
    assert anonymous_get(client, rendition.url).status_code == 302


def test_other_changes_the_cache_cannot_hear_of_are_still_refused(world, failing_writes):
    """Only a take-down is let through: ending a membership still fails closed."""
    from classrooms.models import Membership
    from performance import versions

    membership = Membership.objects.get(user=world.pupil, classroom=world.classroom)
    with failing_writes, pytest.raises(versions.InvalidationFailed), transaction.atomic():
        membership.delete()
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_a_recording_goes_back_to_the_class_too(client, world, consenting, settings, tmp_path):
    from wagtailmedia.models import Media

    settings.MEDIA_ROOT = tmp_path
    media = Media.objects.create(
        title="Conte",
        type="audio",
        file=SimpleUploadedFile("conte.webm", b"webm"),
        collection=world.classroom.collection,
    )
    Appearance.objects.create(pupil=world.pupil, media=media)
    entry = publish(
        factories.BlogEntryPageFactory(
            parent=world.classroom,
            title="Le conte",
            body=[("recording", {"audio": media, "caption": "", "transcript": ""})],
        ),
        Visibility.PUBLIC,
    )
    assert anonymous_get(client, media.file.url).status_code == 200
    factories.withdraw_consent(world.pupil)
    assert BlogEntryPage.objects.get(pk=entry.pk).visibility == Visibility.CLASS
    assert anonymous_get(client, media.file.url).status_code == 302


def test_changes_waiting_to_be_published_are_kept(client, world, public_photo, consenting):
    entry, _photo, _rendition = public_photo
    entry.title = "Le jardin, suite"
    entry.save_revision()
    factories.withdraw_consent(world.pupil)
    entry = BlogEntryPage.objects.get(pk=entry.pk)
    assert entry.live and entry.visibility == Visibility.CLASS and entry.title == "Le jardin"
    assert entry.has_unpublished_changes
    waiting = entry.get_latest_revision_as_object()
    assert waiting.title == "Le jardin, suite"
    assert waiting.visibility == Visibility.CLASS  # publishing it cannot bring it back


def test_withdrawing_the_public_leaves_an_entry_shared_with_the_school(
    client, world, public_photo, consenting
):
    """The answers are per audience: a "no" for the public keeps the school's entries."""
    entry, _photo, _rendition = public_photo
    entry = publish(entry, Visibility.SCHOOL)
    factories.withdraw_consent(world.pupil, "photo_public")
    assert BlogEntryPage.objects.get(pk=entry.pk).visibility == Visibility.SCHOOL
    assert not Notification.objects.filter(kind="entry_taken_back_for_consent").exists()


def test_withdrawing_the_school_takes_an_entry_shared_with_it_back(
    client, world, public_photo, consenting
):
    entry, _photo, _rendition = public_photo
    entry = publish(entry, Visibility.SCHOOL)
    factories.withdraw_consent(world.pupil, "photo_school")
    assert BlogEntryPage.objects.get(pk=entry.pk).visibility == Visibility.CLASS
    assert Notification.objects.filter(
        recipient=world.teacher, kind="entry_taken_back_for_consent"
    ).exists()


def test_withdrawing_the_public_takes_a_public_entry_back_to_the_school(
    client, world, public_photo, consenting
):
    """The widest audience still allowed: the school keeps reading it."""
    entry, _photo, _rendition = public_photo
    factories.withdraw_consent(world.pupil, "photo_public")
    assert BlogEntryPage.objects.get(pk=entry.pk).visibility == Visibility.SCHOOL
    (notification,) = Notification.objects.filter(kind="entry_taken_back_for_consent")
    with translation.override("fr"):
        assert "désormais réservé à toute l’école" in notification.message


def test_another_medium_withdrawn_leaves_the_photo_public(client, world, public_photo, consenting):
    entry, _photo, _rendition = public_photo
    factories.withdraw_consent(world.pupil, "voice_public", "video_public", "voice_school")
    assert BlogEntryPage.objects.get(pk=entry.pk).visibility == Visibility.PUBLIC
    assert not entry.consent_flags.exists()


@pytest.fixture
def gallery(world, consenting, settings, tmp_path):
    """An exhibition on the school's site whose work shows Léa (a photo moved to the
    school's collection)."""
    settings.MEDIA_ROOT = tmp_path
    photo = factories.ImageFactory(collection=world.school.collection, title="Léa peint")
    Appearance.objects.create(pupil=world.pupil, image=photo)
    news = factories.NewsIndexPageFactory(parent=world.school)
    work = {"title": "Les nénuphars", "image": photo, "alt_text": "Léa peint", "caption": ""}
    page = factories.GalleryPageFactory(
        parent=news, title="Exposition de printemps", owner=world.director
    )
    page.works = [("work", work)]
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific, photo


def test_a_gallery_showing_the_child_is_unpublished(client, world, gallery, consenting):
    """Also where a visitor's copy of the gallery, and of the pages listing it, was kept
    (performance/page_cache.py)."""
    page, photo = gallery
    rendition = photo.get_rendition(RENDITION)
    index = page.get_parent()
    for url in (page.url, index.url, page.url, index.url):
        shown = anonymous_get(client, url)
        assert shown.status_code == 200
        assert "Exposition de printemps" in shown.content.decode()
    assert shown[CACHE_HEADER] == "hit"
    assert anonymous_get(client, rendition.url).status_code == 200
    factories.withdraw_consent(world.pupil)
    page.refresh_from_db()
    assert not page.live
    assert anonymous_get(client, page.get_url()).status_code == 404
    listing = anonymous_get(client, index.url)
    assert listing[CACHE_HEADER] == "miss"
    assert "Exposition de printemps" not in listing.content.decode()
    assert anonymous_get(client, photo.file.url).status_code == 302
    assert anonymous_get(client, rendition.url).status_code == 302
    client.force_login(world.outsider)
    assert client.get(rendition.url).status_code == 404
    client.force_login(world.parent)  # Léa's family still sees her photo
    assert client.get(rendition.url).status_code == 200
    (notification,) = Notification.objects.filter(
        recipient=world.director, kind="page_unpublished_for_consent"
    )
    with translation.override("fr"):
        assert "« Exposition de printemps »" in notification.message
        assert "Léa M." in notification.message


@pytest.fixture
def school_home_photo(world, consenting, settings, tmp_path):
    """A photo of Léa in the school's collection, on the school's home page: a page that
    cannot be unpublished (it has pages below it)."""
    settings.MEDIA_ROOT = tmp_path
    photo = factories.ImageFactory(collection=world.school.collection, title="Léa court")
    Appearance.objects.create(pupil=world.pupil, image=photo)
    school = world.school.specific
    school.body = [("image", {"image": photo, "alt_text": "La course", "caption": ""})]
    school.save_revision().publish()
    return photo, photo.get_rendition(RENDITION)


def delete_account_in_the_admin(client, user):
    admin = factories.UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.post(reverse("wagtailusers_users:delete", args=(user.pk,)))
    assert response.status_code == 302
    assert not type(user).objects.filter(pk=user.pk).exists()
    client.logout()
    return admin


def test_deleting_the_child_s_account_keeps_the_school_s_photo_private(
    client, world, school_home_photo
):
    """Her appearances go with her account: the photo is in her class's collection by
    then, where the class's rule keeps it, whatever page shows it."""
    photo, rendition = school_home_photo
    assert anonymous_get(client, rendition.url).status_code == 200
    delete_account_in_the_admin(client, world.pupil)
    assert not Appearance.objects.filter(image=photo).exists()
    photo.refresh_from_db()
    assert photo.collection_id == world.classroom.collection_id
    assert anonymous_get(client, photo.file.url).status_code == 302
    assert anonymous_get(client, rendition.url).status_code == 302
    client.force_login(world.outsider)
    assert client.get(rendition.url).status_code == 404
    client.force_login(world.teacher)  # the class still sees it
    assert client.get(rendition.url).status_code == 200
    assert Notification.objects.filter(
        recipient=world.director, kind="page_shows_child_without_consent"
    ).exists()


def test_a_kept_page_that_stays_published_is_purged(client, world, school_home_photo, consenting):
    """The school's home cannot be unpublished: its kept copy is purged all the same, and
    the photo it still shows is no longer served to visitors."""
    photo, rendition = school_home_photo
    anonymous_get(client, world.school.url)
    assert anonymous_get(client, world.school.url)[CACHE_HEADER] == "hit"
    factories.withdraw_consent(world.pupil)
    assert anonymous_get(client, world.school.url)[CACHE_HEADER] == "miss"
    assert anonymous_get(client, rendition.url).status_code == 302


def test_a_gallery_s_photo_stays_private_once_the_account_is_deleted(client, world, gallery):
    page, photo = gallery
    rendition = photo.get_rendition(RENDITION)
    delete_account_in_the_admin(client, world.pupil)
    assert anonymous_get(client, rendition.url).status_code == 302
    client.force_login(world.outsider)
    assert client.get(rendition.url).status_code == 404


def test_deleting_a_pupil_without_a_record_keeps_their_photo_private(
    client, world, settings, tmp_path
):
    """No record, no recorded consent: the photo was withheld, and stays so once the
    account and its appearances are gone."""
    settings.MEDIA_ROOT = tmp_path
    photo = factories.ImageFactory(collection=world.school.collection, title="Tom saute")
    Appearance.objects.create(pupil=world.other_pupil, image=photo)
    rendition = photo.get_rendition(RENDITION)
    assert anonymous_get(client, rendition.url).status_code == 302
    delete_account_in_the_admin(client, world.other_pupil)
    photo.refresh_from_db()
    assert photo.collection_id == world.other_classroom.collection_id
    assert anonymous_get(client, rendition.url).status_code == 302


def test_the_photo_of_a_child_in_no_class_goes_where_only_superusers_see_it(
    client, world, school_home_photo, consenting
):
    from classrooms import consent
    from classrooms.models import Membership

    photo, rendition = school_home_photo
    Membership.objects.filter(user=world.pupil).delete()
    factories.withdraw_consent(world.pupil)
    admin = delete_account_in_the_admin(client, world.pupil)
    photo.refresh_from_db()
    assert consent.in_withheld_collection(photo.collection_id)
    assert not photo.collection.get_ancestors().filter(pk=world.school.collection_id).exists()
    assert anonymous_get(client, photo.file.url).status_code == 302
    assert anonymous_get(client, rendition.url).status_code == 302
    for someone in (world.director, world.teacher, world.parent):
        client.force_login(someone)
        assert client.get(rendition.url).status_code == 404
    client.force_login(world.director)
    chooser = client.get(reverse("wagtailimages:index")).content.decode()
    assert "Léa court" not in chooser
    client.force_login(admin)
    assert client.get(rendition.url).status_code == 200


def test_a_review_under_way_is_asked_again(client, world, public_photo, consenting):
    """Publishing the class's version cancels Wagtail's review: it is started again on
    the changes, and a note sending them back is kept."""
    from classrooms import moderation

    entry, _photo, _rendition = public_photo
    draft = entry.get_latest_revision_as_object()
    draft.title = "Le jardin, en été"
    draft.save_revision(user=world.pupil)
    moderation.submit(BlogEntryPage.objects.get(pk=entry.pk), world.pupil)
    moderation.send_back(BlogEntryPage.objects.get(pk=entry.pk), world.teacher, "Ajoute la date.")
    factories.withdraw_consent(world.pupil)
    entry = BlogEntryPage.objects.get(pk=entry.pk)
    assert entry.visibility == Visibility.CLASS
    review = moderation.review_of(entry)
    assert review.needs_changes and review.note == "Ajoute la date."
    assert entry.get_latest_revision_as_object().title == "Le jardin, en été"


def test_deleting_the_school_deletes_its_entries_without_taking_them_down(
    world, public_photo, consenting
):
    from wagtail.models import Revision

    entry, _photo, _rendition = public_photo
    revisions = Revision.objects.count()
    world.school.delete()
    assert not PupilRecord.objects.exists()
    assert not BlogEntryPage.objects.filter(pk=entry.pk).exists()
    assert Revision.objects.count() < revisions
    assert not Revision.objects.filter(object_id=str(entry.pk)).exists()
