"""The GUI shell driven with real key and mouse events (offscreen)."""

from __future__ import annotations

from pathlib import Path

from PyQt6.QtCore import QPoint, Qt

from studio.core.dataset.index import State


def _open(qtbot, window, path: Path) -> None:
    with qtbot.waitSignal(window.image_shown, timeout=10_000):
        assert window.open_dataset(path)
    qtbot.waitUntil(lambda: not window.session.is_indexing(), timeout=10_000)


def test_opens_dataset_shows_first_image_and_indexes(qtbot, window, sample_dataset: Path) -> None:
    _open(qtbot, window, sample_dataset)
    assert window.image_list.model.rowCount() == 14
    assert window.view.image_size() == (640, 480)
    assert "과일 데이터" in window.windowTitle()
    assert (window.session.index.state != State.UNKNOWN).all()
    assert "14 images" in window.index_status.label.text()
    assert window.settings.recent_datasets()[0].endswith("data.yaml")
    assert len(window.editor.boxes) > 0 and window.box_list.model.rowCount() == len(window.editor.boxes)


def test_keys_a_and_d_navigate(qtbot, window, sample_dataset: Path) -> None:
    _open(qtbot, window, sample_dataset)
    assert window.image_list.current_index_row() == 0
    with qtbot.waitSignal(window.image_shown, timeout=5000) as blocker:
        qtbot.keyClick(window.view, Qt.Key.Key_D)
    assert blocker.args[0].endswith("train_0001.jpg")
    with qtbot.waitSignal(window.image_shown, timeout=5000):
        qtbot.keyClick(window.view, Qt.Key.Key_D)
    with qtbot.waitSignal(window.image_shown, timeout=5000) as blocker:
        qtbot.keyClick(window.view, Qt.Key.Key_A)
    assert blocker.args[0].endswith("train_0001.jpg")
    assert window.image_list.current_index_row() == 1


def test_filters_by_state_and_name(qtbot, window, sample_dataset: Path) -> None:
    (sample_dataset / "labels" / "val" / "val_0002.txt").unlink()
    _open(qtbot, window, sample_dataset)
    panel = window.image_list
    qtbot.keyClicks(panel.search, "val_")
    assert panel.model.rowCount() == 4
    panel.state_filter.setCurrentIndex(3)  # Unlabeled
    assert panel.model.rowCount() == 1
    assert panel.model.data(panel.model.index(0, 0)) == "val/val_0002.jpg"
    panel.search.clear()
    panel.state_filter.setCurrentIndex(0)
    assert panel.model.rowCount() == 14


def test_next_unlabeled_key(qtbot, window, sample_dataset: Path) -> None:
    (sample_dataset / "labels" / "val" / "val_0001.txt").unlink()
    _open(qtbot, window, sample_dataset)
    with qtbot.waitSignal(window.image_shown, timeout=5000) as blocker:
        qtbot.keyClick(window.view, Qt.Key.Key_U)
    assert blocker.args[0].endswith("val_0001.jpg")


def test_zoom_fit_and_pan(qtbot, window, sample_dataset: Path) -> None:
    _open(qtbot, window, sample_dataset)
    view = window.view
    fit_scale = view.scale_factor
    qtbot.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert abs(view.scale_factor - 1.0) < 1e-9
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert abs(view.scale_factor - 1.25) < 1e-9
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert abs(view.scale_factor - 1.25 ** 5) < 1e-9
    bar = view.horizontalScrollBar()
    assert bar.maximum() > 0
    center = view.viewport().rect().center()
    for button in (Qt.MouseButton.LeftButton, Qt.MouseButton.MiddleButton):
        h0 = bar.value()
        qtbot.mousePress(view.viewport(), button, pos=center)
        qtbot.mouseMove(view.viewport(), center + QPoint(-60, 0))
        qtbot.mouseRelease(view.viewport(), button, pos=center + QPoint(-60, 0))
        assert bar.value() == min(bar.maximum(), h0 + 60), button
    qtbot.keyClick(view, Qt.Key.Key_F)
    assert abs(view.scale_factor - fit_scale) < 1e-9


def test_corrupt_image_shows_message_and_app_keeps_working(qtbot, window, sample_dataset: Path) -> None:
    (sample_dataset / "images" / "train" / "train_0001.jpg").write_bytes(b"\x00" * 10)
    _open(qtbot, window, sample_dataset)
    with qtbot.waitSignal(window.loader.failed, timeout=5000):
        qtbot.keyClick(window.view, Qt.Key.Key_D)
    assert window.view.image_size() is None
    assert "train_0001.jpg" in window.view._message
    assert window.editor.doc is None  # keys cannot edit the image that is no longer shown
    with qtbot.waitSignal(window.image_shown, timeout=5000):
        qtbot.keyClick(window.view, Qt.Key.Key_D)
    assert window.view.image_size() == (640, 480)


