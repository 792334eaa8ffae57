"""A pre-labeling run, declared once: its settings, its image plan, its lifecycle and its job.

The GUI and the CLI (and later a cluster runner) build the same ``PrelabelSettings``, call
``start_run`` or ``resume_settings``, and iterate ``run_job``; they differ only in how they
show progress. Everything needed to repeat a run is stored with it: the model, the predict
settings, slicing, the backend actually used, the scope and the ordered list of images.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from studio.core.cluster.connect import ClusterInfo
from studio.core.cluster.runner import ClusterSpec
from studio.core.dataset.layout import Dataset
from studio.core.i18n import QT_TRANSLATE_NOOP, TranslatableMessage
from studio.core.inference.engine import (
    Detector,
    PredictParams,
    UltralyticsDetector,
    prelabel_job,
    use_all_cores,
)
from studio.core.inference.model_file import ModelError, ModelInfo, load_detection_model
from studio.core.inference.pipeline import StageTimes
from studio.core.inference.runs import claim_run, create_run, get_run, planned_paths, set_run_status
from studio.core.jobs import CancelToken, Progress
from studio.core.store.db import Store
from studio.core.store.lifecycle import CANCELLED, FAILED, FINISHED

SETTINGS_VERSION = 3  # 3: the device (resolved) is stored
BACKENDS = ("auto", "onnx", "torch")
SCOPES = ("all", "unlabeled", "filter", "selection")


class RunSettingsError(TranslatableMessage, ValueError):
    """A run's stored settings cannot be used by this studio; the message says why."""

    def __init__(self, template: str, **params: object) -> None:
        super().__init__(self._init_message(template, params))


@dataclass(frozen=True)
class PrelabelSettings:
    """What defines a pre-labeling run besides the model and the class mapping.

    ``backend`` is what was asked (``auto`` / ``onnx`` / ``torch``) until ``start_run``
    resolves it to what is used (``onnx`` or ``torch``) and stores that.
    """

    predict: PredictParams = field(default_factory=PredictParams)
    scope: str = "all"
    slice: int | None = None
    overlap: float = 0.2
    backend: str = "auto"
    device: str = "auto"  # as asked until ``start_run`` resolves it (Ultralytics' "cpu", "0", "mps")

    def to_stored(self) -> dict[str, Any]:
        """The flat, versioned dict kept in the run's ``params`` column."""
        return {"version": SETTINGS_VERSION, **self.predict.as_dict(), "scope": self.scope,
                "slice": self.slice, "overlap": self.overlap, "backend": self.backend, "device": self.device}

    @classmethod
    def from_stored(cls, stored: dict[str, Any], run_id: int | None = None) -> PrelabelSettings:
        """Read settings stored by this or an older studio; a newer or unknown one is refused clearly."""
        data = dict(stored)
        version = data.pop("version", 1)
        run = f"{run_id}" if run_id is not None else "?"
        if not isinstance(version, int) or version > SETTINGS_VERSION:
            raise RunSettingsError(QT_TRANSLATE_NOOP(
                "studio.core", "run {run} was made by a newer studio (settings version {version}); update studio to "
                               "resume it"), run=run, version=version)
        predict_keys = {f.name for f in fields(PredictParams)}
        own = {"scope", "slice", "overlap", "backend", "device"}
        unknown = sorted(set(data) - predict_keys - own)
        if unknown:
            raise RunSettingsError(QT_TRANSLATE_NOOP(
                "studio.core", "run {run} has settings this studio does not know ({keys}); it was made by another "
                               "version of studio"), run=run, keys=", ".join(unknown))
        try:
            predict = PredictParams(**{k: v for k, v in data.items() if k in predict_keys})
        except TypeError as exc:  # pragma: no cover - guarded by the key check above
            raise RunSettingsError(QT_TRANSLATE_NOOP("studio.core", "run {run}: unreadable settings ({reason})"),
                                   run=run, reason=str(exc)) from exc
        return cls(predict, str(data.get("scope") or "all"), data.get("slice") or None,
                   float(data.get("overlap", 0.2) or 0.2), str(data.get("backend") or "auto"),
                   str(data.get("device") or "cpu"))  # runs from before devices ran on the CPU


