"""The demo's homework diaries (mixed into `DemoLoader`): every demo class keeps one.

Each diary holds the sessions of the last four class days (French primary schools have no
class on Wednesday), each with homework due the next class day, so that "À faire" shows
something whatever day `make run` is started. In the CP de Mme Durand, the frogs' group
("Les grenouilles", made by the writing demo) has homework of its own, and Nathan ticked
the class's reading done. Loaded once: skipped when the class's diary has a session.
"""

from datetime import timedelta

from classrooms.models import NURSERY_LEVELS, PupilGroup
from homework.models import Audience, HomeworkDiaryPage, HomeworkItem, ItemDone, Session

DIARY_TITLE = "Cahier de textes"
GROUP_CLASS = "jaures-cp"
GROUP_NAME = "Les grenouilles"
TICKED_BY = "Nathan"

# (title, what was done, homework for the whole class or "")
ELEMENTARY_WEEK = (
    (
        "Lecture : Le loup qui voulait changer de couleur",
        "Nous avons lu le début de l’album et cherché les mots de couleurs.",
        "Relire la page 4 à voix haute à un adulte.",
    ),
    (
        "Mathématiques : les nombres jusqu’à 100",
        "Nous avons compté de 10 en 10 et rangé les nombres dans le tableau.",
        "Compter de 10 en 10 jusqu’à 100, sans regarder le tableau.",
    ),
    (
        "Questionner le monde : la mare",
        "Nous avons observé les animaux de la mare de l’école et fait un dessin.",
        "Apporter une photo ou un dessin d’un animal de la mare.",
    ),
    (
        "Poésie : « Le hérisson »",
        "Nous avons découvert la poésie et illustré la première strophe.",
        "Apprendre la première strophe de la poésie.",
    ),
)
NURSERY_WEEK = (
    ("Comptine des jours", "Nous avons chanté la comptine des jours de la semaine.", ""),
    (
        "Album : Va-t’en, grand monstre vert !",
        "Nous avons écouté l’histoire et nommé les parties du visage.",
        "Raconter l’histoire du monstre à la maison.",
    ),
    ("Motricité", "Parcours dans la salle de jeux : ramper, sauter, rouler.", ""),
    (
        "Les couleurs de l’automne",
        "Nous avons ramassé des feuilles dans la cour.",
        "Apporter une feuille d’arbre de la promenade.",
    ),
)
GROUP_HOMEWORK = "Groupe des grenouilles : relire votre paragraphe et chercher un adjectif."


def class_days_before(day, count):
    """The last `count` class days up to `day` (Monday, Tuesday, Thursday, Friday)."""
    days = []
    while len(days) < count:
        if day.weekday() in (0, 1, 3, 4):
            days.append(day)
        day -= timedelta(days=1)
    return sorted(days)


def next_class_day(day):
    day += timedelta(days=1)
    while day.weekday() not in (0, 1, 3, 4):
        day += timedelta(days=1)
    return day


class DemoHomework:
    """Loads a homework diary in every demo class, once."""

    def load_homework(self, classroom, spec):
        teacher = self.users[spec.teacher]
        self.page(classroom, HomeworkDiaryPage(title=DIARY_TITLE, slug="cahier-de-textes"), teacher)
        if Session.objects.filter(classroom=classroom).exists():
            return
        week = NURSERY_WEEK if spec.level in NURSERY_LEVELS else ELEMENTARY_WEEK
        days = class_days_before(self.today, len(week))
        first_item = None
        for day, (title, text, homework) in zip(days, week, strict=True):
            session = Session.objects.create(
                classroom=classroom, date=day, title=title, text=text, author=teacher
            )
            # Told already: the demo's families are not sent a notification per session.
            Session.objects.filter(pk=session.pk).update(announced_at=self.now)
            if homework:
                item = HomeworkItem.objects.create(
                    session=session, due_date=next_class_day(day), text=homework
                )
                first_item = first_item or item
            if spec.key == GROUP_CLASS and day == days[-1]:
                group = PupilGroup.objects.filter(classroom=classroom, name=GROUP_NAME).first()
                if group is not None:
                    HomeworkItem.objects.create(
                        session=session,
                        due_date=next_class_day(day),
                        text=GROUP_HOMEWORK,
                        audience=Audience.GROUP,
                        group=group,
                    )
        if spec.key == GROUP_CLASS and first_item is not None:
            ItemDone.objects.get_or_create(item=first_item, pupil=self.pupil(spec.key, TICKED_BY))
        self.created["links"] += 1
