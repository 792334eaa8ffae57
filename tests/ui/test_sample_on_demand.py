"""The welcome page's "Open the Sample Dataset" makes the sample when it is missing (with
progress, in the user's data folder), then opens it with the demo model; Cancel leaves nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QPushButton

from studio.core import bundled
from studio.core.dataset.sample import default_sample_dir


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty per-user data folder under a Korean name."""
    home = tmp_path / "사용자 데이터"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def test_open_the_sample_dataset_creates_and_opens_it_with_the_demo_model(window, qtbot, data_home: Path) -> None:
    root = default_sample_dir()
    assert root.is_relative_to(data_home) and not root.exists()
    window.help_ui.show_welcome()
    seen: list[str] = []
    with qtbot.waitSignal(window.sample_opener.opened, timeout=120_000):
        qtbot.mouseClick(window.help_ui.welcome.sample_button, Qt.MouseButton.LeftButton)
        dialog = window.sample_opener.dialog
        assert dialog is not None and dialog.isVisible()
        window.sample_opener.worker.progress.connect(lambda _p: seen.append(dialog.labelText()))
    assert any(" of 401 · " in text for text in seen)  # progress with an ETA was shown
    assert window.sample_opener.dialog is None  # and closed
    assert (root / "data.yaml").is_file() and len(list((root / "images" / "train").iterdir())) == 320
    assert not [p for p in root.parent.iterdir() if p.name.startswith(".")]  # no work folder left
    qtbot.waitUntil(lambda: window.session.dataset is not None and window.models.info is not None, timeout=60_000)
    assert window.session.dataset.root == root
    assert window.models.info.path == bundled.demo_model()
    assert not window.help_ui.welcome_shown


def test_cancelling_the_sample_leaves_nothing(window, qtbot, data_home: Path) -> None:
    window.open_sample()
    dialog = window.sample_opener.dialog
    qtbot.waitUntil(lambda: dialog.value() >= 3, timeout=60_000)
    cancel = dialog.findChild(QPushButton)
    assert cancel.text() == "Cancel"
    with qtbot.waitSignal(window.sample_opener.worker.finished, timeout=60_000):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not default_sample_dir().exists()
    assert list(default_sample_dir().parent.iterdir()) == []
    assert window.session.dataset is None
