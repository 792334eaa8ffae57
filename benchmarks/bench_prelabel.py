"""Pre-labeling throughput, side by side in one run, at imgsz 320 and 640 on photos of two sizes
(640x480 and 1280x960, alternating): ``studio prelabel`` (ONNX Runtime, batched), ``yolo predict``
(same model, images, conf/iou/imgsz; ``save_txt save_conf``), and the model alone: ONNX Runtime's
forward pass on a preloaded letterboxed tensor at batch 1 and at its best batch (the physical
limit for any tool on this machine).

Start-up (imports, model load) is excluded by running each tool on a small and a large set and
dividing the difference in images by the difference in time. Also reported: studio's stage
breakdown (decode, letterbox, forward, NMS, store; per image, summed over threads), agreement with
``yolo predict`` (same box count per image, matched IoU, confidence) and, on a machine with a
CUDA GPU, the same run with ``--device cuda:0``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "resources" / "models" / "demo-fruit.pt"
SIZES = ((640, 480), (1280, 960))


def photos(out_dir: Path, n: int, seed: int = 11) -> Path:
    """``n`` sample scenes as JPEG photos, alternating 640x480 and 1280x960 (made once)."""
    from studio.core.dataset.sample import render_scene

    base = out_dir / "prelabel-photos"
    folder = base / "images"
    have = len(list(folder.glob("*.jpg"))) if folder.exists() else 0
    if have < n:
        folder.mkdir(parents=True, exist_ok=True)
        rng = np.random.default_rng(seed)
        for i in range(n):
            img = render_scene(rng, SIZES[i % 2])[0]
            cv2.imwrite(str(folder / f"photo_{i:05d}.jpg"), img, [cv2.IMWRITE_JPEG_QUALITY, 90])
    return base


def subset(base: Path, dest: Path, n: int) -> Path:
    """A dataset folder with the first ``n`` photos (hard links) and the demo classes."""
    shutil.rmtree(dest, ignore_errors=True)
    (dest / "images").mkdir(parents=True)
    for p in sorted((base / "images").glob("*.jpg"))[:n]:
        os.link(p, dest / "images" / p.name)
    (dest / "classes.txt").write_text("apple\nbanana\norange\nlemon\ngrapes\n")
    return dest


def timed(cmd: list[str], env: dict) -> tuple[float, str]:
    """Wall time of ``cmd`` and its standard output."""
    t0 = time.perf_counter()
    done = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True)
    return time.perf_counter() - t0, done.stdout


def bench_env() -> dict:
    """The environment every tool runs in (offline)."""
    return dict(os.environ, YOLO_OFFLINE="true", YOLO_AUTOINSTALL="false")


def studio_cmd(data: Path, imgsz: int, *extra: str) -> list[str]:
    """``studio prelabel`` on ``data`` with the demo model."""
    return [sys.executable, "-m", "studio.cli", "prelabel", str(data), "--model", str(DEMO), "--imgsz", str(imgsz),
            *extra]


def stages(stdout: str) -> dict[str, float]:
    """The ``stages:`` line of ``studio prelabel`` as {stage: ms per image}."""
    line = next((ln for ln in stdout.splitlines() if ln.startswith("stages:")), "")
    return {k: float(v) for k, v in re.findall(r"(\w+) ([\d.]+) ms", line)}


def _one_size(out_dir: Path, base: Path, imgsz: int, n_small: int, n_large: int, env: dict) -> dict:
    yolo = str(Path(sys.executable).with_name("yolo"))
    times: dict[str, dict[int, float]] = {"studio": {}, "yolo": {}}
    breakdown: dict[str, float] = {}
    for n in (n_small, n_large):
        data = subset(base, out_dir / f"prelabel-{imgsz}-{n}", n)
        times["studio"][n], stdout = timed(studio_cmd(data, imgsz), env)
        if n == n_large:
            breakdown = stages(stdout)
        project = out_dir / f"yolo-{imgsz}-{n}"
        shutil.rmtree(project, ignore_errors=True)
        times["yolo"][n], _ = timed([yolo, "predict", f"model={DEMO}", f"source={data / 'images'}",
                                     f"imgsz={imgsz}", "conf=0.25", "iou=0.7", "save=False", "save_txt=True",
                                     "save_conf=True", f"project={project}", "name=run", "device=cpu",
                                     "verbose=False"], env)
    rate = {k: (n_large - n_small) / (v[n_large] - v[n_small]) for k, v in times.items()}
    model = model_only(imgsz)
    agreement = agreement_with_yolo(out_dir / f"prelabel-{imgsz}-{n_large}",
                                    out_dir / f"yolo-{imgsz}-{n_large}" / "run" / "labels")
    # The forward pass fills every core, so decoding adds to it: the floor for any tool is the
    # batched forward pass plus the measured decode time spread over the cores.
    cores = os.cpu_count() or 1
    limit = 1 / (1 / model["model_only_best_img_per_s"] + breakdown.get("decode", 0.0) / 1000 / cores)
    return {"studio_img_per_s": round(rate["studio"], 1), "yolo_predict_img_per_s": round(rate["yolo"], 1),
            "ratio_to_yolo": round(rate["studio"] / rate["yolo"], 2),
            **model, "share_of_model_only_best": round(rate["studio"] / model["model_only_best_img_per_s"], 2),
            "limit_forward_plus_decode_img_per_s": round(limit, 1),
            "share_of_that_limit": round(rate["studio"] / limit, 2),
            "stages_ms_per_image": breakdown, **agreement}


def main(n_large: int = 300, n_small: int = 40, out_dir: Path = ROOT / "bench-out") -> dict:
    """Both image sizes at imgsz 320 and 640; GPU figures when there is a GPU."""
    base = photos(out_dir, n_large)
    env = bench_env()
    warm = subset(base, out_dir / "prelabel-warm", 2)
    for imgsz in (320, 640):  # the ONNX export is made once, outside the timing (studio caches it)
        timed(studio_cmd(warm, imgsz), env)
    out: dict = {"images": n_large, "photo_sizes": "640x480 and 1280x960"}
    for imgsz in (320, 640):
        out[f"imgsz_{imgsz}"] = _one_size(out_dir, base, imgsz, n_small, n_large, env)
    gpu = gpu_figures(out_dir, base, n_small, n_large, env)
    if gpu:
        out["gpu"] = gpu
    return out


def gpu_figures(out_dir: Path, base: Path, n_small: int, n_large: int, env: dict) -> dict:
    """``studio prelabel --device cuda:0`` throughput at 640, when torch sees a CUDA GPU."""
    import torch

    if not torch.cuda.is_available():
        return {}
    t = {}
    for n in (n_small, n_large):
        data = subset(base, out_dir / f"prelabel-gpu-{n}", n)
        t[n], _ = timed(studio_cmd(data, 640, "--device", "cuda:0"), env)
    return {"device": torch.cuda.get_device_name(0),
            "studio_img_per_s_640": round((n_large - n_small) / (t[n_large] - t[n_small]), 1)}


def agreement_with_yolo(dataset: Path, yolo_labels: Path) -> dict:
    """How studio's last run agrees with yolo predict's labels, image by image."""
    db = sqlite3.connect(dataset / ".studio" / "studio.db")
    run = db.execute("SELECT MAX(id) FROM runs").fetchone()[0]
    same = agree = total = 0
    worst_iou, worst_conf = 1.0, 0.0
    for path, _n in db.execute("SELECT path, n FROM run_images WHERE run_id=?", (run,)):
        total += 1
        txt = yolo_labels / (Path(path).stem + ".txt")
        ref = np.loadtxt(txt, ndmin=2) if txt.exists() else np.zeros((0, 6))
        ours = np.array(db.execute("SELECT class_id, cx, cy, w, h, confidence FROM proposals "
                                   "WHERE run_id=? AND path=?", (run, path)).fetchall()).reshape(-1, 6)
        if len(ref) != len(ours):
            continue
        same += 1
        if not len(ref):
            agree += 1
            continue
        iou = _iou(_xyxy(ours), _xyxy(ref))
        j = iou.argmax(1)
        img_iou, img_conf = float(iou.max(1).min()), float(np.abs(ours[:, 5] - ref[j, 5]).max())
        worst_iou, worst_conf = min(worst_iou, img_iou), max(worst_conf, img_conf)
        agree += img_iou >= 0.99 and img_conf <= 1e-3
    return {"same_box_count_share": round(same / max(total, 1), 4),
            "agreeing_images_share": round(agree / max(total, 1), 4),
            "worst_matched_iou": round(worst_iou, 4), "worst_conf_diff": round(worst_conf, 5)}


def _xyxy(a: np.ndarray) -> np.ndarray:
    return np.concatenate([a[:, 1:3] - a[:, 3:5] / 2, a[:, 1:3] + a[:, 3:5] / 2], 1)


def _iou(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    lt, rb = np.maximum(a[:, None, :2], b[None, :, :2]), np.minimum(a[:, None, 2:], b[None, :, 2:])
    inter = np.prod(np.clip(rb - lt, 0, None), 2)
    area = lambda r: np.prod(r[:, 2:] - r[:, :2], 1)  # noqa: E731
    return inter / (area(a)[:, None] + area(b)[None, :] - inter)


def model_only(imgsz: int, batches: tuple[int, ...] = (1, 2, 4, 8), seconds: float = 3.0) -> dict:
    """ONNX Runtime's forward pass alone on a preloaded letterboxed tensor (4:3 photos: the
    minimal rectangle is imgsz x 3/4 imgsz, rounded up to the stride), at each batch size."""
    import onnxruntime

    from studio.core import runtime
    from studio.core.inference.onnx_backend import exported_onnx

    runtime.prepare()
    session = onnxruntime.InferenceSession(str(exported_onnx(DEMO, imgsz)), providers=["CPUExecutionProvider"])
    name = session.get_inputs()[0].name
    h = int(np.ceil(imgsz * 3 / 4 / 32) * 32)
    per_batch = {}
    for b in batches:
        x = np.random.default_rng(0).random((b, 3, h, imgsz), dtype=np.float32)
        for _ in range(3):
            session.run(None, {name: x})
        n, t0 = 0, time.perf_counter()
        while time.perf_counter() - t0 < seconds:
            session.run(None, {name: x})
            n += b
        per_batch[b] = n / (time.perf_counter() - t0)
    best = max(per_batch, key=per_batch.get)
    return {"model_only_batch1_img_per_s": round(per_batch[1], 1),
            "model_only_best_img_per_s": round(per_batch[best], 1), "model_only_best_batch": best}


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    print(json.dumps(main(), indent=2))
