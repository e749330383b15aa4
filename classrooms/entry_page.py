"""What a blog entry's page shows, and to whom: the one place that builds its context.

Readers beyond the class (the school, the public) see the entry with first names only;
the class sees which pupils wrote it; a parent sees which entries their child wrote;
the class's staff see where it stands and may share it. Comments are drawn by the
comments app's template tag (comments/templatetags/class_comments.py).
"""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail import hooks

from performance import versions

from .blog import children_of
from .forms import VisibilityForm
from .moderation import review_of, teaches_class_of
from .nursery import pupil_in_nursery_mode
from .permissions import can_moderate_classroom, can_view_classroom, school_of
from .visibility import shown_name


def authors_and_topics(request, entry):
    """The entry's authors (by first name) and topics, read together in one query, and
    shared under the entry's version (performance/versions.py).

    A preview shows them as the revision has them, not as the database does.
    """
    from types import SimpleNamespace

    from .blog import card_authors, card_topics, wall_annotations

    if getattr(request, "is_preview", False):
        return list(entry.authors.order_by("first_name")), list(entry.tags.all())

    def load():
        return (
            type(entry)
            .objects.filter(pk=entry.pk)
            .annotate(**wall_annotations())
            .values("card_author_rows", "card_topic_rows")
            .first()
        )

    scopes = (versions.page_scope(entry.pk),)
    rows = versions.cached(f"entry-authors:{entry.pk}", scopes, load)
    if rows is None:  # a draft previewed before its first save
        return [], []
    found = SimpleNamespace(**rows)
    return card_authors(found), card_topics(found)


def body_html(request, entry):
    """The entry's body as every reader sees it, rendered once per published version and
    language and shared under the entry's version; None for a preview (it shows a draft,
    rendered by the template as usual)."""
    if getattr(request, "is_preview", False) or not entry.live:
        return None

    def load():
        return str(entry.body.render_as_block(context={"request": request, "page": entry}))

    # Links to other pages are written for the host asked (a school may have its own).
    language, host = translation.get_language(), request.get_host()
    key = f"entry-body:{entry.pk}:{entry.live_revision_id}:{host}:{language}"
    # Rendered from our own block templates, which escape what people wrote.
    return mark_safe(versions.cached(key, (versions.page_scope(entry.pk),), load))  # noqa: S308


def spoken_text(entry) -> str:
    """The entry's written text as plain words, for the speaker button of nursery mode."""
    from html import unescape

    from django.utils.html import strip_tags

    parts = [
        strip_tags(block["value"].replace("</p>", "</p> ").replace("<br/>", " "))
        for block in entry.body.raw_data
        if block["type"] == "text"
    ]
    return " ".join(unescape(" ".join(parts)).split())


def entry_context(request, entry):
    user = request.user
    classroom = entry.get_classroom()
    in_class = can_view_classroom(user, classroom)
    authors, topics = authors_and_topics(request, entry)
    children = children_of(user)
    context = {
        "classroom": classroom,
        "body_html": body_html(request, entry),
        "in_class": in_class,
        "topics": topics,
        "shown_authors": [shown_name(author, in_class) for author in authors],
        "written_by_my_child": [a for a in authors if a.pk in children],
        "owner_name": "",
        "can_share": False,
        "school": None,
        "nursery_mode": False,
    }
    if not authors and entry.owner_id:
        owner = get_user_model().objects.filter(pk=entry.owner_id).first()
        context["owner_name"] = owner.display_name if owner else ""
    if not in_class:
        # Readers from beyond the class go back to the school's site, not to the class.
        context["school"] = school_of(classroom)
    if in_class:
        context["nursery_mode"] = pupil_in_nursery_mode(user, classroom)
        if context["nursery_mode"]:
            context["body_text"] = spoken_text(entry)
        if can_moderate_classroom(user, classroom):
            context["can_share"] = True
            context["consent_flags"] = list(entry.consent_flags.all())
            context["visibility_form"] = VisibilityForm(initial={"visibility": entry.visibility})
            context["visibility_url"] = reverse(
                "classrooms:entry_visibility", kwargs={"entry_id": entry.pk}
            )
        # What other apps offer on an entry (the writing workshop: "rewrite this text").
        context["entry_actions"] = [
            action
            for hook in hooks.get_hooks("preau_entry_actions")
            for action in hook(request, entry, classroom)
        ]
        if user.is_superuser or teaches_class_of(user, classroom):
            context["edit_url"] = reverse("classrooms:entry_edit", kwargs={"entry_id": entry.pk})
            context["review"] = review_of(entry)
    return context
