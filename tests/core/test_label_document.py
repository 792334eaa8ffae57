"""Editing one image's labels: undo/redo, negatives, saving, the external-change guard."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from studio.core.labels import box_ops
from studio.core.labels.boxes import Boxes
from studio.core.labels.document import ExternalChangeError, LabelDocument
from studio.core.labels.yolo import LabelState

SIZE = (200, 100)


def test_new_image_gets_no_file_until_a_box_or_negative(tmp_path: Path) -> None:
    lbl = tmp_path / "labels" / "a.txt"
    doc = LabelDocument.load(tmp_path / "a.jpg", lbl, SIZE)
    assert doc.state is LabelState.UNLABELED and not doc.dirty
    doc.apply(box_ops.add_box(doc.boxes, (10, 10, 50, 50), 0, SIZE))
    doc.apply(box_ops.delete_boxes(doc.boxes, [0]))
    doc.save()
    assert not lbl.exists()  # drew and deleted: still "not labeled yet"
    doc.mark_negative()
    assert doc.save() and lbl.read_bytes() == b""
    assert doc.state is LabelState.NEGATIVE


def test_undo_redo_and_saved_content(tmp_path: Path) -> None:
    lbl = tmp_path / "a.txt"
    doc = LabelDocument.load(tmp_path / "a.jpg", lbl, SIZE)
    doc.apply(box_ops.add_box(doc.boxes, (20, 10, 60, 30), 2, SIZE))
    doc.apply(box_ops.move_boxes(doc.boxes, [0], 10, 0, SIZE))
    assert doc.undo()
    np.testing.assert_allclose(doc.boxes.to_xyxy(SIZE)[0], [20, 10, 60, 30])
    assert doc.redo()
    np.testing.assert_allclose(doc.boxes.to_xyxy(SIZE)[0], [30, 10, 70, 30])
    assert not doc.redo()
    doc.save()
    assert lbl.read_text() == "2 0.250000 0.200000 0.200000 0.200000\n"
    assert not doc.dirty and doc.can_undo  # history survives a save


def test_external_change_is_never_overwritten_silently(tmp_path: Path) -> None:
    lbl = tmp_path / "a.txt"
    lbl.write_text("0 0.5 0.5 0.2 0.2\n")
    doc = LabelDocument.load(tmp_path / "a.jpg", lbl, SIZE)
    doc.apply(box_ops.set_class(doc.boxes, [0], 1))
    lbl.write_text("3 0.1 0.1 0.1 0.1\n")  # another program
    with pytest.raises(ExternalChangeError):
        doc.save()
    assert lbl.read_text() == "3 0.1 0.1 0.1 0.1\n"
    doc.save(force=True)
    assert lbl.read_text() == "1 0.500000 0.500000 0.200000 0.200000\n"


def test_reload_takes_the_disk_version(tmp_path: Path) -> None:
    lbl = tmp_path / "a.txt"
    lbl.write_text("0 0.5 0.5 0.2 0.2\n")
    doc = LabelDocument.load(tmp_path / "a.jpg", lbl, SIZE)
    doc.apply(Boxes.empty())
    lbl.write_text("4 0.1 0.1 0.1 0.1\n")
    doc.reload()
    assert doc.boxes.class_id.tolist() == [4] and not doc.dirty


def test_kept_lines_survive_edits(tmp_path: Path) -> None:
    lbl = tmp_path / "a.txt"
    lbl.write_bytes(b"0 0.1 0.1 0.3 0.1 0.3 0.3 0.1 0.3\n1 0.5 0.5 0.2 0.2\n")
    doc = LabelDocument.load(tmp_path / "a.jpg", lbl, SIZE)
    doc.apply(box_ops.delete_boxes(doc.boxes, [0]))
    doc.save()
    assert lbl.read_bytes() == b"0 0.1 0.1 0.3 0.1 0.3 0.3 0.1 0.3\n"
    assert doc.state is LabelState.LABELED
