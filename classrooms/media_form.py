"""The Wagtail admin's form for recordings and videos, which checks a file by its content.

The front-end editor sends every recording through classrooms.uploads.clean_recording: a
recording must hold a sound track, a video a picture track, neither may last nor weigh more
than the settings allow, and the size must agree with the length. wagtailmedia's own form
only looks at the file's name, so an MP4 claiming 10 s, with no track and 20 MB of padding,
went in through the admin. This form runs the same check on every new file of the admin:
add, edit (a replacement) and the chooser's upload (WAGTAILMEDIA["MEDIA_FORM_BASE"]).
"""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from wagtailmedia.forms import BaseMediaForm

from .uploads import clean_recording

KINDS = ("audio", "video")


class MediaForm(BaseMediaForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if isinstance(uploaded, UploadedFile):  # not the stored file of an unchanged edit
            check_recording(uploaded, self.instance.type)
        return uploaded


def check_recording(uploaded, media_type):
    """Refuse `uploaded` unless it is a `media_type` recording the editor would take. The
    admin's generic "media" type takes a file that passes as either kind."""
    if media_type in KINDS:
        clean_recording(uploaded, media_type)
        return
    errors = []
    for kind in KINDS:
        try:
            clean_recording(uploaded, kind)
        except ValidationError as error:
            errors.append(error)
        else:
            return
    raise errors[-1]
