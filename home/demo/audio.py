"""A short melody written as a WAV file, standing for a pupil's recording in the demo.

Generated rather than shipped: a few notes of "Au clair de la lune", 8 kHz mono, so
the demo's class walls have something to play without any recording of a real child.
"""

import io
import math
import struct
import wave

RATE = 8000
# Au clair de la lune: do do do ré mi – ré – do mi ré ré do (Hz, beats).
NOTES = [
    (262, 1), (262, 1), (262, 1), (294, 1), (330, 2), (294, 2),
    (262, 1), (330, 1), (294, 1), (294, 1), (262, 2),
]  # fmt: skip
BEAT = 0.3
DURATION = sum(beats for _note, beats in NOTES) * BEAT


def melody() -> bytes:
    frames = bytearray()
    for frequency, beats in NOTES:
        count = int(RATE * BEAT * beats)
        for index in range(count):
            fade = min(1.0, index / 200, (count - index) / 400)
            sample = 0.4 * fade * math.sin(2 * math.pi * frequency * index / RATE)
            frames += struct.pack("<h", int(sample * 32767))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))
    return buffer.getvalue()
