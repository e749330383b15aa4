"""What the public page types share: the site identity of schools and municipalities,
the media collection a site owns, and the introduction-and-body page every public page
builds on."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList, TabbedInterface
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import BodyBlock
from ..file_scope import FileScopePageForm

# Wagtail calls this tab "Promote": a director does not guess it holds the page's address.
PROMOTE_PANELS = [
    HelpPanel(
        content=_(
            "Promote: the page's address, its title for search engines and whether it "
            "appears in the menus."
        ),
        heading=_("What is this tab?"),
    ),
    *Page.promote_panels,
]


class AccentColour(models.TextChoices):
    """The colours a site may wear, each with white text at 6.5:1 or more (WCAG AA: 4.5:1).

    The value is the colour itself; static/css/preau.css has one `accent-<name>` class per
    colour that sets --brand (and its darker and lighter shades) for the whole page, so the
    header, buttons and pictograms follow. tests/pages/test_site_identity.py checks both.
    """

    TEAL = "#0d5c63", _("Teal (Préau)")
    BLUE = "#1f4e8c", _("Blue")
    GREEN = "#2d6a2f", _("Green")
    PURPLE = "#6a3d9a", _("Purple")
    RASPBERRY = "#a3224f", _("Raspberry")
    BRICK = "#a33a1c", _("Brick red")
    BROWN = "#7a4a12", _("Brown")
    SLATE = "#3e4c59", _("Slate grey")


class SiteIdentityMixin(models.Model):
    """The logo and colour of a school's or municipality's site, worn by all its pages."""

    logo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("logo"),
        help_text=_("Shown beside the site's name on every one of its pages."),
    )
    accent = models.CharField(
        _("colour"),
        max_length=7,
        choices=AccentColour.choices,
        blank=True,
        help_text=_("The colour of the header and buttons; Préau's teal when empty."),
    )

    identity_panels = [FieldPanel("logo"), FieldPanel("accent")]

    class Meta:
        abstract = True

    @property
    def accent_class(self):
        """The CSS class of the chosen colour, e.g. "accent-blue"; empty for the default."""
        if self.accent not in AccentColour.values:  # empty, or a colour since withdrawn
            return ""
        return f"accent-{AccentColour(self.accent).name.lower()}"

    @classmethod
    def tabs(cls, content_panels):
        """Content, site identity, promote and settings tabs for the page editor."""
        return TabbedInterface(
            [
                ObjectList(content_panels, heading=_("Content")),
                ObjectList(cls.identity_panels, heading=_("Site identity")),
                ObjectList(PROMOTE_PANELS, heading=_("Promote")),
                ObjectList(Page.settings_panels, heading=_("Settings")),
            ]
        )


class MediaCollectionMixin(models.Model):
    """A page that owns a Wagtail collection: the images and documents of one site or class.

    Its role groups get rights on that collection only (accounts/grants.py), so a chooser
    never offers another school's, or a class's, files.
    """

    collection = models.ForeignKey(
        "wagtailcore.Collection",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("media collection"),
    )

    class Meta:
        abstract = True


class IntroBodyPage(Page):
    """A page with a short introduction and the shared StreamField body."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    promote_panels = PROMOTE_PANELS
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    base_form_class = FileScopePageForm  # refuses files the page may not show
    icon = "page"  # the pictogram shown beside links to pages of this type

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        from ..identity import site_identity_for

        context = super().get_context(request, *args, **kwargs)
        context["site_identity"] = site_identity_for(self)
        return context
