"""Factories for every model the tests build: users, pages of the tree, roles."""

import factory
import wagtail_factories
from django.contrib.auth import get_user_model

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
