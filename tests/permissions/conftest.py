"""The world of the permission matrix: two schools, three classes, one account per role.

Built once per test module inside a transaction rolled back after the module (the
pattern of tests/home/test_load_demo_data.py): each test runs in a savepoint of it, so
what one test publishes or deletes is gone before the next. Every right comes from rows
(memberships, guardianships, staff and agent rows) through the apps' signals: nothing is
granted by hand here.

Besides the users (only ever logged in), only ids, URLs, titles and bytes leave the
builder, never pages a test could alter. Wagtail's cached site root paths stay true after
the rollback: the default Site and the portal page predate the world.
"""

from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield
from wagtailmedia.models import Media

from classrooms.models import Membership, Visibility
from comments import services as comment_services
from comments.models import Partnership
from pages.models import NewsIndexPage, NewsPage, SchoolStaff
from tests import factories
from writing import legend
from writing.models import Draft, Mark, Text, TextStatus, Topic

from .builder_world import build_builder_world
from .cardlogin_world import build_cardlogin_world
from .consents_world import build_consents_world
from .dataexport_world import build_dataexport_world
from .drills_world import build_drills_world
from .federation_world import build_federation_world
from .forum_world import build_forum_world
from .h5p_world import build_h5p_world
from .homework_world import build_homework_world
from .liaison_world import build_liaison_world
from .library_world import build_library_world
from .matrix import (
    ADMIN,
    AGENT,
    ANONYMOUS,
    ASSISTANT,
    DIRECTOR,
    DIRECTOR_OTHER_SCHOOL,
    PARENT,
    PARENT_OTHER_CLASS,
    PUPIL,
    PUPIL_OTHER_CLASS,
    PUPIL_OTHER_SCHOOL,
    PUPIL_PARTNER_CLASS,
    ROLES,
    TEACHER,
    TEACHER_OTHER_CLASS,
)
from .messaging_world import OTHER_TOWN, SCHOOL_TOWN, build_messaging_world
from .newspaper_world import build_newspaper_world
from .retention_world import build_retention_world
from .schoolyear_world import build_schoolyear_world
from .sharedspaces_world import build_sharedspaces_world
from .stories_world import build_stories_world
from .workplans_world import build_workplans_world

# What only one version of the shared entry says: the sentence taken out before sharing,
# and the one its later draft adds.
EARLIER = "Le cochon de Léa Martin a mordu la maîtresse"
LATER = "Deuxième version en cours de réécriture"


@dataclass(frozen=True)
class Target:
    """One object of the matrix as requests see it: its URLs and what must not leak.

    Nobody refused may receive its title, nor a file's bytes (`content`).
    """

    name: str
    url: str
    title: str
    content: bytes | None = None  # files only
    bulk_url: str | None = None
    page_id: int | None = None  # pages only
    parent_id: int | None = None
    comment_entry_id: int | None = None  # comments only: the entry they are about
    waiting_comment_id: int | None = None  # comments only: the one to moderate
    account_id: int | None = None  # accounts only: the parent a roster acts on
    classroom_id: int | None = None  # accounts only: the roster's class
    text_id: int | None = None  # texts of the writing workshop only

    @property
    def is_page(self):
        return self.page_id is not None


@dataclass(frozen=True)
class MatrixWorld:
    users: dict  # role → user, None for anonymous
    targets: dict  # object name → Target
    edit_forms: dict  # page object name → the data its admin edit form posts
    messaging: object = None  # messaging_world.MessagingWorld
    homework: object = None  # homework_world.HomeworkWorld
    liaison: object = None  # liaison_world.LiaisonWorld
    sharedspaces: object = None  # sharedspaces_world.SharedSpacesWorld
    forum: object = None  # forum_world.ForumWorld
    stories: object = None  # stories_world.StoriesWorld
    newspaper: object = None  # newspaper_world.NewspaperWorld
    workplans: object = None  # workplans_world.WorkPlansWorld
    drills: object = None  # drills_world.DrillsWorld
    library: object = None  # library_world.LibraryWorld
    h5p: object = None  # h5p_world.H5PWorld
    builder: object = None  # builder_world.BuilderWorld
    cardlogin: object = None  # cardlogin_world.CardLoginWorld
    schoolyear: object = None  # schoolyear_world.SchoolYearWorld
    dataexport: object = None  # dataexport_world.DataExportWorld
    federation: object = None  # federation_world.FederationWorld
    consents: object = None  # consents_world.ConsentsWorld
    retention: object = None  # retention_world.RetentionWorld

    def client_for(self, role, client=None):
        client = client or Client()
        if self.users[role] is not None:
            client.force_login(self.users[role])
        return client


