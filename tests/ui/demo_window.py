"""A window with the demo model loaded and a dataset open and indexed (shared by GUI tests)."""

from __future__ import annotations

from pathlib import Path

DEMO = Path(__file__).resolve().parents[2] / "resources" / "models" / "demo-fruit.pt"


def open_with_demo_model(qtbot, window, dataset: Path, index_timeout_ms: int = 10_000) -> None:
    """Load the demo model, open ``dataset`` and wait until it is indexed."""
    with qtbot.waitSignal(window.models.loaded, timeout=60_000):
        window.models.load(DEMO)
    with qtbot.waitSignal(window.image_shown, timeout=10_000):
        window.open_dataset(dataset)
    qtbot.waitUntil(lambda: not window.session.is_indexing(), timeout=index_timeout_ms)
