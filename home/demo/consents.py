"""The families' answers in the demo (consents/): every pupil has some, so that sharing
an entry with the school or the public meets them as it would in a school.

Most families say yes for the school community; for the public the answers are mixed,
drawn from the child's name so that every run gives the same ones. Nathan's family
(vincent.moreau) allows his voice in public: his reading of a poem is a public entry of
Jean-Jaurès CP, which the family can take back from its space. A pupil's answers are
written only when the pupil has none: what a person changed while trying the demo is
kept when the loader runs again.
"""

from zlib import crc32

from consents import answers
from consents.models import ConsentChange, PupilConsent

# Pupils whose public answers the demo's story needs: (class key, first name) → answers.
STORY = {
    ("jaures-cp", "Nathan"): {"photo_public": True, "voice_public": True, "video_public": False},
}


def drawn_answers(first_name, last_name) -> dict[str, bool]:
    """Yes for the school (the full name too, but one family in ten says no to videos);
    for the public, photos and voice for about two thirds, videos for a third, never the
    full name."""
    draw = crc32(f"{first_name} {last_name}".encode()) % 30
    return {
        "photo_school": True,
        "voice_school": True,
        "video_school": draw % 10 != 3,
        "full_name_school": True,
        "photo_public": draw % 3 != 0,
        "voice_public": draw % 3 != 1,
        "video_public": draw % 3 == 2,
        "full_name_public": False,
    }


class DemoConsents:
    def load_consents(self):
        """Before the classes' entries: an entry shared beyond its class needs them."""
        pupils = {
            self.users[pupil]: (class_key, pupil)
            for (class_key, _first), pupil in self.pupils.items()
        }
        answered = set(
            PupilConsent.objects.filter(pupil__in=list(pupils)).values_list("pupil_id", flat=True)
        )
        for user, (class_key, pupil) in pupils.items():
            if user.pk in answered:
                continue
            values = drawn_answers(pupil.first_name, pupil.last_name)
            values.update(STORY.get((class_key, pupil.first_name), {}))
            parents = self.guardians.get(pupil) or []
            parent = self.users[parents[0]] if parents else None
            answers.record(
                user,
                values,
                by=parent,
                source=ConsentChange.Source.PARENT if parent else ConsentChange.Source.STAFF,
            )