def build_matrix_world():
    """School A with classes A1 (under test) and A2, school B with B1, a municipality."""
    portal = factories.portal()
    school = factories.SchoolPageFactory(parent=portal, title="École Jean-Jaurès", town=SCHOOL_TOWN)
    other_school = factories.SchoolPageFactory(
        parent=portal, title="École du Bourg", town=OTHER_TOWN
    )
    municipality = factories.MunicipalityPageFactory(
        parent=portal, title="Saint-Aubin", town=SCHOOL_TOWN
    )
    classroom = factories.ClassroomPageFactory(parent=school, title="CP de Mme Durand")
    other_classroom = factories.ClassroomPageFactory(parent=school, title="CM1 de M. Petit")
    far_classroom = factories.ClassroomPageFactory(parent=other_school, title="CE2 du Bourg")

    def person(role, first_name, last_name, **extra):
        return factories.UserFactory(
            username=role, first_name=first_name, last_name=last_name, **extra
        )

    users = {
        ANONYMOUS: None,
        PUPIL: person(PUPIL, "Léa", "Martin"),
        PUPIL_OTHER_CLASS: person(PUPIL_OTHER_CLASS, "Tom", "Petit"),
        PUPIL_OTHER_SCHOOL: person(PUPIL_OTHER_SCHOOL, "Inès", "Garnier"),
        PUPIL_PARTNER_CLASS: person(PUPIL_PARTNER_CLASS, "Emma", "Rousseau"),
        PARENT: person(PARENT, "Sophie", "Martin"),
        PARENT_OTHER_CLASS: person(PARENT_OTHER_CLASS, "Marc", "Petit"),
        TEACHER: person(TEACHER, "Claire", "Durand"),
        TEACHER_OTHER_CLASS: person(TEACHER_OTHER_CLASS, "Paul", "Lemoine"),
        ASSISTANT: person(ASSISTANT, "Sylvie", "Marchand"),
        DIRECTOR: person(DIRECTOR, "Anne", "Roux"),
        DIRECTOR_OTHER_SCHOOL: person(DIRECTOR_OTHER_SCHOOL, "Catherine", "Vidal"),
        AGENT: person(AGENT, "Nathalie", "Roussel"),
        ADMIN: person(ADMIN, "Alex", "Admin", is_staff=True, is_superuser=True),
    }
    assert list(users) == ROLES

    def member(role, room, membership_role):
        factories.MembershipFactory(user=users[role], classroom=room, role=membership_role)

    member(TEACHER, classroom, Membership.Role.TEACHER)
    member(ASSISTANT, classroom, Membership.Role.ASSISTANT)
    member(PUPIL, classroom, Membership.Role.PUPIL)
    member(TEACHER_OTHER_CLASS, other_classroom, Membership.Role.TEACHER)
    member(PUPIL_OTHER_CLASS, other_classroom, Membership.Role.PUPIL)
    member(PUPIL_OTHER_SCHOOL, far_classroom, Membership.Role.PUPIL)
    partner_classroom = factories.ClassroomPageFactory(parent=other_school, title="CE1 du Bourg")
    member(PUPIL_PARTNER_CLASS, partner_classroom, Membership.Role.PUPIL)
    Partnership.objects.create(
        host=classroom, guest=partner_classroom, status=Partnership.Status.ACCEPTED
    )
    factories.GuardianshipFactory(parent=users[PARENT], child=users[PUPIL])
    factories.GuardianshipFactory(parent=users[PARENT_OTHER_CLASS], child=users[PUPIL_OTHER_CLASS])
    # Parents the class's roster acts on, beside the roles (not logged in as).
    family_of_two_classes = factories.UserFactory(
        username="parent_two_classes", first_name="Julie", last_name="Martin-Petit"
    )
    family_of_two_schools = factories.UserFactory(
        username="parent_two_schools", first_name="Karim", last_name="Martin-Garnier"
    )
    for parent, other_child in (
        (family_of_two_classes, PUPIL_OTHER_CLASS),
        (family_of_two_schools, PUPIL_OTHER_SCHOOL),
    ):
        factories.GuardianshipFactory(parent=parent, child=users[PUPIL])
        factories.GuardianshipFactory(parent=parent, child=users[other_child])
    for role in (TEACHER, TEACHER_OTHER_CLASS):
        factories.SchoolStaffFactory(user=users[role], school=school, role=SchoolStaff.Role.TEACHER)
    factories.SchoolStaffFactory(user=users[DIRECTOR], school=school)
    factories.SchoolStaffFactory(user=users[DIRECTOR_OTHER_SCHOOL], school=other_school)
    factories.MunicipalityAgentFactory(user=users[AGENT], municipality=municipality)

    classroom.save_revision().publish()
    entry = factories.BlogEntryPageFactory(parent=classroom, title="Nos plantations de printemps")
    entry.save_revision().publish()
    published_comment = comment_services.post(
        entry, users[TEACHER], liked="les rangs de radis bien droits", at_once=True
    )
    waiting_comment = comment_services.post(
        entry, users[PUPIL], wondering="quand on mangera les radis", at_once=False
    )
    exercise = factories.ExercisePageFactory(parent=classroom, title="Les additions jusqu’à 20")
    exercise.save_revision().publish()
    assignment, shared_assignment = writing_assignments(classroom)
    text, shared_text = writing_texts(classroom, assignment, shared_assignment, users)
    # Before the draft: the admin's page types report names the last edited entry.
    foreign, shown_elsewhere = show_elsewhere(classroom, other_classroom, school)
    # An entry shared with the school once a sentence was taken out, rewritten since
    # (before the draft, which the page types report names as the last edited entry).
    shared = factories.BlogEntryPageFactory(
        parent=classroom, title="Notre visite à la ferme", body=[("text", f"<p>{EARLIER}</p>")]
    )
    earlier = shared.save_revision()
    earlier.publish()
    shared.body = [("text", "<p>Nous avons vu des vaches et des poules.</p>")]
    shared.visibility = Visibility.SCHOOL
    shared.save_revision().publish()
    shared.body = [("text", f"<p>{LATER}</p>")]
    later = shared.save_revision()
    draft = factories.BlogEntryPageFactory.build(title="Brouillon de la sortie au zoo", live=False)
    classroom.add_child(instance=draft)
    draft.save_revision()

    # The class and the school got their collections from signals: read them back.
    classroom.refresh_from_db()
    school.refresh_from_db()
    # Two colours, so that one image's bytes can never pass for the other's.
    image = factories.ImageFactory(
        collection=classroom.collection, title="Photo du potager", file__color="green"
    )
    rendition = image.get_rendition("width-100")
    document = factories.DocumentFactory(collection=classroom.collection, title="Liste du zoo")
    recording = Media(title="Le conte de Léa", type="audio", collection=classroom.collection)
    recording.file.save("conte-de-lea.webm", ContentFile(b"\x1aE\xdf\xa3 voix de Lea"))
    public_image = factories.ImageFactory(
        collection=school.collection, title="Façade de l’école", file__color="blue"
    )
    foreign_rendition = foreign["image"].get_rendition("width-100")

    def page_target(name, page):
        page = Page.objects.get(pk=page.pk).specific
        return Target(
            name,
            url=page.url,
            title=page.title,
            bulk_url=f"/admin/bulk/wagtailcore/page/delete/?id={page.pk}",
            page_id=page.pk,
            parent_id=page.get_parent().pk,
        )

    def version_target(name, entry, revision, text):
        kwargs = {"entry_id": entry.pk, "revision_id": revision.pk}
        return Target(name, url=reverse("comments:revision", kwargs=kwargs), title=text)

    def file_target(name, url, owner, file, bulk_url=None):
        with file.open("rb"):
            return Target(name, url, owner.title, content=file.read(), bulk_url=bulk_url)

    targets = [
        page_target("class_space", classroom),
        page_target("blog_entry", entry),
        page_target("draft_entry", draft),
        page_target("exercise", exercise),
        page_target("writing_assignment", assignment),
        text_target("writing_text", text),
        text_target("shared_writing_text", shared_text),
        file_target(
            "class_image",
            image.file.url,
            image,
            image.file,
            f"/admin/bulk/wagtailimages/image/delete/?id={image.pk}",
        ),
        file_target("class_rendition", rendition.url, image, rendition.file),
        file_target(
            "class_document",
            document.url,
            document,
            document.file,
            f"/admin/bulk/wagtaildocs/document/delete/?id={document.pk}",
        ),
        file_target("class_document_file", document.file.url, document, document.file),
        file_target("class_audio", recording.file.url, recording, recording.file),
        Target(
            "comment",
            url=Page.objects.get(pk=entry.pk).url,
            title=published_comment.liked,  # its words: what must not leak
            comment_entry_id=entry.pk,
            waiting_comment_id=waiting_comment.pk,
        ),
        version_target("earlier_version", shared, earlier, EARLIER),
        version_target("later_version", shared, later, LATER),
        file_target(
            "foreign_image", foreign["image"].file.url, foreign["image"], foreign["image"].file
        ),
        file_target(
            "foreign_rendition", foreign_rendition.url, foreign["image"], foreign_rendition.file
        ),
        file_target(
            "foreign_document",
            foreign["document"].url,
            foreign["document"],
            foreign["document"].file,
        ),
        file_target(
            "foreign_document_file",
            foreign["document"].file.url,
            foreign["document"],
            foreign["document"].file,
        ),
        file_target("foreign_audio", foreign["audio"].url, foreign["audio"], foreign["audio"].file),
        file_target("foreign_video", foreign["video"].url, foreign["video"], foreign["video"].file),
        file_target(
            "class_image_on_school_page",
            shown_elsewhere.file.url,
            shown_elsewhere,
            shown_elsewhere.file,
        ),
        file_target(
            "public_image",
            public_image.file.url,
            public_image,
            public_image.file,
            f"/admin/bulk/wagtailimages/image/delete/?id={public_image.pk}",
        ),
    ]
    for name, account in (
        ("class_parent", users[PARENT]),
        ("parent_two_classes", family_of_two_classes),
        ("parent_two_schools", family_of_two_schools),
    ):
        # What a card prints and nobody refused may receive: the username.
        targets.append(
            Target(
                name,
                url="",
                title=account.username,
                account_id=account.pk,
                classroom_id=classroom.pk,
            )
        )
    targets = {target.name: target for target in targets}
    assert targets["class_image"].content != targets["public_image"].content
    admin = Client()
    admin.force_login(users[ADMIN])
    edit_forms = {
        name: edit_form_data(admin, target) for name, target in targets.items() if target.is_page
    }
    messaging = build_messaging_world(users, classroom)
    homework = build_homework_world(users, classroom)
    liaison = build_liaison_world(users, school, classroom, other_classroom)
    sharedspaces = build_sharedspaces_world(
        users, classroom, other_classroom, partner_classroom, far_classroom
    )
    forum = build_forum_world(
        users, sharedspaces.space_id, classroom, other_classroom, partner_classroom
    )
    stories = build_stories_world(users, classroom, other_classroom, partner_classroom)
    newspaper = build_newspaper_world(users, classroom, other_classroom, partner_classroom)
    workplans = build_workplans_world(users, classroom)
    drills = build_drills_world(users, classroom)
    library = build_library_world(users, school, other_school, classroom)
    h5p = build_h5p_world(users, classroom)
    builder = build_builder_world(users, classroom)
    cardlogin = build_cardlogin_world(users, classroom)
    schoolyear = build_schoolyear_world(school)
    dataexport = build_dataexport_world(users, classroom)
    federation = build_federation_world(users)
    consents = build_consents_world(users)
    retention = build_retention_world(school)
    return MatrixWorld(
        users=users,
        targets=targets,
        edit_forms=edit_forms,
        messaging=messaging,
        homework=homework,
        liaison=liaison,
        sharedspaces=sharedspaces,
        forum=forum,
        stories=stories,
        newspaper=newspaper,
        workplans=workplans,
        drills=drills,
        library=library,
        h5p=h5p,
        builder=builder,
        cardlogin=cardlogin,
        schoolyear=schoolyear,
        dataexport=dataexport,
        federation=federation,
        consents=consents,
        retention=retention,
    )


