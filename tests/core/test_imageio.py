"""Decoding matches Ultralytics' loader pixel for pixel; bad files give clear errors."""

from __future__ import annotations

import io
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image

from studio.core.dataset.imageio import ImageReadError, read_image, read_image_size


def _photo(h: int = 30, w: int = 40) -> np.ndarray:
    rng = np.random.default_rng(0)
    img = rng.integers(0, 255, (h, w, 3), dtype=np.uint8)
    img[:5, :10] = (0, 0, 255)  # a red corner to see orientation
    return img


def _exif_jpeg(path: Path, orientation: int) -> None:
    im = Image.fromarray(cv2.cvtColor(_photo(), cv2.COLOR_BGR2RGB))
    exif = Image.Exif()
    exif[274] = orientation
    im.save(path, "JPEG", exif=exif, quality=95)


def _cases(tmp: Path) -> list[Path]:
    out = []
    for orientation in (1, 3, 6, 8, 5):
        p = tmp / f"회전 {orientation}.jpg"
        _exif_jpeg(p, orientation)
        out.append(p)
    p = tmp / "plain.png"
    cv2.imwrite(str(p), _photo())
    out.append(p)
    p = tmp / "gray.png"
    cv2.imwrite(str(p), _photo()[..., 0])
    out.append(p)
    p = tmp / "deep.png"
    cv2.imwrite(str(p), (_photo().astype(np.uint16) * 257))
    out.append(p)
    p = tmp / "rgba.png"
    cv2.imwrite(str(p), np.dstack([_photo(), np.full((30, 40), 128, np.uint8)]))
    out.append(p)
    p = tmp / "a.tif"
    cv2.imwrite(str(p), _photo())
    out.append(p)
    p = tmp / "a.webp"
    cv2.imwrite(str(p), _photo())
    out.append(p)
    p = tmp / "a.bmp"
    cv2.imwrite(str(p), _photo())
    out.append(p)
    return out


def test_pixels_match_ultralytics_loader(tmp_path: Path) -> None:
    from ultralytics.utils.patches import imread

    for path in _cases(tmp_path):
        ours = read_image(path)
        theirs = imread(str(path), cv2.IMREAD_COLOR)
        assert ours.shape == theirs.shape, path.name
        np.testing.assert_array_equal(ours, theirs, err_msg=path.name)


def test_exif_rotation_applied_and_size_agrees(tmp_path: Path) -> None:
    _exif_jpeg(tmp_path / "r6.jpg", 6)
    img = read_image(tmp_path / "r6.jpg")
    assert img.shape[:2] == (40, 30)
    assert read_image_size(tmp_path / "r6.jpg") == (30, 40)
    # the red corner moved to the top-right after a 90° clockwise turn
    assert img[2, -3, 2] > 200 and img[2, -3, 0] < 60


def test_sizes_match_decoded_shapes(tmp_path: Path) -> None:
    for path in _cases(tmp_path):
        h, w = read_image(path).shape[:2]
        assert read_image_size(path) == (w, h), path.name


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"),
    (b"this is not an image at all", "not a readable image"),
    (b"\xff\xd8\xff\xe0" + b"\x00" * 20, "not a readable image"),
])
def test_bad_files_raise_clear_errors(tmp_path: Path, content: bytes, reason: str) -> None:
    p = tmp_path / "사진.jpg"
    p.write_bytes(content)
    with pytest.raises(ImageReadError, match=reason) as info:
        read_image(p)
    assert info.value.path == p
    with pytest.raises(ImageReadError):
        read_image_size(p)


def test_truncated_jpeg_is_decoded_or_reported_never_modified(tmp_path: Path) -> None:
    buf = io.BytesIO()
    Image.fromarray(_photo(200, 300)).save(buf, "JPEG")
    data = buf.getvalue()[: len(buf.getvalue()) // 2]
    p = tmp_path / "half.jpg"
    p.write_bytes(data)
    try:
        img = read_image(p)
        assert img.shape == (200, 300, 3)
    except ImageReadError:
        pass
    assert p.read_bytes() == data  # Ultralytics would rewrite it; studio never does


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImageReadError, match="not found"):
        read_image(tmp_path / "none.jpg")
