"""Opening streams: the first image is on screen while the list still fills in behind it."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from studio.core.dataset.layout import Dataset


@pytest.fixture
def held_listing(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The listing yields its first snapshot, then waits for the returned event to finish."""
    release = threading.Event()
    real = Dataset.scan_progressively

    def slow(self, cancelled=lambda: False, first_after=1, every_s=1.0, first_wait_s=0.0):  # noqa: ANN001, ANN202
        snapshots = list(real(self, cancelled, first_after=1, every_s=10.0, first_wait_s=0.0))
        yield snapshots[0]
        while not release.wait(0.05):
            if cancelled():
                return
        yield snapshots[-1]

    monkeypatch.setattr(Dataset, "scan_progressively", slow)
    return release


def test_the_list_grows_while_the_first_image_is_edited(qtbot, window, sample_dataset: Path, held_listing) -> None:
    shown: list[str] = []
    window.image_shown.connect(shown.append)
    assert window.open_dataset(sample_dataset)
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=10_000)
    assert window.image_list.model.rowCount() == 1  # only what was found so far
    first = window.editor.doc.image_path
    assert window.session._index_started is False  # the indexer waits for the whole listing
    window.editor.create_box((10, 10, 120, 90))  # the user is already at work
    boxes = len(window.editor.boxes)
    held_listing.set()
    qtbot.waitUntil(lambda: window.image_list.model.rowCount() == 14, timeout=10_000)
    assert window.editor.doc.image_path == first and len(window.editor.boxes) == boxes  # nothing reloaded
    assert shown == [shown[0]]
    rel = window.session.relative(first)
    assert window.image_list.current_index_row() == window.session.index.position(rel)
    from studio.core.dataset.layout import open_dataset

    assert window.session.index.paths == open_dataset(sample_dataset).scan_images().paths  # natural order at the end
    qtbot.waitUntil(lambda: window.session._index_started and not window.session.is_indexing(), timeout=20_000)
    window.editor.save_now()
    label = window.session.dataset.label_path(rel)
    assert label.read_text().count("\n") == boxes


def test_the_remembered_image_opens_first_even_before_it_is_listed(qtbot, window, sample_dataset: Path,
                                                                     held_listing) -> None:
    from studio.core.dataset.layout import open_dataset

    root = open_dataset(sample_dataset).root
    window.settings.set_last_image(str(root), "images/val/val_0002.jpg")
    with qtbot.waitSignal(window.image_shown, timeout=10_000) as blocker:
        window.open_dataset(sample_dataset)
    assert blocker.args[0].endswith("val_0002.jpg")
    held_listing.set()
    qtbot.waitUntil(lambda: window.image_list.model.rowCount() == 14, timeout=10_000)
    assert window.session.index.paths[window.image_list.current_index_row()] == "images/val/val_0002.jpg"


def test_the_listing_rests_until_the_first_image_is_painted(qtbot, sample_dataset: Path, monkeypatch) -> None:
    """After its first part the listing leaves the CPU to the first paint; the canvas's first
    paint (or a timeout) lets it go on."""
    from studio.ui import session as session_module

    monkeypatch.setattr(session_module, "FIRST_WAIT_S", 0.0)  # a first part after the first image found
    monkeypatch.setattr(session_module, "PAUSE_FOR_FIRST_IMAGE_S", 30.0)
    session = session_module.DatasetSession()
    grew: list[bool] = []
    session.listing_grew.connect(grew.append)
    with qtbot.waitSignal(session.opened, timeout=10_000):
        assert session.open(sample_dataset)
    assert len(session.index) < 14
    qtbot.wait(400)
    assert grew == []  # resting: nothing more was listed
    session.first_image_painted()
    qtbot.waitUntil(lambda: bool(grew) and grew[-1], timeout=10_000)
    assert len(session.index) == 14
    session.close()
