"""The StreamField blocks of public pages, each one self-describing for editors."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "h3", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)

    class Meta:
        icon = "title"
        template = "pages/blocks/heading.html"
        label = _("Heading")
        description = _("A section title, shown as a second-level heading.")
        preview_value = {"text": _("Enrolment for next school year")}


class ParagraphBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        template = "pages/blocks/paragraph.html"
        label = _("Paragraph")
        description = _("Text with bold, italics, lists and links.")
        preview_value = _("<p>The school welcomes pupils from 8:20 every school day.</p>")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Text alternative"),
        max_length=250,
        help_text=_("Describe the picture for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "pages/blocks/image.html"
        label = _("Image")
        description = _("A picture with its text alternative and an optional caption.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(label=_("Said by"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "pages/blocks/quote.html"
        label = _("Quotation")
        description = _("Words from someone, with who said them.")
        preview_value = {
            "text": _("Reading together is the best start to the day."),
            "attribution": _("The director"),
        }


class BodyBlock(blocks.StreamBlock):
    """The one body shared by every public page type."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock(features=RICH_TEXT_FEATURES)
    image = ImageBlock()
    quote = QuoteBlock()
