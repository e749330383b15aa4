"""The carnet de liaison's own page, and what senders do: write a word, follow who read
it, remind the others, print the families not reached. Everyone else gets 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts.people import is_active_person
from classrooms.models import Membership
from classrooms.person import person_of
from pages.models import SchoolStaff
from submissions import once

from . import rules, services
from .access import class_to_write_or_404, followed_word_or_404, school_to_write_or_404
from .forms import WordForm
from .models import Acknowledgement, Word, WordConcern

SHOWN = 50


def _children_with_waiting(user):
    """(child, number of words waiting for this parent's acknowledgement), one query."""
    children = rules.children_of(user)
    if not children:
        return []
    acknowledged = Acknowledgement.objects.filter(
        word_id=OuterRef("word_id"), child_id=OuterRef("child_id"), parent=user
    )
    waiting = {}
    for child_id in (
        WordConcern.objects.filter(child_id__in=list(children))
        .exclude(Exists(acknowledged))
        .values_list("child_id", flat=True)
    ):
        waiting[child_id] = waiting.get(child_id, 0) + 1
    return [(child, waiting.get(pk, 0)) for pk, child in children.items()]


def _places_to_write(user):
    """(label, url) of every "write a word" button this person has: no query."""
    person = person_of(user)
    places = []
    for place in person.staff:
        if place.role == SchoolStaff.Role.DIRECTOR:
            url = reverse("liaison:new_school", kwargs={"school_id": place.page.pk})
            places.append((place.page.title, url))
    for place in person.memberships:
        if place.role == Membership.Role.TEACHER:
            url = reverse("liaison:new_class", kwargs={"classroom_id": place.page.pk})
            places.append((place.page.title, url))
    return places


@login_required
def index(request):
    """Parents: a carnet per child. Senders: their words with how many families read them."""
    user = request.user
    children = _children_with_waiting(user)
    writes = rules.may_write_at_all(user)
    if not (children or writes):
        raise Http404
    words = []
    if writes:
        followed = Word.objects.filter(rules.followed_words_filter(user))
        words = list(services.followed_words(followed)[:SHOWN])
    return render(
        request,
        "liaison/index.html",
        {
            "children": children,
            "words": words,
            "writes": writes,
            "places": _places_to_write(user) if is_active_person(user) else [],
        },
    )


def _write(request, form_kwargs, school, back_url, place_title):
    form = WordForm(request.POST or None, request.FILES or None, **form_kwargs)
    if request.method == "POST" and form.is_valid():
        claim = once.claim(request, form.cleaned_data.get(once.FIELD))
        if not claim.first and claim.result:
            return redirect(claim.result["url"])
        try:
            word = services.send_from_form(form, author=request.user, school=school)
        except Exception:
            claim.release()
            raise
        url = reverse("liaison:follow", kwargs={"word_id": word.pk})
        claim.record(url)
        count = word.concerns.count()
        messages.success(
            request,
            ngettext(
                "Your word was sent to %(count)d family.",
                "Your word was sent to %(count)d families.",
                count,
            )
            % {"count": count},
        )
        return redirect(url)
    return render(
        request,
        "liaison/new.html",
        {"form": form, "back_url": back_url, "place_title": place_title},
    )


@login_required
def new_school_word(request, school_id):
    school = school_to_write_or_404(request.user, school_id)
    return _write(request, {"school": school}, school, reverse("liaison:index"), school.title)


@login_required
def new_class_word(request, classroom_id):
    classroom = class_to_write_or_404(request.user, classroom_id)
    school = classroom.get_parent().specific
    return _write(
        request, {"classroom": classroom}, school, classroom.get_url(request), classroom.title
    )


@login_required
def follow(request, word_id):
    """Per family: acknowledged or not, by whom and when, the answers; the reminder."""
    word = followed_word_or_404(request.user, word_id)
    table = services.follow_up(word)
    return render(
        request,
        "liaison/follow.html",
        {
            "word": word,
            "table": table,
            "files": list(word.files.all()),
            "next_reminder_at": services.next_reminder_at(word),
        },
    )


@require_POST
@login_required
def remind(request, word_id):
    """One click: the families nobody acknowledged for are told again, at most hourly."""
    word = followed_word_or_404(request.user, word_id)
    reminded = services.remind(word)
    if reminded is None:
        when = formats.time_format(timezone.localtime(services.next_reminder_at(word)), "H:i")
        messages.warning(
            request,
            _(
                "The families were reminded less than an hour ago: you may remind them "
                "again after %(time)s."
            )
            % {"time": when},
        )
    elif reminded == 0:
        messages.info(request, _("Every family has read the word: nobody to remind."))
    else:
        messages.success(
            request,
            ngettext(
                "%(count)d family was reminded.",
                "%(count)d families were reminded.",
                reminded,
            )
            % {"count": reminded},
        )
    return redirect("liaison:follow", word_id=word.pk)


@login_required
def print_list(request, word_id):
    """The families not reached, to print: the paper fallback, signed at home."""
    word = followed_word_or_404(request.user, word_id)
    table = services.follow_up(word)
    return render(request, "liaison/print.html", {"word": word, "table": table})
