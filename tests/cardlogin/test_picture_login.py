"""Picture passwords on the class tablet (cardlogin/): the class's secret link lists the
pupils who have pictures, a child taps four pictures, a wrong sequence counts against
that child only, and without a live link nothing of the class is shown."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.hashers import check_password
from django.urls import reverse

from cardlogin import services
from cardlogin.models import PicturePassword
from classrooms.models import Membership
from tests import factories

pytestmark = pytest.mark.django_db

JADE = ["1f34e", "1f436", "2b50", "1f319"]
WRONG = ["1f697", "1f697", "1f697", "1f697"]


@pytest.fixture
def tablet(world):
    """The class's tablet link, Léa with pictures and a classmate, Hugo, with his."""
    token = services.issue_tablet_link(world.classroom, world.teacher)
    services.set_picture_password(world.pupil, world.teacher, JADE)
    hugo = factories.UserFactory(username="hugo", first_name="Hugo", last_name="Roux")
    factories.MembershipFactory(user=hugo, classroom=world.classroom, role=Membership.Role.PUPIL)
    services.set_picture_password(hugo, world.teacher, JADE)
    world.hugo = hugo
    return token


def pupil_url(token, pupil):
    return reverse("cardlogin:tablet_pupil", kwargs={"token": token, "pupil_id": pupil.pk})


def tap(client, token, pupil, codes):
    """Each picture is one form submission, as on a tablet without script."""
    response = None
    for done, code in enumerate(codes):
        entered = "-".join(codes[:done])
        response = client.post(pupil_url(token, pupil), {"entered": entered, "pick": code})
        if response.status_code != 200:
            break
    return response


def test_the_sequence_is_hashed(world, tablet):
    stored = PicturePassword.objects.get(user=world.pupil).password_hash
    assert "1f34e" not in stored
    assert check_password("1f34e-1f436-2b50-1f319", stored)


def test_a_random_sequence_is_four_known_pictures(world):
    codes = services.set_picture_password(world.pupil, world.teacher)
    assert len(codes) == 4
    assert services.check_picture_password(world.pupil, codes)


def test_picture_passwords_are_refused_for_adults(world):
    with pytest.raises(ValueError):
        services.set_picture_password(world.teacher, world.teacher, JADE)
    PicturePassword.objects.create(user=world.teacher, password_hash="x")
    assert services.check_picture_password(world.pupil, WRONG) is False


def test_an_adult_with_pictures_cannot_log_in_with_them(client, world):
    from django.contrib.auth import authenticate
    from django.contrib.auth.hashers import make_password
    from django.test import RequestFactory

    PicturePassword.objects.create(
        user=world.teacher, password_hash=make_password("1f34e-1f436-2b50-1f319")
    )
    request = RequestFactory().post("/")
    assert authenticate(request, username="teacher", picture_password=JADE) is None


def test_the_tablet_lists_the_pupils_with_pictures(client, world, tablet):
    response = client.get(reverse("cardlogin:tablet", kwargs={"token": tablet}))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Léa" in html and "Hugo" in html
    assert pupil_url(tablet, world.pupil) in html
    assert "Martin" not in html  # first names only
    assert "_auth_user_id" not in client.session


def test_the_right_pictures_log_the_child_in(client, world, tablet):
    response = tap(client, tablet, world.pupil, JADE)
    assert response.status_code == 302
    assert response["Location"] == world.classroom.url
    assert client.session["_auth_user_id"] == str(world.pupil.pk)


def test_each_tap_shows_the_pictures_so_far(client, world, tablet):
    response = client.post(pupil_url(tablet, world.pupil), {"entered": "1f34e", "pick": "1f436"})
    html = response.content.decode()
    assert 'name="entered" value="1f34e-1f436"' in html
    assert "_auth_user_id" not in client.session


