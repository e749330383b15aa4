"""Recognise a recording's container and measure its length from its bytes alone.

Why our own code: the file name and the browser's content type say whatever the sender
wants, so only the bytes can be trusted; and browsers' recorders write files that common
libraries cannot measure. Chrome's MediaRecorder streams WebM with no Duration and
unknown-size Segment and Clusters, and Safari may write fragmented MP4 whose header says
0 s, so both are measured from their blocks and fragments. Ogg, WAV and MP3 headers are
simple and read with mutagen. Nothing here knows Django: it raises `ProbeError` and the
caller (`classrooms.uploads`) turns it into a message for people. It also lists the
kinds of tracks the file declares ("audio", "video"), so that a file without sound is
not taken for a recording, nor one without pictures for a video.

Every parser reads small headers through `seek`/`read`, so a 100 MB video is never loaded
in memory, and counts the elements it visits, so a crafted file cannot keep it busy.

One module per family of containers (`webm`, `mp4`, `audio`), on the bounded reader and
the result types of `reading`; `probe` below looks at the first bytes and picks one.
"""

from .audio import probe_with_mutagen
from .mp4 import probe_mp4
from .reading import Probe, ProbeError, Reader
from .webm import probe_ebml

__all__ = ["Probe", "ProbeError", "probe"]


def probe(fileobj, size):
    """Identify the container of `fileobj` (`size` bytes long) and measure its length."""
    reader = Reader(fileobj, size)
    head = reader.read_at(0, 12)
    try:
        if head.startswith(b"\x1a\x45\xdf\xa3"):
            return probe_ebml(reader)
        if head[4:8] == b"ftyp":
            return probe_mp4(reader, head)
        if head.startswith(b"OggS"):  # Opus or Vorbis, or refused: sound only
            return probe_with_mutagen(fileobj, "ogg")
        if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
            return probe_with_mutagen(fileobj, "wav")
        if head.startswith(b"ID3") or _is_mpeg_audio_sync(head):
            return probe_with_mutagen(fileobj, "mp3")
    except ProbeError:
        raise
    except Exception as error:  # garbage may break any parser anywhere
        raise ProbeError("unreadable") from error
    raise ProbeError("unreadable")


def _is_mpeg_audio_sync(head):
    """An MPEG audio frame header: 11 sync bits, a valid version and a layer that is not
    0 (AAC's ADTS headers also start with sync bits but have layer 0)."""
    return (
        len(head) >= 2
        and head[0] == 0xFF
        and head[1] & 0xE0 == 0xE0
        and head[1] & 0x18 != 0x08
        and head[1] & 0x06 != 0
    )
