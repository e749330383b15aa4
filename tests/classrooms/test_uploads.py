"""Photos lose their metadata and recordings are judged by their bytes (classrooms.uploads).

The media fixtures were made once with ffmpeg (tone.*, clip.*, long.webm, fragmented.m4a)
and with Chromium's own MediaRecorder (chrome-*.webm: no Duration, Segment and Clusters of
unknown size); the tests never run an encoder.
"""

import hashlib
import io
import struct
import zlib
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.db.models.signals import pre_save
from django.urls import reverse
from django.utils import translation
from PIL import ExifTags, Image, ImageFile
from wagtail.images import get_image_model

from classrooms import media_probe, uploads
from classrooms.media_probe import reading
from classrooms.media_probe import webm as ebml
from classrooms.models import BlogEntryPage
from tests import factories

MEDIA = Path(__file__).resolve().parent.parent / "fixtures" / "media"
GPS_IFD = ExifTags.IFD.GPSInfo  # 0x8825


def photo_bytes(size=(40, 30), image_format="JPEG", mode="RGB", orientation=None, gps=True):
    """A picture as a phone writes it: EXIF with the place it was taken and its rotation."""
    image = Image.new(mode, size, (200, 30, 30, 255)[: len(mode)])
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    if gps:
        gps_ifd = exif.get_ifd(GPS_IFD)
        gps_ifd[ExifTags.GPS.GPSLatitudeRef] = "N"
        gps_ifd[ExifTags.GPS.GPSLatitude] = (47.0, 13.0, 5.0)
        gps_ifd[ExifTags.GPS.GPSLongitudeRef] = "W"
        gps_ifd[ExifTags.GPS.GPSLongitude] = (1.0, 33.0, 10.0)
    output = io.BytesIO()
    image.save(output, format=image_format, exif=exif)
    return output.getvalue()


def has_gps(data):
    with Image.open(io.BytesIO(data)) as image:
        return bool(image.getexif().get_ifd(GPS_IFD))


def assert_bare_pixels(data):
    assert b"Exif\x00\x00" not in data
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        assert GPS_IFD not in exif
        assert not exif.get_ifd(GPS_IFD)
        assert len(exif) == 0
        assert not {"exif", "xmp", "icc_profile", "comment"} & set(image.info)


