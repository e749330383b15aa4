"""Who may read a class blog entry, and when it may go beyond the class.

An entry is the class's by default. A teacher or the director may share it with the
whole school or make it public (DESIGN.md: content a class makes public goes public
only by a staff decision). Beyond the class only pupils' first names are shown, and a
photo, recording or video of a pupil whose family has not agreed to that medium for that
audience (consents/, the families' answers) blocks the change, with a sentence naming
the child, the medium and the file.
"""

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from accounts.people import is_active_person
from consents import answers
from consents.models import Audience, Medium
from pages import french
from pages.permissions import staff_school_paths
from performance import request_scope

from .models import Appearance, Visibility
from .permissions import can_view_classroom, visible_classroom_ids
from .person import person_of

# Under these keys the request remembers a person's answers (performance/request_scope.py).
_SCHOOL_PATHS = "school community paths"
_GUEST_PATHS = "guest class paths"

# Other apps may let people read a class's blog from outside it (partner classes, in
# comments/): each source maps a person to the tree paths of the class spaces whose
# published entries they may read. Registered from the apps' ready().
_guest_sources = []


def register_guest_source(source) -> None:
    if source not in _guest_sources:
        _guest_sources.append(source)


def guest_class_paths(user) -> frozenset[str]:
    """Class spaces whose blog this person reads as a guest, once per request."""
    if not is_active_person(user):
        return frozenset()
    return request_scope.remembered(
        request_scope.person_section(user.pk),
        _GUEST_PATHS,
        lambda: frozenset(path for source in _guest_sources for path in source(user)),
    )


def school_community_paths(user) -> frozenset[str]:
    """Tree paths of the schools whose community this person belongs to.

    A member of one of its classes, a parent of one of its pupils, or its staff.
    """
    if not is_active_person(user):
        return frozenset()

    def read():
        person = person_of(user)
        class_paths = [person.class_paths[pk] for pk in visible_classroom_ids(user)]
        return frozenset({path[: -Page.steplen] for path in class_paths}) | staff_school_paths(user)

    return request_scope.remembered(request_scope.person_section(user.pk), _SCHOOL_PATHS, read)


def can_read_entry(user, entry) -> bool:
    """Whether this person may read this published entry, given its visibility."""
    if entry.visibility == Visibility.PUBLIC:
        return True
    if is_active_person(user) and user.is_superuser:
        return True
    if entry.visibility == Visibility.SCHOOL:
        school_path = entry.path[: -2 * Page.steplen]
        if school_path in school_community_paths(user):
            return True
    if can_view_classroom(user, entry.get_classroom()):
        return True
    return entry.live and entry.path[: -Page.steplen] in guest_class_paths(user)


def readable_entries_filter(user) -> Q:
    """A filter on live entries beyond the class: those this person may read."""
    readable = Q(visibility=Visibility.PUBLIC)
    for path in school_community_paths(user):
        readable |= Q(visibility=Visibility.SCHOOL, path__startswith=path)
    return readable


def shown_name(user, in_class) -> str:
    """A pupil's name as an entry shows it: "Léa M." in the class, "Léa" beyond it."""
    if in_class:
        return user.display_name
    return user.first_name.strip() or _("A pupil")


def media_in_body(body):
    """Ids of the images and of the audio or video files an entry's body shows."""
    image_ids, media_ids = set(), set()
    for block in body.raw_data:
        value = block.get("value") or {}
        if block["type"] == "image" and value.get("image"):
            image_ids.add(value["image"])
        elif block["type"] == "recording" and value.get("audio"):
            media_ids.add(value["audio"])
        elif block["type"] == "video" and value.get("video"):
            media_ids.add(value["video"])
    return image_ids, media_ids


AUDIENCE_OF = {Visibility.SCHOOL: Audience.SCHOOL, Visibility.PUBLIC: Audience.PUBLIC}

# One sentence per medium and audience: the child, what the family refused, the file.
REFUSALS = {
    (Medium.PHOTO, Audience.SCHOOL): gettext_lazy(
        "The family of %(name)s has not agreed to share their photos with the whole "
        "school: the photo “%(title)s” shows them. Remove it, or keep the entry for the class."
    ),
    (Medium.PHOTO, Audience.PUBLIC): gettext_lazy(
        "The family of %(name)s has not agreed to their photos in public: the photo "
        "“%(title)s” shows them. Remove it, or choose other readers."
    ),
    (Medium.VOICE, Audience.SCHOOL): gettext_lazy(
        "The family of %(name)s has not agreed to share their voice with the whole school: "
        "the recording “%(title)s” holds it. Remove it, or keep the entry for the class."
    ),
    (Medium.VOICE, Audience.PUBLIC): gettext_lazy(
        "The family of %(name)s has not agreed to their voice in public: the recording "
        "“%(title)s” holds it. Remove it, or choose other readers."
    ),
    (Medium.VIDEO, Audience.SCHOOL): gettext_lazy(
        "The family of %(name)s has not agreed to share videos of them with the whole "
        "school: the video “%(title)s” shows them. Remove it, or keep the entry for the class."
    ),
    (Medium.VIDEO, Audience.PUBLIC): gettext_lazy(
        "The family of %(name)s has not agreed to videos of them in public: the video "
        "“%(title)s” shows them. Remove it, or choose other readers."
    ),
}


def medium_of_media(media) -> str:
    """A recording holds a voice; a video shows (and holds the voice of) a child."""
    return Medium.VIDEO if getattr(media, "type", "") == "video" else Medium.VOICE


def publication_refusals(entry) -> list[str]:
    """Why this entry may not reach its readers as it stands: one sentence per file and
    pupil whose family has not agreed to that medium (photo, voice, video) for that
    audience (the whole school, the public). Beyond the class an entry names its authors
    by first name only, so the full-name answer is never needed here. One query."""
    audience = AUDIENCE_OF.get(entry.visibility)
    if audience is None:
        return []
    image_ids, media_ids = media_in_body(entry.body)
    if not (image_ids or media_ids):
        return []
    appearances = list(
        Appearance.objects.filter(Q(image_id__in=image_ids) | Q(media_id__in=media_ids))
        .select_related("pupil__consent", "image", "media")
        .order_by("pk")
    )
    refusals = []
    for appearance in appearances:
        if appearance.image_id:
            medium, title = Medium.PHOTO, appearance.image.title
        else:
            medium, title = medium_of_media(appearance.media), appearance.media.title
        if answers.allowed(answers.of_user(appearance.pupil), medium, audience):
            continue
        refusals.append(
            french.fill(
                REFUSALS[(medium, audience)], name=appearance.pupil.display_name, title=title
            )
        )
    return refusals
