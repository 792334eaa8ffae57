"""Training from the window: the Train dialog's settings, a live run, Cancel then Resume, Use This Model."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PyQt6.QtCore import Qt
from PyQt6.QtTest import QTest

from studio.core import bundled

pytestmark = pytest.mark.slow


def test_the_dialog_passes_ultralytics_names_and_makes_a_set_rate_count(qtbot) -> None:
    from studio.ui.training.dialog import TrainDialog

    dialog = TrainDialog(12, "2 unlabeled left out")
    qtbot.addWidget(dialog)
    assert "12 finished images" in dialog.findChild(object, "summary").text()
    defaults = dialog.settings()
    assert (defaults.epochs, defaults.imgsz, defaults.batch, defaults.optimizer, defaults.lr0) == (100, 640, 16, "auto",
                                                                                                 None)
    assert defaults.model == str(bundled.demo_model())
    dialog.epochs.setValue(3)
    QTest.mouseClick(dialog.set_lr, Qt.MouseButton.LeftButton)
    assert dialog.lr0.isEnabled() and "AdamW" in dialog.lr_note.text()
    dialog.lr0.setValue(0.002)
    chosen = dialog.settings()
    assert chosen.lr0 == 0.002 and chosen.epochs == 3
    assert chosen.chosen_optimizer(n_train=100) == "AdamW"  # auto's choice, made explicit so the rate is used
    assert chosen.overrides(Path("d.yaml"), Path("/tmp/r/run"), "cpu", 100)["optimizer"] == "AdamW"


def _wait_for_index(window, qtbot, dataset: Path) -> None:  # noqa: ANN001
    with qtbot.waitSignal(window.image_shown, timeout=30_000):
        window.open_dataset(dataset)
    qtbot.waitUntil(lambda: window.session.index is not None and not window.session.is_indexing(), timeout=30_000)


def test_a_run_from_the_window_cancels_resumes_and_gives_its_model(window, qtbot, sample_dataset: Path) -> None:
    _wait_for_index(window, qtbot, sample_dataset)
    before = {p: p.read_bytes() for p in sample_dataset.rglob("*") if p.is_file() and ".studio" not in p.parts}
    window.open_insight()  # its Training Runs tab follows the dataset's runs as epochs end
    settings = {"model": str(bundled.demo_model()), "epochs": 5, "imgsz": 160, "batch": 2, "workers": 0,
                "device": "cpu"}  # five epochs: a Cancel after the first lands well before the end
    run = window.training_ui.start(settings)
    ended: list[str] = []
    run.ended.connect(ended.append)
    qtbot.waitUntil(lambda: len(run._metric_points["metrics/mAP50(B)"]) >= 1, timeout=240_000)
    assert len(run._loss_points["box_loss"]) >= 1 and "Epoch" in run.status.text()
    runs_tab = window.insight_window.runs  # Dataset Insight follows the run live: batches, epochs, ETA
    qtbot.waitUntil(lambda: "training, epoch" in runs_tab.report.toPlainText()
                    and len(runs_tab.batch_plot.getPlotItem().listDataItems()) == 1, timeout=15_000)
    QTest.mouseClick(run.cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ended == ["cancelled"], timeout=120_000)
    assert run.resume.isEnabled() and not run.cancel.isEnabled()
    QTest.mouseClick(run.resume, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(ended) == 2, timeout=240_000)
    assert ended == ["cancelled", "done"], run.status.text()
    with open(Path(run.params.run_dir) / "results.csv", newline="") as f:
        assert [r["epoch"].strip() for r in csv.DictReader(f)] == ["1", "2", "3", "4", "5"]
    assert run.use.isEnabled() and run.advice.text()
    qtbot.waitUntil(lambda: len(runs_tab.runs) == 1 and len(runs_tab.runs[0].epochs) == 5, timeout=10_000)
    assert "best epoch" in runs_tab.report.toPlainText()
    after = {p: p.read_bytes() for p in sample_dataset.rglob("*") if p.is_file() and ".studio" not in p.parts}
    assert after == before  # cancel and resume never wrote into the dataset
    with qtbot.waitSignal(window.models.loaded, timeout=120_000):
        QTest.mouseClick(run.use, Qt.MouseButton.LeftButton)
    assert Path(window.models.info.path) == run.best_path
    run.close()


def test_a_finished_run_pre_labels_the_unlabeled_images_and_opens_the_review_queue(window, qtbot,
                                                                                  sample_dataset: Path) -> None:
    """Close the loop: train, then pre-label what nobody labeled with best.pt and review it, lowest
    confidence first."""
    import sqlite3

    from studio.core.review.workflow import Sort

    unlabeled = sorted((sample_dataset / "labels" / "train").glob("*.txt"))[:3]
    for label in unlabeled:
        label.unlink()
    _wait_for_index(window, qtbot, sample_dataset)
    loop = window.training_ui.loop
    qtbot.waitUntil(lambda: loop.values["unlabeled"].text() == "3", timeout=30_000)  # the loop panel counts
    assert loop.values["finished"].text() == "11" and loop.values["training"].text() == "none yet"
    run = window.training_ui.start({"model": str(bundled.demo_model()), "epochs": 1, "imgsz": 160, "batch": 4,
                                    "workers": 0, "device": "cpu"})
    qtbot.waitUntil(lambda: run.state == "done", timeout=240_000)
    assert run.prelabel.isEnabled()
    finished: list[int] = []
    window.prelabel_ui.run_finished.connect(finished.append)
    QTest.mouseClick(run.prelabel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(finished), timeout=240_000)
    qtbot.waitUntil(lambda: window.review_ui.act_mode.isChecked(), timeout=10_000)
    assert Path(window.models.info.path) == run.best_path
    assert window.review_ui.panel.sort_box.currentData() == Sort.LOWEST_CONFIDENCE
    with sqlite3.connect(sample_dataset / ".studio" / "studio.db") as db:
        done = {p for (p,) in db.execute("SELECT path FROM run_images WHERE run_id=? AND status='done'",
                                         (finished[0],))}
    assert done == {f"images/train/{label.stem}.jpg" for label in unlabeled}  # only what nobody labeled
    qtbot.waitUntil(lambda: "on its val images" in loop.values["training"].text()
                    and loop.values["model"].text().startswith("best.pt")
                    and loop.values["waiting"].text() not in ("0", "–"), timeout=30_000)
    assert int(loop.values["waiting"].text()) >= 1 and Path(run.params.run_dir).name in loop.values["training"].text()
    run.close()


def test_the_augmentation_preview_follows_a_hyperparameter_change(window, qtbot, sample_dataset: Path) -> None:
    """Tools > Preview Augmentation: Ultralytics' own samples; a changed setting redraws the grid."""
    import numpy as np

    from studio.core.training.augment import augmentation_samples, build_training_dataset

    before = {p: p.read_bytes() for p in sample_dataset.rglob("*") if p.is_file() and ".studio" not in p.parts}
    _wait_for_index(window, qtbot, sample_dataset)
    window.training_ui.preview_action.trigger()
    qtbot.waitUntil(lambda: window.training_ui.preview is not None, timeout=30_000)
    preview = window.training_ui.preview
    shown: list = []
    preview.shown.connect(shown.append)
    qtbot.waitUntil(lambda: len(shown) >= 1, timeout=60_000)
    assert not preview.grid.pixmap().isNull() and "dropped by the loader" in preview.note.text()
    box = preview.controls["degrees"]
    box.selectAll()
    QTest.keyClicks(box, "30")  # typed, as a user would
    qtbot.waitUntil(lambda: len(shown) >= 2 and preview.hyperparameters()["degrees"] == 30.0, timeout=30_000)
    qtbot.waitUntil(lambda: not preview._lane.busy, timeout=30_000)
    hyp = preview.hyperparameters()
    expected = augmentation_samples(build_training_dataset(preview.data_yaml, hyp, True), hyp["seed"], preview.count)
    for ours, theirs in zip(preview.samples, expected):
        np.testing.assert_array_equal(ours.image, theirs.image)
    assert not np.array_equal(shown[0][0].image, preview.samples[0].image)  # the rotation shows
    after = {p: p.read_bytes() for p in sample_dataset.rglob("*") if p.is_file() and ".studio" not in p.parts}
    assert after == before
    preview.close()


