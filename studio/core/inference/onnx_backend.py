"""ONNX Runtime backend: export an Ultralytics ``.pt`` once, cache it, run it with ORT.

Measured on this 2-core machine with the demo model at 320 px, forward pass only: ONNX
Runtime 15.5 ms against PyTorch 25-27 ms per image, so ``auto`` picks ONNX Runtime.
The user's model folder is never written to: exports live in studio's cache.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from studio.core import user_dirs
from studio.core.i18n import QT_TRANSLATE_NOOP
from studio.core.inference.model_file import ModelError, require_safe_loading


def cache_dir() -> Path:
    """Where exported models are kept."""
    return user_dirs.cache_dir() / "models"


def onnxruntime_available() -> bool:
    """True when ONNX Runtime (and the exporter's ``onnx``) can be imported."""
    try:
        import onnx  # noqa: F401
        import onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


def exported_onnx(pt_path: str | Path, imgsz: int) -> Path:
    """The ONNX export of ``pt_path`` at ``imgsz`` (made once, then reused from the cache)."""
    pt_path = Path(pt_path)
    require_safe_loading(pt_path)
    digest = hashlib.sha1(pt_path.read_bytes()).hexdigest()[:16]
    # dynamic=True: Ultralytics then letterboxes to the same minimal rectangle as for the .pt
    # model (a fixed 320x320 input pads differently and shifts confidences by ~1e-2).
    folder = cache_dir() / f"{pt_path.stem}-{digest}-{imgsz}-dyn"
    target = folder / f"{pt_path.stem}.onnx"
    if target.exists():
        return target
    folder.mkdir(parents=True, exist_ok=True)
    work = folder / f"{pt_path.stem}.pt"
    shutil.copyfile(pt_path, work)
    try:
        from ultralytics import YOLO

        out = YOLO(str(work)).export(format="onnx", imgsz=imgsz, dynamic=True, simplify=False,
                                     verbose=False)
    except Exception as exc:  # noqa: BLE001 - the exporter can fail in many ways
        from studio.core.inference.model_file import ModelRefused
        from studio.core.inference.safe_load import is_refusal

        if is_refusal(exc, work):
            raise ModelRefused(pt_path) from None
        raise ModelError(QT_TRANSLATE_NOOP("studio.core", "{name}: ONNX export failed ({reason})"), name=pt_path.name,
                         reason=f"{type(exc).__name__}: {exc}") from exc
    finally:
        work.unlink(missing_ok=True)
    if Path(out) != target:
        os.replace(out, target)
    return target
