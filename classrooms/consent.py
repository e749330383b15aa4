"""When a family withdraws an answer, what showed their child beyond it is taken down.

A photo, recording or video of a pupil reaches the whole school or the public only with
the family's "yes" for that medium and audience (consents/, visibility.publication_refusals).
An answer can change later: a parent says "no" from their space, staff record a paper
answer, a new ONDE import says "Non", the pupil's account is deleted. Whatever path it
took, `consent_withdrawn` runs in the transaction of the change (consents sends
answers_narrowed, received from ClassroomsConfig.ready(); enrolment's signal handler on
account deletion; the ONDE import applies all or nothing, the take-down included):

- a class blog entry showing the child to an audience the answers no longer cover is
  taken back: to the whole school when that is still allowed, else to the class; a new
  revision published the way the front end publishes one (views.entry_visibility), so
  the signals that follow publications drop every kept page (performance/), and changes
  waiting to be published are saved again on top of it, narrowed too. The entry carries
  a flag (ConsentFlag) its teachers see on it until they share it again, and they are
  told, with the sentence naming the child and the medium;
- a page of the school's public site (a gallery, a news item) that shows the child is
  unpublished; a page with pages below it (a school's home) cannot be, and its editors
  are told to remove the file, which visitors no longer receive (`withheld`);
- the class's teachers, or the page's owner and the school's directors, are told why.

Files follow: a class's file is served beyond the class only through a live entry the
reader may read (files.shared_beyond_class), and any other file showing a child whose
family has not consented only to the people who see that child's class (`withheld`).
That second rule reads the Appearance rows, which go with the child's account: so a
withdrawal also moves every file outside class collections that shows the child into
the collection of the child's class (the latest, when the child has had several), where
the class's own rule keeps it private whatever happens to the account; a child in no
class has their files moved to a collection only superusers see (WithheldCollection).
The files stay there when consent is given again: staff move them back if they wish.
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, Subquery
from django.urls import reverse
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, ReferenceIndex, WorkflowState
from wagtailmedia import get_media_model

from accounts.people import is_active_person
from consents import answers
from consents.models import Audience, Medium, PupilConsent, field_name

from .models import (
    Appearance,
    BlogEntryPage,
    ClassroomPage,
    ConsentFlag,
    Membership,
    PrivateClassPageMixin,
    Visibility,
    WithheldCollection,
)

MEDIA = (Medium.PHOTO, Medium.VOICE, Medium.VIDEO)
ENTRY_BACK_TO_CLASS = "entry_back_to_class"  # before per-medium answers (old rows)
ENTRY_TAKEN_BACK = "entry_taken_back_for_consent"
PAGE_UNPUBLISHED = "page_unpublished_for_consent"
PAGE_SHOWS_CHILD = "page_shows_child_without_consent"


def notification_kinds():
    """The sentences teachers and directors read, registered from ClassroomsConfig.ready()."""
    from django.utils.translation import gettext_lazy as _

    from notifications.kinds import Kind

    return [
        Kind(
            ENTRY_TAKEN_BACK,
            _("“%(entry)s” is now for %(audience)s only. %(reasons)s"),
            _("An entry was taken back from its readers"),
        ),
        Kind(
            ENTRY_BACK_TO_CLASS,
            _(
                "“%(entry)s” is now for the class only: it shows %(pupils)s, whose family no "
                "longer agrees to the publication of their photos and recordings."
            ),
            _("An entry is back to the class"),
        ),
        Kind(
            PAGE_UNPUBLISHED,
            _(
                "“%(page)s” is no longer published: it shows %(pupils)s, whose family no "
                "longer agrees to share this photo, recording or video with the public."
            ),
            _("A page is no longer published"),
        ),
        Kind(
            PAGE_SHOWS_CHILD,
            _(
                "“%(page)s” shows %(pupils)s, whose family no longer agrees to share this "
                "photo, recording or video with the public: visitors no longer receive "
                "the file. Remove it from the page."
            ),
            _("A page shows a child without consent"),
        ),
    ]


def consent_withdrawn(pupils) -> None:
    """Take down what shows these pupils beyond what their families now allow.

    Called with the pupils whose consent is no longer recorded; does nothing (one query)
    for a pupil seen in no file. A take-down only removes access, so it is made even when
    the cache cannot be told (performance/versions.py, `removing_access`).
    """
    from performance import versions

    with versions.removing_access():
        _take_down(pupils)


def medium_of(image_id, media_type) -> str:
    if image_id:
        return Medium.PHOTO
    return Medium.VIDEO if media_type == "video" else Medium.VOICE


def _take_down(pupils) -> None:
    names = {pupil.pk: pupil.display_name for pupil in pupils}
    rows = list(
        Appearance.objects.filter(pupil_id__in=list(names)).values_list(
            "pupil_id", "image_id", "media_id", "media__type"
        )
    )
    if not rows:
        return
    consents = answers.answers_of(names)
    # ("image" | "media", id) → the pupils seen in it whose family no longer lets it be
    # public (a "no" for the school is a "no" for the public too: answers.allowed).
    shown = defaultdict(set)
    for pupil_id, image_id, media_id, media_type in rows:
        medium = medium_of(image_id, media_type)
        if answers.allowed(consents[pupil_id], medium, Audience.PUBLIC):
            continue
        shown[("image", image_id) if image_id else ("media", media_id)].add(pupil_id)
    if not shown:
        return
    image_ids = {pk for kind, pk in shown if kind == "image"}
    media_ids = {pk for kind, pk in shown if kind == "media"}
    references = _pages_referencing(image_ids, media_ids)
    for entry in _entries_showing(image_ids, media_ids, set(references)):
        if not _pupils_in(entry, shown):
            continue
        with translation.override(settings.LANGUAGE_CODE):
            refusals = _narrow(entry)
        if refusals:
            _flag(entry, refusals)
    for page in _public_pages(set(references)):
        seen = {pupil for key in references[page.pk] for pupil in shown[key]}
        if page.specific_class.allowed_subpage_models():
            kind = PAGE_SHOWS_CHILD
        else:
            page.unpublish(log_action=True)
            kind = PAGE_UNPUBLISHED
        _tell(
            _site_editors(page),
            kind,
            url=reverse("wagtailadmin_pages:edit", args=(page.pk,)),
            page=page.title,
            pupils=_names(seen, names),
        )
    _keep_private(shown)
    # Kept public pages showing the files, or listing a page that does (a school's page
    # lists its classes' public entries), are purged now and once this commits.
    from performance import public_purge

    public_purge.purge_pages_showing(references)


def _pages_referencing(image_ids, media_ids) -> dict[int, set]:
    """The pages using these files, from Wagtail's reference index: page id → files.

    The index is built from what is saved in the page's row, its live content once
    published.
    """
    kinds = {}
    wanted = Q(pk__in=[])
    for kind, model, ids in (
        ("image", get_image_model(), image_ids),
        ("media", get_media_model(), media_ids),
    ):
        content_type = ContentType.objects.get_for_model(model)
        kinds[content_type.pk] = kind
        if ids:
            wanted |= Q(to_content_type=content_type, to_object_id__in=[str(pk) for pk in ids])
    references = defaultdict(set)
    for page_id, content_type_id, file_id in ReferenceIndex.objects.filter(
        wanted, base_content_type=ContentType.objects.get_for_model(Page)
    ).values_list("object_id", "to_content_type_id", "to_object_id"):
        references[int(page_id)].add((kinds[content_type_id], int(file_id)))
    return references


def _entries_showing(image_ids, media_ids, page_ids):
    """Live entries shared beyond their class that may show these files.

    The reference index finds them, and the entries of the classes that own the files
    are read too, in case the index has not caught up yet (it is updated by a task).
    """
    collections = set(
        get_image_model().objects.filter(pk__in=image_ids).values_list("collection_id", flat=True)
    ) | set(
        get_media_model().objects.filter(pk__in=media_ids).values_list("collection_id", flat=True)
    )
    near = Q(pk__in=page_ids)
    for path in ClassroomPage.objects.filter(collection_id__in=collections).values_list(
        "path", flat=True
    ):
        near |= Q(path__startswith=path)
    return BlogEntryPage.objects.live().exclude(visibility=Visibility.CLASS).filter(near)


def _pupils_in(entry, shown) -> set[int]:
    from .visibility import media_in_body

    image_ids, media_ids = media_in_body(entry.body)
    keys = {("image", pk) for pk in image_ids} | {("media", pk) for pk in media_ids}
    return {pupil for key in keys for pupil in shown.get(key, ())}


def narrower_visibility(entry) -> str:
    """The widest audience narrower than the entry's that the answers still allow."""
    from .visibility import publication_refusals

    if entry.visibility == Visibility.PUBLIC:
        entry.visibility = Visibility.SCHOOL
        allowed = not publication_refusals(entry)
        entry.visibility = Visibility.PUBLIC
        if allowed:
            return Visibility.SCHOOL
    return Visibility.CLASS


