"""Run every benchmark and print one table; figures also go to bench-out/results.json.

Speed is measured here, never in tests. Each figure is taken side by side with its
baseline in the same run, so ratios stay meaningful on a noisy 2-core machine.
"""

from __future__ import annotations

import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def print_prelabel(q: dict, c: dict) -> None:
    """The pre-labeling and cluster figures."""
    print(f"\nPre-labeling ({q['images']} photos, {q['photo_sizes']}, demo model, start-up excluded)")
    for size in (320, 640):
        s = q[f"imgsz_{size}"]
        print(f"  imgsz {size}: studio {s['studio_img_per_s']} img/s   yolo predict {s['yolo_predict_img_per_s']} "
              f"img/s ({s['ratio_to_yolo']}x)   model only (ONNX Runtime, preloaded) batch 1 "
              f"{s['model_only_batch1_img_per_s']}, batch {s['model_only_best_batch']} "
              f"{s['model_only_best_img_per_s']} img/s; studio = {s['share_of_model_only_best']}x of that, "
              f"{s['share_of_that_limit']}x of forward + decode ({s['limit_forward_plus_decode_img_per_s']} img/s)")
        stages = ", ".join(f"{k} {v}" for k, v in s["stages_ms_per_image"].items())
        print(f"    stages (ms per image): {stages}")
        print(f"    agreement with yolo predict: {s['agreeing_images_share']:.1%} of images (same count "
              f"{s['same_box_count_share']:.1%}, worst IoU {s['worst_matched_iou']}, worst conf diff "
              f"{s['worst_conf_diff']})")
    if "gpu" in q:
        print(f"  GPU {q['gpu']['device']}: studio {q['gpu']['studio_img_per_s_640']} img/s at imgsz 640")
    print(f"  local Ray cluster vs local engine ({c['images_difference']} images, imgsz 320, start-up excluded): "
          f"{c['ray_shared_img_per_s']} (workers read) / {c['ray_send_img_per_s']} (bytes sent) vs "
          f"{c['local_img_per_s']} img/s = {c['ray_shared_ratio']}x / {c['ray_send_ratio']}x; start-up "
          f"{c['ray_shared_startup_s']} s vs {c['local_startup_s']} s")
    print(f"  the driver stores {c['driver_store_img_per_s']} images/s (5 proposals each): the ceiling of any run")


def print_label_check(lc: dict) -> None:
    """The label check's planted-error figures and the seed experiment."""
    print(f"\nLabel check ({lc['images']} sample images of an unseen seed, {lc['boxes_planted']} planted in the "
          f"train part; {lc['check']['folds']} folds x {lc['check']['epochs']} epochs from the demo model, "
          f"{lc['check']['seconds']} s)")
    for name in ("top_2n", "whole_queue"):
        f = lc[name]
        kinds = ", ".join(f"{k} recall {f[k]['recall']:.2f} precision {f[k]['precision']:.2f}"
                          for k in ("swap", "shift", "delete"))
        print(f"  {name.replace('_', ' ')}: {f['all']['found']}/{f['all']['planted']} found; {kinds}")
    taken = (f"  suggestions taken {lc['suggestions_taken']} (unsure, left to a human: {lc['unsure_not_taken']}; "
             f"none offered: {lc['without_suggestion']})")
    print(taken)
    for side, counts in lc["training_labels_against_truth"].items():
        print(f"  {side} training labels against the truth: {counts}")
    e = lc["effect"]
    print(f"  seed experiment ({e['start']}, {e['epochs']} epochs at {e['imgsz']}, seeds {e['seeds']}): "
          f"mAP50-95 damaged {e['before_map50_95']} vs fixed {e['after_map50_95']}; gain {e['gain_map50_95']}, spread "
          f"{e['spread_across_seeds']}, gain exceeds spread: {e['gain_exceeds_spread']}")


