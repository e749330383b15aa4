"""The StreamField blocks of public pages, each one self-describing for editors.

Every block that shows a picture, a recording or a film carries its text alternative
(alt text, transcript, description): WCAG 2.1 AA asks for it, and so do the children who
cannot read yet and the families who cannot hear or see.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtailmedia.blocks import AudioChooserBlock, VideoChooserBlock

from .allergens import CHOICES as ALLERGEN_CHOICES
from .allergens import allergen_items

RICH_TEXT_FEATURES = ["bold", "italic", "h3", "ol", "ul", "link", "document-link"]

# The pictograms of static/icons/sprite.svg an editor may put on a call to action.
PICTOGRAMS = [
    ("arrow-right", _("Arrow")),
    ("calendar", _("Calendar")),
    ("mail", _("Envelope")),
    ("phone", _("Telephone")),
    ("map", _("Map pin")),
    ("news", _("Newspaper")),
    ("page", _("Page")),
    ("gallery", _("Picture frame")),
    ("speaker", _("Loudspeaker")),
    ("school", _("School")),
    ("townhall", _("Town hall")),
    ("family", _("Family")),
    ("clock", _("Clock")),
    ("pencil", _("Pencil")),
    ("printer", _("Printer")),
]


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
    """Also used by class blog entries (classrooms/blocks.py): keep its fields stable."""

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


class MediaWithTranscriptBlock(blocks.StructBlock):
    """A recording or a film with its title and the transcript deaf and blind people read.

    The one base of the public sites' AudioBlock and VideoBlock and of the class entries'
    RecordingBlock and FilmBlock (classrooms/blocks.py), with one template. Each subclass
    declares its three children (the chooser, "caption", "transcript"), because their
    labels and help differ and stored JSON names them; its Meta says how to play it:

    - `media`: the chooser child's name, "audio" or "video" (also the player's element);
    - `typed_sources`: one <source> per format wagtailmedia names, for files an editor
      uploads; without it the player reads the file's address and the browser reads the
      container itself (a class's recordings, WebM from Chrome, MP4 from Safari);
    - `preload`, `poster`: what the player fetches before anyone presses play;
    - `transcript_summary`: the words that open the transcript.
    """

    class Meta:
        template = "pages/blocks/media_with_transcript.html"
        media = "audio"
        typed_sources = True
        preload = "metadata"
        poster = False
        transcript_summary = _("Read the transcript")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context.update(
            media=value.get(self.meta.media),
            kind=self.meta.media,
            typed_sources=self.meta.typed_sources,
            preload=self.meta.preload,
            poster=self.meta.poster,
            transcript_summary=self.meta.transcript_summary,
        )
        return context


class AudioBlock(MediaWithTranscriptBlock):
    """A recording, with the transcript that deaf visitors and search engines read."""

    audio = AudioChooserBlock(label=_("Recording"))
    caption = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=250,
        help_text=_("Shown above the player; the recording's title when empty."),
    )
    transcript = blocks.TextBlock(
        label=_("Transcript"),
        help_text=_("Write what is said or sung, or describe what is heard."),
    )

    class Meta:
        icon = "wagtailmedia-audio"
        media = "audio"
        preload = "none"
        label = _("Recording")
        description = _("A sound recording with a player and its transcript.")
        preview_value = {
            "caption": _("Our song for the end of the year"),
            "transcript": _("The children of the choir sing “Le jardin des couleurs”."),
        }


class VideoBlock(MediaWithTranscriptBlock):
    """A film, with the text alternative that blind and deaf visitors need."""

    video = VideoChooserBlock(label=_("Video"))
    caption = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=250,
        help_text=_("Shown above the player; the video's title when empty."),
    )
    transcript = blocks.TextBlock(
        label=_("Transcript and description"),
        help_text=_("Write what is said and describe what is shown."),
    )

    class Meta:
        icon = "wagtailmedia-video"
        media = "video"
        poster = True
        transcript_summary = _("Read the transcript and description")
        label = _("Video")
        description = _("A film with a player, and a transcript describing what it shows.")
        preview_value = {
            "caption": _("The school sports day"),
            "transcript": _("Pupils run around the playground while their families cheer."),
        }


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=150,
        help_text=_("What the document is, e.g. “School rules (PDF)”; its title when empty."),
    )

    class Meta:
        icon = "doc-full"
        template = "pages/blocks/document.html"
        label = _("Document")
        description = _("A link to download a document: rules, forms, menus.")
        preview_value = {"label": _("School rules")}


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


class CallToActionValue(blocks.StructValue):
    def url(self):
        page = self.get("page")
        return page.url if page is not None else self.get("link")


class CallToActionBlock(blocks.StructBlock):
    """One big button that says what to do next; a page of the portal or another site."""

    label = blocks.CharBlock(label=_("Button text"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    link = blocks.URLBlock(
        label=_("Or web address"),
        required=False,
        help_text=_("Only when the destination is not a page of the portal."),
    )
    icon = blocks.ChoiceBlock(
        label=_("Pictogram"), choices=PICTOGRAMS, default="arrow-right", required=True
    )

    class Meta:
        icon = "link"
        template = "pages/blocks/call_to_action.html"
        label = _("Call to action")
        description = _("A large button with a pictogram, leading to a page or a website.")
        value_class = CallToActionValue
        preview_value = {
            "label": _("Enrol your child"),
            "link": "https://www.service-public.fr/",
            "icon": "pencil",
        }

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("link")):
            message = _("Choose either a page or a web address, not both.")
            if not value.get("page"):
                message = _("Choose a page or type a web address.")
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(message)},
            )
        return value


class EmbedMediaBlock(blocks.StructBlock):
    """A film or map from another website (YouTube, PeerTube, OpenStreetMap...).

    The title names the frame for screen readers; the embedded site's own player may not
    be accessible, so the link to it and the text alternative stay beside it.
    """

    embed = EmbedBlock(label=_("Web address of the content"))
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    transcript = blocks.TextBlock(
        label=_("Text alternative"),
        required=False,
        help_text=_("Describe what the content shows or says."),
    )

    class Meta:
        icon = "media"
        template = "pages/blocks/embed.html"
        label = _("Embedded content")
        description = _("A video or a map from another website, with a text alternative.")
        preview_value = {
            "title": _("Our school on the map"),
            "transcript": _("The school is on the main square, next to the town hall."),
        }


class BodyBlock(blocks.StreamBlock):
    """The one body shared by every public page type."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock(features=RICH_TEXT_FEATURES)
    image = ImageBlock()
    audio = AudioBlock()
    video = VideoBlock()
    document = DocumentBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    embed = EmbedMediaBlock()


# --- Exhibitions (pages.GalleryPage) -----------------------------------------------------


class WorkBlock(blocks.StructBlock):
    """One work of an exhibition: a picture, a recording, or both, and what it shows.

    A blind visitor hears the audio description; a deaf one reads the description.
    """

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    image = ImageChooserBlock(label=_("Image"), required=False)
    alt_text = blocks.CharBlock(
        label=_("Text alternative"),
        required=False,
        max_length=250,
        help_text=_("Describe the picture in one sentence; needed when there is an image."),
    )
    audio = AudioChooserBlock(
        label=_("Recording"),
        required=False,
        help_text=_("The work itself when it is heard: a song, a poem read aloud."),
    )
    caption = blocks.CharBlock(
        label=_("Caption"),
        required=False,
        max_length=250,
        help_text=_("Who made it, when, with what."),
    )
    audio_description = AudioChooserBlock(
        label=_("Audio description"),
        required=False,
        help_text=_("A recording that describes the work for visitors who cannot see it."),
    )
    description = blocks.TextBlock(
        label=_("Description"),
        required=False,
        help_text=_("What the work shows or says, and its story."),
    )

    class Meta:
        icon = "image"
        template = "pages/blocks/work.html"
        label = _("Work")
        description = _("A picture or a recording of a work, with its caption and description.")
        preview_value = {
            "title": _("Eugène's letter, 1916"),
            "caption": _("Copied by the CM2 class from the town archives."),
            "description": _("A soldier writes to his mother that he will be home for harvest."),
        }

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if not value.get("image") and not value.get("audio"):
            message = _("A work needs an image, a recording, or both.")
            errors = {"image": ValidationError(message), "audio": ValidationError(message)}
            raise StructBlockValidationError(
                block_errors=errors, non_block_errors=ErrorList([ValidationError(message)])
            )
        if value.get("image") and not value.get("alt_text", "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _("Describe the picture for people who cannot see it.")
                    )
                }
            )
        return value


