"""The comments of an entry, a class's waiting comments and its partner classes, for
templates of the class space; each tag costs a fixed number of queries. What they show
is read elsewhere: comments (comments/shared_comments.py), partnerships
(comments/partners.py)."""

from django import template
from django.db.models import Q
from django.utils.safestring import mark_safe
from wagtail.models import Page, Revision

from classrooms.models import BlogEntryPage
from classrooms.moderation import teaches_class_of
from classrooms.permissions import can_moderate_classroom, can_view_classroom
from classrooms.person import person_of, reads_as_pupil
from classrooms.visibility import guest_class_paths
from comments import rules
from comments.forms import CommentForm
from comments.models import Partnership
from comments.partners import class_partnerships
from comments.queue import pending_comments
from comments.shared_comments import comments_on
from performance import versions

register = template.Library()

QUEUE_PREVIEW = 5
PARTNER_ENTRIES = 6


def _threads(comments):
    """Top-level comments, each with its replies (one level deep), in reading order."""
    top, replies = [], {}
    for comment in comments:
        if comment.level == 0:
            comment.replies = []
            top.append(comment)
        else:
            replies.setdefault(comment.thread_id, []).append(comment)
    for comment in top:
        comment.replies = replies.get(comment.thread_id, [])
    return top


@register.inclusion_tag("comments/entry_comments.html", takes_context=True)
def entry_comments(context, entry):
    request = context["request"]
    user = request.user
    classroom = context.get("classroom") or entry.get_classroom()
    rights = rules.rights_on(user, entry, classroom)
    # Readers of a shared or public entry do not read the children's comments.
    if not (rights.write or can_view_classroom(user, classroom)):
        return {"hidden": True}
    comments = comments_on(entry)
    if not rights.moderate:
        # Published comments, and the reader's own whatever their state.
        mine = user.pk if user.is_authenticated else None
        comments = [
            comment
            for comment in comments
            if (comment.is_public and not comment.is_removed) or comment.user_id == mine
        ]
    # The rewritings comments led to, linked only for those who may open them.
    linked = {comment.led_to_revision_id for comment in comments if comment.led_to_revision_id}
    revisions = []
    if rights.moderate:
        # Shared by the class's moderators under the entry's version, which every new
        # revision replaces (save_revision saves the page).
        revisions = versions.cached(
            f"revisions:{entry.pk}",
            (versions.page_scope(entry.pk),),
            lambda: list(
                Revision.page_revisions.filter(object_id=str(entry.pk))
                .order_by("-created_at")
                .only("pk", "created_at")[:20]
            ),
        )
    return {
        "request": request,
        "entry": entry,
        "rights": rights,
        "threads": _threads(comments),
        "form": getattr(request, "comment_form", None)
        or CommentForm(is_pupil=reads_as_pupil(user, classroom)),
        "revisions": revisions,
        "readable_versions": rules.readable_version_ids(user, entry, classroom, linked),
        "csrf_token": context.get("csrf_token"),
        "user": user,
    }


REPLY_FORM_KEY = "preau_reply_form"
REPLY_TO = "preau-reply-to"


@register.simple_tag(takes_context=True)
def reply_form(context, parent):
    """The form answering one comment: the same for every comment but its number, so
    rendered once per page and numbered for each (an entry may have dozens)."""
    html = context.render_context.get(REPLY_FORM_KEY)
    if html is None:
        template = context.template.engine.get_template("comments/form.html")
        with context.push(parent=REPLY_TO, form_id=REPLY_TO):
            html = template.render(context)
        context.render_context[REPLY_FORM_KEY] = html
    return mark_safe(html.replace(REPLY_TO, str(int(parent))))  # noqa: S308 (our own template)


# The page's partnerships, by class, in the template's render context.
PAGE_PARTNERSHIPS = "preau_class_partnerships"


def _partnerships(context, classroom):
    """The class's partnerships, once per page for both tags."""
    kept = context.render_context.setdefault(PAGE_PARTNERSHIPS, {})
    if classroom.pk not in kept:
        kept[classroom.pk] = class_partnerships(classroom, context.get("class_facts"))
    return kept[classroom.pk]


@register.inclusion_tag("comments/wall_panel.html", takes_context=True)
def class_comments_panel(context, classroom):
    """For the class's teachers: waiting comments; for every teacher: partner invitations."""
    request = context["request"]
    user = request.user
    moderator = can_moderate_classroom(user, classroom)
    teacher = user.is_superuser or teaches_class_of(user, classroom)
    pending = pending_comments(classroom, limit=QUEUE_PREVIEW + 1) if moderator else []
    invitations = (
        [p for p in _partnerships(context, classroom) if p.status == Partnership.Status.INVITED]
        if teacher
        else []
    )
    return {
        "classroom": classroom,
        "pending": pending[:QUEUE_PREVIEW],
        "more_pending": len(pending) > QUEUE_PREVIEW,
        "invitations": invitations,
        "teacher": teacher,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("comments/partner_entries.html", takes_context=True)
def partner_entries(context, classroom):
    """Latest entries of the classes that invited this one, for the people who read them.

    Members of the class read its partners' blogs; anyone else only those their own
    classes are partners of (guest_class_paths): no query for who has no class at all.
    """
    request = context["request"]
    user = request.user
    member = user.is_authenticated and person_of(user).is_member(classroom)
    readable = None if member else guest_class_paths(user)
    if readable is not None and not readable:
        return {"entries": []}
    hosts = [
        partnership.host
        for partnership in _partnerships(context, classroom)
        if partnership.status == Partnership.Status.ACCEPTED
    ]
    hosts = [host for host in hosts if readable is None or host.path in readable]
    if not hosts:
        return {"entries": []}
    in_hosts = Q(pk__in=[])
    for host in hosts:
        in_hosts |= Q(path__startswith=host.path, depth=host.depth + 1)
    entries = list(
        BlogEntryPage.objects.live()
        .filter(in_hosts)
        .order_by("-first_published_at")[:PARTNER_ENTRIES]
    )
    titles = {host.path: host.title for host in hosts}
    for entry in entries:
        entry.class_title = titles.get(entry.path[: -Page.steplen], "")
    return {"entries": entries}