def test_bad_dataset_path_reports_and_keeps_current(qtbot, window, sample_dataset: Path, tmp_path) -> None:
    _open(qtbot, window, sample_dataset)
    assert not window.open_dataset(tmp_path / "does not exist")
    assert window.session.dataset is not None and window.session.dataset.root == sample_dataset


def test_reopen_restores_last_image(qtbot, window, sample_dataset: Path) -> None:
    _open(qtbot, window, sample_dataset)
    for _ in range(3):
        with qtbot.waitSignal(window.image_shown, timeout=5000):
            qtbot.keyClick(window.view, Qt.Key.Key_D)
    with qtbot.waitSignal(window.image_shown, timeout=10_000) as blocker:
        window.open_dataset(sample_dataset)
    assert blocker.args[0].endswith("train_0003.jpg")


def test_plugin_failure_is_reported_in_status_bar(qtbot, tmp_path: Path) -> None:
    from studio.core.plugins import Registry
    from studio.ui.main_window import MainWindow
    from studio.ui.settings import Settings

    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "broken.py").write_text("import no_such_module_here\n")
    reg = Registry()
    reg.load_folder(tmp_path / "p")
    win = MainWindow(Settings(), reg)
    qtbot.addWidget(win)
    win.show()
    win.report_plugin_failures()
    assert "broken.py" in win.statusBar().currentMessage()


def test_wrong_model_file_gives_clear_message(qtbot, window, tmp_path: Path) -> None:
    bad = tmp_path / "model.pt"
    bad.write_text("not a model")
    with qtbot.waitSignal(window.models.failed, timeout=60_000) as blocker:
        window.models.load(bad)
    assert "model.pt" in blocker.args[0] and "cannot be loaded" in blocker.args[0]
    assert window.model_label.text().startswith("No model loaded")


def test_shift_click_selects_several_images_for_a_run(qtbot, window, sample_dataset: Path) -> None:
    _open(qtbot, window, sample_dataset)
    view = window.image_list.view
    rect = view.visualRect(window.image_list.model.index(3, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier,
                     rect.center())
    assert window.prelabel_ui.paths_for_scope("selection") == [f"images/train/train_000{i}.jpg" for i in range(4)]
    assert len(window.prelabel_ui.paths_for_scope("all")) == 14


def test_a_long_status_message_stays_clear_of_the_permanent_widgets(window, qtbot) -> None:
    bar = window.statusBar()
    text = "The dataset folder is read-only; studio keeps its state elsewhere. " * 6
    bar.showMessage(text, 10_000)
    shown = bar.currentMessage()
    assert shown != text and shown.endswith("…") and bar.toolTip() == text
    room = bar.width() - sum(w.width() for w in (window.index_status, window.model_label) if w.isVisible())
    assert bar.fontMetrics().horizontalAdvance(shown) < room


def test_an_image_with_tens_of_thousands_of_boxes_opens_with_right_counts(window, qtbot, sample_dataset) -> None:
    """A huge label file: counts are right, the box list is virtual, boxes are drawn as one cached layer."""
    import numpy as np

    rng = np.random.default_rng(3)
    n = 30_000
    rows = np.c_[rng.integers(0, 5, n), rng.random((n, 2)), rng.uniform(0.002, 0.05, (n, 2))]
    label = sample_dataset / "labels" / "train" / "train_0000.txt"
    np.savetxt(label, rows, fmt=["%d", "%.6f", "%.6f", "%.6f", "%.6f"])
    written = label.read_bytes()
    with qtbot.waitSignal(window.image_shown, timeout=30_000):
        window.open_dataset(sample_dataset)
    qtbot.waitUntil(lambda: window.editor.doc is not None and len(window.editor.boxes) == n, timeout=30_000)
    counts = np.bincount(rows[:, 0].astype(int), minlength=5)
    texts = [window.class_panel.list.item(i).text() for i in range(5)]
    assert [int(t.rsplit("(", 1)[1].rstrip(")")) for t in texts] == counts.tolist()
    assert window.box_list.model.rowCount() == n
    window.view.viewport().repaint()
    first = window.view._layer._image
    assert first is not None  # drawn once into the layer ...
    window.view.viewport().repaint()
    assert window.view._layer._image is first  # ... and reused by the next repaint
    assert label.read_bytes() == written  # opening never rewrote it


def test_a_remembered_model_waits_for_the_first_image(window, qtbot, sample_dataset) -> None:
    from pathlib import Path

    demo = Path(__file__).resolve().parents[2] / "resources" / "models" / "demo-fruit.pt"
    order: list[str] = []
    window.models.loading.connect(lambda name: order.append("model " + name))
    window.image_shown.connect(lambda key: order.append("image"))
    opening = window.open_dataset(sample_dataset)
    window.load_model_when_idle(str(demo), after_first_image=opening)
    assert opening and order == [] and "after the first image" in window.model_label.text()
    with qtbot.waitSignal(window.models.loaded, timeout=60_000):
        pass
    assert order[:2] == ["image", "model demo-fruit.pt"]
