"""The rollover without a file: the director says, class by class, which of next year's
classes this year's pupils go to (and at which level), and ticks those who leave. The
answers become the rows an ONDE file would have given, so the preview, the checks and
applying are the same as with a file (planning.py)."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from classrooms.models import Level, Membership
from enrolment import services
from enrolment.models import PupilRecord
from enrolment.onde import PupilRow

LEVELS = [level for level, _label in Level.choices]


def next_level(level):
    """The level after `level` (CP → CE1); CM2 has none: the pupil goes to collège."""
    index = LEVELS.index(level) if level in LEVELS else -1
    return LEVELS[index + 1] if 0 <= index < len(LEVELS) - 1 else None


class ByHandForm(forms.Form):
    """One name and level per class of this year; one "leaves" box per pupil."""

    def __init__(self, *args, school, from_year, **kwargs):
        super().__init__(*args, **kwargs)
        self.classes = []
        rooms = (
            services.school_classrooms(school)
            .filter(closed_on__isnull=True, school_year=from_year)
            .order_by("title")
        )
        pupils = Membership.objects.filter(
            classroom__in=rooms, role=Membership.Role.PUPIL
        ).select_related("user")
        by_room = {}
        for membership in pupils.order_by("user__last_name", "user__first_name"):
            by_room.setdefault(membership.classroom_id, []).append(membership.user)
        self.records = {
            record.user_id: record
            for record in PupilRecord.objects.filter(user__in=[m.user for m in pupils])
        }
        for room in rooms:
            following = next_level(room.level)
            self.fields[f"class-{room.pk}"] = forms.CharField(
                label=gettext_lazy("Next year's class"),
                max_length=255,
                initial=room.title,
                required=False,
            )
            self.fields[f"level-{room.pk}"] = forms.ChoiceField(
                label=gettext_lazy("Its level"),
                choices=Level.choices,
                initial=following or room.level,
            )
            boxes = []
            for pupil in by_room.get(room.pk, []):
                name = f"leaves-{pupil.pk}"
                self.fields[name] = forms.BooleanField(
                    label=gettext_lazy("%(name)s leaves the school")
                    % {"name": pupil.get_full_name()},
                    required=False,
                    initial=following is None,
                )
                boxes.append((pupil, name))
            self.classes.append((room, f"class-{room.pk}", f"level-{room.pk}", boxes))

    def bound(self):
        """(room, its name field, its level field, [(pupil, bound box)]) for the template."""
        return [
            (room, self[name], self[level], [(pupil, self[box]) for pupil, box in boxes])
            for room, name, level, boxes in self.classes
        ]

    def clean(self):
        data = super().clean()
        self.pupils = []
        for _room, name, level, boxes in self.classes:
            staying = [pupil for pupil, box in boxes if not data.get(box)]
            title = (data.get(name) or "").strip()
            if staying and not title:
                self.add_error(name, _("Name next year's class of the pupils who stay."))
                continue
            for pupil in staying:
                record = self.records.get(pupil.pk)
                if record is None:
                    self.add_error(
                        None,
                        _(
                            "%(name)s has no school record (birth date): add it with the "
                            "ONDE import or the roster first, or tick that the pupil leaves."
                        )
                        % {"name": pupil.get_full_name()},
                    )
                    continue
                self.pupils.append(
                    PupilRow(
                        line=len(self.pupils) + 1,
                        last_name=pupil.last_name,
                        first_name=pupil.first_name,
                        birth_date=record.birth_date,
                        level=data.get(level),
                        class_label=title,
                        photo_consent=None,
                    )
                )
        return data
