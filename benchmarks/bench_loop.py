"""The whole loop on a sample the demo model never saw: label 100, train, pre-label, review.

1. A sample dataset with seed 23: 100 labeled training images, 60 val images.
2. ``studio train`` from scratch (``yolov8n.yaml``, the demo model's size) for a set number
   of epochs at imgsz 320: the model's mAP50 on the val split and the time.
3. That model's best.pt pre-labels 60 new images (another unseen seed) and the scripted
   reviewer of ``bench_review`` reviews them in the real window, against drawing the same
   boxes by hand: keys and drags saved, time per stage.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EPOCHS = 30


def main(out_dir: Path = ROOT / "bench-out", epochs: int = EPOCHS) -> dict:
    """Run the loop; returns per-stage times, the model's val mAP50 and the review's savings."""
    from benchmarks import bench_review
    from studio.core.dataset.sample import make_sample_dataset

    data = out_dir / "loop-23"
    if not (data / "data.yaml").exists():
        make_sample_dataset(data, n_train=100, n_val=60, seed=23, with_photos=False)
    run = out_dir / "loop-runs" / f"scratch-{epochs}"
    env = {**os.environ, "XDG_DATA_HOME": str(out_dir / "loop-data"), "XDG_CONFIG_HOME": str(out_dir / "loop-cfg")}
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "studio.cli", "train", str(data), "--model", "yolov8n.yaml",
                           "--epochs", str(epochs), "--imgsz", "320", "--batch", "16", "--workers", "0",
                           "--device", "cpu", "--out", str(run)], capture_output=True, text=True, env=env)
    train_s = time.perf_counter() - t0
    if done.returncode != 0:
        return {"failed": done.stderr[-800:]}
    with open(run / "results.csv", newline="") as f:
        rows = [{k.strip(): v for k, v in r.items()} for r in csv.DictReader(f)]
    map50 = max(float(r["metrics/mAP50(B)"]) for r in rows)
    review = bench_review.main(n=60, out_dir=out_dir, model=run / "weights" / "best.pt", seed=29, tag="-loop")
    return {"labeled_images": 100, "val_images": 60, "epochs": epochs, "train_s": round(train_s, 1),
            "val_map50": round(map50, 3), "prelabel_s": review["prelabel_s"],
            "review_s": round(review["review"]["software_s_per_image"] * review["images"], 1),
            "review_recall": review["review"].get("recall"), "review_precision": review["review"].get("precision"),
            "keys_and_drags_ratio_manual_over_review": review["keys_and_drags_ratio_manual_over_review"],
            "modelled_time_ratio_manual_over_review": review["modelled_time_ratio_manual_over_review"],
            "review_keys_per_image": review["review"]["keys_per_image"],
            "manual_keys_per_image": review["manual"]["keys_per_image"]}


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    print(json.dumps(main(), indent=2))
