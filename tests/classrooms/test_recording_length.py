"""A recording made in the browser gets its length: players show it and can seek.

MediaRecorder streams WebM without Duration nor Cues: players showed "0:00" with no
progress bar. The upload is rewritten by ffmpeg (tracks copied) into a file that has
both, its measured length is kept on the Media, and the wall says "2 s" beside it.
"""

import json
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtailmedia.models import get_media_model

from classrooms import uploads
from pages.durations import format_duration

pytestmark = pytest.mark.django_db


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def browser_webm(seconds=2):
    """WebM written to a pipe, as MediaRecorder streams it: no Duration, no Cues."""
    return subprocess.run(
        [
            *("ffmpeg", "-loglevel", "error", "-f", "lavfi", "-i", f"sine=d={seconds}"),
            *("-c:a", "libopus", "-f", "webm", "pipe:1"),
        ],
        check=True,
        capture_output=True,
    ).stdout


def probed(path):
    shown = subprocess.run(
        [
            *("ffprobe", "-v", "error", "-show_entries", "format=duration"),
            *("-of", "json", str(path)),
        ],
        check=True,
        capture_output=True,
    ).stdout
    return json.loads(shown)["format"].get("duration")


def test_the_test_file_has_no_length_like_a_browser_s(tmp_path):
    raw = tmp_path / "raw.webm"
    raw.write_bytes(browser_webm())
    assert probed(raw) is None


def test_a_browser_recording_is_stored_with_its_length(client, world, media_root):
    client.force_login(world.pupil)
    recording = SimpleUploadedFile("blob", browser_webm(), content_type="audio/webm")
    client.post(
        reverse("classrooms:entry_new", kwargs={"classroom_id": world.classroom.pk}),
        {"title": "Notre chanson", "text": "", "recording": recording, "action": "save"},
    )
    media = get_media_model().objects.get()
    assert 1.9 < float(probed(media.file.path)) < 2.2
    assert 1.9 < media.duration < 2.2
    assert media.file.name.endswith(".webm")


def test_other_recordings_are_kept_as_they_came(tmp_path):
    wav = tmp_path / "voix.wav"
    subprocess.run(
        ["ffmpeg", "-loglevel", "error", "-f", "lavfi", "-i", "sine=d=1", str(wav)],
        check=True,
        capture_output=True,
    )
    upload = SimpleUploadedFile("voix.wav", wav.read_bytes())
    assert uploads.clean_recording(upload, "audio").file is upload


def test_lengths_are_said_in_minutes_and_seconds():
    assert format_duration(65) == "1 min 05 s"
    assert format_duration(2.02) == "2 s"
