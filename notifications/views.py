"""The bell: a person's notifications grouped by group of kinds, marked read when opened
or all at once; and the person's preferences. Each person reaches only their own (404)."""

from collections import Counter
from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.models import Site

from . import kinds, preferences, quiet
from .forms import GroupPreferenceForm
from .models import EmailChoice, Notification
from .unread import forget_unread, visible_to

SHOWN = 50


@login_required
@never_cache
def notification_list(request):
    """Newest first under a heading per group, each with its unread count. Viewing the
    list marks nothing read: the badge stays honest until the person opens or marks."""
    shown = list(visible_to(request.user).order_by("-created_at", "-pk")[:SHOWN])
    unread_kinds = Counter(
        dict(
            visible_to(request.user)
            .filter(read_at__isnull=True)
            .order_by()
            .values("kind")
            .annotate(n=Count("pk"))
            .values_list("kind", "n")
        )
    )
    group_names = kinds.group_names_of({n.kind for n in shown} | set(unread_kinds))
    unread = Counter()
    for kind_name, count in unread_kinds.items():
        unread[group_names[kind_name]] += count
    by_group = {}
    for notification in shown:
        by_group.setdefault(group_names[notification.kind], []).append(notification)
    sections = [
        {"group": group, "notifications": by_group[group.name], "unread": unread[group.name]}
        for group in kinds.groups()
        if group.name in by_group
    ]
    return render(
        request,
        "notifications/list.html",
        {"sections": sections, "unread_total": sum(unread.values())},
    )


@login_required
@require_POST
def mark_all_read(request):
    updated = visible_to(request.user).filter(read_at__isnull=True).update(read_at=quiet.now())
    if updated:
        forget_unread([request.user.pk])
    messages.success(request, _("All your notifications are marked as read."))
    return redirect("notifications:list")


def _portal_address(request, url: str) -> str | None:
    """The notification's address if it is on this portal (a path, or a school's own
    site: a Wagtail Site's hostname), never another site's: no open redirect."""
    if "\\" in url or not url:
        return None
    if url.startswith("/") and not url.startswith("//"):
        return url if url_has_allowed_host_and_scheme(url, allowed_hosts=None) else None
    host = urlsplit(url).hostname or ""
    if not Site.objects.filter(hostname__iexact=host).exists():
        return None
    allowed = {request.get_host(), urlsplit(url).netloc}
    return url if url_has_allowed_host_and_scheme(url, allowed_hosts=allowed) else None


@login_required
@never_cache
def open_notification(request, notification_id):
    """Mark one of the person's own notifications read and follow it (404 for another's)."""
    notification = visible_to(request.user).filter(pk=notification_id).first()
    if notification is None:
        raise Http404
    if notification.read_at is None:
        Notification.objects.filter(pk=notification.pk).update(read_at=quiet.now())
        forget_unread([request.user.pk])
    target = _portal_address(request, notification.url)
    return redirect(target or "notifications:list")


def _is_pupil(user) -> bool:
    return user.pk in quiet.pupils_among([user.pk])


@login_required
@never_cache
def preferences_view(request):
    """One row per group: the bell, and e-mails for adults with an address (pupils have
    none, so they choose the bell only)."""
    user = request.user
    with_email = bool(user.email) and not _is_pupil(user)
    saved = preferences.all_choices_of(user)
    forms = []
    for group in kinds.groups():
        choice = saved.get(group.name, preferences.DEFAULT)
        forms.append(
            GroupPreferenceForm(
                request.POST if request.method == "POST" else None,
                prefix=group.name,
                group=group,
                with_email=with_email,
                initial={"in_app": choice.in_app, "email": choice.email},
            )
        )
    if request.method == "POST" and all(form.is_valid() for form in forms):
        for form in forms:
            email = (
                form.cleaned_data.get("email")
                or saved.get(form.group.name, preferences.DEFAULT).email
            )
            preferences.save_choice(
                user, form.group.name, in_app=form.cleaned_data["in_app"], email=email
            )
        messages.success(request, _("Your choices are saved."))
        return redirect("notifications:preferences")
    return render(
        request,
        "notifications/preferences.html",
        {"forms": forms, "with_email": with_email, "email_choices": EmailChoice.choices},
        status=400 if request.method == "POST" else 200,
    )
