"""Importing labels from other tools: oracles (Ultralytics' convert_coco, LabelImg's formula),
round trips, never overwriting, and a per-file message for each kind of bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest

from studio.core.dataset.layout import open_dataset
from studio.core.interchange.importer import apply_plan, plan_import
from studio.core.labels.yolo import load_yolo_labels

NAMES = ["apple", "banana", "orange", "lemon", "grapes"]


def _truth(dataset: Path) -> dict[str, tuple[np.ndarray, tuple[int, int]]]:
    """Each image's YOLO rows and real (w, h), read before the labels are taken away."""
    ds = open_dataset(dataset)
    out = {}
    for rel in ds.scan_images().paths:
        lf = load_yolo_labels(ds.label_path(rel))
        h, w = cv2.imread(str(ds.image_path(rel))).shape[:2]
        out[rel] = (np.column_stack([lf.boxes.class_id, lf.boxes.xywhn]), (w, h))
    return out


def _unlabel(dataset: Path) -> None:
    for txt in (dataset / "labels").rglob("*.txt"):
        txt.unlink()


def _import(dataset: Path, src: Path, fmt: str, **kw) -> object:
    ds = open_dataset(dataset)
    plan = plan_import(ds, src, fmt, **kw)
    list(apply_plan(ds, plan))
    return plan


def _rows(dataset: Path, rel: str) -> np.ndarray:
    ds = open_dataset(dataset)
    lf = load_yolo_labels(ds.label_path(rel))
    return np.column_stack([lf.boxes.class_id, lf.boxes.xywhn])


def _coco(truth: dict, path: Path) -> Path:
    images, anns = [], []
    for k, (rel, (rows, (w, h))) in enumerate(sorted(truth.items()), 1):
        images.append({"id": k, "file_name": Path(rel).name, "width": w, "height": h})
        for c, cx, cy, bw, bh in rows:
            anns.append({"id": len(anns) + 1, "image_id": k, "category_id": int(c) + 1, "iscrowd": 0,
                         "bbox": [(cx - bw / 2) * w, (cy - bh / 2) * h, bw * w, bh * h]})
    anns.append({"id": 9999, "image_id": 1, "category_id": 1, "iscrowd": 1, "bbox": [1, 1, 5, 5]})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"images": images, "annotations": anns,
                                "categories": [{"id": i + 1, "name": n} for i, n in enumerate(NAMES)]}))
    return path


def test_coco_rows_equal_ultralytics_convert_coco(sample_dataset: Path, tmp_path: Path) -> None:
    from ultralytics.data.converter import convert_coco

    truth = _truth(sample_dataset)
    _unlabel(sample_dataset)
    coco = _coco(truth, tmp_path / "coco" / "instances_fruit.json")
    convert_coco(str(coco.parent), str(tmp_path / "converted"), cls91to80=False)
    plan = _import(sample_dataset, coco, "coco")
    assert plan.counts == {"crowd annotations": 1}
    for rel in truth:
        ours = _rows(sample_dataset, rel)
        ref_file = tmp_path / "converted" / "labels" / "fruit" / (Path(rel).stem + ".txt")
        ref = np.loadtxt(ref_file, ndmin=2) if ref_file.exists() else np.zeros((0, 5))
        # studio maps categories by name and convert_coco by id - 1; with ids in class order they agree
        # both sides are written to 6 digits (studio: 6 decimals, convert_coco: %g), so 1e-6 is the bound
        assert ours.shape == ref.shape and np.abs(ours - ref).max(initial=0) <= 1e-6 + 1e-12, rel


