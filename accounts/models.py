"""Préau's user: one model for pupils, parents, teachers, directors and agents.

Roles are not stored on the user: they come from memberships of classes, guardianships
and staff rows beside schools and municipalities, so one person can hold several
(a teacher who is also a parent).
"""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from .avatars import Avatar, avatar_url


class User(AbstractUser):
    """A person with personal credentials.

    Personal data: first name, last name, for adults an e-mail address and, for young
    pupils, the picture their teacher chose for them. Pupils have
    no e-mail: their accounts are created by school staff and identified by a username
    printed on a login card. Kept while the person belongs to a school or family on the
    portal; erased when the school deactivates and purges the account.
    """

    email = models.EmailField(_("e-mail address"), blank=True)
    # A picture young pupils know each other by (nursery mode); never required: without
    # one, a coloured circle with the initial stands in.
    avatar = models.CharField(_("picture"), max_length=10, choices=Avatar.choices, blank=True)
    # Part of what a session is checked against on every request (get_session_auth_hash):
    # changing it ends the person's other sessions, as a new password does, without one
    # (sessions.end_other_sessions: a second factor switched on).
    session_stamp = models.CharField(max_length=32, blank=True, editable=False)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name"]

    def __str__(self):
        return self.display_name

    def get_session_auth_hash(self):
        """Django's hash of the password, and of the session stamp once one was set."""
        if not self.session_stamp:
            return super().get_session_auth_hash()
        return self._stamped_hash(settings.SECRET_KEY)

    def get_session_auth_fallback_hash(self):
        if not self.session_stamp:
            yield from super().get_session_auth_fallback_hash()
            return
        for secret in settings.SECRET_KEY_FALLBACKS:
            yield self._stamped_hash(secret)

    def _stamped_hash(self, secret):
        return salted_hmac(
            "preau.accounts.User.session_stamp",
            f"{self.password}:{self.session_stamp}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()

    @property
    def avatar_url(self):
        return avatar_url(self.avatar)

    @property
    def initial(self):
        """The first letter shown in a coloured circle when no picture was chosen."""
        return (self.first_name.strip() or self.username)[:1].upper()

    @property
    def avatar_colour(self):
        """One of six colours for that circle (.avatar--c0 to c5), steady for a person."""
        return (self.pk or 0) % 6

    @property
    def display_name(self):
        """First name and initial ("Léa M."): enough for a class, never a full name."""
        first = self.first_name.strip()
        last = self.last_name.strip()
        if first and last:
            return f"{first} {last[0].upper()}."
        return first or self.username


class RoleGroup(models.Model):
    """The auth group that carries one role on one page: "teachers of this class"...

    Permissions are granted to these groups, never to people one by one, so the
    permission tables stay small (a few rows per class) and a person's rights follow
    from the groups their memberships put them in (see accounts/roles.py).
    """

    class Role(models.TextChoices):
        CLASS_TEACHER = "class_teacher", _("Teachers of the class")
        CLASS_ASSISTANT = "class_assistant", _("Classroom assistants of the class")
        CLASS_PUPIL = "class_pupil", _("Pupils of the class")
        CLASS_PARENT = "class_parent", _("Parents of the class's pupils")
        SCHOOL_DIRECTOR = "school_director", _("Directors of the school")
        SCHOOL_TEACHER = "school_teacher", _("Teachers of the school")
        MUNICIPALITY_AGENT = "municipality_agent", _("Staff of the municipality")

    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="role_groups",
        verbose_name=_("page"),
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    group = models.OneToOneField(
        "auth.Group", on_delete=models.CASCADE, related_name="role", verbose_name=_("group")
    )

    class Meta:
        verbose_name = _("role group")
        verbose_name_plural = _("role groups")
        constraints = [
            models.UniqueConstraint(fields=["page", "role"], name="unique_role_group_per_page")
        ]

    def __str__(self):
        return f"{self.get_role_display()} · {self.page_id}"
