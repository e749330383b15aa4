"""ffmpeg reads what a visitor uploaded: it is told what it reads (Matroska, already
checked by media_probe) and may open local files only, so a crafted file cannot make it
fetch an address or read another file (HLS or concat playlists, say)."""

import io
import subprocess

from classrooms import remux


def test_ffmpeg_is_told_the_format_and_kept_to_local_files(monkeypatch):
    commands = []

    def fake_run(command, **kwargs):
        commands.append((command, kwargs))
        raise subprocess.CalledProcessError(1, command)

    monkeypatch.setattr(remux.shutil, "which", lambda name: "/usr/bin/ffmpeg")
    monkeypatch.setattr(remux.subprocess, "run", fake_run)
    upload = io.BytesIO(b"\x1a\x45\xdf\xa3 not really")
    upload.name = "enregistrement.webm"
    assert remux.remux(upload, "webm") is None  # ffmpeg failed: kept as sent
    ((command, kwargs),) = commands
    before_input = command[: command.index("-i")]
    assert before_input[before_input.index("-f") + 1] == "matroska"
    assert command[command.index("-protocol_whitelist") + 1] == "file"
    assert command.index("-protocol_whitelist") < command.index("-i")
    assert kwargs.get("timeout") and "shell" not in kwargs