def test_labelme_round_trip_and_polygons(sample_dataset: Path, tmp_path: Path) -> None:
    truth = _truth(sample_dataset)
    _unlabel(sample_dataset)
    src = tmp_path / "labelme"
    src.mkdir()
    for rel, (rows, (w, h)) in truth.items():
        shapes = [{"label": NAMES[int(c)], "shape_type": "rectangle", "flags": {},
                   "points": [[(cx - bw / 2) * w, (cy - bh / 2) * h], [(cx + bw / 2) * w, (cy + bh / 2) * h]]}
                  for c, cx, cy, bw, bh in rows]
        shapes.append({"label": "apple", "shape_type": "circle", "points": [[5, 5], [9, 9]]})
        (src / (Path(rel).stem + ".json")).write_text(json.dumps({
            "shapes": shapes, "imagePath": "..\\images\\" + Path(rel).name, "imageData": "aGVsbG8=",
            "imageWidth": w, "imageHeight": h}))
    plan = _import(sample_dataset, src, "labelme")
    assert plan.counts == {"circle shapes": len(truth)}
    for rel, (rows, _wh) in truth.items():
        assert np.abs(_rows(sample_dataset, rel) - rows).max(initial=0) <= 1e-6 + 1e-12, rel  # 6 decimals twice
    assert not any(b"aGVsbG8" in p.read_bytes() for p in (sample_dataset / "labels").rglob("*.txt"))


def test_voc_uses_labelimg_convention_and_reports_bad_input(sample_dataset: Path, tmp_path: Path) -> None:
    truth = _truth(sample_dataset)
    _unlabel(sample_dataset)
    src = tmp_path / "voc"
    src.mkdir()
    rel, (_rows0, (w, h)) = sorted(truth.items())[0]
    name = Path(rel).name
    objects = [("apple", 0, 10, 100, 60, 1), ("lemon", 20.7, 30, 200, 90, 0),  # xmin 0 -> 1, 20.7 -> 20
               ("orange", w + 5, 1, w + 50, 40, 0), ("banana", 50, 50, 50, 80, 0), ("pear", 10, 10, 30, 30, 0)]
    xml = "".join(f"<object><name>{n}</name><difficult>{d}</difficult><bndbox><xmin>{a}</xmin><ymin>{b}</ymin>"
                  f"<xmax>{c}</xmax><ymax>{e}</ymax></bndbox></object>" for n, a, b, c, e, d in objects)
    (src / "good.xml").write_text(f"<annotation><filename>{name}</filename><size><width>{w + 1}</width>"
                                  f"<height>{h}</height><depth>3</depth></size>{xml}</annotation>")
    (src / "broken.xml").write_text("<annotation><filename>x.jpg</filename>")
    (src / "elsewhere.xml").write_text("<annotation><filename>nowhere.jpg</filename></annotation>")
    plan = _import(sample_dataset, src, "voc", skip_difficult=False)
    messages = [(p, m) for p, m in plan.file_problems] + [(i.source, m) for i in plan.items for m in i.problems]
    text = "\n".join(f"{Path(p).name}: {m}" for p, m in messages)
    assert "broken.xml: not a valid voc file (ValueError: malformed XML" in text
    assert "elsewhere.xml: unknown image 'nowhere.jpg'" in text
    assert f"good.xml: the file says the image is {w + 1}x{h}, it is {w}x{h}" in text
    assert "good.xml: 'orange' box" in text and "is outside the" in text
    assert "good.xml: 'banana' box" in text and "has zero size" in text
    assert plan.new_classes == ["pear"]
    rows = _rows(sample_dataset, rel)
    expected = [[0, (1 + 100) / 2 / w, (10 + 60) / 2 / h, (100 - 1) / w, (60 - 10) / h],
                [3, (20 + 200) / 2 / w, (30 + 90) / 2 / h, (200 - 20) / w, (90 - 30) / h],
                [5, 20 / w, 20 / h, 20 / w, 20 / h]]
    assert np.abs(rows - np.array(expected)).max() < 1e-6
    assert open_dataset(sample_dataset).classes.names[-1] == "pear"


