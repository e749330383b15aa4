"""Finding resources: Wagtail search over the resources a person may read, with
filters on every metadata field.

Why a light stemmer of our own: Wagtail's database backend stems words on PostgreSQL
(French, with "SEARCH_CONFIG": "french" in settings) but not on SQLite. Indexing and
querying words through the same light French stemmer (plural and feminine endings,
accents) makes "fractions" find "Les fractions" and "Fraction" on both; PostgreSQL's
own Snowball stemmer then runs on top.
"""

import re
import unicodedata

from .models import Resource

WORD = re.compile(r"[a-z0-9]+")
MAX_RESULTS = 500
# Words too common to tell resources apart; dropped from both the index and the query
# (a search holds every other word, operator "and").
STOP_WORDS = frozenset(
    [
        "a",
        "au",
        "aux",
        "avec",
        "ce",
        "ces",
        "d",
        "dans",
        "de",
        "des",
        "du",
        "en",
        "et",
        "il",
        "l",
        "la",
        "le",
        "les",
        "ma",
        "mon",
        "ou",
        "par",
        "pour",
        "sa",
        "se",
        "ses",
        "son",
        "sur",
        "ta",
        "te",
        "tes",
        "ton",
        "un",
        "une",
    ]
)


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def stem(word: str) -> str:
    """A light French stem: "chevaux" → "cheval", "fractions" → "fraction",
    "nombres" → "nombr", "lectures" → "lectur"."""
    if len(word) > 4 and word.endswith("aux"):
        return word[:-3] + "al"
    if len(word) > 3 and word[-1] in "sx":
        word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def stem_text(text: str) -> str:
    words = WORD.findall(_plain(text))
    return " ".join(stem(word) for word in words if word not in STOP_WORDS)


def matching_ids(text: str) -> list[int]:
    """Ids of the resources whose words hold every stem of `text` (one query)."""
    stems = stem_text(text)
    if not stems:
        return []
    results = Resource.objects.all().search(stems, operator="and")[:MAX_RESULTS]
    return [resource.pk for resource in results]


def apply_filters(queryset, filters: dict):
    """Narrow `queryset` by the chosen values of the search form (forms.SearchForm)."""
    for field in ("kind", "cycle", "subject", "domain", "licence", "scope"):
        if filters.get(field):
            queryset = queryset.filter(**{field: filters[field]})
    if filters.get("level"):
        queryset = queryset.filter(levels__contains=f",{filters['level']},")
    if filters.get("school"):
        queryset = queryset.filter(school_id=filters["school"])
    if filters.get("duration"):
        queryset = queryset.filter(duration__lte=filters["duration"])
    if filters.get("q"):
        queryset = queryset.filter(pk__in=matching_ids(filters["q"]))
    return queryset
