"""A private RSS feed of each class blog, one address per member of the class.

Feed readers cannot log in, so each person gets their own address carrying a token: an
HMAC of their id, the class and their password hash, made with the project's secret. It
needs no table; it stops working when the person changes password, is switched off, or
leaves the class (the class check runs on every request), and it never opens another
class. Wrong or stale tokens answer 404, like any class page for an outsider.
"""

from django.contrib.auth import get_user_model
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from .models import BlogEntryPage, ClassroomPage
from .permissions import can_view_classroom
from .visibility import shown_name

FEED_SALT = "preau.classrooms.feed"
FEED_ITEMS = 20


def feed_token(user, classroom) -> str:
    value = f"{user.pk}:{classroom.pk}:{user.password}"
    return salted_hmac(FEED_SALT, value, algorithm="sha256").hexdigest()[:40]


def feed_url(request, classroom, user) -> str:
    """This person's address of the class feed, or "" if they may not read the class."""
    if not (user.is_authenticated and can_view_classroom(user, classroom)):
        return ""
    path = reverse(
        "classrooms:feed",
        kwargs={
            "classroom_id": classroom.pk,
            "user_id": user.pk,
            "token": feed_token(user, classroom),
        },
    )
    return request.build_absolute_uri(path)


class ClassBlogFeed(Feed):
    """The latest published entries of one class, for one of its members."""

    def get_object(self, request, classroom_id, user_id, token):
        reader = get_user_model().objects.filter(pk=user_id, is_active=True).first()
        classroom = ClassroomPage.objects.filter(pk=classroom_id).first()
        if reader is None or classroom is None:
            raise Http404
        if not constant_time_compare(token, feed_token(reader, classroom)):
            raise Http404
        if not can_view_classroom(reader, classroom):
            raise Http404
        self.request = request
        return classroom

    def title(self, classroom):
        return _("%(class)s · class blog") % {"class": classroom.title}

    def link(self, classroom):
        return classroom.get_url(self.request)

    def description(self, classroom):
        return _("The latest entries of the class blog. This address is yours: keep it private.")

    def items(self, classroom):
        return (
            BlogEntryPage.objects.child_of(classroom)
            .live()
            .order_by("-first_published_at")
            .prefetch_related("authors")[:FEED_ITEMS]
        )

    def item_title(self, entry):
        return entry.title

    def item_link(self, entry):
        return entry.get_full_url(self.request)

    def item_pubdate(self, entry):
        return entry.first_published_at

    def item_author_name(self, entry):
        return ", ".join(shown_name(author, in_class=True) for author in entry.authors.all())

    def item_description(self, entry):
        for block in entry.body.raw_data:
            if block["type"] == "text":
                from django.utils.html import strip_tags
                from django.utils.text import Truncator

                return Truncator(strip_tags(block["value"])).words(60)
        return ""


class_blog_feed = ClassBlogFeed()
