"""What every container parser shares: the result, the refusal, and random access to the
file within a budget of elements, so a crafted file cannot keep a parser busy."""

from dataclasses import dataclass

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


class Reader:
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
