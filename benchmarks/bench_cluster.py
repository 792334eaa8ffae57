"""Pre-labeling on a local Ray cluster against the local engine, on the same images and model
(imgsz 320, the demo model), and the rate at which the driver can store proposals.

- Overhead: each driver runs on a small and a large set; the difference (at least 500 images)
  over the difference in time is the throughput with start-up excluded. Start-up is what the
  small run took beyond its images (for Ray: ``ray.init``, the actor pool, the model through
  the object store).
- Store rate: the single writer (``store_stream`` with per-image commits) fed by a producer
  that costs nothing, with 5 proposals per image: the ceiling of any cluster run, since every
  result is stored by the driver.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np

from benchmarks.bench_prelabel import bench_env, photos, stages, studio_cmd, subset, timed

ROOT = Path(__file__).resolve().parents[1]


def store_rate(out_dir: Path, n: int = 20_000, boxes: int = 5) -> float:
    """Images per second the driver stores (proposals and per-image status, committed)."""
    import shutil

    from studio.core.dataset.layout import open_dataset
    from studio.core.inference.pipeline import store_stream
    from studio.core.inference.runs import create_run
    from studio.core.labels.boxes import Boxes
    from studio.core.store.db import Store

    folder = out_dir / "store-rate"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "images").mkdir(parents=True)
    (folder / "classes.txt").write_text("a\n")
    store = Store(open_dataset(folder).store_dir)
    run = create_run(store, "fake", {0: "a"}, {}, {0: 0})
    paths = [f"images/{i:07d}.jpg" for i in range(n)]
    rng = np.random.default_rng(0)
    one = Boxes(rng.random((boxes, 4)) * 0.5 + 0.1, np.zeros(boxes, np.int64), rng.random(boxes))

    def produce(todo):
        for rel in todo:
            yield rel, one, None, 0.01, (1, 2)

    t0 = time.perf_counter()
    for _ in store_stream(store, run, paths, produce, {0: 0}):
        pass
    return n / (time.perf_counter() - t0)


def main(n_small: int = 60, n_large: int = 1060, reps: int = 5, out_dir: Path = ROOT / "bench-out") -> dict:
    """Local engine vs ``--cluster local`` (images read by the workers, and sent by the driver);
    each time is the median of ``reps`` runs (start-up varies by seconds here)."""
    base = photos(out_dir, n_large)
    env = bench_env()
    warm = subset(base, out_dir / "cluster-warm", 2)
    timed(studio_cmd(warm, 320), env)  # the ONNX export, once, outside the timing
    variants = {"local": (), "ray_shared": ("--cluster", "local"),
                "ray_send": ("--cluster", "local", "--images", "send")}
    runs: dict[tuple[str, int], list[float]] = {}
    breakdown: dict[str, dict] = {}
    for _ in range(reps):  # the drivers alternate, so the machine's drift hits all alike
        for n in (n_small, n_large):
            for name, extra in variants.items():
                data = subset(base, out_dir / f"cluster-{name}-{n}", n)
                seconds, stdout = timed(studio_cmd(data, 320, *extra), env)
                runs.setdefault((name, n), []).append(seconds)
                if n == n_large:
                    breakdown[name] = stages(stdout)
    t = {name: {n: float(np.median(runs[name, n])) for n in (n_small, n_large)} for name in variants}
    rate = {k: (n_large - n_small) / (v[n_large] - v[n_small]) for k, v in t.items()}
    startup = {k: t[k][n_small] - n_small / rate[k] for k in t}
    return {"images_difference": n_large - n_small, "imgsz": 320,
            **{f"{k}_img_per_s": round(v, 1) for k, v in rate.items()},
            "ray_shared_ratio": round(rate["ray_shared"] / rate["local"], 2),
            "ray_send_ratio": round(rate["ray_send"] / rate["local"], 2),
            **{f"{k}_startup_s": round(v, 1) for k, v in startup.items()},
            "driver_store_img_per_s": round(store_rate(out_dir)),
            "stages_ms_per_image": breakdown}


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    print(json.dumps(main(), indent=2))
