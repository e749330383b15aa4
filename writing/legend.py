"""A class's colour code: the kinds of marks its teacher uses, with French school defaults.

Each class has its own legend (`ErrorType` rows), made from the defaults the first time
it is needed, in the class's language. A teacher renames, recolours, adds to or switches
off its entries for the class or for chosen pupils (views_legend.py). A mark is never told
by its colour alone (WCAG 1.4.1): each kind also has an underline style and a letter shown
on the mark, and a name read by screen readers. Colours are pale backgrounds on which the
text keeps a contrast above 7:1, with a dark line of the same hue (COLOURS, drawn by the
stylesheet's "Marks" classes).
"""

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .models import Colour, ErrorType, Underline

# Background and line colour of each choice of Colour (text #1b1b1b on the background).
COLOURS = {
    Colour.YELLOW: ("#fff1a8", "#7a5c00"),
    Colour.PINK: ("#ffd9e4", "#a3123f"),
    Colour.BLUE: ("#d3e9ff", "#0b4f94"),
    Colour.GREEN: ("#d7f4d2", "#1d6b1d"),
    Colour.ORANGE: ("#ffe2c2", "#9a4300"),
    Colour.PURPLE: ("#e9deff", "#5a35a6"),
    Colour.GREY: ("#e6e6e6", "#444444"),
}


def _defaults():
    """The legend most French primary classes use, in the active language."""
    return [
        (_("Spelling"), pgettext("letter of spelling", "S"), Colour.YELLOW, Underline.SOLID, False),
        (
            _("Agreement"),
            pgettext("letter of agreement", "A"),
            Colour.PINK,
            Underline.DASHED,
            False,
        ),
        (
            _("Conjugation"),
            pgettext("letter of conjugation", "C"),
            Colour.BLUE,
            Underline.DOTTED,
            False,
        ),
        (
            _("Punctuation and capitals"),
            pgettext("letter of punctuation", "P"),
            Colour.ORANGE,
            Underline.DOUBLE,
            False,
        ),
        (
            _("Sentence construction"),
            pgettext("letter of sentence construction", "Ph"),
            Colour.PURPLE,
            Underline.WAVY,
            False,
        ),
        (
            _("Vocabulary and repetitions"),
            pgettext("letter of vocabulary", "V"),
            Colour.GREY,
            Underline.DASHED,
            False,
        ),
        (_("Well done"), "★", Colour.GREEN, Underline.SOLID, True),
    ]


@transaction.atomic
def legend_of(classroom) -> list[ErrorType]:
    """Every kind of mark of the class, in order (switched off ones included)."""
    types = list(ErrorType.objects.filter(classroom=classroom).prefetch_related("switched_off_for"))
    if types:
        return types
    # Two first readers at once make the defaults once: the class's row is held meanwhile.
    type(classroom).objects.select_for_update().filter(pk=classroom.pk).first()
    if ErrorType.objects.filter(classroom=classroom).exists():
        return list(
            ErrorType.objects.filter(classroom=classroom).prefetch_related("switched_off_for")
        )
    language = getattr(getattr(classroom, "locale", None), "language_code", None) or "fr"
    with translation.override(language):
        ErrorType.objects.bulk_create(
            ErrorType(
                classroom=classroom,
                name=name,
                letter=letter,
                colour=colour,
                underline=underline,
                praise=praise,
                sort_order=order,
            )
            for order, (name, letter, colour, underline, praise) in enumerate(_defaults())
        )
    return list(ErrorType.objects.filter(classroom=classroom).prefetch_related("switched_off_for"))


def in_use_for(legend: list[ErrorType], authors) -> list[ErrorType]:
    """The kinds a teacher may use on a text of these authors: in use, and not switched
    off for every one of them."""
    author_ids = {author.pk for author in authors}
    usable = []
    for kind in legend:
        if not kind.active:
            continue
        off = {person.pk for person in kind.switched_off_for.all()}
        if author_ids and author_ids <= off:
            continue
        usable.append(kind)
    return usable


def css_class_of(kind: ErrorType) -> str:
    """The classes a mark of this kind is drawn with (static/css/preau.css, "Marks"): the
    page's security policy allows no inline style."""
    return f"ink ink--{kind.colour} ink--{kind.underline}"
