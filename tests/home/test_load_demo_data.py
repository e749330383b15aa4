"""The demo loader: what it creates, that it creates it once, and that it stays out of production.

The README sends every new contributor to `make run`, which runs this command, and
documents the logins it prints; so the counts, the special families and the printed
logins are asserted exactly.
"""

import io
import re
from datetime import timedelta

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import Locale, Page, PageLogEntry, Revision

from cardlogin import services as card_logins
from cardlogin.models import ClassTabletLink, LoginCardToken, PicturePassword
from classrooms.models import (
    BlogEntryPage,
    ClassroomPage,
    Guardianship,
    Level,
    Membership,
)
from comments.models import ClassComment
from exercises.models import ExercisePage
from forum.models import Post, Topic
from home.demo.h5p import EXERCISE_TITLE as H5P_EXERCISE
from home.management.commands.load_demo_data import DEMO_PASSWORD
from home.models import PortalPage
from homework.models import HomeworkItem, ItemDone, Session
from liaison.models import Acknowledgement, Word
from library.models import Resource, ResourceFile, ResourceUse
from messaging.models import (
    Attachment,
    ClassMessaging,
    Conversation,
    Message,
    Participant,
    Report,
)
from newspaper.models import Issue
from notifications.models import Notification
from pages.models import (
    AccessibilityStatementPage,
    CanteenMenuPage,
    ComplianceStatus,
    EventPage,
    GalleryPage,
    MunicipalityAgent,
    MunicipalityPage,
    NewsIndexPage,
    NewsPage,
    SchoolLevel,
    SchoolPage,
    SchoolStaff,
    StandardPage,
    monday_of,
)
from sharedspaces.models import SharedSpace
from stories.models import Chapter

pytestmark = pytest.mark.django_db


def login_request():
    """A login POST, as django-axes needs one to count failures by address."""
    return RequestFactory().post("/compte/connexion/")


User = get_user_model()

# The logins the README documents: the table must print exactly these.
DOCUMENTED_LOGINS = {
    "admin",
    "isabelle.fontaine",
    "emilie.lefevre",
    "sylvie.marchand",
    "jade.nguyen",
    "linh.nguyen",
    "olivier.lambert",
    "claire.durand",
    "nathan.moreau",
    "vincent.moreau",
    "catherine.vidal",
    "aurelie.petit",
    "emma.rousseau",
    "pauline.rousseau",
    "nathalie.roussel",
    "patrick.morel",
    "sophie.martin",
    "karim.benali",
    "helene.girard",
}
NURSERY_LEVELS = {Level.TPS, Level.PS, Level.MS, Level.GS}


def load(**options):
    out = io.StringIO()
    call_command("load_demo_data", stdout=out, **options)
    return out.getvalue()


def printed_logins(output):
    """(username, password) pairs of the table: the rows after its dashed rule."""
    lines = output.splitlines()
    rule = next(i for i, line in enumerate(lines) if line.startswith("---"))
    rows = [re.split(r"\s{2,}", line.strip()) for line in lines[rule + 1 :] if line.strip()]
    assert all(len(row) == 4 for row in rows), rows
    return [(row[1], row[2]) for row in rows]


def counts():
    models = [
        LoginCardToken,
        ClassTabletLink,
        PicturePassword,
        User,
        Page,
        Revision,
        PageLogEntry,
        Membership,
        Guardianship,
        SchoolStaff,
        MunicipalityAgent,
        ClassComment,
        Conversation,
        Participant,
        Message,
        Attachment,
        Report,
        ClassMessaging,
        Notification,
        Session,
        HomeworkItem,
        ItemDone,
        Word,
        Acknowledgement,
        Resource,
        ResourceFile,
        ResourceUse,
    ]
    return {model.__name__: model.objects.count() for model in models}


def schools_listed(home):
    return home[home.index('id="schools-heading"') : home.index('id="towns-heading"')]


def school_of(classroom):
    return classroom.get_parent().specific


