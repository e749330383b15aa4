"""The accessibility statement each site publishes (French law, RGAA)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField

from .mixins import IntroBodyPage


class ComplianceStatus(models.TextChoices):
    """The three statuses of the French accessibility law (RGAA), worded as the footer
    must show them: "Accessibilité : partiellement conforme"."""

    FULL = "full", _("fully compliant")
    PARTIAL = "partial", _("partially compliant")
    NONE = "none", _("not compliant")


class AccessibilityStatementPage(IntroBodyPage):
    """The accessibility statement of one site (the portal, a school, a municipality).

    French law (RGAA) requires every public site to publish one and to name its status in
    the footer of every page; the footer links to the nearest statement up the tree
    (pages/identity.py), so each site states its own compliance.
    """

    compliance = models.CharField(
        _("compliance status"),
        max_length=10,
        choices=ComplianceStatus.choices,
        default=ComplianceStatus.NONE,
        help_text=_("“Not compliant” until an audit has measured the site."),
    )
    audit_date = models.DateField(_("audit date"), null=True, blank=True)
    non_conformities = RichTextField(
        _("content that is not accessible"),
        blank=True,
        features=["bold", "italic", "ul", "ol", "link"],
        help_text=_("What does not work yet for people with disabilities, and what to do."),
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_details = models.TextField(
        _("other ways to reach us"),
        blank=True,
        help_text=_("Postal address, telephone, opening hours."),
    )

    content_panels = [
        *IntroBodyPage.content_panels[:1],
        MultiFieldPanel(
            [FieldPanel("compliance"), FieldPanel("audit_date"), FieldPanel("non_conformities")],
            heading=_("Compliance"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_details")],
            heading=_("Feedback and contact"),
        ),
        *IntroBodyPage.content_panels[1:],
    ]

    icon = "check"
    template = "pages/accessibility_statement_page.html"
    parent_page_types = ["home.PortalPage", "pages.SchoolPage", "pages.MunicipalityPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")
