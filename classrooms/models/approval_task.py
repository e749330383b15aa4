"""The one moderation step of every class blog: a teacher of the entry's class approves."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Task, TaskState


class ClassTeacherApprovalTask(Task):
    """The one moderation step of every class blog: a teacher of the entry's class approves.

    A GroupApprovalTask would need one task (and one workflow) per class; this task finds
    the approvers from the entry's place in the tree instead, so one workflow serves all
    classes (pages/workflows.py assigns it to every class space). The Wagtail admin and
    the front-end review (moderation.py) see the same states.
    """

    class Meta:
        verbose_name = _("approval by the class's teachers")
        verbose_name_plural = _("approvals by the class's teachers")

    @classmethod
    def get_description(cls):
        return _("The teachers of the class the page belongs to approve it.")

    def is_approver(self, obj, user) -> bool:
        from ..moderation import teaches_class_of

        return user.is_superuser or teaches_class_of(user, obj)

    def user_can_access_editor(self, obj, user):
        return self.is_approver(obj, user)

    def locked_for_user(self, obj, user):
        return not self.is_approver(obj, user)

    def user_can_lock(self, obj, user):
        return self.is_approver(obj, user)

    def get_actions(self, obj, user):
        if not self.is_approver(obj, user):
            return []
        return [
            ("reject", _("Send back with a note"), True),
            ("approve", _("Approve and publish"), False),
            ("approve", _("Approve with a comment"), True),
        ]

    def get_task_states_user_can_moderate(self, user, **kwargs):
        from ..moderation import pages_taught_by

        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        return states.filter(workflow_state__object_id__in=pages_taught_by(user))
