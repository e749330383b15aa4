"""Finding the account of a person an identity provider vouches for."""

from django.utils import timezone

from .models import ExternalIdentity


def account_for(provider: str, subject: str):
    """The open account linked to (`provider`, `subject`), or None: never a match by name,
    never a closed account (a person who left signs in to nothing)."""
    if not subject:
        return None
    identity = (
        ExternalIdentity.objects.select_related("user")
        .filter(provider=provider, subject=subject, user__is_active=True)
        .first()
    )
    if identity is None:
        return None
    ExternalIdentity.objects.filter(pk=identity.pk).update(last_used_at=timezone.now())
    return identity.user


def link(user, provider: str, subject: str) -> ExternalIdentity:
    """Record that `subject` at `provider` is `user` (staff do it, or the import)."""
    identity, _created = ExternalIdentity.objects.update_or_create(
        provider=provider, subject=subject, defaults={"user": user}
    )
    return identity
