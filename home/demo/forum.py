"""The demo's reading club (mixed into `DemoLoader`): "Club de lecture du cycle 3", created
by the circonscription's pedagogical adviser (Hélène Girard) and shared by the CM1 of
Jean-Jaurès (M. Benali) and the CM2 of the Bourg (M. Garnier), parents reading.

Three books and a question: pupils of both classes replied, a teacher quoted a pupil, some
replies have stickers; one reply of each class waits for its own teacher, so karim.benali
and thomas.garnier each find one in "To review". Loaded once: nothing is done when the
space already exists.
"""

from django.core.files.base import ContentFile
from django.utils.text import slugify

from forum.models import Post, Reading, Status, Sticker, Topic

from . import images

TITLE = "Club de lecture du cycle 3"
CM1 = "jaures-cm1"
CM2 = "bourg-cm2"

# (title, author, cover colours, opened by (class key, first name or None for the
# teacher), text, classes that read it, replies)
# A reply: (class key, first name or None for the teacher, text, status, quotes reply #).
BOOKS = (
    (
        "Le Petit Prince",
        "Antoine de Saint-Exupéry",
        ("#1f4e79", "#f2c14e"),
        (CM1, None),
        "Nous l'avons lu en classe cette période. Quel personnage préférez-vous, et pourquoi ?",
        (CM1, CM2),
        (
            (
                CM1,
                "Inès",
                "Moi c'est le renard, parce qu'il explique ce que veut dire "
                "« apprivoiser ». C'est créer des liens !",
                Status.PUBLISHED,
                None,
            ),
            (
                CM2,
                "Camille",
                "Moi aussi j'aime le renard, mais je préfère la rose : elle "
                "fait sa fière alors qu'elle a peur.",
                Status.PUBLISHED,
                0,
            ),
            (
                CM2,
                None,
                "Bravo Camille, tu as bien vu que la rose cache sa peur. Qui a "
                "remarqué ce que le renard offre au Petit Prince en partant ?",
                Status.PUBLISHED,
                1,
            ),
            (CM1, "Lucas", "Un secret : on ne voit bien qu'avec le cœur.", Status.PUBLISHED, 2),
            (
                CM1,
                "Raphaël",
                "Le businessman est trop bête il compte les étoiles pour rien",
                Status.PENDING,
                None,
            ),
        ),
    ),
    (
        "Matilda",
        "Roald Dahl",
        ("#7a2e8e", "#f28ab2"),
        (CM2, "Yanis"),
        "Je l'ai lu à la maison. Matilda déplace des verres avec ses yeux !",
        (CM2,),
        (
            (
                CM2,
                "Nolan",
                "Mlle Legourdin me fait trop peur, elle lance les élèves par les nattes !",
                Status.PUBLISHED,
                None,
            ),
            (CM1, "Zoé", "Je veux le lire ! Est-ce que c'est dur ?", Status.PUBLISHED, None),
            (
                CM2,
                "Juliette",
                "Non, c'est facile et très drôle. Commence par le chapitre des parents de Matilda.",
                Status.PENDING,
                1,
            ),
        ),
    ),
    (
        "L'Enfant Océan",
        "Jean-Claude Mourlevat",
        ("#0d5c63", "#9fd3c7"),
        (CM1, None),
        "Sept frères qui s'enfuient de chez eux, racontés par des personnes différentes. "
        "Lecture à voix haute en classe.",
        (CM1,),
        (
            (
                CM1,
                "Jules",
                "J'ai aimé que chaque chapitre soit raconté par quelqu'un "
                "d'autre. On devine qui parle.",
                Status.PUBLISHED,
                None,
            ),
        ),
    ),
)
QUESTION = (
    "Quel livre emporterais-tu sur une île déserte ?",
    (CM2, None),
    "Un seul livre ! Dis lequel et pourquoi.",
    (
        (
            CM2,
            "Éthan",
            "Un livre de recettes pour savoir cuisiner les noix de coco.",
            Status.PUBLISHED,
            None,
        ),
        (
            CM1,
            "Lina",
            "Le Petit Prince, parce qu'on peut le relire plein de fois.",
            Status.PUBLISHED,
            None,
        ),
    ),
)


class DemoForum:
    def load_forum(self):
        space, created = self.shared_space(
            TITLE,
            "reading_club",
            [CM1, CM2],
            creator=self.adviser,
            description=(
                "Les élèves du CM1 de Jean-Jaurès et du CM2 du Bourg parlent des livres "
                "qu'ils lisent en classe ou à la maison."
            ),
        )
        if not created:
            return
        day = 12
        for title, author, colours, opener, text, readers, replies in BOOKS:
            topic = self._club_topic(space, opener, title, text, day, book_author=author)
            topic.cover.save(
                f"{slugify(title)}.png", ContentFile(images.book_cover(*colours)), save=True
            )
            for class_key in readers:
                Reading.objects.get_or_create(topic=topic, classroom=self.classrooms[class_key])
            self._club_replies(topic, replies, day)
            day -= 3
        title, opener, text, replies = QUESTION
        topic = self._club_topic(space, opener, title, text, 2, kind=Topic.Kind.QUESTION)
        Topic.objects.filter(pk=topic.pk).update(pinned=True)
        self._club_replies(topic, replies, 2)

    def _club_author(self, class_key, first_name):
        if first_name is None:
            return self.teacher_of(class_key)
        return self.pupil(class_key, first_name)

    def _club_topic(self, space, opener, title, text, days_ago, **fields):
        author = self._club_author(*opener)
        topic = Topic.objects.create(
            space=space,
            title=title,
            text=text,
            classroom=self.classrooms[opener[0]],
            created_by=author,
            author_name=author.display_name,
            **fields,
        )
        at = self.moment(days_ago, 9, 15)
        Topic.objects.filter(pk=topic.pk).update(created_at=at, last_post_at=at)
        return topic

    def _club_replies(self, topic, replies, days_ago):
        made = []
        for number, (class_key, first_name, text, status, quoted) in enumerate(replies):
            author = self._club_author(class_key, first_name)
            post = Post.objects.create(
                topic=topic,
                author=author,
                author_name=author.display_name,
                classroom=self.classrooms[class_key],
                text=text,
                status=status,
                quote=made[quoted] if quoted is not None else None,
                reviewed_by=self.teacher_of(class_key) if status == Status.PUBLISHED else None,
            )
            at = self.moment(max(days_ago - number // 2, 0), 10 + number, 5)
            Post.objects.filter(pk=post.pk).update(created_at=at)
            if status == Status.PUBLISHED:
                Topic.objects.filter(pk=topic.pk).update(last_post_at=at)
            made.append(post)
        for post in made[:2]:
            if post.status == Status.PUBLISHED:
                for class_key, first_name in ((CM1, "Zoé"), (CM2, "Yanis")):
                    Sticker.objects.get_or_create(
                        post=post, user=self.pupil(class_key, first_name), kind="loved"
                    )
