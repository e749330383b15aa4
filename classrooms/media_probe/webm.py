"""WebM / Matroska (EBML): the length from the Info element, or, as Chrome's recorder
writes none, from the timestamps of the last blocks of the clusters."""

import struct
from dataclasses import dataclass, field

from .reading import Probe, ProbeError

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


def probe_ebml(reader):
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
