"""Who belongs to a class (teachers, ATSEM, pupils), whose guardian they are, groups."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from .spaces import ClassroomPage


class Membership(models.Model):
    """A person's place in a class: teacher, classroom assistant (ATSEM) or pupil.

    Personal data: links a person (a child, for pupils) to a class. Kept for the school
    year of the class; erased with the class space or when the person leaves the school.
    """

    class Role(models.TextChoices):
        TEACHER = "teacher", _("Teacher")
        ASSISTANT = "assistant", _("Classroom assistant (ATSEM)")
        PUPIL = "pupil", _("Pupil")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("person"),
    )
    classroom = models.ForeignKey(
        ClassroomPage,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("class"),
    )

    class PupilNurseryMode(models.TextChoices):
        CLASS = "", _("As the class")
        ON = "on", pgettext_lazy("nursery mode", "On")
        OFF = "off", pgettext_lazy("nursery mode", "Off")

    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    # A pupil's own nursery mode, against the class's (classrooms/nursery.py decides).
    nursery_mode = models.CharField(
        _("nursery mode"),
        max_length=3,
        choices=PupilNurseryMode.choices,
        blank=True,
        default=PupilNurseryMode.CLASS,
    )

    class Meta:
        verbose_name = _("class membership")
        verbose_name_plural = _("class memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "classroom"], name="unique_class_membership")
        ]

    def __str__(self):
        return f"{self.user} · {self.get_role_display()} · {self.classroom}"


class Guardianship(models.Model):
    """A parent or legal guardian of a pupil: they follow that child's classes.

    Personal data: a family link between two people. Kept while the child is enrolled;
    erased with the child's account.
    """

    parent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="guardianships",
        verbose_name=_("parent"),
    )
    child = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="guardians",
        verbose_name=_("child"),
    )

    class Meta:
        verbose_name = _("guardianship")
        verbose_name_plural = _("guardianships")
        constraints = [
            models.UniqueConstraint(fields=["parent", "child"], name="unique_guardianship"),
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("child")), name="guardian_is_not_child"
            ),
        ]

    def __str__(self):
        return f"{self.parent} → {self.child}"


class PupilGroup(models.Model):
    """A group of pupils of one class: a team, a reading group, a level group.

    Teachers split their class (seed 000: teams each choosing a topic; seed 004: pairs
    and differentiated paths), and give different work to different groups. Personal
    data: which children work together. Kept with the class; erased with it.
    """

    classroom = models.ForeignKey(
        ClassroomPage,
        on_delete=models.CASCADE,
        related_name="pupil_groups",
        verbose_name=_("class"),
    )
    name = models.CharField(_("name"), max_length=60)
    pupils = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="pupil_groups",
        verbose_name=_("pupils"),
    )

    class Meta:
        verbose_name = _("group of pupils")
        verbose_name_plural = _("groups of pupils")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["classroom", "name"], name="unique_group_name")
        ]

    def __str__(self):
        return self.name


def class_pupils(classroom):
    """The class's active pupils, by first name: who may be an author, be seen in a
    photo, be in a group or be given work."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(
            memberships__classroom=classroom,
            memberships__role=Membership.Role.PUPIL,
            is_active=True,
        )
        .order_by("first_name", "last_name")
    )


class ClassroomUserObjectPermission(UserObjectPermissionBase):
    """Guardian's per-user permissions on class spaces, with a real foreign key."""

    content_object = models.ForeignKey(ClassroomPage, on_delete=models.CASCADE)


class ClassroomGroupObjectPermission(GroupObjectPermissionBase):
    """Guardian's per-group permissions on class spaces: where the roles' rights live."""

    content_object = models.ForeignKey(ClassroomPage, on_delete=models.CASCADE)
