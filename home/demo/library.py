"""The demo's resource library (mixed into `DemoLoader`): resources from two schools.

Jean-Jaurès: Karim Benali's fractions worksheet (a PDF written in code, home/demo/pdf.py)
and his water-cycle exercise as a template, both for the whole portal; Claire Durand's
link to Lumni, for her school. The Bourg: Aurélie Petit's song to listen to (the demo's
generated melody), for the portal; Thomas Garnier's image set of the Loire's landscapes,
for his school. The fractions worksheet is already used in Thomas Garnier's CM2, so its
author sees one class using it. Loaded once: a resource is found again by its title and
author.
"""

import io

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from exercises.models import ExercisePage
from library.models import Resource, ResourceFile
from library.services import use_in_class

from . import data as content
from .audio import melody
from .pdf import tiny_pdf

FRACTIONS_LINES = (
    "Une pizza coupée en 4 parts égales : chaque part est un quart (1/4).",
    "1. Colorie 2/4 de la première pizza.",
    "2. Colorie 3/8 de la deuxième pizza.",
    "3. Quelle fraction de la pizza reste-t-il si Léa mange 1/4 et Tom 2/4 ?",
    "4. Range du plus petit au plus grand : 1/2, 1/4, 3/4.",
)


def _picture(colours) -> bytes:
    """A simple landscape: sky, a river, the land; no photo of anyone."""
    image = Image.new("RGB", (480, 320), colours[0])
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 200, 480, 320), fill=colours[2])
    draw.polygon([(0, 230), (480, 190), (480, 240), (0, 280)], fill=colours[1])
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


class DemoLibrary:
    def load_library(self):
        specs = {spec.key: spec for school in content.SCHOOLS for spec in school.classes}

        def teacher(key):
            return self.users[specs[key].teacher]

        def school(key):
            return self.classrooms[key].get_parent().specific

        karim, claire = teacher("jaures-cm1"), teacher("jaures-cp")
        aurelie, thomas = teacher("bourg-ce1"), teacher("bourg-cm2")
        fractions, created = self._resource(
            karim,
            school("jaures-cm1"),
            [("document", "pdf", "application/pdf", tiny_pdf("Les fractions", FRACTIONS_LINES))],
            title="Les fractions avec des pizzas",
            description="Une fiche pour découvrir les fractions simples en partageant des "
            "pizzas : colorier, comparer, ranger.",
            kind="document",
            cycle="3",
            levels=",CM1,CM2,",
            subject="mathematiques",
            domain="nombres-et-calculs",
            duration=45,
            licence="cc-by",
            scope="portal",
        )
        if created:
            use_in_class(fractions, self.classrooms["bourg-cm2"], thomas)
        water = ExercisePage.objects.child_of(self.classrooms["jaures-cm1"]).first()
        if water is not None:
            self._resource(
                karim,
                school("jaures-cm1"),
                [],
                title="Le cycle de l’eau : questions",
                description="Un questionnaire après l’exposé sur le cycle de l’eau : un QCM et "
                "les étapes à remettre dans l’ordre.",
                kind="exercise",
                cycle="3",
                levels=",CM1,",
                subject="sciences-et-technologie",
                domain="la-matiere",
                duration=20,
                licence="cc-by-sa",
                scope="portal",
                source_page=water,
            )
        self._resource(
            claire,
            school("jaures-cp"),
            [],
            title="Lumni : vidéos pour apprendre à lire",
            description="Des vidéos courtes de France Télévisions pour le CP : les sons, "
            "les syllabes, les premières lectures.",
            kind="link",
            cycle="2",
            levels=",CP,",
            subject="francais",
            domain="lecture",
            duration=15,
            licence="cc-by-nc-nd",
            scope="school",
            url="https://www.lumni.fr/primaire/cp",
        )
        self._resource(
            aurelie,
            school("bourg-ce1"),
            [("audio", "wav", "audio/wav", melody())],
            title="Au clair de la lune à chanter",
            description="La mélodie jouée lentement, pour apprendre la chanson en classe.",
            kind="audio",
            cycle="2",
            levels=",CP,CE1,",
            subject="education-musicale",
            domain="ecouter-chanter",
            duration=15,
            licence="cc-by-sa",
            scope="portal",
        )
        landscapes = [
            ("photo", "jpg", "image/jpeg", _picture(colours))
            for colours in (
                ((160, 200, 235), (70, 120, 190), (110, 160, 80)),
                ((250, 200, 150), (60, 100, 170), (190, 170, 90)),
            )
        ]
        self._resource(
            thomas,
            school("bourg-cm2"),
            landscapes,
            title="Les paysages de la Loire",
            description="Deux dessins de paysages de la Loire, le matin et le soir, pour "
            "décrire un paysage de fleuve.",
            kind="images",
            cycle="3",
            levels=",CM1,CM2,",
            subject="histoire-geographie",
            domain="geographie",
            duration=30,
            licence="cc-by",
            scope="school",
        )

    def _resource(self, author, school, files, **fields):
        """(resource, created): the one with this title and author, or a new one."""
        existing = Resource.objects.filter(title=fields["title"], author=author).first()
        if existing is not None:
            return existing, False
        resource = Resource.objects.create(
            author=author,
            author_name=author.get_full_name(),
            school=school,
            **fields,
        )
        for position, (kind, extension, content_type, data) in enumerate(files):
            ResourceFile.objects.create(
                resource=resource,
                kind=kind,
                extension=extension,
                content_type=content_type,
                size=len(data),
                position=position,
                file=ContentFile(data, name=f"{position + 1}.{extension}"),
            )
        return resource, True
