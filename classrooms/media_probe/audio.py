"""Ogg, WAV and MP3: simple headers, read with mutagen. Sound only."""

from .reading import AUDIO_ONLY, Probe, ProbeError


def probe_with_mutagen(fileobj, container):
    from mutagen.mp3 import MP3
    from mutagen.oggopus import OggOpus
    from mutagen.oggvorbis import OggVorbis
    from mutagen.wave import WAVE

    candidates = {"ogg": (OggOpus, OggVorbis), "wav": (WAVE,), "mp3": (MP3,)}[container]
    for kind in candidates:
        fileobj.seek(0)
        try:
            length = kind(fileobj).info.length
        except Exception:  # mutagen raises many types on bad input
            continue
        if length is None or length != length or length < 0:
            raise ProbeError("length_unknown")
        return Probe(container, float(length), AUDIO_ONLY)
    raise ProbeError("unreadable")
