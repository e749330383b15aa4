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
"""

import struct
from dataclasses import dataclass, field

# Walking more elements or boxes than this means the file is built to waste our time:
# three minutes of video with sound hold about 15,000 WebM blocks.
MAX_ELEMENTS = 500_000
# A track run lists at most a few bytes per sample; this covers hours of video.
MAX_RUN_BYTES = 4 * 1024 * 1024


class ProbeError(Exception):
    """The recording cannot be used; `code` is "unreadable" or "length_unknown"."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Probe:
    """What the bytes say: container ("webm", "matroska", "mp4", "quicktime", "ogg",
    "wav" or "mp3"), length in seconds, and the kinds of its tracks ("audio", "video")."""

    container: str
    duration: float
    tracks: frozenset = frozenset()


AUDIO_ONLY = frozenset({"audio"})


def probe(fileobj, size):
    """Identify the container of `fileobj` (`size` bytes long) and measure its length."""
    reader = _Reader(fileobj, size)
    head = reader.read_at(0, 12)
    try:
        if head.startswith(b"\x1a\x45\xdf\xa3"):
            return _probe_ebml(reader)
        if head[4:8] == b"ftyp":
            return _probe_mp4(reader, head)
        if head.startswith(b"OggS"):  # Opus or Vorbis, or refused: sound only
            return _probe_mutagen(fileobj, "ogg")
        if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
            return _probe_mutagen(fileobj, "wav")
        if head.startswith(b"ID3") or _is_mpeg_audio_sync(head):
            return _probe_mutagen(fileobj, "mp3")
    except ProbeError:
        raise
    except Exception as error:  # garbage may break any parser anywhere
        raise ProbeError("unreadable") from error
    raise ProbeError("unreadable")


class _Reader:
    """Random access to a file-like object, never past its end, with an element budget."""

    def __init__(self, fileobj, size):
        self.fileobj = fileobj
        self.size = size
        self.budget = MAX_ELEMENTS

    def read_at(self, position, length):
        if position >= self.size or length <= 0:
            return b""
        self.fileobj.seek(position)
        return self.fileobj.read(min(length, self.size - position))

    def spend(self):
        self.budget -= 1
        if self.budget < 0:
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


# --- WebM / Matroska (EBML) ---------------------------------------------------------------

EBML_HEADER = 0x1A45DFA3
DOC_TYPE = 0x4282
SEGMENT = 0x18538067
INFO = 0x1549A966
TIMESTAMP_SCALE = 0x2AD7B1
DURATION = 0x4489
CLUSTER = 0x1F43B675
TRACKS = 0x1654AE6B
TRACK_ENTRY = 0xAE
TRACK_TYPE = 0x83
# Matroska's TrackType values for what we accept.
TRACK_KINDS = {1: "video", 2: "audio"}
CLUSTER_TIMESTAMP = 0xE7
SIMPLE_BLOCK = 0xA3
BLOCK_GROUP = 0xA0
BLOCK = 0xA1
BLOCK_DURATION = 0x9B
# Children of Segment: inside a Cluster of unknown size, one of these ends the Cluster.
SEGMENT_CHILDREN = frozenset(
    {
        0x114D9B74,  # SeekHead
        INFO,
        TRACKS,
        0x1C53BB6B,  # Cues
        0x1043A770,  # Chapters
        0x1254C367,  # Tags
        0x1941A469,  # Attachments
        CLUSTER,
        EBML_HEADER,
        SEGMENT,
    }
)


@dataclass
class _Element:
    id: int
    data_start: int
    data_end: int  # the parent's end when the size is unknown
    unknown_size: bool


def _vint(data, offset, *, keep_marker):
    """Decode an EBML variable-length integer: (value, length, all_ones) or None when the
    bytes are invalid or cut short."""
    if offset >= len(data) or data[offset] == 0:
        return None
    length = 9 - data[offset].bit_length()
    if offset + length > len(data):
        return None
    value = int.from_bytes(data[offset : offset + length], "big")
    payload_mask = (1 << (7 * length)) - 1
    all_ones = value & payload_mask == payload_mask
    return (value if keep_marker else value & payload_mask), length, all_ones


def _element_at(reader, position, parent_end):
    """Read the element header at `position`, or None when it is invalid or cut short."""
    header = reader.read_at(position, 12)
    element_id = _vint(header, 0, keep_marker=True)
    if element_id is None or element_id[1] > 4:
        return None
    size = _vint(header, element_id[1], keep_marker=False)
    if size is None:
        return None
    reader.spend()
    data_start = position + element_id[1] + size[1]
    unknown = size[2]
    data_end = parent_end if unknown else min(data_start + size[0], parent_end)
    if data_start > parent_end:
        return None
    return _Element(element_id[0], data_start, data_end, unknown)


def _read_uint(reader, element):
    length = element.data_end - element.data_start
    if not 0 < length <= 8:
        return None
    data = reader.read_at(element.data_start, length)
    return int.from_bytes(data, "big") if len(data) == length else None


def _read_float(reader, element):
    length = element.data_end - element.data_start
    data = reader.read_at(element.data_start, length) if length in (4, 8) else b""
    if len(data) != length or length not in (4, 8):
        return None
    return struct.unpack(">f" if length == 4 else ">d", data)[0]


