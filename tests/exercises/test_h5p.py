"""H5P activities: checking uploaded packages, serving their files to the class only, and
recording the score the player reports as the question's answer."""

import base64
import hashlib
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from exercises.h5p import archive
from exercises.h5p.views import PLAYER_CSP
from exercises.models import Attempt, ExercisePage, H5PPackage
from home.demo.h5p_package import true_false_package
from tests import factories

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
STATEMENTS = [("Le Soleil est une étoile.", True), ("La Lune est une planète.", False)]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


def upload(data, name="activite.h5p"):
    return SimpleUploadedFile(name, data, content_type="application/zip")


def zipped(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, text in files.items():
            package.writestr(name, text)
    return buffer.getvalue()


def good_files():
    with zipfile.ZipFile(io.BytesIO(true_false_package("Quiz", "Vrai ?", STATEMENTS))) as z:
        return {name: z.read(name) for name in z.namelist()}


def make_package(classroom, title="Le ciel"):
    package = H5PPackage(title=title, classroom=classroom)
    package.file = upload(true_false_package(title, "Vrai ou faux ?", STATEMENTS))
    package.save()
    return package


def h5p_exercise(classroom, package, points=4, **fields):
    exercise = factories.ExercisePageFactory(
        parent=classroom,
        title="Le ciel (H5P)",
        body=[("h5p", {"prompt": "Vrai ou faux ?", "points": points, "package": package})],
        **fields,
    )
    exercise.save_revision().publish()
    return ExercisePage.objects.get(pk=exercise.pk)


def start(client, exercise):
    client.post(reverse("exercises:start", kwargs={"exercise_id": exercise.pk}))
    return Attempt.objects.filter(exercise=exercise).latest("started_at")


def report_url(attempt):
    question = attempt.exercise.body[0]
    return reverse(
        "exercises:h5p_report", kwargs={"attempt_id": attempt.pk, "question_id": question.id}
    )


# --- Checking packages -----------------------------------------------------------------


def test_a_package_of_our_own_content_type_is_accepted_and_unpacked(world):
    package = make_package(world.classroom)
    assert package.main_library == "H5P.PreauTrueFalse 1.0"
    stored = Path(world.classroom.pk and package.file.storage.path(package.base_path))
    assert (stored / "h5p.json").exists()
    assert (stored / "content" / "content.json").exists()
    assert (stored / "H5P.PreauTrueFalse-1.0" / "preau-true-false.js").exists()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("../evil.js", "hors de son dossier"),
        ("/etc/evil.js", "hors de son dossier"),
        ("content/../../evil.js", "hors de son dossier"),
        ("content/page.html", "type que H5P n’autorise pas"),
        ("content/run.php", "type que H5P n’autorise pas"),
        ("content/noextension", "type que H5P n’autorise pas"),
    ],
)
def test_a_package_holding_a_dangerous_file_is_refused(name, message):
    files = good_files()
    files[name] = b"x"
    with pytest.raises(ValidationError) as error:
        archive.check(upload(zipped(files)))
    assert message in " ".join(error.value.messages)


def test_a_package_without_its_content_or_library_is_refused():
    files = good_files()
    del files["content/content.json"]
    with pytest.raises(ValidationError, match="content/content.json"):
        archive.check(upload(zipped(files)))
    files = {k: v for k, v in good_files().items() if not k.startswith("H5P.")}
    with pytest.raises(ValidationError, match="bibliothèque"):
        archive.check(upload(zipped(files)))


def test_a_file_that_is_no_zip_is_refused_in_words():
    with pytest.raises(ValidationError, match="pas une activité H5P"):
        archive.check(upload(b"not a zip at all"))


def test_a_package_too_big_once_unpacked_is_refused(monkeypatch):
    monkeypatch.setattr(archive, "MAX_UNPACKED_BYTES", 100)
    with pytest.raises(ValidationError, match="trop volumineux"):
        archive.check(upload(true_false_package("Quiz", "Vrai ?", STATEMENTS)))


