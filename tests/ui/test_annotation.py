"""Annotating with real mouse and key events, at several zoom levels; file contents asserted."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PyQt6.QtCore import QPoint, QPointF, Qt
from PyQt6.QtWidgets import QApplication, QMessageBox

W, H = 640, 480


@pytest.fixture
def annotating(qtbot, window, sample_dataset: Path):
    """The window on the sample copy, showing train_0000 with known labels."""
    lbl = sample_dataset / "labels" / "train"
    (lbl / "train_0000.txt").write_text("", encoding="utf-8")  # start from a negative image
    (lbl / "train_0001.txt").write_text("1 0.250000 0.250000 0.100000 0.200000\n", encoding="utf-8")
    with qtbot.waitSignal(window.image_shown, timeout=10_000):
        window.open_dataset(sample_dataset)
    qtbot.waitUntil(lambda: not window.session.is_indexing(), timeout=10_000)
    window.view.setFocus()
    qtbot.wait(100)  # let pending layout (docks filling in) settle before mapping coordinates
    return window, lbl / "train_0000.txt"


def _vp(view, x: float, y: float) -> QPoint:
    return view.mapFromScene(QPointF(x, y))


def _img(view, p: QPoint) -> tuple[float, float]:
    s = view.mapToScene(p)
    return s.x(), s.y()


def _drag(qtbot, view, a: QPoint, b: QPoint, button=Qt.MouseButton.LeftButton) -> None:
    qtbot.mousePress(view.viewport(), button, pos=a)
    mid = QPoint((a.x() + b.x()) // 2, (a.y() + b.y()) // 2)
    qtbot.mouseMove(view.viewport(), mid)
    qtbot.mouseMove(view.viewport(), b)
    qtbot.mouseRelease(view.viewport(), button, pos=b)


def _rows(path: Path) -> np.ndarray:
    return np.array([[float(v) for v in ln.split()] for ln in path.read_text().splitlines()]).reshape(-1, 5)


def _expected(cls: int, x1: float, y1: float, x2: float, y2: float) -> list[float]:
    x1, x2 = sorted((min(max(x1, 0), W), min(max(x2, 0), W)))
    y1, y2 = sorted((min(max(y1, 0), H), min(max(y2, 0), H)))
    return [cls, (x1 + x2) / 2 / W, (y1 + y2) / 2 / H, (x2 - x1) / W, (y2 - y1) / H]


def _save(qtbot, window) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.editor.has_unsaved()


@pytest.mark.parametrize("zoom", ["fit", "1:1", "zoomed"])
def test_draw_box_writes_exact_coordinates(qtbot, annotating, zoom: str) -> None:
    window, path = annotating
    view = window.view
    if zoom == "1:1":
        qtbot.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    elif zoom == "zoomed":
        for _ in range(4):
            qtbot.keyClick(view, Qt.Key.Key_Plus)
    qtbot.keyClick(view, Qt.Key.Key_W)
    assert view.create_mode
    center = view.mapToScene(view.viewport().rect().center())
    a = _vp(view, center.x() - 30, center.y() - 20)
    b = _vp(view, center.x() + 45, center.y() + 25)
    expected = _expected(0, *_img(view, a), *_img(view, b))
    _drag(qtbot, view, a, b)
    assert not view.create_mode  # one box per W, like LabelImg
    qtbot.waitUntil(lambda: path.read_text() != "", timeout=3000)  # autosave
    np.testing.assert_allclose(_rows(path), [expected], atol=1e-6)


def test_stray_click_creates_nothing_and_drawing_clamps(qtbot, annotating) -> None:
    window, path = annotating
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_W)
    p = _vp(view, 100, 100)
    _drag(qtbot, view, p, p + QPoint(1, 1))
    assert len(window.editor.boxes) == 0 and view.create_mode
    a, b = _vp(view, 600, 400), view.viewport().rect().bottomRight() - QPoint(2, 2)
    x1, y1 = _img(view, a)
    x2, y2 = _img(view, b)
    assert y2 > H + 5  # the drag ends below the image: the box must be clamped
    _drag(qtbot, view, a, b)
    _save(qtbot, window)
    np.testing.assert_allclose(_rows(path), [_expected(0, x1, y1, x2, y2)], atol=1e-6)
    assert _rows(path)[0, 2] + _rows(path)[0, 4] / 2 == pytest.approx(1.0, abs=1e-6)


def test_move_resize_nudge_delete_undo_redo(qtbot, annotating) -> None:
    window, path = annotating
    view, ed = window.view, window.editor
    qtbot.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # 1:1: pixel exact
    qtbot.keyClick(view, Qt.Key.Key_W)
    _drag(qtbot, view, _vp(view, 300, 200), _vp(view, 400, 260))
    _save(qtbot, window)
    assert ed.selection == [0]
    np.testing.assert_allclose(ed.boxes.to_xyxy((W, H)), [[300, 200, 400, 260]], atol=1e-9)
    _drag(qtbot, view, _vp(view, 350, 230), _vp(view, 370, 220))  # move by (+20, -10)
    np.testing.assert_allclose(ed.boxes.to_xyxy((W, H)), [[320, 190, 420, 250]], atol=1e-9)
    _drag(qtbot, view, _vp(view, 420, 250), _vp(view, 440, 300))  # bottom-right handle
    np.testing.assert_allclose(ed.boxes.to_xyxy((W, H)), [[320, 190, 440, 300]], atol=1e-9)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    np.testing.assert_allclose(ed.boxes.to_xyxy((W, H)), [[319, 200, 439, 310]], atol=1e-9)
    _save(qtbot, window)
    np.testing.assert_allclose(_rows(path), [_expected(0, 319, 200, 439, 310)], atol=1e-6)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    _save(qtbot, window)
    assert path.read_text() == ""
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    _save(qtbot, window)
    np.testing.assert_allclose(_rows(path), [_expected(0, 319, 200, 439, 310)], atol=1e-6)
    for _ in range(3):  # undo nudge(shift), nudge, resize
        qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    _save(qtbot, window)
    np.testing.assert_allclose(_rows(path), [_expected(0, 320, 190, 420, 250)], atol=1e-6)
    qtbot.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    _save(qtbot, window)
    np.testing.assert_allclose(_rows(path), [_expected(0, 319, 190, 439, 300)], atol=1e-6)


def test_class_keys_default_class_and_duplicate(qtbot, annotating) -> None:
    window, path = annotating
    view, ed = window.view, window.editor
    qtbot.keyClick(view, Qt.Key.Key_3)  # nothing selected: default class = lemon (id 2)... id 2
    assert ed.default_class == 2
    qtbot.keyClick(view, Qt.Key.Key_W)
    _drag(qtbot, view, _vp(view, 100, 100), _vp(view, 200, 180))
    qtbot.keyClick(view, Qt.Key.Key_5)  # relabel the selected new box
    qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    _save(qtbot, window)
    rows = _rows(path)
    assert rows[:, 0].tolist() == [4, 4]
    np.testing.assert_allclose(rows[1, 1:3] - rows[0, 1:3], [10 / W, 10 / H], atol=2e-6)
    assert window.class_panel.list.item(4).text().endswith("(2)")


def test_copy_all_boxes_from_previous_image(qtbot, annotating) -> None:
    window, path = annotating
    view = window.view
    with qtbot.waitSignal(window.image_shown, timeout=5000):
        qtbot.keyClick(view, Qt.Key.Key_D)
    with qtbot.waitSignal(window.image_shown, timeout=5000):
        qtbot.keyClick(view, Qt.Key.Key_D)  # train_0002, previous is train_0001
    third = path.parent / "train_0002.txt"
    before = _rows(third)
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    _save(qtbot, window)
    np.testing.assert_allclose(_rows(third), np.vstack([before, [[1, 0.25, 0.25, 0.1, 0.2]]]), atol=1e-6)


def test_copy_paste_between_images(qtbot, annotating) -> None:
    window, path = annotating
    view = window.view
    with qtbot.waitSignal(window.image_shown, timeout=5000):
        qtbot.keyClick(view, Qt.Key.Key_D)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)  # nothing selected: all
    with qtbot.waitSignal(window.image_shown, timeout=5000):
        qtbot.keyClick(view, Qt.Key.Key_A)
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    _save(qtbot, window)
    np.testing.assert_allclose(_rows(path), [[1, 0.25, 0.25, 0.1, 0.2]], atol=1e-6)


def test_negative_and_verified(qtbot, annotating) -> None:
    window, _ = annotating
    view = window.view
    with qtbot.waitSignal(window.image_shown, timeout=5000):
        qtbot.keyClick(view, Qt.Key.Key_D)
    second = window.session.dataset.label_path("images/train/train_0001.jpg")
    qtbot.keyClick(view, Qt.Key.Key_N)
    _save(qtbot, window)
    assert second.read_bytes() == b""
    row = window.image_list.current_index_row()
    from studio.core.dataset.index import State

    assert window.session.index.state[row] == State.NEGATIVE
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert window.session.index.verified[row]
    assert window.session.store.record("images/train/train_0001.jpg").verified
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert not window.session.store.record("images/train/train_0001.jpg").verified


def test_unsupported_lines_survive_edits(qtbot, window, sample_dataset: Path) -> None:
    lbl = sample_dataset / "labels" / "train" / "train_0000.txt"
    lbl.write_bytes(b"0 0.1 0.1 0.3 0.1 0.3 0.3 0.1 0.3\r\n2 0.500000 0.500000 0.200000 0.200000\r\n"
                    b"this line is not YOLO\r\n")
    with qtbot.waitSignal(window.image_shown, timeout=10_000):
        window.open_dataset(sample_dataset)
    view = window.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_4)
    _save(qtbot, window)
    assert lbl.read_bytes() == (b"3 0.500000 0.500000 0.200000 0.200000\r\n"
                                b"0 0.1 0.1 0.3 0.1 0.3 0.3 0.1 0.3\r\nthis line is not YOLO\r\n")


@pytest.mark.parametrize("answer", ["Overwrite", "Reload from Disk"])
def test_external_change_asks_before_overwriting(qtbot, annotating, answer: str) -> None:
    window, path = annotating
    view = window.view
    path.write_text("4 0.1 0.1 0.1 0.1\n")  # another program writes while studio shows it
    qtbot.keyClick(view, Qt.Key.Key_W)
    _drag(qtbot, view, _vp(view, 100, 100), _vp(view, 200, 180))
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "external_change_box") is not None, timeout=3000)
    assert path.read_text() == "4 0.1 0.1 0.1 0.1\n"  # not overwritten silently
    box = window.findChild(QMessageBox, "external_change_box")
    button = next(b for b in box.buttons() if b.text() == answer)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    if answer == "Overwrite":
        assert _rows(path)[:, 0].tolist() == [0]
    else:
        assert path.read_text() == "4 0.1 0.1 0.1 0.1\n"
        assert window.editor.boxes.class_id.tolist() == [4]


def test_box_list_and_canvas_selection_sync(qtbot, annotating) -> None:
    window, _ = annotating
    view = window.view
    with qtbot.waitSignal(window.image_shown, timeout=5000):
        qtbot.keyClick(view, Qt.Key.Key_D)
    with qtbot.waitSignal(window.image_shown, timeout=5000):
        qtbot.keyClick(view, Qt.Key.Key_D)
    ed, lst = window.editor, window.box_list.list
    assert window.box_list.model.rowCount() == len(ed.boxes) >= 2
    lst.setCurrentIndex(window.box_list.model.index(1, 0))
    assert ed.selection == [1]
    x1, y1, x2, y2 = ed.boxes.to_xyxy(ed.size_wh)[0]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=_vp(view, x1 + 2, (y1 + y2) / 2))
    hit = ed.selection
    assert len(hit) == 1 and [i.row() for i in lst.selectedIndexes()] == hit


def test_always_on_drawing_is_remembered(qtbot, annotating) -> None:
    window, path = annotating
    view = window.view
    window.edit_actions.always_draw.trigger()
    assert view.always_draw and window.settings.always_draw()
    _drag(qtbot, view, _vp(view, 50, 60), _vp(view, 120, 140))  # no W needed
    _drag(qtbot, view, _vp(view, 300, 300), _vp(view, 360, 350))
    _save(qtbot, window)
    assert len(_rows(path)) == 2
    window.edit_actions.always_draw.trigger()
    assert not window.settings.always_draw()


def test_add_and_rename_classes_keeps_ids(qtbot, annotating, sample_dataset: Path) -> None:
    import yaml

    window, path = annotating
    panel = window.class_panel
    assert panel.add_class("키위") == 5
    assert panel.rename_class(0, "red apple")
    data = yaml.safe_load((sample_dataset / "data.yaml").read_text(encoding="utf-8"))
    assert data["names"] == {0: "red apple", 1: "banana", 2: "orange", 3: "lemon", 4: "grapes", 5: "키위"}
    assert panel.list.count() == 6 and "red apple" in panel.list.item(0).text()
    qtbot.keyClick(window.view, Qt.Key.Key_6)  # the new class is the default now
    qtbot.keyClick(window.view, Qt.Key.Key_W)
    _drag(qtbot, window.view, _vp(window.view, 100, 100), _vp(window.view, 150, 150))
    _save(qtbot, window)
    assert _rows(path)[:, 0].tolist() == [5]
    second = path.parent / "train_0001.txt"
    assert second.read_text() == "1 0.250000 0.250000 0.100000 0.200000\n"  # ids untouched


def test_shortcuts_dialog_lists_labelimg_keys(qtbot, window) -> None:
    from studio.ui.shortcuts_dialog import ShortcutsDialog

    qtbot.keyClick(window.view, Qt.Key.Key_F1)
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    keys = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    text = " | ".join(sorted(keys))
    for k in ("W", "A", "D", "Del", "Ctrl+S", "Ctrl+D", "Space", "Ctrl+Z", "Ctrl+Y"):
        assert any(k in entry.split(", ") for entry in keys), (k, text)
    dialog.close()


def test_class_picker_type_to_filter(qtbot, annotating) -> None:
    from studio.ui.annotate.class_picker import ClassPicker

    window, path = annotating
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_W)
    _drag(qtbot, view, _vp(view, 100, 100), _vp(view, 180, 160))
    qtbot.keyClick(view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    picker = window.findChild(ClassPicker)
    assert picker is not None
    qtbot.keyClicks(picker.filter, "gra")
    assert picker.list.count() == 1
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    _save(qtbot, window)
    assert _rows(path)[:, 0].tolist() == [4]


def test_hide_boxes_lets_clicks_through(qtbot, annotating) -> None:
    window, _ = annotating
    view, ed = window.view, window.editor
    with qtbot.waitSignal(window.image_shown, timeout=5000):
        qtbot.keyClick(view, Qt.Key.Key_D)
    x1, y1, x2, y2 = ed.boxes.to_xyxy(ed.size_wh)[0]
    inside = _vp(view, (x1 + x2) / 2, (y1 + y2) / 2)
    qtbot.keyClick(view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert not view.boxes_visible
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=inside)
    assert ed.selection == []
    qtbot.keyClick(view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=inside)
    assert ed.selection == [0]


def test_first_box_in_a_bare_folder_creates_a_named_class(qtbot, window, tmp_path: Path) -> None:
    import cv2

    folder = tmp_path / "사진 폴더"
    folder.mkdir()
    cv2.imwrite(str(folder / "a.png"), np.full((120, 160, 3), 90, np.uint8))
    with qtbot.waitSignal(window.image_shown, timeout=10_000):
        window.open_dataset(folder)
    view = window.view
    view.setFocus()
    qtbot.wait(100)
    qtbot.keyClick(view, Qt.Key.Key_W)
    _drag(qtbot, view, _vp(view, 20, 20), _vp(view, 80, 70))
    _save(qtbot, window)
    assert (folder / "classes.txt").read_text(encoding="utf-8") == "object\n"
    assert (folder / "a.txt").read_text().startswith("0 ")
    assert "object" in window.class_panel.list.item(0).text()
