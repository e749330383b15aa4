"""The reading club's actions (POST only): replying, reviewing a pupil's topic or reply
(a teacher of that pupil's class), hiding a published reply, sticking a sticker, and
pinning, closing or marking a book read. Each checks the person's standing again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST

from sharedspaces.access import number

from . import rules, services, views
from .access import club_or_404, post_or_404, topic_or_404
from .forms import ReplyForm
from .models import Post, Reading, Status, Sticker, Topic


def _to_topic(topic, anchor=""):
    response = redirect("forum:topic", space_id=topic.space_id, topic_id=topic.pk)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


@login_required
@require_POST
def reply(request, space_id, topic_id):
    standing = club_or_404(request.user, space_id)
    topic = topic_or_404(standing, request.user, topic_id)
    if not rules.may_reply(standing, topic):
        raise Http404
    form = ReplyForm(request.POST, request.FILES, for_pupil=standing.is_pupil)
    if not form.is_valid():
        return views.topic(request, space_id, topic_id, form=form)
    quote = None
    if form.cleaned_data.get("quote"):
        quote = Post.objects.filter(
            pk=number(form.cleaned_data["quote"]), topic=topic, status=Status.PUBLISHED
        ).first()
    post = services.reply(standing, request.user, topic, form.cleaned_data, quote=quote)
    if post.status == Status.PENDING:
        messages.success(
            request,
            pgettext(
                "pupil", "Thank you! Your reply waits for your teacher before the club reads it."
            ),
        )
    else:
        messages.success(request, _("Your reply is published."))
    return _to_topic(topic, f"post-{post.pk}")


@login_required
@require_POST
def review_post(request, space_id, post_id, action):
    standing = club_or_404(request.user, space_id)
    post = post_or_404(standing, request.user, post_id)
    if action in ("approve", "refuse"):
        if not rules.may_review(standing, post):
            raise Http404
        services.review(
            standing, request.user, post, action == "approve", request.POST.get("note", "")
        )
        if action == "approve":
            messages.success(request, _("The reply is published."))
        else:
            messages.success(request, _("The reply is sent back to its author with your note."))
    elif action == "hide":
        if not rules.may_hide(standing, post):
            raise Http404
        post.status = Status.HIDDEN
        post.reviewed_by = request.user
        post.save(update_fields=["status", "reviewed_by"])
        messages.success(request, _("The reply is hidden from the club."))
    else:
        raise Http404
    if request.POST.get("next") == "review":
        return redirect("forum:review", space_id=standing.space.pk)
    return _to_topic(post.topic)


@login_required
@require_POST
def sticker(request, space_id, post_id):
    standing = club_or_404(request.user, space_id)
    post = post_or_404(standing, request.user, post_id)
    kind = request.POST.get("kind", "")
    if post.status != Status.PUBLISHED or kind not in Sticker.Kind.values:
        raise Http404
    if not standing.may_contribute:  # parents and directors read; they do not write
        raise Http404
    services.toggle_sticker(request.user, post, kind)
    return _to_topic(post.topic, f"post-{post.pk}")


@login_required
@require_POST
def topic_action(request, space_id, topic_id, action):
    standing = club_or_404(request.user, space_id)
    topic = topic_or_404(standing, request.user, topic_id)
    if action in ("approve", "refuse"):
        if not rules.may_review(standing, topic):
            raise Http404
        services.review(standing, request.user, topic, action == "approve")
        if action == "refuse":
            messages.success(request, _("The topic is sent back to its author."))
            return redirect("forum:review", space_id=standing.space.pk)
        messages.success(request, _("The topic is open to the club."))
        return _to_topic(topic)
    if action == "read":
        if topic.kind != Topic.Kind.BOOK or not standing.taught_class_ids:
            raise Http404
        class_id = min(standing.taught_class_ids)
        removed, _rows = Reading.objects.filter(topic=topic, classroom_id=class_id).delete()
        if not removed:
            Reading.objects.create(topic=topic, classroom_id=class_id)
        return _to_topic(topic)
    if not standing.may_manage or topic.status != Status.PUBLISHED:
        raise Http404
    changes = {
        "pin": ("pinned", True, _("The topic is pinned at the top of the club.")),
        "unpin": ("pinned", False, _("The topic is no longer pinned.")),
        "close": ("closed", True, _("The topic is closed: nobody can reply any more.")),
        "reopen": ("closed", False, _("The topic is open to replies again.")),
    }
    if action not in changes:
        raise Http404
    field, value, message = changes[action]
    setattr(topic, field, value)
    topic.save(update_fields=[field])
    messages.success(request, message)
    return _to_topic(topic)