def zipped_with_a_bad_member(damage, name="content/notes.txt"):
    """A package whose member `name` is encrypted, or whose compressed bytes are damaged."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for member, text in good_files().items():
            if member != name:
                package.writestr(member, text)
        package.writestr(name, "Notes de la maîtresse. " * 100)
    data = bytearray(buffer.getvalue())
    encoded = name.encode()
    if damage == "encrypted":  # the flag, in the local header and the central directory
        for signature, flags, name_at in ((b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)):
            at = data.find(signature)
            while at >= 0:
                if data[at + name_at : at + name_at + len(encoded)] == encoded:
                    data[at + flags] |= 1
                at = data.find(signature, at + 4)
    else:
        start = data.rfind(encoded, 0, data.find(b"PK\x01\x02")) + len(encoded)
        for at in range(start + 4, start + 24):
            data[at] ^= 0xFF
    return bytes(data)


@pytest.mark.parametrize("damage", ["encrypted", "damaged"])
def test_a_package_with_an_unreadable_member_is_refused_in_words(damage):
    with pytest.raises(ValidationError, match="ne peut pas être décompressé"):
        archive.check(upload(zipped_with_a_bad_member(damage)))


def test_a_package_whose_extraction_fails_leaves_no_folder(world, monkeypatch, tmp_path):
    monkeypatch.setattr(archive, "_readable", lambda archive: None)
    package = H5PPackage(title="Abîmé", classroom=world.classroom)
    package.file = upload(zipped_with_a_bad_member("encrypted"))
    with pytest.raises(RuntimeError):
        package.save()
    assert not H5PPackage.objects.exists()
    assert not (tmp_path / archive.STORAGE_DIR / str(package.folder)).exists()


def test_an_english_speaker_reads_the_refusal_in_english():
    from django.utils import translation

    with translation.override("en"), pytest.raises(ValidationError) as error:
        archive.check(upload(b"nope"))
    assert "This file is not an H5P package" in error.value.messages[0]


# --- Serving files ---------------------------------------------------------------------


def test_package_files_are_served_to_the_class_with_their_types_and_404_to_others(client, world):
    package = make_package(world.classroom)

    def get(user, path):
        client.force_login(user)
        return client.get(
            reverse("exercises:h5p_file", kwargs={"folder": package.folder, "path": path})
        )

    script = get(world.pupil, "H5P.PreauTrueFalse-1.0/preau-true-false.js")
    assert script.status_code == 200
    assert script["Content-Type"].startswith("text/javascript")
    assert script["X-Content-Type-Options"] == "nosniff"
    assert "private" in script["Cache-Control"]
    assert get(world.teacher, "h5p.json")["Content-Type"] == "application/json"
    assert get(world.other_pupil, "h5p.json").status_code == 404
    assert get(world.outsider, "h5p.json").status_code == 404
    assert get(world.pupil, "../h5p.json").status_code == 404
    assert get(world.pupil, "content/missing.json").status_code == 404


def test_a_package_file_opened_on_its_own_is_sandboxed_and_an_svg_is_downloaded(client, world):
    files = good_files()
    files["content/dessin.svg"] = (
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    )
    package = H5PPackage(title="Dessin", classroom=world.classroom)
    package.file = upload(zipped(files))
    package.save()
    client.force_login(world.pupil)

    def url(path):
        return reverse("exercises:h5p_file", kwargs={"folder": package.folder, "path": path})

    for path in ("content/dessin.svg", "h5p.json", "H5P.PreauTrueFalse-1.0/preau-true-false.js"):
        response = client.get(url(path))
        assert response.status_code == 200, path
        assert response["Content-Security-Policy"] == "sandbox", path
        assert response["X-Content-Type-Options"] == "nosniff", path
    opened = client.get(url("content/dessin.svg"))
    assert opened["Content-Disposition"] == "attachment"
    as_image = client.get(url("content/dessin.svg"), headers={"Sec-Fetch-Dest": "image"})
    assert as_image["Content-Type"] == "image/svg+xml"
    assert not as_image.get("Content-Disposition", "").startswith("attachment")


def test_a_class_whose_exercise_uses_another_class_s_package_may_play_it(client, world):
    package = make_package(world.classroom)
    h5p_exercise(world.other_classroom, package)
    client.force_login(world.other_pupil)
    url = reverse("exercises:h5p_file", kwargs={"folder": package.folder, "path": "h5p.json"})
    assert client.get(url).status_code == 200


def test_an_exercise_may_not_be_saved_with_another_class_s_package(client, world):
    """A forged chooser id: the package of class A in an exercise of class B (IDOR)."""
    from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

    mine = make_package(world.classroom, title="Le nôtre")
    theirs = make_package(world.other_classroom, title="Celui de l’autre classe")
    exercise = h5p_exercise(world.classroom, mine)
    client.force_login(world.teacher)
    url = f"/admin/pages/{exercise.pk}/edit/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")

    def body(package):
        block = {"prompt": "Vrai ou faux ?", "points": 4, "package": package.pk}
        return nested_form_data({"body": streamfield([("h5p", block)])})

    data.update(body(theirs))
    data["action-publish"] = "action-publish"
    response = client.post(url, data)
    assert response.status_code == 200
    error = response.context["form"].errors.as_data()["body"][0].as_json_data()
    assert error["blockErrors"][0]["blockErrors"]["package"]["messages"] == [
        "Cette activité H5P appartient à une autre classe : "
        "choisissez une des activités de votre classe."
    ]
    exercise.refresh_from_db()
    assert exercise.body[0].value["package"] == mine
    assert exercise.get_latest_revision_as_object().body[0].value["package"] != theirs
    data.update(body(mine))
    assert client.post(url, data).status_code == 302


# --- Recording the score ---------------------------------------------------------------


def test_the_reported_score_is_the_question_s_answer_and_shows_in_the_results(client, world):
    package = make_package(world.classroom)
    exercise = h5p_exercise(world.classroom, package, points=4)
    client.force_login(world.pupil)
    attempt = start(client, exercise)
    page = client.get(reverse("exercises:attempt", kwargs={"attempt_id": attempt.pk}))
    html = page.content.decode()
    assert "data-h5p-player" in html and report_url(attempt) in html
    assert "compté par l’activité dans ton navigateur" in html
    assert PLAYER_CSP["script-src"][0] in page["Content-Security-Policy"]
    response = client.post(
        report_url(attempt),
        {"raw": "1", "max": "2", "scaled": "0.5", "completion": "true", "verb": "answered"},
    )
    assert response.status_code == 200
    assert response.json()["recorded"] is True
    assert "2 sur 4" in response.json()["message"]
    # The next visit finishes the attempt (the only question is answered).
    client.get(response.json()["next"])
    attempt.refresh_from_db()
    assert attempt.finished_at and attempt.points == 2 and attempt.max_points == 4
    assert attempt.answers[str(exercise.body[0].id)]["answer"]["raw"] == 1
    # A second statement (played again) changes nothing.
    assert client.post(report_url(attempt), {"raw": "2", "max": "2"}).status_code == 404
    client.force_login(world.teacher)
    results = client.get(reverse("exercises:results", kwargs={"exercise_id": exercise.pk}))
    text = results.content.decode()
    assert "Léa" in text and re.search(r"2\s*/\s*4|2 sur 4|2,0|>2<", text)
    csv = client.get(reverse("exercises:results_csv", kwargs={"exercise_id": exercise.pk}))
    assert ";2;4;" in csv.content.decode()


@pytest.mark.parametrize(
    "posted",
    [
        {"raw": "3", "max": "2"},
        {"raw": "-1", "max": "2"},
        {"raw": "1", "max": "0"},
        {"raw": "1", "max": "5000"},
        {"raw": "nan", "max": "2"},
        {"raw": "one", "max": "2"},
        {"max": "2"},
    ],
)
def test_scores_out_of_bounds_are_refused_and_record_nothing(client, world, posted):
    exercise = h5p_exercise(world.classroom, make_package(world.classroom))
    client.force_login(world.pupil)
    attempt = start(client, exercise)
    assert client.post(report_url(attempt), posted).status_code == 400
    attempt.refresh_from_db()
    assert attempt.answers == {}


def test_nobody_but_the_attempt_s_pupil_may_report_its_score(client, world):
    exercise = h5p_exercise(world.classroom, make_package(world.classroom))
    client.force_login(world.pupil)
    attempt = start(client, exercise)
    for person in (world.teacher, world.parent, world.other_pupil, world.outsider):
        client.force_login(person)
        assert client.post(report_url(attempt), {"raw": "2", "max": "2"}).status_code == 404
    client.logout()
    assert client.post(report_url(attempt), {"raw": "2", "max": "2"}).status_code == 302
    attempt.refresh_from_db()
    assert attempt.answers == {}


def test_a_skipped_activity_counts_zero(client, world):
    exercise = h5p_exercise(world.classroom, make_package(world.classroom), points=3)
    client.force_login(world.pupil)
    attempt = start(client, exercise)
    url = reverse("exercises:attempt", kwargs={"attempt_id": attempt.pk})
    page = client.get(url)
    assert "Passer cette activité (elle compte 0 point)" in page.content.decode()
    client.post(url, {"question": page.context["current"].id})
    client.get(url)
    attempt.refresh_from_db()
    assert attempt.points == 0 and attempt.max_points == 3


def test_the_allowed_inline_script_is_the_one_the_installed_player_writes():
    bundle = (ROOT / "node_modules/h5p-standalone/dist/frame.bundle.js").read_text()
    # The frame's document, as a string in the bundle: '<script>...<\/script>'.
    scripts = set(re.findall(r"<script>(H5PIntegration[^<]*)<\\/script>", bundle))
    assert scripts
    hashes = {
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
        for s in scripts
    }
    assert set(PLAYER_CSP["script-src"]) == hashes


def test_the_demo_library_is_a_valid_h5p_library():
    library = json.loads(
        (ROOT / "home/demo/h5p_library/H5P.PreauTrueFalse-1.0/library.json").read_text()
    )
    assert library["machineName"] == "H5P.PreauTrueFalse"
    assert (library["majorVersion"], library["minorVersion"]) == (1, 0)
    assert [js["path"] for js in library["preloadedJs"]] == ["preau-true-false.js"]


# --- The Wagtail admin -----------------------------------------------------------------

ADD_URL = "/admin/snippets/exercises/h5ppackage/add/"
LIST_URL = "/admin/snippets/exercises/h5ppackage/"
CHOOSE_URL = "/admin/snippets/choose/exercises/h5ppackage/"


def administrator():
    return factories.UserFactory(username="admin-portail", is_superuser=True, is_staff=True)


def test_the_administrator_uploads_a_package_for_a_class_whose_teacher_chooses_it(client, world):
    other = make_package(world.other_classroom, title="Paquet de l’autre classe")
    admin = administrator()
    client.force_login(admin)
    form = client.get(ADD_URL)
    assert form.status_code == 200
    assert world.classroom.specific in form.context["form"].fields["classroom"].queryset
    data = true_false_package("Les planètes", "Vrai ?", STATEMENTS)
    response = client.post(
        ADD_URL,
        {"title": "", "classroom": world.classroom.pk, "file": upload(data, "planetes.h5p")},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    package = H5PPackage.objects.get(classroom=world.classroom)
    assert package.title == "Les planètes" and package.uploaded_by == admin
    client.force_login(world.teacher)
    listing = client.get(LIST_URL).content.decode()
    assert "Les planètes" in listing and other.title not in listing
    chooser = client.get(CHOOSE_URL).json()["html"]
    assert "Les planètes" in chooser and other.title not in chooser
    for action in ("edit", "delete", "usage", "history"):
        url = f"/admin/snippets/exercises/h5ppackage/{action}/{other.pk}/"
        assert client.get(url).status_code == 404, action
    response = client.post(f"/admin/snippets/exercises/h5ppackage/delete/{package.pk}/")
    assert response.status_code == 302
    assert not H5PPackage.objects.filter(pk=package.pk).exists()


def test_a_teacher_may_neither_upload_nor_replace_a_package(client, world):
    """Its scripts would run in her pupils' pages on Préau's address (stored XSS)."""
    package = make_package(world.classroom)
    client.force_login(world.teacher)
    data = true_false_package("Piège", "Vrai ?", STATEMENTS)
    response = client.post(
        ADD_URL, {"title": "", "classroom": world.classroom.pk, "file": upload(data, "x.h5p")}
    )
    assert response.status_code in (302, 403) and "/add/" not in response.get("Location", "")
    assert list(H5PPackage.objects.all()) == [package]
    assert client.get(ADD_URL).status_code in (302, 403)
    edit = f"/admin/snippets/exercises/h5ppackage/edit/{package.pk}/"
    response = client.post(
        edit, {"title": "Piège", "classroom": world.classroom.pk, "file": upload(data, "x.h5p")}
    )
    assert response.status_code in (302, 403, 404)
    package.refresh_from_db()
    assert package.title == "Le ciel"


def test_a_bad_file_is_refused_in_the_admin_with_the_title_kept(client, world):
    client.force_login(administrator())
    files = good_files()
    files["content/evil.html"] = b"<script>alert(1)</script>"
    response = client.post(
        ADD_URL,
        {
            "title": "Mon activité",
            "classroom": world.classroom.pk,
            "file": upload(zipped(files), "mauvais.h5p"),
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "type que H5P n’autorise pas" in html and 'value="Mon activité"' in html
    assert not H5PPackage.objects.exists()


def test_a_replaced_package_is_unpacked_anew_and_the_old_files_go(world):
    package = make_package(world.classroom)
    old_folder = Path(package.file.storage.path(package.base_path))
    old_file = Path(package.file.path)
    package.file = upload(true_false_package("Nouveau", "Vrai ?", STATEMENTS[:1]))
    package.save()
    assert not old_folder.exists() and not old_file.exists()
    content = Path(package.file.storage.path(package.base_path)) / "content" / "content.json"
    assert len(json.loads(content.read_text())["statements"]) == 1
    package.delete()
    assert not content.exists()
