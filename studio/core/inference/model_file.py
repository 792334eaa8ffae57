"""Open a detection model file and say what it is, with a clear message when it is not one.

Ultralytics (and torch) are imported on first use only, so start-up stays fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studio.core import runtime

MODEL_SUFFIXES = (".pt", ".onnx")


class ModelError(ValueError):
    """The file is not a usable detection model; the message says why."""


@dataclass(frozen=True)
class ModelInfo:
    """What a loaded model is: its file, task, class names and training image size."""

    path: Path
    task: str
    names: dict[int, str]
    imgsz: int | None
    backend: str

    @property
    def title(self) -> str:
        """Short display name (file name)."""
        return self.path.name


def load_detection_model(path: str | Path) -> tuple[Any, ModelInfo]:
    """Load Ultralytics detection weights (``.pt``) or an exported ONNX model.

    Returns the Ultralytics ``YOLO`` object and its ``ModelInfo``; raises ``ModelError``
    for a missing file, a wrong suffix, a file that is not a model, or a model of
    another task (segmentation, classification, pose, ...).
    """
    path = Path(path)
    if not path.is_file():
        raise ModelError(f"model file not found: {path}")
    if path.suffix.lower() not in MODEL_SUFFIXES:
        raise ModelError(f"{path.name}: not a model file (expected .pt or .onnx)")
    if path.stat().st_size == 0:
        raise ModelError(f"{path.name}: the file is empty")
    runtime.set_offline_defaults()
    if path.suffix.lower() == ".onnx":
        _check_onnx_task(path)
    try:
        from ultralytics import YOLO

        model = YOLO(str(path), task="detect" if path.suffix.lower() == ".onnx" else None)
        names = getattr(model, "names", None) or {}  # an ONNX file is only opened here
    except ModuleNotFoundError as exc:
        raise ModelError(f"{path.name}: cannot be loaded: the package '{exc.name}' is not "
                         f"installed") from exc
    except Exception as exc:  # noqa: BLE001 - torch/onnx raise many types for a bad file
        raise ModelError(f"{path.name}: cannot be loaded as an Ultralytics model "
                         f"({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''})") from exc
    task = getattr(model, "task", None) or "unknown"
    if task != "detect":
        raise ModelError(f"{path.name}: this is a '{task}' model; studio needs a detection model")
    if not isinstance(names, dict) or not names:
        raise ModelError(f"{path.name}: the model has no class names")
    imgsz = None
    overrides = getattr(model, "overrides", {}) or {}
    if isinstance(overrides.get("imgsz"), int):
        imgsz = overrides["imgsz"]
    info = ModelInfo(path, task, {int(k): str(v) for k, v in names.items()}, imgsz,
                     "onnx" if path.suffix.lower() == ".onnx" else "torch")
    return model, info


def _check_onnx_task(path: Path) -> None:
    """Refuse an exported ONNX model whose Ultralytics metadata names another task."""
    try:
        import onnxruntime as ort

        meta = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"]).get_modelmeta()
    except ImportError:
        return
    except Exception as exc:  # noqa: BLE001 - not an ONNX file, or a broken one
        raise ModelError(f"{path.name}: cannot be loaded as an ONNX model ({type(exc).__name__})") from exc
    task = (meta.custom_metadata_map or {}).get("task")
    if task and task != "detect":
        raise ModelError(f"{path.name}: this is a '{task}' model; studio needs a detection model")
