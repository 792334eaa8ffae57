"""The command line: same jobs as the GUI, clear output and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studio.cli import main


def test_index_json_report(sample_dataset: Path, capsys) -> None:
    (sample_dataset / "labels" / "train" / "train_0004.txt").write_bytes(b"0 0.5 0.5 0.2\n")
    (sample_dataset / "labels" / "val" / "val_0000.txt").unlink()
    rc = main(["index", str(sample_dataset), "--json"])
    report = json.loads(capsys.readouterr().out)
    assert rc == 1  # a problem was found
    assert report["images"] == 14 and report["unlabeled"] == 1
    assert report["classes"] == ["apple", "banana", "orange", "lemon", "grapes"]
    assert any("train_0004.txt:1" in p and "expected 5 columns" in p for p in report["problems"])


def test_index_text_report_clean_dataset(sample_dataset: Path, capsys) -> None:
    assert main(["index", str(sample_dataset)]) == 0
    out = capsys.readouterr().out
    assert "14 images" in out and "ultralytics" in out


def test_index_missing_folder(tmp_path: Path, capsys) -> None:
    assert main(["index", str(tmp_path / "없음")]) == 1
    assert "no such folder" in capsys.readouterr().err


def test_sample_is_deterministic(tmp_path: Path) -> None:
    assert main(["sample", str(tmp_path / "a"), "--train", "3", "--val", "1"]) == 0
    assert main(["sample", str(tmp_path / "b"), "--train", "3", "--val", "1"]) == 0
    for f in sorted((tmp_path / "a").rglob("*.*")):
        twin = tmp_path / "b" / f.relative_to(tmp_path / "a")
        assert twin.read_bytes() == f.read_bytes(), f


def test_no_command_prints_help(capsys) -> None:
    assert main([]) == 2
    assert "usage" in capsys.readouterr().out


def test_export_with_plugin_exporter_gives_lists_ultralytics_accepts(sample_dataset: Path,
                                                                      tmp_path: Path) -> None:
    from ultralytics.data.utils import check_det_dataset

    assert main(["export", str(sample_dataset), str(tmp_path / "lists"), "--format", "image_lists"]) == 0
    train = (tmp_path / "lists" / "train.txt").read_text(encoding="utf-8").splitlines()
    assert len(train) == 10 and all(Path(p).is_file() for p in train)
    yml = tmp_path / "lists.yaml"
    yml.write_text(f"train: {tmp_path / 'lists' / 'train.txt'}\nval: {tmp_path / 'lists' / 'val.txt'}\n"
                   "names: [apple, banana, orange, lemon, grapes]\n", encoding="utf-8")
    from studio.core.dataset.layout import open_dataset

    assert len(open_dataset(yml).scan_images()) == 14
    assert check_det_dataset(str(yml), autodownload=False)["nc"] == 5


def test_export_unknown_format(sample_dataset: Path, tmp_path: Path, capsys) -> None:
    assert main(["export", str(sample_dataset), str(tmp_path), "--format", "nope"]) == 2
    assert "image_lists" in capsys.readouterr().err


def test_review_cli_report_auto_accept_export(sample_dataset: Path, tmp_path: Path, capsys) -> None:
    import json

    from studio.core.dataset.layout import open_dataset
    from studio.core.labels.yolo import load_yolo_labels
    from studio.core.review.report import quality_report
    from studio.core.review.workflow import begin_review, finish_review, queue_items
    from studio.core.store.db import Store
    from tests.core.test_review import make_run

    assert main(["review", "status", str(sample_dataset)]) == 1  # no run yet
    assert "no pre-labeling run" in capsys.readouterr().err
    ds = open_dataset(sample_dataset)
    store = Store(ds.store_dir)
    run, made = make_run(ds, store)
    for rel in sorted(made)[:6]:  # a human reviewed six images and kept the labels
        boxes = load_yolo_labels(ds.label_path(rel)).boxes
        begin_review(store, run, rel, boxes, "t")
        finish_review(store, run, rel, boxes, 0.25, "t")
    assert main(["review", "report", str(sample_dataset), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    ref = quality_report(ds, store, run)
    assert out["images"] == 6 and out["map50"] == ref.map50
    assert out["best_f1"]["threshold"] == ref.curve.best_f1()[0]
    assert main(["review", "report", str(sample_dataset)]) == 0
    assert "mAP50" in capsys.readouterr().out
    assert main(["review", "auto-accept", str(sample_dataset), "--threshold", "0.3", "--spot", "0.5",
                 "--min-spot", "1"]) == 0
    text = capsys.readouterr().out
    assert "held back for a spot check" in text
    done = [it for it in queue_items(store, run) if it.done]
    out_dir = tmp_path / "reviewed"
    assert main(["review", "export", str(sample_dataset), str(out_dir), "--val", "0.3"]) == 0
    n = sum(1 for _ in (out_dir / "images").rglob("*.jpg"))
    assert n == len(done) and (out_dir / "data.yaml").exists()
    assert main(["review", "export", str(sample_dataset), str(out_dir)]) == 1  # not empty: refused


def test_insight_commands(sample_dataset: Path, tmp_path: Path, capsys) -> None:
    import json

    root = Path(__file__).resolve().parents[1]
    assert main(["check", str(sample_dataset)]) == 0
    assert "0 errors" in capsys.readouterr().out
    lbl = sample_dataset / "labels" / "train" / "train_0001.txt"
    before = lbl.read_bytes() + b"7 0.5 0.5 0.1 0.1\n"
    lbl.write_bytes(before)
    assert main(["check", str(sample_dataset), "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["counts"]["class_out_of_range"] == 1 and lbl.read_bytes() == before  # never modified
    assert main(["stats", str(sample_dataset), "--csv", str(tmp_path / "csv"), "--json"]) == 0
    st = json.loads(capsys.readouterr().out)
    assert st["images"] == 14 and (tmp_path / "csv" / "classes.csv").exists()
    # predictions = the labels themselves with confidence 1: a perfect score
    pred = tmp_path / "pred"
    pred.mkdir()
    for p in (sample_dataset / "labels").rglob("*.txt"):
        rows = [ln + " 1.0" for ln in p.read_text().splitlines() if ln.strip() and not ln.startswith("7 ")]
        (pred / p.name).write_text("\n".join(rows) + ("\n" if rows else ""))
    lbl.write_bytes(before[: -len(b"7 0.5 0.5 0.1 0.1\n")])
    assert main(["eval", str(sample_dataset), "--pred", str(pred), "--json"]) == 0
    ev = json.loads(capsys.readouterr().out)
    assert ev["map50"] == pytest.approx(1.0) and ev["map50_95"] == pytest.approx(1.0)
    assert main(["train-report", str(root / "resources" / "models" / "demo-run"), str(tmp_path / "nothing")]) == 1
    text = capsys.readouterr()
    assert "best epoch 80" in text.out and "cannot read" in text.err
    assert main(["split", str(sample_dataset), str(tmp_path / "split"), "--val", "0.25", "--coco"]) == 0
    assert (tmp_path / "split" / "annotations" / "instances_val.json").exists()


def test_every_exporter_is_reachable_from_the_cli(sample_dataset: Path, tmp_path: Path, capsys) -> None:
    from ultralytics.data.utils import check_det_dataset

    assert main(["plugins"]) == 0
    out = capsys.readouterr().out
    assert "exporter: ultralytics, voc, labelme, coco, image_lists" in out
    assert "op: grayscale" in out  # built-in operations come through the registry too
    assert main(["export", str(sample_dataset), str(tmp_path / "yolo"), "--format", "ultralytics"]) == 0
    data = check_det_dataset(str(tmp_path / "yolo" / "data.yaml"))
    assert data["names"][0] == "apple"
    images = list((tmp_path / "yolo" / "images").rglob("*.jpg"))
    assert len(images) == 14


def test_progress_ends_once_with_the_mean_rate() -> None:
    import io

    from studio.cli.common import ProgressBar
    from studio.core.jobs import Progress

    out = io.StringIO()
    bar = ProgressBar("split", out)
    bar.update(Progress(0, 10))
    import time

    time.sleep(0.05)
    bar.update(Progress(10, 10, rate=0.0))  # the job's own last report: no new work, rate 0
    bar.update(Progress(10, 10, rate=0.0))  # and again, as some jobs do
    lines = out.getvalue().splitlines()
    assert len(lines) == 1 and "10/10" in lines[0] and " 0/s" not in lines[0] and "done" in lines[0]


def test_thresholds_json_gives_imagejs_numbers_and_reports_bad_images(tmp_path: Path, capsys) -> None:
    """``studio thresholds``: ImageJ's numbers per image (non-ASCII paths too), bad images under errors."""
    import cv2
    import numpy as np
    from skimage import data as skdata

    fixture = json.loads((Path(__file__).parent / "fixtures" / "imagej" / "thresholds.json").read_text("utf-8"))
    folder = tmp_path / "사진"
    folder.mkdir()
    coins = folder / "동전.png"
    cv2.imencode(".png", skdata.coins())[1].tofile(str(coins))
    flat = tmp_path / "flat.png"
    cv2.imwrite(str(flat), np.full((20, 20), 90, np.uint8))
    bad = {"deep.png": "16-bit", "alpha.png": "transparent", "one.png": "single pixel", "broken.jpg": "not a readable"}
    cv2.imwrite(str(tmp_path / "deep.png"), np.arange(100, dtype=np.uint16).reshape(10, 10) * 600)
    cv2.imwrite(str(tmp_path / "alpha.png"), np.dstack([np.zeros((8, 8, 3), np.uint8), np.full((8, 8), 9, np.uint8)]))
    cv2.imwrite(str(tmp_path / "one.png"), np.zeros((1, 1), np.uint8))
    (tmp_path / "broken.jpg").write_bytes(b"nope")
    args = ["thresholds", str(coins), str(flat), *(str(tmp_path / name) for name in bad), "--json"]
    assert main(args) == 1
    out = json.loads(capsys.readouterr().out)
    want = fixture["histograms"]["photo_coins"]["imagej"]
    assert {m: v for m, v in out[str(coins)].items() if m != "failed"} == {m: t for m, (t, _raw) in want.items()}
    assert out[str(coins)]["failed"] == []
    assert out[str(flat)]["Intermodes"] == 0 and "Intermodes" in out[str(flat)]["failed"]
    assert set(out["errors"]) == {str(tmp_path / name) for name in bad}
    for name, words in bad.items():
        assert words in out["errors"][str(tmp_path / name)]
    assert main(["thresholds", str(coins), "--method", "li"]) == 0  # an older pipeline's name still works
    assert capsys.readouterr().out.startswith(f"{coins}: li=94.63")
    with pytest.raises(SystemExit):
        main(["thresholds", str(coins), "--method", "Nope"])
