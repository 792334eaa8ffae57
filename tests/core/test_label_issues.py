"""Label issues from cleanlab's scores: a swapped class, a shifted box and a missing box are found
on the right images and boxes, with readable reasons, worst image first."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from studio.core.dataset.layout import open_dataset
from studio.core.insight.label_issues import BADLOC, OVERLOOKED, SWAP, cleanlab_inputs, find_label_issues
from studio.core.labels.boxes import Boxes
from studio.core.labels.yolo import load_yolo_labels


def test_injected_errors_rank_first_with_their_reasons(sample_dataset: Path) -> None:
    from cleanlab.object_detection import rank

    ds = open_dataset(sample_dataset)
    names = ds.classes.names
    labels, preds, sizes = [], [], []
    for rel in ds.scan_images().paths:
        boxes = load_yolo_labels(ds.label_path(rel)).boxes
        h, w = cv2.imread(str(ds.image_path(rel))).shape[:2]
        labels.append(boxes)
        preds.append(Boxes(boxes.xywhn, boxes.class_id, np.full(len(boxes), 0.99)))  # a model that agrees
        sizes.append((w, h))
    with_boxes = [i for i, b in enumerate(labels) if len(b) >= 2]
    a, b, c = with_boxes[:3]
    swapped = labels[a].class_id.copy()
    swapped[0] = (swapped[0] + 1) % len(names)
    labels[a] = Boxes(labels[a].xywhn, swapped)
    shifted = labels[b].xywhn.copy()
    shifted[0, 0] += shifted[0, 2] * 0.35  # moved by a third of its width, and loose
    shifted[0, 2:] *= 1.6
    labels[b] = Boxes(shifted, labels[b].class_id)
    labels[c] = labels[c][np.arange(1, len(labels[c]))]  # the first object was never labeled
    found = find_label_issues(labels, preds, sizes, names)
    assert {image.index for image in found[:3]} == {a, b, c}
    by_image = {image.index: image for image in found}
    swap = by_image[a].issues[0]
    assert swap.kind == SWAP and swap.index == 0 and swap.suggested_class == int(preds[a].class_id[0])
    assert str(swap.reason) == f"probably {names[preds[a].class_id[0]]}, not {names[swapped[0]]} (0.99)"
    # the loose, shifted box is flagged as misplaced, with the model's box as the suggestion
    shifted_issue, = by_image[b].issues
    assert shifted_issue.kind == BADLOC and shifted_issue.index == 0
    assert np.allclose(shifted_issue.suggested_box, preds[b].xywhn[0])
    overlooked = by_image[c].issues[0]
    assert overlooked.kind == OVERLOOKED and overlooked.index == 0
    assert str(overlooked.reason).startswith(f"an unlabeled {names[preds[c].class_id[0]]} the model sees here")
    assert all(not image.issues for image in found[3:])  # the untouched images are clean
    # with confidences above cleanlab's own thresholds, the image scores are cleanlab's own
    cl_labels, cl_preds = cleanlab_inputs(labels, preds, sizes, len(names))
    expected = rank.get_label_quality_scores(cl_labels, cl_preds, verbose=False)
    assert [image.quality for image in found] == sorted(expected.tolist())
