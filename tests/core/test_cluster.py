"""Pre-labeling on a local Ray cluster: the same proposals as a local run (images read by the
workers or sent by the driver), kill -9 of the driver then --resume, a hostile checkpoint
refused inside a worker, and clear messages for addresses and devices."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studio.core.cluster.connect import ClusterError, ClusterInfo, ray_init_address
from studio.core.cluster.runner import ClusterSpec, cluster_device
from tests.hostile_models import DEMO

pytestmark = pytest.mark.slow


def _cli(*args: str, env: dict | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "studio.cli", *args], capture_output=True, text=True,
                          timeout=timeout, env=env)


def _proposals(db: Path, run: int) -> dict[str, list[tuple]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT path, class_id, cx, cy, w, h, confidence FROM proposals WHERE run_id=? "
                            "ORDER BY path, confidence DESC", (run,)).fetchall()
        images = conn.execute("SELECT path FROM run_images WHERE run_id=?", (run,)).fetchall()
    out: dict[str, list[tuple]] = {p: [] for (p,) in images}
    for path, *box in rows:
        out[path].append(tuple(box))
    return out


def _same(a: dict[str, list[tuple]], b: dict[str, list[tuple]]) -> None:
    assert a.keys() == b.keys()
    for path in a:
        assert len(a[path]) == len(b[path]), path
        for x, y in zip(a[path], b[path]):
            assert x[0] == y[0] and max(abs(u - v) for u, v in zip(x[1:5], y[1:5])) < 1e-6, path
            assert abs(x[5] - y[5]) < 1e-6, path


@pytest.fixture
def many_images(sample_dataset: Path) -> Path:
    train = sample_dataset / "images" / "train"
    for src in sorted(train.glob("*.jpg")):  # 54 images: a run cannot finish in its first commit
        for k in range(4):
            shutil.copyfile(src, train / f"copy{k}_{src.name}")
    (train / "broken.jpg").write_bytes(b"\x00\x01")  # reported by the worker, stored by the driver
    return sample_dataset


def test_cluster_local_equals_a_local_run_with_images_read_or_sent(many_images: Path) -> None:
    base = ["prelabel", str(many_images), "--model", str(DEMO), "--imgsz", "320"]
    assert _cli(*base).returncode == 0
    shared = _cli(*base, "--cluster", "local")
    assert shared.returncode == 0, shared.stderr
    assert "cluster: 1 node" in shared.stderr and "Traceback" not in shared.stderr
    sent = _cli(*base, "--cluster", "local", "--images", "send", "--workers", "2")
    assert sent.returncode == 0, sent.stderr
    db = many_images / ".studio" / "studio.db"
    local = _proposals(db, 1)
    assert len(local) == 55 and sum(map(len, local.values())) > 50
    _same(local, _proposals(db, 2))
    _same(local, _proposals(db, 3))
    with sqlite3.connect(db) as conn:
        errors = conn.execute("SELECT run_id, error FROM run_images WHERE path LIKE '%broken.jpg'").fetchall()
        params = [p for (p,) in conn.execute("SELECT params FROM runs ORDER BY id")]
    assert len(errors) == 3 and len({e for _, e in errors}) == 1 and errors[0][1]
    assert all('"device": "cpu"' in p and '"backend": "onnx"' in p for p in params)


def test_kill_9_of_the_driver_then_resume_on_the_cluster_loses_and_repeats_nothing(many_images: Path,
                                                                                  tmp_path: Path) -> None:
    base = ["prelabel", str(many_images), "--model", str(DEMO), "--imgsz", "320"]
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    db = many_images / ".studio" / "studio.db"
    proc = subprocess.Popen([sys.executable, "-m", "studio.cli", *base, "--cluster", "local", "--batch", "2"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline, n = time.time() + 180, 0
    while time.time() < deadline and n < 1:
        try:
            with sqlite3.connect(db) as conn:
                n = conn.execute("SELECT COUNT(*) FROM run_images").fetchone()[0]
        except sqlite3.OperationalError:  # not created yet
            n = 0
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(db) as conn:
        partial = conn.execute("SELECT COUNT(*) FROM run_images").fetchone()[0]
    assert 0 < partial < 55  # killed mid-run
    resumed = _cli(*base, "--cluster", "local", "--resume", "1", env=env)
    assert resumed.returncode == 0, resumed.stderr
    assert _cli(*base, env=env).returncode == 0  # run 2: the same images, locally, uninterrupted
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT path, n FROM run_images WHERE run_id=1").fetchall()
        per_image = dict(conn.execute("SELECT path, COUNT(*) FROM proposals WHERE run_id=1 GROUP BY path"))
    assert len(rows) == 55 == len({p for p, _ in rows})
    assert all(per_image.get(p, 0) == n for p, n in rows)  # nothing stored twice
    _same(_proposals(db, 2), _proposals(db, 1))


def test_a_hostile_checkpoint_is_refused_inside_a_ray_worker(hostile, sample_dataset: Path) -> None:
    """The driver refuses the file first; here it is shipped to a worker anyway, as a changed
    driver could, and the worker's own safe loader refuses it."""
    from studio.core.inference.cluster_prelabel import cluster_results
    from studio.core.inference.pipeline import StageTimes
    from studio.core.inference.prelabel_run import PrelabelSettings

    path, marker = hostile
    settings = PrelabelSettings(backend="torch", device="cpu").to_stored()
    with pytest.raises(ClusterError) as failed:
        list(cluster_results(ClusterSpec("local"), sample_dataset, ["images/train/train_0000.jpg"], path,
                             settings, 2, StageTimes()))
    assert "contains code outside the Ultralytics checkpoint format" in str(failed.value)
    assert not marker.exists()


