"""The demo's messaging, in Jean-Jaurès (mixed into `DemoLoader`).

Nathan, of Mme Durand's CP, is ill at home: his father writes to say so and gets an
answer he has not read yet, and Mme Durand sends Nathan a short video (a generated test
picture and tone, `media/`, standing for hers). In M. Benali's CM1, whose pupils may
write to each other under the class charter, the class talks about its exposé on the
water cycle, and three pupils' own conversation holds an unkind message that one of them
reported: the report waits for M. Benali.

Everything is written through `messaging.services`, as the pages would, inside
`notices.no_emails()` (nobody is e-mailed about a story), then dated back to the recent
days the story tells, with who read what. The story comes first, the loader below it. A
conversation is written once: skipped when its starter already has one with its subject.
"""

from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Max

from messaging import attachments, live, notices, services
from messaging.models import (
    ClassMessaging,
    Conversation,
    Message,
    Participant,
    Report,
)
from notifications.models import Notification

from . import data as content

# --- The story ------------------------------------------------------------------------

CP, CM1 = "jaures-cp", "jaures-cm1"
VIDEO = Path(__file__).resolve().parent / "media" / "un-petit-mot-pour-nathan.mp4"

CM1_CHARTER = (
    "Dans notre classe, quand j'écris un message :\n"
    "1. J'écris gentiment, comme si je parlais à la personne en face de moi.\n"
    "2. Je ne donne jamais mon adresse, mon numéro de téléphone ni mon mot de passe.\n"
    "3. Je n'écris pas après 20 heures : à cette heure-là, on se repose.\n"
    "4. Si un message me rend triste ou mal à l'aise, je le signale et j'en parle à un "
    "adulte.\n"
    "5. M. Benali peut lire les messages que nous nous écrivons entre élèves."
)


@dataclass(frozen=True)
class Said:
    """One message: who wrote it (a reference, see `DemoMessaging.person`), when (days
    before today, hour, minute), its text, and the demo video when `video`."""

    who: str
    days_ago: int
    hour: int
    minute: int
    text: str
    video: bool = False


@dataclass(frozen=True)
class Story:
    """A conversation: its subject, who starts it and who is in it, its messages, how
    many of them each person read (everyone read all of them unless told), and a report
    of one message (its index, who reports it, why, minutes after the message)."""

    subject: str
    starter: str
    others: tuple
    said: tuple
    read: dict = field(default_factory=dict)
    report: tuple = ()


NATHAN = f"pupil:{CP}:Nathan"
NATHANS_FATHER = f"parent:{CP}:Nathan"
MME_DURAND = f"teacher:{CP}"
M_BENALI = f"teacher:{CM1}"
CM1_PUPILS = tuple(
    f"pupil:{CM1}:{first_name}"
    for first_name in ("Lucas", "Inès", "Jules", "Zoé", "Raphaël", "Lina")
)
LUCAS, INES, JULES, ZOE, RAPHAEL, LINA = CM1_PUPILS

STORIES = (
    Story(
        subject="Absence de Nathan",
        starter=NATHANS_FATHER,
        others=(MME_DURAND,),
        said=(
            Said(
                NATHANS_FATHER,
                2,
                7,
                42,
                "<p>Bonjour Madame Durand,</p><p>Nathan a de la fièvre depuis cette nuit : "
                "il restera à la maison aujourd’hui et sans doute demain. Pourriez-vous nous "
                "dire ce qu’il pourra rattraper ?</p><p>Merci, bonne journée.<br>Vincent "
                "Moreau</p>",
            ),
            Said(
                MME_DURAND,
                2,
                8,
                20,
                "<p>Bonjour Monsieur Moreau, merci de m’avoir prévenue. Soignez-le bien ! Je "
                "vous écrirai demain ce que nous aurons fait en classe.</p>",
            ),
            Said(
                MME_DURAND,
                1,
                16,
                50,
                "<p>Voici ce que nous avons fait : la lecture de la page 34 et les mots "
                "« canard », « mare » et « plume ». Pas de devoirs écrits : s’il va mieux, "
                "il peut relire avec vous son texte « Le canard » sur le blog de la classe.</p>"
                "<p>Je lui ai aussi envoyé un petit mot dans sa messagerie.</p>",
            ),
        ),
        # Her last answer waits for him.
        read={NATHANS_FATHER: 2},
    ),
    Story(
        subject="Un petit mot pour Nathan",
        starter=MME_DURAND,
        others=(NATHAN,),
        said=(
            Said(
                MME_DURAND,
                1,
                16,
                40,
                "<p>Bonjour Nathan ! Toute la classe pense à toi. Regarde la petite vidéo, "
                "repose-toi bien, et à bientôt !</p>",
                video=True,
            ),
        ),
        read={NATHAN: 0},
    ),
    Story(
        subject="Notre exposé sur le cycle de l'eau",
        starter=M_BENALI,
        others=CM1_PUPILS,
        said=(
            Said(
                M_BENALI,
                3,
                16,
                45,
                "<p>Bonjour à tous ! Pour notre exposé sur le cycle de l’eau, voici le plan "
                "du tableau : 1. l’évaporation, 2. la condensation et les nuages, 3. les "
                "précipitations, 4. le ruissellement et les nappes d’eau.</p><p>Chacun "
                "cherche une image ou une information pour sa partie. Posez vos questions "
                "ici.</p>",
            ),
            Said(
                INES,
                2,
                17,
                30,
                "<p>Pour l’évaporation j’ai trouvé que le soleil chauffe l’eau de la mer et "
                "qu’elle monte dans l’air en vapeur.</p>",
            ),
            Said(
                LUCAS,
                2,
                18,
                5,
                "<p>Moi je fais les nuages. Est-ce qu’on peut faire une expérience avec une "
                "casserole et un couvercle ?</p>",
            ),
            Said(
                M_BENALI,
                1,
                8,
                10,
                "<p>Très bonne idée, Lucas : nous ferons l’expérience en classe jeudi, avec "
                "un couvercle bien froid. Bravo Inès ! Note bien d’où vient ton "
                "information.</p>",
            ),
            Said(
                ZOE,
                1,
                17,
                15,
                "<p>Je fais les précipitations avec Lina. On peut dessiner la pluie, la neige "
                "et la grêle ?</p>",
            ),
        ),
        # Zoé's question waits for M. Benali; Jules and Raphaël have not read it all.
        read={M_BENALI: 4, JULES: 1, RAPHAEL: 0, LINA: 4},
    ),
    Story(
        subject="Les équipes de foot à la récré",
        starter=LUCAS,
        others=(JULES, RAPHAEL),
        said=(
            Said(
                LUCAS,
                2,
                17,
                40,
                "<p>Demain à la récré on fait les équipes ? Je prends Jules !</p>",
            ),
            Said(RAPHAEL, 2, 17, 52, "<p>Moi aussi je veux être avec Jules.</p>"),
            Said(
                JULES,
                2,
                18,
                1,
                "<p>Raphaël tu cours trop lentement, on ne veut pas de toi dans l’équipe.</p>",
            ),
            Said(
                LUCAS,
                2,
                18,
                20,
                "<p>On tirera les équipes au sort, comme ça c’est juste pour tout le monde.</p>",
            ),
        ),
        report=(2, RAPHAEL, "Ça m’a fait de la peine.", 6),
    ),
)


