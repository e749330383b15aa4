"""Where the person belongs: classes (with the school, the year and the role) and family
links (the parents of a child, the children of a parent)."""

from django.utils.translation import gettext as _
from wagtail.models import Page

from classrooms.models import Guardianship, Membership
from pages import french

from ..bundle import Line, Section

ORDER = 20


def collect(export):
    person = export.person
    rows = list(
        Membership.objects.filter(user=person)
        .select_related("classroom")
        .order_by("-classroom__school_year", "classroom__title")
    )
    school_paths = {row.classroom.path[: -Page.steplen] for row in rows}
    schools = dict(Page.objects.filter(path__in=school_paths).values_list("path", "title"))
    records, lines = [], []
    for row in rows:
        classroom = row.classroom
        school = schools.get(classroom.path[: -Page.steplen], "")
        records.append(
            {
                "class": classroom.title,
                "school": school,
                "school_year": classroom.school_year,
                "role": row.role,
                "role_label": str(row.get_role_display()),
                "closed_on": classroom.closed_on.isoformat() if classroom.closed_on else None,
            }
        )
        lines.append(
            Line(
                f"{classroom.title} · {school}",
                detail=f"{classroom.school_year} · {row.get_role_display()}",
            )
        )
    family = []
    for link in Guardianship.objects.filter(parent=person).select_related("child"):
        family.append({"relation": "child", "name": link.child.get_full_name()})
        lines.append(Line(french.fill(_("Parent of %(name)s"), name=link.child.get_full_name())))
    for link in Guardianship.objects.filter(child=person).select_related("parent"):
        family.append({"relation": "parent", "name": link.parent.get_full_name()})
        lines.append(Line(french.fill(_("Child of %(name)s"), name=link.parent.get_full_name())))
    return Section(
        "memberships", _("Classes and family"), records, lines, extra={"guardianships": family}
    )
