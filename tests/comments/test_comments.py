"""Constructive comments on the class blog: who writes, who waits, who moderates, who reads.

Everything goes through the comment endpoints as the people use them; notifications and
e-mails are checked on the rows and in the outbox.
"""

import pytest
from django.core import mail
from django.urls import reverse

from classrooms.models import BlogEntryPage, Membership
from comments.models import ClassComment, Partnership
from notifications.models import Notification
from pages.models import SchoolStaff
from tests import factories

pytestmark = pytest.mark.django_db

SENTENCES = {"liked": "les dessins", "suggestion": "", "wondering": "qui a écrit le titre"}


@pytest.fixture
def entry(world):
    page = factories.BlogEntryPageFactory(parent=world.classroom, title="Nos haricots")
    page.authors.set([world.pupil])
    page.save_revision().publish()
    return BlogEntryPage.objects.get(pk=page.pk)


def post(client, entry, **fields):
    data = dict(SENTENCES)
    data.update(fields)
    return client.post(reverse("comments:post", kwargs={"entry_id": entry.pk}), data)


def moderate(client, comment, action, **fields):
    url = reverse("comments:moderate", kwargs={"comment_id": comment.pk})
    return client.post(url, {"action": action, **fields})


def page_of(client, entry):
    return client.get(entry.url).content.decode()


def test_a_pupil_s_comment_waits_for_the_teacher(client, world, entry):
    classmate = factories.UserFactory(username="classmate", first_name="Hugo")
    factories.MembershipFactory(user=classmate, classroom=world.classroom)
    client.force_login(classmate)
    response = post(client, entry)
    comment = ClassComment.objects.get()
    assert response.status_code == 302 and not comment.is_public
    assert "En attente de l’enseignant" in page_of(client, entry)  # its author sees it waiting
    client.force_login(world.parent)
    assert "les dessins" not in page_of(client, entry)  # nobody else does
    assert Notification.objects.filter(recipient=world.teacher, kind="comment_pending").exists()

    client.force_login(world.teacher)
    wall = client.get(world.classroom.url).content.decode()
    assert "Commentaires qui vous attendent" in wall and "Nos haricots" in wall
    moderate(client, comment, "approve")
    comment.refresh_from_db()
    assert comment.is_public and comment.moderated_by == world.teacher
    client.force_login(world.parent)
    assert "les dessins" in page_of(client, entry)
    # The classmate is a pupil: told with "tu"; a parent is told with "vous" (below).
    told = Notification.objects.get(recipient=classmate, kind="comment_approved_pupil")
    assert told.message.startswith("Ton commentaire")
    # The pupil who wrote the entry hears of it, in the badge and the list.
    client.force_login(world.pupil)
    assert "Hugo" in client.get(reverse("notifications:list")).content.decode()


def test_at_least_one_sentence_and_what_was_typed_is_kept(client, world, entry):
    client.force_login(world.pupil)
    response = post(client, entry, liked="", wondering="", suggestion="")
    assert response.status_code == 400
    assert "Complète au moins une des trois phrases" in response.content.decode()
    response = post(client, entry, liked="x" * 501, wondering="garde-moi")
    assert response.status_code == 400
    html = response.content.decode()
    assert "garde-moi" in html and "trop longue" in html
    assert not ClassComment.objects.exists()


def test_teachers_comments_are_published_at_once(client, world, entry):
    client.force_login(world.teacher)
    post(client, entry)
    assert ClassComment.objects.get().is_public
    assert Notification.objects.filter(recipient=world.pupil, kind="comment_on_your_entry").exists()


def test_a_refused_comment_tells_its_author_why(
    client, world, entry, django_capture_on_commit_callbacks
):
    world.parent.email = "sophie@example.org"
    world.parent.save()
    client.force_login(world.parent)
    post(client, entry)
    comment = ClassComment.objects.get()
    client.force_login(world.teacher)
    # E-mails leave once the moderation is committed, from the background task.
    with django_capture_on_commit_callbacks(execute=True):
        moderate(client, comment, "reject", reason="Écrivez à l'enseignante en privé.")
    comment.refresh_from_db()
    assert comment.is_removed and not comment.is_public
    client.force_login(world.parent)
    html = page_of(client, entry)
    assert "Non publié" in html and "Écrivez à l&#x27;enseignante en privé." in html
    # An adult with an address gets an e-mail too, sent by the background task.
    assert [message.to for message in mail.outbox] == [["sophie@example.org"]]
    assert "Écrivez à l'enseignante en privé." in mail.outbox[0].body


