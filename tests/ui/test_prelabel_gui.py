"""Pre-labeling from the window: proposals appear dashed, the confidence slider hides them live,
labels are not touched, and the annotator can keep working while it runs."""

from __future__ import annotations

from pathlib import Path

from PyQt6.QtCore import Qt

from tests.ui.demo_window import open_with_demo_model


def test_prelabel_unlabeled_images_from_gui(qtbot, window, sample_dataset: Path, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for name in ("train_0000", "train_0001"):
        (sample_dataset / "labels" / "train" / f"{name}.txt").unlink()
    human = (sample_dataset / "labels" / "train" / "train_0002.txt").read_bytes()
    open_with_demo_model(qtbot, window, sample_dataset)
    assert len(window.view.proposals) == 0
    with qtbot.waitSignal(window.prelabel.finished, timeout=120_000) as blocker:
        ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        qtbot.keyClick(window.view, Qt.Key.Key_L, ctrl_shift)
        # the annotator keeps working while the run goes on
        qtbot.keyClick(window.view, Qt.Key.Key_D)
        qtbot.keyClick(window.view, Qt.Key.Key_A)
    run_id, completed = blocker.args
    assert completed
    from studio.core.inference.runs import run_counts

    assert run_counts(window.session.store, run_id)["done"] == 2
    qtbot.waitUntil(lambda: window.editor.doc is not None
                    and window.editor.doc.image_path.name == "train_0000.jpg", timeout=5000)
    assert len(window.view.proposals) > 0 and "finished" in window.prelabel_ui.status.label.text()
    shown = len(window.view.proposals)  # the canvas draws exactly what the review state shows
    window.prelabel_ui.conf_slider.setValue(99)
    assert len(window.view.proposals) < shown or shown == 0
    window.prelabel_ui.conf_slider.setValue(0)
    assert len(window.view.proposals) == len(window.review.state.pending) >= shown
    assert not (sample_dataset / "labels" / "train" / "train_0000.txt").exists()  # proposals are not labels
    assert (sample_dataset / "labels" / "train" / "train_0002.txt").read_bytes() == human


def test_prelabel_without_model_says_so(qtbot, window, sample_dataset: Path) -> None:
    with qtbot.waitSignal(window.image_shown, timeout=10_000):
        window.open_dataset(sample_dataset)
    with qtbot.waitSignal(window.prelabel.failed, timeout=5000) as blocker:
        window.prelabel_ui.start(False)
    assert "No model loaded" in blocker.args[0]


def test_dialog_mapping_and_resume_after_stop(qtbot, window, sample_dataset: Path, tmp_path, monkeypatch) -> None:
    from studio.core.inference.runs import list_runs, run_counts
    from studio.ui.prelabel.dialog import PrelabelDialog

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    open_with_demo_model(qtbot, window, sample_dataset)
    qtbot.keyClick(window.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    dialog = window.findChild(PrelabelDialog)
    assert dialog is not None
    assert [dialog.combos[m].currentData() for m in range(5)] == [0, 1, 2, 3, 4]  # by name
    dialog.combos[4].setCurrentIndex(0)  # drop "grapes"
    dialog.conf.setValue(0.5)
    with qtbot.waitSignal(window.prelabel.progress, timeout=60_000):
        dialog.accept()
    window.prelabel.cancel()
    with qtbot.waitSignal(window.prelabel.finished, timeout=60_000) as blocker:
        pass
    run_id, completed = blocker.args
    run = list_runs(window.session.store)[0]
    assert run.class_map == {0: 0, 1: 1, 2: 2, 3: 3} and run.params["conf"] == 0.5
    assert not completed and run.status == "cancelled"  # stopped at the first report
    assert run_counts(window.session.store, run_id).get("done", 0) < 14
    with qtbot.waitSignal(window.prelabel.finished, timeout=120_000):
        window.prelabel_ui.act_resume.trigger()
    counts = run_counts(window.session.store, run_id)
    assert counts["done"] == 14 and len(list_runs(window.session.store)) == 1
    assert list_runs(window.session.store)[0].status == "finished"
    rows = window.session.store.connection().execute(
        "SELECT COUNT(*), COUNT(DISTINCT path) FROM run_images WHERE run_id=?", (run_id,)).fetchone()
    assert rows == (14, 14)
    classes = {c for (c,) in window.session.store.connection().execute(
        "SELECT DISTINCT class_id FROM proposals WHERE run_id=?", (run_id,))}
    assert 4 not in classes  # grapes were dropped by the mapping


def test_a_device_that_is_not_there_is_said_plainly(qtbot, window, sample_dataset: Path) -> None:
    """The Pre-label dialog's device: a missing GPU is one message and no run (this machine has none)."""
    from studio.ui.prelabel.dialog import PrelabelDialog

    open_with_demo_model(qtbot, window, sample_dataset)
    dialog = PrelabelDialog(window.models.info, window.session.dataset.classes.names, None)
    qtbot.addWidget(dialog)
    dialog.device.setCurrentText("cuda")
    choice = dialog.choice()
    assert choice.device == "cuda"
    with qtbot.waitSignal(window.prelabel.failed, timeout=10_000) as blocker:
        started = window.prelabel.start(["images/train/train_0000.jpg"], choice.params, choice.class_map,
                                        choice.slicing, choice.scope, choice.device)
    assert not started and "no CUDA GPU" in blocker.args[0]
    from studio.core.inference.runs import list_runs

    assert list_runs(window.session.store) == []


def test_a_run_on_a_local_ray_cluster_from_the_dialog(qtbot, window, sample_dataset: Path, tmp_path,
                                                      monkeypatch) -> None:
    """Run on > Ray cluster: Start waits for a passed connection check, then the run's images are
    computed by Ray workers and stored by the window, as a local run stores them."""
    from studio.core.inference.runs import list_runs, run_counts
    from studio.ui.prelabel.dialog import PrelabelDialog

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    open_with_demo_model(qtbot, window, sample_dataset)
    qtbot.keyClick(window.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    dialog = window.findChild(PrelabelDialog)
    row = dialog.cluster_row
    assert dialog.start_button.isEnabled() and not row.address.isEnabled()
    row.where.setCurrentIndex(1)
    assert not dialog.start_button.isEnabled() and "Check the connection" in row.status.text()
    row.address.setText("nowhere")
    qtbot.mouseClick(row.check, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Cannot use the cluster" in row.status.text(), timeout=30_000)
    assert "unknown cluster address 'nowhere'" in row.status.text() and not dialog.start_button.isEnabled()
    row.address.setText("local")
    row.images.setCurrentIndex(1)  # the window sends the bytes
    qtbot.mouseClick(row.check, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Connected: 1 node" in row.status.text(), timeout=60_000)
    assert dialog.start_button.isEnabled()
    with qtbot.waitSignal(window.prelabel.finished, timeout=240_000) as blocker:
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    run_id, completed = blocker.args
    assert completed and run_counts(window.session.store, run_id)["done"] == 14
    assert list_runs(window.session.store)[0].params["device"] == "cpu"
    with qtbot.waitSignal(window.prelabel.finished, timeout=120_000):  # the same images on this computer
        window.prelabel.start(window.session.dataset.scan_images().paths)
    store = window.session.store.connection()
    counts = dict(store.execute("SELECT run_id, COUNT(*) FROM proposals GROUP BY run_id"))
    assert counts[run_id] == counts[run_id + 1] > 0
