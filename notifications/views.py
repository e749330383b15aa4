"""The list of a person's notifications; reading it marks them read."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from .models import Notification
from .unread import forget_unread

SHOWN = 50


@login_required
def notification_list(request):
    notifications = list(
        Notification.objects.filter(recipient=request.user).order_by("-created_at")[:SHOWN]
    )
    unread = [n.pk for n in notifications if n.read_at is None]
    if unread:
        Notification.objects.filter(pk__in=unread).update(read_at=timezone.now())
        # The header's unread count; being read takes nothing away, whatever the cache says.
        forget_unread([request.user.pk])
    return render(
        request,
        "notifications/list.html",
        {"notifications": notifications, "unread_ids": set(unread)},
    )
