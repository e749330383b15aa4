"""The class blog's front-end addresses, mounted at /classes/ (and /en/classes/)."""

from django.urls import path
from django.views.decorators.cache import cache_control

from security.permissions_policy import allows_recording

from . import feeds, groups, pictures, views

# A class's feed is one person's: browsers and readers may keep it, shared caches never.
private_feed = cache_control(private=True, max_age=300)(feeds.class_blog_feed)

app_name = "classrooms"

urlpatterns = [
    # The editor records a pupil's voice and may open the tablet's camera.
    path("<int:classroom_id>/ecrire/", allows_recording(views.entry_new), name="entry_new"),
    path(
        "articles/<int:entry_id>/modifier/",
        allows_recording(views.entry_edit),
        name="entry_edit",
    ),
    path("articles/<int:entry_id>/relire/", views.entry_review, name="entry_review"),
    path("articles/<int:entry_id>/lecteurs/", views.entry_visibility, name="entry_visibility"),
    path("articles/<int:entry_id>/supprimer/", views.entry_delete, name="entry_delete"),
    path("<int:classroom_id>/groupes/", groups.group_list, name="groups"),
    path("<int:classroom_id>/images-des-eleves/", pictures.pupil_pictures, name="pictures"),
    path("groupes/<int:group_id>/", groups.group_edit, name="group_edit"),
    path("groupes/<int:group_id>/supprimer/", groups.group_delete, name="group_delete"),
    path(
        "<int:classroom_id>/rss/<int:user_id>/<str:token>/",
        private_feed,
        name="feed",
    ),
]
