"""The newspaper's addresses, under /espaces-partages/<space_id>/journal/."""

from django.urls import path

from . import views, views_issues

app_name = "newspaper"

urlpatterns = [
    path("", views.home, name="home"),
    path("ecrire/", views.write, name="write"),
    path("articles/<int:article_id>/", views.article, name="article"),
    path("articles/<int:article_id>/modifier/", views.edit, name="edit"),
    path("articles/<int:article_id>/approuver/", views.approve, name="approve"),
    path("articles/<int:article_id>/renvoyer/", views.send_back, name="send_back"),
    path("fichiers/<int:media_id>/retirer/", views.remove_media, name="remove_media"),
    path("fichiers/<int:media_id>/<str:name>", views_issues.media_file, name="media"),
    path("numeros/nouveau/", views_issues.new_issue, name="new_issue"),
    path("numeros/<int:issue_id>/", views_issues.issue, name="issue"),
    path("numeros/<int:issue_id>/preparer/", views_issues.assemble, name="assemble"),
]
