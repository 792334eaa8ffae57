"""Pre-labeling from the GUI: run the loaded model over the dataset off the GUI thread."""

from __future__ import annotations

from PyQt6.QtCore import QObject, pyqtSignal

from studio.core.inference.engine import (
    PredictParams,
    UltralyticsDetector,
    map_classes,
    prelabel_job,
    use_all_cores,
)
from studio.core.jobs import CancelToken, Progress
from studio.core.runs import create_run, set_run_status
from studio.ui.model_slot import ModelSlot
from studio.ui.session import DatasetSession
from studio.ui.workers import JobWorker


class PrelabelController(QObject):
    """Starts, reports and cancels pre-labeling runs; the annotator keeps working meanwhile."""

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

    def start(self, paths: list[str], params: PredictParams | None = None,
              class_map: dict[int, int] | None = None, slicing: dict | None = None,
              scope: str = "all", resume_run: int | None = None) -> bool:
        """Run the loaded model over ``paths`` (relative image paths) into a new run
        (or continue ``resume_run``, skipping the images it already did)."""
        ds, store, info, model = self.session.dataset, self.session.store, self.models.info, self.models.model
        if ds is None or store is None:
            self.failed.emit(self.tr("Open a dataset first."))
            return False
        if model is None or info is None:
            self.failed.emit(self.tr("No model loaded: load one (File > Load Model) or use the demo model."))
            return False
        if self.is_running():
            self.failed.emit(self.tr("A pre-labeling run is already in progress."))
            return False
        if class_map is None:
            class_map = map_classes(info.names, ds.classes.names) if ds.classes.names else {
                k: k for k in info.names}
        if not class_map:
            self.failed.emit(self.tr("None of the model's classes matches a dataset class by name; "
                                     "use 'studio prelabel --map' to map them by hand."))
            return False
        params = params or PredictParams(imgsz=info.imgsz or 640)
        slicing = slicing or {}
        run_id = resume_run if resume_run is not None else create_run(
            store, str(info.path), info.names, {**params.as_dict(), **slicing, "scope": scope}, class_map,
            ds.classes.names)
        self.run_id = run_id
        pt_path = info.opened_file

        def job(token: CancelToken):
            detector_model = model
            if info.backend == "torch":
                from studio.core.inference.model_file import load_detection_model
                from studio.core.inference.onnx_backend import exported_onnx, onnxruntime_available

                if onnxruntime_available():
                    yield Progress(0, len(paths), stage="export")
                    detector_model, _ = load_detection_model(exported_onnx(pt_path, params.imgsz))
            use_all_cores()
            detector = UltralyticsDetector(detector_model, params)
            if slicing:
                from studio.core.inference.slicing import SlicedDetector

                detector = SlicedDetector(detector, slicing["slice"], slicing["overlap"])
            yield from prelabel_job(ds, paths, store, detector, run_id, class_map, token)

        worker = JobWorker(job, self)
        worker.progress.connect(self.progress)
        worker.finished.connect(lambda done: self._done(run_id, done))
        worker.failed.connect(lambda msg, _d: (self._status(run_id, "failed"), self.failed.emit(msg)))
        self.worker = worker
        worker.start()
        return True

    def resume_last(self, paths_for_scope) -> bool:  # noqa: ANN001 - callable(scope) -> paths
        """Continue the newest run that did not finish (stopped, or the app was killed)."""
        from studio.core.runs import list_runs

        store, info = self.session.store, self.models.info
        if store is None:
            return False
        pending = [r for r in list_runs(store) if r.status in ("interrupted", "running")]
        if not pending:
            self.failed.emit(self.tr("There is no interrupted pre-labeling run to resume."))
            return False
        run = pending[0]
        if info is None or str(info.path) != run.model_path:
            self.failed.emit(self.tr("Run {0} used {1}; load that model to resume it.").format(
                run.id, run.model_path))
            return False
        stored = dict(run.params)
        slicing = {k: stored.pop(k) for k in ("slice", "overlap") if k in stored}
        scope = stored.pop("scope", "all")
        return self.start(paths_for_scope(scope), PredictParams(**stored), run.class_map, slicing,
                          scope, resume_run=run.id)

    def cancel(self) -> None:
        """Stop the run (its finished images are kept; it can be resumed)."""
        if self.worker is not None:
            self.worker.cancel()

    def wait(self) -> None:
        """Block until the worker has stopped."""
        if self.worker is not None:
            self.worker.wait()

    def _done(self, run_id: int, completed: bool) -> None:
        self._status(run_id, "done" if completed else "interrupted")
        self.finished.emit(run_id, completed)

    def _status(self, run_id: int, status: str) -> None:
        if self.session.store is not None:
            set_run_status(self.session.store, run_id, status)