def test_wrong_pictures_are_refused(client, world, tablet):
    response = tap(client, tablet, world.pupil, WRONG)
    assert response.status_code == 200
    assert "Ce ne sont pas tes images" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_five_wrong_sequences_lock_that_child_only(client, world, tablet, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = tap(client, tablet, world.pupil, WRONG)
    assert response.status_code == 429
    assert "Attends 1 minute" in response.content.decode()
    # Even the right pictures are refused for her now, on this page and its message.
    response = tap(client, tablet, world.pupil, JADE)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert set(AccessAttempt.objects.values_list("username", flat=True)) == {"pupil"}
    # Her classmate, on the same tablet and address, logs in.
    response = tap(client, tablet, world.hugo, JADE)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(world.hugo.pk)


def test_a_locked_child_is_told_in_english_too(client, world, tablet, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        tap(client, tablet, world.pupil, WRONG)
    url = "/en" + pupil_url(tablet, world.pupil)
    response = client.post(url, {"entered": "1f34e-1f436-2b50", "pick": "1f319"})
    assert response.status_code == 429
    assert "Too many wrong tries. Wait 1 minute" in response.content.decode()


def test_a_revoked_link_shows_nothing(client, world, tablet):
    services.revoke_tablet_links(world.classroom)
    assert client.get(reverse("cardlogin:tablet", kwargs={"token": tablet})).status_code == 404
    response = tap(client, tablet, world.pupil, JADE)
    assert response.status_code == 404
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("change", ["unpublished", "closed"])
def test_the_tablet_of_an_unpublished_or_closed_class_shows_nothing(client, world, tablet, change):
    if change == "unpublished":
        world.classroom.unpublish()
    else:
        world.classroom.closed_on = "2027-07-04"
        world.classroom.save()
    assert client.get(reverse("cardlogin:tablet", kwargs={"token": tablet})).status_code == 404
    assert tap(client, tablet, world.pupil, JADE).status_code == 404
    assert "_auth_user_id" not in client.session


def test_an_unknown_link_shows_nothing(client, world, tablet):
    response = client.get(reverse("cardlogin:tablet", kwargs={"token": "guess"}))
    assert response.status_code == 404
    assert "Léa" not in response.content.decode()


def test_a_pupil_of_another_class_is_not_on_this_tablet(client, world, tablet):
    services.set_picture_password(world.other_pupil, world.teacher, JADE)
    assert client.get(pupil_url(tablet, world.other_pupil)).status_code == 404
    assert tap(client, tablet, world.other_pupil, JADE).status_code == 404


def test_a_new_link_replaces_the_old_one(client, world, tablet):
    new = services.issue_tablet_link(world.classroom, world.teacher)
    assert client.get(reverse("cardlogin:tablet", kwargs={"token": tablet})).status_code == 404
    assert client.get(reverse("cardlogin:tablet", kwargs={"token": new})).status_code == 200


# --- The teacher's side -----------------------------------------------------------------


def test_the_teacher_gives_pictures_shown_once(client, world):
    client.force_login(world.teacher)
    url = reverse(
        "enrolment:picture_password",
        kwargs={"classroom_id": world.classroom.pk, "user_id": world.pupil.pk},
    )
    response = client.post(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("data-code=") == 4
    assert PicturePassword.objects.filter(user=world.pupil, created_by=world.teacher).exists()
    assert "no-store" in response["Cache-Control"]


def test_the_teacher_creates_and_revokes_the_tablet_link(client, world):
    client.force_login(world.teacher)
    url = reverse("enrolment:tablet_link", kwargs={"classroom_id": world.classroom.pk})
    response = client.post(url)
    html = response.content.decode()
    assert response.status_code == 200
    start = html.index("/compte/tablette/")
    link = html[start : html.index('"', start)]
    assert client.get(link).status_code == 200
    revoke = reverse("enrolment:tablet_link_revoke", kwargs={"classroom_id": world.classroom.pk})
    assert client.post(revoke).status_code == 302
    assert client.get(link).status_code == 404


@pytest.mark.parametrize("who", ["outsider", "parent", "pupil"])
def test_others_cannot_give_pictures_or_links(client, world, who):
    client.force_login(getattr(world, who))
    room = world.classroom.pk
    urls = [
        reverse(
            "enrolment:picture_password", kwargs={"classroom_id": room, "user_id": world.pupil.pk}
        ),
        reverse("enrolment:tablet_link", kwargs={"classroom_id": room}),
        reverse("enrolment:tablet_link_revoke", kwargs={"classroom_id": room}),
    ]
    for url in urls:
        assert client.post(url).status_code == 404
    assert not PicturePassword.objects.exists()
    assert not services.has_tablet_link(world.classroom)


def test_two_children_with_one_first_name_are_told_apart(client, world, tablet):
    """Two Hugos in the class: each must find his own name, or he taps the other's and
    locks him out. Only then is the initial of the last name added."""
    other = factories.UserFactory(username="hugo2", first_name="Hugo", last_name="Blanc")
    factories.MembershipFactory(user=other, classroom=world.classroom, role=Membership.Role.PUPIL)
    services.set_picture_password(other, world.teacher, JADE)
    html = client.get(reverse("cardlogin:tablet", kwargs={"token": tablet})).content.decode()
    assert "Hugo R." in html and "Hugo B." in html
    assert "Léa M." not in html  # a first name of her own: no more is shown
    assert "Roux" not in html and "Blanc" not in html


def test_a_child_who_does_not_read_finds_the_picture_his_teacher_gave_him(client, world, tablet):
    world.hugo.avatar = "1f98a"  # the fox
    world.hugo.save(update_fields=["avatar"])
    html = client.get(reverse("cardlogin:tablet", kwargs={"token": tablet})).content.decode()
    assert "vendor/twemoji/1f98a.svg" in html
    page = client.get(pupil_url(tablet, world.hugo)).content.decode()
    assert "vendor/twemoji/1f98a.svg" in page
