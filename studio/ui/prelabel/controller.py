"""Pre-labeling from the GUI: run the loaded model over the dataset off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PyQt6.QtCore import QObject, pyqtSignal

from studio.core.cluster.connect import ClusterError, ClusterInfo
from studio.core.cluster.runner import ClusterSpec, cluster_device
from studio.core.device import DeviceError
from studio.core.inference.engine import PredictParams, map_classes
from studio.core.inference.model_file import ModelError
from studio.core.inference.prelabel_run import (
    PrelabelSettings,
    RunSettingsError,
    run_job,
    same_model,
    start_run,
)
from studio.core.inference.runs import list_runs
from studio.core.store.lifecycle import RESUMABLE
from studio.ui.prelabel.model_slot import ModelSlot
from studio.ui.session import DatasetSession
from studio.ui.texts import error_text
from studio.ui.workers import JobWorker


class PrelabelController(QObject):
    """Starts, reports and cancels pre-labeling runs; the annotator keeps working meanwhile.

    The run itself (settings, plan, backend, lifecycle) is ``studio.core.inference.prelabel_run``,
    the same job ``studio prelabel`` runs, so either can resume the other's run.
    """

    progress = pyqtSignal(object)  # Progress
    finished = pyqtSignal(int, bool)  # run id, completed
    failed = pyqtSignal(str)

    def __init__(self, session: DatasetSession, models: ModelSlot, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.models = session, models
        self.worker: JobWorker | None = None
        self.run_id: int | None = None

    def is_running(self) -> bool:
        """True while a run is in progress."""
        return self.worker is not None and self.worker.is_running()

    def _ready(self) -> bool:
        if self.session.dataset is None or self.session.store is None:
            self.failed.emit(self.tr("Open a dataset first."))
            return False
        if self.models.model is None or self.models.info is None:
            self.failed.emit(self.tr("No model loaded: load one (File > Load Model) or use the demo model."))
            return False
        if self.is_running():
            self.failed.emit(self.tr("A pre-labeling run is already in progress."))
            return False
        return True

    def start(self, paths: list[str], params: PredictParams | None = None,
              class_map: dict[int, int] | None = None, slicing: dict | None = None,
              scope: str = "all", device: str = "auto", cluster: ClusterSpec | None = None,
              cluster_info: ClusterInfo | None = None) -> bool:
        """Run the loaded model over ``paths`` (relative image paths) as a new run, here or on
        a Ray cluster (``cluster_info``: what its connection check found)."""
        if not self._ready():
            return False
        ds, store, info = self.session.dataset, self.session.store, self.models.info
        if class_map is None:
            class_map = map_classes(info.names, ds.classes.names) if ds.classes.names else {
                k: k for k in info.names}
        if not class_map:
            self.failed.emit(self.tr("None of the model's classes matches a dataset class by name; "
                                     "use 'studio prelabel --map' to map them by hand."))
            return False
        slicing = slicing or {}
        settings = PrelabelSettings(params or PredictParams(imgsz=info.imgsz or 640), scope,
                                    slicing.get("slice") or None, float(slicing.get("overlap", 0.2)), device=device)
        try:
            workers_device = None
            if cluster is not None and cluster_info is not None:
                workers_device = cluster_device(device, cluster_info)
                cluster = replace(cluster, gpu=workers_device != "cpu")
            run_id = start_run(store, info, settings, class_map, ds.classes.names, paths, workers_device)
        except DeviceError as exc:
            self.failed.emit(str(exc))
            return False
        except (ModelError, ClusterError) as exc:
            self.failed.emit(error_text(exc))
            return False
        return self._run(run_id, cluster=cluster)

    def resume_last(self, paths_for_scope: Callable[[str], Sequence[str]]) -> bool:
        """Continue the newest run that did not finish (stopped, failed, or the app was killed).

        ``paths_for_scope`` gives the images of runs made before runs stored their plan.
        """
        store, info = self.session.store, self.models.info
        if store is None:
            return False
        pending = [r for r in list_runs(store) if r.status in RESUMABLE]
        if not pending:
            self.failed.emit(self.tr("There is no interrupted pre-labeling run to resume."))
            return False
        run = pending[0]
        if info is None or not same_model(run.model_path, info):
            self.failed.emit(self.tr("Run {0} used {1}; load that model to resume it.").format(
                run.id, run.model_path))
            return False
        try:
            settings = PrelabelSettings.from_stored(run.params, run.id)
        except RunSettingsError as exc:
            self.failed.emit(error_text(exc))
            return False
        return self._ready() and self._run(run.id, list(paths_for_scope(settings.scope)))

    def _run(self, run_id: int, fallback_paths: list[str] | None = None, cluster: ClusterSpec | None = None) -> bool:
        ds, store, info, model = self.session.dataset, self.session.store, self.models.info, self.models.model
        self.run_id = run_id
        worker = JobWorker(lambda token: run_job(ds, store, run_id, model, info, token, fallback_paths,
                                                 cluster=cluster), self)
        worker.progress.connect(self.progress)
        worker.finished.connect(lambda done: self.finished.emit(run_id, done))
        worker.failed.connect(lambda msg, _d: self.failed.emit(msg))
        self.worker = worker
        worker.start()
        return True

    def cancel(self) -> None:
        """Stop the run (its finished images are kept; it can be resumed)."""
        if self.worker is not None:
            self.worker.cancel()

    def wait(self) -> None:
        """Block until the worker has stopped."""
        if self.worker is not None:
            self.worker.wait()