def resolve_backend(requested: str, info: ModelInfo, device: str = "cpu") -> str:
    """The backend a run will use: ``onnx`` (ONNX Runtime, faster on CPU) or ``torch``.

    On a GPU (``device`` other than ``"cpu"``) ``auto`` means torch: PyTorch reaches the GPU
    through its own CUDA build, while ONNX Runtime would need ``onnxruntime-gpu`` in place of
    the ``onnxruntime`` studio installs (the two cannot live side by side). An ONNX model, or
    ``onnx`` asked for on a GPU, needs ONNX Runtime with a GPU provider, else it is refused.
    """
    from studio.core.inference.onnx_backend import onnxruntime_available

    if requested not in BACKENDS:
        raise ModelError(QT_TRANSLATE_NOOP("studio.core", "unknown backend '{name}' (choose auto, onnx or torch)"),
                         name=requested)
    gpu = device != "cpu"
    if info.backend == "onnx" or requested == "onnx":
        if not onnxruntime_available() and info.backend != "onnx":
            raise ModelError(QT_TRANSLATE_NOOP("studio.core", "ONNX Runtime is not installed; use the torch backend"))
        if gpu and not onnxruntime_gpu_available():
            raise ModelError(QT_TRANSLATE_NOOP(
                "studio.core", "ONNX Runtime here runs on the CPU only; for the GPU use the torch backend (a .pt "
                               "model), or install onnxruntime-gpu in place of onnxruntime"))
        return "onnx"
    if requested == "torch" or gpu:
        return "torch"
    return "onnx" if onnxruntime_available() else "torch"


def onnxruntime_gpu_available() -> bool:
    """True when the installed ONNX Runtime has a GPU execution provider."""
    try:
        import onnxruntime
    except ImportError:
        return False
    return bool({"CUDAExecutionProvider", "TensorrtExecutionProvider", "CoreMLExecutionProvider"}
                & set(onnxruntime.get_available_providers()))


def exported_for_run(info: ModelInfo, settings: PrelabelSettings) -> Path | None:
    """The ONNX export a run opens when it uses ONNX Runtime on a ``.pt`` model, else ``None``."""
    if settings.backend == "onnx" and info.backend == "torch":
        from studio.core.inference.onnx_backend import exported_onnx

        return exported_onnx(info.opened_file, settings.predict.imgsz)
    return None


def build_detector(model: Any, info: ModelInfo, settings: PrelabelSettings) -> Detector:
    """The detector a run uses: the model on its resolved backend, sliced if asked."""
    exported = exported_for_run(info, settings)
    if exported is not None:
        model, _ = load_detection_model(exported)
    detector: Detector = UltralyticsDetector(model, settings.predict, settings.device if settings.device != "auto"
                                             else "cpu")
    if settings.slice:
        from studio.core.inference.slicing import SlicedDetector

        detector = SlicedDetector(detector, settings.slice, settings.overlap)
    return detector


def start_run(store: Store, info: ModelInfo, settings: PrelabelSettings, class_map: dict[int, int],
              dataset_names: Sequence[str] | None, paths: Sequence[str], device: str | None = None) -> int:
    """Record a new run over ``paths`` (its plan) with the backend resolved; returns its id.
    ``device`` is given when it was resolved elsewhere (on a cluster's workers)."""
    from studio.core.device import resolve_device

    device = device or resolve_device(settings.device)
    settings = replace(settings, backend=resolve_backend(settings.backend, info, device), device=device)
    return create_run(store, str(Path(info.path).resolve()), info.names, settings.to_stored(), class_map,
                      list(dataset_names) if dataset_names is not None else None, list(paths))


