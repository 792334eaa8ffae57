"""Adding boxes to boxes without doubling an object: the rule review and import share.

A new box is a duplicate when a kept box of the same class (or, for bulk accepts, of any
class) overlaps it at ``DUPLICATE_IOU`` or more; new boxes are taken most confident first.
"""

from __future__ import annotations

import numpy as np

from studio.core.labels.boxes import Boxes
from studio.core.labels.metrics import box_iou

DUPLICATE_IOU = 0.7  # an accepted proposal this close to a same-class human box is not added


def overlaps_any(a: Boxes, b: Boxes, iou: float, same_class: bool) -> np.ndarray:
    """For each box of ``a``: is some box of ``b`` at least ``iou`` close (and same class)?"""
    if not len(a) or not len(b):
        return np.zeros(len(a), bool)
    m = box_iou(a.to_xyxy((1, 1)), b.to_xyxy((1, 1))) >= iou
    if same_class:
        m &= a.class_id[:, None] == b.class_id[None, :]
    return m.any(axis=1)


def merge_accepted(human: Boxes, proposals: Boxes, iou: float = DUPLICATE_IOU,
                   any_class: bool = False) -> tuple[Boxes, np.ndarray]:
    """Add accepted proposals to the human boxes, skipping duplicates.

    A proposal is a duplicate when a human box of the same class, or an earlier (more
    confident) accepted proposal of the same class, overlaps it at ``iou`` or more. With
    ``any_class`` (bulk accepts), a box of any class counts: the model's second guess for an
    object that already has a box is not added as another object.
    Returns the merged boxes (no confidence column) and the duplicate mask of ``proposals``.
    """
    order = np.argsort(-(proposals.confidence if proposals.confidence is not None
                         else np.ones(len(proposals))), kind="stable")
    dup = np.zeros(len(proposals), bool)
    kept = Boxes(human.xywhn, human.class_id)
    for i in order:
        one = Boxes(proposals.xywhn[i:i + 1], proposals.class_id[i:i + 1])
        if overlaps_any(one, kept, iou, same_class=not any_class)[0]:
            dup[i] = True
        else:
            kept = kept.merge(one)
    return kept, dup
