"""The demo's class newspaper (mixed into `DemoLoader`, on home/demo/shared_spaces.py).

"Le Petit Journal des Pins", shared by the CP of Mme Durand and the CM1 of M. Benali,
read by their families: issue N° 1 is published for the families, four approved articles
in three sections (one written by a group of CM1 pupils, one with a photo); Inès's
article waits for M. Benali's review, and Tom is still writing his draft. Loaded once:
nothing is added when the space already exists.
"""

import io
from datetime import timedelta

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from newspaper.models import Article, ArticleMedia, Issue, IssueArticle

CP, CM1 = "jaures-cp", "jaures-cm1"
SCHOOL_LIFE, OUTINGS, READINGS = "La vie de l'école", "Nos sorties", "Nos lectures"

# (class key, authors' first names, section, title, text, status, with a photo)
ARTICLES = (
    (
        CM1,
        ("Lucas", "Zoé", "Jules"),
        SCHOOL_LIFE,
        "Le potager de l'école a poussé",
        "Au printemps, nous avons semé des radis, des salades et des tomates dans les bacs "
        "de la cour. Chaque classe arrose à son tour. Les radis sont déjà prêts : nous "
        "les avons goûtés à la cantine !",
        Article.Status.APPROVED,
        True,
    ),
    (
        CP,
        ("Chloé",),
        SCHOOL_LIFE,
        "Mon premier livre lu toute seule",
        "J'ai lu « Le loup qui voulait changer de couleur ». Le loup essaie toutes les "
        "couleurs. À la fin, il préfère rester lui-même.",
        Article.Status.APPROVED,
        False,
    ),
    (
        CM1,
        ("Raphaël",),
        OUTINGS,
        "Au musée des Beaux-Arts",
        "Jeudi, toute l'école est allée au musée en car. Nous avons vu de très grands "
        "tableaux et une statue de cheval. Mon tableau préféré montre la mer en tempête.",
        Article.Status.APPROVED,
        False,
    ),
    (
        CP,
        ("Adam", "Manon"),
        READINGS,
        "Nous vous conseillons « Les trois brigands »",
        "C'est l'histoire de trois brigands qui volent tout le monde, jusqu'au jour où ils "
        "rencontrent Tiffany. Les dessins sont bleus et noirs. On adore la fin !",
        Article.Status.APPROVED,
        False,
    ),
    (
        CM1,
        ("Inès",),
        OUTINGS,
        "La piscine du jeudi",
        "Le jeudi, nous allons à la piscine. J'ai appris à plonger pour chercher les "
        "anneaux au fond du petit bassin.",
        Article.Status.SUBMITTED,
        False,
    ),
    (
        CP,
        ("Tom",),
        "",
        "Mon chat Réglisse",
        "Mon chat s'appelle Réglisse. Il est tout noir et il dort sur mon lit.",
        Article.Status.DRAFT,
        False,
    ),
)


def garden_photo():
    """A drawing of the school's garden (no child in it): green beds under a blue sky."""
    image = Image.new("RGB", (640, 400), "#9fd3f0")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 250, 640, 400), fill="#7a5230")
    for left in range(40, 600, 150):
        draw.rectangle((left, 270, left + 110, 360), fill="#4f8a3c")
        for x in range(left + 15, left + 110, 25):
            draw.ellipse((x - 8, 285, x + 8, 301), fill="#d6453d")
    draw.ellipse((520, 30, 600, 110), fill="#f7d046")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


class DemoNewspaper:
    def load_newspaper(self):
        space, created = self.shared_space(
            "Le Petit Journal des Pins",
            "newspaper",
            [CP, CM1],
            description=(
                "Le journal des CP et des CM1 de l'école Jean-Jaurès : les élèves écrivent, "
                "les maîtres relisent, les familles lisent."
            ),
            parents_read=True,
        )
        if not created:
            return space
        teachers = {CP: self.teacher_of(CP), CM1: self.teacher_of(CM1)}
        published = []
        for class_key, names, section, title, text, status, photo in ARTICLES:
            article = Article.objects.create(
                space=space,
                classroom=self.classrooms[class_key],
                title=title,
                body=text,
                section=section,
                status=status,
                reviewed_by=teachers[class_key] if status == Article.Status.APPROVED else None,
            )
            article.authors.set([self.pupil(class_key, name) for name in names])
            if photo:
                data = garden_photo()
                ArticleMedia.objects.create(
                    article=article,
                    kind=ArticleMedia.Kind.PHOTO,
                    name="potager.jpg",
                    content_type="image/jpeg",
                    size=len(data),
                    file=ContentFile(data, name="potager.jpg"),
                )
            if status == Article.Status.APPROVED:
                published.append(article)
        issue = Issue.objects.create(
            space=space,
            number=1,
            title="Le numéro du printemps",
            audience=Issue.Audience.FAMILIES,
            published_at=self.now - timedelta(days=2),
            created_by=teachers[CM1],
        )
        for position, article in enumerate(published, start=1):
            IssueArticle.objects.create(
                issue=issue, article=article, section=article.section, position=position
            )
        return space
