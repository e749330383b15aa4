"""The generation scope of uploaded files: images, their renditions, documents, recordings.

Pages show them (a class wall's photos, an entry's pictures and recordings); what a page
read of them is kept, or the page itself (performance/personal_pages.py), until one of
these rows changes: a new upload, a new rendition, a file replaced or deleted.
"""

MEDIA = "media"


def media_models() -> tuple:
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtailmedia.models import get_media_model

    image = get_image_model()
    return (image, image.get_rendition_model(), get_document_model(), get_media_model())


def watch() -> None:
    """Called from PerformanceConfig.ready()."""
    from . import generations

    generations.watch(MEDIA, media_models)
