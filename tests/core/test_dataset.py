"""Dataset layouts, class files and their write-back."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
import yaml

from studio.core.dataset.layout import DatasetError, Layout, open_dataset
from studio.core.labels.classes import ClassFileError, ClassSource, replace_yaml_names


def _img(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    ok, buf = cv2.imencode(".png", np.zeros((12, 16, 3), np.uint8))
    path.write_bytes(buf.tobytes())


def test_sample_dataset_opens_as_ultralytics(sample_dataset: Path) -> None:
    ds = open_dataset(sample_dataset)
    assert ds.layout is Layout.ULTRALYTICS
    assert ds.classes.names == ["apple", "banana", "orange", "lemon", "grapes"]
    listing = ds.scan_images()
    assert len(listing) == 14 and listing.splits.count("train") == 10
    first = listing.paths[0]
    assert ds.label_path(first) == sample_dataset / "labels" / "train" / "train_0000.txt"
    assert ds.label_path(first).exists()


def test_open_yaml_file_directly_with_path_key_and_list_splits(tmp_path: Path) -> None:
    root = tmp_path / "ds"
    _img(root / "images" / "a" / "1.png")
    _img(root / "images" / "b" / "2.png")
    _img(root / "images" / "v" / "3.png")
    (root / "val.txt").write_text("./images/v/3.png\n", encoding="utf-8")
    yml = tmp_path / "cfg" / "mine.yaml"
    yml.parent.mkdir()
    yml.write_text(f"path: {root}\ntrain: [images/a, images/b]\nval: val.txt\nnames: [cat, dog]\n",
                   encoding="utf-8")
    ds = open_dataset(yml)
    listing = ds.scan_images()
    assert ds.root == root and ds.classes.names == ["cat", "dog"]
    assert listing.paths == ["images/a/1.png", "images/b/2.png", "images/v/3.png"]
    assert listing.splits == ["train", "train", "val"]


def test_relative_path_key_is_taken_from_the_yaml_folder(tmp_path: Path) -> None:
    _img(tmp_path / "data" / "images" / "train" / "1.png")
    (tmp_path / "data.yaml").write_text("path: data\ntrain: images/train\nval: images/train\n"
                                        "names: {0: a}\n", encoding="utf-8")
    ds = open_dataset(tmp_path)
    assert ds.root == (tmp_path / "data").resolve()
    assert len(ds.scan_images()) == 1


def test_labelimg_folder_with_classes_txt(tmp_path: Path) -> None:
    _img(tmp_path / "x1.png")
    _img(tmp_path / "sub" / "x2.png")
    (tmp_path / "classes.txt").write_text("사과\nbanana\n", encoding="utf-8")
    ds = open_dataset(tmp_path)
    assert ds.layout is Layout.LABELIMG and ds.classes.names == ["사과", "banana"]
    assert ds.scan_images().paths == ["sub/x2.png", "x1.png"]
    assert ds.label_path("x1.png") == tmp_path / "x1.txt"


def test_bare_folder_creates_classes_txt_on_first_class(tmp_path: Path) -> None:
    _img(tmp_path / "한글 폴더" / "b.png")
    (tmp_path / ".hidden").mkdir()
    _img(tmp_path / ".hidden" / "no.png")
    ds = open_dataset(tmp_path)
    assert ds.layout is Layout.FOLDER
    assert ds.scan_images().paths == ["한글 폴더/b.png"]
    assert ds.classes.add("cat") == 0
    assert (tmp_path / "classes.txt").read_text(encoding="utf-8") == "cat\n"


def test_images_tree_without_yaml_writes_a_data_yaml(tmp_path: Path) -> None:
    _img(tmp_path / "images" / "train" / "1.png")
    _img(tmp_path / "images" / "val" / "2.png")
    ds = open_dataset(tmp_path)
    assert [s.name for s in ds.splits] == ["train", "val"]
    ds.classes.add("person")
    data = yaml.safe_load((tmp_path / "data.yaml").read_text(encoding="utf-8"))
    assert data == {"train": "images/train", "val": "images/val", "names": {0: "person"}}


def test_malformed_yaml_opens_images_without_touching_the_file(tmp_path: Path) -> None:
    _img(tmp_path / "images" / "train" / "1.png")
    bad = "train: images/train\nnames: [a, b\n"
    (tmp_path / "data.yaml").write_text(bad, encoding="utf-8")
    ds = open_dataset(tmp_path)
    assert [f.code for f in ds.findings] == ["yaml_malformed"]
    assert ds.findings[0].path == (tmp_path / "data.yaml").resolve()
    assert len(ds.scan_images()) == 1
    assert ds.classes.source is ClassSource.NONE
    ds.classes.add("x")  # kept in memory only: the broken file is never rewritten
    assert (tmp_path / "data.yaml").read_text(encoding="utf-8") == bad


def test_missing_split_folder_is_a_warning(tmp_path: Path) -> None:
    _img(tmp_path / "images" / "train" / "1.png")
    (tmp_path / "data.yaml").write_text("train: images/train\nval: images/nope\nnames: [a]\n",
                                        encoding="utf-8")
    ds = open_dataset(tmp_path)
    assert [f.code for f in ds.findings] == ["yaml_split_missing"]
    assert len(ds.scan_images()) == 1


def test_missing_or_file_path_raises_dataset_error(tmp_path: Path) -> None:
    with pytest.raises(DatasetError):
        open_dataset(tmp_path / "nope")
    (tmp_path / "f.txt").write_text("x")
    with pytest.raises(DatasetError):
        open_dataset(tmp_path / "f.txt")


def test_unreadable_subfolder_is_reported_and_skipped(tmp_path: Path) -> None:
    import os

    _img(tmp_path / "ok" / "1.png")
    _img(tmp_path / "locked" / "2.png")
    (tmp_path / "locked").chmod(0)
    try:
        ds = open_dataset(tmp_path)
        listing = ds.scan_images()
        if os.geteuid() != 0:  # root reads everything
            assert [f.code for f in listing.findings] == ["folder_unreadable"]
        assert "ok/1.png" in listing.paths
    finally:
        (tmp_path / "locked").chmod(0o755)


def test_yaml_names_rewrite_keeps_comments_and_ids(tmp_path: Path) -> None:
    text = ("# my dataset\npath: /data  # root\ntrain: images/train\nval: images/val\n"
            "nc: 2\nnames:\n  - cat\n  - dog\n\ndownload: |\n  echo hi\n")
    (tmp_path / "data.yaml").write_text(text, encoding="utf-8")
    _img(tmp_path / "images" / "train" / "1.png")
    ds = open_dataset(tmp_path / "data.yaml")
    ds.classes.rename(0, "고양이")
    ds.classes.add("bird: small")
    new = (tmp_path / "data.yaml").read_text(encoding="utf-8")
    assert new.startswith("# my dataset\npath: /data  # root\ntrain: images/train\nval: images/val\n")
    assert "download: |\n  echo hi\n" in new
    data = yaml.safe_load(new)
    assert data["names"] == {0: "고양이", 1: "dog", 2: "bird: small"} and data["nc"] == 3
    assert open_dataset(tmp_path / "data.yaml").classes.names == ["고양이", "dog", "bird: small"]


def test_rename_to_existing_name_is_refused_and_file_unchanged(tmp_path: Path) -> None:
    (tmp_path / "classes.txt").write_text("a\nb\n", encoding="utf-8")
    ds = open_dataset(tmp_path)
    with pytest.raises(ClassFileError):
        ds.classes.rename(1, "a")
    assert (tmp_path / "classes.txt").read_text(encoding="utf-8") == "a\nb\n"
    assert ds.classes.names == ["a", "b"]


def test_replace_yaml_names_flow_style_and_missing_names() -> None:
    assert yaml.safe_load(replace_yaml_names("train: t\nnames: {0: a}\nval: v\n", ["a", "b"])) == {
        "train": "t", "val": "v", "names": {0: "a", 1: "b"}}
    assert yaml.safe_load(replace_yaml_names("train: t", ["x"])) == {"train": "t", "names": {0: "x"}}


def test_ultralytics_reads_our_written_yaml(tmp_path: Path) -> None:
    """Oracle: Ultralytics' own dataset check accepts a data.yaml studio wrote."""
    from ultralytics.data.utils import check_det_dataset

    _img(tmp_path / "images" / "train" / "1.png")
    _img(tmp_path / "images" / "val" / "2.png")
    ds = open_dataset(tmp_path)
    ds.classes.add("사과")
    ds.classes.add("banana")
    info = check_det_dataset(str(tmp_path / "data.yaml"), autodownload=False)
    assert info["names"] == {0: "사과", 1: "banana"} and info["nc"] == 2
    assert Path(info["train"]) == (tmp_path / "images" / "train").resolve()


def test_the_listing_streams_and_ends_naturally_sorted(tmp_path: Path) -> None:
    from studio.core.dataset.layout import open_dataset

    folder = tmp_path / "사진"
    folder.mkdir()
    for i in range(300):
        (folder / f"img{i}.jpg").write_bytes(b"x")
    ds = open_dataset(folder)
    snapshots = list(ds.scan_progressively(first_after=1, every_s=0.0))
    first, (last, done) = snapshots[0][0], snapshots[-1]
    assert len(first) == 1 and not snapshots[0][1]  # something to show at once
    assert done and last.paths == ds.scan_images().paths == [f"img{i}.jpg" for i in range(300)]
    sizes = [len(s) for s, _ in snapshots]
    assert sizes == sorted(sizes) and len(set(sizes)) > 2  # it grew in steps