class WorksBlock(blocks.StreamBlock):
    work = WorkBlock()


# --- Canteen menus (pages.CanteenMenuPage) -----------------------------------------------


# Monday to Friday: French schools have no canteen at weekends. The names carry a context:
# capitalised as headings, they must not replace Django's own weekday names (« lundi 7 »).
WEEKDAYS = [
    ("monday", pgettext_lazy("day of a canteen menu", "Monday")),
    ("tuesday", pgettext_lazy("day of a canteen menu", "Tuesday")),
    ("wednesday", pgettext_lazy("day of a canteen menu", "Wednesday")),
    ("thursday", pgettext_lazy("day of a canteen menu", "Thursday")),
    ("friday", pgettext_lazy("day of a canteen menu", "Friday")),
]
WEEKDAY_INDEX = {day: index for index, (day, _label) in enumerate(WEEKDAYS)}

MENU_LABELS = [
    ("vegetarian", _("Vegetarian")),
    ("organic", _("Organic")),
    ("local", _("Local produce")),
]


# The courses of a day, each with the allergens it contains ("<course>_allergens").
COURSES = [
    ("starter", _("Starter")),
    ("main_course", _("Main course")),
    ("side", _("Side dish")),
    ("dairy", _("Cheese or dairy")),
    ("dessert", _("Dessert")),
]


