"""Who may answer for a child, asked of the app that knows families and classes.

consents/ sits below classrooms/ (.importlinter): it does not know who is whose parent
or teacher. classrooms/ registers a provider from its ready() with:

- standing(user, pupil_id) → "parent" (a guardian of the child), "staff" (a teacher of
  one of the child's classes or a director of its school, or a superuser) or None;
- children(user) → [(pupil_id, first_name)] the person's children;
- children_in(user, classroom) → the same, for the children in that class.
"""

PARENT = "parent"
STAFF = "staff"

_provider = None


def register(provider) -> None:
    global _provider  # noqa: PLW0603 - one provider, set once from an AppConfig.ready()
    _provider = provider


def standing(user, pupil_id):
    if _provider is None or not user.is_authenticated:
        return None
    return _provider.standing(user, pupil_id)


def children(user) -> list:
    if _provider is None or not user.is_authenticated:
        return []
    return _provider.children(user)


def children_in(user, classroom) -> list:
    if _provider is None or not user.is_authenticated:
        return []
    return _provider.children_in(user, classroom)