def upload(name, data, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def error_code(excinfo):
    return excinfo.value.code


# --- clean_photo ---------------------------------------------------------------------------


def test_the_phone_photo_fixture_carries_gps():
    data = photo_bytes()
    assert b"Exif\x00\x00" in data
    assert has_gps(data)


def test_clean_photo_drops_gps_and_every_other_tag():
    cleaned = uploads.clean_photo(upload("IMG_2041.JPG", photo_bytes(orientation=1)))
    data = cleaned.content.read()
    assert_bare_pixels(data)
    assert b"PhoneMaker" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG"
        assert image.size == (cleaned.width, cleaned.height) == (40, 30)
    assert cleaned.name == cleaned.content.name == "img_2041.jpg"


def test_clean_photo_turns_the_picture_upright():
    data = photo_bytes(size=(20, 10), orientation=6)
    with Image.open(io.BytesIO(data)) as original:
        assert original.size == (20, 10)  # the rotation is only a tag until applied
    cleaned = uploads.clean_photo(upload("sideways.jpg", data))
    assert (cleaned.width, cleaned.height) == (10, 20)
    with Image.open(cleaned.content) as image:
        assert image.size == (10, 20)


def test_clean_photo_keeps_png_transparency():
    image = Image.new("RGBA", (8, 8), (0, 0, 255, 255))
    image.putpixel((0, 0), (0, 0, 0, 0))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    output = io.BytesIO()
    image.save(output, format="PNG", exif=exif)
    assert b"PhoneMaker" in output.getvalue()
    cleaned = uploads.clean_photo(upload("dessin.png", output.getvalue()))
    assert cleaned.name == "dessin.png"
    data = cleaned.content.read()
    assert_bare_pixels(data)
    with Image.open(io.BytesIO(data)) as result:
        assert result.format == "PNG"
        assert result.mode == "RGBA"
        assert result.getpixel((0, 0))[3] == 0
        assert result.getpixel((4, 4)) == (0, 0, 255, 255)


def test_gif_becomes_png_and_webp_becomes_jpeg_named_after_the_upload():
    gif = io.BytesIO()
    Image.new("P", (6, 6)).save(gif, format="GIF")
    assert uploads.clean_photo(upload("anim.gif", gif.getvalue())).name == "anim.png"
    webp = photo_bytes(image_format="WEBP", mode="RGBA")
    cleaned = uploads.clean_photo(upload("Été à la plage.webp", webp))
    assert cleaned.name == "ete-a-la-plage.jpg"
    with Image.open(cleaned.content) as result:
        assert (result.format, result.mode) == ("JPEG", "RGB")
        assert result.getpixel((3, 3))[0] > 150  # laid on white, not on black


def test_name_falls_back_and_is_short():
    assert uploads.clean_photo(upload("???.jpg", photo_bytes())).name == "photo.jpg"
    long_name = "a" * 200 + ".jpg"
    assert uploads.clean_photo(upload(long_name, photo_bytes())).name == "a" * 60 + ".jpg"


def test_clean_photo_downscales_to_2560_pixels():
    cleaned = uploads.clean_photo(upload("panorama.jpg", photo_bytes(size=(3000, 600))))
    assert (cleaned.width, cleaned.height) == (2560, 512)


def test_clean_photo_reads_iphone_heic():
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()
    output = io.BytesIO()
    try:
        Image.new("RGB", (16, 12), "green").save(output, format="HEIF")
    except (KeyError, OSError, ValueError, RuntimeError):
        pytest.skip("this libheif cannot encode HEIF")
    cleaned = uploads.clean_photo(upload("IMG_0001.HEIC", output.getvalue()))
    assert (cleaned.name, cleaned.width, cleaned.height) == ("img_0001.jpg", 16, 12)


@pytest.mark.parametrize(
    "data",
    [
        b"Bonjour, ceci n'est pas une photo.\n",
        b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
        photo_bytes()[:200],  # a JPEG cut short
        b"",
    ],
    ids=["text", "svg", "truncated-jpeg", "empty"],
)
def test_clean_photo_refuses_what_is_not_a_photo(data):
    with pytest.raises(ValidationError) as excinfo:
        uploads.clean_photo(upload("photo.jpg", data, "image/jpeg"))
    assert error_code(excinfo) == "photo_unreadable"
    with translation.override("en"):
        assert "not a photo we can read" in excinfo.value.messages[0]


def test_clean_photo_refuses_a_tiff_even_though_pillow_reads_it():
    output = io.BytesIO()
    Image.new("RGB", (4, 4)).save(output, format="TIFF")
    with pytest.raises(ValidationError) as excinfo:
        uploads.clean_photo(upload("scan.jpg", output.getvalue()))
    assert error_code(excinfo) == "photo_unreadable"


class HugeUpload:
    """An upload that announces its size and must not be read."""

    name = "huge.jpg"
    size = 23 * 1024 * 1024

    def read(self, *args):
        raise AssertionError("the size must be checked before reading")

    seek = read


def test_clean_photo_refuses_a_large_file_before_reading_it():
    with pytest.raises(ValidationError) as excinfo:
        uploads.clean_photo(HugeUpload())
    assert error_code(excinfo) == "photo_too_large"
    with translation.override("en"):
        assert excinfo.value.messages == [
            "This photo is too large (23.0\xa0MB). Photos may weigh 15.0\xa0MB at most."
        ]


def test_photo_size_limit_comes_from_the_settings(settings):
    settings.PREAU_PHOTO_MAX_BYTES = 100
    with pytest.raises(ValidationError) as excinfo:
        uploads.clean_photo(upload("photo.jpg", photo_bytes()))
    assert error_code(excinfo) == "photo_too_large"


@pytest.mark.parametrize("side", [12, 20], ids=["pillow-warns", "pillow-refuses"])
def test_clean_photo_refuses_decompression_bombs(monkeypatch, side):
    """Pillow warns between its limit (here 100 pixels) and twice it, and refuses above."""
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100)
    output = io.BytesIO()
    Image.new("RGB", (side, side)).save(output, format="PNG")
    with pytest.raises(ValidationError) as excinfo:
        uploads.clean_photo(upload("bomb.png", output.getvalue()))
    assert error_code(excinfo) == "photo_too_many_pixels"


