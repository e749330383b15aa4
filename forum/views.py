"""The reading club's pages: its topics, a topic with its replies, opening a topic, the
shelf of the books read, and what waits for a teacher's review. Every page goes through
forum/access.py: outsiders of the space get 404."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from . import rules, services
from .access import club_or_404, topic_or_404
from .forms import ReplyForm, TopicForm
from .models import Status, Sticker, Topic


def _recorder_context():
    seconds = settings.PREAU_AUDIO_MAX_SECONDS
    return {"recording_max_seconds": seconds, "recording_max_minutes": max(1, seconds // 60)}


@login_required
def home(request, space_id):
    standing = club_or_404(request.user, space_id)
    topics = services.topics_of(standing, request.user)
    waiting = sum(topic.waiting for topic in topics) + sum(
        1 for topic in topics if rules.may_review(standing, topic)
    )
    return render(
        request,
        "forum/home.html",
        {"standing": standing, "space": standing.space, "topics": topics, "waiting": waiting},
    )


@login_required
def topic(request, space_id, topic_id, form=None):
    standing = club_or_404(request.user, space_id)
    found = topic_or_404(standing, request.user, topic_id)
    posts = services.thread(standing, request.user, found)
    if form is None and rules.may_reply(standing, found):
        quote = request.GET.get("citer", "")
        form = ReplyForm(
            initial={"quote": quote if quote.isdigit() else None},
            for_pupil=standing.is_pupil,
        )
    quoting = None
    if form is not None:
        quote_id = form["quote"].value()
        quoting = next((post for post in posts if str(post.pk) == str(quote_id)), None)
    return render(
        request,
        "forum/topic.html",
        {
            "standing": standing,
            "space": standing.space,
            "topic": found,
            "posts": posts,
            "form": form,
            "quoting": quoting,
            "may_reply": rules.may_reply(standing, found),
            "may_review_topic": rules.may_review(standing, found),
            "read_by_us": _read_by_us(standing, found),
            "stickers": Sticker.Kind.choices,
            **_recorder_context(),
        },
        status=400 if form is not None and form.is_bound else 200,
    )


def _read_by_us(standing, found):
    """(our class id, whether it read this book) for a teacher of a member class."""
    if found.kind != Topic.Kind.BOOK or not standing.taught_class_ids:
        return None
    class_id = min(standing.taught_class_ids)
    return class_id, found.readings.filter(classroom_id=class_id).exists()


@login_required
def new_topic(request, space_id):
    standing = club_or_404(request.user, space_id)
    if not standing.may_contribute:
        raise Http404
    teaches = bool(standing.taught_class_ids)
    form = TopicForm(request.POST or None, request.FILES or None, teaches=teaches)
    if request.method == "POST" and form.is_valid():
        found = services.open_topic(standing, request.user, form)
        if found.status == Status.PUBLISHED:
            messages.success(request, _("The topic is open."))
        elif standing.is_pupil:
            messages.success(
                request,
                pgettext("pupil", "Your topic waits for your teacher before the club sees it."),
            )
        return redirect("forum:topic", space_id=standing.space.pk, topic_id=found.pk)
    return render(
        request,
        "forum/new_topic.html",
        {"standing": standing, "space": standing.space, "form": form},
        status=400 if form.is_bound else 200,
    )


@login_required
def shelf(request, space_id):
    standing = club_or_404(request.user, space_id)
    return render(
        request,
        "forum/shelf.html",
        {"standing": standing, "space": standing.space, "books": services.shelf(standing)},
    )


@login_required
def review(request, space_id):
    """What the pupils of the classes this teacher teaches wrote and wait for them."""
    standing = club_or_404(request.user, space_id)
    if not (standing.taught_class_ids or standing.admin):
        raise Http404
    topics, posts = services.waiting_for(standing)
    return render(
        request,
        "forum/review.html",
        {"standing": standing, "space": standing.space, "topics": topics, "posts": posts},
    )
