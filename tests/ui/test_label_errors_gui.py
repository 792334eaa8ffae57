"""The label-errors queue driven by real keys and clicks, and Tools > Find Label Errors end to end."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QDialog

from studio.core.dataset.layout import open_dataset
from studio.core.i18n import Message
from studio.core.insight.label_issues import BADLOC, OVERLOOKED, SWAP, BoxIssue, ImageIssues
from studio.core.labels.yolo import load_yolo_labels
from tests.ui.demo_window import open_with_demo_model

CTRL = Qt.KeyboardModifier.ControlModifier


@dataclass
class _Plan:
    work_dir: Path


@pytest.fixture
def stored_check(sample_dataset: Path) -> tuple[Path, str, str]:
    """A stored check: the worst image has a swapped class and an unlabeled object, the next a
    misplaced box."""
    from studio.core.dataset.store_location import open_store
    from studio.core.labelcheck.plan import LabelCheckParams
    from studio.core.labelcheck.results import save_check

    ds = open_dataset(sample_dataset)
    a, b = [p for p in ds.scan_images().paths if len(load_yolo_labels(ds.label_path(p)).boxes) >= 2][:2]
    worst = ImageIssues(0, 0.01, [
        BoxIssue(SWAP, 0, 0.02, Message("probably {new}, not {old} ({conf:.2f})", new="lemon", old="x", conf=0.9),
                 3, 0.9),
        BoxIssue(OVERLOOKED, 0, 0.05, Message("an unlabeled {name} the model sees here ({conf:.2f})", name="grapes",
                                              conf=0.8), 4, 0.8, (0.1, 0.1, 0.08, 0.08)),
    ])
    next_ = ImageIssues(1, 0.2, [BoxIssue(BADLOC, 1, 0.3, Message("box looks shifted or loose"), None, 0.85,
                                          (0.5, 0.5, 0.2, 0.2))])
    store = open_store(ds)[0]
    save_check(store, _Plan(sample_dataset / "work"), LabelCheckParams(), [(a, worst), (b, next_)])
    store.close()
    return sample_dataset, a, b


def _label(root: Path, rel: str) -> str:
    return open_dataset(root).label_path(rel).read_text(encoding="utf-8")


def test_keys_decide_suspicious_labels_and_undo_goes_back_over_images(qtbot, window, stored_check) -> None:
    root, a, b = stored_check
    before_a, before_b = _label(root, a), _label(root, b)
    with qtbot.waitSignal(window.image_shown, timeout=10_000):
        window.open_dataset(root)
    qtbot.waitUntil(lambda: not window.session.is_indexing(), timeout=10_000)
    qtbot.keyClick(window.view, Qt.Key.Key_R, CTRL)
    bar = window.review_ui.queues.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    errors = window.review_ui.label_errors
    qtbot.waitUntil(lambda: errors.current is not None and errors.current.path == a, timeout=5000)
    assert [c.split(" (")[0] for c in window.view.proposal_captions] == ["probably lemon, not x",
                                                                         "an unlabeled grapes the model sees here"]
    assert window.image_list.model.rowCount() == 2  # the list follows the queue, worst first
    assert window.review_ui.label_panel.take_button.isEnabled()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Y)  # take: the class changes, other rows keep their text
    qtbot.waitUntil(lambda: _label(root, a).split("\n")[0].split()[0] == "3", timeout=5000)
    assert _label(root, a).split("\n")[1:] == before_a.split("\n")[1:]
    qtbot.keyClick(window.view, Qt.Key.Key_R)  # keep: nothing added; the image is done, on to the next
    qtbot.waitUntil(lambda: errors.current is not None and errors.current.path == b, timeout=5000)
    assert len(_label(root, a).splitlines()) == len(before_a.splitlines())
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Y)  # take the model's box for the misplaced one
    qtbot.waitUntil(lambda: _label(root, b).splitlines()[1].endswith("0.500000 0.500000 0.200000 0.200000"),
                    timeout=5000)
    assert "Every suspicious label has a decision" in window.statusBar().currentMessage()
    assert window.review_ui.label_panel.progress.value() == 3
    for _ in range(3):  # undo: the misplaced box, then back to the first image: the keep, the class
        qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: errors.current is not None and errors.current.path == a, timeout=5000)
    window.editor.save_now()
    assert _label(root, a) == before_a and _label(root, b) == before_b
    from studio.core.labelcheck.results import check_queue

    assert all(not e.decisions for e in check_queue(window.session.store, errors.check_id))
    assert errors.current.open_issues == [0, 1]
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_E)  # edit by hand: the box stays selected for the usual keys
    assert window.editor.selection == [0] and errors.current.decisions == {0: "edited"}
    x_before = window.editor.boxes.xywhn[0, 0]
    qtbot.keyClick(window.view, Qt.Key.Key_Right)
    assert window.editor.selection == [0] and window.editor.boxes.xywhn[0, 0] > x_before


def test_find_label_errors_shows_the_cost_then_runs_and_opens_the_queue(qtbot, window, sample_dataset: Path,
                                                                         monkeypatch) -> None:
    from studio.ui.labelcheck.dialog import LabelCheckDialog

    open_with_demo_model(qtbot, window, sample_dataset)
    seen: dict = {}

    def drive(dialog: LabelCheckDialog) -> int:
        qtbot.waitUntil(lambda: dialog.start.isEnabled(), timeout=10_000)
        seen["cost"] = dialog.cost.text()
        dialog.folds.setValue(10)  # more folds than 14 images allow
        qtbot.waitUntil(lambda: "only 14 finished images for 10 folds" in dialog.warnings.text(), timeout=10_000)
        seen["too_many_start"] = dialog.start.isEnabled()
        dialog.folds.setValue(2)
        dialog.epochs.setValue(1)
        dialog.imgsz.setValue(64)
        dialog.model.setCurrentIndex(1)  # the loaded demo model (it saw seed 0: fine for driving the window)
        qtbot.waitUntil(lambda: dialog.start.isEnabled(), timeout=10_000)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(LabelCheckDialog, "exec", drive)
    run = window.training_ui.label_check.ask()
    assert "14 finished images, 3 models: about" in seen["cost"] and seen["too_many_start"] is False
    qtbot.waitUntil(lambda: run.close_button.isVisible(), timeout=240_000)
    assert "suspicious labels on" in run.result.text(), run.stage.text()
    assert window.review_ui.queues.currentIndex() == 1 and window.review_ui.act_mode.isChecked()
    assert window.review_ui.label_errors.check_id is not None
    qtbot.mouseClick(run.action_button, Qt.MouseButton.LeftButton)  # "Review Them"
    assert not run.isVisible()


def test_review_them_opens_the_queue_with_the_reasons_on_the_canvas(qtbot, window, stored_check) -> None:
    root, a, _b = stored_check
    with qtbot.waitSignal(window.image_shown, timeout=10_000):
        window.open_dataset(root)
    qtbot.waitUntil(lambda: not window.session.is_indexing(), timeout=10_000)
    window.review_ui.show_label_errors()  # what "Review Them" does when a check ends (review mode off before)
    errors = window.review_ui.label_errors
    qtbot.waitUntil(lambda: errors.current is not None and errors.current.path == a, timeout=5000)
    qtbot.wait(50)  # the review controller's own refresh must not wipe the label-errors drawing
    assert window.review_ui.act_mode.isChecked()
    assert len(window.view.proposals) == 2 and window.view.proposal_captions[0].startswith("probably lemon")


def test_y_on_an_unsure_suggestion_writes_nothing_and_says_why(qtbot, window, sample_dataset: Path) -> None:
    from studio.core.dataset.store_location import open_store
    from studio.core.labelcheck.plan import LabelCheckParams
    from studio.core.labelcheck.results import save_check

    ds = open_dataset(sample_dataset)
    a = next(p for p in ds.scan_images().paths if len(load_yolo_labels(ds.label_path(p)).boxes) >= 1)
    unsure = ImageIssues(0, 0.01, [BoxIssue(SWAP, 0, 0.04, Message(
        "maybe {new}, not {old} ({conf:.2f}): the model is unsure", new="orange", old="apple", conf=0.62), 1, 0.62)])
    store = open_store(ds)[0]
    save_check(store, _Plan(sample_dataset / "work"), LabelCheckParams(), [(a, unsure)])
    store.close()
    before = _label(sample_dataset, a)
    with qtbot.waitSignal(window.image_shown, timeout=10_000):
        window.open_dataset(sample_dataset)
    qtbot.waitUntil(lambda: not window.session.is_indexing(), timeout=10_000)
    window.review_ui.show_label_errors()
    errors = window.review_ui.label_errors
    qtbot.waitUntil(lambda: errors.current is not None and errors.current.path == a, timeout=5000)
    assert window.view.proposal_captions == ["maybe orange, not apple (0.62): the model is unsure"]
    assert not window.review_ui.label_panel.take_button.isEnabled()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Y)
    assert "unsure of its suggestion (0.62, below 0.80)" in window.statusBar().currentMessage()
    window.editor.save_now()
    assert _label(sample_dataset, a) == before and errors.current.decisions == {}
    qtbot.keyClick(window.view, Qt.Key.Key_R)  # keeping it is one key
    qtbot.waitUntil(lambda: "Every suspicious label has a decision" in window.statusBar().currentMessage(),
                    timeout=5000)
