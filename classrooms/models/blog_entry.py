"""The class blog's entry: what pupils write, who may read it, its topics."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from ..blocks import EntryBodyBlock
from .spaces import ClassActivityPage


class Visibility(models.TextChoices):
    """Who may read a published blog entry. Anything beyond the class is a staff decision."""

    CLASS = "class", _("The class and its families")
    SCHOOL = "school", _("The whole school")
    PUBLIC = "public", _("Everyone (public)")


class BlogEntryTag(TaggedItemBase):
    """The topics of a blog entry ("animals", "our outing"...), chosen by the class."""

    content_object = ParentalKey(
        "classrooms.BlogEntryPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class BlogEntryPage(ClassActivityPage):
    """An entry of the class blog, often written by pupils together.

    Pupils write it in the front end (views.py) and send it to their teachers, who
    publish it through the class blog workflow (ClassTeacherApprovalTask). Personal data:
    the pupils who wrote it (authors), and whatever their words, photos and recordings
    say of them. Kept with the class space; erased with it.
    """

    body = StreamField(EntryBodyBlock(), blank=True, verbose_name=_("body"))
    authors = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="blog_entries",
        verbose_name=_("authors"),
    )
    visibility = models.CharField(
        _("who can read it"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.CLASS,
        help_text=_(
            "Beyond the class, only first names are shown, and photos or recordings of a "
            "pupil need their family's consent to be public."
        ),
    )
    tags = ClusterTaggableManager(through=BlogEntryTag, blank=True, verbose_name=_("topics"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("authors"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    settings_panels = [FieldPanel("visibility"), *Page.settings_panels]

    template = "classrooms/blog_entry_page.html"

    class Meta:
        verbose_name = _("blog entry")
        verbose_name_plural = _("blog entries")

    def check_live_visibility(self, request):
        from ..visibility import can_read_entry

        # The class, and whoever the entry is shared with (school, public, partners).
        if can_read_entry(request.user, self):
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404

    def clean(self):
        super().clean()
        from ..visibility import publication_refusals

        if refusals := publication_refusals(self):
            from django.core.exceptions import ValidationError

            raise ValidationError({"visibility": refusals})

    def get_context(self, request, *args, **kwargs):
        from ..entry_page import entry_context

        context = super().get_context(request, *args, **kwargs)
        context.update(entry_context(request, self))
        return context
