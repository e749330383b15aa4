"""One conversation: reading it, writing in it, its live news, reporting a message and
the files of its messages. Everyone else gets 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from classrooms.files import stored_upload_response
from submissions import drafts as local_drafts

from . import live, rules, services
from .access import PARTICIPANT, conversation_or_404, number
from .forms import MessageForm, ReportForm
from .models import Attachment, Message, Participant, Report
from .naming import names_of, pupils_among

SHOWN = 200


def draft_key(conversation) -> str:
    return f"message-{conversation.pk}"


def _messages(conversation, after=None):
    queryset = (
        Message.objects.filter(conversation=conversation)
        .select_related("author", "reply_to", "reply_to__author")
        .prefetch_related("attachments")
        .order_by("-created_at", "-pk")
    )
    if after is not None:
        queryset = queryset.filter(pk__gt=after)
    return list(reversed(queryset[:SHOWN]))


def _context(user, conversation, participant_ids, mode, *, after=None):
    """What the page (or its live news) shows: messages, names, who read each of mine."""
    places = list(
        Participant.objects.filter(conversation=conversation).select_related("user").order_by("pk")
    )
    names = names_of([place.user for place in places])
    pupils = pupils_among([place.user for place in places])
    shown = _messages(conversation, after)
    for message in shown:
        message.author_name = names.get(message.author_id) or message.author.get_full_name()
        message.mine = message.author_id == user.pk
        message.readers = [
            names[place.user_id]
            for place in places
            if place.user_id != message.author_id
            and place.read_until is not None
            and place.read_until >= message.created_at
        ]
        message.everyone_read = len(message.readers) == len(places) - 1
    return {
        "conversation": conversation,
        "chat_messages": shown,
        "others": [names[p.user_id] for p in places if p.user_id != user.pk],
        "supervising": mode != PARTICIPANT,
        "with_pupils": bool(pupils),
        "i_am_pupil": user.pk in pupils,
        "last_id": shown[-1].pk if shown else (after or 0),
        "version": live.conversation_version(conversation.pk),
        "poll_seconds": live.POLL_SECONDS,
    }


def _may_write(user, conversation, participant_ids, mode) -> bool:
    return mode == PARTICIPANT and rules.may_post(user, conversation, participant_ids)


def _reported(user, conversation) -> set:
    """The messages of this conversation the person reported (no second report button)."""
    return set(
        Report.objects.filter(reported_by=user, message__conversation=conversation).values_list(
            "message_id", flat=True
        )
    )


@login_required
@never_cache
def conversation_view(request, conversation_id):
    """Read the conversation (it is then read) and write in it."""
    conversation, participant_ids, mode = conversation_or_404(request.user, conversation_id)
    may_write = _may_write(request.user, conversation, participant_ids, mode)
    form = MessageForm(
        request.POST or None,
        request.FILES or None,
        for_pupil=bool(rules.pupil_ids_among([request.user.pk])),
    )
    if request.method == "POST":
        if not may_write:
            raise Http404
        if services.flooding(request.user):
            form.add_error(
                None,
                _(
                    "You wrote many messages in a short time: "
                    "wait a few minutes before writing again."
                ),
            )
        elif form.is_valid():
            reply_to = None
            if form.cleaned_data.get("reply_to"):
                reply_to = Message.objects.filter(
                    pk=number(form.cleaned_data["reply_to"]), conversation=conversation
                ).first()
                if reply_to is None:
                    raise Http404
            try:
                message = services.post(
                    request.user,
                    conversation,
                    body=form.cleaned_data["body"],
                    files=form.checked_files(),
                    reply_to=reply_to,
                )
            except services.NotAllowed:
                raise Http404 from None
            url = reverse("messaging:conversation", kwargs={"conversation_id": conversation.pk})
            response = redirect(f"{url}#message-{message.pk}")
            local_drafts.forget(request, response, draft_key(conversation))
            return response
    if mode == PARTICIPANT:
        services.mark_read(request.user, conversation)
    context = _context(request.user, conversation, participant_ids, mode)
    context.update(
        {
            "form": form,
            "may_write": may_write,
            "draft_key": draft_key(conversation),
            "reported": _reported(request.user, conversation),
        }
    )
    return render(
        request,
        "messaging/conversation.html",
        context,
        status=400 if form.is_bound and form.errors else 200,
    )


@never_cache
def news(request, conversation_id):
    """The live part of an open conversation, polled every 2 seconds: 204 while its
    version is the one the page shows; otherwise the new messages and who read what;
    286 (htmx stops polling) once the session ended."""
    if not request.user.is_authenticated:
        return HttpResponse(status=live.STOP_POLLING)
    if live.unchanged(live.conversation_scope(number(conversation_id)), request.GET.get("v", "")):
        return HttpResponse(status=204)
    conversation, participant_ids, mode = conversation_or_404(request.user, conversation_id)
    after = request.GET.get("apres", "0")
    after = int(after) if after.isdigit() else 0
    if mode == PARTICIPANT:
        services.mark_read(request.user, conversation)
    context = _context(request.user, conversation, participant_ids, mode)
    # The messages arriving live have the same buttons as the others ("Reply", "Report").
    context["may_write"] = _may_write(request.user, conversation, participant_ids, mode)
    context["reported"] = _reported(request.user, conversation)
    shown = context["chat_messages"]
    context["chat_messages"] = [message for message in shown if message.pk > after]
    # Who read my latest messages changes too: their "read by" lines are sent again.
    context["mine_to_update"] = [m for m in shown if m.mine and m.pk <= after][-10:]
    return render(request, "messaging/includes/news.html", context)


@login_required
def report_message(request, message_id):
    """Report a message to the adults responsible (a form, then a POST)."""
    message = (
        Message.objects.select_related("conversation", "author")
        .filter(pk=number(message_id))
        .first()
    )
    if message is None:
        raise Http404
    conversation, _ids, mode = conversation_or_404(request.user, message.conversation_id)
    if message.author_id == request.user.pk:
        raise Http404
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _report, created = services.report(request.user, message, form.cleaned_data["reason"])
        if created:
            messages.success(
                request, _("Thank you. The adults responsible were told and will read it.")
            )
        else:
            messages.info(request, _("You had already reported this message."))
        return redirect("messaging:conversation", conversation_id=conversation.pk)
    names = names_of([message.author])
    return render(
        request,
        "messaging/report.html",
        {
            "form": form,
            "message": message,
            "author_name": names[message.author_id],
            "conversation": conversation,
        },
    )


@require_safe
@login_required
def attachment_file(request, attachment_id, name):
    """A file of a message, to the people who may read its conversation only."""
    attachment = (
        Attachment.objects.filter(pk=number(attachment_id)).select_related("message").first()
    )
    if attachment is None or attachment.name != name:
        raise Http404
    conversation_or_404(request.user, attachment.message.conversation_id)
    return stored_upload_response(
        request, attachment, download=attachment.kind == Attachment.Kind.DOCUMENT
    )
