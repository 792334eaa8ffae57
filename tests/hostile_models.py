"""Model files for the safe-loading tests: a hostile checkpoint, harmless custom ones."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "resources" / "models" / "demo-fruit.pt"

HARMLESS_MODULE = textwrap.dedent('''
    import torch.nn as nn

    class Note:
        """Something a colleague's training script saved in the checkpoint."""
        def __init__(self, text="trained on the night shift"):
            self.text = text

    class MySiLU(nn.Module):
        """A custom activation, numerically SiLU."""
        def forward(self, x):
            return x * x.sigmoid()
''')


class _OpensMarker:
    """Unpickles into ``open(marker, "w")``: loading the file creates the marker."""

    def __init__(self, marker: Path) -> None:
        self.marker = str(marker)

    def __reduce__(self):  # noqa: ANN204
        return (open, (self.marker, "w"))


def write_hostile(path: Path, marker: Path) -> Path:
    """A 1 KB checkpoint that creates ``marker`` when unpickled."""
    import torch

    torch.save({"model": _OpensMarker(marker), "train_args": {}}, path)
    return path


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[Path, Path]:
    """(hostile .pt under a Korean folder name, marker it would create)."""
    folder = tmp_path / "받은 모델"
    folder.mkdir()
    marker = tmp_path / "MARKER"
    return write_hostile(folder / "모델.pt", marker), marker


@pytest.fixture
def harmless_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An importable module of harmless custom classes, for this process and its children."""
    folder = tmp_path / "mods"
    folder.mkdir()
    (folder / "harmless_note.py").write_text(HARMLESS_MODULE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(folder), os.environ.get("PYTHONPATH", "")]))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return folder


def custom_checkpoint(path: Path, custom_layer: bool = False) -> Path:
    """The demo checkpoint plus a harmless custom object (or a custom layer)."""
    import harmless_note  # noqa: PLC0415 - made by the fixture
    import torch

    ckpt = torch.load(DEMO, weights_only=False)  # the repository's own file, in the test process only
    if custom_layer:
        ckpt["model"].model[0].act = harmless_note.MySiLU()
        ckpt["ema"] = None
    else:
        ckpt["note"] = harmless_note.Note()
    torch.save(ckpt, path)
    return path


