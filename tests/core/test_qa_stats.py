"""Dataset QA (every finding on a crafted dataset, Ultralytics' verify_image_label as the oracle
for what it rejects) and statistics (against direct counts)."""

from __future__ import annotations

import shutil
from pathlib import Path

import cv2
import numpy as np
import pytest

from studio.core.dataset.layout import open_dataset
from studio.core.findings import Severity
from studio.core.insight.qa import check_survey
from studio.core.insight.stats import dataset_stats, write_csv
from studio.core.insight.survey import run_survey
from studio.core.labels.yolo import load_yolo_labels


def _set(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def crafted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A 60-image sample with one planted problem per image; returns (root, code -> image)."""
    from studio.core.dataset.sample import make_sample_dataset

    root = make_sample_dataset(tmp_path_factory.mktemp("qa") / "검사 데이터", n_train=60, n_val=0, seed=3,
                               with_photos=False)
    imgs = root / "images" / "train"
    lbls = root / "labels" / "train"
    names = sorted(p.stem for p in imgs.glob("*.jpg"))
    labeled = [n for n in names if (lbls / f"{n}.txt").read_text().strip()]
    planted: dict[str, str] = {}

    def take(code: str) -> str:
        name = labeled.pop(0)
        planted[code] = f"images/train/{name}.jpg"
        return name

    n = take("columns")
    _set(lbls / f"{n}.txt", (lbls / f"{n}.txt").read_text() + "0 0.5 0.5 0.1\n")
    n = take("out_of_range")
    _set(lbls / f"{n}.txt", (lbls / f"{n}.txt").read_text() + "1 1.2 0.5 0.1 0.1\n")
    n = take("negative")
    _set(lbls / f"{n}.txt", (lbls / f"{n}.txt").read_text() + "1 -0.2 0.5 0.1 0.1\n")
    n = take("class_out_of_range")
    _set(lbls / f"{n}.txt", (lbls / f"{n}.txt").read_text() + "9 0.5 0.5 0.1 0.1\n")
    n = take("duplicate_row")
    first = (lbls / f"{n}.txt").read_text().splitlines()[0]
    _set(lbls / f"{n}.txt", (lbls / f"{n}.txt").read_text() + first + "\n")
    n = take("confidence_column")
    _set(lbls / f"{n}.txt", (lbls / f"{n}.txt").read_text() + "1 0.5 0.5 0.1 0.1 0.9\n")
    n = take("mixed_rows")
    _set(lbls / f"{n}.txt", (lbls / f"{n}.txt").read_text() + "1 0.1 0.1 0.2 0.1 0.2 0.2\n")
    n = take("image_unreadable")
    (imgs / f"{n}.jpg").write_bytes(b"not an image at all")
    n = take("image_too_small")
    cv2.imwrite(str(imgs / f"{n}.png"), np.zeros((8, 8, 3), np.uint8))
    (imgs / f"{n}.jpg").unlink()
    planted["image_too_small"] = f"images/train/{n}.png"
    n = take("image_format")
    from PIL import Image

    Image.new("RGB", (64, 64)).save(imgs / f"{n}.jpg", format="GIF")
    n = take("jpeg_end_missing")  # decodable, but no end marker: Ultralytics re-saves it
    data = (imgs / f"{n}.jpg").read_bytes()
    (imgs / f"{n}.jpg").write_bytes(data + b"\0\0")  # bytes after the end marker
    n = take("image_truncated")  # data cut off: Ultralytics drops it
    data = (imgs / f"{n}.jpg").read_bytes()
    (imgs / f"{n}.jpg").write_bytes(data[: len(data) // 2])
    n = take("exif_rotated")
    im = Image.open(imgs / f"{n}.jpg")
    exif = im.getexif()
    exif[274] = 6
    im.save(imgs / f"{n}.jpg", exif=exif.tobytes())
    n = take("tiny_box")
    _set(lbls / f"{n}.txt", (lbls / f"{n}.txt").read_text() + "1 0.5 0.5 0.002 0.1\n")
    n = take("extreme_aspect")
    _set(lbls / f"{n}.txt", (lbls / f"{n}.txt").read_text() + "1 0.5 0.5 0.6 0.02\n")
    n = take("class_conflict")
    row = (lbls / f"{n}.txt").read_text().splitlines()[0].split()
    row[0] = str((int(row[0]) + 1) % 5)
    _set(lbls / f"{n}.txt", (lbls / f"{n}.txt").read_text() + " ".join(row) + "\n")
    n = take("not_utf8")  # binary bytes in a label file: Ultralytics cannot read it and drops the image
    (lbls / f"{n}.txt").write_bytes((lbls / f"{n}.txt").read_bytes() + b"\xff\xfe\x00\x89PNG\r\n")
    n = take("unlabeled")
    (lbls / f"{n}.txt").unlink()
    _set(lbls / "ghost.txt", "0 0.5 0.5 0.1 0.1\n")
    planted["orphan_label"] = "labels/train/ghost.txt"
    return root, planted


def test_every_planted_problem_is_found(crafted) -> None:
    root, planted = crafted
    ds = open_dataset(root)
    survey = run_survey(ds, workers=1)
    report = check_survey(survey, ds.label_path)
    found: dict[str, set[str]] = {}
    for issue in report.issues:
        found.setdefault(issue.finding.code, set()).add(issue.image or str(issue.finding.path))
    expect = dict(planted)
    expect["out_of_range"] = planted["out_of_range"]
    negative = expect.pop("negative")
    assert negative in found["out_of_range"]
    for code, image in expect.items():
        if code == "orphan_label":
            assert any(p.endswith("ghost.txt") for p in found["orphan_label"])
            continue
        assert image in found.get(code, set()), code
    # the planted conflict and the short / thin boxes point at the right box
    conflict = next(i for i in report.issues if i.finding.code == "class_conflict")
    assert conflict.image == planted["class_conflict"] and conflict.box == 0
    tiny = next(i for i in report.issues if i.finding.code == "tiny_box")
    assert tiny.finding.line == len(load_yolo_labels(ds.label_path(tiny.image)).boxes)
    # nothing was modified: the truncated JPEG is still truncated
    assert not (root / planted["jpeg_end_missing"]).read_bytes().endswith(b"\xff\xd9")


def test_errors_are_what_ultralytics_rejects(crafted, tmp_path: Path) -> None:
    """Oracle: on a copy (Ultralytics rewrites truncated JPEGs), an image gets an error from
    studio exactly when verify_image_label calls it corrupt."""
    from ultralytics.data.utils import verify_image_label

    root, planted = crafted
    copy = tmp_path / "copy"
    shutil.copytree(root, copy)
    ds = open_dataset(copy)
    report = check_survey(run_survey(ds, workers=1), ds.label_path)
    errors = {i.image for i in report.issues if i.finding.severity is Severity.ERROR and i.image}
    corrupt = set()
    for rel in ds.scan_images().paths:
        res = verify_image_label((str(ds.image_path(rel)), str(ds.label_path(rel)), "", False, len(ds.classes), 0, 0,
                                  False))
        if res[8]:
            corrupt.add(rel)
    assert errors == corrupt
    assert len(corrupt) >= 10


def test_pixels_find_a_relabeled_box(crafted, tmp_path: Path) -> None:
    root, _planted = crafted
    copy = tmp_path / "copy"
    shutil.copytree(root, copy)
    ds = open_dataset(copy)
    names = ds.classes.names
    apple, grapes = names.index("apple"), names.index("grapes")
    # relabel two clearly visible apples as grapes
    changed = []
    for lbl in sorted((copy / "labels" / "train").glob("*.txt")):
        lines = lbl.read_text(errors="replace").splitlines()
        for k, ln in enumerate(lines):
            parts = ln.split()
            if len(parts) == 5 and int(parts[0]) == apple and float(parts[3]) > 0.15 and len(changed) < 2:
                parts[0] = str(grapes)
                lines[k] = " ".join(parts)
                changed.append((f"images/train/{lbl.stem}.jpg", k))
                break
        lbl.write_text("\n".join(lines) + "\n")
    survey = run_survey(ds, pixels=True, workers=1)
    report = check_survey(survey, ds.label_path)
    outliers = [i for i in report.issues if i.finding.code == "class_outlier"]
    flagged = {(i.image, i.box) for i in outliers}
    assert set(changed) <= flagged
    assert len(outliers) <= 0.05 * len(survey.box_class) + len(changed)
    assert all(i.finding.params["other"] == "apple" for i in outliers if (i.image, i.box) in set(changed))


def test_stats_agree_with_direct_counts(sample_dataset: Path, tmp_path: Path) -> None:
    ds = open_dataset(sample_dataset)
    (sample_dataset / "labels" / "val").joinpath("val_0000.txt").unlink()  # one unlabeled image
    survey = run_survey(ds, workers=1)
    st = dataset_stats(survey)
    rows = []
    for rel in ds.scan_images().paths:
        lf = load_yolo_labels(ds.label_path(rel))
        rows += [(rel, int(c), float(w) * 640 * float(h) * 480) for c, (_x, _y, w, h) in
                 zip(lf.boxes.class_id, lf.boxes.xywhn)]
    assert st.boxes == len(rows)
    for c in st.classes:
        mine = [r for r in rows if r[1] == c.class_id]
        assert c.boxes == len(mine) and c.images == len({r[0] for r in mine})
    areas = np.array([r[2] for r in rows])
    assert st.size_bands["small"] == int((areas < 32**2).sum())
    assert st.size_bands["large"] == int((areas >= 96**2).sum())
    assert st.unlabeled == 1 and st.negatives + st.labeled + st.unlabeled == st.images
    assert st.centers.sum() == len(rows)
    assert sum(st.boxes_per_image.values()) == st.labeled + st.negatives
    assert st.image_sizes == [(640, 480, st.images)]
    assert set(st.splits) == {"train", "val"}
    files = write_csv(st, tmp_path / "통계")
    assert (tmp_path / "통계" / "classes.csv").read_text(encoding="utf-8").splitlines()[1].startswith("0,apple,")
    assert len(files) == 6


def test_a_label_file_with_200000_rows_is_checked_in_bounded_memory(tmp_path: Path) -> None:
    """Comparisons between boxes are bounded: no N x N matrix (it would need 596 GiB here)."""
    import json
    import subprocess
    import sys

    from studio.core.dataset.sample import make_sample_dataset

    root = make_sample_dataset(tmp_path / "huge", n_train=3, n_val=0, with_photos=False)
    rng = np.random.default_rng(0)
    n = 200_000
    rows = np.c_[rng.integers(0, 5, n), rng.random((n, 2)), rng.uniform(0.002, 0.05, (n, 2))]
    np.savetxt(root / "labels" / "train" / "train_0000.txt", rows, fmt=["%d", "%.6f", "%.6f", "%.6f", "%.6f"])
    (root / "labels" / "train" / "train_0001.txt").write_text("1 0.5 0.5 0.2 0.2\n" * 50_000)  # piled up
    code = ("import json, resource, sys; from studio.cli import main; rc = main(['check', sys.argv[1], '--json']); "
            "print('RSS', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); sys.exit(rc)")
    done = subprocess.run([sys.executable, "-c", code, str(root)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout)
    rss_mb = int(done.stderr.split("RSS")[-1].split()[0]) / 1024
    print(f"peak RSS of studio check on 250,000 boxes: {rss_mb:.0f} MiB")
    assert rss_mb < 2048
    assert report["boxes"] >= n + 50_000
    assert report["counts"].get("class_conflict", 0) > 0  # found among the random boxes
    assert report["counts"]["too_many_overlaps"] == 1  # the piled-up file says it was only partly compared
