"""Ultralytics' path rules, checked against Ultralytics itself."""

from __future__ import annotations

import os

import pytest

from studio.core.dataset.paths import IMG_FORMATS, is_image_name, label_path_for, natural_key


def test_image_formats_match_ultralytics() -> None:
    from ultralytics.data.utils import IMG_FORMATS as ULTRA

    assert IMG_FORMATS == frozenset(ULTRA)


@pytest.mark.parametrize("path", [
    "data/images/train/a.jpg",
    "/abs/images/x/images/val/b.PNG",
    "photos/c.jpeg",
    "데이터 셋/images/훈련/사과 1.jpg",
    "images/top.webp",
    "/d/my.images.folder/images/x.tar.jpg",
    "rel/imagesX/images_/z.bmp",
])
def test_label_path_matches_ultralytics(path: str) -> None:
    from ultralytics.data.utils import img2label_paths

    path = path.replace("/", os.sep)
    assert str(label_path_for(path)) == str(__import__("pathlib").Path(img2label_paths([path])[0]))


def test_is_image_name() -> None:
    assert is_image_name("A.JPG") and is_image_name("x.tiff") and is_image_name("사진.heic")
    assert not is_image_name("a.txt") and not is_image_name(".jpg") and not is_image_name("jpg")


def test_natural_sort() -> None:
    names = ["img10.jpg", "img2.jpg", "Img1.jpg", "img02b.jpg"]
    assert sorted(names, key=natural_key) == ["Img1.jpg", "img2.jpg", "img02b.jpg", "img10.jpg"]
