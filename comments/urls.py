"""Comment endpoints, mounted at /commentaires/ (and /en/commentaires/)."""

from django.urls import path

from . import partner_views, views

app_name = "comments"

urlpatterns = [
    path("articles/<int:entry_id>/", views.post_comment, name="post"),
    path(
        "articles/<int:entry_id>/versions/<int:revision_id>/",
        views.revision_view,
        name="revision",
    ),
    path("<int:comment_id>/moderer/", views.moderate, name="moderate"),
    path("<int:comment_id>/signaler/", views.report, name="report"),
    path("<int:comment_id>/reecriture/", views.link_revision, name="link_revision"),
    path("classes/<int:classroom_id>/a-relire/", views.queue, name="queue"),
    path("classes/<int:classroom_id>/partenaires/", partner_views.partners, name="partners"),
    path(
        "partenariats/<int:partnership_id>/<str:action>/",
        partner_views.answer,
        name="partnership",
    ),
]
