"""The display cache: bounded by bytes, previews for large images, clear errors."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from studio.core.dataset.imageio import ImageReadError
from studio.ui.annotate.image_loader import DisplayCache


def test_cache_bounded_and_previews(qapp, tmp_path: Path) -> None:
    small = np.zeros((30, 40, 3), np.uint8)
    paths = []
    for i in range(5):
        p = tmp_path / f"{i}.png"
        cv2.imwrite(str(p), small)
        paths.append(str(p))
    cache = DisplayCache(max_bytes=3 * 30 * 40 * 3 + 100)
    for p in paths:
        item = cache.load(p)
        assert item.size_wh == (40, 30) and item.preview is None
    assert len(cache) == 3 and cache.get(paths[0]) is None and cache.get(paths[-1]) is not None
    big = tmp_path / "big.png"
    cv2.imwrite(str(big), np.zeros((3000, 4000, 3), np.uint8))
    item = DisplayCache().load(str(big))
    assert item.size_wh == (4000, 3000) and item.preview.width() == 2048


def test_errors_propagate(qapp, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"nope")
    with pytest.raises(ImageReadError):
        DisplayCache().load(str(bad))
