"""The comments of an entry, a class's waiting comments and its partner classes, for
templates of the class space; each tag costs a fixed number of queries."""

from django import template
from django.db.models import Q
from wagtail.models import Page, Revision

from classrooms.models import BlogEntryPage, ClassroomPage
from classrooms.moderation import teaches_class_of
from classrooms.permissions import can_moderate_classroom, can_view_classroom
from classrooms.visibility import guest_class_paths
from comments import rules
from comments.forms import CommentForm
from comments.models import ClassComment, Partnership
from comments.queue import pending_comments

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
    classroom = context.get("classroom") or entry.get_parent().specific
    rights = rules.rights_on(user, entry, classroom)
    # Readers of a shared or public entry do not read the children's comments.
    if not (rights.write or can_view_classroom(user, classroom)):
        return {"hidden": True}
    shown = ClassComment.objects.on(entry).select_related("user", "led_to_revision")
    if not rights.moderate:
        visible = Q(is_public=True, is_removed=False)
        if user.is_authenticated:
            visible |= Q(user=user)
        shown = shown.filter(visible)
    comments = list(shown)
    revisions = []
    if rights.moderate:
        revisions = list(
            Revision.page_revisions.filter(object_id=str(entry.pk))
            .order_by("-created_at")
            .only("pk", "created_at")[:20]
        )
    return {
        "request": request,
        "entry": entry,
        "rights": rights,
        "threads": _threads(comments),
        "form": getattr(request, "comment_form", None) or CommentForm(),
        "revisions": revisions,
        "csrf_token": context.get("csrf_token"),
        "user": user,
    }


@register.inclusion_tag("comments/wall_panel.html", takes_context=True)
def class_comments_panel(context, classroom):
    """For the class's teachers: waiting comments; for every teacher: partner invitations."""
    request = context["request"]
    user = request.user
    moderator = can_moderate_classroom(user, classroom)
    teacher = user.is_superuser or teaches_class_of(user, classroom)
    pending = pending_comments(classroom, limit=QUEUE_PREVIEW + 1) if moderator else []
    invitations = (
        list(
            Partnership.objects.filter(
                guest=classroom, status=Partnership.Status.INVITED
            ).select_related("host")
        )
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
    """Latest entries of the classes that invited this one, for its members."""
    readable = guest_class_paths(context["request"].user)
    hosts = list(
        ClassroomPage.objects.filter(
            guest_partnerships__guest=classroom,
            guest_partnerships__status=Partnership.Status.ACCEPTED,
        ).only("title", "path", "depth")
    )
    hosts = [host for host in hosts if host.path in readable]
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
