"""An authentication backend for picture passwords, so that django-axes counts a wrong
sequence as a failed login of that child (and of nobody else: accounts/lockout.py)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import BaseBackend

from . import services

# Where a logged-in session is answered from: Préau's main backend (get_user and
# permissions), whichever way the person logged in.
SESSION_BACKEND = "classrooms.auth_backend.PersonPermissionBackend"


class PicturePasswordBackend(BaseBackend):
    """authenticate(request, username=..., picture_password=[codes]): a pupil, or None.

    The keyword is named "password" so that Django's failure signal masks it.
    """

    def authenticate(self, request, username=None, picture_password=None, **kwargs):
        if username is None or picture_password is None:
            return None
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None or not services.is_pupil(user):
            return None
        if services.check_picture_password(user, list(picture_password)):
            return user
        return None
