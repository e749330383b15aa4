"""What a person is told when a change was refused because the cache did not take its
invalidation (performance/versions.py, `InvalidationFailed`).

Such a change fails closed: it is not written (or its transaction rolls back), because the
cache would otherwise go on serving what it replaced, a class still open to a family or a
partner class whose access ended. Views that expect it say so in their own words (ending
a partnership, comments/partner_views.py); anywhere else this middleware answers 503 with
a page that says what happened, rather than a server error.
"""

import logging

from django.shortcuts import render

from .versions import InvalidationFailed

logger = logging.getLogger(__name__)

# Seconds after which trying again makes sense: the cache's own retry delay is 5 s.
RETRY_AFTER = 60


class RefusedChangeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, InvalidationFailed):
            return None
        logger.warning("A change to %s was refused: %s", request.path, exception)
        response = render(request, "performance/change_refused.html", status=503)
        response["Retry-After"] = str(RETRY_AFTER)
        return response
