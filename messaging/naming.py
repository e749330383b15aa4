"""How people are named in messaging: adults by their full name, pupils by their first
name and initial (as everywhere in class spaces)."""

from .rules import adult_name, pupil_ids_among, pupil_name


def names_of(users) -> dict:
    """user id → name, for these users, in one query (which of them are pupils)."""
    users = list(users)
    pupils = pupil_ids_among([user.pk for user in users])
    return {
        user.pk: (
            pupil_name(user.first_name, user.last_name, user.username)
            if user.pk in pupils
            else adult_name(user.first_name, user.last_name, user.username)
        )
        for user in users
    }


def pupils_among(users) -> frozenset:
    return pupil_ids_among([user.pk for user in users])
