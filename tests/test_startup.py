"""Start-up contract: no display -> one clear line; core never imports Qt."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _env(**changes: str | None) -> dict[str, str]:
    env = dict(os.environ)
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def test_no_display_prints_one_line_and_exits_3(tmp_path: Path) -> None:
    env = _env(DISPLAY=None, WAYLAND_DISPLAY=None, QT_QPA_PLATFORM=None)
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), str(tmp_path)], env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 3
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "no display" in lines[0] and "studio --help" in lines[0]
    assert proc.stdout == ""


def test_core_imports_no_qt() -> None:
    code = ("import sys, studio.core.dataset.layout, studio.core.dataset.index, studio.core.labels.yolo, "
            "studio.core.store.db, studio.core.plugins, studio.core.dataset.imageio, studio.cli;"
            "bad = [m for m in sys.modules if m.startswith(('PyQt6', 'pyqtgraph', 'studio.ui'))];"
            "print(bad); sys.exit(1 if bad else 0)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_first_image_painted_offscreen(sample_dataset: Path, tmp_path: Path) -> None:
    env = _env(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), str(sample_dataset),
                           "--exit-after-first-image"], env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "first image painted after" in proc.stdout


def test_cv2_environment_is_cleaned() -> None:
    code = ("import os, studio.core; "
            "print(os.environ.get('QT_QPA_PLATFORM_PLUGIN_PATH'), os.environ.get('QT_QPA_FONTDIR'))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env=_env(QT_QPA_PLATFORM_PLUGIN_PATH=None, QT_QPA_FONTDIR=None))
    assert proc.stdout.strip() == "None None"
