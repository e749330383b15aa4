"""`Cache-Control: private, no-store` on every answer to a logged-in person.

What a logged-in person reads is theirs (a class's wall, a child's work, a teacher's
queue): no proxy may keep it, and on a shared school tablet the browser must not keep it
either, so that the back button after logging out shows nothing. The header is set after
the view. An answer
its view marked `public` (a public photo) holds nothing personal and keeps its header.
"""

PRIVATE = "private, no-store"


def is_public(response) -> bool:
    words = {word.strip().lower() for word in response.get("Cache-Control", "").split(",")}
    return "public" in words


class PrivateAnswersMiddleware:
    """After authentication, before the personal page cache (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not is_public(response):
            response["Cache-Control"] = PRIVATE
        return response
