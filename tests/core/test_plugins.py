"""The plugin registry: discovery, and broken plugins reported and skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.core.plugins import PluginError, Registry, default_plugin_folders


def _write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def test_good_and_broken_plugins(tmp_path: Path) -> None:
    folder = tmp_path / "plugins"
    _write(folder, "good.py", "def register(reg):\n    reg.add('op', 'double', lambda x: 2 * x)\n")
    _write(folder, "syntax.py", "def register(reg)\n")
    _write(folder, "raises.py", "raise RuntimeError('boom at import')\n")
    _write(folder, "exits.py", "import sys\nsys.exit(3)\n")
    _write(folder, "noreg.py", "x = 1\n")
    _write(folder, "half.py", "def register(reg):\n    reg.add('op', 'h1', 1)\n    reg.add('nope', 'h2', 2)\n")
    _write(folder, "_private.py", "raise RuntimeError('never imported')\n")
    reg = Registry()
    loaded = reg.load_folder(folder)
    assert loaded == ["good"]
    assert reg.get("op", "double")(4) == 8
    failed = {Path(f.source).name: f.error for f in reg.failures}
    assert set(failed) == {"syntax.py", "raises.py", "exits.py", "noreg.py", "half.py"}
    assert "boom at import" in failed["raises.py"]
    assert "SyntaxError" in failed["syntax.py"]
    assert reg.names("op") == ["double"]  # the half-registered plugin was removed whole
    assert reg.load_folder(folder) == []  # not loaded twice


def test_duplicate_names_are_refused() -> None:
    reg = Registry()
    reg.add("exporter", "coco", object())
    with pytest.raises(PluginError, match="registered already"):
        reg.add("exporter", "coco", object())


def test_repo_plugins_folder_loads_cleanly() -> None:
    reg = Registry()
    reg.discover(default_plugin_folders())
    assert reg.failures == []
