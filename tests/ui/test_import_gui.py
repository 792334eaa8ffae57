"""File > Import Labels…: preview image by image, map a class by hand, import, and see the boxes."""

from __future__ import annotations

import json
from pathlib import Path

from PyQt6.QtCore import Qt

from studio.core.labels.yolo import load_yolo_labels


def test_import_labelme_from_the_window(qtbot, window, sample_dataset: Path, tmp_path: Path) -> None:
    from studio.ui.interchange.import_dialog import ImportDialog

    for txt in (sample_dataset / "labels" / "train").glob("*.txt"):
        txt.unlink()
    src = tmp_path / "labelme 폴더"
    src.mkdir()
    (src / "a.json").write_text(json.dumps({
        "imagePath": "../images/train_0000.jpg", "imageWidth": 640, "imageHeight": 480, "imageData": None,
        "shapes": [{"label": "apple", "shape_type": "rectangle", "points": [[100, 100], [200, 180]]},
                   {"label": "Kiwi", "shape_type": "rectangle", "points": [[300, 300], [340, 360]]},
                   {"label": "pear", "shape_type": "rectangle", "points": [[10, 10], [40, 40]]}]}))
    (src / "b.json").write_text("{broken")
    with qtbot.waitSignal(window.image_shown, timeout=10_000):
        window.open_dataset(sample_dataset)
    qtbot.waitUntil(lambda: not window.session.is_indexing(), timeout=10_000)
    qtbot.keyClick(window.view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.findChild(ImportDialog)
    assert dialog is not None and not dialog.import_button.isEnabled()
    dialog.fmt.setCurrentIndex(1)  # labelme
    dialog.source.setText(str(src))
    with qtbot.waitSignal(dialog.planned, timeout=10_000):
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    texts = [[dialog.items.item(r, c).text() for c in range(4)] for r in range(dialog.items.rowCount())]
    assert any("b.json" in row[0] and "not a valid labelme file" in row[3] for row in texts)
    assert ["add", "images/train/train_0000.jpg", "3", ""] in texts
    assert "New classes: Kiwi, pear." in dialog.summary.text()
    assert (sample_dataset / "labels" / "train" / "train_0000.txt").exists() is False  # a preview writes nothing
    kiwi_row = next(r for r in range(dialog.classes.rowCount()) if dialog.classes.item(r, 0).text() == "Kiwi")
    combo = dialog.classes.cellWidget(kiwi_row, 1)
    combo.setCurrentIndex(combo.findData(3))  # Kiwi -> lemon, by hand
    pear_row = next(r for r in range(dialog.classes.rowCount()) if dialog.classes.item(r, 0).text() == "pear")
    pear = dialog.classes.cellWidget(pear_row, 1)
    pear.setCurrentIndex(pear.count() - 1)  # drop pear
    with qtbot.waitSignal(dialog.planned, timeout=10_000):
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert "New classes" not in dialog.summary.text()
    with qtbot.waitSignal(window.image_shown, timeout=20_000):  # the window opens the dataset again
        with qtbot.waitSignal(dialog.imported, timeout=20_000):
            qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    lf = load_yolo_labels(sample_dataset / "labels" / "train" / "train_0000.txt")
    assert lf.boxes.class_id.tolist() == [0, 3]
    assert window.session.dataset.classes.names == ["apple", "banana", "orange", "lemon", "grapes"]
    qtbot.waitUntil(lambda: not window.session.is_indexing(), timeout=10_000)
    qtbot.waitUntil(lambda: window.editor.doc is not None, timeout=10_000)
    if window.editor.doc.image_path.name != "train_0000.jpg":
        with qtbot.waitSignal(window.image_shown, timeout=10_000):
            assert window.navigator.show_image_box("images/train/train_0000.jpg")
    assert len(window.editor.doc.boxes) == 2  # the imported boxes are on the canvas