@pytest.fixture(scope="class")
def demo_output(django_db_setup, django_db_blocker):
    """Load the demo once for a class of read-only tests, and roll it back afterwards.

    A load takes a few seconds; the tests of the class only read, so they share one inside
    a transaction (each test then runs in a savepoint of it).
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield load()
        transaction.set_rollback(True)


class TestDemoContent:
    """What one run of the command creates."""

    def test_creates_towns_and_schools_with_their_public_pages(self, demo_output):
        portal = PortalPage.objects.get(locale__language_code="fr")
        assert "Bienvenue" in portal.intro
        assert sorted(
            MunicipalityPage.objects.child_of(portal).live().values_list("title", flat=True)
        ) == [
            "Saint-Aubin-des-Prés",
            "Villeneuve-sur-Loire",
        ]
        schools = SchoolPage.objects.child_of(portal).live().order_by("path")
        assert [(s.title, s.level, s.town) for s in schools] == [
            ("École maternelle Les Lilas", SchoolLevel.NURSERY, "Saint-Aubin-des-Prés"),
            ("École élémentaire Jean-Jaurès", SchoolLevel.ELEMENTARY, "Saint-Aubin-des-Prés"),
            ("École primaire du Bourg", SchoolLevel.PRIMARY, "Villeneuve-sur-Loire"),
        ]
        for school in schools:
            assert school.address and school.postcode and school.phone and school.opening_hours
            assert len(school.body) >= 2
            children = {page.title for page in school.get_children().live()}
            assert {"Projet d'école", "Actualités"} <= children
            assert NewsPage.objects.descendant_of(school).live().count() == 2
            events = EventPage.objects.descendant_of(school).live()
            assert events.count() == 1
            assert events.get().start > timezone.now()
        for municipality in MunicipalityPage.objects.all():
            pages = set(StandardPage.objects.child_of(municipality).values_list("title", flat=True))
            assert pages == {
                "Restauration scolaire",
                "Accueil périscolaire",
                "Inscriptions scolaires",
            }
            assert NewsPage.objects.descendant_of(municipality).live().count() == 1
            assert municipality.agents.count() == 1
        menu = StandardPage.objects.filter(title="Restauration scolaire").first()
        assert "Lundi" in str(menu.body)

    def test_gives_each_site_its_identity_statement_and_menus(self, demo_output):
        portal = PortalPage.objects.get(locale__language_code="fr")
        # The English translations (of the portal and a school) have their statement too.
        sites = [
            *PortalPage.objects.all(),
            *SchoolPage.objects.all(),
            *MunicipalityPage.objects.all(),
        ]
        for site in sites:
            statement = AccessibilityStatementPage.objects.child_of(site).live().get()
            assert statement.compliance == ComplianceStatus.PARTIAL
            assert statement.audit_date and "audit" in statement.non_conformities
        for school in SchoolPage.objects.filter(locale__language_code="fr"):
            assert school.director_word and school.director_name and school.accent
            assert school.logo.collection_id == school.collection_id
        this_monday = monday_of(timezone.localdate())
        for municipality in MunicipalityPage.objects.all():
            assert municipality.accent
            menus = CanteenMenuPage.objects.child_of(municipality).live().order_by("week_start")
            assert [menu.week_start for menu in menus] == [
                this_monday,
                this_monday + timedelta(days=7),
            ]
            for menu in menus:
                assert [day for _date, day in menu.menu_days()][0].value["day"] == "monday"
                assert len(menu.days) == 4
        gallery = GalleryPage.objects.live().get()
        school = gallery.get_parent().get_parent().specific
        assert school.title == "École primaire du Bourg"
        assert len(gallery.works) == 2
        for work in gallery.works:
            assert work.value["image"].collection_id == school.collection_id
            assert work.value["alt_text"] and work.value["description"]
        portal_news = NewsPage.objects.child_of(NewsIndexPage.objects.child_of(portal).get()).live()
        assert portal_news.count() == 1

    def test_the_portal_home_and_a_school_are_translated_into_english(self, demo_output, client):
        english = Locale.objects.get(language_code="en")
        assert set(Page.objects.filter(locale=english).values_list("title", flat=True)) == {
            "Préau, the schools' portal",
            "Jean-Jaurès Elementary School",
            "Accessibility statement",
        }
        assert Page.objects.filter(locale=english).exclude(live=True).count() == 0
        home = client.get("/en/").content.decode()
        schools = schools_listed(home)
        assert schools.count('class="card"') == 3
        assert schools_listed(client.get("/").content.decode()).count('class="card"') == 3
        assert "Welcome to <b>Préau</b>" in home and "Bienvenue" not in home
        assert "Jean-Jaurès Elementary School" in schools
        assert 'lang="fr">École maternelle Les Lilas' in schools  # not translated: said so
        school = SchoolPage.objects.get(locale=english)
        assert school.url.startswith("/en/")
        page = client.get(school.url).content.decode()
        assert '<html lang="en">' in page and "School life" in page
        assert "Dear parents" in page and "Monday, Tuesday" in page
        switcher = page[page.index('class="language-switcher"') :]
        switcher = switcher[: switcher.index("</nav>")]
        assert "interface only" not in switcher  # both languages of this page exist
        assert "Accessibility: partially compliant" in page

    def test_creates_classes_with_staff_pupils_and_families(self, demo_output):
        assert ClassroomPage.objects.count() == 6
        for school in SchoolPage.objects.filter(locale__language_code="fr"):
            directors = SchoolStaff.objects.filter(school=school, role=SchoolStaff.Role.DIRECTOR)
            assert directors.count() == 1
        for classroom in ClassroomPage.objects.all():
            with_role = classroom.memberships.filter
            assert classroom.live and classroom.school_year == "2026-2027"
            teachers = with_role(role=Membership.Role.TEACHER)
            assert teachers.count() == 1
            assert SchoolStaff.objects.filter(
                school=school_of(classroom),
                user=teachers.get().user,
                role=SchoolStaff.Role.TEACHER,
            ).exists()
            expected_assistants = 1 if classroom.level in NURSERY_LEVELS else 0
            assert with_role(role=Membership.Role.ASSISTANT).count() == expected_assistants
            assert with_role(role=Membership.Role.PUPIL).count() == 6

        pupils = User.objects.filter(memberships__role=Membership.Role.PUPIL)
        assert pupils.count() == 36
        assert not pupils.exclude(email="").exists()
        assert not pupils.filter(guardians=None).exists()
        parents = User.objects.filter(guardianships__isnull=False).distinct()
        assert parents.count() == 60  # with the closed accounts of a family who left (retention)
        assert not parents.exclude(email__endswith="@example.org").exists()
        assert Guardianship.objects.count() == 61
        assert User.objects.count() == 111  # with the pedagogical adviser, and the family who left
        assert list(User.objects.filter(is_superuser=True).values_list("username", flat=True)) == [
            "admin"
        ]
        usernames = list(User.objects.values_list("username", flat=True))
        assert all(re.fullmatch(r"[a-z0-9.-]+", name) for name in usernames)
        assert {"lucas.bernard", "lucas.bernard2"} <= set(usernames)

    def test_has_one_parent_in_two_schools_and_one_teacher_who_is_a_parent(self, demo_output):
        pupil_classes = Membership.objects.filter(role=Membership.Role.PUPIL)
        schools_by_parent = {}
        for guardianship in Guardianship.objects.select_related("parent"):
            for membership in pupil_classes.filter(user=guardianship.child_id):
                schools_by_parent.setdefault(guardianship.parent.username, set()).add(
                    school_of(membership.classroom).pk
                )
        in_two_schools = [name for name, schools in schools_by_parent.items() if len(schools) > 1]
        assert in_two_schools == ["sophie.martin"]

        teacher_parents = User.objects.filter(
            memberships__role=Membership.Role.TEACHER, guardianships__isnull=False
        ).distinct()
        assert [user.username for user in teacher_parents] == ["karim.benali"]
        teacher = teacher_parents.get()
        own_class = teacher.memberships.get().classroom
        child = teacher.guardianships.get().child
        child_class = child.memberships.get(role=Membership.Role.PUPIL).classroom
        assert child_class != own_class

    def test_a_parent_is_asked_to_confirm_a_child_the_school_linked_by_e_mail(
        self, demo_output, client
    ):
        """The demo of "Confirm a child": Pauline Rousseau answers on her own page."""
        from enrolment.models import ParentLinkRequest

        link = ParentLinkRequest.objects.get()
        assert (link.parent.username, link.child.first_name) == ("pauline.rousseau", "Manon")
        assert link.requested_by.username == "olivier.lambert"
        assert not Guardianship.objects.filter(parent=link.parent, child=link.child).exists()
        client.force_login(link.parent)
        page = client.get(link.parent.notifications.get(kind="parent_link_request").url)
        assert "Êtes-vous parent de Manon" in page.content.decode()

    def test_the_class_blog_shows_every_state(self, demo_output):
        """Something waits for Mme Durand, something was sent back, something is public,
        and the nursery class has a recording to play."""
        from wagtail.models import WorkflowState

        from classrooms.models import Visibility

        states = {
            BlogEntryPage.objects.get(pk=state.object_id).title: state.status
            for state in WorkflowState.objects.active()
        }
        assert states == {
            "Notre sortie au parc": WorkflowState.STATUS_IN_PROGRESS,
            "Le goûter de la classe": WorkflowState.STATUS_NEEDS_CHANGES,
        }
        public = BlogEntryPage.objects.live().filter(visibility=Visibility.PUBLIC)
        assert sorted(entry.title for entry in public) == [
            "La sortie à la médiathèque",
            "Nathan récite « Le hibou »",
        ]
        recorded = BlogEntryPage.objects.get(title="Jade raconte Boucle d'or")
        assert recorded.live and recorded.body[0].block_type == "recording"
        assert recorded.body[0].value["audio"].file.size > 1000

    def test_the_nursery_class_is_in_nursery_mode_with_pictures(self, demo_output):
        """Jade (Petite section) gets the nursery editor, her classmates as pictures."""
        from django.test import Client

        from classrooms.nursery import pupil_in_nursery_mode

        jade = get_user_model().objects.get(username="jade.nguyen")
        lilas_ps = Membership.objects.get(user=jade, role=Membership.Role.PUPIL).classroom
        assert pupil_in_nursery_mode(jade, lilas_ps)
        pupils = get_user_model().objects.filter(
            memberships__classroom=lilas_ps, memberships__role=Membership.Role.PUPIL
        )
        assert pupils.count() > 3 and not pupils.filter(avatar="").exists()
        assert len({pupil.avatar for pupil in pupils}) == pupils.count()
        client = Client()
        client.force_login(jade)
        html = client.get(f"/classes/{lilas_ps.pk}/ecrire/").content.decode()
        assert "vendor/twemoji/1f3a4.svg" in html and 'class="friend__input"' in html

    def test_class_walls_have_photos_of_the_children_s_work(self, demo_output):
        """The nursery's welcome promises photos: a few entries carry a drawn one, with
        its text alternative and caption (Préau issue 23)."""
        photos = {}
        for entry in BlogEntryPage.objects.filter(live=True):
            for block in entry.body:
                if block.block_type == "image":
                    photos[entry.get_parent().specific.level, entry.title] = block.value
        levels = {level for level, _title in photos}
        assert len(photos) >= 3 and {Level.PS, Level.GS, Level.CP} <= levels, photos.keys()
        for value in photos.values():
            assert value["alt_text"] and value["caption"]
            assert value["image"].file.size > 1000 and value["image"].width == 960

    def test_canteen_menus_name_their_week_and_their_allergens(self, demo_output):
        from pages.models import CanteenMenuPage

        menus = list(CanteenMenuPage.objects.live())
        assert menus
        for menu in menus:
            assert menu.title.startswith("Menus de la semaine du ")
            assert any(day.value.get("main_course_allergens") for day in menu.days)

    def test_every_pupil_has_the_family_s_answers(self, demo_output):
        """Yes for the school, mixed for the public; Nathan's voice is public (his public
        reading is the consent journey's entry), nobody's full name is."""
        from consents import answers
        from consents.models import ConsentChange, PupilConsent

        pupils = User.objects.filter(memberships__role=Membership.Role.PUPIL).distinct()
        consents = answers.answers_of(pupils.values_list("pk", flat=True))
        assert PupilConsent.objects.count() == pupils.count() == 36
        assert all(c.photo_school and c.voice_school for c in consents.values())
        assert not any(c.full_name_public for c in consents.values())
        public = [c.photo_public for c in consents.values()]
        assert 0 < sum(public) < len(public)
        nathan = PupilConsent.objects.get(pupil__username="nathan.moreau")
        assert nathan.voice_public and nathan.voice_school
        change = ConsentChange.objects.filter(pupil__username="nathan.moreau").first()
        assert change.changed_by.username in {"vincent.moreau", "amelie.moreau"}

    def test_creates_blog_entries_comments_and_exercises(self, demo_output):
        assert BlogEntryPage.objects.filter(live=True).count() == 15
        drafts = BlogEntryPage.objects.filter(live=False)
        assert drafts.count() == 8
        for draft in drafts:
            assert draft.has_unpublished_changes and draft.latest_revision is not None
            assert draft.live_revision is None and draft.first_published_at is None
        for classroom in ClassroomPage.objects.all():
            entries = BlogEntryPage.objects.child_of(classroom)
            assert entries.filter(live=True).count() >= 2
            assert entries.filter(live=False).count() >= 1
            class_pupils = set(
                classroom.memberships.filter(role=Membership.Role.PUPIL).values_list(
                    "user", flat=True
                )
            )
            for entry in entries:
                authors = set(entry.authors.values_list("pk", flat=True))
                assert 1 <= len(authors) <= 3 and authors <= class_pupils
            # One exercise per elementary class, and the CM1's H5P activity (home/demo/h5p.py).
            exercises = ExercisePage.objects.child_of(classroom).live()
            # The CE1 of the Bourg also has its recorded dictation done in pairs.
            expected = 2 if classroom.slug == "ce1-de-mme-petit" else 1
            assert exercises.exclude(title=H5P_EXERCISE).count() == (
                0 if classroom.level in NURSERY_LEVELS else expected
            )
            for exercise in exercises:
                kinds = [block.block_type for block in exercise.body]
                assert kinds[0] == "instruction"
        pairs = ExercisePage.objects.get(title="Dictée à deux : le marché")
        assert pairs.in_pairs and pairs.body[1].block_type == "dictation"
        assert pairs.body[1].value["audio"].collection == pairs.get_parent().specific.collection
        attempt = pairs.attempts.get()
        assert (attempt.pupil.username, attempt.partner.username) == (
            "emma.rousseau",
            "louis.garcia",
        )
        assert attempt.finished_at and 0 < attempt.points < attempt.max_points
        h5p = ExercisePage.objects.get(title=H5P_EXERCISE)
        assert [block.block_type for block in h5p.body] == ["instruction", "h5p"]
        played = h5p.attempts.get()
        assert (played.pupil.username, played.points, played.max_points) == (
            "ines.ferreira",
            3,
            4,
        )
        numbers = ExercisePage.objects.get(title="Les nombres jusqu'à 100")
        kinds = {block.block_type for block in numbers.body}
        assert {"short_answer", "ordering", "multiple_choice", "matching"} <= kinds
        assert {"fill_in_blanks", "mental_drill"} <= kinds
        # One per elementary class, the pair dictation and the H5P activity.
        assert ExercisePage.objects.count() == 6

        live_entries = {str(pk) for pk in BlogEntryPage.objects.live().values_list("pk", flat=True)}
        assert ClassComment.objects.filter(is_public=True).count() == 15
        pending = ClassComment.objects.filter(is_public=False)
        assert pending.count() == 7  # six in their class, one from a partner class
        assert not pending.exclude(user__memberships__role=Membership.Role.PUPIL).exists()
        for comment in ClassComment.objects.all():
            assert comment.object_pk in live_entries
            assert comment.thread_id == comment.parent_id == comment.pk
            assert comment.comment.startswith("J’ai aimé… " + comment.liked)
            assert comment.submit_date <= timezone.now()
        parent_comments = ClassComment.objects.filter(
            is_public=True, user__guardianships__isnull=False
        )
        assert parent_comments.exists()
        assert parent_comments.exclude(suggestion="").exclude(wondering="").exists()

    def test_the_cp_has_a_writing_workshop_to_try(self, demo_output):
        """Mme Durand's CP: an assignment with topics, Nathan's three drafts marked with
        the colour code then published, and the groups' texts gathered into one."""
        from writing.models import Mark, Text, TextStatus, WritingAssignmentPage

        classroom = ClassroomPage.objects.get(title="CP de Mme Durand")
        assignment = WritingAssignmentPage.objects.child_of(classroom).live().get()
        assert assignment.title == "Les animaux de la mare"
        assert assignment.topics.count() >= 3

        nathan = User.objects.get(username="nathan.moreau")
        text = Text.objects.get(assignment=assignment, authors=nathan, group=None)
        drafts = list(text.drafts.order_by("number"))
        assert [draft.number for draft in drafts] == [1, 2, 3]
        assert all(draft.marked_at and draft.marked_by and draft.comment for draft in drafts)
        for draft in drafts[:2]:
            marks = list(draft.marks.select_related("error_type"))
            assert len({mark.error_type_id for mark in marks}) >= 4
            for mark in marks:
                assert draft.body[mark.start : mark.end] == mark.quote
                assert mark.error_type.classroom_id == classroom.pk
            assert any(mark.hint for mark in marks)
        kinds = Mark.objects.filter(draft__text=text).values("error_type").distinct()
        assert kinds.count() >= 4
        assert text.status == TextStatus.PUBLISHED and text.shared_with_parents
        assert text.entry.live and text.entry.get_parent().pk == classroom.pk
        assert list(text.entry.authors.all()) == [nathan]

        gathered = Text.objects.filter(assignment=assignment, gathered_from__isnull=False)
        gathered = gathered.distinct().get()
        parts = list(gathered.gathered_from.all())
        assert len(parts) == 2 and all(part.group_id for part in parts)
        assert gathered.status == TextStatus.TO_REWRITE
        writers = {author for part in parts for author in part.paragraph_authors}
        assert set(gathered.paragraph_authors) == writers and len(writers) >= 4

    def test_every_class_has_a_homework_diary_to_try(self, demo_output):
        """A week of sessions in every class, homework due after today, group homework
        for the CP's frogs that Nathan does not see, and his tick."""
        from homework.models import Audience, HomeworkDiaryPage
        from homework.rules import for_pupil

        for classroom in ClassroomPage.objects.all():
            assert HomeworkDiaryPage.objects.child_of(classroom).live().count() == 1
            assert Session.objects.filter(classroom=classroom).count() == 4
        assert HomeworkItem.objects.filter(due_date__gt=timezone.localdate()).exists()
        group_item = HomeworkItem.objects.get(audience=Audience.GROUP)
        nathan = User.objects.get(username="nathan.moreau")
        lea = User.objects.get(username="lea.martin")
        assert HomeworkItem.objects.filter(for_pupil(lea.pk), pk=group_item.pk).exists()
        assert not HomeworkItem.objects.filter(for_pupil(nathan.pk), pk=group_item.pk).exists()
        assert ItemDone.objects.get().pupil == nathan

    def test_messaging_has_a_conversation_for_each_role_to_try(self, demo_output, client):
        """Nathan's father waits for an answer he has not read, Nathan for a video from
        Mme Durand; the CM1 talks about its exposé, and a report waits for M. Benali."""
        by_subject = {c.subject: c for c in Conversation.objects.select_related("started_by")}
        assert set(by_subject) == {
            "Absence de Nathan",
            "Un petit mot pour Nathan",
            "Notre exposé sur le cycle de l'eau",
            "Les équipes de foot à la récré",
        }
        now = timezone.now()
        for conversation in by_subject.values():
            times = list(conversation.messages.values_list("created_at", flat=True))
            assert times == sorted(times) and times[-1] == conversation.last_message_at
            assert now - timedelta(days=4) < times[0] and times[-1] < now
        for subject, conversation in by_subject.items():
            if subject.startswith("Les équipes"):
                continue
            # Only the pupils' own conversation is left for the class's teachers to read.
            assert conversation.supervised_class_id is None, subject

        def people(subject):
            return set(by_subject[subject].participants.values_list("user__username", flat=True))

        def unread(subject):
            places = by_subject[subject].participants.select_related("user")
            return {place.user.username for place in places if place.unread}

        absence = by_subject["Absence de Nathan"]
        assert absence.started_by.username == "vincent.moreau"
        assert people("Absence de Nathan") == {"vincent.moreau", "claire.durand"}
        assert absence.messages.last().author.username == "claire.durand"
        assert unread("Absence de Nathan") == {"vincent.moreau"}
        assert not absence.with_pupils

        video_note = by_subject["Un petit mot pour Nathan"]
        assert video_note.started_by.username == "claire.durand"
        assert people("Un petit mot pour Nathan") == {"claire.durand", "nathan.moreau"}
        assert unread("Un petit mot pour Nathan") == {"nathan.moreau"}
        video = Attachment.objects.get(message__conversation=video_note)
        assert (video.kind, video.content_type) == (Attachment.Kind.VIDEO, "video/mp4")
        assert 1000 < video.size < 60_000 and 4 < video.duration < 6
        assert video.file.size == video.size

        cm1 = ClassroomPage.objects.get(title="CM1 de M. Benali")
        rules = ClassMessaging.objects.get(classroom=cm1)
        assert rules.pupils_write_to_classmates and "M. Benali" in rules.charter
        cm1_pupils = set(
            cm1.memberships.filter(role=Membership.Role.PUPIL).values_list(
                "user__username", flat=True
            )
        )
        class_talk = by_subject["Notre exposé sur le cycle de l'eau"]
        assert class_talk.started_by.username == "karim.benali"
        assert people("Notre exposé sur le cycle de l'eau") == cm1_pupils | {"karim.benali"}
        assert "karim.benali" in unread("Notre exposé sur le cycle de l'eau")
        assert class_talk.messages.exclude(author__username="karim.benali").count() >= 3

        football = by_subject["Les équipes de foot à la récré"]
        assert football.supervised_class_id == cm1.pk
        assert people("Les équipes de foot à la récré") < cm1_pupils
        report = Report.objects.get()
        assert report.message.conversation_id == football.pk
        assert report.handled_at is None and report.reason
        assert report.reported_by.username in cm1_pupils
        assert [user.username for user in report.handlers.all()] == ["karim.benali"]
        assert Notification.objects.filter(
            recipient__username="karim.benali", kind="message_reported", read_at=None
        ).exists()

        # What each login meets in its pages.
        client.force_login(User.objects.get(username="nathan.moreau"))
        page = client.get(f"/messages/{video_note.pk}/").content.decode()
        assert "<video" in page and "Toute la classe pense à toi" in page
        file_url = f"/messages/fichiers/{video.pk}/{video.name}"
        assert file_url in page
        answer = client.get(file_url)
        assert answer.status_code == 200 and answer["Content-Type"] == "video/mp4"
        client.force_login(User.objects.get(username="vincent.moreau"))
        inbox = client.get("/messages/").content.decode()
        assert "Absence de Nathan" in inbox and "Un petit mot" not in inbox
        client.force_login(User.objects.get(username="karim.benali"))
        assert (
            "Les équipes de foot"
            in client.get(f"/messages/classes/{cm1.pk}/eleves/").content.decode()
        )
        assert "trop lentement" in client.get("/messages/signalements/").content.decode()
        assert "trop lentement" in client.get(f"/messages/{football.pk}/").content.decode()
        client.force_login(User.objects.get(username="lucas.bernard"))
        assert "M. Benali peut lire" in client.get("/messages/nouveau/").content.decode()

    def test_the_carnet_de_liaison_has_words_to_follow_and_to_acknowledge(
        self, demo_output, client
    ):
        museum = Word.objects.get(title__startswith="Sortie au musée")
        assert museum.audience == Word.Audience.SCHOOL and museum.needs_answer
        assert museum.acknowledgements.count() == 4
        assert Word.objects.get(title__startswith="Piscine").classroom.title == "CP de Mme Durand"
        client.force_login(User.objects.get(username="olivier.lambert"))
        follow = client.get(f"/carnet/mots/{museum.pk}/suivi/")
        assert follow.context["table"].reached == 4
        vincent = User.objects.get(username="vincent.moreau")
        nathan = User.objects.get(username="nathan.moreau")
        client.force_login(vincent)
        notebook = client.get(f"/carnet/enfants/{nathan.pk}/")
        assert [c.word_id for c in notebook.context["to_read"]][-1] == museum.pk
        assert Notification.objects.filter(recipient=vincent, kind="word_to_acknowledge").exists()

    def test_the_reading_club_has_three_books_and_a_reply_waiting_in_each_class(self, demo_output):
        club = SharedSpace.objects.get(title="Club de lecture du cycle 3")
        assert sorted(
            club.classes.filter(status="accepted").values_list("classroom__title", flat=True)
        ) == ["CM1 de M. Benali", "CM2 de M. Garnier"]
        books = Topic.objects.filter(space=club, kind="book", status="published")
        assert books.count() == 3 and all(book.cover for book in books)
        waiting = Post.objects.filter(topic__space=club, status="pending")
        assert sorted(waiting.values_list("classroom__title", flat=True)) == [
            "CM1 de M. Benali",
            "CM2 de M. Garnier",
        ]
        assert Post.objects.filter(topic__space=club, status="published").count() >= 8

    def test_the_newspaper_has_a_published_issue_and_the_story_two_chapters(self, demo_output):
        paper = SharedSpace.objects.get(title="Le Petit Journal des Pins")
        issue = Issue.objects.get(space=paper, number=1)
        assert issue.published_at is not None and issue.audience == "families"
        classes = set(issue.articles.values_list("classroom__title", flat=True))
        assert classes == {"CP de Mme Durand", "CM1 de M. Benali"}
        story = SharedSpace.objects.get(title__startswith="Chroniques imaginaires")
        assert Chapter.objects.filter(story__space=story, status="published").count() == 2

    def test_the_summary_lists_the_demo_conversations(self, demo_output):
        assert "“Un petit mot pour Nathan”: claire.durand, nathan.moreau" in demo_output
        assert "“Les équipes de foot à la récré”: lucas.bernard, jules.blanc, raphael.bonnet" in (
            demo_output
        )
        assert re.search(r"\b4 conversations\b", demo_output)

    def test_printed_logins_are_the_documented_ones_and_work(self, demo_output):
        logins = printed_logins(demo_output)
        usernames = [username for username, _password in logins]
        assert set(usernames) == DOCUMENTED_LOGINS
        assert len(usernames) == len(DOCUMENTED_LOGINS)
        for username, password in logins:
            assert password == DEMO_PASSWORD
            assert (
                authenticate(login_request(), username=username, password=password) is not None
            ), username
        assert authenticate(login_request(), username="admin", password="wrong-password") is None

    def test_the_library_holds_resources_of_two_schools(self, demo_output):
        resources = Resource.objects.select_related("school")
        assert {resource.school.title for resource in resources} == {
            "École élémentaire Jean-Jaurès",
            "École primaire du Bourg",
        }
        assert {resource.kind for resource in resources} >= {
            "document",
            "audio",
            "images",
            "link",
            "exercise",
        }
        assert {resource.scope for resource in resources} == {"school", "portal"}
        pdf = ResourceFile.objects.get(resource__kind="document")
        assert pdf.file.read().startswith(b"%PDF-")
        use = ResourceUse.objects.get()
        assert use.classroom.title == "CM2 de M. Garnier" and use.page.live
        exercise = Resource.objects.get(kind="exercise").source_page.specific
        assert any(child.block_type != "instruction" for child in exercise.body)

    def test_jade_logs_in_with_her_card_or_her_pictures(self, demo_output):
        """The addresses printed work: Jade's card, and the class tablet with her pictures."""
        assert "/compte/carte/demo-carte-de-jade/" in demo_output
        assert "/compte/tablette/demo-tablette-petite-section/" in demo_output
        card = card_logins.live_card("demo-carte-de-jade")
        assert card.user.username == "jade.nguyen"
        classroom = card_logins.tablet_classroom("demo-tablette-petite-section")
        assert classroom.title == "Petite section de Mme Lefèvre"
        assert card.user in card_logins.tablet_pupils(classroom)
        pictures = ["1f34e", "1f436", "2b50", "1f319"]
        assert authenticate(login_request(), username="jade.nguyen", picture_password=pictures)

    def test_jaures_has_a_news_item_scheduled_to_go_live(self, demo_output):
        """The director sees "scheduled" in the admin: approved to go live in a week."""
        from django.utils import timezone

        from pages.models import NewsPage

        page = NewsPage.objects.get(slug="fete-de-fin-d-annee-programme")
        assert (
            not page.live
            and page.get_parent().get_parent().title == "École élémentaire Jean-Jaurès"
        )
        assert (
            page.approved_schedule and page.scheduled_revision.approved_go_live_at > timezone.now()
        )

    def test_vincent_is_linked_to_his_development_educonnect_identity(self, demo_output):
        """scripts/saml_dev_idp.py's vincent.moreau signs in as him; Laëtitia may link."""
        from federation.identities import account_for
        from federation.models import ExternalIdentity

        assert account_for("educonnect", "DEMO-EDU-VINCENT-MOREAU").username == "vincent.moreau"
        assert not ExternalIdentity.objects.filter(user__username="laetitia.bernard").exists()

    def test_pupils_and_parents_can_log_in_with_the_demo_password(self, demo_output):
        for username in ["lea.martin", "lucas.bernard2", "mael.le-gall", "julie.benali"]:
            assert (
                authenticate(login_request(), username=username, password=DEMO_PASSWORD) is not None
            ), username


def test_a_second_run_creates_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        load(verbosity=0)
    before = counts()

    with django_capture_on_commit_callbacks(execute=True):
        output = load()

    assert counts() == before
    assert before["User"] == 111
    assert before["Conversation"] == 4 and before["Report"] == 1
    assert before["Word"] == 2
    # The conversations are listed again, and nobody was e-mailed about the story.
    assert "“Absence de Nathan”: vincent.moreau, claire.durand" in output
    assert not mail.outbox


def test_refuses_to_run_in_production(settings):
    settings.PREAU_ENVIRONMENT = "production"

    with pytest.raises(CommandError, match="PREAU_ENVIRONMENT"):
        load()

    assert User.objects.count() == 0
    assert not SchoolPage.objects.exists()


def test_runs_in_production_when_forced(settings):
    settings.PREAU_ENVIRONMENT = "production"

    load(force=True, verbosity=0)

    assert SchoolPage.objects.filter(locale__language_code="fr").count() == 3


def test_verbosity_zero_prints_nothing():
    assert load(verbosity=0) == ""
