"""The shared body and the exhibition and menu blocks: what they accept and how they render.

No test fetches an oEmbed provider (the test suite has no network): the embed block is
checked for its structure, and rendered from a cached embed only.
"""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtailmedia import get_media_model
from wagtailmedia.blocks import AudioChooserBlock, VideoChooserBlock

from pages.blocks import (
    BodyBlock,
    CallToActionBlock,
    DayMenuBlock,
    WeekMenuBlock,
    WorkBlock,
)
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def recording(portal):
    school = factories.SchoolPageFactory(parent=portal)
    school.refresh_from_db()
    media = get_media_model()(
        title="La chorale chante", type="audio", duration=3, collection=school.collection
    )
    media.file = SimpleUploadedFile("chorale.ogg", b"OggS fake recording")
    media.save()
    return media


@pytest.fixture
def film(portal):
    media = get_media_model()(title="Le cross", type="video", duration=3, width=640, height=360)
    media.file = SimpleUploadedFile("cross.mp4", b"fake film")
    media.save()
    return media


def test_body_offers_every_kind_of_content():
    body = BodyBlock()
    assert set(body.child_blocks) == {
        "heading",
        "paragraph",
        "image",
        "audio",
        "video",
        "document",
        "quote",
        "call_to_action",
        "embed",
    }
    assert isinstance(body.child_blocks["audio"].child_blocks["audio"], AudioChooserBlock)
    assert isinstance(body.child_blocks["video"].child_blocks["video"], VideoChooserBlock)
    assert isinstance(body.child_blocks["embed"].child_blocks["embed"], EmbedBlock)


@pytest.mark.parametrize(
    "block",
    [*BodyBlock().child_blocks.values(), WorkBlock(), DayMenuBlock()],
    ids=lambda block: block.name or type(block).__name__,
)
def test_every_block_describes_itself(block):
    meta = block.meta
    assert meta.icon and meta.label and meta.description
    assert meta.template.startswith("pages/blocks/")
    if block.name != "image":  # an image needs a chosen picture to preview
        assert block.get_preview_value() is not None


def test_media_blocks_require_a_transcript():
    body = BodyBlock()
    for name in ("audio", "video"):
        with pytest.raises(StructBlockValidationError) as error:
            body.child_blocks[name].clean({name: None, "caption": "", "transcript": ""})
        assert "transcript" in error.value.block_errors, name


def test_audio_renders_a_player_with_its_transcript(recording):
    block = BodyBlock().child_blocks["audio"]
    value = block.to_python(
        {"audio": recording.pk, "caption": "", "transcript": "Une chanson sur le printemps."}
    )
    html = block.render(value)
    assert "<audio controls" in html
    assert f'src="{recording.url}"' in html and recording.url.startswith("/media/")
    assert "La chorale chante" in html  # the recording's title when no caption is typed
    assert "<details" in html and "Une chanson sur le printemps." in html


def test_video_renders_a_player_with_its_text_alternative(film):
    block = BodyBlock().child_blocks["video"]
    value = block.to_python(
        {"video": film.pk, "caption": "Le cross 2026", "transcript": "Les élèves courent."}
    )
    html = block.render(value)
    assert "<video controls" in html and f'src="{film.url}"' in html
    assert 'width="640"' in html
    assert "<details" in html and "Les élèves courent." in html


def test_a_deleted_recording_renders_nothing():
    block = BodyBlock().child_blocks["audio"]
    value = block.to_python({"audio": 999999, "caption": "", "transcript": "Texte"})
    assert "<audio" not in block.render(value)


def test_document_links_with_its_label(portal):
    document = factories.DocumentFactory(title="reglement-2026")
    block = BodyBlock().child_blocks["document"]
    html = block.render(block.to_python({"document": document.pk, "label": "Règlement"}))
    assert f'href="{document.url}"' in html and "Règlement" in html
    html = block.render(block.to_python({"document": document.pk, "label": ""}))
    assert "reglement-2026" in html


def test_call_to_action_needs_a_page_or_an_address_but_not_both(portal):
    block = CallToActionBlock()
    value = {"label": "Inscrire mon enfant", "page": None, "link": "", "icon": "pencil"}
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python(value))
    assert "page" in error.value.block_errors
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({**value, "page": portal.pk, "link": "https://a.example"}))

    to_page = block.clean(block.to_python({**value, "page": portal.pk}))
    html = block.render(to_page)
    assert f'href="{portal.url}"' in html and "#pencil" in html and "Inscrire mon enfant" in html
    to_site = block.clean(block.to_python({**value, "link": "https://www.service-public.fr/"}))
    assert 'href="https://www.service-public.fr/"' in block.render(to_site)