def writing_assignments(classroom):
    """An assignment its assistants may not mark (a matrix object), one they may mark."""
    assignments = []
    for title, assistants_may_mark in (
        ("Les animaux de la mare", False),
        ("Le héron du marais", True),
    ):
        assignment = factories.WritingAssignmentPageFactory(
            parent=classroom, title=title, assistants_may_mark=assistants_may_mark
        )
        Topic.objects.create(assignment=assignment, title=f"Sujet : {title.lower()}")
        assignment.save_revision().publish()
        assignments.append(assignment)
    return assignments


# Draft 1 of both texts, marked on "mouche"; the first text is rewritten since.
DRAFT = "La grenouille saute dans l'eau.\n\nElle mange des mouche."
REWRITTEN = "La grenouille saute dans l'eau.\n\nElle mange des mouches."


def writing_texts(classroom, assignment, shared_assignment, users):
    """The pupil's text given back to rewrite, and one handed in and shared with parents."""
    kinds = legend.legend_of(classroom)
    spelling = next(kind for kind in kinds if not kind.praise)
    texts = []
    for on, title, body, status, shared in (
        (assignment, "Le secret de la grenouille", REWRITTEN, TextStatus.TO_REWRITE, False),
        (shared_assignment, "La chanson du héron", DRAFT, TextStatus.HANDED_IN, True),
    ):
        text = Text.objects.create(
            assignment=on,
            topic=on.topics.first(),
            title=title,
            body=body,
            status=status,
            shared_with_parents=shared,
        )
        text.authors.set([users[PUPIL]])
        given_back = status == TextStatus.TO_REWRITE
        draft = Draft.objects.create(
            text=text,
            number=1,
            body=DRAFT,
            handed_in_by=users[PUPIL],
            marked_by=users[TEACHER] if given_back else None,
            marked_at=timezone.now() if given_back else None,
        )
        start = DRAFT.index("mouche")
        Mark.objects.create(
            draft=draft,
            error_type=spelling,
            start=start,
            end=start + len("mouche"),
            quote="mouche",
            marked_by=users[TEACHER],
        )
        texts.append(text)
    return texts


