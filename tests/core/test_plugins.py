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


def test_plugins_come_from_the_user_config_folder_never_from_a_dataset(sample_dataset: Path, tmp_path: Path) -> None:
    """A dataset is data: its own ``plugins/`` folder is never imported, by the CLI or the GUI's folders."""
    import os
    import subprocess
    import sys

    marker = tmp_path / "DATASET_PLUGIN_RAN"
    _write(sample_dataset / "plugins", "evil.py",
           f"open({str(marker)!r}, 'w').close()\ndef register(reg):\n    reg.add('op', 'evil', 1)\n")
    user = Path(os.environ["XDG_CONFIG_HOME"]) / "studio"
    user.mkdir(parents=True)
    _write(user / "plugins", "mine.py", "def register(reg):\n    reg.add('op', 'mine', 1)\n")
    assert user / "plugins" in default_plugin_folders()
    assert not any(sample_dataset in folder.parents or folder == sample_dataset / "plugins"
                   for folder in default_plugin_folders())
    for args in (["plugins"], ["index", str(sample_dataset)], ["export", str(sample_dataset),
                                                               str(tmp_path / "out"), "--format", "image_lists"]):
        done = subprocess.run([sys.executable, "-m", "studio.cli", *args], capture_output=True, text=True,
                              cwd=sample_dataset, timeout=120)
        assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
        if args == ["plugins"]:
            assert "mine" in done.stdout and "evil" not in done.stdout
    assert not marker.exists()