# --- Every Wagtail image loses its metadata ------------------------------------------------


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_bytes(name):
    with default_storage.open(name, "rb") as stored:
        return stored.read()


@pytest.mark.django_db
def test_orm_created_image_and_its_renditions_have_no_gps(media_root):
    original = photo_bytes(size=(200, 100), orientation=6)
    assert has_gps(original)
    image = get_image_model().objects.create(
        title="Sortie au parc", file=SimpleUploadedFile("sortie.jpg", original)
    )
    image.refresh_from_db()
    data = stored_bytes(image.file.name)
    assert_bare_pixels(data)
    assert image.file.name.startswith("original_images/sortie")
    assert (image.width, image.height) == (100, 200)
    assert image.file_size == len(data)
    assert image.file_hash == hashlib.sha1(data).hexdigest()  # noqa: S324 - Wagtail's hash

    rendition = image.get_rendition("width-50")
    rendition_data = stored_bytes(rendition.file.name)
    assert_bare_pixels(rendition_data)
    assert (rendition.width, rendition.height) == (50, 100)


@pytest.mark.django_db
def test_without_the_handler_the_gps_would_be_stored(media_root):
    """The test above can fail: with the handler disconnected, GPS reaches the disk."""
    image_model = get_image_model()
    assert pre_save.disconnect(sender=image_model, dispatch_uid="classrooms_strip_image_metadata")
    try:
        image = image_model.objects.create(
            title="Sortie", file=SimpleUploadedFile("sortie.jpg", photo_bytes())
        )
        assert has_gps(stored_bytes(image.file.name))
    finally:
        uploads.register()


@pytest.mark.django_db
def test_images_cleaned_by_our_forms_are_not_encoded_twice(media_root):
    already_cleaned = photo_bytes()  # stands for clean_photo's output
    image = get_image_model()(title="Dessin", file=SimpleUploadedFile("d.jpg", already_cleaned))
    with uploads.already_cleaned(image):
        image.save()
    assert stored_bytes(image.file.name) == already_cleaned


@pytest.mark.django_db
def test_saving_an_image_again_does_not_reencode_it(media_root):
    image = factories.ImageFactory()
    first = stored_bytes(image.file.name)
    image.title = "Nouveau titre"
    image.save()
    assert stored_bytes(image.file.name) == first


@pytest.mark.django_db
def test_files_pillow_cannot_read_are_left_to_wagtail():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'
    image = get_image_model()(title="Logo", file=SimpleUploadedFile("logo.svg", svg))
    uploads.strip_image_metadata(get_image_model(), image)
    assert image.file.name == "logo.svg"
    image.file.seek(0)
    assert image.file.read() == svg


@pytest.mark.django_db
def test_photos_uploaded_through_the_wagtail_admin_lose_their_gps(client, media_root):
    client.force_login(factories.UserFactory(is_superuser=True, is_staff=True))
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Kermesse", "file": SimpleUploadedFile("kermesse.jpg", photo_bytes())},
    )
    assert response.status_code == 302
    image = get_image_model().objects.get(title="Kermesse")
    assert_bare_pixels(stored_bytes(image.file.name))
    assert image.file_hash == hashlib.sha1(stored_bytes(image.file.name)).hexdigest()  # noqa: S324


# --- clean_recording -----------------------------------------------------------------------


def fixture(name):
    return (MEDIA / name).read_bytes()


@pytest.mark.parametrize(
    ("name", "kind", "container", "duration", "extension"),
    [
        ("chrome-audio.webm", "audio", "webm", 2.46, "webm"),
        ("chrome-video.webm", "video", "webm", 2.0, "webm"),
        ("tone.webm", "audio", "webm", 3.0, "webm"),
        ("tone.m4a", "audio", "mp4", 3.0, "m4a"),
        ("fragmented.m4a", "audio", "mp4", 3.06, "m4a"),
        ("tone.ogg", "audio", "ogg", 3.0, "ogg"),
        ("tone.wav", "audio", "wav", 1.0, "wav"),
        ("tone.mp3", "audio", "mp3", 3.0, "mp3"),
        ("clip.mp4", "video", "mp4", 2.0, "mp4"),
        ("clip.mp4", "audio", "mp4", 2.0, "m4a"),
        ("clip.mov", "video", "quicktime", 2.0, "mov"),
    ],
)
def test_clean_recording_measures_what_recorders_write(name, kind, container, duration, extension):
    uploaded = upload(f"Ma récitation {name}", fixture(name))
    recording = uploads.clean_recording(uploaded, kind)
    assert recording.container == container
    assert recording.duration == pytest.approx(duration, abs=0.25)
    assert recording.media_type == kind
    assert recording.name.endswith(f".{extension}")
    assert recording.name.startswith("ma-recitation-")
    if container == "webm":
        # Rewritten with its length and cues (classrooms/remux.py), read from the start.
        assert recording.file is not uploaded and recording.file.tell() == 0
    else:
        assert recording.file is uploaded
    assert uploaded.tell() == 0


