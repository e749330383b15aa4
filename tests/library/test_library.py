"""The library: derived names, search by stem and by filters, who sees what, publishing
with clear errors, using a resource in a class with its attribution, the home's queries."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from exercises.models import ExercisePage
from home.demo.pdf import tiny_pdf
from library import rules, search
from library.models import ClassResourcePage, Resource, ResourceUse
from library.services import attribution
from tests.library.conftest import make_resource
from writing.models import WritingAssignmentPage

pytestmark = pytest.mark.django_db


def detail_url(resource):
    return reverse("library:detail", kwargs={"resource_id": resource.pk})


def test_the_file_name_is_derived_from_the_metadata(library_world):
    resource = make_resource(library_world.karim, library_world.school_a)
    stored = resource.files.get()
    assert stored.name == "cm1-mathematiques-nombres-et-calculs-les-fractions-cc-by.pdf"
    client_url = reverse(
        "library:file",
        kwargs={"resource_id": resource.pk, "file_id": stored.pk, "name": "scan0001.pdf"},
    )
    assert stored.file.name.startswith(f"library/{resource.pk}/1")  # never the uploaded name
    from django.test import Client

    client = Client()
    client.force_login(library_world.karim)
    assert client.get(client_url).status_code == 404
    response = client.get(
        reverse(
            "library:file",
            kwargs={"resource_id": resource.pk, "file_id": stored.pk, "name": stored.name},
        )
        + "?download=1"
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert stored.name in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_stems_match_plurals_and_accents():
    assert search.stem_text("Les Fractions") == search.stem_text("la fraction")
    assert search.stem_text("géométrie") == search.stem_text("Geometries")
    assert search.stem("chevaux") == "cheval"


def test_search_finds_a_resource_by_stem_and_filters(library_world):
    fractions = make_resource(library_world.karim, library_world.school_a, scope="portal")
    poem = make_resource(
        library_world.aurelie,
        library_world.school_b,
        title="Poésies de l’automne",
        description="Des poèmes à lire et à dire.",
        subject="francais",
        domain="lecture",
        levels=",CE1,",
        cycle="2",
        scope="portal",
        duration=30,
    )
    assert search.matching_ids("fraction") == [fractions.pk]
    assert search.matching_ids("poesie automne") == [poem.pk]
    readable = rules.readable(library_world.claire)
    assert list(search.apply_filters(readable, {"level": "CE1"})) == [poem]
    assert list(search.apply_filters(readable, {"subject": "mathematiques"})) == [fractions]
    assert list(search.apply_filters(readable, {"duration": 30})) == [poem]
    assert list(search.apply_filters(readable, {"school": library_world.school_a.pk})) == [
        fractions
    ]
    assert not search.apply_filters(readable, {"q": "fractions", "level": "CE1"}).exists()


def test_the_home_searches_with_its_form(client, library_world):
    make_resource(library_world.karim, library_world.school_a, scope="portal")
    client.force_login(library_world.aurelie)
    page = client.get(reverse("library:home"), {"q": "Fractions", "level": "CM1"}).content.decode()
    assert "Les fractions" in page
    page = client.get(reverse("library:home"), {"q": "fractions", "level": "CP"}).content.decode()
    assert "Les fractions" not in page


def test_a_school_resource_stays_in_its_school(client, library_world):
    world = library_world
    resource = make_resource(world.karim, world.school_a, scope="school")
    stored = resource.files.get()
    file_url = reverse(
        "library:file",
        kwargs={"resource_id": resource.pk, "file_id": stored.pk, "name": stored.name},
    )
    for user, allowed in (
        (world.karim, True),
        (world.claire, True),
        (world.director_a, True),
        (world.aurelie, False),
        (world.pupil, False),
        (world.parent, False),
        (world.agent, False),
    ):
        client.force_login(user)
        assert (client.get(detail_url(resource)).status_code == 200) is allowed, user
        assert (client.get(file_url).status_code == 200) is allowed, user
    Resource.objects.filter(pk=resource.pk).update(scope="portal")
    client.force_login(world.aurelie)
    assert client.get(detail_url(resource)).status_code == 200
    client.force_login(world.pupil)
    assert client.get(reverse("library:home")).status_code == 404


def test_only_the_author_edits(client, library_world):
    resource = make_resource(library_world.karim, library_world.school_a)
    edit = reverse("library:edit", kwargs={"resource_id": resource.pk})
    client.force_login(library_world.claire)
    assert client.get(edit).status_code == 404
    assert (
        client.post(reverse("library:delete", kwargs={"resource_id": resource.pk})).status_code
        == 404
    )
    client.force_login(library_world.karim)
    assert client.get(edit).status_code == 200


def _form(**fields):
    data = {
        "title": "Les fractions",
        "description": "Une fiche.",
        "kind": "document",
        "levels_chosen": ["CM1"],
        "subject": "mathematiques",
        "domain": "nombres-et-calculs",
        "duration": "45",
        "licence": "cc-by",
        "scope": "school",
    }
    data.update(fields)
    return data


def test_publishing_refuses_a_fake_pdf_and_keeps_what_was_typed(client, library_world):
    school = library_world.school_a
    client.force_login(library_world.karim)
    fake = SimpleUploadedFile("fiche.pdf", b"MZ not a pdf", content_type="application/pdf")
    response = client.post(
        reverse("library:new"), _form(school=school.pk, title="Ma fiche unique", uploads=fake)
    )
    page = response.content.decode()
    assert response.status_code == 200 and not Resource.objects.exists()
    assert "Ma fiche unique" in page
    assert "ne peut pas être envoyé" in page or "cannot be sent" in page
    response = client.post(
        reverse("library:new"), _form(school=school.pk, domain="lecture", levels_chosen=[])
    )
    assert (
        "Choisissez au moins un niveau" in response.content.decode() or response.status_code == 200
    )
    assert not Resource.objects.exists()


def test_publishing_a_pdf_and_an_image_set(client, library_world):
    client.force_login(library_world.karim)
    pdf = SimpleUploadedFile("scan0001.pdf", tiny_pdf("Fiche"), content_type="application/pdf")
    response = client.post(
        reverse("library:new"), _form(school=library_world.school_a.pk, uploads=pdf)
    )
    resource = Resource.objects.get()
    assert response.status_code == 302
    assert resource.levels == ",CM1," and resource.cycle == "3"
    assert resource.author == library_world.karim and resource.author_name == "Karim Benali"
    assert "scan0001" not in resource.files.get().name
    pictures = []
    for colour in ("red", "blue"):
        buffer = io.BytesIO()
        Image.new("RGB", (20, 20), colour).save(buffer, "JPEG")
        pictures.append(SimpleUploadedFile(f"IMG_{colour}.jpg", buffer.getvalue()))
    response = client.post(
        reverse("library:new"),
        _form(
            school=library_world.school_a.pk,
            title="Pizzas partagées",
            kind="images",
            uploads=pictures,
        ),
    )
    images = Resource.objects.get(title="Pizzas partagées")
    names = [stored.name for stored in images.files.all()]
    assert names == [
        "cm1-mathematiques-nombres-et-calculs-pizzas-partagees-cc-by-1.jpg",
        "cm1-mathematiques-nombres-et-calculs-pizzas-partagees-cc-by-2.jpg",
    ]


def test_an_exercise_template_is_copied_as_a_draft_with_attribution(client, library_world):
    world = library_world
    resource = make_resource(
        world.karim,
        world.school_a,
        kind="exercise",
        title="Les quarts",
        source_page=world.exercise,
        scope="portal",
    )
    client.force_login(world.aurelie)
    detail = client.get(detail_url(resource)).content.decode()
    assert "Combien de quarts dans une unité ?" in detail
    response = client.post(
        reverse("library:use", kwargs={"resource_id": resource.pk}),
        {"classroom": world.class_b.pk},
    )
    copy = ExercisePage.objects.child_of(world.class_b).get()
    # The teacher reviews the draft in her class's exercise builder.
    assert response.status_code == 302
    assert response["Location"] == reverse("exercises:builder", args=[copy.pk])
    assert not copy.live and copy.title == "Les quarts"
    first = copy.body[0]
    assert first.block_type == "instruction"
    assert first.value["text"] == (
        "D’après « Les quarts » de Karim Benali, École Jean-Jaurès, licence CC BY"
    )
    assert copy.body[2].value["prompt"] == "Combien de quarts dans une unité ?"
    assert copy.get_latest_revision() is not None
    use = ResourceUse.objects.get()
    assert (use.classroom, use.user, use.page_id) == (world.class_b, world.aurelie, copy.pk)
    # Another teacher's class is refused.
    client.post(
        reverse("library:use", kwargs={"resource_id": resource.pk}),
        {"classroom": world.class_a2.pk},
    )
    assert ResourceUse.objects.count() == 1


def test_a_writing_template_keeps_its_attribution(client, library_world):
    world = library_world
    resource = make_resource(
        world.karim, world.school_a, kind="writing", source_page=world.assignment
    )
    client.force_login(world.claire)
    client.post(
        reverse("library:use", kwargs={"resource_id": resource.pk}),
        {"classroom": world.class_a2.pk},
    )
    copy = WritingAssignmentPage.objects.child_of(world.class_a2).get()
    assert copy.instructions.startswith("<p>D’après « Les fractions » de Karim Benali")
    assert "Raconte en cinq phrases." in copy.instructions


def test_a_document_becomes_a_class_resource_for_the_class_only(client, library_world):
    world = library_world
    resource = make_resource(world.aurelie, world.school_b, scope="portal")
    client.force_login(world.karim)
    response = client.post(
        reverse("library:use", kwargs={"resource_id": resource.pk}), {"classroom": world.class_a.pk}
    )
    page = ClassResourcePage.objects.get()
    assert response.status_code == 302 and page.live
    assert (
        page.attribution
        == "D’après « Les fractions » d’Aurélie Petit, École du Bourg, licence CC BY"
    )
    stored = resource.files.get()
    file_url = reverse(
        "library:class_file", kwargs={"page_id": page.pk, "file_id": stored.pk, "name": stored.name}
    )
    client.force_login(world.pupil)
    shown = client.get(page.url)
    assert shown.status_code == 200 and "d’Aurélie Petit" in shown.content.decode()
    assert client.get(file_url).status_code == 200
    assert client.get(detail_url(resource)).status_code == 404  # not the library itself
    client.force_login(world.claire)
    assert client.get(file_url).status_code == 404
    # Taken off the wall: its file is no longer the pupils', still its teacher's.
    page.unpublish()
    client.force_login(world.pupil)
    assert client.get(file_url).status_code == 404
    client.force_login(world.karim)
    assert client.get(file_url).status_code == 200
    client.force_login(world.aurelie)
    mine = client.get(reverse("library:mine")).content.decode()
    assert "utilisée dans 1 classe" in mine.lower() or "1 class" in mine


def test_attribution_elides_before_a_vowel(library_world):
    resource = make_resource(library_world.aurelie, library_world.school_b)
    assert "d’Aurélie Petit" in attribution(resource)


def test_the_home_costs_the_same_queries_for_3_or_30_resources(
    client, library_world, django_assert_max_num_queries
):
    client.force_login(library_world.claire)
    for index in range(3):
        make_resource(library_world.karim, library_world.school_a, title=f"Fiche {index}")
    client.get(reverse("library:home"))
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("library:home"), {"subject": "mathematiques"})
    for index in range(27):
        make_resource(
            library_world.aurelie, library_world.school_b, title=f"Autre {index}", scope="portal"
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("library:home"), {"subject": "mathematiques"})
    assert response.content.decode().count('class="card"') == 30


def test_the_author_deletes_her_resource_and_its_file(
    client, library_world, django_capture_on_commit_callbacks
):
    resource = make_resource(library_world.karim, library_world.school_a)
    stored = resource.files.get()
    storage, name = stored.file.storage, stored.file.name
    client.force_login(library_world.karim)
    assert "Les fractions" in client.get(reverse("library:mine")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("library:delete", kwargs={"resource_id": resource.pk}))
    assert response.status_code == 302
    assert not Resource.objects.filter(pk=resource.pk).exists()
    assert not storage.exists(name)


def test_an_edited_resource_is_found_by_its_new_words(library_world):
    resource = make_resource(library_world.karim, library_world.school_a)
    resource.title = "Les décimaux"
    resource.save()
    assert search.matching_ids("decimal") == [resource.pk]
    assert search.matching_ids("fractions pizzas") == [resource.pk]  # its description
    resource.delete()
    assert search.matching_ids("decimal") == []


def test_errors_are_clear_in_english_too(client, library_world):
    client.force_login(library_world.karim)
    fake = SimpleUploadedFile("sheet.pdf", b"MZ not a pdf", content_type="application/pdf")
    response = client.post(
        "/en/bibliotheque/publier/",
        _form(school=library_world.school_a.pk, title="My own sheet", uploads=fake),
    )
    page = response.content.decode()
    assert "cannot be sent" in page and "Choose the file again" in page
    assert 'value="My own sheet"' in page
