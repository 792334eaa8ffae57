"""Train studio's demo detector on the generated sample dataset, offline, on the CPU.

Usage: python scripts/train_demo_model.py [--epochs N] [--imgsz PX] [--out resources/models/demo-fruit.pt]

The model is built from Ultralytics' YOLOv8n architecture file (no weights are downloaded),
trained from scratch on ``studio.core.dataset.sample`` images, validated on the sample's val split,
and the stripped best weights are copied to ``--out``. The validation mAP50 is printed and
written beside the weights as JSON (recorded in the README).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("YOLO_OFFLINE", "true")
os.environ.setdefault("YOLO_AUTOINSTALL", "false")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    """Generate the sample data, train, validate, and save the demo weights."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=60)
    parser.add_argument("--imgsz", type=int, default=320)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--arch", default="yolov8n.yaml")
    parser.add_argument("--data", type=Path, default=None, help="existing sample dataset (default: generate)")
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "models" / "demo-fruit.pt")
    args = parser.parse_args()

    from studio.core.dataset.sample import make_sample_dataset

    work = Path(tempfile.mkdtemp(prefix="studio-train-"))
    data_root = args.data or make_sample_dataset(work / "sample")
    yaml_path = work / "data.yaml"
    # Ultralytics resolves a relative 'path' against the working directory: give it an absolute one.
    from studio.core.dataset.sample import CLASS_NAMES
    names = "\n".join(f"  {i}: {n}" for i, n in enumerate(CLASS_NAMES))
    yaml_path.write_text(f"path: {Path(data_root).resolve()}\ntrain: images/train\nval: images/val\n"
                         f"names:\n{names}\n", encoding="utf-8")

    import torch
    from ultralytics import YOLO

    torch.set_num_threads(os.cpu_count() or 1)
    model = YOLO(args.arch)
    started = time.time()
    model.train(data=str(yaml_path), epochs=args.epochs, imgsz=args.imgsz, batch=args.batch,
                device="cpu", workers=2, plots=False, amp=False, pretrained=False, seed=0,
                deterministic=True, project=str(work / "runs"), name="demo", exist_ok=True,
                patience=100, verbose=False, close_mosaic=10)
    best = work / "runs" / "demo" / "weights" / "best.pt"
    metrics = YOLO(str(best)).val(data=str(yaml_path), imgsz=args.imgsz, batch=args.batch,
                                  device="cpu", plots=False, verbose=False,
                                  project=str(work / "runs"), name="val", exist_ok=True)
    result = {"arch": args.arch, "epochs": args.epochs, "imgsz": args.imgsz,
              "map50": round(float(metrics.box.map50), 4), "map50_95": round(float(metrics.box.map), 4),
              "train_minutes": round((time.time() - started) / 60, 1)}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(best, args.out)
    shutil.copytree(work / "runs" / "demo", args.out.parent / "demo-run", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("weights"))
    args.out.with_suffix(".json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
