"""A person's data as a ZIP (dataexport/): what it holds, for whom, and what it leaves out."""

import io
import json
import zipfile

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Collection

from classrooms.models import Appearance, Membership
from dataexport.models import ExportRecord
from tests import factories
from writing.models import Draft, Text

pytestmark = pytest.mark.django_db


def entry(
    classroom, title, authors, *, live=True, image=None, text="Nous avons planté des haricots."
):
    body = [{"type": "text", "value": f"<p>{text}</p>"}]
    if image is not None:
        body.append(
            {
                "type": "image",
                "value": {"image": image.pk, "alt_text": "Des haricots", "caption": ""},
            }
        )
    page = factories.BlogEntryPageFactory(parent=classroom, title=title, body=json.dumps(body))
    page.authors.set(authors)  # a ParentalManyToManyField: written by save()
    page.live = live
    page.save()
    page.save_revision()
    return page


def text_with_draft(classroom, pupil, body):
    assignment = factories.WritingAssignmentPageFactory(parent=classroom)
    text = Text.objects.create(assignment=assignment, title="Ma grenouille", body=body)
    text.authors.add(pupil)
    Draft.objects.create(text=text, number=1, body=body, handed_in_by=pupil)
    return text


def open_zip(response):
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


@pytest.fixture
def class_life(world):
    """Léa (the world's pupil) wrote two entries, one a draft, with a photo; she is seen in
    a second photo; her classmate Jules wrote an entry of his own; Tom is in the other class."""
    collection = Collection.get_first_root_node().add_child(name="Classe")
    photo = factories.ImageFactory(title="Les haricots", collection=collection)
    seen = factories.ImageFactory(title="La sortie au marais", collection=collection)
    Appearance.objects.create(pupil=world.pupil, image=seen)
    classmate = factories.UserFactory(username="jules", first_name="Jules", last_name="Petit")
    factories.MembershipFactory(user=classmate, classroom=world.classroom)
    entry(world.classroom, "Nos haricots ont germé", [world.pupil], image=photo)
    entry(world.classroom, "Le brouillon de Léa", [world.pupil], live=False)
    entry(world.classroom, "L’article de Jules", [classmate])
    entry(world.other_classroom, "L’article de Tom", [world.other_pupil])
    text_with_draft(world.classroom, world.pupil, "La grenouille saute dans la mare.")
    text_with_draft(world.classroom, classmate, "Le héron attend au bord de l’eau.")
    return world


def test_a_parent_downloads_the_childs_zip(client, class_life):
    world = class_life
    client.force_login(world.parent)
    response = client.get(reverse("dataexport:person", kwargs={"user_id": world.pupil.pk}))
    archive = open_zip(response)
    names = archive.namelist()
    assert "index.html" in names and "data.json" in names
    index = archive.read("index.html").decode()
    assert "Nos haricots ont germé" in index
    assert "Le brouillon de Léa" in index and "brouillon, non publié" in index
    assert "Jules" not in index and "Tom" not in index
    data = json.loads(archive.read("data.json"))
    assert data["profile"][0]["username"] == "pupil"
    assert [m["class"] for m in data["memberships"]] == ["CP de Mme Durand"]
    assert data["memberships"][0]["school"] == "École Jean-Jaurès"
    assert data["guardianships"] == [{"relation": "parent", "name": "Sophie Martin"}]
    titles = {e["title"]: e["status"] for e in data["blog_entries"]}
    assert titles == {"Nos haricots ont germé": "published", "Le brouillon de Léa": "draft"}
    (text,) = data["writing_texts"]
    assert text["drafts"][0]["text"] == "La grenouille saute dans la mare."
    assert "héron" not in json.dumps(data)
    files = [name for name in names if name.startswith("files/")]
    assert sorted(files) == [
        "files/blog/les-haricots.png",
        "files/photos-and-recordings/la-sortie-au-marais.png",
    ]
    assert archive.read("files/blog/les-haricots.png").startswith(b"\x89PNG")
    assert 'href="files/blog/les-haricots.png"' in index
    assert not ExportRecord.objects.exists()  # a family's own reading is not recorded


def test_a_person_downloads_their_own_data(client, class_life):
    client.force_login(class_life.other_pupil)
    archive = open_zip(client.get(reverse("dataexport:mine")))
    data = json.loads(archive.read("data.json"))
    assert data["profile"][0]["username"] == "otherpupil"
    assert [e["title"] for e in data["blog_entries"]] == ["L’article de Tom"]
    assert "Léa" not in archive.read("index.html").decode()


@pytest.mark.parametrize("who", ["teacher", "director"])
def test_staff_export_a_pupils_data_and_it_is_recorded(client, class_life, who):
    staff = getattr(class_life, who)
    client.force_login(staff)
    response = client.get(reverse("dataexport:person", kwargs={"user_id": class_life.pupil.pk}))
    assert "Nos haricots ont germé" in open_zip(response).read("index.html").decode()
    (record,) = ExportRecord.objects.all()
    assert (record.person, record.made_by) == (class_life.pupil, staff)


