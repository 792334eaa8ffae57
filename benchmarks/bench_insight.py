"""``studio check`` and ``studio stats`` on a generated 100,000-image dataset.

The dataset is built once (hard links of 40 sample images of 640x480 with their labels, so
it costs little disk; 5% negatives, 1% never labeled) in the Ultralytics layout. Each
command runs as a user would run it (a fresh process, start-up included, all cores).
Side by side: Ultralytics' own label verification over the same images, the way it builds
its ``labels.cache`` (``verify_image_label`` on a thread pool of ``NUM_THREADS``), which
checks less (no orphans, outliers, conflicts or statistics) and is the floor to compare with.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_dataset(dest: Path, count: int) -> Path:
    """``count`` images with labels in ``dest`` (built once; a marker file says it is complete)."""
    from studio.core.dataset.sample import make_sample_dataset

    marker = dest / f".complete-{count}"
    if marker.exists():
        return dest
    src = make_sample_dataset(dest.parent / "insight-src", n_train=40, n_val=0, seed=21, with_photos=False)
    imgs, lbls = dest / "images" / "train", dest / "labels" / "train"
    imgs.mkdir(parents=True, exist_ok=True)
    lbls.mkdir(parents=True, exist_ok=True)
    sources = sorted((src / "images" / "train").glob("*.jpg"))
    texts = [(src / "labels" / "train" / f"{p.stem}.txt").read_text() for p in sources]
    for i in range(count):
        k = i % len(sources)
        target = imgs / f"img_{i:06d}.jpg"
        if not target.exists():
            os.link(sources[k], target)
        if i % 100 == 7:
            continue  # never labeled
        (lbls / f"img_{i:06d}.txt").write_text("" if i % 20 == 3 else texts[k])
    (dest / "data.yaml").write_text((src / "data.yaml").read_text())
    marker.write_text("ok")
    return dest


def _timed(cmd: list[str]) -> tuple[float, str]:
    t0 = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return time.perf_counter() - t0, out.stdout


def ultralytics_verify(root: Path, nc: int) -> tuple[float, int]:
    """Ultralytics' cache-building verification of every image/label pair; (seconds, corrupt)."""
    from multiprocessing.pool import ThreadPool

    from ultralytics.data.utils import verify_image_label
    from ultralytics.utils import NUM_THREADS

    images = sorted(str(p) for p in (root / "images" / "train").iterdir())
    labels = [p.replace("/images/", "/labels/").rsplit(".", 1)[0] + ".txt" for p in images]
    t0 = time.perf_counter()
    corrupt = 0
    with ThreadPool(NUM_THREADS) as pool:
        for res in pool.imap(verify_image_label, [(im, lb, "", False, nc, 0, 0, False)
                                                  for im, lb in zip(images, labels)]):
            corrupt += res[8]
    return time.perf_counter() - t0, corrupt


def main(count: int | None = None, out_dir: Path = ROOT / "bench-out") -> dict:
    """Time check, stats and Ultralytics' verification; returns the figures."""
    count = count or int(os.environ.get("STUDIO_BENCH_IMAGES", "100000"))
    root = make_dataset(out_dir / f"insight-{count}", count)
    studio = [sys.executable, "-m", "studio.cli"]
    check_s, check_out = _timed([*studio, "check", str(root), "--json"])
    stats_s, stats_out = _timed([*studio, "stats", str(root), "--json"])
    report, stats = json.loads(check_out), json.loads(stats_out)
    ul_s, corrupt = ultralytics_verify(root, len(stats["classes"]))
    return {
        "images": count, "boxes": stats["boxes"], "check_s": round(check_s, 1), "stats_s": round(stats_s, 1),
        "check_img_per_s": round(count / check_s), "ultralytics_verify_s": round(ul_s, 1),
        "check_over_ultralytics": round(check_s / ul_s, 2), "findings": report["counts"],
        "ultralytics_corrupt": corrupt, "cores": os.cpu_count(),
    }


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]) if len(sys.argv) > 1 else None), indent=2))
