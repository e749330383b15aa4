"""How each person wants to hear of each group of kinds, read in one query.

Without a row (NotificationPreference), a person gets today's behaviour: the bell, and an
e-mail at once when they are an adult with an address. Apps that send their own e-mails
(messaging) ask here too, so a person chooses in one place.
"""

from dataclasses import dataclass

from .models import EmailChoice, NotificationPreference


@dataclass(frozen=True)
class Choice:
    in_app: bool = True
    email: str = EmailChoice.IMMEDIATE


DEFAULT = Choice()


def choices_for(user_ids, group: str) -> dict[int, Choice]:
    """Each person's choice for one group (the default for those without a row)."""
    ids = [pk for pk in user_ids if pk]
    found = {
        user_id: Choice(in_app, email)
        for user_id, in_app, email in NotificationPreference.objects.filter(
            user_id__in=ids, group=group
        ).values_list("user_id", "in_app", "email")
    }
    return {pk: found.get(pk, DEFAULT) for pk in ids}


def choice_of(user, group: str) -> Choice:
    return choices_for([user.pk], group)[user.pk]


def all_choices_of(user) -> dict[str, Choice]:
    """A person's choices per group name, in one query (missing groups: the default)."""
    return {
        group: Choice(in_app, email)
        for group, in_app, email in NotificationPreference.objects.filter(user=user).values_list(
            "group", "in_app", "email"
        )
    }


def save_choice(user, group: str, *, in_app: bool, email: str) -> None:
    NotificationPreference.objects.update_or_create(
        user=user, group=group, defaults={"in_app": in_app, "email": email}
    )
