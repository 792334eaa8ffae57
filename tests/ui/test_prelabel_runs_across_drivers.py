"""One pre-labeling job for every driver: a run started in the window resumes from the CLI,
one started (and killed) in the CLI resumes in the window, and both end with the proposals of
an uninterrupted run. A killed run reads as interrupted, never running."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from studio.core.dataset.sample import make_sample_dataset
from studio.core.inference.runs import list_runs
from tests.ui.demo_window import DEMO, open_with_demo_model


@pytest.fixture(scope="module")
def bigger_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """80 sample images: enough for a run to be caught in the middle."""
    return make_sample_dataset(tmp_path_factory.mktemp("runs") / "sample", n_train=72, n_val=8, seed=5,
                               with_photos=False)


@pytest.fixture
def dataset(bigger_template: Path, tmp_path: Path) -> Path:
    """A fresh copy under a Korean name."""
    import shutil

    dest = tmp_path / "과일 80"
    shutil.copytree(bigger_template, dest)
    return dest


def _studio(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "studio.cli", *args], capture_output=True, text=True, timeout=300)


def _proposals(db: Path, run_id: int) -> dict[str, np.ndarray]:
    conn = sqlite3.connect(db)
    out: dict[str, list] = {}
    for path, *row in conn.execute("SELECT path, class_id, cx, cy, w, h, confidence FROM proposals "
                                   "WHERE run_id=? ORDER BY path, id", (run_id,)):
        out.setdefault(path, []).append(row)
    done = {p for (p,) in conn.execute("SELECT path FROM run_images WHERE run_id=?", (run_id,))}
    conn.close()
    return {p: np.array(out.get(p, []), float).reshape(-1, 6) for p in done}


def _assert_same_proposals(db: Path, run_a: int, run_b: int) -> None:
    a, b = _proposals(db, run_a), _proposals(db, run_b)
    assert set(a) == set(b) and len(a) > 0
    for path in a:
        assert a[path].shape == b[path].shape, path
        assert np.allclose(a[path], b[path], atol=1e-6), path


def test_a_gui_run_resumes_from_the_cli(qtbot, window, dataset: Path) -> None:
    for name in ("train_0003", "train_0010", "train_0011"):
        (dataset / "labels" / "train" / f"{name}.txt").unlink()
    open_with_demo_model(qtbot, window, dataset, index_timeout_ms=20_000)
    store = window.session.store
    paths = window.prelabel_ui.paths_for_scope("all")[:40]
    with qtbot.waitSignal(window.prelabel.progress, timeout=120_000):
        window.prelabel.start(paths, scope="selection")  # a scope only the window knows
    window.prelabel.cancel()
    with qtbot.waitSignal(window.prelabel.finished, timeout=60_000) as blocker:
        pass
    run_id, completed = blocker.args
    assert not completed and list_runs(store)[0].status == "cancelled"
    done = _studio("prelabel", str(dataset), "--model", str(DEMO), "--resume", str(run_id))
    assert done.returncode == 0, done.stderr
    assert list_runs(store)[0].status == "finished"
    reference = _studio("prelabel", str(dataset), "--model", str(DEMO))
    assert reference.returncode == 0, reference.stderr
    db = store.path
    resumed = _proposals(db, run_id)
    assert sorted(resumed) == sorted(paths)  # exactly the window's selection
    full = _proposals(db, run_id + 1)
    assert set(resumed) < set(full)
    for path in resumed:
        assert np.allclose(resumed[path], full[path], atol=1e-6), path


def test_a_killed_cli_run_is_interrupted_and_resumes_in_the_window(qtbot, window, dataset: Path) -> None:
    from studio.core.dataset.layout import open_dataset
    from studio.core.dataset.store_location import open_store

    proc = subprocess.Popen([sys.executable, "-m", "studio.cli", "prelabel", str(dataset), "--model", str(DEMO)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    db = dataset / ".studio" / "studio.db"
    deadline = time.monotonic() + 120
    caught = 0
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            conn = sqlite3.connect(db, timeout=1)
            caught = conn.execute("SELECT COUNT(*) FROM run_images").fetchone()[0]
            conn.close()
        except sqlite3.Error:
            caught = 0
        if caught >= 1:
            os.kill(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.01)
    proc.wait(timeout=30)
    assert 1 <= caught < 80, "the run was not caught in the middle"
    store, _ = open_store(open_dataset(dataset))
    run = list_runs(store)[0]
    assert run.status == "interrupted"  # not "running": its owner is gone
    open_with_demo_model(qtbot, window, dataset, index_timeout_ms=20_000)
    with qtbot.waitSignal(window.prelabel.finished, timeout=180_000) as blocker:
        window.prelabel_ui.act_resume.trigger()
    assert blocker.args == [run.id, True]
    assert list_runs(store)[0].status == "finished"
    reference = _studio("prelabel", str(dataset), "--model", str(DEMO))
    assert reference.returncode == 0, reference.stderr
    _assert_same_proposals(db, run.id, run.id + 1)
    rows = store.connection().execute("SELECT COUNT(*), COUNT(DISTINCT path) FROM run_images WHERE run_id=?",
                                      (run.id,)).fetchone()
    assert rows == (80, 80)  # none lost, none twice
