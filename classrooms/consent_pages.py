"""The school's public site (galleries, news, a school's pages) follows the families'
answers too: a page outside the class spaces is read by anyone, so a photo, recording or
video showing a pupil whose family has not agreed to that medium in public is refused
when the page is saved (a rule of pages/file_scope.py, registered from
ClassroomsConfig.ready()). What is already published is taken down when an answer
changes (consent.py)."""

from django.db.models import Q
from wagtail.images import get_image_model
from wagtailmedia import get_media_model

from consents import answers
from consents.models import Audience
from pages import french

from .consent import medium_of
from .file_scope import _in_a_class
from .models import Appearance
from .visibility import REFUSALS


def refused_on_public_pages(user, page_path, references):
    image_model, media_model = get_image_model(), get_media_model()
    images = {int(ref.pk) for ref in references if ref.model is image_model and ref.pk.isdigit()}
    media = {int(ref.pk) for ref in references if ref.model is media_model and ref.pk.isdigit()}
    if not (images or media) or _in_a_class(page_path):
        return []  # class pages: their entries' sharing rule (visibility.py)
    appearances = list(
        Appearance.objects.filter(Q(image_id__in=images) | Q(media_id__in=media))
        .select_related("pupil__consent", "image", "media")
        .order_by("pk")
    )
    by_file = {}
    for appearance in appearances:
        media_type = appearance.media.type if appearance.media_id else ""
        medium = medium_of(appearance.image_id, media_type)
        if answers.allowed(answers.of_user(appearance.pupil), medium, Audience.PUBLIC):
            continue
        key = (
            ("image", appearance.image_id)
            if appearance.image_id
            else ("media", appearance.media_id)
        )
        title = appearance.image.title if appearance.image_id else appearance.media.title
        by_file.setdefault(key, []).append(
            french.fill(
                REFUSALS[(medium, Audience.PUBLIC)], name=appearance.pupil.display_name, title=title
            )
        )
    refusals = []
    for reference in references:
        kind = "image" if reference.model is image_model else "media"
        if reference.model not in (image_model, media_model) or not reference.pk.isdigit():
            continue
        for message in by_file.get((kind, int(reference.pk)), []):
            refusals.append((reference, str(message)))
    return refusals
