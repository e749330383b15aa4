"""Usernames and passwords for accounts that school staff create.

Usernames are "firstname.lastname" in plain lowercase ASCII: children type them on a
tablet. Pupils' passwords are two short French words and two digits ("lapin-vert-42"),
easy to type at six; adults get longer ones. Passwords are chosen with `secrets`, shown
once on a login card and never stored in clear.
"""

import os
import re
import secrets
import unicodedata
from concurrent.futures import ThreadPoolExecutor

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db.models import Q

USERNAME_MAX_LENGTH = 150
# How many "starts with" conditions go into one query when looking for taken usernames.
_LOOKUP_CHUNK = 100

# Words a young reader knows, without accents, all masculine so any pair agrees.
PUPIL_NOUNS = (
    "lapin", "chat", "chien", "loup", "ours", "lion", "tigre", "cheval", "mouton", "cochon",
    "canard", "poisson", "hibou", "renard", "castor", "panda", "koala", "singe", "dauphin",
    "requin", "crabe", "escargot", "hamster", "poney", "ballon", "bateau", "camion", "crayon",
    "livre", "train", "avion", "robot", "nuage", "soleil", "arbre", "sapin", "citron", "melon",
    "radis", "chou", "biscuit", "gant", "bonnet", "jardin", "tambour", "violon", "chapeau",
    "domino", "lutin", "pirate", "dragon", "tapis", "moulin", "phare", "igloo", "kiwi", "ananas",
    "manchot", "zebu", "lama", "yaourt", "navet", "bouton", "caillou",
)  # fmt: skip
PUPIL_ADJECTIVES = (
    "vert", "bleu", "rouge", "jaune", "rose", "gris", "noir", "blanc", "brun", "violet",
    "orange", "petit", "grand", "gentil", "joli", "rapide", "calme", "malin", "content",
    "rigolo", "doux", "fort", "magique", "curieux", "sage", "coquin", "dore", "rond",
)  # fmt: skip
# No 0/O, 1/l/I: adults copy these from paper too.
ADULT_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def ascii_name(text: str) -> str:
    """ "Zoé" → "zoe", "N'Diaye" → "ndiaye", "Marie Anne" → "marie-anne", "Cœur" → "coeur"."""
    text = text.strip().lower()
    for ligature, letters in (("œ", "oe"), ("æ", "ae"), ("ß", "ss")):
        text = text.replace(ligature, letters)
    # Apostrophes join the two parts: "N'Diaye" is typed "ndiaye".
    text = re.sub(r"['’`´ʼ]", "", text)
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def username_base(first_name: str, last_name: str, fallback: str = "eleve") -> str:
    """ "Léa", "Le Gall" → "lea.le-gall"; a name with no Latin letter falls back."""
    parts = [part for part in (ascii_name(first_name), ascii_name(last_name)) if part]
    base = ".".join(parts) or fallback
    # Room for a numeric suffix within the username column.
    return base[: USERNAME_MAX_LENGTH - 6].strip(".-")


def taken_usernames(bases) -> set[str]:
    """Existing usernames that start with any of these bases, a few queries in all."""
    bases = sorted(set(bases))
    taken = set()
    user_model = get_user_model()
    for start in range(0, len(bases), _LOOKUP_CHUNK):
        condition = Q()
        for base in bases[start : start + _LOOKUP_CHUNK]:
            condition |= Q(username__startswith=base)
        taken.update(user_model.objects.filter(condition).values_list("username", flat=True))
    return taken


def unique_usernames(names, fallback: str = "eleve") -> list[str]:
    """One free username per (first name, last name), in order: "lea.martin", then
    "lea.martin2", "lea.martin3"... for namesakes in the database or in the same batch."""
    bases = [username_base(first, last, fallback) for first, last in names]
    taken = taken_usernames(bases)
    usernames = []
    for base in bases:
        candidate, number = base, 1
        while candidate in taken:
            number += 1
            candidate = f"{base}{number}"
        taken.add(candidate)
        usernames.append(candidate)
    return usernames


def pupil_password() -> str:
    """Two words and two digits, e.g. "lapin-vert-42": about 17 bits, typed by a child.

    Weak on its own, which is why it is hashed slowly like every password and why
    logins are rate-limited; it never leaves the printed card.
    """
    noun = secrets.choice(PUPIL_NOUNS)
    adjective = secrets.choice(PUPIL_ADJECTIVES)
    return f"{noun}-{adjective}-{secrets.randbelow(90) + 10}"


def adult_password() -> str:
    """Three groups of four unambiguous characters, e.g. "k7mp-x3qa-9tvd" (about 60 bits)."""
    groups = ("".join(secrets.choice(ADULT_ALPHABET) for _ in range(4)) for _ in range(3))
    return "-".join(groups)


def hash_passwords(passwords: list[str]) -> list[str]:
    """Hash many passwords at once, on every processor.

    A password hash deliberately costs a fraction of a second; a class of thirty would
    keep the teacher waiting. The hash function releases Python's lock, so threads
    share the work.
    """
    if len(passwords) <= 1:
        return [make_password(password) for password in passwords]
    workers = min(len(passwords), os.cpu_count() or 1, 8)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(make_password, passwords))