def test_pupils_get_no_email_and_teachers_one_per_waiting_comment(
    client, world, entry, django_capture_on_commit_callbacks
):
    world.teacher.email = "claire@example.org"
    world.teacher.save()
    client.force_login(world.pupil)
    with django_capture_on_commit_callbacks(execute=True):
        post(client, entry)
    assert [message.to for message in mail.outbox] == [["claire@example.org"]]


def test_a_teacher_corrects_a_typo(client, world, entry):
    client.force_login(world.pupil)
    post(client, entry, liked="les dessain")
    comment = ClassComment.objects.get()
    client.force_login(world.teacher)
    moderate(client, comment, "correct", liked="les dessins", suggestion="", wondering="")
    comment.refresh_from_db()
    assert comment.liked == "les dessins" and "les dessins" in comment.comment


def test_replies_are_one_level_deep(client, world, entry):
    client.force_login(world.teacher)
    post(client, entry)
    first = ClassComment.objects.get()
    post(client, entry, parent=first.pk, liked="merci")
    reply = ClassComment.objects.exclude(pk=first.pk).get()
    assert reply.level == 1 and reply.thread_id == first.thread_id
    response = post(client, entry, parent=reply.pk, liked="encore")
    assert response.status_code == 400
    assert ClassComment.objects.count() == 2


def test_reporting_hides_a_comment_until_a_teacher_looks(client, world, entry):
    client.force_login(world.teacher)
    post(client, entry, liked="un mot maladroit")
    comment = ClassComment.objects.get()
    client.force_login(world.parent)
    client.post(reverse("comments:report", kwargs={"comment_id": comment.pk}))
    comment.refresh_from_db()
    assert not comment.is_public and comment.flagged_by == world.parent
    assert "un mot maladroit" not in page_of(client, entry)
    assert Notification.objects.filter(recipient=world.teacher, kind="comment_reported").exists()


def test_floods_are_refused_with_a_clear_message(client, world, entry, settings):
    settings.PREAU_COMMENTS_PER_WINDOW = 2
    client.force_login(world.pupil)
    post(client, entry)
    post(client, entry)
    response = post(client, entry, liked="troisième")
    assert response.status_code == 400
    assert "Fais une pause" in response.content.decode()
    assert ClassComment.objects.count() == 2


def test_text_is_escaped(client, world, entry):
    client.force_login(world.teacher)
    post(client, entry, liked='<script>alert("x")</script> https://example.org')
    html = page_of(client, entry)
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html
    assert 'href="https://example.org"' not in html  # links are never clickable


def test_a_comment_linked_to_the_rewriting_it_led_to(client, world, entry):
    client.force_login(world.pupil)
    post(client, entry, suggestion="de mesurer les haricots")
    comment = ClassComment.objects.get()
    client.force_login(world.teacher)
    moderate(client, comment, "approve")
    rewriting = entry.save_revision(user=world.teacher)
    rewriting.publish()
    url = reverse("comments:link_revision", kwargs={"comment_id": comment.pk})
    client.post(url, {"revision": rewriting.pk})
    comment.refresh_from_db()
    assert comment.led_to_revision == rewriting
    client.force_login(world.parent)
    html = page_of(client, entry)
    version_url = reverse(
        "comments:revision", kwargs={"entry_id": entry.pk, "revision_id": rewriting.pk}
    )
    assert "Ce commentaire a conduit à la réécriture" in html and version_url in html
    assert client.get(version_url).status_code == 200


# Partner classes


@pytest.fixture
def partner(world, portal):
    """A CE1 of another school, with its teacher and a pupil."""
    school = factories.SchoolPageFactory(parent=portal, title="École du Bourg")
    classroom = factories.ClassroomPageFactory(parent=school, title="CE1 du Bourg")
    teacher = factories.UserFactory(username="bourgteacher", first_name="Aurélie")
    pupil = factories.UserFactory(username="bourgpupil", first_name="Emma", last_name="Rousseau")
    factories.MembershipFactory(user=teacher, classroom=classroom, role=Membership.Role.TEACHER)
    factories.MembershipFactory(user=pupil, classroom=classroom)
    return classroom, teacher, pupil


