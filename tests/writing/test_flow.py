"""The writing workshop through the pages its people use: a teacher sets an assignment
with topics, a pupil writes and hands in, the teacher marks with the colour code and
gives it back, the pupil rewrites, the teacher sees what was dealt with, the progress,
and the text goes to the class blog."""

import pytest
from django.urls import reverse

from classrooms.models import BlogEntryPage, Membership, PupilGroup
from notifications.models import Notification
from tests import factories
from writing.models import Draft, ErrorType, Mark, Text, TextStatus, WritingAssignmentPage

pytestmark = pytest.mark.django_db


def set_assignment(client, world, **extra):
    client.force_login(world.teacher)
    data = {
        "title": "Les animaux de la mare",
        "instructions": "Écris trois phrases sur un animal de la mare.",
        "work_mode": "individual",
        "topics": "La grenouille\nLe héron\n",
        "topic_choice": "choose",
        "takers_per_topic": "1",
        **extra,
    }
    response = client.post(
        reverse("writing:assignment_new", kwargs={"classroom_id": world.classroom.pk}), data
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    return WritingAssignmentPage.objects.get(title="Les animaux de la mare")


def save(client, text, body, action="save", title="Ma grenouille"):
    text.refresh_from_db()
    return client.post(
        reverse("writing:text", kwargs={"text_id": text.pk}),
        {
            "title": title,
            "body": body,
            "base_version": text.version,
            "base_body": text.body,
            "action": action,
        },
    )


def mark(client, draft, words, kind, hint=""):
    start = draft.body.index(words)
    return client.post(
        reverse("writing:mark_add", kwargs={"text_id": draft.text_id, "number": draft.number}),
        {"start": start, "end": start + len(words), "kind": kind.pk, "hint": hint},
    )


def test_the_whole_loop_from_assignment_to_blog(client, world):
    assignment = set_assignment(client, world)
    assert assignment.live and [t.title for t in assignment.topics.all()] == [
        "La grenouille",
        "Le héron",
    ]
    wall = client.get(world.classroom.url).content.decode()
    assert "Donner un écrit" in wall and "Les animaux de la mare" in wall

    client.force_login(world.pupil)
    page = client.get(assignment.url).content.decode()
    assert "Choisis ton sujet" in page and "La grenouille" in page
    grenouille = assignment.topics.get(title="La grenouille")
    response = client.post(
        reverse("writing:start", kwargs={"assignment_id": assignment.pk}), {"topic": grenouille.pk}
    )
    text = Text.objects.get()
    assert response.url == reverse("writing:text", kwargs={"text_id": text.pk})
    assert text.topic == grenouille and list(text.authors.all()) == [world.pupil]

    first = (
        "la grenouille saute dans l'eau. Elle mange des mouche.\n"
        "Elle chantent le soir il fait nuit."
    )
    assert save(client, text, first).status_code == 302
    assert save(client, text, first, action="hand_in").status_code == 302
    draft = Draft.objects.get(text=text)
    text.refresh_from_db()
    assert draft.number == 1 and text.status == TextStatus.HANDED_IN
    told = Notification.objects.get(recipient=world.teacher, kind="writing_handed_in")
    assert told.url == reverse("writing:draft", kwargs={"text_id": text.pk, "number": 1})

    client.force_login(world.teacher)
    client.get(reverse("writing:draft", kwargs={"text_id": text.pk, "number": 1}))
    legend = {kind.name: kind for kind in ErrorType.objects.filter(classroom=world.classroom)}
    assert {
        "Orthographe",
        "Accords",
        "Conjugaison",
        "Ponctuation et majuscules",
        "Bien réussi",
    } <= set(legend)
    assert mark(client, draft, "la", legend["Ponctuation et majuscules"]).status_code == 302
    assert mark(client, draft, "mouche", legend["Accords"], "combien ?").status_code == 302
    assert (
        mark(client, draft, "chantent", legend["Conjugaison"], "regarde le verbe").status_code
        == 302
    )
    assert mark(client, draft, "soir il", legend["Construction de la phrase"]).status_code == 302
    assert mark(client, draft, "saute", legend["Bien réussi"]).status_code == 302
    overlapping = mark(client, draft, "des mouche", legend["Orthographe"])
    assert overlapping.status_code == 400 and Mark.objects.count() == 5
    client.post(
        reverse("writing:give_back", kwargs={"text_id": text.pk, "number": 1}),
        {"comment": "Bravo pour le verbe sauter !", "action": "rewrite"},
    )
    text.refresh_from_db()
    assert text.status == TextStatus.TO_REWRITE
    assert Notification.objects.filter(recipient=world.pupil, kind="writing_to_rewrite").exists()

    client.force_login(world.pupil)
    page = client.get(reverse("writing:text", kwargs={"text_id": text.pk})).content.decode()
    assert "Bravo pour le verbe sauter" in page and "regarde le verbe" in page
    assert "Conjugaison" in page and "ink--blue" in page
    assert page.count("pas encore changé") == 4  # the four marks to deal with (not the praise)
    second = (
        "La grenouille saute dans l'eau. Elle mange des mouches.\n"
        "Elle chante le soir. Il fait nuit."
    )
    save(client, text, second, action="hand_in")
    assert Draft.objects.filter(text=text).count() == 2

    client.force_login(world.teacher)
    page = client.get(
        reverse("writing:draft", kwargs={"text_id": text.pk, "number": 2})
    ).content.decode()
    assert page.count("réécrit") >= 4 and "pas changé" not in page
    progress = client.get(
        reverse(
            "writing:pupil_progress",
            kwargs={"classroom_id": world.classroom.pk, "pupil_id": world.pupil.pk},
        )
    )
    html = progress.content.decode()
    assert "Ma grenouille, brouillon 1" in html and "5 annotations" in html
    csv = client.get(
        reverse("writing:class_progress_csv", kwargs={"classroom_id": world.classroom.pk})
    )
    rows = csv.content.decode("utf-8-sig").splitlines()
    assert rows[0].startswith("Élève;Orthographe;Accords;Conjugaison")
    assert rows[1] == "Léa Martin;0;1;1;1;1;0;1;5"
    client.post(
        reverse("writing:give_back", kwargs={"text_id": text.pk, "number": 2}),
        {"comment": "Prêt !", "action": "ready"},
    )
    text.refresh_from_db()
    assert text.status == TextStatus.READY

    client.force_login(world.pupil)
    draft_2 = client.get(reverse("writing:draft", kwargs={"text_id": text.pk, "number": 2}))
    assert draft_2.content.decode().count("réécrit") >= 4  # the pupil sees it too
    response = client.post(reverse("writing:publish", kwargs={"text_id": text.pk}))
    entry = BlogEntryPage.objects.get()
    assert response.url == reverse("classrooms:entry_edit", kwargs={"entry_id": entry.pk})
    assert list(entry.authors.all()) == [world.pupil]
    assert "Elle chante le soir." in entry.get_latest_revision_as_object().body.raw_data[0]["value"]


def test_two_pupils_writing_at_once_lose_no_word(client, world):
    ines = factories.UserFactory(username="ines", first_name="Inès", last_name="Bah")
    factories.MembershipFactory(user=ines, classroom=world.classroom, role=Membership.Role.PUPIL)
    group = PupilGroup.objects.create(classroom=world.classroom, name="Les hérons")
    group.pupils.set([world.pupil, ines])
    assignment = set_assignment(client, world, work_mode="group", topics="")
    client.force_login(world.pupil)
    client.post(reverse("writing:start", kwargs={"assignment_id": assignment.pk}))
    text = Text.objects.get()
    assert set(text.authors.all()) == {world.pupil, ines}
    save(client, text, "Le héron attend.")
    text.refresh_from_db()
    opened_by_lea = (text.version, text.body)
    opened_by_ines = (text.version, text.body)
    url = reverse("writing:text", kwargs={"text_id": text.pk})
    client.post(
        url,
        {
            "body": "Le héron attend.\nIl a un long bec.",
            "base_version": opened_by_lea[0],
            "base_body": opened_by_lea[1],
        },
    )
    client.force_login(ines)
    response = client.post(
        url,
        {
            "body": "Le héron attend.\nLes poissons nagent.",
            "base_version": opened_by_ines[0],
            "base_body": opened_by_ines[1],
        },
    )
    assert response.status_code == 302
    text.refresh_from_db()
    assert text.body == "Le héron attend.\n\nIl a un long bec.\n\nLes poissons nagent."
    assert text.paragraph_authors == [world.pupil.pk, world.pupil.pk, ines.pk]
    # Both change the same paragraph: refused, both versions shown, nothing saved.
    client.post(
        url,
        {
            "body": "Le héron attend patiemment.\nIl a un long bec.\nLes poissons nagent.",
            "base_version": text.version,
            "base_body": text.body,
        },
    )
    client.force_login(world.pupil)
    refused = client.post(
        url,
        {
            "body": "Le grand héron attend.\nIl a un long bec.\nLes poissons nagent.",
            "base_version": text.version,
            "base_body": text.body,
        },
    )
    assert refused.status_code == 409
    html = refused.content.decode()
    assert "Le héron attend patiemment." in html and "Le grand héron attend." in html


def test_an_over_long_text_is_refused_and_kept(client, world):
    assignment = set_assignment(client, world, topics="")
    client.force_login(world.pupil)
    client.post(reverse("writing:start", kwargs={"assignment_id": assignment.pk}))
    text = Text.objects.get()
    long_text = "Il était une fois. " * 700
    response = save(client, text, long_text)
    assert response.status_code == 400
    html = response.content.decode()
    assert "comporte au plus 12000 caractères (actuellement 13299)" in html
    assert long_text.strip()[:200] in html  # what was typed is still in the form
    text.refresh_from_db()
    assert text.body == "" and text.version == 0


def test_parents_read_a_text_only_once_the_teacher_shares_it(client, world):
    assignment = set_assignment(client, world, topics="")
    client.force_login(world.pupil)
    client.post(reverse("writing:start", kwargs={"assignment_id": assignment.pk}))
    text = Text.objects.get()
    save(client, text, "Mon texte secret.", action="hand_in")
    url = reverse("writing:text", kwargs={"text_id": text.pk})
    draft_url = reverse("writing:draft", kwargs={"text_id": text.pk, "number": 1})
    client.force_login(world.parent)
    assert client.get(url).status_code == 404 and client.get(draft_url).status_code == 404
    assert "Mon texte secret" not in client.get(assignment.url).content.decode()
    client.force_login(world.teacher)
    client.post(reverse("writing:share", kwargs={"text_id": text.pk}), {"shared": "1"})
    client.force_login(world.parent)
    assert "Mon texte secret." in client.get(url).content.decode()
    assert client.get(draft_url).status_code == 200
    assert "Progrès de Léa" in client.get(assignment.url).content.decode()
    client.force_login(world.other_pupil)
    assert client.get(url).status_code == 404


def test_the_teacher_gathers_two_groups_texts_keeping_who_wrote_what(client, world):
    ines = factories.UserFactory(username="ines", first_name="Inès", last_name="Bah")
    hugo = factories.UserFactory(username="hugo", first_name="Hugo", last_name="Roy")
    for pupil in (ines, hugo):
        factories.MembershipFactory(
            user=pupil, classroom=world.classroom, role=Membership.Role.PUPIL
        )
    herons = PupilGroup.objects.create(classroom=world.classroom, name="Les hérons")
    herons.pupils.set([world.pupil, ines])
    frogs = PupilGroup.objects.create(classroom=world.classroom, name="Les grenouilles")
    frogs.pupils.set([hugo])
    assignment = set_assignment(client, world, work_mode="group", topics="")
    for pupil, words in ((world.pupil, "Le héron pêche."), (hugo, "La grenouille coasse.")):
        client.force_login(pupil)
        client.post(reverse("writing:start", kwargs={"assignment_id": assignment.pk}))
        save(client, Text.objects.get(group__pupils=pupil), words, action="hand_in")
    client.force_login(world.teacher)
    texts = list(Text.objects.order_by("pk"))
    response = client.post(
        reverse("writing:gather", kwargs={"assignment_id": assignment.pk}),
        {"texts": [t.pk for t in texts], "title": "La mare", "group": ""},
    )
    gathered = Text.objects.get(title="La mare")
    assert response.url == reverse("writing:text", kwargs={"text_id": gathered.pk})
    assert gathered.body == "Le héron pêche.\n\nLa grenouille coasse."
    assert gathered.paragraph_authors == [world.pupil.pk, hugo.pk]
    assert set(gathered.authors.all()) == {world.pupil, ines, hugo}
    assert all(
        t.gathered_into_id == gathered.pk for t in Text.objects.filter(pk__in=[t.pk for t in texts])
    )
    page = client.get(response.url).content.decode()
    assert "écrit par Léa M." in page and "écrit par Hugo R." in page
    listing = client.get(assignment.url).content.decode()
    assert "2 textes rassemblés dans d’autres" in listing
    client.force_login(ines)
    page = client.get(response.url).content.decode()
    assert "La grenouille coasse." in page and "Enregistrer" in page


def test_a_published_text_is_rewritten_from_its_blog_entry(client, world):
    assignment = set_assignment(client, world, topics="")
    client.force_login(world.pupil)
    client.post(reverse("writing:start", kwargs={"assignment_id": assignment.pk}))
    text = Text.objects.get()
    save(client, text, "Le héron attend.", action="hand_in")
    client.force_login(world.teacher)
    client.post(
        reverse("writing:give_back", kwargs={"text_id": text.pk, "number": 1}), {"action": "ready"}
    )
    client.post(reverse("writing:publish", kwargs={"text_id": text.pk}))
    entry = BlogEntryPage.objects.get()
    entry.get_latest_revision().publish()
    client.force_login(world.pupil)
    page = client.get(entry.url).content.decode()
    rewrite_url = reverse("writing:rewrite", kwargs={"text_id": text.pk})
    assert rewrite_url in page and "Réécrire ce texte" in page
    client.force_login(world.parent)
    assert rewrite_url not in client.get(entry.url).content.decode()
    client.force_login(world.pupil)
    client.post(rewrite_url)
    text.refresh_from_db()
    assert text.status == TextStatus.TO_REWRITE
    save(client, text, "Le héron gris attend au bord de la mare.", action="hand_in")
    client.force_login(world.teacher)
    client.post(
        reverse("writing:give_back", kwargs={"text_id": text.pk, "number": 2}), {"action": "ready"}
    )
    client.force_login(world.pupil)
    client.post(reverse("writing:publish", kwargs={"text_id": text.pk}))
    entry.refresh_from_db()
    latest = entry.get_latest_revision_as_object()
    assert "au bord de la mare" in latest.body.raw_data[0]["value"]
    assert BlogEntryPage.objects.count() == 1  # the same entry, a new version for the teacher


def test_an_assignment_for_one_group_is_hidden_from_the_other_pupils(client, world):
    ines = factories.UserFactory(username="ines", first_name="Inès", last_name="Bah")
    factories.MembershipFactory(user=ines, classroom=world.classroom, role=Membership.Role.PUPIL)
    herons = PupilGroup.objects.create(classroom=world.classroom, name="Les hérons")
    herons.pupils.set([ines])
    assignment = set_assignment(client, world, groups=[herons.pk], topics="")
    client.force_login(ines)
    assert "Les animaux de la mare" in client.get(world.classroom.url).content.decode()
    assert client.get(assignment.url).status_code == 200
    client.force_login(world.pupil)
    assert "Les animaux de la mare" not in client.get(world.classroom.url).content.decode()
    assert client.get(assignment.url).status_code == 404
    start = client.post(reverse("writing:start", kwargs={"assignment_id": assignment.pk}))
    assert start.status_code == 404 and not Text.objects.exists()


def test_an_empty_text_is_not_handed_in(client, world):
    assignment = set_assignment(client, world, topics="")
    client.force_login(world.pupil)
    client.post(reverse("writing:start", kwargs={"assignment_id": assignment.pk}))
    text = Text.objects.get()
    response = save(client, text, "  \n ", action="hand_in")
    page = client.get(response.url).content.decode()
    assert "Écris ton texte avant de le rendre." in page and not Draft.objects.exists()


def test_an_open_editor_learns_that_a_co_author_saved(client, world):
    ines = factories.UserFactory(username="ines", first_name="Inès", last_name="Bah")
    factories.MembershipFactory(user=ines, classroom=world.classroom, role=Membership.Role.PUPIL)
    group = PupilGroup.objects.create(classroom=world.classroom, name="Les hérons")
    group.pupils.set([world.pupil, ines])
    assignment = set_assignment(client, world, work_mode="group", topics="")
    client.force_login(world.pupil)
    client.post(reverse("writing:start", kwargs={"assignment_id": assignment.pk}))
    text = Text.objects.get()
    news_url = reverse("writing:text_news", kwargs={"text_id": text.pk})
    page = client.get(reverse("writing:text", kwargs={"text_id": text.pk})).content.decode()
    assert f"{news_url}?depuis=0" in page
    assert client.get(news_url, {"depuis": 0}).content == b""
    client.force_login(ines)
    save(client, text, "Le héron attend.")
    assert client.get(news_url, {"depuis": 0}).content == b""  # her own save
    client.force_login(world.pupil)
    news = client.get(news_url, {"depuis": 0})
    assert "Inès B. a enregistré le texte à" in news.content.decode()
    assert "no-store" in news["Cache-Control"]
    client.force_login(world.other_pupil)
    assert client.get(news_url, {"depuis": 0}).status_code == 404
    client.logout()
    assert client.get(news_url).status_code == 302
