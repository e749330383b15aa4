"""The class wall: what a class space's page shows to each of the people who may see it.

Latest published activities (each kind prepares its own cards in bulk), what waits for
the teacher, the person's drafts, the topics of the class, and what the other classes of
the school shared. Every part costs a fixed number of queries.
"""

from django.core.paginator import Paginator
from taggit.models import Tag
from wagtail.models import Page

from . import activities
from .feeds import feed_url
from .groups import groups_of
from .models import BlogEntryPage, ClassroomPage, Membership, Visibility
from .permissions import can_manage_classroom
from .visibility import readable_entries_filter

WALL_SIZE = 12
DEFAULT_CARD = "classrooms/cards/activity.html"
SHARED_SIZE = 6


def wall_pages(classroom, topic=None):
    """Published activities of the class, newest first (only blog entries for a topic)."""
    if topic:
        return (
            BlogEntryPage.objects.child_of(classroom)
            .live()
            .filter(tags__slug=topic)
            .order_by("-first_published_at")
        )
    models = [activity.model for activity in activities.registered() if activity.on_wall]
    return Page.objects.child_of(classroom).live().type(*models).order_by("-first_published_at")


def prepare(pages, request):
    """Give each page its card template and let its activity load what the card shows."""
    by_activity = {}
    for page in pages:
        activity = activities.for_model(type(page))
        page.card_template = (
            activity.card_template if activity else "classrooms/cards/activity.html"
        )
        if activity and activity.prepare_cards:
            by_activity.setdefault(activity, []).append(page)
    for activity, group in by_activity.items():
        activity.prepare_cards(group, request)


def class_topics(classroom):
    return (
        Tag.objects.filter(
            classrooms_blogentrytag_items__content_object__path__startswith=classroom.path,
            classrooms_blogentrytag_items__content_object__live=True,
        )
        .distinct()
        .order_by("name")
    )


def shared_by_other_classes(classroom, user):
    """Entries the other classes of the school shared with it, or made public."""
    school_path = classroom.path[: -Page.steplen]
    entries = (
        BlogEntryPage.objects.live()
        .filter(path__startswith=school_path, depth=classroom.depth + 1)
        .exclude(path__startswith=classroom.path)
        .exclude(visibility=Visibility.CLASS)
        .filter(readable_entries_filter(user))
        .order_by("-first_published_at")[:SHARED_SIZE]
    )
    entries = list(entries)
    class_paths = {entry.path[: -Page.steplen] for entry in entries}
    titles = dict(ClassroomPage.objects.filter(path__in=class_paths).values_list("path", "title"))
    for entry in entries:
        entry.class_title = titles.get(entry.path[: -Page.steplen], "")
    return entries


def wall_context(request, classroom):
    user = request.user
    topic = request.GET.get("sujet", "")[:100]
    paginator = Paginator(wall_pages(classroom, topic).specific(), WALL_SIZE)
    wall = paginator.get_page(request.GET.get("page"))
    prepare(wall.object_list, request)
    to_review, drafts, new_buttons = [], [], []
    for activity in activities.registered():
        if activity.to_review:
            to_review += activity.to_review(classroom, user)
        if activity.drafts:
            drafts += activity.drafts(classroom, user)
        if activity.new_url and (url := activity.new_url(classroom, user)):
            new_buttons.append((activity, url))
    teachers = [
        membership.user
        for membership in classroom.memberships.filter(role=Membership.Role.TEACHER)
        .select_related("user")
        .order_by("user__last_name")
    ]
    return {
        "wall": wall,
        "topic": topic,
        "topics": list(class_topics(classroom)),
        "to_review": to_review,
        "drafts": drafts,
        "new_buttons": new_buttons,
        "teachers": teachers,
        "shared": shared_by_other_classes(classroom, user),
        "can_manage": can_manage_classroom(user, classroom),
        "feed_url": feed_url(request, classroom, user),
        "my_groups": groups_of(user, classroom),
    }
