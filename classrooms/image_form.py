"""The Wagtail admin's image form, which counts a picture's pixels before decoding it.

Wagtail's image field checks WAGTAILIMAGES_MAX_IMAGE_PIXELS only once Willow has decoded
the whole picture to learn its size: a 370 KB PNG declaring 9,400 × 9,400 pixels cost
1.2 GB before being refused. This form's file field reads the size from the header first
(classrooms.uploads.refuse_too_many_pixels, the limit of the class blog's photos), then
lets Wagtail's field do the rest. Every admin upload of an image goes through it: add,
replace, the chooser's upload and the multiple upload (WAGTAILIMAGES_IMAGE_FORM_BASE).
"""

from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from .uploads import refuse_too_many_pixels


class HeaderCheckedImageField(WagtailImageField):
    """Wagtail's image field, refusing a picture with too many pixels from its header."""

    def to_python(self, data):
        if hasattr(data, "read") and hasattr(data, "seek"):  # an uploaded file
            refuse_too_many_pixels(data)
        return super().to_python(data)


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail builds its file field in get_image_form(); the same field, checked first.
        if "file" in self.fields:
            built = self.fields["file"]
            self.fields["file"] = HeaderCheckedImageField(
                label=built.label,
                required=built.required,
                widget=built.widget,
                help_text=built.help_text,
            )
