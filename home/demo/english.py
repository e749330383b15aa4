"""The demo's English translations: the portal home and École élémentaire Jean-Jaurès.

A school or a town that welcomes families who read English better than French translates
its pages; the demo shows one such translation, so /en/ has translated content beside the
interface (the other schools stay in French there, as the language switcher says).
Content text, like `data`: a school would write it, so it is not in the message catalogue.
"""

from .specs import PageSpec, heading, paragraph

PORTAL = PageSpec(
    title="Préau, the schools' portal",
    intro=(
        "<p>Welcome to <b>Préau</b>, the digital workspace of the schools of "
        "Saint-Aubin-des-Prés and Villeneuve-sur-Loire. Every school and every town has its "
        "site here. Pupils, parents and teachers log in with their own username to find "
        "their class spaces.</p>"
    ),
)

# Keyed by the French title of the school it translates (data.SCHOOLS).
SCHOOL_TITLE = "École élémentaire Jean-Jaurès"

SCHOOL = PageSpec(
    title="Jean-Jaurès Elementary School",
    intro=(
        "The elementary school of Saint-Aubin-des-Prés welcomes pupils from the first to "
        "the fifth year (CP to CM2)."
    ),
    body=(
        heading("School life"),
        paragraph(
            "<p>Choir, sports meetings with the neighbouring schools and a discovery trip "
            "for the CM1 class give the year its rhythm.</p>"
        ),
        paragraph(
            "<p>News, events and class blogs are written in French; ask the school office "
            "if you need help reading them.</p>"
        ),
    ),
)

SCHOOL_OPENING_HOURS = (
    "Monday, Tuesday, Thursday and Friday: 8:30 am – 12 noon and 1:30 pm – 4:30 pm.\n"
    "The gate opens at 8:20 am and at 1:20 pm."
)

SCHOOL_DIRECTOR_WORD = (
    "<p>Dear parents, the Jean-Jaurès team is happy to welcome your children. This year "
    "we write to be read: follow the class blogs and encourage the young authors with "
    "your comments.</p>"
)

SCHOOL_DIRECTOR_NAME = "Olivier Lambert, head teacher"

# The accessibility statement of both translated sites: the footer of an English page
# names the compliance status of the site it belongs to, like the French one does.
STATEMENT = PageSpec(
    title="Accessibility statement",
    intro="We want every family, every pupil and every teacher to be able to use this site.",
)

STATEMENT_NON_CONFORMITIES = (
    "<p>The Préau team carried out a self-assessment: automated tests (axe) on every kind "
    "of page, and navigation with the keyboard and with a screen reader. It does not replace "
    "a full RGAA audit, which is still to be done.</p>"
    "<ul>"
    "<li>PDF documents published by schools and towns may not be accessible; ask us for an "
    "accessible version.</li>"
    "<li>Some photos published before alternative texts were required have too short a "
    "description.</li>"
    "<li>Not every audio recording of the classes has a transcript.</li>"
    "<li>Videos hosted on other sites use those sites' players, which we do not control.</li>"
    "</ul>"
)
