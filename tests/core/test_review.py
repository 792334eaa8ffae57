"""Review core: merging, decisions, queue, automatic accept, quality report (vs pycocotools)."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from studio.core.dataset.layout import open_dataset
from studio.core.inference.runs import create_run, record_results
from studio.core.labels.boxes import Boxes
from studio.core.labels.merge import merge_accepted
from studio.core.labels.metrics import ImageBoxes
from studio.core.labels.yolo import boxes_to_label_file, load_yolo_labels, save_yolo_labels
from studio.core.review.auto_accept import auto_accept_job, eligible_items
from studio.core.review.classes import check_run_classes, translate_classes
from studio.core.review.report import quality_report
from studio.core.review.workflow import (
    Decision,
    ReviewStatus,
    Sort,
    begin_review,
    classify,
    count_queue,
    decisions_for,
    finish_review,
    image_changed_since_run,
    order_queue,
    queue_items,
    run_proposals,
    set_decisions,
    status_of,
)
from studio.core.store.db import Store
from studio.core.store.presence import others, register, unregister
from tests.oracles import coco_ap50_per_class, coco_eval, coco_tp_at_iou50


def B(rows, conf=None) -> Boxes:  # noqa: N802, ANN001
    b = Boxes.from_rows(rows) if rows else Boxes.empty()
    return Boxes(b.xywhn, b.class_id, None if conf is None else np.asarray(conf, float))


def make_run(ds, store: Store, seed: int = 0) -> tuple[int, dict[str, Boxes]]:  # noqa: ANN001
    """A fake run: each label jittered (conf high), some dropped, some false positives (conf low)."""
    rng = np.random.default_rng(seed)
    run = create_run(store, "fake.pt", {i: n for i, n in enumerate(ds.classes.names)}, {}, {},
                     ds.classes.names)
    results, made = [], {}
    for rel in ds.scan_images().paths:
        gt = load_yolo_labels(ds.label_path(rel)).boxes
        keep = rng.random(len(gt)) < 0.85
        xywh = gt.xywhn[keep] + rng.normal(0, 0.004, (int(keep.sum()), 4))
        cls = gt.class_id[keep].copy()
        flip = rng.random(len(cls)) < 0.1
        cls[flip] = (cls[flip] + 1) % len(ds.classes)
        conf = rng.uniform(0.4, 0.99, len(cls))
        n_fp = int(rng.integers(0, 3))
        fp = np.c_[rng.uniform(0.2, 0.8, (n_fp, 2)), rng.uniform(0.05, 0.2, (n_fp, 2))]
        boxes = Boxes(np.r_[xywh, fp].reshape(-1, 4), np.r_[cls, rng.integers(0, len(ds.classes), n_fp)],
                      np.r_[conf, rng.uniform(0.25, 0.6, n_fp)])
        st = os.stat(ds.image_path(rel))
        results.append((rel, boxes, None, 0.01, (st.st_mtime_ns, st.st_size)))
        made[rel] = boxes
    record_results(store, run, results)
    return run, made


@pytest.fixture
def reviewed(sample_dataset: Path):
    ds = open_dataset(sample_dataset)
    store = Store(ds.store_dir)
    store.sync_paths(ds.scan_images().paths, ds.scan_images().splits)
    run, made = make_run(ds, store)
    return ds, store, run, made


def test_merge_skips_same_class_duplicates_only() -> None:
    human = B([(0, 0.5, 0.5, 0.2, 0.2)])
    props = B([(0, 0.501, 0.5, 0.2, 0.2), (1, 0.5, 0.5, 0.2, 0.2), (2, 0.2, 0.2, 0.1, 0.1),
               (2, 0.201, 0.2, 0.1, 0.1)], conf=[0.9, 0.8, 0.5, 0.7])
    merged, dup = merge_accepted(human, props)
    assert dup.tolist() == [True, False, True, False]  # 4th beats the 3rd (more confident)
    assert len(merged) == 3 and merged.confidence is None
    assert sorted(merged.class_id.tolist()) == [0, 1, 2]
    # bulk accepts keep one box per object: the class-1 guess on the class-0 object is dropped
    bulk, dup = merge_accepted(human, props, any_class=True)
    assert dup.tolist() == [True, True, True, False] and sorted(bulk.class_id.tolist()) == [0, 2]


def test_classify_accepted_edited_rejected_hidden_added() -> None:
    props = B([(0, 0.3, 0.3, 0.2, 0.2), (1, 0.7, 0.7, 0.2, 0.2), (0, 0.1, 0.9, 0.1, 0.1),
               (2, 0.5, 0.1, 0.1, 0.1), (2, 0.9, 0.1, 0.05, 0.05)], conf=[0.9, 0.8, 0.6, 0.5, 0.1])
    ids = np.arange(10, 15)
    taken = {10: Decision.ACCEPTED, 11: Decision.ACCEPTED, 12: Decision.ACCEPTED, 13: Decision.REJECTED}
    # 10 kept as is; 11 moved a little and relabeled; 12 deleted again; one box drawn by hand
    final = B([(0, 0.3, 0.3, 0.2, 0.2), (2, 0.72, 0.7, 0.2, 0.2), (1, 0.5, 0.5, 0.05, 0.05)])
    out = classify(ids, props, taken, Boxes.empty(), final, min_conf=0.25)
    assert out.decisions == {10: Decision.ACCEPTED, 11: Decision.EDITED, 12: Decision.REJECTED,
                             13: Decision.REJECTED, 14: Decision.HIDDEN}
    assert out.added == 1
    # a box the image already had is not "added"
    again = classify(ids, props, taken, B([(1, 0.5, 0.5, 0.05, 0.05)]), final, 0.25)
    assert again.added == 0


def test_queue_orders_filters_and_counts(reviewed) -> None:
    ds, store, run, made = reviewed
    items = queue_items(store, run)
    assert {it.path for it in items} == set(made)
    low = order_queue(items, Sort.LOWEST_CONFIDENCE)
    mins = [it.min_conf for it in low if it.n]
    assert mins == sorted(mins) and all(not it.n for it in low[len(mins):])
    most = order_queue(items, Sort.MOST_PROPOSALS)
    assert [it.n for it in most] == sorted((it.n for it in items), reverse=True)
    only2 = order_queue(items, Sort.NAME, classes={2})
    assert only2 and all(2 in it.classes for it in only2)
    assert [it.path for it in only2] == sorted(it.path for it in only2)
    rng_items = order_queue(items, Sort.NAME, conf_range=(0.9, 1.0))
    assert rng_items and all(it.max_conf >= 0.9 for it in rng_items)
    assert count_queue(items).left == len(items)


def test_begin_keeps_first_before_and_finish_records(reviewed) -> None:
    ds, store, run, made = reviewed
    rel = next(p for p, b in made.items() if len(b) >= 2)
    ids, props = run_proposals(store, run, rel)
    human = load_yolo_labels(ds.label_path(rel)).boxes
    assert begin_review(store, run, rel, human, "me") == human
    # accepted boxes are autosaved; a second visit must still see the original "before"
    assert begin_review(store, run, rel, human.merge(props[:1]), "me") == human
    set_decisions(store, run, rel, {int(ids[0]): Decision.ACCEPTED, int(ids[1]): Decision.REJECTED})
    assert decisions_for(store, run, rel) == {int(ids[0]): Decision.ACCEPTED, int(ids[1]): Decision.REJECTED}
    merged, _ = merge_accepted(human, props[:1])
    out = finish_review(store, run, rel, merged, 0.25, "me", seconds=3.0)
    assert status_of(store, run, rel) == (ReviewStatus.REVIEWED, "me")
    assert out.already_reviewed_by is None
    stored = decisions_for(store, run, rel)
    assert stored[int(ids[1])] is Decision.REJECTED and len(stored) == len(ids)
    # the same image finished in another window is reported
    assert finish_review(store, run, rel, merged, 0.25, "other").already_reviewed_by == "me"


def test_class_check_remaps_by_name_and_flags_missing() -> None:
    check = check_run_classes(["apple", "banana", "kiwi"], ["banana", "apple"])
    assert check.remap == {0: 1, 1: 0} and check.missing == {2: "kiwi"}
    boxes, gone = translate_classes(B([(0, .5, .5, .1, .1), (2, .5, .5, .1, .1)], [0.9, 0.8]), check)
    assert boxes.class_id.tolist() == [1, 2] and gone.tolist() == [False, True]
    assert check_run_classes(["a", "b"], ["a", "b", "c"]).ok


def test_changed_and_deleted_images_are_noticed(reviewed) -> None:
    ds, store, run, made = reviewed
    a, b, c = sorted(made)[:3]
    assert image_changed_since_run(store, run, a, ds.image_path(a)) is None
    with open(ds.image_path(b), "ab") as f:
        f.write(b"\0")
    assert image_changed_since_run(store, run, b, ds.image_path(b)) == "changed"
    ds.image_path(c).unlink()
    assert image_changed_since_run(store, run, c, ds.image_path(c)) == "deleted"


def test_quality_report_agrees_with_pycocotools(reviewed) -> None:
    ds, store, run, made = reviewed
    # a reviewer accepts everything >= 0.5 and fixes nothing: the labels stay the truth
    paths = sorted(made)
    for rel in paths:
        ids, props = run_proposals(store, run, rel)
        human = load_yolo_labels(ds.label_path(rel)).boxes
        begin_review(store, run, rel, human, "me")
        finish_review(store, run, rel, human, 0.5, "me")
    rep = quality_report(ds, store, run)
    assert rep.images == len(paths)
    gts = [ImageBoxes(load_yolo_labels(ds.label_path(p)).boxes.to_xyxy((640, 480)),
                      load_yolo_labels(ds.label_path(p)).boxes.class_id) for p in paths]
    preds = [ImageBoxes(made[p].to_xyxy((640, 480)), made[p].class_id, made[p].confidence) for p in paths]
    ev = coco_eval(gts, preds, max_dets=1000)
    ref = coco_ap50_per_class(ev)
    for c in rep.classes:
        if c.n_gt:
            assert c.ap50 == pytest.approx(ref[c.class_id], abs=1e-3), c.class_id
    n_gt = {}
    for g in gts:
        for c in g.class_id:
            n_gt[int(c)] = n_gt.get(int(c), 0) + 1
    for t in (0.3, 0.5, 0.8):
        kept = [ImageBoxes(p.xyxy[p.confidence >= t], p.class_id[p.confidence >= t], p.confidence[p.confidence >= t])
                for p in preds]
        tp = coco_tp_at_iou50(coco_eval(gts, kept, max_dets=1000), n_gt)
        n_det = sum(len(k.class_id) for k in kept)
        p, r, _f1 = rep.curve.at(t)
        assert p == pytest.approx(tp / n_det, abs=1e-9)
        assert r == pytest.approx(tp / sum(n_gt.values()), abs=1e-9)
    best_t, best_f1 = rep.curve.best_f1()
    assert best_f1 == pytest.approx(rep.curve.f1.max())
    target = rep.curve.for_precision(0.9)
    assert target is None or rep.curve.at(target[0])[0] >= 0.9
    assert rep.decisions  # rates come from stored decisions
    assert rep.shown == sum(n for d, n in rep.decisions.items() if d != "hidden")


def test_auto_accept_spot_check_and_resume(reviewed) -> None:
    ds, store, run, made = reviewed
    # start from unlabeled images so accepted boxes are visible in the files
    for rel in made:
        ds.label_path(rel).unlink()
    items = queue_items(store, run)
    eligible = eligible_items(items, 0.2)
    assert eligible and all(it.min_conf >= 0.2 and it.n for it in eligible)
    steps = list(auto_accept_job(ds, store, run, 0.2, spot_fraction=0.25, min_spot=2, seed=1, owner="me"))
    stats = steps[-1].payload
    assert stats["spot"] == max(2, int(np.ceil(0.25 * len(eligible))))
    assert stats["accepted"] + stats["spot"] == len(eligible)
    spot = {p for p in made if status_of(store, run, p)[0] is ReviewStatus.SPOT}
    assert len(spot) == stats["spot"]
    for it in eligible:
        label = ds.label_path(it.path)
        if it.path in spot:
            assert not label.exists()
        else:
            got = load_yolo_labels(label).boxes
            merged, _ = merge_accepted(Boxes.empty(), made[it.path], any_class=True)
            assert len(got) == len(merged)
    from studio.core.store.label_origin import AUTO_ACCEPT, machine_written

    # the accepted files are known as machine-written; the spot images (humans will check) are not
    assert machine_written(store, ds.label_path) == {it.path: AUTO_ACCEPT for it in eligible if it.path not in spot}
    # spot images come first in any order
    first = order_queue(queue_items(store, run), Sort.NAME)[:len(spot)]
    assert {it.path for it in first} == spot
    # running the same accept again adds nothing and draws no new sample
    before = {p: ds.label_path(p).read_bytes() for p in made if ds.label_path(p).exists()}
    list(auto_accept_job(ds, store, run, 0.2, spot_fraction=0.25, min_spot=2, seed=1, owner="me"))
    assert {p: ds.label_path(p).read_bytes() for p in made if ds.label_path(p).exists()} == before
    # a human reviews the spot images: one is fixed (a box removed), the others accepted as is
    spot_sorted = sorted(spot)
    for k, rel in enumerate(spot_sorted):
        begin_review(store, run, rel, Boxes.empty(), "me")
        merged, _ = merge_accepted(Boxes.empty(), made[rel], any_class=True)
        final = merged[np.arange(1, len(merged))] if k == 0 else merged
        save_yolo_labels(ds.label_path(rel), boxes_to_label_file(final))
        finish_review(store, run, rel, final, 0.2, "me")
    rep = quality_report(ds, store, run)
    assert rep.spot is not None
    assert (rep.spot.checked, rep.spot.needed_change, rep.spot.false_accepts) == (len(spot), 1, 1)
    assert rep.spot.sampled == len(spot) and rep.spot.auto_accepted == stats["accepted"]
    lo, hi = rep.spot.interval()
    assert lo <= rep.spot.error_rate <= hi
    # a second automatic accept at another threshold has its own sample and its own figures
    list(auto_accept_job(ds, store, run, 0.1, spot_fraction=0.25, min_spot=1, seed=2, owner="me"))
    again = quality_report(ds, store, run).spot
    assert (again.threshold, again.sampled, again.checked, again.auto_accepted) == (0.1, 0, 0, 0)


def test_presence_sees_other_windows(sample_dataset: Path) -> None:
    store = Store(open_dataset(sample_dataset).store_dir)
    a, b = register(store), register(store)
    assert [p.id for p in others(store, a)] == [b]
    store.transaction([("UPDATE sessions SET heartbeat=0 WHERE id=?", [(b,)])])  # crashed long ago
    assert others(store, a) == []
    unregister(store, a)
    assert others(store, b) == []


def test_disagreement_scores_compare_labels_with_proposals(reviewed) -> None:
    from studio.core.review.workflow import disagreement_scores

    ds, store, run, made = reviewed
    paths = sorted(made)
    same, differ, empty = paths[0], paths[1], paths[2]
    ids, props = run_proposals(store, run, same)
    save_yolo_labels(ds.label_path(same), boxes_to_label_file(Boxes(props.xywhn, props.class_id)))
    save_yolo_labels(ds.label_path(differ), boxes_to_label_file(B([(0, 0.05, 0.05, 0.02, 0.02)])))
    ds.label_path(empty).unlink()
    scores = disagreement_scores(ds, store, run, paths, 0.0)
    assert scores[same] == 0.0 and scores[empty] == 0.0 and scores[differ] == 1.0
    assert all(0.0 <= v <= 1.0 for v in scores.values())
    ordered = order_queue(queue_items(store, run), Sort.DISAGREEMENT, disagreement=scores)
    assert ordered[0].path in {p for p, v in scores.items() if v == max(scores.values())}
