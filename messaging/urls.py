"""Messaging's addresses, mounted at /messages/ (and /en/messages/)."""

from django.urls import path

from security.permissions_policy import allows_recording

from . import views_conversation, views_inbox, views_manage

app_name = "messaging"

urlpatterns = [
    path("", views_inbox.inbox, name="inbox"),
    path("nouveau/", allows_recording(views_inbox.new_conversation), name="new"),
    path("compteur/", views_inbox.counter, name="counter"),
    path(
        "<int:conversation_id>/",
        allows_recording(views_conversation.conversation_view),
        name="conversation",
    ),
    path("<int:conversation_id>/nouveaux/", views_conversation.news, name="news"),
    path("message/<int:message_id>/signaler/", views_conversation.report_message, name="report"),
    path(
        "fichiers/<int:attachment_id>/<str:name>",
        views_conversation.attachment_file,
        name="attachment",
    ),
    path("reglages/", views_manage.settings_view, name="settings"),
    path("classes/<int:classroom_id>/eleves/", views_manage.supervised, name="supervised"),
    path("signalements/", views_manage.reports, name="reports"),
    path(
        "signalements/<int:report_id>/traite/", views_manage.report_handled, name="report_handled"
    ),
]