def test_existing_labels_are_skipped_merged_or_replaced_and_dry_run_writes_nothing(sample_dataset: Path,
                                                                                   tmp_path: Path) -> None:
    truth = _truth(sample_dataset)
    coco = _coco(truth, tmp_path / "c.json")
    ds = open_dataset(sample_dataset)
    rel = sorted(truth)[0]
    label = ds.label_path(rel)
    label.write_text("4 0.1 0.1 0.05 0.05\n")  # a human's, not in the COCO file
    before = {p: p.read_bytes() for p in (sample_dataset / "labels").rglob("*.txt")}
    plan = plan_import(ds, coco, "coco")
    assert {i.action for i in plan.items} == {"skip"}
    list(apply_plan(ds, plan))
    assert {p: p.read_bytes() for p in (sample_dataset / "labels").rglob("*.txt")} == before
    done = subprocess.run([sys.executable, "-m", "studio.cli", "import", str(coco), str(sample_dataset),
                           "--from", "coco", "--mode", "replace", "--dry-run"], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0 and f"replace  {rel}" in done.stdout
    assert {p: p.read_bytes() for p in (sample_dataset / "labels").rglob("*.txt")} == before
    _import(sample_dataset, coco, "coco", mode="merge")
    merged = _rows(sample_dataset, rel)
    assert len(merged) == len(truth[rel][0]) + 1  # the human box kept, the imported ones added once
    _import(sample_dataset, coco, "coco", mode="merge")  # again (a resumed import): nothing doubles
    assert len(_rows(sample_dataset, rel)) == len(merged)
    _import(sample_dataset, coco, "coco", mode="replace")
    assert np.abs(_rows(sample_dataset, rel) - truth[rel][0]).max() < 1e-6


def test_strings_as_coordinates_and_malformed_json_are_named(sample_dataset: Path, tmp_path: Path) -> None:
    src = tmp_path / "lm"
    src.mkdir()
    (src / "a.json").write_text(json.dumps({"imagePath": "train_0000.jpg", "imageWidth": 640, "imageHeight": 480,
                                            "shapes": [{"label": "apple", "shape_type": "rectangle",
                                                        "points": [["10", 10], [50, 50]]}]}))
    (src / "b.json").write_text("{not json")
    plan = plan_import(open_dataset(sample_dataset), src, "labelme")
    assert any("a.json" in i.source and "given as text" in p for i in plan.items for p in i.problems)
    assert any(Path(f).name == "b.json" and "not a valid labelme file" in m for f, m in plan.file_problems)


@pytest.mark.parametrize("fmt", ["voc", "cvat"])
def test_xml_with_entities_is_refused(sample_dataset: Path, tmp_path: Path, fmt: str) -> None:
    bomb = tmp_path / "bomb.xml"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
                    f"<{'annotation' if fmt == 'voc' else 'annotations'}>&b;</x>")
    plan = plan_import(open_dataset(sample_dataset), bomb, fmt)
    assert plan.file_problems and not plan.items


def _labelimg_oracle():
    """LabelImg 1.8.6's own code: its VOC reader, its YOLO line writer, and the corner rule of
    ``LabelFile.convert_points_to_bnd_box`` (taken from its source; that module needs Qt 5)."""
    import ast
    import importlib.util

    from libs.pascal_voc_io import PascalVocReader
    from libs.yolo_io import YOLOWriter

    source = Path(importlib.util.find_spec("libs.labelFile").origin).read_text(encoding="utf-8")
    fn = next(n for n in ast.walk(ast.parse(source))
              if isinstance(n, ast.FunctionDef) and n.name == "convert_points_to_bnd_box")
    fn.decorator_list = []
    space: dict = {}
    exec(compile(ast.Module([fn], []), "labelFile.py", "exec"), space)  # noqa: S102 - the oracle's own code
    return PascalVocReader, YOLOWriter, space["convert_points_to_bnd_box"]


