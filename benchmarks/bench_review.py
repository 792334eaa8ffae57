"""Reviewing proposals against labeling by hand: keystrokes, mouse drags and time per image.

Sixty new sample images (a seed the demo model never saw) are labeled twice in the real
main window (offscreen), by a scripted user who knows the true boxes and sends real key
and mouse events:

- review: ``studio prelabel`` with the demo model first; then in review mode, per image:
  proposals that match a true box (same class, IoU >= 0.7) are left for Enter; one of the
  right place but wrong class is fixed (Tab to it, E, class key, Esc); any other is
  rejected (Tab or Shift+Tab to it, R); true boxes nobody proposed are drawn (W, drag, class key if
  not the default class); Enter accepts the rest and opens the next image.
- by hand: annotation mode on the same images without labels: per true box W, a drag
  and the class key if not the default class; an image without objects gets N; D opens
  the next one.

Reported per image: keys, drags, the software's time (events + waiting for the next
image to be painted) and a keystroke-level estimate of a person's time (Card, Moran and
Newell's operators: K 0.28 s per key, a drag = point 1.1 s + press 0.1 s + point 1.1 s +
release 0.1 s, M 1.35 s per decision: one per image to look, one per box drawn, one per
proposal fixed or rejected). The final labels of both are scored against the truth.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "resources" / "models" / "demo-fruit.pt"
K_S, DRAG_S, M_S = 0.28, 2.4, 1.35


def _datasets(out_dir: Path, n: int, seed: int = 11, tag: str = "") -> tuple[Path, Path, dict[str, np.ndarray]]:
    from studio.core.dataset.sample import make_sample_dataset
    from studio.core.labels.yolo import load_yolo_labels

    base = out_dir / f"review-base{tag}"
    if not (base / "data.yaml").exists():
        make_sample_dataset(base, n_train=n, n_val=0, seed=seed, with_photos=False)
    truth = {}
    for lbl in sorted((base / "labels" / "train").glob("*.txt")):
        b = load_yolo_labels(lbl).boxes
        truth[f"images/train/{lbl.stem}.jpg"] = np.c_[b.class_id, b.xywhn]
    made = []
    for name in (f"review-work{tag}", f"manual-work{tag}"):
        dest = out_dir / name
        shutil.rmtree(dest, ignore_errors=True)
        (dest / "images" / "train").mkdir(parents=True)
        for p in sorted((base / "images" / "train").glob("*.jpg")):
            os.link(p, dest / "images" / "train" / p.name)
        shutil.copy(base / "data.yaml", dest / "data.yaml")
        made.append(dest)
    return made[0], made[1], truth


def _iou(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    from studio.core.labels.boxes import Boxes
    from studio.core.labels.metrics import box_iou

    ba = Boxes(a[:, 1:5], a[:, 0].astype(int)) if len(a) else Boxes.empty()
    bb = Boxes(b[:, 1:5], b[:, 0].astype(int)) if len(b) else Boxes.empty()
    return box_iou(ba.to_xyxy((1, 1)), bb.to_xyxy((1, 1)))


def _score(root: Path, truth: dict[str, np.ndarray]) -> dict:
    """Final labels against the truth: share of true boxes matched (same class, IoU >= 0.7),
    share of final boxes that match one, and the mean IoU of the matches."""
    from studio.core.dataset.layout import open_dataset
    from studio.core.labels.yolo import load_yolo_labels

    ds = open_dataset(root)
    tp = n_gt = n_final = 0
    ious = []
    for rel, gt in truth.items():
        b = load_yolo_labels(ds.label_path(rel)).boxes
        final = np.c_[b.class_id, b.xywhn]
        n_gt += len(gt)
        n_final += len(final)
        if not len(gt) or not len(final):
            continue
        m = _iou(gt, final)
        m[gt[:, 0][:, None] != final[:, 0][None, :]] = 0
        while m.size and m.max() >= 0.7:
            i, j = np.unravel_index(int(np.argmax(m)), m.shape)
            ious.append(float(m[i, j]))
            tp += 1
            m[i, :] = 0
            m[:, j] = 0
    return {"recall": round(tp / max(n_gt, 1), 3), "precision": round(tp / max(n_final, 1), 3),
            "mean_iou": round(float(np.mean(ious)), 3) if ious else 0.0}


def main(n: int = 60, out_dir: Path = ROOT / "bench-out", model: Path = DEMO, seed: int = 11, tag: str = "") -> dict:
    """Label the same images both ways (proposals from ``model``); returns the figures."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    cfg = out_dir / "cfg-review"
    shutil.rmtree(cfg, ignore_errors=True)
    os.environ["XDG_CONFIG_HOME"] = str(cfg)
    from PyQt6.QtCore import QPoint, QPointF, QSettings, Qt
    from PyQt6.QtTest import QTest
    from PyQt6.QtWidgets import QApplication

    import studio.core  # noqa: F401 - cleans cv2's environment before Qt
    from benchmarks.qt_wait import wait_until
    from studio.core.plugins import Registry
    from studio.ui.main_window import MainWindow
    from studio.ui.settings import Settings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(cfg))
    review_root, manual_root, truth = _datasets(out_dir, n, seed, tag)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "studio.cli", "prelabel", str(review_root), "--model", str(model)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    prelabel_s = time.perf_counter() - t0

    app = QApplication.instance() or QApplication([])

    def window() -> MainWindow:
        win = MainWindow(Settings(), Registry())
        win.resize(1600, 1000)
        win.show()
        win.activateWindow()
        return win

    counts = {"review": {"keys": 0, "drags": 0, "decisions": 0}, "manual": {"keys": 0, "drags": 0, "decisions": 0}}

    def key(win, mode: str, k: Qt.Key, mod=Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
        counts[mode]["keys"] += 1
        QTest.keyClick(win.view, k, mod)
        app.processEvents()

    def drag(win, mode: str, row: np.ndarray) -> None:  # noqa: ANN001
        counts[mode]["drags"] += 1
        w, h = win.editor.size_wh
        cx, cy, bw, bh = row[1:5]
        a = win.view.mapFromScene(QPointF((cx - bw / 2) * w, (cy - bh / 2) * h))
        b = win.view.mapFromScene(QPointF((cx + bw / 2) * w, (cy + bh / 2) * h))
        vp = win.view.viewport()
        QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
        QTest.mouseMove(vp, QPoint((a.x() + b.x()) // 2, (a.y() + b.y()) // 2))
        QTest.mouseMove(vp, b)
        QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)
        app.processEvents()

    digit = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5]

    def draw_boxes(win, mode: str, rows: np.ndarray) -> None:  # noqa: ANN001
        for row in rows:  # W, drag; the new box is selected, so a class key relabels it
            key(win, mode, Qt.Key.Key_W)
            drag(win, mode, row)
            if win.editor.default_class != int(row[0]):
                key(win, mode, digit[int(row[0])])
            counts[mode]["decisions"] += 1

    # review ---------------------------------------------------------------------------------
    win = window()
    shown: list[str] = []
    win.image_shown.connect(shown.append)
    win.open_dataset(review_root)
    wait_until(lambda: shown)
    wait_until(lambda: not win.session.is_indexing())
    win.view.setFocus()
    key(win, "review", Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    counts["review"]["keys"] = 0  # entering review mode once is not per image
    c = win.review
    wait_until(lambda: c.current is not None)
    start = time.perf_counter()
    reviewed = 0
    while c.current is not None and reviewed < len(truth):
        rel = c.current.path
        gt = truth[rel]
        visible = c.visible_pending()
        props = c.current.proposals
        rows = np.c_[props.class_id, props.xywhn]
        good: set[int] = set()
        fix: dict[int, int] = {}
        used = np.zeros(len(gt), bool)
        for k in visible:  # most confident first, as shown
            if not len(gt):
                continue
            ious = _iou(rows[k:k + 1], gt)[0]
            ious[used] = 0
            same = np.where(gt[:, 0] == rows[k, 0], ious, 0)
            if same.max() >= 0.7:
                used[int(np.argmax(same))] = True
                good.add(k)
            elif ious.max() >= 0.7:
                j = int(np.argmax(ious))
                used[j] = True
                fix[k] = int(gt[j, 0])
        for k in [k for k in visible if k not in good]:
            order = c.visible_pending()
            ahead = (order.index(k) - c.state.focus) % len(order)  # Tab forward or Shift+Tab back, shorter way
            step = (Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier) if ahead <= len(order) - ahead else \
                (Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
            while c.focused_index() != k:
                key(win, "review", *step)
            counts["review"]["decisions"] += 1
            if k in fix:
                key(win, "review", Qt.Key.Key_E)
                key(win, "review", digit[fix[k]])
                key(win, "review", Qt.Key.Key_Escape)
            else:
                key(win, "review", Qt.Key.Key_R)
        if (~used).any():
            if win.editor.selection:
                key(win, "review", Qt.Key.Key_Escape)
            draw_boxes(win, "review", gt[~used])
        n_shown = len(shown)
        key(win, "review", Qt.Key.Key_Return)
        reviewed += 1
        if reviewed < len(truth):
            wait_until(lambda n_shown=n_shown, rel=rel: len(shown) > n_shown and c.current is not None
                       and c.current.path != rel)
    review_s = time.perf_counter() - start
    counts_review = c.queue.counts()
    win.close()

    # by hand --------------------------------------------------------------------------------
    win = window()
    shown = []
    win.image_shown.connect(shown.append)
    win.open_dataset(manual_root)
    wait_until(lambda: shown)
    wait_until(lambda: not win.session.is_indexing())
    win.view.setFocus()
    start = time.perf_counter()
    order = [win.session.index.paths[i] for i in range(len(win.session.index))]
    for k, rel in enumerate(order):
        wait_until(lambda rel=rel: win.editor.doc is not None
                   and win.session.relative(win.editor.doc.image_path) == rel)
        gt = truth[rel]
        if len(gt):
            draw_boxes(win, "manual", gt)
        else:
            key(win, "manual", Qt.Key.Key_N)
            counts["manual"]["decisions"] += 1
        if k < len(order) - 1:
            key(win, "manual", Qt.Key.Key_D)
    win.editor.save_now()
    manual_s = time.perf_counter() - start
    win.close()

    def per_image(mode: str, seconds: float) -> dict:
        cnt = counts[mode]
        images = len(truth)
        human = (cnt["keys"] * K_S + cnt["drags"] * DRAG_S + (images + cnt["decisions"]) * M_S) / images
        return {"keys_per_image": round(cnt["keys"] / images, 2), "drags_per_image": round(cnt["drags"] / images, 2),
                "software_s_per_image": round(seconds / images, 3), "modelled_human_s_per_image": round(human, 2)}

    r, m = per_image("review", review_s), per_image("manual", manual_s)
    return {
        "images": len(truth), "true_boxes": int(sum(len(g) for g in truth.values())),
        "prelabel_s": round(prelabel_s, 1), "reviewed_in_store": counts_review.reviewed,
        "review": {**r, **_score(review_root, truth)}, "manual": {**m, **_score(manual_root, truth)},
        "keys_and_drags_ratio_manual_over_review": round(
            (counts["manual"]["keys"] + counts["manual"]["drags"]) / max(counts["review"]["keys"]
                                                                          + counts["review"]["drags"], 1), 2),
        "modelled_time_ratio_manual_over_review": round(m["modelled_human_s_per_image"]
                                                        / r["modelled_human_s_per_image"], 2),
    }


if __name__ == "__main__":
    print(json.dumps(main(), indent=2))
