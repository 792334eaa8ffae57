"""Pre-labeling throughput: ``studio prelabel`` against ``yolo predict`` (same model, images,
conf/iou/imgsz; ``save_txt save_conf``), side by side in one run.

Start-up (imports, model load) is excluded by running each tool on a small and a large set
and dividing the difference in images by the difference in time. Also reported: how
well the two agree (same box count per image, matched IoU, confidence), and the model-only
time per image on a preloaded tensor (the floor for any tool on this machine).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "resources" / "models" / "demo-fruit.pt"


def _images(out_dir: Path, n: int) -> Path:
    from studio.core.dataset.sample import make_sample_dataset

    base = out_dir / "prelabel-sample"
    if not (base / "data.yaml").exists():
        make_sample_dataset(base, n_train=n, n_val=0, seed=7, with_photos=False)
    return base


def _subset(base: Path, dest: Path, n: int) -> Path:
    shutil.rmtree(dest, ignore_errors=True)
    (dest / "images").mkdir(parents=True)
    for p in sorted((base / "images" / "train").glob("*.jpg"))[:n]:
        os.link(p, dest / "images" / p.name)
    (dest / "classes.txt").write_text("apple\nbanana\norange\nlemon\ngrapes\n")
    return dest


def _time(cmd: list[str], env: dict) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main(n_large: int = 240, n_small: int = 20, out_dir: Path = ROOT / "bench-out") -> dict:
    """Run both tools on both sets; return throughput, ratio and agreement."""
    base = _images(out_dir, n_large)
    env = dict(os.environ, YOLO_OFFLINE="true", YOLO_AUTOINSTALL="false")
    yolo = str(Path(sys.executable).with_name("yolo"))
    times: dict[str, dict[int, float]] = {"studio": {}, "studio_torch": {}, "yolo": {}}
    # Export once outside the timing (studio caches the ONNX export; later runs reuse it).
    warm = _subset(base, out_dir / "prelabel-warm", 2)
    _time([sys.executable, "-m", "studio.cli", "prelabel", str(warm), "--model", str(DEMO), "--imgsz", "320"], env)
    for n in (n_small, n_large):
        data = _subset(base, out_dir / f"prelabel-{n}", n)
        times["studio"][n] = _time([sys.executable, "-m", "studio.cli", "prelabel", str(data),
                                    "--model", str(DEMO), "--imgsz", "320"], env)
        times["studio_torch"][n] = _time([sys.executable, "-m", "studio.cli", "prelabel", str(data),
                                          "--model", str(DEMO), "--imgsz", "320", "--backend", "torch"], env)
        project = out_dir / f"yolo-{n}"
        shutil.rmtree(project, ignore_errors=True)
        times["yolo"][n] = _time([yolo, "predict", f"model={DEMO}", f"source={data / 'images'}",
                                  "imgsz=320", "conf=0.25", "iou=0.7", "save=False", "save_txt=True",
                                  "save_conf=True", f"project={project}", "name=run", "device=cpu",
                                  "verbose=False"], env)
    rate = {k: (n_large - n_small) / (v[n_large] - v[n_small]) for k, v in times.items()}
    agreement = _agreement(out_dir / f"prelabel-{n_large}", out_dir / f"yolo-{n_large}" / "run" / "labels")
    return {
        "images": n_large, "imgsz": 320,
        "studio_img_per_s": round(rate["studio"], 1), "yolo_predict_img_per_s": round(rate["yolo"], 1),
        "ratio": round(rate["studio"] / rate["yolo"], 2),
        "studio_torch_img_per_s": round(rate["studio_torch"], 1),
        "ratio_torch": round(rate["studio_torch"] / rate["yolo"], 2),
        "studio_total_s": round(times["studio"][n_large], 1),
        "yolo_total_s": round(times["yolo"][n_large], 1),
        "model_only_ms": round(_model_only_ms(), 1),
        **agreement,
    }


def _agreement(dataset: Path, yolo_labels: Path) -> dict:
    """Agreement of the last (PyTorch backend, like yolo predict) run with yolo's labels."""
    db = sqlite3.connect(dataset / ".studio" / "studio.db")
    run = db.execute("SELECT MAX(id) FROM runs").fetchone()[0]
    same_count = total = 0
    worst_iou, worst_conf = 1.0, 0.0
    for path, _n in db.execute("SELECT path, n FROM run_images WHERE run_id=?", (run,)):
        total += 1
        txt = yolo_labels / (Path(path).stem + ".txt")
        ref = np.loadtxt(txt, ndmin=2) if txt.exists() else np.zeros((0, 6))
        ours = np.array(db.execute("SELECT class_id, cx, cy, w, h, confidence FROM proposals "
                                   "WHERE run_id=? AND path=?", (run, path)).fetchall()).reshape(-1, 6)
        if len(ref) != len(ours):
            continue
        same_count += 1
        if not len(ref):
            continue
        xyxy = lambda a: np.concatenate([a[:, 1:3] - a[:, 3:5] / 2, a[:, 1:3] + a[:, 3:5] / 2], 1)  # noqa: E731
        A, B = xyxy(ours), xyxy(ref)
        lt, rb = np.maximum(A[:, None, :2], B[None, :, :2]), np.minimum(A[:, None, 2:], B[None, :, 2:])
        inter = np.prod(np.clip(rb - lt, 0, None), 2)
        area = lambda r: np.prod(r[:, 2:] - r[:, :2], 1)  # noqa: E731
        iou = inter / (area(A)[:, None] + area(B)[None, :] - inter)
        j = iou.argmax(1)
        worst_iou = min(worst_iou, float(iou.max(1).min()))
        worst_conf = max(worst_conf, float(np.abs(ours[:, 5] - ref[j, 5]).max()))
    return {"same_box_count_share": round(same_count / max(total, 1), 4),
            "worst_matched_iou": round(worst_iou, 4), "worst_conf_diff": round(worst_conf, 5)}


def _model_only_ms(reps: int = 30) -> float:
    """Forward pass only, on a preloaded 320x320 tensor, all cores."""
    from studio.core.inference.engine import use_all_cores
    from studio.core.inference.model_file import load_detection_model

    use_all_cores()
    model, _ = load_detection_model(DEMO)
    use_all_cores()
    import torch

    net = model.model.eval()
    x = torch.rand(1, 3, 320, 320)
    with torch.inference_mode():
        for _ in range(5):
            net(x)
        t0 = time.perf_counter()
        for _ in range(reps):
            net(x)
    return (time.perf_counter() - t0) / reps * 1000


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    print(json.dumps(main(), indent=2))