def text_target(name, text):
    return Target(
        name,
        url=reverse("writing:text", kwargs={"text_id": text.pk}),
        title=text.title,
        text_id=text.pk,
    )


def other_class_files(other_classroom):
    """An image, a document, a recording and a video in class A2's collection."""
    other_classroom.refresh_from_db()
    collection = other_classroom.collection
    files = {
        "image": factories.ImageFactory(
            collection=collection, title="Photo des CM1", file__color="red"
        ),
        "document": factories.DocumentFactory(collection=collection, title="Carnet des CM1"),
    }
    for kind, title in (("audio", "Chanson des CM1"), ("video", "Film des CM1")):
        media = Media(title=title, type=kind, collection=collection)
        media.file.save(f"{kind}-cm1.webm", ContentFile(b"\x1aE\xdf\xa3 " + title.encode()))
        files[kind] = media
    return files


def show_elsewhere(classroom, other_classroom, school):
    """Class A2's files in a public entry of class A1; A1's image on a school news page.

    Saved as they were before issue 15, bypassing the forms that now refuse them.
    Returns A2's files and A1's image.
    """
    foreign = other_class_files(other_classroom)
    classroom.refresh_from_db()
    class_image = factories.ImageFactory(
        collection=classroom.collection, title="Photo de la kermesse", file__color="yellow"
    )
    entry = factories.BlogEntryPageFactory(
        parent=classroom,
        title="Notre visite chez les CM1",
        visibility=Visibility.PUBLIC,
        body=[
            ("image", {"image": foreign["image"], "alt_text": "Les CM1", "caption": ""}),
            ("document", {"document": foreign["document"], "label": ""}),
            ("recording", {"audio": foreign["audio"], "caption": "", "transcript": ""}),
            ("video", {"video": foreign["video"], "caption": "", "transcript": ""}),
        ],
    )
    entry.save_revision().publish()
    section = NewsIndexPage(title="Actualités", slug="actualites")
    school.add_child(instance=section)
    section.save_revision().publish()
    news = NewsPage(
        title="La kermesse",
        body=[("image", {"image": class_image, "alt_text": "La kermesse", "caption": ""})],
    )
    section.add_child(instance=news)
    news.save_revision().publish()
    return foreign, class_image