def test_voc_rows_equal_labelimg_own_yolo_writer(sample_dataset: Path, tmp_path: Path) -> None:
    reader_cls, writer_cls, to_bnd_box = _labelimg_oracle()
    truth = _truth(sample_dataset)
    _unlabel(sample_dataset)
    src = tmp_path / "voc"
    src.mkdir()
    rng = np.random.default_rng(5)
    for rel, (rows, (w, h)) in truth.items():
        objs = ""
        for c, cx, cy, bw, bh in rows:  # LabelImg stores integer corners; add some off-by-one edges
            x1, y1 = int((cx - bw / 2) * w) - int(rng.integers(0, 2)), int((cy - bh / 2) * h)
            objs += (f"<object><name>{NAMES[int(c)]}</name><difficult>0</difficult><bndbox><xmin>{max(x1, 0)}</xmin>"
                     f"<ymin>{y1}</ymin><xmax>{int((cx + bw / 2) * w)}</xmax><ymax>{int((cy + bh / 2) * h)}</ymax>"
                     f"</bndbox></object>")
        (src / (Path(rel).stem + ".xml")).write_text(
            f"<annotation><folder>images</folder><filename>{Path(rel).name}</filename><size><width>{w}</width>"
            f"<height>{h}</height><depth>3</depth></size>{objs}</annotation>")
    _import(sample_dataset, src, "voc")
    for rel, (_rows0, (w, h)) in truth.items():
        shapes = reader_cls(str(src / (Path(rel).stem + ".xml"))).get_shapes()
        writer = writer_cls("images", Path(rel).name, [h, w, 3])
        expected = []
        for name, points, *_rest in shapes:
            x1, y1, x2, y2 = to_bnd_box(points)
            expected.append(writer.bnd_box_to_yolo_line({"xmin": x1, "ymin": y1, "xmax": x2, "ymax": y2,
                                                         "name": name}, list(NAMES)))
        ours = _rows(sample_dataset, rel)
        assert ours.shape == (len(expected), 5), rel
        assert np.abs(ours - np.array(expected, np.float64).reshape(-1, 5)).max(initial=0) <= 5e-7 + 1e-12, rel


def test_an_imported_dataset_passes_ultralytics_checks(sample_dataset: Path, tmp_path: Path) -> None:
    from ultralytics.data.utils import check_det_dataset, verify_image_label

    truth = _truth(sample_dataset)
    _unlabel(sample_dataset)
    _import(sample_dataset, _coco(truth, tmp_path / "c.json"), "coco")
    info = check_det_dataset(str(sample_dataset / "data.yaml"))
    assert info["nc"] == 5
    ds = open_dataset(sample_dataset)
    for rel in truth:
        out = verify_image_label((str(ds.image_path(rel)), str(ds.label_path(rel)), "", False, 5, 0, 0, False))
        assert out[0] is not None and out[-1] == "", (rel, out[-1])  # image kept, no warning


