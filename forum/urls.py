"""The reading club's addresses, under /espaces-partages/<space_id>/club/."""

from django.urls import path

from . import views, views_actions, views_files

app_name = "forum"

urlpatterns = [
    path("", views.home, name="home"),
    path("nouveau-sujet/", views.new_topic, name="new_topic"),
    path("etagere/", views.shelf, name="shelf"),
    path("a-relire/", views.review, name="review"),
    path("sujets/<int:topic_id>/", views.topic, name="topic"),
    path("sujets/<int:topic_id>/repondre/", views_actions.reply, name="reply"),
    path("sujets/<int:topic_id>/couverture/", views_files.cover, name="cover"),
    path("sujets/<int:topic_id>/<str:action>/", views_actions.topic_action, name="topic_action"),
    path("reponses/<int:post_id>/autocollant/", views_actions.sticker, name="sticker"),
    path("reponses/<int:post_id>/<str:action>/", views_actions.review_post, name="review_post"),
    path("fichiers/<int:file_id>/<str:name>", views_files.post_file, name="file"),
]
