"""Independent implementations the tests compare studio against (pycocotools)."""

from __future__ import annotations

import contextlib
import io


def coco_eval(gts, preds, max_dets: int = 100):  # noqa: ANN001, ANN201
    """Run pycocotools' COCOeval on ``ImageBoxes`` lists (pixel xyxy); returns the evaluator."""
    from pycocotools.coco import COCO
    from pycocotools.cocoeval import COCOeval

    images, anns, dets = [], [], []
    aid = 1
    for i, (g, p) in enumerate(zip(gts, preds)):
        images.append({"id": i, "width": 640, "height": 640})
        for (x1, y1, x2, y2), c in zip(g.xyxy, g.class_id):
            anns.append({"id": aid, "image_id": i, "category_id": int(c), "bbox": [x1, y1, x2 - x1, y2 - y1],
                         "area": (x2 - x1) * (y2 - y1), "iscrowd": 0})
            aid += 1
        for (x1, y1, x2, y2), c, s in zip(p.xyxy, p.class_id, p.confidence):
            dets.append({"image_id": i, "category_id": int(c), "bbox": [x1, y1, x2 - x1, y2 - y1],
                         "score": float(s)})
    cats = sorted({a["category_id"] for a in anns} | {d["category_id"] for d in dets})
    with contextlib.redirect_stdout(io.StringIO()):
        gt = COCO()
        gt.dataset = {"images": images, "annotations": anns, "categories": [{"id": c} for c in cats]}
        gt.createIndex()
        dt = gt.loadRes(dets) if dets else COCO()
        ev = COCOeval(gt, dt, "bbox")
        ev.params.maxDets = [1, 10, max_dets]
        ev.evaluate()
        ev.accumulate()
    return ev


def coco_ap50_per_class(ev) -> dict[int, float]:  # noqa: ANN001
    """AP at IoU 0.5 per category id (all areas, the largest maxDets), -1 where undefined."""
    prec = ev.eval["precision"][0, :, :, 0, -1]  # (R, K)
    out = {}
    for k, cat in enumerate(ev.params.catIds):
        col = prec[:, k]
        out[int(cat)] = float(col[col > -1].mean()) if (col > -1).any() else -1.0
    return out


def coco_tp_at_iou50(ev, n_gt_per_class: dict[int, int]) -> float:  # noqa: ANN001
    """True positives at IoU 0.5 over all classes: recall x ground truth per class."""
    rec = ev.eval["recall"][0, :, 0, -1]  # (K,)
    return float(sum(max(r, 0) * n_gt_per_class.get(int(c), 0) for r, c in zip(rec, ev.params.catIds)))
