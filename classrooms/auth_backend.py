"""Django's global permissions answered from what a person is, without a query per page.

Every page asks `user.has_perm("wagtailadmin.access_admin")` (the header, Wagtail's user
bar), and Django's ModelBackend reads the person's permissions and their groups' in two
queries per request. classrooms/person.py already reads both with everything else a
person is, shared under the person's own version (performance/versions.py), so this
backend answers from there. Authentication itself, superusers and object permissions
(django-guardian's backend, listed after this one) are left to Django as they are.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from .person import person_of


class PersonPermissionBackend(ModelBackend):
    def get_user(self, user_id):
        """The logged-in user of a request, with their Wagtail admin profile (theme,
        density), which the staff's user bar reads on every page: one query, not two."""
        User = get_user_model()
        user = User.objects.select_related("wagtail_userprofile").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None

    def get_user_permissions(self, user_obj, obj=None):
        if user_obj.is_superuser or not self._answers(user_obj, obj):
            return super().get_user_permissions(user_obj, obj)
        return set(person_of(user_obj).user_permissions)

    def get_group_permissions(self, user_obj, obj=None):
        if user_obj.is_superuser or not self._answers(user_obj, obj):
            return super().get_group_permissions(user_obj, obj)
        return set(person_of(user_obj).group_permissions)

    def get_all_permissions(self, user_obj, obj=None):
        if user_obj.is_superuser or not self._answers(user_obj, obj):
            return super().get_all_permissions(user_obj, obj)
        person = person_of(user_obj)
        return person.user_permissions | person.group_permissions

    @staticmethod
    def _answers(user_obj, obj) -> bool:
        return obj is None and user_obj.is_active and not user_obj.is_anonymous