def edit_form_data(admin_client, target):
    """What the admin's edit form of this page posts, read from the form itself.

    StreamFields are drawn by JavaScript, so their (empty) streams are added by hand.
    """
    response = admin_client.get(f"/admin/pages/{target.page_id}/edit/")
    assert response.status_code == 200, target
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    page = Page.objects.get(pk=target.page_id).specific
    for model_field in page._meta.get_fields():
        if isinstance(model_field, StreamField):
            assert not getattr(page, model_field.name), "the matrix's pages have empty bodies"
            data.setdefault(f"{model_field.name}-count", "0")
    if page.specific_class.__name__ == "ExercisePage":
        # An exercise is published with a question only (exercises/admin_forms.py).
        question = {"prompt": "7 + 5 ?", "audio_instruction": "", "points": 1, "answers": "12"}
        data.update(nested_form_data({"body": streamfield([("short_answer", question)])}))
    return data


@pytest.fixture(scope="module")
def media_root(tmp_path_factory):
    """Files uploaded by the module land in a temporary folder, not in the project's media/."""
    root = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=str(root)):
        yield root


@pytest.fixture(scope="module")
def matrix_world(django_db_setup, django_db_blocker, media_root):
    """One MatrixWorld for the whole module, rolled back after its last test."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_matrix_world()
        transaction.set_rollback(True)
