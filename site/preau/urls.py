"""Préau's URLs: the Wagtail admin, then language-prefixed front-end pages.

French pages have no prefix; English ones live under /en/. Wagtail's catch-all serve
view comes last so every other pattern wins.
"""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from accounts.views import AdminLoginView
from classrooms.files import serve_media
from performance.views import health

urlpatterns = [
    # Wagtail's login page, asking the second factor's code like the front end's (accounts/).
    path("admin/login/", AdminLoginView.as_view(), name="wagtailadmin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap, name="sitemap"),
    # For load balancers, and the benchmark's ceiling: no database, whole middleware.
    path("health/", health, name="health"),
    # Every uploaded file goes through a permission check: class files are private.
    re_path(r"^media/(?P<path>.+)$", serve_media, name="media"),
    # Signing in through identity providers: one address per provider, whatever the
    # language, as the providers know it (federation/urls.py).
    path("connexion/", include("federation.urls")),
]

urlpatterns += i18n_patterns(
    path("compte/", include("accounts.urls")),
    path("compte/", include("cardlogin.urls")),
    path("compte/mes-donnees/", include("dataexport.urls")),
    path("compte/", include("twofactor.urls")),
    path("ecole/", include("enrolment.urls")),
    path("ecole/", include("schoolyear.urls")),
    path("ecole/", include("retention.urls")),
    path("classes/", include("classrooms.urls")),
    path("commentaires/", include("comments.urls")),
    path("exercices/", include("exercises.urls")),
    path("ecrits/", include("writing.urls")),
    path("cahier/", include("homework.urls")),
    path("plans-de-travail/", include("workplans.urls")),
    path("entrainements/", include("drills.urls")),
    path("notifications/", include("notifications.urls")),
    path("messages/", include("messaging.urls")),
    path("carnet/", include("liaison.urls")),
    path("autorisations/", include("consents.urls")),
    path("espaces-partages/<int:space_id>/club/", include("forum.urls")),
    path("espaces-partages/<int:space_id>/histoire/", include("stories.urls")),
    path("espaces-partages/<int:space_id>/journal/", include("newspaper.urls")),
    path("espaces-partages/", include("sharedspaces.urls")),
    path("bibliotheque/", include("library.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
