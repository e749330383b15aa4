"""MP4 / QuickTime (ISO base media boxes): the length from the movie header, or, for
Safari's fragmented files whose header says 0 s, from the track fragments."""

import struct

from .reading import MAX_RUN_BYTES, Probe, ProbeError


def _boxes(reader, start, end):
    """Yield (type, data_start, data_end) for the boxes between `start` and `end`."""
    position = start
    while position + 8 <= end:
        header = reader.read_at(position, 16)
        if len(header) < 8:
            return
        size, box_type = struct.unpack(">I4s", header[:8])
        header_size = 8
        if size == 1:
            if len(header) < 16:
                return
            size = struct.unpack(">Q", header[8:16])[0]
            header_size = 16
        elif size == 0:
            size = end - position
        if size < header_size:
            return
        reader.spend()
        yield box_type, position + header_size, min(position + size, end)
        position += size


def _child(reader, start, end, box_type):
    return next(((s, e) for t, s, e in _boxes(reader, start, end) if t == box_type), None)


def probe_mp4(reader, head):
    """The movie header's length, or the fragments' when the header says 0 s (Safari's
    and other streaming recorders write fragmented files)."""
    container = "quicktime" if head[8:12] == b"qt  " else "mp4"
    moov = _child(reader, 0, reader.size, b"moov")
    if moov is None:
        raise ProbeError("unreadable")
    timescale, duration = _movie_header(reader, *moov)
    if not timescale:
        raise ProbeError("length_unknown")
    seconds = duration / timescale
    if seconds <= 0:
        extends = _child(reader, *moov, b"mvex")
        mehd = extends and _child(reader, *extends, b"mehd")
        if mehd:
            seconds = _full_box_number(reader, *mehd, 4, 4, 8) / timescale
    if seconds <= 0:
        seconds = _fragments_duration(reader, moov)
    if seconds is None:
        raise ProbeError("length_unknown")
    return Probe(container, seconds, _track_kinds(reader, moov))


# Handler types of a track's media (ISO 14496-12 "hdlr", QuickTime's component subtype).
HANDLER_KINDS = {b"soun": "audio", b"vide": "video"}


def _track_kinds(reader, moov):
    """The kinds of the movie's tracks, from each track's media handler."""
    kinds = set()
    for box_type, start, end in _boxes(reader, *moov):
        if box_type != b"trak":
            continue
        mdia = _child(reader, start, end, b"mdia")
        hdlr = mdia and _child(reader, *mdia, b"hdlr")
        if hdlr:
            kind = HANDLER_KINDS.get(reader.read_at(hdlr[0] + 8, 4))
            if kind:
                kinds.add(kind)
    return frozenset(kinds)


def _full_box_number(reader, start, end, offset_v0, offset_v1, length_v1):
    """Read a number from a version 0 (32-bit) or version 1 (64-bit) full box."""
    data = reader.read_at(start, end - start if end - start < 64 else 64)
    if not data:
        return 0
    offset, length = (offset_v1, length_v1) if data[0] == 1 else (offset_v0, 4)
    field = data[offset : offset + length]
    return int.from_bytes(field, "big") if len(field) in (4, 8) else 0


def _movie_header(reader, start, end):
    mvhd = _child(reader, start, end, b"mvhd")
    if mvhd is None:
        return 0, 0
    timescale = _full_box_number(reader, *mvhd, 12, 20, 4)
    duration = _full_box_number(reader, *mvhd, 16, 24, 8)
    if duration in (0xFFFFFFFF, 0xFFFFFFFFFFFFFFFF):  # "unknown" in the standard
        duration = 0
    return timescale, duration


def _fragments_duration(reader, moov):
    """Longest track in fragmented MP4: decode time of each track fragment plus the
    durations of its samples, in the track's own timescale."""
    timescales, defaults = _track_timescales(reader, moov)
    ends = {}
    for box_type, start, end in _boxes(reader, 0, reader.size):
        if box_type != b"moof":
            continue
        for traf_type, traf_start, traf_end in _boxes(reader, start, end):
            if traf_type == b"traf":
                _add_track_fragment(reader, traf_start, traf_end, defaults, ends)
    seconds = [ticks / timescales[track] for track, ticks in ends.items() if timescales.get(track)]
    return max(seconds) if seconds else None


def _track_timescales(reader, moov):
    timescales, defaults = {}, {}
    for box_type, start, end in _boxes(reader, *moov):
        if box_type == b"trak":
            tkhd = _child(reader, start, end, b"tkhd")
            mdia = _child(reader, start, end, b"mdia")
            mdhd = mdia and _child(reader, *mdia, b"mdhd")
            if tkhd and mdhd:
                track = _full_box_number(reader, *tkhd, 12, 20, 4)
                timescales[track] = _full_box_number(reader, *mdhd, 12, 20, 4)
        elif box_type == b"mvex":
            for child_type, child_start, child_end in _boxes(reader, start, end):
                data = reader.read_at(child_start, min(child_end - child_start, 24))
                if child_type == b"trex" and len(data) >= 16:
                    track, _index, duration = struct.unpack(">III", data[4:16])
                    defaults[track] = duration
    return timescales, defaults


def _add_track_fragment(reader, start, end, defaults, ends):
    tfhd = _child(reader, start, end, b"tfhd")
    if tfhd is None:
        return
    data = reader.read_at(tfhd[0], min(tfhd[1] - tfhd[0], 40))
    if len(data) < 8:
        return
    flags = int.from_bytes(data[1:4], "big")
    track = struct.unpack(">I", data[4:8])[0]
    offset = 8 + (8 if flags & 0x01 else 0) + (4 if flags & 0x02 else 0)
    default_duration = defaults.get(track, 0)
    if flags & 0x08 and len(data) >= offset + 4:
        default_duration = struct.unpack(">I", data[offset : offset + 4])[0]

    tfdt = _child(reader, start, end, b"tfdt")
    decode_time = _full_box_number(reader, *tfdt, 4, 4, 8) if tfdt else ends.get(track, 0)
    total = 0
    for box_type, run_start, run_end in _boxes(reader, start, end):
        if box_type == b"trun":
            total += _run_duration(reader, run_start, run_end, default_duration)
    ends[track] = max(ends.get(track, 0), decode_time + total)


def _run_duration(reader, start, end, default_duration):
    """Sum a track run's sample durations, written per sample or taken from the default."""
    data = reader.read_at(start, min(end - start, MAX_RUN_BYTES))
    if len(data) < 8:
        return 0
    flags = int.from_bytes(data[1:4], "big")
    count = struct.unpack(">I", data[4:8])[0]
    if not flags & 0x100:
        return count * default_duration
    offset = 8 + (4 if flags & 0x001 else 0) + (4 if flags & 0x004 else 0)
    stride = 4 * sum(1 for bit in (0x100, 0x200, 0x400, 0x800) if flags & bit)
    count = min(count, (len(data) - offset) // stride)
    return sum(
        struct.unpack(">I", data[offset + i * stride : offset + i * stride + 4])[0]
        for i in range(count)
    )
