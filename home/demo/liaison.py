"""The demo's carnet de liaison, in Jean-Jaurès (mixed into `DemoLoader`).

M. Lambert, the director, asked every family of the school for permission for the museum
outing (yes or no, an answer needed): four families answered, Nathan's father and
Léa's mother have not yet (the carnet shows them the word first). Mme Durand asked her
CP's families who could come with the class to the swimming pool (a choice, no answer
needed); Manon's mother answered.

Written through `liaison.services`, as the pages would, without telling anyone by e-mail
(the bell rings for the families still to read, as if they had been told). Loaded once:
a word is skipped when its author already wrote one with its title.
"""

from dataclasses import dataclass
from datetime import timedelta

from liaison import notices, services
from liaison.models import Acknowledgement, Word
from notifications.models import Notification
from notifications.unread import forget_unread

from . import data as content

# --- The story ------------------------------------------------------------------------

CP = "jaures-cp"


@dataclass(frozen=True)
class DemoWord:
    author: str  # "director" (of the CP's school) or "teacher" (of the CP)
    audience: str
    title: str
    text: str
    question: str
    choices: tuple = ()
    needs_answer: bool = False
    days_ago: int = 1
    # (class key, first name of the pupil, answer): the pupil's first parent acknowledged.
    answers: tuple = ()


WORDS = (
    DemoWord(
        author="director",
        audience=Word.Audience.SCHOOL,
        title="Sortie au musée des Beaux-Arts : autorisation",
        text=(
            "Madame, Monsieur,\n\n"
            "Toutes les classes de l'école iront au musée des Beaux-Arts le jeudi 14 mai, "
            "en car, de 9 h à 16 h. Le pique-nique est fourni par la cantine.\n\n"
            "Merci de nous dire si vous autorisez votre enfant à participer à cette sortie.\n\n"
            "Olivier Lambert, directeur"
        ),
        question=Word.Question.YES_NO,
        needs_answer=True,
        days_ago=3,
        answers=(
            ("jaures-cp", "Chloé", "yes"),
            ("jaures-cp", "Adam", "yes"),
            ("jaures-cm1", "Lucas", "no"),
            ("jaures-cm1", "Inès", "yes"),
        ),
    ),
    DemoWord(
        author="teacher",
        audience=Word.Audience.CLASS,
        title="Piscine : des parents pour accompagner",
        text=(
            "Bonjour,\n\nLes séances de piscine commencent la semaine prochaine. Il nous "
            "faut deux parents agréés pour accompagner la classe. Pensez aussi au bonnet "
            "de bain !\n\nClaire Durand"
        ),
        question=Word.Question.CHOICE,
        choices=("Le mardi", "Le jeudi", "Je ne peux pas"),
        days_ago=1,
        answers=(("jaures-cp", "Manon", "Le jeudi"),),
    ),
)


# --- The loader -----------------------------------------------------------------------


class DemoLiaison:
    """Loads the demo's words to parents and their acknowledgements, once each."""

    def load_liaison(self):
        classroom = self.classrooms[CP]
        school = classroom.get_parent().specific
        spec = next(c for s in content.SCHOOLS for c in s.classes if c.key == CP)
        director = next(s.director for s in content.SCHOOLS if spec in s.classes)
        authors = {"director": self.users[director], "teacher": self.users[spec.teacher]}
        for story in WORDS:
            author = authors[story.author]
            if Word.objects.filter(author=author, title=story.title).exists():
                continue
            word = services.send_word(
                author=author,
                school=school,
                classroom=None if story.audience == Word.Audience.SCHOOL else classroom,
                audience=story.audience,
                title=story.title,
                text=story.text,
                question=story.question,
                choices=story.choices,
                needs_answer=story.needs_answer,
                tell=False,
            )
            at = self.moment(story.days_ago, 8, 30)
            Word.objects.filter(pk=word.pk).update(created_at=at)
            answered = set()
            for class_key, first_name, answer in story.answers:
                pupil = self.pupils[class_key, first_name]
                parent = self.users[self.guardians[pupil][0]]
                services.acknowledge(word, self.users[pupil].pk, parent, answer)
                answered.add(self.users[pupil].pk)
            read_at = min(at + timedelta(hours=11), self.now)
            Acknowledgement.objects.filter(word=word).update(
                acknowledged_at=read_at, answered_at=read_at
            )
            self.ring_bells(word, answered, at)
            self.created["links"] += 1

    def ring_bells(self, word, answered, at):
        """The bell of the families still to read, as if they had been told (no e-mail)."""
        rows = []
        for concern in word.concerns.exclude(child_id__in=answered).select_related("child"):
            for guardianship in concern.child.guardians.select_related("parent"):
                rows.append(
                    Notification(
                        recipient=guardianship.parent,
                        kind=notices.NEW,
                        url=notices.word_url(word.pk, concern.child_id),
                        params={
                            "title": word.title,
                            "child": concern.child.first_name,
                            "author": word.author.get_full_name(),
                        },
                    )
                )
        made = Notification.objects.bulk_create(rows)
        Notification.objects.filter(pk__in=[row.pk for row in made]).update(created_at=at)
        forget_unread({row.recipient_id for row in rows})