@pytest.mark.parametrize("fmt, bound", [("labelme", 1e-6), ("coco", 1e-6), ("voc", None)])
def test_export_then_import_gives_the_rows_back(sample_dataset: Path, tmp_path: Path, fmt: str, bound) -> None:
    truth = _truth(sample_dataset)
    out = tmp_path / "exported"
    done = subprocess.run([sys.executable, "-m", "studio.cli", "export", str(sample_dataset), str(out),
                           "--format", fmt], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    _unlabel(sample_dataset)
    plan = _import(sample_dataset, out / "annotations.json" if fmt == "coco" else out, fmt)
    assert not [p for i in plan.items for p in i.problems] and not plan.file_problems and not plan.new_classes
    for rel, (rows, (w, h)) in truth.items():
        back = _rows(sample_dataset, rel)
        assert back.shape == rows.shape and (back[:, 0] == rows[:, 0]).all(), rel
        if bound is not None:
            assert np.abs(back - rows).max(initial=0) <= bound + 1e-12, rel
        else:  # VOC stores integer pixels: every corner within one pixel
            # (LabelImg writes a corner at 0 as 1; the rows themselves carry 6 decimals, ~1e-3 px)
            assert np.abs(_corners(back, w, h) - _corners(rows, w, h)).max(initial=0) <= 1.0 + 1e-3, rel


def _corners(rows: np.ndarray, w: int, h: int) -> np.ndarray:
    """Pixel corners of YOLO rows."""
    return np.column_stack([(rows[:, 1] - rows[:, 3] / 2) * w, (rows[:, 2] - rows[:, 4] / 2) * h,
                            (rows[:, 1] + rows[:, 3] / 2) * w, (rows[:, 2] + rows[:, 4] / 2) * h])


def test_cvat_boxes_rotated_boxes_and_labelme_polygons(sample_dataset: Path, tmp_path: Path) -> None:
    _unlabel(sample_dataset)
    cvat = tmp_path / "annotations.xml"
    cvat.write_text('<?xml version="1.0"?><annotations><version>1.1</version>'
                    '<image id="0" name="images/train/train_0000.jpg" width="640" height="480">'
                    '<box label="apple" occluded="0" xtl="100" ytl="100" xbr="200" ybr="150"></box>'
                    '<box label="lemon" occluded="0" xtl="300" ytl="300" xbr="400" ybr="340" rotation="90"></box>'
                    '<polygon label="apple" points="1,1;5,5;1,5"></polygon></image></annotations>')
    plan = _import(sample_dataset, cvat, "cvat")
    assert plan.counts == {"rotated boxes (taken as their axis-aligned bounds)": 1,
                           "polygons, points and other non-box shapes": 1}
    rows = _rows(sample_dataset, "images/train/train_0000.jpg")
    assert np.abs(rows - np.array([[0, 150 / 640, 125 / 480, 100 / 640, 50 / 480],
                                   [3, 350 / 640, 320 / 480, 40 / 640, 100 / 480]])).max() < 1e-6
    src = tmp_path / "lm"
    src.mkdir()
    poly = [[100, 100], [200, 120], [150, 200]]
    (src / "p.json").write_text(json.dumps({"imagePath": "train_0001.jpg", "imageWidth": 640, "imageHeight": 480,
                                            "shapes": [{"label": "banana", "shape_type": "polygon",
                                                        "points": poly}]}))
    _import(sample_dataset, src, "labelme")
    assert np.abs(_rows(sample_dataset, "images/train/train_0001.jpg")
                  - [[1, 150 / 640, 150 / 480, 100 / 640, 100 / 480]]).max() < 1e-6
    _import(sample_dataset, src, "labelme", segments=True, mode="replace")
    text = open_dataset(sample_dataset).label_path("images/train/train_0001.jpg").read_text()
    assert text.startswith("1 0.156250 0.208333 0.312500 0.250000 0.234375 0.416667")
    from ultralytics.data.utils import verify_image_label

    ds = open_dataset(sample_dataset)
    rel = "images/train/train_0001.jpg"
    out = verify_image_label((str(ds.image_path(rel)), str(ds.label_path(rel)), "", False, 5, 0, 0, False))
    assert out[-1] == "" and len(out[3]) == 1  # Ultralytics reads the row as one segment


def test_coco_category_ids_out_of_class_order_map_by_name_unlike_convert_coco(sample_dataset: Path,
                                                                            tmp_path: Path) -> None:
    """Where studio (by name) and convert_coco (by id - 1) differ, studio follows the names."""
    from ultralytics.data.converter import convert_coco

    truth = _truth(sample_dataset)
    _unlabel(sample_dataset)
    coco = _coco(truth, tmp_path / "coco" / "instances_x.json")
    data = json.loads(coco.read_text())
    for c in data["categories"]:
        c["id"] = 10 + c["id"]  # ids 11..15, still in class order by name
    for a in data["annotations"]:
        a["category_id"] += 10
    data["categories"].reverse()
    coco.write_text(json.dumps(data))
    convert_coco(str(coco.parent), str(tmp_path / "converted"), cls91to80=False)
    _import(sample_dataset, coco, "coco")
    rel = next(r for r, (rows, _wh) in truth.items() if len(rows))
    ours = _rows(sample_dataset, rel)
    theirs = np.loadtxt(tmp_path / "converted" / "labels" / "x" / (Path(rel).stem + ".txt"), ndmin=2)
    assert (ours[:, 0] == truth[rel][0][:, 0]).all()  # by name: the dataset's own classes
    assert (theirs[:, 0] == truth[rel][0][:, 0] + 10).all()  # by id - 1: ids past the class list
    assert np.abs(ours[:, 1:] - theirs[:, 1:]).max() <= 1e-6 + 1e-12  # the boxes agree