@pytest.mark.parametrize("name", ["tone.ogg", "tone.mp3", "chrome-audio.webm", "tone.m4a"])
def test_clean_recording_reads_uploads_spooled_to_disk(name):
    data = fixture(name)
    uploaded = TemporaryUploadedFile("voix.bin", "application/octet-stream", len(data), None)
    uploaded.write(data)
    try:
        recording = uploads.clean_recording(uploaded, "audio")
        assert recording.duration > 0.9
        assert uploaded.read() == data
    finally:
        uploaded.close()


def test_the_extension_follows_the_content_not_the_name():
    recording = uploads.clean_recording(upload("chanson.mp3", fixture("tone.ogg")), "audio")
    assert (recording.container, recording.name) == ("ogg", "chanson.ogg")


def webm_segment_children(data):
    """The Segment and its children as our parser sees them."""
    reader = reading.Reader(io.BytesIO(data), len(data))
    header = ebml._element_at(reader, 0, len(data))
    segment = ebml._element_at(reader, header.data_end, len(data))
    assert segment.id == ebml.SEGMENT
    children, position = [], segment.data_start
    while position < segment.data_end:
        element = ebml._element_at(reader, position, segment.data_end)
        if element is None:
            break
        if element.id == ebml.CLUSTER:
            element.data_end = ebml._walk_cluster(reader, element, ebml._Timeline())
        children.append(element)
        position = element.data_end
    return reader, segment, children


@pytest.mark.parametrize("name", ["chrome-audio.webm", "chrome-video.webm", "tone.webm"])
def test_streamed_webm_fixtures_have_no_duration_header(name):
    """What makes these files hard: nothing in the header says how long they last."""
    reader, segment, children = webm_segment_children(fixture(name))
    assert segment.unknown_size
    (info,) = [child for child in children if child.id == ebml.INFO]
    info_ids = {child.id for child in ebml._children(reader, info.data_start, info.data_end)}
    assert ebml.TIMESTAMP_SCALE in info_ids
    assert ebml.DURATION not in info_ids
    clusters = [child for child in children if child.id == ebml.CLUSTER]
    assert len(clusters) >= 2
    if name.startswith("chrome"):
        assert all(cluster.unknown_size for cluster in clusters)


# A tiny EBML writer, to build the cases recorders rarely produce.


