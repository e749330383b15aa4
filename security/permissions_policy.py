"""Permissions-Policy: the microphone and the camera only where a pupil records.

Every answer denies the microphone, the camera and the position to the page and to
any frame in it (an embedded activity included); the views where recording happens,
marked with `allows_recording` (the class blog's editor, whose recorder.js records a
pupil's voice and whose photo field may open the camera), allow both to Préau itself.
The header is set on the view's own answer.
"""

import functools

HEADER = "Permissions-Policy"
DENIED = "camera=(), microphone=(), geolocation=()"
RECORDING = "camera=(self), microphone=(self), geolocation=()"


def allows_recording(view):
    """Let this view's page use the microphone and the camera (Préau's own scripts only)."""

    @functools.wraps(view)
    def recording(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response[HEADER] = RECORDING
        return response

    return recording


class PermissionsPolicyMiddleware:
    """Deny the microphone, camera and position to every answer not marked otherwise."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if HEADER not in response:
            response[HEADER] = DENIED
        return response
