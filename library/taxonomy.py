"""The library's uniform vocabulary: kinds, cycles, subjects with their programme
domains, and Creative Commons licences.

Why fixed lists: a director asked that shared files be "named and described uniformly"
(issue 22). Free text would give "maths", "Maths", "mathématiques"; choices give one
name per thing, which search filters and derived file names rely on. Domains follow the
2020 programmes of cycles 2 and 3, one list per subject (a short "other" is allowed).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from classrooms.models import Level


class Kind(models.TextChoices):
    DOCUMENT = "document", _("Document")
    AUDIO = "audio", _("Audio")
    VIDEO = "video", _("Video")
    IMAGES = "images", _("Image set")
    LINK = "link", _("Link")
    EXERCISE = "exercise", _("Exercise template")
    WRITING = "writing", _("Writing assignment template")


FILE_KINDS = frozenset({Kind.DOCUMENT, Kind.AUDIO, Kind.VIDEO, Kind.IMAGES})
TEMPLATE_KINDS = frozenset({Kind.EXERCISE, Kind.WRITING})


class Cycle(models.TextChoices):
    C1 = "1", _("Cycle 1 (nursery)")
    C2 = "2", _("Cycle 2 (CP, CE1, CE2)")
    C3 = "3", _("Cycle 3 (CM1, CM2)")


CYCLE_LEVELS = {
    Cycle.C1: (Level.TPS, Level.PS, Level.MS, Level.GS),
    Cycle.C2: (Level.CP, Level.CE1, Level.CE2),
    Cycle.C3: (Level.CM1, Level.CM2),
}


def cycle_of(level) -> str:
    for cycle, levels in CYCLE_LEVELS.items():
        if level in levels:
            return cycle
    return ""


class Subject(models.TextChoices):
    FRENCH = "francais", _("French")
    MATHS = "mathematiques", _("Mathematics")
    WORLD = "questionner-le-monde", _("Exploring the world")
    SCIENCE = "sciences-et-technologie", _("Science and technology")
    HISTORY = "histoire-geographie", _("History and geography")
    CIVICS = "emc", _("Moral and civic education")
    ARTS = "arts-plastiques", _("Visual arts")
    MUSIC = "education-musicale", _("Music")
    PE = "eps", _("Physical education")
    LANGUAGES = "langues-vivantes", _("Modern languages")


class Domain(models.TextChoices):
    """Programme domains, grouped by subject in DOMAINS_BY_SUBJECT."""

    LANGUAGE = "langage-oral", _("Oral language")
    READING = "lecture", _("Reading and understanding written texts")
    WRITING = "ecriture", _("Writing")
    LANGUAGE_STUDY = "etude-de-la-langue", _("Language study (grammar, spelling, vocabulary)")
    NUMBERS = "nombres-et-calculs", _("Numbers and calculations")
    MEASURES = "grandeurs-et-mesures", _("Quantities and measures")
    SPACE = "espace-et-geometrie", _("Space and geometry")
    LIVING = "le-vivant", _("Living things")
    MATTER = "la-matiere", _("Matter")
    OBJECTS = "les-objets", _("Objects and technology")
    TIME = "le-temps", _("Time")
    SPACE_WORLD = "l-espace", _("Space and places")
    HISTORY = "histoire", _("History")
    GEOGRAPHY = "geographie", _("Geography")
    CIVICS = "vivre-ensemble", _("Living together, rights and duties")
    ARTS = "pratiques-artistiques", _("Artistic practice")
    LISTENING = "ecouter-chanter", _("Listening and singing")
    MOVING = "activites-physiques", _("Physical activities")
    SPEAKING = "comprendre-parler", _("Understanding and speaking")
    OTHER = "autre", _("Other")


DOMAINS_BY_SUBJECT = {
    Subject.FRENCH: (Domain.LANGUAGE, Domain.READING, Domain.WRITING, Domain.LANGUAGE_STUDY),
    Subject.MATHS: (Domain.NUMBERS, Domain.MEASURES, Domain.SPACE),
    Subject.WORLD: (Domain.LIVING, Domain.MATTER, Domain.OBJECTS, Domain.TIME, Domain.SPACE_WORLD),
    Subject.SCIENCE: (Domain.LIVING, Domain.MATTER, Domain.OBJECTS),
    Subject.HISTORY: (Domain.HISTORY, Domain.GEOGRAPHY),
    Subject.CIVICS: (Domain.CIVICS,),
    Subject.ARTS: (Domain.ARTS,),
    Subject.MUSIC: (Domain.LISTENING,),
    Subject.PE: (Domain.MOVING,),
    Subject.LANGUAGES: (Domain.SPEAKING,),
}


class Licence(models.TextChoices):
    BY = "cc-by", "CC BY"
    BY_SA = "cc-by-sa", "CC BY-SA"
    BY_NC = "cc-by-nc", "CC BY-NC"
    BY_NC_SA = "cc-by-nc-sa", "CC BY-NC-SA"
    BY_ND = "cc-by-nd", "CC BY-ND"
    BY_NC_ND = "cc-by-nc-nd", "CC BY-NC-ND"
    CC0 = "cc0", "CC0"


LICENCE_URLS = {
    Licence.BY: "https://creativecommons.org/licenses/by/4.0/deed.fr",
    Licence.BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/deed.fr",
    Licence.BY_NC: "https://creativecommons.org/licenses/by-nc/4.0/deed.fr",
    Licence.BY_NC_SA: "https://creativecommons.org/licenses/by-nc-sa/4.0/deed.fr",
    Licence.BY_ND: "https://creativecommons.org/licenses/by-nd/4.0/deed.fr",
    Licence.BY_NC_ND: "https://creativecommons.org/licenses/by-nc-nd/4.0/deed.fr",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/deed.fr",
}


class Scope(models.TextChoices):
    SCHOOL = "school", _("My school only")
    PORTAL = "portal", _("The whole portal")


# Durations a search offers (minutes, at most).
DURATIONS = (15, 30, 45, 60, 90)
