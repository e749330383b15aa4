"""French elision of "de" before a person's name: « d’Adam », « d’Élodie », « de Léa ».

Two ways to use it. A new sentence is written around the whole ("Progress %(of_name)s",
`of_name` in templatetags/french.py). An existing one keeps its "de %(name)s": the sentence
is made first, then `elide()` rewrites "de Adam" into "d’Adam" for the names it is
given (only those: "de Internet" in a sentence is left alone) — no new msgid, and the
same sentence works in Python and in templates (`{{ sentence|elide:name }}`).

The choice for names: elide before a vowel, accented or not (A, É, Î, Œ...); before
"Y" followed by a consonant (« d’Yves », but « de Yanis », « de Yasmine »); before "H"
except a few names said with an aspirated h in French (« de Hugues », « de Hamid »). A
name with a mute h not in the list is elided (« d’Hélène », « d’Hugo »): that is the
common case in French first names; the list is short on purpose and can grow.
"""

import re

from django.utils.translation import get_language

VOWELS = frozenset("aeiouàâäéèêëîïôöùûüœæ")  # lowered first letters
# First names whose h is aspirated: « de Hugues », not « d’Hugues ».
ASPIRATED_H = frozenset(
    {"hamid", "hamza", "hans", "harry", "hassan", "hocine", "hugues", "hussein", "hakim"}
)


def elides(name: str) -> bool:
    """Whether "de" before this name is written "d’"."""
    name = (name or "").strip()
    first = name[:1].lower()
    if first in VOWELS:
        return True
    if first == "y":
        return name[1:2].lower() not in VOWELS and name[1:2] != ""
    if first == "h":
        word = re.split(r"[\s\-’']", name.lower(), maxsplit=1)[0]
        return word not in ASPIRATED_H
    return False


def in_french() -> bool:
    return (get_language() or "fr").split("-")[0] == "fr"


def de(name: str) -> str:
    """« de Léa », « d’Adam »: the French "de" before a name (for French text only)."""
    return f"d’{name}" if elides(name) else f"de {name}"


def elide(text: str, *names) -> str:
    """The sentence with "de <name>" written "d’<name>" where French elides, for these
    names; text in another language is returned as it is."""
    if not in_french():
        return text
    for name in {str(name) for name in names if name}:
        if elides(name):
            text = re.sub(
                r"\b([Dd])e\s+(" + re.escape(name) + ")",
                lambda match: f"{match.group(1)}’{match.group(2)}",
                text,
            )
    return text


def fill(sentence, **params) -> str:
    """`sentence % params`, with "de" elided before the names among the params."""
    return elide(str(sentence) % params, *(v for v in params.values() if isinstance(v, str)))