def test_call_to_action_pictograms_exist_in_the_sprite(settings):
    sprite = (settings.BASE_DIR / "static" / "icons" / "sprite.svg").read_text()
    for name, _label in CallToActionBlock().child_blocks["icon"].field.choices:
        if name:
            assert f'id="{name}"' in sprite, name


def test_embed_is_rendered_from_wagtails_embed_cache_with_its_title(db):
    """The embed is found in Wagtail's table of fetched embeds: no request goes out."""
    from wagtail.embeds.embeds import get_embed_hash
    from wagtail.embeds.models import Embed

    url = "https://video.example/watch/1"
    Embed.objects.create(
        hash=get_embed_hash(url),
        url=url,
        max_width=None,
        type="video",
        html='<iframe src="https://video.example/embed/1"></iframe>',
        title="Le cross",
        provider_name="Example",
    )
    block = BodyBlock().child_blocks["embed"]
    value = block.to_python({"embed": url, "title": "Le cross de l'école", "transcript": ""})
    html = block.render(value)
    assert '<iframe title="Le cross de l&#x27;école" src=' in html
    assert f'href="{url}"' in html  # the way out when the embedded player is not accessible


# --- Exhibitions -------------------------------------------------------------------------


def work(**fields):
    return {
        "title": "Le monument aux morts",
        "image": None,
        "alt_text": "",
        "audio": None,
        "caption": "",
        "audio_description": None,
        "description": "",
        **fields,
    }


def test_a_work_with_neither_image_nor_recording_is_refused():
    block = WorkBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python(work()))
    assert error.value.non_block_errors
    message = str(error.value.non_block_errors.as_data()[0].message)
    assert "d’une image, d’un enregistrement" in message
    assert {"image", "audio"} <= set(error.value.block_errors)


def test_a_work_with_an_image_needs_its_text_alternative(portal):
    image = factories.ImageFactory()
    block = WorkBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python(work(image=image.pk)))
    assert set(error.value.block_errors) == {"alt_text"}
    cleaned = block.clean(block.to_python(work(image=image.pk, alt_text="Un obélisque gris.")))
    assert cleaned["image"] == image


def test_a_recorded_work_is_accepted_and_renders_its_players(recording):
    block = WorkBlock()
    value = block.clean(
        block.to_python(
            work(
                title="Le chant des soldats",
                audio=recording.pk,
                audio_description=recording.pk,
                description="Les CM2 chantent.",
            )
        )
    )
    html = block.render(value)
    assert html.count("<audio controls") == 2
    assert "Le chant des soldats" in html and "Les CM2 chantent." in html
    assert "<img" not in html


def test_works_block_is_a_list_of_works():
    from pages.models import GalleryPage

    works = GalleryPage._meta.get_field("works").stream_block
    assert list(works.child_blocks) == ["work"]
    assert isinstance(works.child_blocks["work"], WorkBlock)


# --- Canteen menus -----------------------------------------------------------------------


def day(name, main="Lasagnes", **fields):
    return {
        "day": name,
        "starter": "",
        "main_course": main,
        "side": "",
        "dairy": "",
        "dessert": "",
        "labels": [],
        **fields,
    }


def test_a_week_has_each_day_once():
    week = WeekMenuBlock()
    value = week.to_python(
        [{"type": "day_menu", "value": day("monday")}, {"type": "day_menu", "value": day("monday")}]
    )
    with pytest.raises(blocks.StreamBlockValidationError):
        week.clean(value)
    fine = week.to_python(
        [{"type": "day_menu", "value": day("monday")}, {"type": "day_menu", "value": day("friday")}]
    )
    assert len(week.clean(fine)) == 2


def test_a_day_needs_a_main_course():
    block = DayMenuBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python(day("tuesday", main="")))


def test_a_day_menu_shows_its_courses_and_labels():
    block = DayMenuBlock()
    value = block.to_python(
        day("thursday", starter="Carottes râpées", dessert="Pomme", labels=["vegetarian", "local"])
    )
    html = block.render(value)
    assert "Carottes râpées" in html and "Lasagnes" in html and "Pomme" in html
    assert "tag--vegetarian" in html and "tag--local" in html and "tag--organic" not in html