# --- The loader -----------------------------------------------------------------------


class DemoMessaging:
    """Loads the demo's conversations, the CM1's rules and a report, once each."""

    def load_messaging(self):
        _rules, created = ClassMessaging.objects.get_or_create(
            classroom=self.classrooms[CM1],
            defaults={"pupils_write_to_classmates": True, "charter": CM1_CHARTER},
        )
        self.created["links"] += created
        with notices.no_emails():
            for story in STORIES:
                self.load_conversation(story)

    def person(self, reference):
        """ "teacher:<class key>", "pupil:<class key>:<first name>" or
        "parent:<class key>:<first name>" (the pupil's first parent) → their account."""
        role, class_key, *first_name = reference.split(":")
        if role == "teacher":
            spec = next(
                c for school in content.SCHOOLS for c in school.classes if c.key == class_key
            )
            return self.users[spec.teacher]
        pupil = self.pupils[class_key, first_name[0]]
        return self.users[self.guardians[pupil][0] if role == "parent" else pupil]

    def demo_conversations(self):
        """(subject, usernames of its people) of each conversation, for the summary."""
        return [
            (story.subject, [self.person(ref).username for ref in (story.starter, *story.others)])
            for story in STORIES
        ]

    def load_conversation(self, story):
        starter = self.person(story.starter)
        if Conversation.objects.filter(started_by=starter, subject=story.subject).exists():
            return
        people = {ref: self.person(ref) for ref in (story.starter, *story.others)}
        times = [self.moment(said.days_ago, said.hour, said.minute) for said in story.said]
        conversation = None
        messages = []
        for said, at in zip(story.said, times, strict=True):
            before = self.last_notification_id()
            files = {"recordings": [self.demo_video()]} if said.video else None
            if conversation is None:
                conversation, _rows = services.start(
                    starter,
                    [people[ref].pk for ref in story.others],
                    subject=story.subject,
                    body=said.text,
                    files=files,
                )
                message = conversation.messages.get()
            else:
                message = services.post(people[said.who], conversation, body=said.text, files=files)
            Message.objects.filter(pk=message.pk).update(created_at=at)
            self.date_notifications(before, at)
            messages.append((people[said.who].pk, at))
        if story.report:
            index, reporter, reason, minutes = story.report
            reported = conversation.messages.order_by("created_at", "pk")[index]
            before = self.last_notification_id()
            report, _created = services.report(people[reporter], reported, reason)
            at = min(times[index] + timedelta(minutes=minutes), self.now)
            Report.objects.filter(pk=report.pk).update(created_at=at)
            self.date_notifications(before, at)
        self.date_conversation(conversation, story, people, messages)
        self.created["conversations"] += 1

    def date_conversation(self, conversation, story, people, messages):
        """The conversation's times and each person's read mark, as the story tells."""
        Conversation.objects.filter(pk=conversation.pk).update(
            created_at=messages[0][1], last_message_at=messages[-1][1]
        )
        for ref, user in people.items():
            read = story.read.get(ref, len(messages))
            own = [i + 1 for i, (author, _at) in enumerate(messages) if author == user.pk]
            read = max(read, *own) if own else read
            from_others = [at for author, at in messages if author != user.pk]
            Participant.objects.filter(conversation=conversation, user=user).update(
                read_until=messages[read - 1][1] if read else None,
                news_at=max(from_others) if from_others else None,
            )
        live.changed(people=[user.pk for user in people.values()], conversations=[conversation.pk])

    def demo_video(self):
        """The demo video, checked by its bytes as an upload would be."""
        upload = SimpleUploadedFile(VIDEO.name, VIDEO.read_bytes(), content_type="video/mp4")
        return attachments.clean_recording(upload, "video")

    @staticmethod
    def last_notification_id():
        return Notification.objects.aggregate(last=Max("pk"))["last"] or 0

    @staticmethod
    def date_notifications(after_id, at):
        """The bell rang when the message was written, not when the demo was loaded."""
        Notification.objects.filter(pk__gt=after_id).update(created_at=at)