def test_an_invited_class_reads_and_comments_once_its_teacher_accepts(
    client, world, entry, partner
):
    guest, guest_teacher, guest_pupil = partner
    client.force_login(guest_pupil)
    assert client.get(entry.url).status_code == 404
    assert post(client, entry).status_code == 404

    client.force_login(world.teacher)
    partners_url = reverse("comments:partners", kwargs={"classroom_id": world.classroom.pk})
    assert "CE1 du Bourg" in client.get(partners_url, {"q": "Bourg"}).content.decode()
    client.post(partners_url, {"guest": guest.pk})
    partnership = Partnership.objects.get()
    assert partnership.status == Partnership.Status.INVITED
    client.force_login(guest_pupil)
    assert client.get(entry.url).status_code == 404  # not before the acceptance

    client.force_login(guest_teacher)
    wall = client.get(guest.url).content.decode()
    assert world.classroom.title in wall  # the invitation, on the invited class's wall
    url = reverse(
        "comments:partnership", kwargs={"partnership_id": partnership.pk, "action": "accept"}
    )
    client.post(url)
    partnership.refresh_from_db()
    assert partnership.status == Partnership.Status.ACCEPTED

    client.force_login(guest_pupil)
    html = page_of(client, entry)
    assert "Nos haricots" in html and "Léa" in html and "Léa M." not in html
    assert "Nos haricots" in client.get(guest.url).content.decode()  # partner blogs list
    post(client, entry)
    comment = ClassComment.objects.get()
    assert not comment.is_public  # waits for the host class's teacher

    client.force_login(world.teacher)
    end = reverse(
        "comments:partnership", kwargs={"partnership_id": partnership.pk, "action": "end"}
    )
    client.post(end)
    client.force_login(guest_pupil)
    assert client.get(entry.url).status_code == 404


def test_only_the_invited_class_s_teacher_answers(client, world, entry, partner):
    guest, guest_teacher, guest_pupil = partner
    partnership = Partnership.objects.create(
        host=world.classroom, guest=guest, invited_by=world.teacher
    )
    url = reverse(
        "comments:partnership", kwargs={"partnership_id": partnership.pk, "action": "accept"}
    )
    for person in (guest_pupil, world.teacher, world.outsider):
        client.force_login(person)
        assert client.post(url).status_code == 404
    partnership.refresh_from_db()
    assert partnership.status == Partnership.Status.INVITED


def test_outsiders_get_404_on_every_comment_endpoint(client, world, entry):
    client.force_login(world.teacher)
    post(client, entry)
    comment = ClassComment.objects.get()
    revision = entry.latest_revision
    third_parent = factories.UserFactory(username="third")
    factories.GuardianshipFactory(parent=third_parent, child=world.other_pupil)
    client.force_login(third_parent)
    for name, kwargs in (
        ("comments:post", {"entry_id": entry.pk}),
        ("comments:moderate", {"comment_id": comment.pk}),
        ("comments:report", {"comment_id": comment.pk}),
        ("comments:link_revision", {"comment_id": comment.pk}),
    ):
        response = client.post(reverse(name, kwargs=kwargs), {**SENTENCES, "action": "approve"})
        assert response.status_code == 404, name
    for name, kwargs in (
        ("comments:revision", {"entry_id": entry.pk, "revision_id": revision.pk}),
        ("comments:queue", {"classroom_id": world.classroom.pk}),
        ("comments:partners", {"classroom_id": world.classroom.pk}),
    ):
        assert client.get(reverse(name, kwargs=kwargs)).status_code == 404, name
    assert client.get(entry.url).status_code == 404


def test_parents_and_pupils_do_not_moderate(client, world, entry):
    client.force_login(world.pupil)
    post(client, entry)
    comment = ClassComment.objects.get()
    for person in (world.pupil, world.parent):
        client.force_login(person)
        assert moderate(client, comment, "approve").status_code == 404
    comment.refresh_from_db()
    assert not comment.is_public


def test_the_library_s_own_endpoints_are_closed(client, world, entry):
    """django-comments-xtd's post, reply and API views know nothing of class privacy."""
    from django.urls import NoReverseMatch

    client.force_login(world.teacher)
    post(client, entry)
    comment = ClassComment.objects.get()
    for name, args in (
        ("comments-post-comment", []),
        ("comments-xtd-reply", [comment.pk]),
        ("comments-xtd-api-list", ["classrooms-blogentrypage", entry.pk]),
    ):
        with pytest.raises(NoReverseMatch):
            reverse(name, args=args)
    for url in (
        "/comments/post/",
        f"/comments/reply/{comment.pk}/",
        f"/comments/api/classrooms-blogentrypage/{entry.pk}/",
        f"/comments/api/classrooms-blogentrypage/{entry.pk}/count/",
    ):
        assert client.get(url).status_code == 404, url


def test_the_library_s_moderator_refuses_anything_it_would_post(world, entry):
    from django_comments.moderation import moderator

    comment = ClassComment(content_object=entry, user=world.teacher, comment="x")
    assert moderator._registry[BlogEntryPage].allow(comment, entry, None) is False


def test_no_confirmation_mail_and_no_gravatar(settings):
    from comments.avatars import no_avatar

    assert settings.COMMENTS_XTD_CONFIRM_EMAIL is False
    assert no_avatar(None) == ""