def same_model(run_model_path: str, info: ModelInfo) -> bool:
    """True when ``info`` is the model file a run was made with."""
    try:
        return Path(run_model_path).resolve() == Path(info.path).resolve()
    except OSError:
        return False


def default_batch(device: str) -> int:
    """Images per forward pass: 4 on a CPU (about 15% faster than one at a time, measured
    with ONNX Runtime at 320 px; larger batches gain nothing there), 16 on a GPU."""
    return 4 if device in ("cpu", "auto") else 16


def run_job(dataset: Dataset, store: Store, run_id: int, model: Any, info: ModelInfo,
            token: CancelToken, fallback_paths: Sequence[str] | None = None, batch: int | None = None,
            times: StageTimes | None = None, cluster: ClusterSpec | None = None,
            cluster_info: ClusterInfo | None = None) -> Iterator[Progress]:
    """Run (or resume) ``run_id`` with the loaded model: the one pre-labeling job.

    Claims the run, prepares the detector (stage ``export`` while an ONNX export is made),
    proposes boxes for the planned images the run has not done yet, and leaves the run
    ``finished``, ``cancelled`` (token, Ctrl+C, or the driver closing the job) or
    ``failed`` (the error is re-raised to the driver). ``fallback_paths`` serve runs made
    before plans were stored; ``batch`` is the images per forward pass (``default_batch``),
    and ``times`` collects the stage breakdown. With ``cluster`` the images are computed on a
    Ray cluster (``cluster_info``: this process is connected already) and stored here, by the
    same writer, with the same commits and resume.
    """
    run = get_run(store, run_id)
    if run is None:
        raise RunSettingsError(QT_TRANSLATE_NOOP("studio.core", "there is no run {run} in this dataset"), run=run_id)
    settings = PrelabelSettings.from_stored(run.params, run_id)
    if settings.backend == "auto":  # a run from before backends were stored
        settings = replace(settings, backend=resolve_backend("auto", info))
    paths = planned_paths(store, run_id)
    if paths is None:
        paths = list(fallback_paths or [])
    claim_run(store, run_id)
    status = FAILED
    try:
        yield Progress(0, len(paths), stage="export")
        batch = batch or default_batch(settings.device)
        if cluster is not None:
            yield from _cluster_job(dataset, store, run_id, paths, info, settings, run.class_map, token, batch,
                                    times, cluster, cluster_info)
        else:
            detector = build_detector(model, info, settings)
            use_all_cores()
            yield from prelabel_job(dataset, paths, store, detector, run_id, run.class_map, token,
                                    batch=batch, times=times)
        status = CANCELLED if token.cancelled else FINISHED
    except (GeneratorExit, KeyboardInterrupt):
        status = CANCELLED
        raise
    finally:
        set_run_status(store, run_id, status)


def _cluster_job(dataset: Dataset, store: Store, run_id: int, paths: Sequence[str], info: ModelInfo,
                 settings: PrelabelSettings, class_map: dict[int, int], token: CancelToken, batch: int,
                 times: StageTimes | None, cluster: ClusterSpec, cluster_info: ClusterInfo | None
                 ) -> Iterator[Progress]:
    """The run's images computed on a Ray cluster, stored here by the run's one writer. Workers
    get the file this machine would open: the ONNX export, or the (trusted copy of the) model."""
    from studio.core.inference.cluster_prelabel import cluster_results
    from studio.core.inference.pipeline import store_stream

    times = times if times is not None else StageTimes()
    model_file = exported_for_run(info, settings) or Path(info.opened_file)
    stored = settings.to_stored()

    def produce(todo: list[str]) -> Iterator:
        return cluster_results(cluster, dataset.root, todo, model_file, stored, batch, times, cluster_info)

    yield from store_stream(store, run_id, paths, produce, class_map, token, times=times)