def _children(reader, start, end):
    """Yield the elements between `start` and `end` of known size; stop at garbage."""
    position = start
    while position < end:
        element = _element_at(reader, position, end)
        if element is None or element.unknown_size:
            return
        yield element
        position = element.data_end


def _probe_ebml(reader):
    header = _element_at(reader, 0, reader.size)
    if header is None or header.unknown_size or header.data_end - header.data_start > 4096:
        raise ProbeError("unreadable")
    doc_type = b"matroska"  # the default when DocType is absent
    for child in _children(reader, header.data_start, header.data_end):
        if child.id == DOC_TYPE:
            doc_type = reader.read_at(child.data_start, child.data_end - child.data_start)
    doc_type = doc_type.rstrip(b"\x00")
    if doc_type not in (b"webm", b"matroska"):
        raise ProbeError("unreadable")

    segment = None
    position = header.data_end
    while position < reader.size and segment is None:
        element = _element_at(reader, position, reader.size)
        if element is None:
            break
        if element.id == SEGMENT:
            segment = element
        elif element.unknown_size:
            break
        position = element.data_end
    if segment is None:
        raise ProbeError("unreadable")

    state = _Timeline()
    _walk_segment(reader, segment, state)
    ticks = max(state.header_ticks or 0, state.last_block_ticks or 0)
    if state.header_ticks is None and state.last_block_ticks is None:
        raise ProbeError("length_unknown")
    return Probe(doc_type.decode(), max(ticks, 0) * state.scale / 1e9, frozenset(state.tracks))


@dataclass
class _Timeline:
    scale: int = 1_000_000  # nanoseconds per tick, Matroska's default
    header_ticks: float | None = None
    last_block_ticks: int | None = None
    tracks: set = field(default_factory=set)


def _walk_segment(reader, segment, state):
    """Read Info and every Cluster; a Cluster of unknown size ends where the next
    Segment-level element begins."""
    position = segment.data_start
    while position < segment.data_end:
        element = _element_at(reader, position, segment.data_end)
        if element is None:
            return
        if element.id == INFO:
            _read_info(reader, element, state)
        elif element.id == TRACKS:
            _read_tracks(reader, element, state)
        elif element.id == CLUSTER:
            element.data_end = _walk_cluster(reader, element, state)
        elif element.unknown_size:
            return
        position = element.data_end


def _read_info(reader, info, state):
    for child in _children(reader, info.data_start, info.data_end):
        if child.id == TIMESTAMP_SCALE:
            scale = _read_uint(reader, child)
            if scale:
                state.scale = scale
        elif child.id == DURATION:
            duration = _read_float(reader, child)
            # NaN and infinities fail this comparison: a lying header is simply ignored.
            if duration is not None and 0 <= duration < 1e15:
                state.header_ticks = duration


def _read_tracks(reader, tracks, state):
    """Note the kind of each track entry (audio, video; others are not counted)."""
    for entry in _children(reader, tracks.data_start, tracks.data_end):
        if entry.id != TRACK_ENTRY:
            continue
        for child in _children(reader, entry.data_start, entry.data_end):
            if child.id == TRACK_TYPE and (kind := TRACK_KINDS.get(_read_uint(reader, child))):
                state.tracks.add(kind)


def _walk_cluster(reader, cluster, state):
    """Note the end of the Cluster's last block; return where the Cluster ends."""
    timestamp = 0
    last = None
    position = cluster.data_start
    while position < cluster.data_end:
        element = _element_at(reader, position, cluster.data_end)
        if element is None:
            break
        if cluster.unknown_size and element.id in SEGMENT_CHILDREN:
            break
        if element.unknown_size:
            break
        if element.id == CLUSTER_TIMESTAMP:
            timestamp = _read_uint(reader, element) or 0
        elif element.id == SIMPLE_BLOCK:
            last = _later(last, _block_time(reader, element))
        elif element.id == BLOCK_GROUP:
            last = _later(last, _block_group_time(reader, element))
        position = element.data_end
    if last is not None:
        end = timestamp + last
        if state.last_block_ticks is None or end > state.last_block_ticks:
            state.last_block_ticks = end
    return position if cluster.unknown_size else cluster.data_end


def _later(current, candidate):
    if candidate is None:
        return current
    return candidate if current is None else max(current, candidate)


def _block_time(reader, block):
    """A block's timecode relative to its Cluster: the signed 16-bit integer after the
    track number."""
    data = reader.read_at(block.data_start, 11)
    track = _vint(data, 0, keep_marker=False)
    if track is None or len(data) < track[1] + 2:
        return None
    return struct.unpack(">h", data[track[1] : track[1] + 2])[0]


def _block_group_time(reader, group):
    start = duration = None
    for child in _children(reader, group.data_start, group.data_end):
        if child.id == BLOCK:
            start = _block_time(reader, child)
        elif child.id == BLOCK_DURATION:
            duration = _read_uint(reader, child)
    if start is None:
        return None
    return start + (duration or 0)


# --- MP4 / QuickTime (ISO base media boxes) -----------------------------------------------


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


def _probe_mp4(reader, head):
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


# --- Ogg, WAV, MP3 (mutagen) --------------------------------------------------------------


def _probe_mutagen(fileobj, container):
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