def test_a_second_run_from_the_window_shows_the_comparison(window, qtbot, sample_dataset: Path) -> None:
    _wait_for_index(window, qtbot, sample_dataset)
    settings = {"model": str(bundled.demo_model()), "epochs": 1, "imgsz": 160, "batch": 4, "workers": 0,
                "device": "cpu"}
    first = window.training_ui.start(settings)
    qtbot.waitUntil(lambda: first.state == "done", timeout=240_000)
    assert first.comparison.text() == ""  # nothing to compare with yet
    second = window.training_ui.start(settings)
    qtbot.waitUntil(lambda: second.state == "done", timeout=240_000)
    qtbot.waitUntil(lambda: "mAP50-95" in second.comparison.text(), timeout=240_000)
    text = second.comparison.text()
    assert Path(first.params.run_dir).name in text and Path(second.params.run_dir).name in text
    assert "On the same 4 val images" in text
    # close the loop with the new model; the review's quality report shows both models on the val split
    finished: list[int] = []
    window.prelabel_ui.run_finished.connect(finished.append)
    QTest.mouseClick(second.prelabel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(finished) and window.review_ui.act_mode.isChecked(), timeout=240_000)
    window.review_ui.open_report()
    report = window.review_ui.report_dialog
    qtbot.waitUntil(lambda: "fixed val split" in report.models.text(), timeout=60_000)
    assert Path(first.params.run_dir).name in report.models.text()
    assert Path(second.params.run_dir).name in report.models.text()
    report.close()
    first.close()
    second.close()
