"""Rewrite a browser's WebM recording so that players know its length and can seek.

Why: MediaRecorder streams WebM as it records, so the file has no Duration and no Cues:
players show "0:00", no progress bar and no seeking. ffmpeg copies the tracks as they
are (`-c copy`: no re-encoding, a fraction of a second for minutes of sound) into a
file written with seeking, which gets its Duration and Cues. Its metadata (encoder,
dates) is dropped on the way.

Only Matroska/WebM is rewritten: MP4, Ogg, WAV and MP3 already carry their length. When
ffmpeg is missing or fails, the recording is kept as it came: it plays, without a
length, which is what happened before.
"""

import logging
import shutil
import subprocess
import tempfile

from django.core.files import File

log = logging.getLogger(__name__)

CONTAINERS = {"webm": "webm", "matroska": "matroska"}
TIMEOUT_SECONDS = 60


def remux(uploaded, container):
    """A file holding `uploaded`'s tracks with a Duration and Cues, or None."""
    muxer = CONTAINERS.get(container)
    ffmpeg = shutil.which("ffmpeg")
    if muxer is None or ffmpeg is None:
        return None
    # Kept open and returned: the caller saves it, then it goes with the request.
    target = tempfile.NamedTemporaryFile(suffix=f".{muxer}")  # noqa: SIM115
    with tempfile.NamedTemporaryFile(suffix=f".{muxer}") as source:
        uploaded.seek(0)
        shutil.copyfileobj(uploaded, source)
        source.flush()
        uploaded.seek(0)
        command = [
            *(ffmpeg, "-nostdin", "-loglevel", "error", "-y"),
            # What it reads is said, not guessed (media_probe checked it is Matroska),
            # and it opens no address nor other file a crafted upload might name.
            *("-protocol_whitelist", "file", "-f", "matroska", "-i", source.name),
            *("-map", "0", "-c", "copy", "-map_metadata", "-1", "-f", muxer, target.name),
        ]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=TIMEOUT_SECONDS)
        except (OSError, subprocess.SubprocessError) as error:
            log.warning("Recording kept as sent: ffmpeg could not rewrite it (%s)", error)
            target.close()
            return None
    target.seek(0)
    return File(target, name=uploaded.name)