def test_addresses_devices_and_a_missing_ray_get_one_clear_line(sample_dataset: Path, monkeypatch) -> None:
    assert ray_init_address("local") is None and ray_init_address("ray://head:10001") == "ray://head:10001"
    with pytest.raises(ClusterError, match="unknown cluster address 'http://x'"):
        ray_init_address("http://x")
    cpu_only = ClusterInfo("local", 1, 2.0, 0.0, "2.60.0")
    assert cluster_device("auto", cpu_only) == "cpu"
    assert cluster_device("cuda", ClusterInfo("x", 2, 16, 2, "2.60.0")) == "0"
    with pytest.raises(ClusterError, match="the Ray cluster has no GPU"):
        cluster_device("cuda:0", cpu_only)
    done = _cli("prelabel", str(sample_dataset), "--model", str(DEMO), "--cluster", "local", "--device", "cuda:0")
    assert done.returncode == 2 and "no GPU" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()[-1]) < 200
    bad = _cli("prelabel", str(sample_dataset), "--model", str(DEMO), "--cluster", "ray://127.0.0.1:1")
    assert bad.returncode == 2 and "cannot reach the Ray cluster at ray://127.0.0.1:1" in bad.stderr
    assert "Traceback" not in bad.stderr
    env = dict(os.environ, RAY_ADDRESS="")
    no_ray = subprocess.run([sys.executable, "-c", "import sys; sys.modules['ray'] = None; "
                             "from studio.cli import main; sys.exit(main(sys.argv[1:]))", "prelabel",
                             str(sample_dataset), "--model", str(DEMO), "--cluster", "local"],
                            capture_output=True, text=True, timeout=120, env=env)
    assert no_ray.returncode == 2 and 'pip install "detection-studio[cluster]"' in no_ray.stderr


def test_preprocess_on_the_cluster_writes_the_bytes_of_a_local_run(tmp_path: Path) -> None:
    import cv2
    import numpy as np

    from studio.core.preprocess.pipeline import Pipeline, Step

    src = tmp_path / "원본 사진"
    (src / "sub").mkdir(parents=True)
    rng = np.random.default_rng(3)
    for i in range(12):
        cv2.imwrite(str(src / "sub" / f"{i}.jpg"), rng.integers(0, 255, (40, 60, 3), np.uint8))
    (src / "broken.jpg").write_bytes(b"nope")
    pipeline = tmp_path / "p.json"
    pipeline.write_text(Pipeline([Step("grayscale"), Step("clahe"), Step("auto_threshold")]).to_json())
    local = _cli("preprocess", str(pipeline), str(src), str(tmp_path / "local"))
    assert local.returncode == 1 and "broken.jpg" in local.stderr  # one unreadable image, reported
    for mode in ("shared", "send"):
        out = tmp_path / mode
        (out / "sub").mkdir(parents=True)
        cv2.imwrite(str(out / "sub" / "0.png"), np.zeros((2, 2), np.uint8))  # done before: a rerun skips it
        done = _cli("preprocess", str(pipeline), str(src), str(out), "--cluster", "local", "--images", mode)
        assert done.returncode == 1 and "broken.jpg" in done.stderr and "Traceback" not in done.stderr
        assert "11 written, 1 already done, 1 failed" in done.stdout
        for i in range(1, 12):
            name = f"sub/{i}.png"
            assert (out / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), (mode, name)