def test_earlier_versions_stay_in_the_class_even_when_the_entry_is_public(client, world, entry):
    from classrooms.models import Visibility

    earlier = entry.latest_revision
    BlogEntryPage.objects.filter(pk=entry.pk).update(visibility=Visibility.PUBLIC)
    url = reverse("comments:revision", kwargs={"entry_id": entry.pk, "revision_id": earlier.pk})
    assert client.get(entry.url).status_code == 200  # the entry itself is public
    response = client.get(url)
    assert response.status_code == 302 and "/compte/connexion/" in response.url
    client.force_login(world.outsider)
    assert client.get(url).status_code == 404
    client.force_login(world.parent)
    assert client.get(url).status_code == 200


def test_versions_of_an_entry_shared_with_the_school_stay_with_the_class(
    client, world, entry, partner
):
    """Issue 15, item 4: staff of another class and partner pupils read the shared entry,
    not its versions (the earlier one holds what was taken out before sharing); parents
    read the versions published to the class, never a draft."""
    from classrooms.models import Visibility

    guest, guest_teacher, guest_pupil = partner
    Partnership.objects.create(
        host=world.classroom, guest=guest, status=Partnership.Status.ACCEPTED
    )
    other_teacher = factories.UserFactory(username="otherteacher", first_name="Paul")
    factories.MembershipFactory(
        user=other_teacher, classroom=world.other_classroom, role=Membership.Role.TEACHER
    )
    factories.SchoolStaffFactory(
        user=other_teacher, school=world.school, role=SchoolStaff.Role.TEACHER
    )
    client.force_login(world.teacher)
    post(client, entry, suggestion="d’enlever la phrase sur Tom")
    comment = ClassComment.objects.get()
    entry.body = [("text", "<p>Tom a renversé le bac à haricots.</p>")]
    earlier = entry.save_revision(user=world.teacher)
    earlier.publish()
    entry.body = [("text", "<p>Les haricots ont germé.</p>")]
    entry.visibility = Visibility.SCHOOL
    entry.save_revision(user=world.teacher).publish()
    entry.body = [("text", "<p>Brouillon : les haricots grimpent.</p>")]
    later = entry.save_revision(user=world.teacher)
    client.post(
        reverse("comments:link_revision", kwargs={"comment_id": comment.pk}),
        {"revision": earlier.pk},
    )

    def version(revision):
        kwargs = {"entry_id": entry.pk, "revision_id": revision.pk}
        return reverse("comments:revision", kwargs=kwargs)

    for person in (guest_pupil, other_teacher, world.other_pupil):
        client.force_login(person)
        assert client.get(entry.url).status_code == 200  # the shared entry itself
        for revision in (earlier, later):
            response = client.get(version(revision))
            assert response.status_code == 404, (person, revision)
            assert "Tom a renversé" not in response.content.decode()
            assert "les haricots grimpent" not in response.content.decode()
        assert version(earlier) not in page_of(client, entry)  # no link to a closed door
    client.force_login(world.parent)
    assert client.get(version(earlier)).status_code == 200  # published to the class
    assert version(earlier) in page_of(client, entry)
    assert client.get(version(later)).status_code == 404  # a draft
    for person in (world.pupil, world.teacher, world.director):
        client.force_login(person)
        assert client.get(version(earlier)).status_code == 200
        assert "Brouillon : les haricots grimpent" in client.get(version(later)).content.decode()
    client.logout()
    response = client.get(version(earlier))
    assert response.status_code == 302 and "/compte/connexion/" in response.url


def test_the_queue_shows_the_oldest_waiting_comments_a_page_at_a_time(client, world, entry):
    """A class back from the holidays may have many waiting comments: the queue shows the
    oldest QUEUE_PAGE and says more wait; the next one comes up once one is published."""
    from comments import services
    from comments.views import QUEUE_PAGE

    comments = [
        services.post(entry, world.pupil, liked=f"Remarque numéro {number:03d}")
        for number in range(QUEUE_PAGE + 1)
    ]
    client.force_login(world.teacher)
    url = reverse("comments:queue", args=[world.classroom.pk])
    html = client.get(url).content.decode()
    assert html.count('class="panel" aria-label=') == QUEUE_PAGE
    assert "Remarque numéro 000" in html
    assert f"Remarque numéro {QUEUE_PAGE:03d}" not in html
    assert "D’autres commentaires attendent" in html
    services.approve(comments[0], entry, world.teacher)
    html = client.get(url).content.decode()
    assert f"Remarque numéro {QUEUE_PAGE:03d}" in html
    assert "D’autres commentaires attendent" not in html
