"""Open a detection model file and say what it is, with a clear message when it is not one.

Ultralytics (and torch) are imported on first use only, so start-up stays fast.

A ``.pt`` file is opened only through Ultralytics' safe loader (see ``safe_load``): a
checkpoint that carries anything beyond Ultralytics' own classes is refused
(``ModelRefused``) and none of it runs. A file the user trusts explicitly (``trust=True``,
remembered by hash in ``trust.TrustList``) is converted once by a separate process into a
clean checkpoint or an ONNX model (``trust.trusted_copy``), and that copy is what opens here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studio.core import runtime
from studio.core.i18n import QT_TRANSLATE_NOOP, TranslatableMessage

MODEL_SUFFIXES = (".pt", ".onnx")


class ModelError(TranslatableMessage, ValueError):
    """The file is not a usable detection model; the message says why."""

    def __init__(self, template: str, **params: object) -> None:
        super().__init__(self._init_message(template, params))


REFUSED_TEMPLATE = QT_TRANSLATE_NOOP(
    "studio.core", "{name} contains code outside the Ultralytics checkpoint format, so opening it could run "
                   "that code; studio did not open it. Use an ONNX export of the model, or open it with "
                   "--trust-model if you trust where it came from.")


class ModelRefused(ModelError):
    """The safe loader refused the file: opening it could run code it carries."""

    def __init__(self, path: Path, detail: str = "") -> None:
        super().__init__(REFUSED_TEMPLATE, name=path.name)
        self.path, self.detail = path, detail


@dataclass(frozen=True)
class ModelInfo:
    """What a loaded model is: its file, task, class names and training image size."""

    path: Path
    task: str
    names: dict[int, str]
    imgsz: int | None
    backend: str
    source: Path | None = None  # the converted copy actually opened, for a trusted file

    @property
    def title(self) -> str:
        """Short display name (file name)."""
        return self.path.name

    @property
    def opened_file(self) -> Path:
        """The file the model was read from (the trusted copy, or the file itself)."""
        return self.source or self.path


def load_detection_model(path: str | Path, trust: bool = False) -> tuple[Any, ModelInfo]:
    """Load Ultralytics detection weights (``.pt``) or an exported ONNX model.

    Returns the Ultralytics ``YOLO`` object and its ``ModelInfo``; raises ``ModelError``
    for a missing file, a wrong suffix, a file that is not a model, or a model of
    another task (segmentation, classification, pose, ...), and ``ModelRefused`` for a
    ``.pt`` the safe loader will not open. ``trust=True`` records the file as trusted
    (by hash) and opens its converted copy; a file trusted earlier opens the same way.
    """
    path = Path(path)
    if not path.is_file():
        raise ModelError(QT_TRANSLATE_NOOP("studio.core", "model file not found: {path}"), path=str(path))
    if path.suffix.lower() not in MODEL_SUFFIXES:
        raise ModelError(QT_TRANSLATE_NOOP("studio.core", "{name}: not a model file (expected .pt or .onnx)"), name=path.name)
    if path.stat().st_size == 0:
        raise ModelError(QT_TRANSLATE_NOOP("studio.core", "{name}: the file is empty"), name=path.name)
    runtime.set_offline_defaults()
    if path.suffix.lower() == ".onnx":
        _check_onnx_task(path)
        return _open(path)
    require_safe_loading(path)
    try:
        return _open(path)
    except ModelRefused:
        from studio.core.inference.trust import TrustList, file_sha256, trusted_copy

        trusted, sha256 = TrustList(), file_sha256(path)  # read the (possibly large) file once
        if trust:
            trusted.add(path, sha256)
        elif not trusted.contains(path, sha256):
            raise
        copy = trusted_copy(path, sha256)
        if copy.path.suffix.lower() == ".onnx":
            _check_onnx_task(copy.path)
        model, info = _open(copy.path)
        return model, ModelInfo(path, info.task, info.names, info.imgsz or copy.imgsz, info.backend, copy.path)


def require_safe_loading(path: Path) -> None:
    """Raise ``ModelError`` unless this process opens ``.pt`` files with the safe loader."""
    from studio.core.inference.safe_load import safe_load_problem

    problem = safe_load_problem()
    if problem:
        raise ModelError(QT_TRANSLATE_NOOP("studio.core", "{name}: studio cannot open .pt files safely here ({reason}); "
                                                          "use an ONNX export of the model"),
                         name=path.name, reason=problem)


def _open(path: Path) -> tuple[Any, ModelInfo]:
    """Open ``path`` with Ultralytics and check that it is a detection model."""
    try:
        from ultralytics import YOLO

        model = YOLO(str(path), task="detect" if path.suffix.lower() == ".onnx" else None)
        names = getattr(model, "names", None) or {}  # an ONNX file is only opened here
    except ModuleNotFoundError as exc:
        raise ModelError(QT_TRANSLATE_NOOP("studio.core", "{name}: cannot be loaded: the package '{package}' is not installed"),
                         name=path.name, package=exc.name) from exc
    except Exception as exc:  # noqa: BLE001 - torch/onnx raise many types for a bad file
        from studio.core.inference.safe_load import is_refusal

        if is_refusal(exc, path):
            lines = str(exc.__cause__ or exc).splitlines()
            detail = next((ln.strip() for ln in lines if "Unsupported global" in ln), lines[0] if lines else "")
            raise ModelRefused(path, detail[:300]) from None
        raise ModelError(QT_TRANSLATE_NOOP("studio.core", "{name}: cannot be loaded as an Ultralytics model ({reason})"),
                         name=path.name,
                         reason=f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}") from exc
    task = getattr(model, "task", None) or "unknown"
    if task != "detect":
        raise ModelError(QT_TRANSLATE_NOOP("studio.core", "{name}: this is a '{task}' model; studio needs a detection model"),
                         name=path.name, task=task)
    if not isinstance(names, dict) or not names:
        raise ModelError(QT_TRANSLATE_NOOP("studio.core", "{name}: the model has no class names"), name=path.name)
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
        raise ModelError(QT_TRANSLATE_NOOP("studio.core", "{name}: cannot be loaded as an ONNX model ({reason})"), name=path.name,
                         reason=type(exc).__name__) from exc
    task = (meta.custom_metadata_map or {}).get("task")
    if task and task != "detect":
        raise ModelError(QT_TRANSLATE_NOOP("studio.core", "{name}: this is a '{task}' model; studio needs a detection model"),
                         name=path.name, task=task)