def _narrow(entry) -> list[str]:
    """Publish the entry for a narrower audience, if its own needs an answer now missing;
    returns the refusals that took it back (none: it stays as it is).

    The live content is published again with the narrower visibility (narrowing who reads
    needs no other check, hence clean=False); changes that waited to be published are
    saved again on top, so nothing is lost, and their review, which Wagtail cancels on
    publication, is asked again.
    """
    from . import moderation, notices
    from .visibility import publication_refusals

    refusals = publication_refusals(entry)
    if not refusals:
        return []
    waiting = entry.get_latest_revision() if entry.has_unpublished_changes else None
    state = entry.current_workflow_state
    review = state and (state.status, state.requested_by, state.current_task_state)
    entry.visibility = narrower_visibility(entry)
    revision = entry.save_revision(log_action=True, clean=False)
    revision.publish()
    if waiting is not None:
        entry = BlogEntryPage.objects.get(pk=entry.pk)
        draft = entry.with_content_json(waiting.content)
        if publication_refusals(draft):
            draft.visibility = narrower_visibility(draft)
        draft.save_revision(user=waiting.user, clean=False)
    if review:
        status, requested_by, task_state = review
        entry = BlogEntryPage.objects.get(pk=entry.pk)
        # The review is only put back as it was: nobody is told again (notices.py).
        with notices.quietly():
            moderation.submit(entry, requested_by)
            if status == WorkflowState.STATUS_NEEDS_CHANGES and task_state is not None:
                moderation.send_back(entry, task_state.finished_by, task_state.comment or "")
    return refusals


