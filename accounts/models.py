"""Préau's user: one model for pupils, parents, teachers, directors and agents.

Roles are not stored on the user: they come from memberships of classes, guardianships
and staff rows beside schools and municipalities, so one person can hold several
(a teacher who is also a parent).
"""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person with personal credentials.

    Personal data: first name, last name and, for adults, an e-mail address. Pupils have
    no e-mail: their accounts are created by school staff and identified by a username
    printed on a login card. Kept while the person belongs to a school or family on the
    portal; erased when the school deactivates and purges the account.
    """

    email = models.EmailField(_("e-mail address"), blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name"]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        """First name and initial ("Léa M."): enough for a class, never a full name."""
        first = self.first_name.strip()
        last = self.last_name.strip()
        if first and last:
            return f"{first} {last[0].upper()}."
        return first or self.username