def ebml_id(value):
    return value.to_bytes((value.bit_length() + 7) // 8, "big")


def element(id_value, payload=b"", unknown_size=False):
    size = b"\x01" + b"\xff" * 7 if unknown_size else (1 << 56 | len(payload)).to_bytes(8, "big")
    return ebml_id(id_value) + size + payload


def uint(id_value, value):
    return element(id_value, value.to_bytes(4, "big"))


def simple_block(relative):
    return element(ebml.SIMPLE_BLOCK, b"\x81" + struct.pack(">h", relative) + b"\x80xx")


def webm(*segment_children, doc_type=b"webm"):
    header = element(ebml.EBML_HEADER, element(ebml.DOC_TYPE, doc_type))
    return header + element(ebml.SEGMENT, b"".join(segment_children), unknown_size=True)


def cluster(timestamp, *blocks, unknown_size=True):
    payload = uint(ebml.CLUSTER_TIMESTAMP, timestamp) + b"".join(blocks)
    return element(ebml.CLUSTER, payload, unknown_size=unknown_size)


def test_a_lying_duration_header_does_not_hide_the_real_length():
    info = element(
        ebml.INFO,
        uint(ebml.TIMESTAMP_SCALE, 1_000_000) + element(ebml.DURATION, struct.pack(">d", 500.0)),
    )
    group = element(
        ebml.BLOCK_GROUP,
        element(ebml.BLOCK, b"\x81" + struct.pack(">h", 900) + b"\x80x")
        + uint(ebml.BLOCK_DURATION, 100),
    )
    cues = element(0x1C53BB6B, b"\x00" * 4)
    data = webm(
        info,
        cluster(0, simple_block(0), simple_block(980)),
        cluster(2000, simple_block(-20), group),
        cues,
        cluster(3000, simple_block(40), unknown_size=False),
    )
    measured = media_probe.probe(io.BytesIO(data), len(data))
    assert measured == media_probe.Probe("webm", 3.04)


def test_timestamp_scale_and_matroska_doc_type():
    info = element(ebml.INFO, uint(ebml.TIMESTAMP_SCALE, 10_000_000))
    video_track = element(ebml.TRACK_ENTRY, element(ebml.TRACK_TYPE, b"\x01"))  # TrackType 1: video
    tracks = element(ebml.TRACKS, video_track)
    data = webm(info, tracks, cluster(100, simple_block(50)), doc_type=b"matroska")
    recording = uploads.clean_recording(upload("film", data), "video")
    assert (recording.container, recording.duration, recording.name) == (
        "matroska",
        1.5,
        "film.mkv",
    )


def test_webm_parser_gives_up_on_endless_files(monkeypatch):
    monkeypatch.setattr(reading, "MAX_ELEMENTS", 1000)
    voids = element(0xEC) * 2000
    data = webm(cluster(0, voids, simple_block(1000)))
    with pytest.raises(ValidationError) as excinfo:
        uploads.clean_recording(upload("voix.webm", data), "audio")
    assert error_code(excinfo) == "recording_unreadable"


def test_other_doc_types_are_refused():
    data = webm(cluster(0, simple_block(1000)), doc_type=b"mkv3d")
    with pytest.raises(ValidationError) as excinfo:
        uploads.clean_recording(upload("voix.webm", data), "audio")
    assert error_code(excinfo) == "recording_unreadable"


def png_bytes():
    output = io.BytesIO()
    Image.new("RGB", (4, 4)).save(output, format="PNG")
    return output.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "kind", "code"),
    [
        ("voix.webm", png_bytes(), "audio", "recording_unreadable"),
        ("voix.webm", b"\x00" + bytes(range(256)) * 20, "audio", "recording_unreadable"),
        (
            "voix.mp3",
            b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\x00" * 500,
            "audio",
            "recording_unreadable",
        ),
        ("film.mp4", b"\x00\x00\x00\x10ftypisom" + b"\x00" * 100, "video", "recording_unreadable"),
        ("voix.webm", fixture("chrome-audio.webm")[:20], "audio", "recording_unreadable"),
        ("voix.webm", fixture("chrome-audio.webm")[:100], "audio", "recording_length_unknown"),
        ("voix.webm", b"", "audio", "recording_empty"),
        ("voix.webm", webm(cluster(0, simple_block(0))), "audio", "recording_empty"),
        ("film.webm", fixture("tone.wav"), "video", "recording_unreadable"),
        ("film.ogg", fixture("tone.ogg"), "video", "recording_unreadable"),
    ],
    ids=[
        "png-as-webm",
        "random-bytes",
        "id3-without-sound",
        "mp4-without-moov",
        "webm-cut-in-header",
        "webm-cut-before-sound",
        "empty-file",
        "zero-length",
        "wav-as-video",
        "ogg-as-video",
    ],
)
def test_clean_recording_refusals(name, data, kind, code):
    with pytest.raises(ValidationError) as excinfo:
        uploads.clean_recording(upload(name, data, "audio/webm"), kind)
    assert error_code(excinfo) == code


def test_wrong_kind_says_a_video_is_expected():
    with pytest.raises(ValidationError) as excinfo, translation.override("en"):
        uploads.clean_recording(upload("film.wav", fixture("tone.wav")), "video")
    with translation.override("en"):
        assert excinfo.value.messages[0].startswith("This file is not a video we can read.")


def test_six_minutes_of_audio_is_too_long():
    with pytest.raises(ValidationError) as excinfo:
        uploads.clean_recording(upload("long.webm", fixture("long.webm")), "audio")
    assert error_code(excinfo) == "recording_too_long"
    with translation.override("en"):
        assert excinfo.value.messages == [
            "This recording lasts 6 min. Recordings may last 5 min at most."
        ]


