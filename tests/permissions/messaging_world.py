"""Messaging's part of the permission matrix's world (issue 19), built by conftest.py.

In class A1 (the class under test), with the world's people:
- the parent of the class's pupil wrote to the class's teacher, who answered with a
  document;
- the class's teacher wrote to the class's pupil, with a photo;
- the class allows its pupils to write to each other: the class's pupil wrote to a
  classmate (not a role of the matrix), who answered with a voice message and then with
  a hurtful one the class's pupil reported (it waits in the teacher's report queue).

The school's town is the municipality's, so that its agent and its director may write
to each other; school B lies in another town. Only ids, URLs, words and bytes leave the
builder.
"""

from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.urls import reverse

from classrooms.models import Membership
from messaging import services
from messaging.models import Attachment, ClassMessaging
from tests import factories

from .matrix import (
    AGENT,
    DIRECTOR,
    PARENT,
    PARENT_OTHER_CLASS,
    PUPIL,
    PUPIL_OTHER_SCHOOL,
    TEACHER,
)

SCHOOL_TOWN = "Saint-Aubin-des-Prés"
OTHER_TOWN = "Le Bourg-sur-Loire"


@dataclass(frozen=True)
class Thread:
    """A conversation as requests see it. Nobody refused may read its subject, nor the
    words of its first message (`body`); `message_id` is the message reported."""

    name: str
    conversation_id: int
    subject: str
    body: str
    message_id: int

    @property
    def url(self):
        return reverse("messaging:conversation", kwargs={"conversation_id": self.conversation_id})


@dataclass(frozen=True)
class AttachedFile:
    name: str
    url: str
    content: bytes
    content_type: str
    file_name: str


@dataclass(frozen=True)
class MessagingWorld:
    threads: dict  # object name → Thread
    files: dict  # object name → AttachedFile
    recipients: dict  # object name → user id
    classroom_id: int  # class A1: its rules, its pupils' conversations
    report_id: int  # the report waiting in the class teacher's queue
    reported_words: str  # the words of the reported message: the queue shows them


def attach(message, name, kind, file_name, content_type, content):
    attachment = Attachment.objects.create(
        message=message,
        kind=kind,
        name=file_name,
        content_type=content_type,
        size=len(content),
        file=ContentFile(content, name=file_name),
    )
    url = reverse(
        "messaging:attachment", kwargs={"attachment_id": attachment.pk, "name": file_name}
    )
    return AttachedFile(name, url, content, content_type, file_name)


def build_messaging_world(users, classroom):
    """Conversations, files and a report of class A1, written through messaging's services
    (which check the rules as the views do)."""
    classmate = factories.UserFactory(
        username="classmate_of_pupil", first_name="Hugo", last_name="Lenoir"
    )
    factories.MembershipFactory(user=classmate, classroom=classroom, role=Membership.Role.PUPIL)
    ClassMessaging.objects.create(classroom=classroom, pupils_write_to_classmates=True)

    threads, files = {}, {}

    def thread(name, starter, to, subject, body):
        conversation, _rows = services.start(starter, [to.pk], subject=subject, body=body)
        first = conversation.messages.get()
        threads[name] = Thread(name, conversation.pk, subject, body, first.pk)
        return conversation

    conversation = thread(
        "parent_conversation",
        users[PARENT],
        users[TEACHER],
        "Absence de Léa jeudi",
        "<p>Léa ira chez l’orthophoniste jeudi matin.</p>",
    )
    answer = services.post(
        users[TEACHER], conversation, body="<p>Merci, voici la liste des fournitures.</p>"
    )
    files["document_attachment"] = attach(
        answer,
        "document_attachment",
        Attachment.Kind.DOCUMENT,
        "fournitures.pdf",
        "application/pdf",
        b"%PDF-1.4 liste des fournitures du CP",
    )
    conversation = thread(
        "pupil_conversation",
        users[TEACHER],
        users[PUPIL],
        "Ta poésie du printemps",
        "<p>Bravo pour ta récitation, Léa !</p>",
    )
    files["photo_attachment"] = attach(
        conversation.messages.get(),
        "photo_attachment",
        Attachment.Kind.PHOTO,
        "recitation.jpg",
        "image/jpeg",
        b"\xff\xd8\xff\xe0 photo de la recitation",
    )
    # Started by the pupil: the classmate's answer is the message others report.
    conversation, _rows = services.start(
        users[PUPIL],
        [classmate.pk],
        subject="Les cartes de la récré",
        body="<p>On échange nos cartes à la récré ?</p>",
    )
    answer = services.post(classmate, conversation, body="<p>Oui, apporte tes dragons.</p>")
    threads["classmates_conversation"] = Thread(
        "classmates_conversation",
        conversation.pk,
        "Les cartes de la récré",
        "<p>On échange nos cartes à la récré ?</p>",
        answer.pk,
    )
    files["voice_attachment"] = attach(
        answer,
        "voice_attachment",
        Attachment.Kind.AUDIO,
        "dragons.webm",
        "audio/webm",
        b"\x1aE\xdf\xa3 voix de Hugo",
    )
    reported_words = "Tu es nul aux billes, personne ne veut jouer avec toi."
    hurtful = services.post(classmate, conversation, body=f"<p>{reported_words}</p>")
    report, _created = services.report(users[PUPIL], hurtful, "Il est méchant.")
    assert list(report.handlers.all()) == [users[TEACHER]]
    recipients = {
        "teacher_recipient": users[TEACHER].pk,
        "parent_recipient": users[PARENT].pk,
        "pupil_recipient": users[PUPIL].pk,
        "director_recipient": users[DIRECTOR].pk,
        "agent_recipient": users[AGENT].pk,
        "other_class_parent_recipient": users[PARENT_OTHER_CLASS].pk,
        "other_school_pupil_recipient": users[PUPIL_OTHER_SCHOOL].pk,
    }
    return MessagingWorld(
        threads=threads,
        files=files,
        recipients=recipients,
        classroom_id=classroom.pk,
        report_id=report.pk,
        reported_words=reported_words,
    )