def main() -> int:
    """Run the benchmarks, print and save their figures."""
    import os

    from benchmarks import (
        bench_annotation,
        bench_cluster,
        bench_first_paint,
        bench_huge_labels,
        bench_insight,
        bench_label_check,
        bench_loop,
        bench_open_large,
        bench_prelabel,
        bench_preprocess,
        bench_review,
        bench_review_scale,
        bench_training,
    )

    count = int(os.environ.get("STUDIO_BENCH_IMAGES", "100000"))
    started = time.time()
    results = {"machine": f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}",
               "open_large_folder": bench_open_large.main(count)}
    results["first_paint_on_screen"] = bench_first_paint.main()
    results["annotation"] = bench_annotation.main()
    results["huge_labels"] = bench_huge_labels.main()
    results["preprocess"] = bench_preprocess.main()
    results["prelabel"] = bench_prelabel.main()
    results["cluster"] = bench_cluster.main()
    results["review"] = bench_review.main()
    results["insight"] = bench_insight.main(count)
    results["review_scale"] = bench_review_scale.main()
    results["training"] = bench_training.main()
    results["loop"] = bench_loop.main()
    results["label_check"] = bench_label_check.run()
    results["seconds"] = round(time.time() - started, 1)
    out = ROOT / "bench-out"
    out.mkdir(exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    fp = results["first_paint_on_screen"]
    if "skipped" in fp:
        print(f"\nSpawn to first image on screen: skipped ({fp['skipped']})")
    else:
        print("\nSpawn to the first image's pixels on the X screen (Xvfb, fresh settings; median of 5)")
        print(f"  10 images {fp['10_s']} s, 100,000 {fp['100000_s']} s, 300,000 {fp['300000_s']} s; "
              f"with --model {fp['10_model_s']} / {fp['100000_model_s']} / {fp['300000_model_s']} s; "
              f"worst / 10 images {fp['worst_ratio_to_10']}x")
    h = results["huge_labels"]
    print(f"\nAn image with {h['boxes']:,} boxes (real window, offscreen)")
    print(f"  open to painted {h['open_to_painted_s']} s; unrelated repaint {h['unrelated_repaint_median_ms']} ms; "
          f"nudge a box {h['nudge_key_median_ms']} ms; next image {h['next_image_key_ms']} ms; back to it "
          f"{h['back_to_huge_image_key_ms']} ms; CPU share once idle {h['cpu_share_when_idle']}")
    o = results["open_large_folder"]
    print(f"\nOpening a folder of {o['images']:,} images ({results['machine']})")
    print(f"  time to first image   studio {o['studio_first_image_s']:.3f} s   "
          f"os.walk+cv2.imread {o['baseline_first_image_s']:.3f} s   "
          f"ratio {o['first_image_ratio_studio_over_baseline']:.2f}")
    print(f"  peak memory           studio {o['studio_peak_rss_mib']:.0f} MiB (Qt window included)   "
          f"baseline {o['baseline_peak_rss_mib']:.0f} MiB")
    print(f"  full background index {o['index_full_s']:.1f} s cold, {o['index_reopen_s']:.1f} s on reopen")
    if "gui_timer_gap_p99_ms" in o:
        print(f"  GUI event loop while indexing: p50 {o['gui_timer_gap_p50_ms']} ms, "
              f"p99 {o['gui_timer_gap_p99_ms']} ms, worst {o['gui_timer_gap_max_ms']} ms "
              f"(10 ms timer; index done in {o['gui_index_s']} s)")
    a = results["annotation"]
    print(f"\nAnnotation ({a['photos']} JPEGs of {a['photo_size']}, key press -> painted)")
    print(f"  next image with prefetch  median {a['next_image_median_ms']} ms, p95 {a['next_image_p95_ms']} ms"
          f"   cold cv2.imread median {a['cold_imread_median_ms']} ms   speed-up {a['prefetch_speedup']}x")
    print(f"  {a['boxes']} boxes on one image: repaint at fit {a['paint_fit_ms']} ms, 1:1 "
          f"{a['paint_1to1_ms']} ms, while panning {a['paint_pan_ms']} ms; click-select "
          f"{a['click_select_ms']} ms")
    p = results["preprocess"]
    print(f"\nPreprocessing ({p['photo']} photo; {p['pipeline']})")
    print(f"  slider change -> preview + histogram on screen: median {p['live_median_ms']} ms, "
          f"p95 {p['live_p95_ms']} ms (at {p['live_preview_scale']:.0%} scale while dragging)   "
          f"full-resolution pipeline {p['full_resolution_median_ms']} ms")
    print("  each op on its own slider (change -> painted p95, preview scale; a display-scale pass is the")
    print("  physical floor: compose + histogram + paint of the view):")
    for op in sorted({k.split("/")[0] for k in p["per_op"]}):
        d, big = p["per_op"][f"{op}/default"], p["per_op"][f"{op}/largest"]
        print(f"    {op:<20} default p95 {d['p95_ms']:>6} ms at {d['scale']:.1%}   "
              f"largest p95 {big['p95_ms']:>7} ms at {big['scale']:.1%}")
    t = p["try_all"]
    print(f"  Try All on the 12 MP photo: quick montage {t['quick_montage_s']} s, full resolution "
          f"{t['full_resolution_s']} s after the key")
    print(f"  batch of {p['batch_images']} photos: studio preprocess {p['batch_studio_s']} s   plain loop "
          f"{p['batch_plain_loop_s']} s   speed-up {p['batch_speedup']}x on {p['cores']} cores; "
          f"outputs identical: {p['batch_outputs_identical']}")
    print_prelabel(results["prelabel"], results["cluster"])
    print_label_check(results["label_check"])
    r = results["review"]
    print(f"\nReviewing proposals vs labeling by hand ({r['images']} new images, {r['true_boxes']} true boxes, "
          f"scripted user with real key and mouse events)")
    for mode, label in (("review", "review mode "), ("manual", "by hand     ")):
        m = r[mode]
        print(f"  {label} {m['keys_per_image']} keys + {m['drags_per_image']} drags per image; modelled person "
              f"{m['modelled_human_s_per_image']} s/image; software {m['software_s_per_image'] * 1000:.0f} ms/image; "
              f"result recall {m['recall']}, precision {m['precision']}, mean IoU {m['mean_iou']}")
    print(f"  by hand / review: {r['keys_and_drags_ratio_manual_over_review']}x the keys and drags, "
          f"{r['modelled_time_ratio_manual_over_review']}x the modelled time")
    i = results["insight"]
    print(f"\nDataset insight ({i['images']:,} images, {i['boxes']:,} boxes, fresh process, {i['cores']} cores)")
    print(f"  studio check {i['check_s']} s ({i['check_img_per_s']:,} images/s)   Ultralytics' own label "
          f"verification (labels.cache build) {i['ultralytics_verify_s']} s   ratio {i['check_over_ultralytics']}")
    print(f"  studio stats {i['stats_s']} s; findings {i['findings']}")
    v = results["review_scale"]
    print(f"\nReview at the project's size ({v['images']:,} pre-labeled images, real window)")
    print(f"  open {v['open_first_image_s']} s; enter review mode (queue built, first image) "
          f"{v['enter_review_mode_s']} s;"
          f" Enter -> next image painted median {v['enter_to_next_image_median_ms']} ms, "
          f"p95 {v['enter_to_next_image_p95_ms']} ms")
    t = results["training"]
    print("\nTraining from the window (Xvfb, 60 sample images, demo model, 2 epochs at imgsz 160)")
    if "skipped" in t or "failed" in t:
        print(f"  {t.get('skipped') or t.get('failed')}")
    else:
        print(f"  10 ms timer gaps: idle p99 {t['idle_p99_ms']} ms; while training p50 {t['train_p50_ms']} ms, "
              f"p99 {t['train_p99_ms']} ms, worst {t['train_worst_ms']} ms; the run took {t['train_s']} s")
        print(f"  augmentation preview, a hyperparameter changed -> 12 new samples on screen: median "
              f"{t['augment_update_median_ms']} ms, worst {t['augment_update_worst_ms']} ms")
    lp = results["loop"]
    print("\nThe loop (seed 23: 100 labeled images, 60 val; yolov8n from scratch, 30 epochs at imgsz 320, CPU)")
    if "failed" in lp:
        print(f"  {lp['failed']}")
    else:
        print(f"  train {lp['train_s']} s, val mAP50 {lp['val_map50']}; "
              f"pre-label 60 unseen images {lp['prelabel_s']} s; "
              f"scripted review {lp['review_s']} s (recall {lp['review_recall']}, precision {lp['review_precision']})")
        print(f"  keys and drags, by hand / review: {lp['keys_and_drags_ratio_manual_over_review']}x; modelled "
              f"person's time: {lp['modelled_time_ratio_manual_over_review']}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
