"""The table `load_demo_data` prints at the end: who to log in as to see what, and the
usernames it gives everyone (the README documents some of them)."""

import unicodedata
from dataclasses import dataclass

from django.utils.text import slugify
from django.utils.translation import gettext as _

from . import data as content

ADMIN_USERNAME = "admin"


@dataclass(frozen=True)
class Login:
    """One line of the table printed at the end: who to log in as to see what."""

    role: str
    username: str
    sees: str


def ascii_slug(text):
    """ "Maël Le Gall" → "mael-le-gall": usernames are typed by children on tablets."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return slugify(plain)


def assign_usernames(people, taken):
    """Give each person "first.last", adding 2, 3... to repeated names.

    People are numbered in the order of the content, so the same content always gives
    the same usernames: the README documents some of them.
    """
    usernames = {}
    for person in people:
        if person in usernames:
            continue
        base = f"{ascii_slug(person.first_name)}.{ascii_slug(person.last_name)}"
        candidate, number = base, 1
        while candidate in taken:
            number += 1
            candidate = f"{base}{number}"
        taken.add(candidate)
        usernames[person] = candidate
    return usernames


class LoginTable:
    """The login table of a `DemoLoader` (mixed into it): one account per role and school."""

    def class_title(self, class_key, with_school=False):
        title = self.classrooms[class_key].title
        if with_school:
            return f"{title} ({self.schools[class_key].title})"
        return title

    def logins(self):
        """One account per role and school, then the special cases, for the README."""
        names = self.usernames
        rows = [
            Login(
                _("Portal administrator"),
                ADMIN_USERNAME,
                _("Every page and class, and the Wagtail admin at /admin/"),
            )
        ]
        for school in content.SCHOOLS:
            class_key, first_name = school.showcase
            classroom_spec = next(c for c in school.classes if c.key == class_key)
            classroom = self.classrooms[class_key].title
            pupil = self.pupils[class_key, first_name]
            rows.append(
                Login(
                    _("Director"),
                    names[school.director],
                    _("Every class of their school: %(school)s") % {"school": school.title},
                )
            )
            rows.append(
                Login(
                    _("Teacher"),
                    names[classroom_spec.teacher],
                    _("Their class: %(classroom)s") % {"classroom": classroom},
                )
            )
            if classroom_spec.assistant:
                rows.append(
                    Login(
                        _("Classroom assistant (ATSEM)"),
                        names[classroom_spec.assistant],
                        _("Their class: %(classroom)s") % {"classroom": classroom},
                    )
                )
            rows.append(
                Login(
                    _("Pupil"),
                    names[pupil],
                    _("Their class: %(classroom)s") % {"classroom": classroom},
                )
            )
            rows.append(
                Login(
                    _("Parent"),
                    names[self.guardians[pupil][0]],
                    _("Their child's class: %(classroom)s") % {"classroom": classroom},
                )
            )
        for municipality in content.MUNICIPALITIES:
            rows.append(
                Login(
                    _("Municipal staff"),
                    names[municipality.agent],
                    _("Their town's site: %(town)s") % {"town": municipality.title},
                )
            )
        if self.adviser is not None:
            rows.append(
                Login(
                    _("Pedagogical adviser"),
                    self.adviser.username,
                    _("The reading club of two schools' classes, which she created"),
                )
            )
        teachers = {
            classroom.teacher: classroom.key
            for school in content.SCHOOLS
            for classroom in school.classes
        }
        for parent, children in self.children.items():
            schools = {self.schools[class_key].title for _pupil, class_key in children}
            if len(schools) > 1:
                classrooms = ", ".join(
                    self.class_title(key, with_school=True) for _pupil, key in children
                )
                rows.append(
                    Login(
                        _("Parent in two schools"),
                        names[parent],
                        _("Their children's classes: %(classrooms)s") % {"classrooms": classrooms},
                    )
                )
            if parent in teachers:
                rows.append(
                    Login(
                        _("Teacher and parent"),
                        names[parent],
                        _("Their class, %(classroom)s, and their child's class, %(child)s")
                        % {
                            "classroom": self.classrooms[teachers[parent]].title,
                            "child": ", ".join(self.class_title(key) for _pupil, key in children),
                        },
                    )
                )
        return rows
