"""Dataset Insight window: check (findings open their image and box), statistics, evaluation
(confusion cells list their images), training runs, export."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PyQt6.QtCore import Qt

ROOT = Path(__file__).resolve().parents[2]


def _open(qtbot, window, root: Path):  # noqa: ANN001, ANN202
    with qtbot.waitSignal(window.image_shown, timeout=10_000):
        window.open_dataset(root)
    qtbot.keyClick(window.view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    win = window.insight_window
    assert win.isVisible()
    return win


def test_check_lists_findings_and_opens_the_box(qtbot, window, sample_dataset: Path) -> None:
    lbl = sample_dataset / "labels" / "val" / "val_0002.txt"
    rows = lbl.read_text().splitlines()
    lbl.write_text("\n".join([*rows, rows[0]]) + "\n")  # a duplicate row (warning)
    bad = sample_dataset / "labels" / "train" / "train_0003.txt"
    bad.write_text(bad.read_text() + "0 0.5 0.5 0.1\n")  # wrong column count (error)
    before = bad.read_bytes()
    win = _open(qtbot, window, sample_dataset)
    tab = win.check
    tab.run_button.click()
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0 and tab.run_button.isEnabled(), timeout=20_000)
    codes = [i.finding.code for i in tab.model.report.issues]
    assert codes[0] == "columns" and "duplicate_row" in codes
    assert "1 errors" in tab.summary.text()
    assert bad.read_bytes() == before
    from studio.core.store.job_runs import history

    recorded = history(window.session.store, "check")[0]  # the same job `studio check` records
    assert recorded.status == "finished" and recorded.summary["errors"] == 1 and recorded.params["pixels"] is False
    tab.severity.setCurrentIndex(1)  # errors only
    assert tab.proxy.rowCount() == 1
    tab.severity.setCurrentIndex(0)
    dup = next(k for k, i in enumerate(tab.model.report.issues) if i.finding.code == "duplicate_row")
    assert tab.model.report.issues[dup].image == "images/val/val_0002.jpg"
    tab._open(tab.proxy.mapFromSource(tab.model.index(dup, 1)))
    qtbot.waitUntil(lambda: window.editor.doc is not None and window.editor.doc.image_path.name == "val_0002.jpg",
                    timeout=5000)


def test_box_findings_select_their_box(qtbot, window, sample_dataset: Path) -> None:
    lbl = sample_dataset / "labels" / "train" / "train_0005.txt"
    lbl.write_text(lbl.read_text() + "1 0.5 0.5 0.001 0.2\n")  # a sub-pixel-wide box: tiny_box
    n = len(lbl.read_text().splitlines())
    win = _open(qtbot, window, sample_dataset)
    win.check.run_button.click()
    qtbot.waitUntil(lambda: win.check.model.rowCount() > 0, timeout=20_000)
    tiny = next(i for i in win.check.model.report.issues if i.finding.code == "tiny_box")
    assert tiny.box == n - 1
    window.show_image_box(tiny.image, tiny.box)
    qtbot.waitUntil(lambda: window.editor.selection == [n - 1], timeout=5000)


def test_statistics_charts_and_csv(qtbot, window, sample_dataset: Path, tmp_path: Path) -> None:
    win = _open(qtbot, window, sample_dataset)
    tab = win.stats
    win.tabs.setCurrentWidget(tab)
    tab.run_button.click()
    qtbot.waitUntil(lambda: tab.stats is not None, timeout=20_000)
    st = tab.stats
    assert st.images == 14 and "14 images" in tab.summary.text()
    bars = [it for it in tab.class_plot.plotItem.items if it.__class__.__name__ == "BarGraphItem"]
    assert len(bars) == 2  # boxes and images per class
    assert np.allclose(bars[0].opts["height"], [c.boxes for c in st.classes])
    assert tab.class_table.rowCount() == len(st.classes)
    files = tab.write_csv_to(str(tmp_path / "csv"))
    assert len(files) == 6 and "Wrote 6" in tab.summary.text()


def test_evaluation_of_a_run_and_confusion_cells(qtbot, window, sample_dataset: Path) -> None:
    from studio.core.dataset.layout import open_dataset
    from studio.core.store.db import Store
    from tests.core.test_review import make_run

    ds = open_dataset(sample_dataset)
    store = Store(ds.store_dir)
    run, _made = make_run(ds, store, seed=2)
    store.close()
    win = _open(qtbot, window, sample_dataset)
    tab = win.evaluation
    assert tab.source.itemData(0) == run
    tab.run_button.click()
    qtbot.waitUntil(lambda: tab.report is not None, timeout=20_000)
    rep = tab.report
    assert tab.table.rowCount() == len(rep.classes) and rep.images == 14
    assert "mAP50" in tab.summary.text() and "not in run" not in tab.summary.text()
    m = rep.confusion.matrix
    i, j = np.unravel_index(int(np.argmax(m)), m.shape)
    tab.show_cell(int(i), int(j))
    assert tab.cell_images.count() == len(rep.confusion.cells[(int(i), int(j))]) > 0
    first = tab.cell_images.item(0).text()
    tab.open_image.emit(first, -1)
    qtbot.waitUntil(lambda: window.editor.doc is not None
                    and window.session.relative(window.editor.doc.image_path) == first, timeout=5000)


def test_training_runs_tab(qtbot, window, sample_dataset: Path, tmp_path: Path) -> None:
    win = _open(qtbot, window, sample_dataset)
    tab = win.runs
    assert tab.add_run(ROOT / "resources" / "models" / "demo-run")
    assert "best epoch 80" in tab.report.toPlainText()
    curves = [it for it in tab.loss_plot.plotItem.items if it.__class__.__name__ == "PlotDataItem"]
    assert len(curves) == 2  # train and val
    assert not tab.add_run(tmp_path / "not-a-run")
    assert "Cannot read" in tab.report.toPlainText()
    assert tab.add_run(ROOT / "resources" / "models" / "demo-run")  # a second run on the same charts
    assert len([it for it in tab.loss_plot.plotItem.items if it.__class__.__name__ == "PlotDataItem"]) == 4
    assert tab.settings.columnCount() == 2
    tab.loss_choice.setCurrentIndex(1)  # box loss only
    tab.runs_list.setCurrentRow(0)
    tab.remove_selected()
    assert len(tab.runs) == 1


def test_export_tab_opens_the_split_dialog(qtbot, window, sample_dataset: Path) -> None:
    from studio.ui.review.export_dialog import ExportDialog

    win = _open(qtbot, window, sample_dataset)
    win.export_button.click()
    dialog = win.findChild(ExportDialog)
    assert dialog is not None and len(dialog.paths) == 14 and dialog.coco is not None
    dialog.reject()


def test_insight_checks_and_counts_without_a_click_and_again_after_an_edit(qtbot, window, sample_dataset: Path) -> None:
    bad = sample_dataset / "labels" / "train" / "train_0003.txt"
    bad.write_text(bad.read_text() + "0 0.5 0.5 0.1\n")  # wrong column count (error)
    win = _open(qtbot, window, sample_dataset)
    check, stats = win.check, win.stats
    qtbot.waitUntil(lambda: check.model.rowCount() > 0 and stats.stats is not None, timeout=30_000)
    assert "1 errors" in check.summary.text()
    assert stats.stats.images == 14 and stats.csv_button.isEnabled()  # the statistics came from the same survey
    from studio.core.store.job_runs import history

    assert [j.kind for j in history(window.session.store) if j.kind in ("check", "stats")] == ["check"]
    first = check.model.report
    # fix the broken file in the window: the insight refreshes by itself after the edit
    window.show_image_box("images/train/train_0003.jpg")
    qtbot.waitUntil(lambda: window.editor.doc is not None and window.editor.doc.image_path.name == "train_0003.jpg",
                    timeout=10_000)
    window.editor.select([0])
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    window.editor.save_now()
    qtbot.waitUntil(lambda: check.model.report is not first, timeout=30_000)
    counts_after = check.model.report.by_code()
    assert counts_after.get("columns", 0) == first.by_code().get("columns", 0)  # the kept bad line is still there
    assert check.model.report.boxes == first.boxes - 1