def _flag(entry, refusals) -> None:
    """Mark the entry for its teachers (shown on it until they share it again) and tell
    them, in the portal's language (the sentences name the child and the medium)."""
    entry = BlogEntryPage.objects.get(pk=entry.pk)
    audience = Visibility(entry.visibility).label
    reasons = " ".join(str(refusal) for refusal in refusals)
    with translation.override(settings.LANGUAGE_CODE):
        audience = str(audience).lower()
    ConsentFlag.objects.create(entry=entry, reasons=reasons)
    _tell(
        _class_teachers(entry),
        ENTRY_TAKEN_BACK,
        url=entry.get_url(),
        entry=entry.title,
        audience=audience,
        reasons=reasons,
    )


def _keep_private(shown) -> None:
    """Move the files outside class collections that show these children into a class's
    collection (see the module): the class's rule then holds, Appearance rows or not."""
    pupils = {pupil for seen in shown.values() for pupil in seen}
    latest_class = {}
    for pupil_id, collection_id in (
        Membership.objects.filter(
            user_id__in=pupils,
            role=Membership.Role.PUPIL,
            classroom__collection__isnull=False,
        )
        .order_by("classroom__school_year", "classroom_id")
        .values_list("user_id", "classroom__collection_id")
    ):
        latest_class[pupil_id] = collection_id  # the last one read is the latest
    files = [
        (kind, file)
        for kind, model in (("image", get_image_model()), ("media", get_media_model()))
        for file in model.objects.filter(
            pk__in=[pk for file_kind, pk in shown if file_kind == kind]
        ).select_related("collection")
    ]
    steplen = Collection.steplen
    ancestors = {
        file.collection.path[:end]
        for _kind, file in files
        for end in range(steplen, len(file.collection.path) + 1, steplen)
    }
    class_paths = tuple(
        ClassroomPage.objects.filter(collection__path__in=ancestors).values_list(
            "collection__path", flat=True
        )
    )
    for kind, file in files:
        if class_paths and file.collection.path.startswith(class_paths):
            continue
        seen = sorted(shown[(kind, file.pk)])
        target = next((latest_class[pk] for pk in seen if pk in latest_class), None)
        if target is None:
            target = withheld_collection().pk
        if target != file.collection_id:
            file.collection_id = target
            file.save(update_fields=["collection"])


