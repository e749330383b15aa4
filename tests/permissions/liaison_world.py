"""Words to parents' part of the permission matrix's world (issue 20), built by conftest.py.

In school A, with the world's people:
- the class's teacher wrote a word with a yes/no question and a PDF to the families of
  class A1 (the class under test): it concerns the class's pupil;
- the school's director wrote a word to the whole school.
Nobody acknowledged either. Only ids, URLs, words and bytes leave the builder.
"""

from dataclasses import dataclass

from django.core.files.base import ContentFile

from liaison.models import Word, WordConcern, WordFile

from .matrix import DIRECTOR, PUPIL, PUPIL_OTHER_CLASS, TEACHER

PDF = b"%PDF-1.4\n% autorisation de sortie au zoo\n"


@dataclass(frozen=True)
class LiaisonWorld:
    words: dict  # object name → (word id, its title, its text)
    file_id: int
    file_name: str
    content: bytes
    child_id: int  # the class's pupil: the word's address names the child
    classroom_id: int
    school_id: int


def build_liaison_world(users, school, classroom, other_classroom):
    class_word = Word.objects.create(
        author=users[TEACHER],
        school=school,
        classroom=classroom,
        audience=Word.Audience.CLASS,
        title="Sortie au zoo de la classe",
        text="Nous irons voir les girafes mardi.",
        question=Word.Question.YES_NO,
        needs_answer=True,
    )
    WordConcern.objects.create(word=class_word, child=users[PUPIL], classroom=classroom)
    stored = WordFile.objects.create(
        word=class_word,
        kind=WordFile.Kind.DOCUMENT,
        name="autorisation.pdf",
        content_type="application/pdf",
        size=len(PDF),
        file=ContentFile(PDF, name="autorisation.pdf"),
    )
    school_word = Word.objects.create(
        author=users[DIRECTOR],
        school=school,
        audience=Word.Audience.SCHOOL,
        title="Fête de l'école en juin",
        text="La fête aura lieu le samedi 20 juin.",
    )
    WordConcern.objects.create(word=school_word, child=users[PUPIL], classroom=classroom)
    WordConcern.objects.create(
        word=school_word, child=users[PUPIL_OTHER_CLASS], classroom=other_classroom
    )
    return LiaisonWorld(
        words={
            "class_word": (class_word.pk, class_word.title, class_word.text),
            "school_word": (school_word.pk, school_word.title, school_word.text),
        },
        file_id=stored.pk,
        file_name=stored.name,
        content=PDF,
        child_id=users[PUPIL].pk,
        classroom_id=classroom.pk,
        school_id=school.pk,
    )
