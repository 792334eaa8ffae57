"""Ultralytics' file rules: which files are images, and where an image's label file lives.

Example:
    >>> label_path_for("data/images/train/a.jpg").as_posix()
    'data/labels/train/a.txt'
    >>> label_path_for("photos/b.png").as_posix()
    'photos/b.txt'
"""

from __future__ import annotations

import os
import re
from pathlib import Path

#: Image suffixes Ultralytics trains on (``ultralytics.data.utils.IMG_FORMATS``).
IMG_FORMATS: frozenset[str] = frozenset(
    {"avif", "bmp", "dng", "heic", "heif", "jp2", "jpeg", "jpg", "mpo", "png", "tif", "tiff", "webp"})
STUDIO_DIR = ".studio"


def is_image_name(name: str) -> bool:
    """True when ``name`` has a suffix Ultralytics treats as an image (case-insensitive)."""
    dot = name.rfind(".")
    return dot > 0 and name[dot + 1:].lower() in IMG_FORMATS


def label_path_for(image_path: str | os.PathLike[str]) -> Path:
    """The label file of an image, by Ultralytics' ``img2label_paths`` rule.

    The last ``/images/`` path component becomes ``/labels/`` and the suffix ``.txt``;
    with no ``images`` component the label sits beside the image.
    """
    sa, sb = f"{os.sep}images{os.sep}", f"{os.sep}labels{os.sep}"
    return Path(sb.join(os.fspath(image_path).rsplit(sa, 1)).rsplit(".", 1)[0] + ".txt")


_DIGITS = re.compile(r"(\d+)")


def _pad(match: re.Match[str]) -> str:
    return match.group().rjust(24, "0")


def natural_key(text: str) -> str:
    """Sort key that orders ``img2`` before ``img10`` (case-insensitive).

    Digit runs are left-padded to a fixed width: a plain string key sorts 3x faster than
    a tuple key, which matters when 100,000 names are sorted before the first paint.
    """
    return _DIGITS.sub(_pad, text.lower())
