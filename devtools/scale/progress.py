"""A one-line progress bar: count done / total, rate, time spent and time left.

Redrawn in place on a terminal; on a pipe or a log file, one line every few seconds
instead, so a CI log stays readable. No dependency: a long command needs a bar, not a
library.
"""

import sys
import time


def duration(seconds: float) -> str:
    """ "1:02:03", "2:03" or "0:07"."""
    seconds = max(0, int(round(seconds)))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes}:{seconds:02d}"


class ProgressBar:
    """Call `advance()` after each unit of work and `finish()` at the end."""

    WIDTH = 28
    LOG_EVERY = 5.0  # seconds between lines when the output is not a terminal

    def __init__(self, total, *, label="", stream=None, enabled=True, clock=time.monotonic):
        self.total = max(0, total)
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled and self.total > 0
        self.clock = clock
        self.done = 0
        self.started = clock()
        self.last_line = None
        isatty = getattr(self.stream, "isatty", None)
        self.in_place = bool(isatty and isatty())

    def line(self) -> str:
        elapsed = self.clock() - self.started
        share = self.done / self.total if self.total else 1.0
        filled = int(self.WIDTH * share)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        rate = self.done / elapsed if elapsed > 0 else 0.0
        left = (self.total - self.done) / rate if rate > 0 else None
        parts = [
            f"{self.label} [{bar}] {self.done}/{self.total}",
            f"{share:4.0%}",
            f"{rate:.2f}/s",
            f"{duration(elapsed)} spent",
            f"{duration(left) if left is not None else '?'} left",
        ]
        return "  ".join(parts).strip()

    def draw(self, force=False):
        if not self.enabled:
            return
        now = self.clock()
        if self.in_place:
            self.stream.write("\r" + self.line() + "\x1b[K")
        elif force or self.last_line is None or now - self.last_line >= self.LOG_EVERY:
            self.stream.write(self.line() + "\n")
        else:
            return
        self.stream.flush()
        self.last_line = now

    def advance(self, count=1):
        self.done = min(self.total, self.done + count)
        self.draw(force=self.done == self.total)

    def finish(self):
        if not self.enabled:
            return
        if self.in_place:
            self.draw()
            self.stream.write("\n")
            self.stream.flush()
        elif self.last_line is None or self.done < self.total:
            self.draw(force=True)
