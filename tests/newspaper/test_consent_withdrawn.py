"""A family's "no" after publishing: a published issue with their child's photo or voice
goes back to the readers the answers still cover, its files follow, and the teachers are
told why (newspaper/consent.py, issue 24)."""

import pytest
from django.utils import translation

from newspaper.models import Issue
from notifications.models import Notification
from tests import factories
from tests.newspaper.helpers import make_article, make_issue, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_issue(space_world, space):
    w = space_world
    factories.give_consent(w.host_pupil)  # photos, voice and video, school and public
    photo = make_article(space, w.host, [w.host_pupil], title="Le potager", photo=True)
    other = make_article(space, w.guest, [w.guest_pupil], title="La chorale")
    return make_issue(space, [photo, other], audience=Issue.Audience.PUBLIC, by=w.host_teacher)


def test_a_public_issue_goes_back_to_the_schools_when_the_public_answer_is_withdrawn(
    client, space_world, space, public_issue
):
    w = space_world
    media = public_issue.placements.get(article__title="Le potager").article.media.get()
    media_url = url("media", space, media_id=media.pk, name=media.name)
    assert client.get(url("issue", space, issue_id=public_issue.pk)).status_code == 200
    assert client.get(media_url).status_code == 200

    factories.withdraw_consent(w.host_pupil, "photo_public")

    public_issue.refresh_from_db()
    assert public_issue.audience == Issue.Audience.SCHOOLS
    assert public_issue.published_at is not None  # still published, for fewer readers
    # Visitors without an account no longer read it nor receive the photo.
    assert client.get(url("issue", space, issue_id=public_issue.pk)).status_code == 302
    assert client.get(media_url).status_code == 302
    with translation.override("fr"):
        text = Notification.objects.get(recipient=w.host_teacher).message
    assert (
        text.startswith("Le journal « ") and "N° 1 n’a plus que ces lecteurs : les écoles" in text
    )
    assert "Lucas" in text and "ses photos en public" in text
    assert Notification.objects.filter(recipient=w.guest_teacher).exists()


def test_a_withdrawn_school_answer_takes_it_back_to_the_classes_of_the_space(
    space_world, public_issue
):
    factories.withdraw_consent(space_world.host_pupil, "photo_school")

    public_issue.refresh_from_db()
    assert public_issue.audience == Issue.Audience.MEMBERS


def test_an_answer_for_another_medium_changes_nothing(space_world, public_issue):
    factories.withdraw_consent(space_world.host_pupil, "voice_public", "video_public")

    public_issue.refresh_from_db()
    assert public_issue.audience == Issue.Audience.PUBLIC
    assert not Notification.objects.filter(kind="newspaper_issue_taken_back_for_consent").exists()


def test_an_issue_for_the_classes_of_the_space_needs_no_answer(space_world, space):
    w = space_world
    article = make_article(space, w.host, [w.host_pupil], title="Le potager", photo=True)
    issue = make_issue(space, [article], audience=Issue.Audience.MEMBERS)
    factories.withdraw_consent(w.host_pupil)

    issue.refresh_from_db()
    assert issue.audience == Issue.Audience.MEMBERS
    assert not Notification.objects.exists()
