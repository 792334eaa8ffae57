"""Review mode driven by real keys: label files and the store are asserted after each decision."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PyQt6.QtCore import Qt

from studio.core.dataset.layout import open_dataset
from studio.core.inference.runs import run_proposals
from studio.core.labels.merge import merge_accepted
from studio.core.labels.yolo import load_yolo_labels
from studio.core.review.workflow import (
    Decision,
    ReviewStatus,
    decisions_for,
    status_of,
)
from studio.core.store.db import Store
from tests.core.test_review import make_run

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def run_setup(sample_dataset: Path):
    """The sample with a fake pre-labeling run; two images lose their labels (unlabeled)."""
    ds = open_dataset(sample_dataset)
    store = Store(ds.store_dir)
    run, made = make_run(ds, store, seed=5)
    store.close()
    return sample_dataset, run, made


def _open_review(qtbot, window, root: Path) -> None:  # noqa: ANN001
    with qtbot.waitSignal(window.image_shown, timeout=10_000):
        window.open_dataset(root)
    qtbot.keyClick(window.view, Qt.Key.Key_R, CTRL)
    assert window.review_ui.act_mode.isChecked() and window.review_ui.dock.isVisible()
    first = window.review.queue.ordered[0].path
    qtbot.waitUntil(lambda: window.review.current is not None and window.review.current.path == first,
                    timeout=5000)
    window.view.setFocus()


def _current(window) -> str:  # noqa: ANN001
    return window.review.current.path


def _wait_for_next(qtbot, window, old: str) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: window.review.current is not None and window.review.current.path != old, timeout=5000)


def test_accept_all_and_next_merges_without_duplicates(qtbot, window, run_setup) -> None:
    root, run, made = run_setup
    _open_review(qtbot, window, root)
    ds = window.session.dataset
    rel = _current(window)
    label = ds.label_path(rel)
    original = label.read_bytes()
    human = load_yolo_labels(label).boxes
    # the queue is sorted by lowest confidence, and the image list shows it in that order
    mins = [it.min_conf for it in window.review.queue.ordered if it.n]
    assert mins == sorted(mins)
    model = window.image_list.model
    assert [window.session.index.paths[model.index_row(r)] for r in range(3)] == \
        [it.path for it in window.review.queue.ordered[:3]]
    props = made[rel]
    shown = props[np.flatnonzero(props.confidence >= window.review.state.threshold)]
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    _wait_for_next(qtbot, window, rel)
    assert _current(window) == window.review.queue.ordered[1].path
    expected, dup = merge_accepted(human, shown, any_class=True)  # Enter: one box per object
    got = load_yolo_labels(label).boxes
    assert len(got) == len(expected)
    np.testing.assert_allclose(got.xywhn, expected.xywhn, atol=1e-6)
    assert label.read_bytes().startswith(original)  # human lines stay byte for byte, new ones appended
    store = window.session.store
    assert status_of(store, run, rel)[0] is ReviewStatus.REVIEWED
    decided = decisions_for(store, run, rel)
    ids, _ = run_proposals(store, run, rel)
    assert len(decided) == len(ids)
    assert sum(d is Decision.DUPLICATE for d in decided.values()) == int(dup.sum())
    assert window.review.queue.counts().reviewed == 1


def test_single_keys_accept_reject_edit(qtbot, window, run_setup) -> None:
    root, run, made = run_setup
    ds0 = open_dataset(root)
    # an image without labels and with three confident proposals, reviewed first (name order)
    target = next(p for p, b in sorted(made.items()) if len(b) >= 3 and (b.confidence >= 0.25).sum() >= 3)
    ds0.label_path(target).unlink()
    _open_review(qtbot, window, root)
    window.review_ui.panel.sort_box.setCurrentIndex(3)  # by name
    window.image_list.select_index_row(window.session.index.position(target))
    qtbot.waitUntil(lambda: window.review.current is not None and _current(window) == target, timeout=5000)
    window.view.setFocus()
    c = window.review
    visible = c.visible_pending()
    assert len(visible) >= 3 and c.focused_index() == visible[0]  # most confident first
    qtbot.keyClick(window.view, Qt.Key.Key_Y)  # accept the focused one
    assert len(window.editor.boxes) == 1 and c.focused_index() == visible[1]
    qtbot.keyClick(window.view, Qt.Key.Key_R)  # reject the next
    assert len(window.editor.boxes) == 1
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    qtbot.keyClick(window.view, Qt.Key.Key_Tab, SHIFT)  # focus cycles both ways
    assert c.focused_index() == visible[2]
    qtbot.keyClick(window.view, Qt.Key.Key_E)  # edit: accepted and selected
    assert window.editor.selection == [1]
    before = window.editor.boxes.xywhn[1].copy()
    for _ in range(5):
        qtbot.keyClick(window.view, Qt.Key.Key_Right)  # 1 px each: a small fix
    assert window.editor.boxes.xywhn[1][0] > before[0]
    store = window.session.store
    mid = decisions_for(store, run, target)  # written the moment they are made
    ids, _ = run_proposals(store, run, target)
    assert mid[int(ids[visible[0]])] is Decision.ACCEPTED and mid[int(ids[visible[1]])] is Decision.REJECTED
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    qtbot.keyClick(window.view, Qt.Key.Key_X)  # reject the rest and finish
    _wait_for_next(qtbot, window, target)
    final = decisions_for(store, run, target)
    assert final[int(ids[visible[0]])] is Decision.ACCEPTED
    assert final[int(ids[visible[1]])] is Decision.REJECTED
    assert final[int(ids[visible[2]])] is Decision.EDITED
    assert all(final[int(ids[k])] in (Decision.REJECTED, Decision.HIDDEN) for k in range(3, len(ids))
               if k not in visible[:3])
    assert len(load_yolo_labels(ds0.label_path(target)).boxes) == 2


def test_undo_goes_back_over_a_finished_image(qtbot, window, run_setup) -> None:
    root, run, made = run_setup
    _open_review(qtbot, window, root)
    ds = window.session.dataset
    rel = _current(window)
    original = ds.label_path(rel).read_bytes()
    pending = len(window.review.visible_pending())
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    _wait_for_next(qtbot, window, rel)
    qtbot.waitUntil(lambda: not window.editor.has_unsaved(), timeout=3000)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: _current(window) == rel, timeout=5000)
    qtbot.waitUntil(lambda: not window.editor.has_unsaved(), timeout=3000)
    assert ds.label_path(rel).read_bytes() == original
    store = window.session.store
    assert status_of(store, run, rel)[0] is ReviewStatus.OPEN
    assert decisions_for(store, run, rel) == {}
    assert len(window.review.visible_pending()) == pending
    assert window.review.queue.counts().reviewed == 0


def test_reject_all_keeps_human_boxes_and_negative_on_empty(qtbot, window, run_setup) -> None:
    root, run, made = run_setup
    _open_review(qtbot, window, root)
    ds = window.session.dataset
    rel = _current(window)
    original = ds.label_path(rel).read_bytes()
    qtbot.keyClick(window.view, Qt.Key.Key_X)
    _wait_for_next(qtbot, window, rel)
    assert ds.label_path(rel).read_bytes() == original
    assert set(decisions_for(window.session.store, run, rel).values()) <= {Decision.REJECTED, Decision.HIDDEN}
    # an unlabeled image whose proposals are all wrong becomes a negative; undo takes that back
    target = next(it.path for it in reversed(window.review.queue.ordered) if it.n and not it.done)  # not shown yet
    ds.label_path(target).unlink()
    window.image_list.select_index_row(window.session.index.position(target))
    qtbot.waitUntil(lambda: _current(window) == target, timeout=5000)
    qtbot.keyClick(window.view, Qt.Key.Key_X)
    _wait_for_next(qtbot, window, target)
    assert ds.label_path(target).read_bytes() == b""
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: _current(window) == target, timeout=5000)
    qtbot.waitUntil(lambda: not window.editor.has_unsaved(), timeout=3000)
    assert not ds.label_path(target).exists()
    assert status_of(window.session.store, run, target)[0] is ReviewStatus.OPEN


def test_report_dialog_matches_core_and_auto_accept_holds_back_spot_checks(qtbot, window, run_setup) -> None:
    from studio.core.review.report import quality_report
    from studio.ui.review.report_dialog import QualityReportDialog

    root, run, made = run_setup
    _open_review(qtbot, window, root)
    for _ in range(4):
        rel = _current(window)
        qtbot.keyClick(window.view, Qt.Key.Key_Return)
        _wait_for_next(qtbot, window, rel)
    qtbot.keyClick(window.view, Qt.Key.Key_R, CTRL | SHIFT)
    dialog = window.findChild(QualityReportDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10_000)
    ref = quality_report(window.session.dataset, window.session.store, run)
    assert dialog.report.images == ref.images == 4
    assert dialog.table.item(dialog.table.rowCount() - 1, 7).text() == f"{ref.map50:.3f}"
    assert "accepted" in dialog.rates.text()
    # the advisor's button moves the canvas threshold
    dialog.use_best.click()
    assert window.review.state.threshold == pytest.approx(round(ref.curve.best_f1()[0], 2))
    dialog.auto_threshold.setValue(0.3)
    dialog.spot_share.setValue(0.2)
    dialog.spot_min.setValue(1)
    shown = _current(window)
    assert dialog.start_auto_accept(confirm=False)
    qtbot.waitUntil(lambda: not dialog.auto_worker.is_running(), timeout=20_000)
    from studio.core.review.workflow import status_of as _status

    if _status(window.session.store, run, shown)[0] is ReviewStatus.AUTO:  # the image on screen was taken
        doc = window.editor.document_for(window.session.dataset.label_path(shown))
        qtbot.waitUntil(lambda: not doc.changed_on_disk(), timeout=5000)
    qtbot.waitUntil(lambda: dialog.report is not None and dialog.report.spot is not None, timeout=10_000)
    counts = window.review.queue.counts()
    assert counts.auto > 0 and counts.spot_left > 0
    assert all(it.spot for it in window.review.queue.ordered[:counts.spot_left])
    from studio.core.store.job_runs import history

    recorded = history(window.session.store, "auto-accept")[0]  # the job `studio review auto-accept` records
    assert recorded.status == "finished" and recorded.params["run_id"] == run
    assert recorded.summary["accepted"] == counts.auto
    dialog.close()


def test_class_mismatch_is_explained_and_translated(qtbot, window, sample_dataset: Path) -> None:
    ds = open_dataset(sample_dataset)
    store = Store(ds.store_dir)
    run, made = make_run(ds, store)
    names = list(ds.classes.names)
    # the run was made when "apple" and "banana" had swapped ids, and "kiwi" existed
    swapped = [names[1], names[0], *names[2:], "kiwi"]
    store.transaction([("UPDATE runs SET dataset_names=? WHERE id=?",
                        [(__import__("json").dumps(swapped), run)])])
    store.close()
    messages: list[str] = []
    window.review.message.connect(messages.append)
    _open_review(qtbot, window, sample_dataset)
    assert any("kiwi" in m and "matched by name" in m for m in messages)
    rel = _current(window)
    _ids, stored = run_proposals(window.session.store, run, rel)
    shown = window.review.current.proposals
    swap = {0: 1, 1: 0}
    assert shown.class_id.tolist() == [swap.get(int(c), int(c)) for c in stored.class_id]


def test_deleted_and_changed_images_are_reported(qtbot, window, run_setup) -> None:
    root, run, made = run_setup
    ds = open_dataset(root)
    paths = sorted(made)
    ds.image_path(paths[0]).unlink()
    ds.label_path(paths[0]).unlink()
    with open(ds.image_path(paths[1]), "ab") as f:
        f.write(b"\0")
    _open_review(qtbot, window, root)
    assert window.review.queue.missing_images == 1
    assert "no longer exist" in window.review_ui.panel.counts_label.text()
    window.review_ui.panel.sort_box.setCurrentIndex(3)  # by name: paths[1] first
    window.image_list.select_index_row(window.session.index.position(paths[1]))
    qtbot.waitUntil(lambda: _current(window) == paths[1], timeout=5000)
    assert window.review.current.changed == "changed"
    assert not window.review_ui.panel.warning_label.isHidden()


def test_decisions_survive_closing_without_finishing(qtbot, run_setup) -> None:
    from studio.core.plugins import Registry
    from studio.ui.main_window import MainWindow
    from studio.ui.settings import Settings

    root, run, made = run_setup
    win = MainWindow(Settings(), Registry())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    _open_review(qtbot, win, root)
    rel = _current(win)
    n_before = len(win.editor.boxes)
    win.review.focus = len(win.review.visible_pending()) - 1  # the least confident: rarely a duplicate
    qtbot.keyClick(win.view, Qt.Key.Key_Y)
    accepted = len(win.editor.boxes) - n_before
    win.close()
    second = MainWindow(Settings(), Registry())
    qtbot.addWidget(second)
    second.show()
    with qtbot.waitSignal(second.image_shown, timeout=10_000):
        second.open_dataset(root)
    second.image_list.select_index_row(second.session.index.position(rel))
    qtbot.waitUntil(lambda: second.review.current is not None and second.review.current.path == rel,
                    timeout=5000)
    assert len(second.editor.boxes) == n_before + accepted
    assert len(second.review.current.decided) == 1  # the accepted one is not offered again
    second.close()


def test_two_windows_share_decisions(qtbot, window, run_setup) -> None:
    from studio.core.plugins import Registry
    from studio.ui.main_window import MainWindow
    from studio.ui.settings import Settings

    root, run, made = run_setup
    _open_review(qtbot, window, root)
    other = MainWindow(Settings(), Registry())
    qtbot.addWidget(other)
    other.show()
    told: list[int] = []
    other.session.other_windows.connect(told.append)
    with qtbot.waitSignal(other.image_shown, timeout=10_000):
        other.open_dataset(root)
    assert told == [1]
    other.review_ui.set_mode(True)  # both windows start on the same image
    first = _current(window)
    qtbot.waitUntil(lambda: other.review.current is not None and other.review.current.path == first,
                    timeout=5000)
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=5000)
    done = [first]
    for _ in range(2):  # window 1 finishes two images while window 2 still shows the first
        qtbot.keyClick(window.view, Qt.Key.Key_Return)
        _wait_for_next(qtbot, window, done[-1])
        done.append(_current(window))
    merged = window.session.dataset.label_path(first).read_bytes()
    msgs: list[str] = []
    other.review.message.connect(msgs.append)
    other.review.reject_all_and_next()
    assert any("Another studio window" in m for m in msgs)
    qtbot.waitUntil(lambda: other.review.current.path not in done[:2], timeout=5000)
    # window 1's accepted boxes were kept: window 2 re-read the file before finishing
    assert window.session.dataset.label_path(first).read_bytes() == merged
    other.close()



def test_closing_the_review_dock_leaves_review_mode(qtbot, window, run_setup) -> None:
    root, run, made = run_setup
    _open_review(qtbot, window, root)
    assert window.image_list.model.ordered
    window.classes_dock.raise_()  # switching tabs keeps review mode
    assert window.review_ui.act_mode.isChecked()
    window.review_ui.dock.close()
    assert not window.review_ui.act_mode.isChecked() and not window.image_list.model.ordered
    model = window.image_list.model
    assert [model.index_row(r) for r in range(model.rowCount())] == list(range(model.rowCount()))


def test_export_reviewed_from_the_window(qtbot, window, run_setup, tmp_path: Path) -> None:
    from ultralytics.data.utils import check_det_dataset

    from studio.ui.review.export_dialog import ExportDialog

    root, run, made = run_setup
    _open_review(qtbot, window, root)
    for _ in range(5):
        rel = _current(window)
        qtbot.keyClick(window.view, Qt.Key.Key_Return)
        _wait_for_next(qtbot, window, rel)
    window.review_ui.panel.export_button.click()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.paths and len(dialog.paths) == 5
    out = tmp_path / "내보내기 결과"
    dialog.folder.setText(str(out))
    dialog.val.setValue(0.4)
    dialog.go.click()
    qtbot.waitUntil(lambda: dialog.worker is not None and not dialog.worker.is_running(), timeout=20_000)
    qtbot.waitUntil(lambda: "Exported" in dialog.info.text(), timeout=5000)
    data = check_det_dataset(str(out / "data.yaml"))
    assert len(data["names"]) == len(window.session.dataset.classes)
    assert sum(1 for _ in (out / "images").rglob("*.jpg")) == 5
    # a second export into the same folder is refused before writing anything
    dialog.go.click()
    assert "not empty" in dialog.info.text()


def test_automatic_accept_asks_first_and_no_writes_nothing(qtbot, window, run_setup, monkeypatch) -> None:
    from PyQt6.QtWidgets import QMessageBox

    from studio.ui.review.report_dialog import QualityReportDialog

    root, run, made = run_setup
    _open_review(qtbot, window, root)
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):  # noqa: ANN001, ANN202
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    window.review_ui.panel.auto_button.click()
    dialog = window.findChild(QualityReportDialog)
    labels = {p: window.session.dataset.label_path(p).read_bytes() for p in made}
    dialog.auto_threshold.setValue(0.3)
    dialog.auto_go.click()
    assert asked and "held back" in asked[0]
    assert dialog.auto_worker is None
    assert {p: window.session.dataset.label_path(p).read_bytes() for p in made} == labels
    dialog.close()


def test_disagreement_order_is_computed_in_the_background(qtbot, window, run_setup) -> None:
    root, run, made = run_setup
    _open_review(qtbot, window, root)
    window.review_ui.panel.sort_box.setCurrentIndex(2)  # disagreement with existing labels
    c = window.review
    qtbot.waitUntil(lambda: c.queue._disagreement is not None, timeout=10_000)
    qtbot.waitUntil(lambda: [c.queue._disagreement[it.path] for it in c.queue.ordered]
                    == sorted((c.queue._disagreement[it.path] for it in c.queue.ordered), reverse=True), timeout=5000)
    model = window.image_list.model
    assert window.session.index.paths[model.index_row(0)] == c.queue.ordered[0].path
