"""The account itself: names, username, e-mail, picture, dates."""

from django.utils.translation import gettext as _

from ..bundle import Line, Section, when

ORDER = 10


def collect(export):
    person = export.person
    record = {
        "username": person.username,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "display_name": person.display_name,
        "email": person.email,
        "picture": person.get_avatar_display() if person.avatar else "",
        "account_open": person.is_active,
        "joined_at": when(person.date_joined),
        "last_login_at": when(person.last_login),
    }
    lines = [Line(_("Username: %(username)s") % {"username": person.username})]
    name = f"{person.first_name} {person.last_name}".strip()
    if name:
        lines.append(Line(_("Name: %(name)s") % {"name": name}))
    if person.email:
        lines.append(Line(_("E-mail address: %(email)s") % {"email": person.email}))
    if person.avatar:
        lines.append(Line(_("Picture: %(picture)s") % {"picture": record["picture"]}))
    return Section("profile", _("Profile"), [record], lines)