class DayMenuValue(blocks.StructValue):
    def day_name(self):
        return dict(WEEKDAYS).get(self.get("day"), "")

    def courses(self):
        """(course name, dish, its allergens) of the courses served, in menu order."""
        return [
            (name, self.get(code), allergen_items(self.get(f"{code}_allergens")))
            for code, name in COURSES
            if self.get(code)
        ]

    def label_names(self):
        chosen = set(self.get("labels") or ())
        return [(code, name) for code, name in MENU_LABELS if code in chosen]


class AllergensBlock(blocks.MultipleChoiceBlock):
    """The regulated allergens of the dish above it (pages/allergens.py)."""

    def __init__(self, **kwargs):
        super().__init__(
            choices=ALLERGEN_CHOICES,
            required=False,
            label=_("Allergens"),
            help_text=_("Tick every allergen the dish above contains."),
            widget=forms.CheckboxSelectMultiple,
            **kwargs,
        )


class DayMenuBlock(blocks.StructBlock):
    """The five courses of one day's lunch, as French canteens post them."""

    day = blocks.ChoiceBlock(label=_("Day"), choices=WEEKDAYS)
    starter = blocks.CharBlock(label=_("Starter"), required=False, max_length=150)
    starter_allergens = AllergensBlock()
    main_course = blocks.CharBlock(label=_("Main course"), max_length=150)
    main_course_allergens = AllergensBlock()
    side = blocks.CharBlock(label=_("Side dish"), required=False, max_length=150)
    side_allergens = AllergensBlock()
    dairy = blocks.CharBlock(label=_("Cheese or dairy"), required=False, max_length=150)
    dairy_allergens = AllergensBlock()
    dessert = blocks.CharBlock(label=_("Dessert"), required=False, max_length=150)
    dessert_allergens = AllergensBlock()
    labels = blocks.MultipleChoiceBlock(
        label=_("Labels"),
        choices=MENU_LABELS,
        required=False,
        help_text=_("Tick what applies to the whole meal."),
    )

    class Meta:
        icon = "date"
        template = "pages/blocks/day_menu.html"
        value_class = DayMenuValue
        label = _("Day's menu")
        description = _("Starter, main course, side dish, dairy and dessert of one day.")
        preview_value = {
            "day": "monday",
            "starter": _("Grated carrots"),
            "main_course": _("Vegetable lasagne"),
            "dairy": _("Plain yoghurt"),
            "dessert": _("Apple"),
            "labels": ["vegetarian", "local"],
        }


class WeekMenuBlock(blocks.StreamBlock):
    """Up to five days, each at most once; a day off (bank holiday) is simply left out."""

    day_menu = DayMenuBlock()

    class Meta:
        max_num = 5

    def clean(self, value):
        value = super().clean(value)
        seen = set()
        for child in value:
            day = child.value["day"]
            if day in seen:
                raise blocks.StreamBlockValidationError(
                    non_block_errors=ErrorList(
                        [ValidationError(_("Each day appears only once in a week's menu."))]
                    )
                )
            seen.add(day)
        return value
