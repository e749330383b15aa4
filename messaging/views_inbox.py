"""A person's conversations, writing a new one, and the header's live count."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import OuterRef, Prefetch, Subquery
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext
from django.views.decorators.cache import never_cache

from submissions import drafts as local_drafts

from . import live, rules, services, supervision
from .forms import NewConversationForm
from .models import ClassMessaging, Message, Participant
from .naming import names_of

PER_PAGE = 50
NEW_DRAFT_KEY = "message-new"


def inbox_rows(user, places):
    """What the list shows of each conversation: the others' names, the last message,
    whether it is unread; in three queries whatever the number of conversations."""
    places = list(places)
    everyone = {
        p.user_id: p.user for place in places for p in place.conversation.participants.all()
    }
    names = names_of(everyone.values())
    rows = []
    for place in places:
        others = [
            names[p.user_id] for p in place.conversation.participants.all() if p.user_id != user.pk
        ]
        rows.append(
            {
                "conversation": place.conversation,
                "others": others,
                "unread": place.unread,
                "last_body": place.last_body or "",
                "last_author": names.get(place.last_author_id, ""),
                "last_was_mine": place.last_author_id == user.pk,
                "last_has_file": place.last_has_file,
            }
        )
    return rows


def places_of(user):
    last = Message.objects.filter(conversation=OuterRef("conversation")).order_by(
        "-created_at", "-pk"
    )
    return (
        Participant.objects.filter(user=user)
        .select_related("conversation")
        .annotate(
            last_body=Subquery(last.values("body")[:1]),
            last_author_id=Subquery(last.values("author_id")[:1]),
            last_has_file=Subquery(last.values("attachments__kind")[:1]),
        )
        .prefetch_related(
            Prefetch(
                "conversation__participants",
                queryset=Participant.objects.select_related("user").order_by("pk"),
            )
        )
        .order_by("-conversation__last_message_at", "-pk")
    )


def _is_pupil(user):
    return bool(rules.pupil_ids_among([user.pk]))


@login_required
@never_cache
def inbox(request):
    page = Paginator(places_of(request.user), PER_PAGE).get_page(request.GET.get("page"))
    supervised = supervision.supervised_classes_of(request.user)
    return render(
        request,
        "messaging/inbox.html",
        {
            "rows": inbox_rows(request.user, page.object_list),
            "page_obj": page,
            "is_pupil": _is_pupil(request.user),
            "supervised": supervised,
            "reports_waiting": supervision.reports_waiting(request.user),
        },
    )


def charter_of(user):
    """The charters of the pupil's classes (Préau's own when a class wrote none)."""
    from classrooms.models import Membership

    classes = Membership.objects.filter(user=user, role=Membership.Role.PUPIL).values(
        "classroom_id"
    )
    written = [
        text
        for text in ClassMessaging.objects.filter(classroom_id__in=classes).values_list(
            "charter", flat=True
        )
        if text.strip()
    ]
    return written


@login_required
@never_cache
def new_conversation(request):
    contacts = rules.contacts_of(request.user)
    is_pupil = _is_pupil(request.user)
    initial = {}
    if request.method == "GET" and request.GET.get("a"):
        wanted = request.GET["a"]
        if wanted.isdigit() and int(wanted) in contacts.ids:
            initial["to"] = [int(wanted)]
    form = NewConversationForm(
        request.POST or None,
        request.FILES or None,
        contacts=contacts,
        initial=initial,
        for_pupil=is_pupil,
    )
    if request.method == "POST":
        if form.forged():
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
            data = form.cleaned_data
            try:
                if data.get("families_of"):
                    count = services.start_with_families(
                        request.user,
                        data["families_of"],
                        subject=data["subject"],
                        body=data["body"],
                        files=form.checked_files(),
                    )
                    messages.success(
                        request,
                        ngettext(
                            "Your message was sent to %(count)d family.",
                            "Your message was sent to %(count)d families, "
                            "each in its own conversation.",
                            count,
                        )
                        % {"count": count},
                    )
                    target = reverse("messaging:inbox")
                else:
                    conversation, _rows = services.start(
                        request.user,
                        data["to"],
                        subject=data["subject"],
                        body=data["body"],
                        files=form.checked_files(),
                    )
                    messages.success(
                        request,
                        pgettext("pupil", "Your message was sent.")
                        if is_pupil
                        else _("Your message was sent."),
                    )
                    target = reverse(
                        "messaging:conversation", kwargs={"conversation_id": conversation.pk}
                    )
            except services.NotAllowed:
                raise Http404 from None
            response = redirect(target)
            local_drafts.forget(request, response, NEW_DRAFT_KEY)
            return response
    return render(
        request,
        "messaging/new.html",
        {
            "form": form,
            "contacts": contacts,
            "is_pupil": is_pupil,
            "charters": charter_of(request.user) if is_pupil else [],
            "draft_key": NEW_DRAFT_KEY,
            "chosen": {int(value) for value in form["to"].value() or [] if str(value).isdigit()},
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@never_cache
def counter(request):
    """The header's count, polled by every page: 204 while nothing changed (one cache
    read), the new count otherwise; 286 (htmx stops polling) once the session ended."""
    if not request.user.is_authenticated:
        return HttpResponse(status=live.STOP_POLLING)
    if live.unchanged(live.inbox_scope(request.user.pk), request.GET.get("v", "")):
        return HttpResponse(status=204)
    return render(request, "messaging/includes/counter.html")