def test_length_limits_come_from_the_settings(settings):
    settings.PREAU_AUDIO_MAX_SECONDS = 1
    settings.PREAU_VIDEO_MAX_SECONDS = 90
    with pytest.raises(ValidationError) as excinfo:
        uploads.clean_recording(upload("tone.ogg", fixture("tone.ogg")), "audio")
    assert error_code(excinfo) == "recording_too_long"
    with translation.override("en"):
        assert excinfo.value.messages == [
            "This recording lasts 3 s. Recordings may last 1 s at most."
        ]
    assert uploads.format_duration(90) == "1 min 30 s"


class HugeRecording(HugeUpload):
    name = "film.mp4"
    size = 101 * 1024 * 1024


def test_size_limits_are_checked_before_reading(settings):
    with pytest.raises(ValidationError) as excinfo:
        uploads.clean_recording(HugeRecording(), "video")
    assert error_code(excinfo) == "recording_too_large"
    settings.PREAU_AUDIO_MAX_BYTES = 1000
    with pytest.raises(ValidationError) as excinfo:
        uploads.clean_recording(upload("tone.ogg", fixture("tone.ogg")), "audio")
    assert error_code(excinfo) == "recording_too_large"


def test_unknown_kind_is_a_programming_error():
    with pytest.raises(ValueError):
        uploads.clean_recording(upload("tone.ogg", fixture("tone.ogg")), "podcast")


# --- Issue 15, item 7: a pixel limit read from the header, before any decoding ----------


def declared_png(width, height):
    """A PNG whose header declares `width` × `height` RGBA pixels, with hardly any data:
    what a decompression bomb looks like before it is decoded."""

    def chunk(kind, payload):
        crc = zlib.crc32(kind + payload) & 0xFFFFFFFF
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    data = zlib.compress(b"\x00" * (width * 4 + 1) * 2)  # two rows of the picture
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


@pytest.fixture
def no_decoding(monkeypatch):
    """Fails any attempt to decode pixels; lists the attempts."""
    attempts = []

    def refuse(image, *args, **kwargs):
        attempts.append(image.format)
        raise AssertionError("the pixels must not be decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", refuse)
    return attempts


def test_the_default_pixel_limit_is_40_megapixels_for_photos_and_the_admin(settings):
    assert settings.PREAU_PHOTO_MAX_PIXELS == 40_000_000
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == settings.PREAU_PHOTO_MAX_PIXELS


def test_a_9400_pixel_square_png_is_refused_before_decoding(no_decoding):
    """The issue's picture: 88 megapixels, under Pillow's own limit, 1.2 GB once decoded."""
    data = declared_png(9400, 9400)
    assert len(data) < 2000 and Image.MAX_IMAGE_PIXELS > 9400 * 9400
    with pytest.raises(ValidationError) as excinfo:
        uploads.clean_photo(upload("bombe.png", data))
    assert error_code(excinfo) == "photo_too_many_pixels"
    assert no_decoding == []
    with translation.override("en"):
        assert excinfo.value.messages == [
            "This picture has too many pixels to be opened safely. Pictures may have 40 "
            "million pixels at most: choose a smaller one."
        ]
    with translation.override("fr"):
        assert "40 millions de pixels au maximum" in excinfo.value.messages[0]


def encoded(image_format, size=(50, 40)):
    if image_format == "HEIF":
        pillow_heif = pytest.importorskip("pillow_heif")
        pillow_heif.register_heif_opener()
    output = io.BytesIO()
    try:
        Image.new("RGB", size, "green").save(output, format=image_format)
    except (KeyError, OSError, ValueError, RuntimeError):
        pytest.skip(f"this Pillow cannot encode {image_format}")
    return output.getvalue()


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "GIF", "WEBP", "HEIF"])
def test_every_accepted_format_is_held_to_the_pixel_limit_of_the_settings(
    settings, no_decoding, image_format
):
    settings.PREAU_PHOTO_MAX_PIXELS = 1999  # a 50 × 40 picture has 2000
    with pytest.raises(ValidationError) as excinfo:
        uploads.clean_photo(upload("dessin", encoded(image_format)))
    assert error_code(excinfo) == "photo_too_many_pixels"
    assert no_decoding == []


