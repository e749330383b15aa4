"""The authentication backend for SAML sign-in: djangosaml2's, matching the person by the
identifier stored in federation.ExternalIdentity, never by a name or an address, and
creating no account."""

from djangosaml2.backends import Saml2Backend

from .. import identities


class LinkedIdentityBackend(Saml2Backend):
    """Signs in the open account linked to the (provider, subject) of a verified
    assertion. The SAML views (views.py) pass `saml_provider`: without it this backend
    answers nothing, so a password or a picture password never reaches it.

    django-axes stays in front (AUTHENTICATION_BACKENDS): the request is passed, so a
    locked account is refused here as on the login form.
    """

    def authenticate(self, request, session_info=None, saml_provider=None, **kwargs):
        if saml_provider is None or not session_info:
            return None
        subject = saml_provider.subject_of(session_info)
        if request is not None:
            # For the refusal page: "not linked yet" or "closed" (views.py).
            request.saml_subject = subject
        user = identities.account_for(saml_provider.key, subject)
        if user is None or not self.user_can_authenticate(user):
            return None
        return user

    def get_or_create_user(self, *args, **kwargs):
        # Never reached through authenticate() above; kept closed in case it is.
        return None, False

    # djangosaml2's backend is a ModelBackend: left as such it would answer permission
    # questions a second time, with queries of its own. Permissions are
    # classrooms.auth_backend's business; this backend only signs people in.
    def get_user_permissions(self, user_obj, obj=None):
        return set()

    def get_group_permissions(self, user_obj, obj=None):
        return set()

    def get_all_permissions(self, user_obj, obj=None):
        return set()

    def has_perm(self, user_obj, perm, obj=None):
        return False

    def has_module_perms(self, user_obj, app_label):
        return False

    def with_perm(self, perm, is_active=True, include_superusers=True, obj=None):
        return self._user_model.objects.none()
