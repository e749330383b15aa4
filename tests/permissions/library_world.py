"""The library's part of the permission matrix's world (issue 22), built by conftest.py.

- "Fiche des fractions": a PDF the class's teacher shared with school A only.
- "Poèmes de l’automne": a PDF the director of school B shared with the whole portal.
- The school resource used in class A1: its ClassResourcePage.
Only ids, URLs and words leave the builder.
"""

from dataclasses import dataclass

from django.core.files.base import ContentFile

from home.demo.pdf import tiny_pdf
from library.models import Resource, ResourceFile
from library.services import use_in_class

from .matrix import DIRECTOR_OTHER_SCHOOL, TEACHER

PDF = tiny_pdf("Fiche secrète des fractions")


@dataclass(frozen=True)
class LibraryWorld:
    classroom_id: int
    school_resource_id: int
    school_resource_title: str
    school_file: str  # its URL
    portal_resource_id: int
    portal_resource_title: str
    portal_file: str
    class_page_url: str
    class_file: str
    attribution: str


def _resource(user, school, title, scope):
    resource = Resource.objects.create(
        title=title,
        description="Une ressource de la bibliothèque.",
        kind="document",
        cycle="3",
        levels=",CM1,",
        subject="mathematiques",
        domain="nombres-et-calculs",
        duration=30,
        licence="cc-by",
        scope=scope,
        author=user,
        author_name=user.get_full_name() or user.username,
        school=school,
    )
    stored = ResourceFile.objects.create(
        resource=resource,
        kind="document",
        extension="pdf",
        content_type="application/pdf",
        size=len(PDF),
        file=ContentFile(PDF, name="1.pdf"),
    )
    return resource, stored


def build_library_world(users, school, other_school, classroom):
    from django.urls import reverse

    school_resource, school_file = _resource(
        users[TEACHER], school, "Fiche des fractions", "school"
    )
    portal_resource, portal_file = _resource(
        users[DIRECTOR_OTHER_SCHOOL], other_school, "Poèmes de l’automne", "portal"
    )
    page = use_in_class(school_resource, classroom, users[TEACHER])

    def file_url(resource, stored):
        return reverse(
            "library:file",
            kwargs={"resource_id": resource.pk, "file_id": stored.pk, "name": stored.name},
        )

    return LibraryWorld(
        classroom_id=classroom.pk,
        school_resource_id=school_resource.pk,
        school_resource_title=school_resource.title,
        school_file=file_url(school_resource, school_file),
        portal_resource_id=portal_resource.pk,
        portal_resource_title=portal_resource.title,
        portal_file=file_url(portal_resource, portal_file),
        class_page_url=page.url,
        class_file=reverse(
            "library:class_file",
            kwargs={"page_id": page.pk, "file_id": school_file.pk, "name": school_file.name},
        ),
        attribution=page.attribution,
    )