def test_a_picture_at_the_limit_is_accepted(settings):
    settings.PREAU_PHOTO_MAX_PIXELS = 2000
    assert uploads.clean_photo(upload("dessin.png", encoded("PNG"))).width == 50


@pytest.mark.django_db
def test_the_wagtail_admin_refuses_the_bomb_in_its_form(client, media_root, no_decoding):
    client.force_login(factories.UserFactory(is_superuser=True, is_staff=True))
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Affiche", "file": SimpleUploadedFile("affiche.png", declared_png(9400, 9400))},
    )
    assert response.status_code == 200  # the form again, with what was typed
    assert "Affiche" in response.content.decode()
    assert "trop de pixels" in response.content.decode()
    assert not get_image_model().objects.exists()
    assert no_decoding == []


@pytest.mark.django_db
def test_the_admin_s_multiple_upload_refuses_the_bomb_and_takes_a_photo(
    client, media_root, no_decoding
):
    client.force_login(factories.UserFactory(is_superuser=True, is_staff=True))
    url = reverse("wagtailimages:add_multiple")
    bomb = SimpleUploadedFile("affiche.png", declared_png(9400, 9400))
    response = client.post(url, {"files[]": bomb}, headers={"x-requested-with": "XMLHttpRequest"})
    assert response.json()["success"] is False
    assert "trop de pixels" in response.json()["error_message"]
    assert not get_image_model().objects.exists()
    assert no_decoding == []


@pytest.mark.django_db
def test_the_admin_still_takes_photos_and_edits_them(client, media_root):
    """The control: the header check changes nothing for an ordinary photo."""
    client.force_login(factories.UserFactory(is_superuser=True, is_staff=True))
    photo = SimpleUploadedFile("kermesse.jpg", photo_bytes(size=(300, 200)))
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": photo},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.json()["success"] is True
    image = get_image_model().objects.get()
    assert (image.width, image.height) == (300, 200)
    edit = reverse("wagtailimages:edit", args=[image.pk])
    assert client.get(edit).status_code == 200
    response = client.post(
        edit,
        {
            "title": "Kermesse 2026",
            "collection": image.collection_id,
            "file": SimpleUploadedFile("k2.png", encoded("PNG")),
        },
    )
    assert response.status_code == 302
    image.refresh_from_db()
    assert (image.title, image.width) == ("Kermesse 2026", 50)


@pytest.mark.django_db
def test_images_saved_in_code_are_held_to_the_limit_too(settings, media_root):
    """The last net, when saving (Wagtail itself has already read the picture to learn its
    size: the forms above refuse before that)."""
    settings.PREAU_PHOTO_MAX_PIXELS = 1999
    image = get_image_model()(title="Dessin", file=SimpleUploadedFile("d.png", encoded("PNG")))
    with pytest.raises(ValidationError) as excinfo:
        image.save()
    assert error_code(excinfo) == "photo_too_many_pixels"


