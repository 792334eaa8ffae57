"""kill -9 right after edits: at most the last half second is lost, the file is never corrupt."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studio.core.labels.yolo import parse_label_bytes

EDITOR_SCRIPT = r"""
import sys, time
from PyQt6.QtCore import QTimer
from PyQt6.QtWidgets import QApplication
import studio.core
from studio.core.plugins import Registry
from studio.ui.main_window import MainWindow
from studio.ui.settings import Settings
app = QApplication([])
win = MainWindow(Settings(), Registry()); win.show()
count = [0]
def edit():
    i = count[0]
    x = 5 + (i * 7) % 600
    y = 5 + (i * 13) % 440
    win.editor.create_box((x, y, x + 20, y + 20))
    count[0] += 1
    print(f"EDIT {count[0]} {time.monotonic():.4f}", flush=True)
def start(_key):
    timer.start(20)
timer = QTimer(); timer.timeout.connect(edit)
win.image_shown.connect(start)
win.open_dataset(sys.argv[1])
app.exec()
"""


@pytest.mark.parametrize("run_for", [0.8, 1.7])
def test_kill_9_loses_at_most_half_a_second(sample_dataset: Path, tmp_path: Path, run_for: float) -> None:
    label = sample_dataset / "labels" / "train" / "train_0000.txt"
    label.unlink()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    proc = subprocess.Popen([sys.executable, "-c", EDITOR_SCRIPT, str(sample_dataset)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    edits: list[tuple[int, float]] = []
    assert proc.stdout is not None
    started = None
    for line in proc.stdout:
        if line.startswith("EDIT"):
            _, n, t = line.split()
            edits.append((int(n), float(t)))
            started = started or time.monotonic()
            if time.monotonic() - started >= run_for:
                break
    killed_at = time.monotonic()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert edits, "the editor never started"
    data = label.read_bytes()
    parsed = parse_label_bytes(data)
    assert parsed.findings == () and data.endswith(b"\n")  # complete, valid rows only
    # Every edit made more than half a second before the kill is on disk.
    must_have = max((n for n, t in edits if t <= killed_at - 0.5), default=0)
    assert len(parsed.boxes) >= must_have
    assert len(parsed.boxes) <= edits[-1][0] + 5
