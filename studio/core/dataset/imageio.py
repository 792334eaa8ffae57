"""Image decoding that shows the pixels Ultralytics' training loader sees.

``read_image`` follows ``ultralytics.utils.patches.imread(path, cv2.IMREAD_COLOR)``: bytes
via ``np.fromfile`` (non-ASCII paths work everywhere), ``cv2.imdecode`` (EXIF orientation
applied), first page of color TIFFs, 16-bit reduced by ``>> 8``, Pillow for AVIF/HEIC.
It never modifies the file (Ultralytics rewrites "corrupt" JPEGs in place; studio does not).

Example:
    >>> img = read_image("resources/sample/images/val/val_0000.jpg")  # doctest: +SKIP
    >>> img.shape, img.dtype  # doctest: +SKIP
    ((480, 640, 3), dtype('uint8'))
"""

from __future__ import annotations

import os
from pathlib import Path

import cv2
import numpy as np

from studio.core.findings import Finding, Severity
from studio.core.i18n import QT_TRANSLATE_NOOP

PIL_SUFFIXES = (".avif", ".heic", ".heif")
MIN_SIZE = 10  # Ultralytics rejects images under 10 px


class ImageReadError(OSError):
    """An image could not be decoded; ``reason`` says why in plain words."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason

    def finding(self) -> Finding:
        """This error as a finding for lists and reports."""
        return Finding("image_unreadable", self.path, None, Severity.ERROR, {"reason": self.reason})


def read_image(path: str | os.PathLike[str]) -> np.ndarray:
    """Decode ``path`` to a BGR uint8 (H, W, 3) array exactly as Ultralytics' loader does.

    Raises ``ImageReadError`` for missing, empty, truncated or non-image files.
    """
    path = os.fspath(path)
    try:
        data = np.fromfile(path, np.uint8)
    except FileNotFoundError as exc:
        raise ImageReadError(path, QT_TRANSLATE_NOOP("studio.core", "file not found")) from exc
    except OSError as exc:
        raise ImageReadError(path, exc.strerror or str(exc)) from exc
    if not data.size:
        raise ImageReadError(path, QT_TRANSLATE_NOOP("studio.core", "the file is empty (0 bytes)"))
    return decode_image_bytes(data, path)


def decode_image_bytes(data: np.ndarray, name: str = "") -> np.ndarray:
    """Decode encoded image bytes (``name`` picks TIFF/PIL handling by suffix)."""
    lower = name.lower()
    img = None
    if lower.endswith((".tif", ".tiff")):
        try:
            ok, frames = cv2.imdecodemulti(data, cv2.IMREAD_UNCHANGED)
        except cv2.error:
            ok, frames = False, []
        if ok and frames and frames[0].ndim == 3:
            img = frames[0][..., :3]
    if img is None and lower.endswith(PIL_SUFFIXES):
        img = _decode_pil(data)
    if img is None:
        try:
            img = cv2.imdecode(data, cv2.IMREAD_COLOR)
        except cv2.error as exc:
            raise ImageReadError(name, f"decoder error ({exc.err})") from exc
    if img is None:
        raise ImageReadError(name, "not a readable image (corrupt, truncated or another format)")
    if img.dtype == np.uint16:
        img = (img >> 8).astype(np.uint8)
    if img.ndim == 2:
        img = cv2.cvtColor(img, cv2.COLOR_GRAY2BGR)
    return img


def _decode_pil(data: np.ndarray) -> np.ndarray | None:
    import io

    from PIL import Image, ImageOps

    try:
        with Image.open(io.BytesIO(data.tobytes())) as im:
            im = ImageOps.exif_transpose(im)
            return cv2.cvtColor(np.asarray(im.convert("RGB")), cv2.COLOR_RGB2BGR)
    except Exception:  # noqa: BLE001 - any Pillow failure means "not readable here"
        return None


def read_image_size(path: str | os.PathLike[str]) -> tuple[int, int]:
    """``(width, height)`` as displayed (EXIF orientation applied), from the header only.

    Raises ``ImageReadError`` when the header cannot be read.
    """
    from PIL import Image, UnidentifiedImageError

    if os.path.exists(path) and os.path.getsize(path) == 0:
        raise ImageReadError(path, QT_TRANSLATE_NOOP("studio.core", "the file is empty (0 bytes)"))
    try:
        with Image.open(path) as im:
            w, h = im.size
            try:
                orientation = im.getexif().get(274)
            except Exception:  # noqa: BLE001 - broken EXIF: treat as upright
                orientation = None
    except FileNotFoundError as exc:
        raise ImageReadError(path, QT_TRANSLATE_NOOP("studio.core", "file not found")) from exc
    except (UnidentifiedImageError, ImportError) as exc:
        # ImportError: Ultralytics patches Image.open to import pi-heif for unknown files.
        raise ImageReadError(path, QT_TRANSLATE_NOOP("studio.core", "not an image file (unknown format)")) from exc
    except Exception as exc:  # noqa: BLE001 - Pillow raises many types for broken headers
        raise ImageReadError(path, _pil_reason(exc)) from exc
    if orientation in (5, 6, 7, 8):
        w, h = h, w
    return w, h


def _pil_reason(exc: BaseException) -> str:
    text = str(exc)
    if "cannot identify image file" in text:
        return QT_TRANSLATE_NOOP("studio.core", "not an image file (unknown format)")
    if "truncated" in text.lower():
        return QT_TRANSLATE_NOOP("studio.core", "the image is truncated")
    return text or type(exc).__name__