@pytest.mark.django_db
def test_the_editor_refuses_the_bomb_and_keeps_the_text(client, world, media_root, no_decoding):
    client.force_login(world.pupil)
    response = client.post(
        reverse("classrooms:entry_new", kwargs={"classroom_id": world.classroom.pk}),
        {
            "title": "Notre affiche",
            "text": "Nous avons dessiné une très grande affiche.",
            "photo": SimpleUploadedFile("affiche.png", declared_png(9400, 9400)),
            "action": "send",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "trop de pixels" in page and "40 millions" in page
    entry = BlogEntryPage.objects.child_of(world.classroom).get()
    latest = entry.get_latest_revision_as_object()
    assert latest.title == "Notre affiche"
    assert "très grande affiche" in latest.body[0].value.source
    assert [block.block_type for block in latest.body] == ["text"]
    assert no_decoding == []


# --- Issue 15, item 14: the tracks a recording holds, and a size its length explains ------


def box(kind, payload=b""):
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def full_box(kind, payload):
    return box(kind, b"\x00\x00\x00\x00" + payload)


def mp4(seconds, *tracks, media_bytes=0):
    """An MP4 written box by box: its movie header says `seconds`; `tracks` are handler
    types (b"soun", b"vide"); `media_bytes` of media data follow."""
    timescale = 1000
    movie_header = full_box(b"mvhd", struct.pack(">IIII", 0, 0, timescale, seconds * timescale))
    traks = b""
    for number, handler in enumerate(tracks, start=1):
        track_header = full_box(b"tkhd", struct.pack(">IIII", 0, 0, number, 0))
        media_header = full_box(b"mdhd", struct.pack(">IIII", 0, 0, timescale, seconds * 1000))
        handler_box = full_box(b"hdlr", b"\x00" * 4 + handler + b"\x00" * 12 + b"piste\x00")
        traks += box(b"trak", track_header + box(b"mdia", media_header + handler_box))
    return (
        box(b"ftyp", b"isom\x00\x00\x02\x00isomiso2mp41")
        + box(b"moov", movie_header + traks)
        + box(b"mdat", b"\x00" * media_bytes)
    )


def test_the_probe_lists_the_tracks_of_recorders_files():
    for name, tracks in (
        ("chrome-audio.webm", {"audio"}),
        ("chrome-video.webm", {"audio", "video"}),
        ("clip.mp4", {"audio", "video"}),
        ("clip.mov", {"video"}),
        ("tone.m4a", {"audio"}),
        ("fragmented.m4a", {"audio"}),
        ("tone.ogg", {"audio"}),
        ("tone.mp3", {"audio"}),
        ("tone.wav", {"audio"}),
    ):
        data = fixture(name)
        assert media_probe.probe(io.BytesIO(data), len(data)).tracks == tracks, name


MiB = 1024 * 1024


@pytest.mark.parametrize("kind", ["audio", "video"])
def test_the_issue_s_mp4_is_neither_a_recording_nor_a_video(kind):
    """10 s in its movie header, no track at all, 20 MB."""
    data = mp4(10, media_bytes=20 * MiB)
    with pytest.raises(ValidationError) as excinfo:
        uploads.clean_recording(upload("voix.m4a", data), kind)
    assert error_code(excinfo) == "recording_no_track"


def test_a_recording_needs_a_sound_track_and_a_video_a_picture_track():
    with pytest.raises(ValidationError) as excinfo:
        uploads.clean_recording(upload("film.mp4", mp4(10, b"vide", media_bytes=1000)), "audio")
    assert error_code(excinfo) == "recording_no_track"
    with translation.override("en"):
        assert excinfo.value.messages == [
            "This file holds no sound. Record it again, or choose another file."
        ]
    with pytest.raises(ValidationError) as excinfo:
        uploads.clean_recording(upload("voix.webm", fixture("chrome-audio.webm")), "video")
    assert error_code(excinfo) == "recording_no_track"
    with translation.override("en"):
        assert excinfo.value.messages == [
            "This video holds no pictures. Film it again, or send it as a sound recording."
        ]
    assert uploads.clean_recording(upload("voix.m4a", mp4(10, b"soun")), "audio").duration == 10
    assert uploads.clean_recording(upload("f.mp4", mp4(10, b"vide")), "video").duration == 10


@pytest.mark.parametrize(
    ("kind", "seconds", "handler", "megabytes"),
    [("audio", 10, b"soun", 20), ("video", 1, b"vide", 20)],
)
def test_a_file_heavier_than_its_length_allows_is_refused(kind, seconds, handler, megabytes):
    data = mp4(seconds, handler, media_bytes=megabytes * MiB)
    with pytest.raises(ValidationError) as excinfo:
        uploads.clean_recording(upload("f.mp4", data), kind)
    assert error_code(excinfo) == "recording_size_mismatch"
    with translation.override("en"):
        assert excinfo.value.messages[0].endswith(
            f"for {seconds} s: more than a {'recording' if kind == 'audio' else 'video'} of "
            "that length can hold. "
            + ("Record it again" if kind == "audio" else "Film it again")
            + ", or choose another file."
        )


def test_a_generous_bitrate_is_accepted():
    """Uncompressed sound of 96 kHz, 24-bit stereo (576 kB/s), and a phone's 4K film."""
    sound = mp4(10, b"soun", media_bytes=10 * 576_000)
    assert uploads.clean_recording(upload("voix.m4a", sound), "audio").duration == 10
    film = mp4(3, b"vide", b"soun", media_bytes=3 * 12_000_000)
    assert uploads.clean_recording(upload("film.mp4", film), "video").duration == 3
