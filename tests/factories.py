"""Factories for every model the tests build: users, pages of the tree, roles."""

from datetime import timedelta

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.utils import timezone

from classrooms.models import BlogEntryPage, ClassroomPage, Guardianship, Level, Membership
from home.models import PortalPage
from pages.models import MunicipalityAgent, MunicipalityPage, SchoolPage, SchoolStaff

TEST_PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password(TEST_PASSWORD)


class SchoolPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SchoolPage

    title = factory.Sequence(lambda n: f"École {n}")
    town = "Saint-Aubin-des-Prés"
    postcode = "44000"


class MunicipalityPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MunicipalityPage

    title = factory.Sequence(lambda n: f"Commune {n}")
    town = factory.Sequence(lambda n: f"Ville {n}")


class ClassroomPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ClassroomPage

    title = factory.Sequence(lambda n: f"Classe {n}")
    school_year = "2026-2027"
    level = Level.CP


class BlogEntryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = BlogEntryPage

    title = factory.Sequence(lambda n: f"Article {n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    role = Membership.Role.PUPIL


class GuardianshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Guardianship

    parent = factory.SubFactory(UserFactory)
    child = factory.SubFactory(UserFactory)


class SchoolStaffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SchoolStaff

    user = factory.SubFactory(UserFactory)
    role = SchoolStaff.Role.DIRECTOR


class MunicipalityAgentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MunicipalityAgent

    user = factory.SubFactory(UserFactory)


def portal():
    """The portal created by the home app's data migration."""
    return PortalPage.objects.get(locale__language_code="fr")


# Added for the permission matrix (tests/permissions/): activities and media files.


class ExercisePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "exercises.ExercisePage"

    title = factory.Sequence(lambda n: f"Exercice {n}")


class ImageFactory(wagtail_factories.ImageFactory):
    """A Wagtail image with a tiny PNG drawn by Pillow; pass `collection=` to place it."""

    title = factory.Sequence(lambda n: f"Photo {n}")
    file = factory.django.ImageField(
        filename=factory.Sequence(lambda n: f"photo-{n}.png"), format="PNG", width=8, height=8
    )


class DocumentFactory(wagtail_factories.DocumentFactory):
    """A Wagtail document holding a few bytes of text; pass `collection=` to place it."""

    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.django.FileField(
        filename=factory.Sequence(lambda n: f"document-{n}.txt"),
        data=factory.Sequence(lambda n: f"Contenu du document {n}".encode()),
    )


# Added for the enrolment tests (tests/enrolment/).


class PupilRecordFactory(factory.django.DjangoModelFactory):
    """What the school knows of a pupil; pass `user=` and `school=`."""

    class Meta:
        model = "enrolment.PupilRecord"
        skip_postgeneration_save = True

    birth_date = factory.Faker("date_between", start_date="-10y", end_date="-3y")
    level = "CP"

    @factory.post_generation
    def photo_consent(obj, create, extracted, **kwargs):
        """photo_consent=True: the family agreed to photos, recordings and videos of the
        child for the school and the public (the answers of consents/)."""
        if extracted:
            give_consent(obj.user)


MEDIA_ANSWERS = [
    f"{medium}_{audience}"
    for medium in ("photo", "voice", "video")
    for audience in ("school", "public")
]


def give_consent(pupil, *fields, agreed=True, by=None):
    """Record the family's answers (photos, voice and video everywhere by default)."""
    from consents import answers
    from consents.models import ConsentChange

    source = ConsentChange.Source.PARENT if by is not None else ConsentChange.Source.STAFF
    answers.record(pupil, dict.fromkeys(fields or MEDIA_ANSWERS, agreed), by=by, source=source)


def withdraw_consent(pupil, *fields, by=None):
    give_consent(pupil, *fields, agreed=False, by=by)


def allows(pupil, medium, audience) -> bool:
    from consents import answers

    return answers.allowed(answers.answers_of([pupil.pk])[pupil.pk], medium, audience)


# Added for the public sites (tests/pages/, tests/home/): sections, news, events, exhibitions,
# canteen menus and accessibility statements.


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "pages.StandardPage"

    title = factory.Sequence(lambda n: f"Page {n}")


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "pages.NewsIndexPage"

    title = "Actualités"
    slug = "actualites"


class NewsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "pages.NewsPage"

    title = factory.Sequence(lambda n: f"Nouvelle {n}")


class EventPageFactory(wagtail_factories.PageFactory):
    """An event a week from now; pass `start=` to move it."""

    class Meta:
        model = "pages.EventPage"

    title = factory.Sequence(lambda n: f"Événement {n}")
    start = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))


class GalleryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "pages.GalleryPage"

    title = factory.Sequence(lambda n: f"Exposition {n}")


class CanteenMenuPageFactory(wagtail_factories.PageFactory):
    """This week's menus, with a main course on Monday; pass `week_start=` (a Monday)."""

    class Meta:
        model = "pages.CanteenMenuPage"

    title = factory.Sequence(lambda n: f"Menus {n}")
    week_start = factory.LazyFunction(
        lambda: timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    )
    days = factory.LazyFunction(
        lambda: [("day_menu", {"day": "monday", "main_course": "Lasagnes", "labels": []})]
    )


class AccessibilityStatementPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "pages.AccessibilityStatementPage"

    title = "Déclaration d'accessibilité"
    slug = "accessibilite"
    compliance = "partial"


class WritingAssignmentPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "writing.WritingAssignmentPage"

    title = factory.Sequence(lambda n: f"Écrit {n}")


class HomeworkDiaryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "homework.HomeworkDiaryPage"

    title = "Cahier de textes"
    slug = "cahier-de-textes"


class HomeworkSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "homework.Session"

    date = factory.LazyFunction(lambda: __import__("datetime").date.today())
    title = factory.Sequence(lambda n: f"Séance {n}")
    text = "Nous avons lu un album."


class HomeworkItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "homework.HomeworkItem"

    session = factory.SubFactory(HomeworkSessionFactory)
    due_date = factory.LazyFunction(
        lambda: __import__("datetime").date.today() + __import__("datetime").timedelta(days=1)
    )
    text = factory.Sequence(lambda n: f"Relire la leçon {n}")