def withheld_collection():
    """The collection only superusers see, made on first use (WithheldCollection)."""
    found = WithheldCollection.objects.select_related("collection").first()
    if found is not None:
        return found.collection
    from django.utils.translation import gettext

    from accounts.grants import new_collection

    with translation.override(settings.LANGUAGE_CODE):
        collection = new_collection(gettext("Withheld photos and recordings"))
    WithheldCollection.objects.create(collection=collection)
    return collection


def in_withheld_collection(collection_id) -> bool:
    """Whether a file of this collection was withheld for a child in no class (one query)."""
    if collection_id is None:
        return False
    withheld_path = WithheldCollection.objects.order_by("pk").values("collection__path")[:1]
    return Collection.objects.filter(
        pk=collection_id, path__startswith=Subquery(withheld_path)
    ).exists()


def _public_pages(page_ids):
    """Live pages of the public sites among these (class pages never are public)."""
    for page in Page.objects.live().filter(pk__in=page_ids).specific():
        if not isinstance(page, PrivateClassPageMixin):
            yield page


def _class_teachers(entry):
    return [
        membership.user
        for membership in Membership.objects.filter(
            classroom__path=entry.path[: -entry.steplen], role=Membership.Role.TEACHER
        ).select_related("user")
    ]


def _site_editors(page):
    """Who answers for a public page: its owner and the directors of its school."""
    from pages.models import SchoolPage, SchoolStaff

    school = SchoolPage.objects.ancestor_of(page, inclusive=True).first()
    people = [page.owner] if page.owner_id else []
    if school is not None:
        people += [
            staff.user
            for staff in SchoolStaff.objects.filter(
                school=school, role=SchoolStaff.Role.DIRECTOR
            ).select_related("user")
        ]
    return people


def _names(pupil_ids, names) -> str:
    return ", ".join(sorted(names[pk] for pk in pupil_ids if pk in names))


def _tell(people, kind, **params):
    from notifications.services import notify

    notify(people, kind, **params)


def children_shown(model, pk) -> dict[int, bool]:
    """The pupils seen or heard in this image, recording or video, each with whether
    their family lets it be public (for its medium).

    One query; documents show nobody (no Appearance is recorded for them).
    """
    if model is get_image_model():
        where = Q(image_id=pk)
    elif model is get_media_model():
        where = Q(media_id=pk)
    else:
        return {}
    fields = [field_name(medium, audience) for medium in MEDIA for audience in Audience.values]
    rows = Appearance.objects.filter(where).values_list(
        "pupil_id", "image_id", "media__type", *(f"pupil__consent__{name}" for name in fields)
    )
    shown = {}
    for pupil_id, image_id, media_type, *agreed in rows:
        answered = dict(zip(fields, map(bool, agreed), strict=True))
        consent = PupilConsent(pupil_id=pupil_id, **answered)
        medium = medium_of(image_id, media_type)
        shown[pupil_id] = answers.allowed(consent, medium, Audience.PUBLIC)
    return shown


def withheld(user, children) -> bool:
    """Whether a file outside the class collections showing these children is kept from
    this person (`children` as children_shown gives them).

    It is when one of the children's families has not consented to publication and the
    person sees none of that child's classes: a photo of a child moved to a school's
    collection does not become public because a page of the school's site shows it.
    """
    from .permissions import visible_classroom_ids

    without = [pk for pk, agreed in children.items() if not agreed]
    if not without:
        return False
    if is_active_person(user) and user.is_superuser:
        return False
    visible = visible_classroom_ids(user)
    classes = Membership.objects.filter(
        user_id__in=without, role=Membership.Role.PUPIL
    ).values_list("classroom_id", flat=True)
    return not any(pk in visible for pk in classes)
