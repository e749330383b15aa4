"""A recording's length in words: "1 min 05 s", "45 s", "2 min", in the active language.

Shared by the upload checks' messages (classrooms/uploads.py) and the players' captions
(`{{ media.duration|duration }}`, templatetags/durations.py).
"""

from django.utils.translation import gettext


def format_duration(seconds):
    """Say a length in minutes and seconds ("5 min 30 s"), in the active language."""
    minutes, seconds = divmod(int(round(seconds or 0)), 60)
    if minutes and seconds:
        return gettext("%(minutes)d min %(seconds)02d s") % {"minutes": minutes, "seconds": seconds}
    if minutes:
        return gettext("%(minutes)d min") % {"minutes": minutes}
    return gettext("%(seconds)d s") % {"seconds": seconds}