def test_everyone_else_gets_404(client, class_life):
    world = class_life
    other_teacher = factories.UserFactory(username="otherteacher")
    factories.MembershipFactory(
        user=other_teacher, classroom=world.other_classroom, role=Membership.Role.TEACHER
    )
    url = reverse("dataexport:person", kwargs={"user_id": world.pupil.pk})
    for person in (world.outsider, world.other_pupil, other_teacher):
        client.force_login(person)
        assert client.get(url).status_code == 404, person
    client.force_login(world.parent)  # a parent of Léa, not of Tom
    assert (
        client.get(
            reverse("dataexport:person", kwargs={"user_id": world.other_pupil.pk})
        ).status_code
        == 404
    )
    client.logout()
    assert client.get(url).status_code == 302
    assert not ExportRecord.objects.exists()


def test_queries_do_not_grow_with_the_entries(client, class_life):
    world = class_life
    client.force_login(world.parent)
    url = reverse("dataexport:person", kwargs={"user_id": world.pupil.pk})

    def count():
        with CaptureQueriesContext(connection) as queries:
            open_zip(client.get(url))
        return len(queries)

    before = count()
    collection = Collection.get_first_root_node().add_child(name="Encore")
    for number in range(4):
        photo = factories.ImageFactory(title=f"Photo {number}", collection=collection)
        entry(world.classroom, f"Entrée {number}", [world.pupil], image=photo)
        text_with_draft(world.classroom, world.pupil, f"Texte {number}")
    assert count() == before


def test_over_the_size_cap_says_so_and_sends_nothing(client, class_life, settings):
    settings.PREAU_DATA_EXPORT_MAX_MB = 0
    client.force_login(class_life.parent)
    response = client.get(reverse("dataexport:person", kwargs={"user_id": class_life.pupil.pk}))
    assert response.status_code == 413
    assert "plus que les 0 Mo" in response.content.decode()


def test_my_spaces_offers_each_childs_data_with_elision(client, world):
    adam = factories.UserFactory(username="adam", first_name="Adam", last_name="Martin")
    factories.MembershipFactory(user=adam, classroom=world.classroom)
    factories.GuardianshipFactory(parent=world.parent, child=adam)
    client.force_login(world.parent)
    page = client.get(reverse("accounts:my_spaces")).content.decode()
    assert "Télécharger mes données" in page
    assert "Télécharger les données d’Adam" in page
    assert "Télécharger les données de Léa" in page
    assert reverse("dataexport:person", kwargs={"user_id": adam.pk}) in page


def test_the_roster_has_an_export_button_per_pupil(client, world):
    client.force_login(world.teacher)
    page = client.get(reverse("enrolment:roster", kwargs={"classroom_id": world.classroom.pk}))
    assert reverse("dataexport:person", kwargs={"user_id": world.pupil.pk}) in page.content.decode()
    assert "Exporter les données" in page.content.decode()


def test_the_answers_and_their_history_are_in_the_export(client, world):
    """Every answer (medium × audience) as it counts, and who changed what, when."""
    from consents.answers import record
    from consents.models import ConsentChange

    factories.PupilRecordFactory(user=world.pupil, school=world.school, photo_consent=True)
    record(
        world.pupil, {"voice_public": False}, by=world.parent, source=ConsentChange.Source.PARENT
    )
    client.force_login(world.parent)
    archive = open_zip(client.get(reverse("dataexport:person", kwargs={"user_id": world.pupil.pk})))
    rows = json.loads(archive.read("data.json"))["consents"]
    answers = {(r["medium"], r["audience"]): r["agreed"] for r in rows if r["kind"] == "consent"}
    assert answers[("photo", "public")] is True
    assert answers[("voice", "public")] is False
    assert answers[("full_name", "school")] is False
    (change,) = [
        r for r in rows if r["kind"] == "consent_change" and r["how"] == ConsentChange.Source.PARENT
    ]
    assert (change["medium"], change["audience"], change["old"], change["new"]) == (
        "voice",
        "public",
        True,
        False,
    )
    assert "enregistrements de la voix · le public" in archive.read("index.html").decode()


def test_a_second_download_while_one_is_being_built_waits(client, world):
    """One build at a time per reader and person: a burst of requests makes no copies."""
    from django.core.cache import cache

    client.force_login(world.parent)
    url = reverse("dataexport:person", kwargs={"user_id": world.pupil.pk})
    cache.add(f"dataexport:building:{world.parent.pk}:{world.pupil.pk}", True, 600)
    response = client.get(url)
    assert response.status_code == 429
    assert "déjà en préparation" in response.content.decode()
    cache.clear()
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200  # once built, another may follow


def test_the_export_record_outlives_the_staff_account(client, world):
    client.force_login(world.teacher)
    client.get(reverse("dataexport:person", kwargs={"user_id": world.pupil.pk}))
    world.teacher.delete()
    (record,) = ExportRecord.objects.filter(person=world.pupil)
    assert record.made_by is None and record.made_by_name == world.teacher.get_full_name()
