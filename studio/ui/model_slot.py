"""The loaded detection model: loads off the GUI thread and reports what it is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PyQt6.QtCore import QObject, pyqtSignal

from studio.core.inference.model_file import ModelError, ModelInfo, ModelRefused, load_detection_model
from studio.core.jobs import CancelToken, Progress
from studio.ui.workers import JobWorker


class ModelSlot(QObject):
    """Holds at most one model; ``load()`` runs in the background (torch imports take seconds)."""

    loading = pyqtSignal(str)  # file name
    loaded = pyqtSignal(object)  # ModelInfo
    failed = pyqtSignal(str)  # readable reason
    refused = pyqtSignal(str, str)  # path, readable reason: the safe loader would not open it
    unloaded = pyqtSignal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model: Any = None
        self.info: ModelInfo | None = None
        self._worker: JobWorker | None = None

    def load(self, path: str | Path, trust: bool = False) -> None:
        """Load ``path``; ``loaded``, ``refused`` or ``failed`` follows.

        ``trust=True`` only after the user confirmed that the file may run its own code.
        """
        path = Path(path)
        self.loading.emit(path.name)

        def job(_token: CancelToken):
            try:
                model, info = load_detection_model(path, trust=trust)
            except ModelError as exc:  # a readable reason, shown translated
                yield Progress(1, 1, stage="error", payload=exc)
                return
            yield Progress(1, 1, payload=(model, info))

        worker = JobWorker(job, self)
        worker.progress.connect(self._on_result)
        worker.failed.connect(self._on_failed)
        self._worker = worker
        worker.start()

    def unload(self) -> None:
        """Forget the model."""
        self.model, self.info = None, None
        self.unloaded.emit()

    def wait(self) -> None:
        """Block until a pending load has finished (tests, shutdown)."""
        if self._worker is not None:
            self._worker.wait()

    def _on_result(self, progress: Progress) -> None:
        if progress.stage == "error":
            from studio.ui.texts import error_text

            if isinstance(progress.payload, ModelRefused):
                self.refused.emit(str(progress.payload.path), self.tr(
                    "{0} contains code outside the Ultralytics checkpoint format, so opening it could run "
                    "that code; studio did not open it. Use an ONNX export of the model, or open it anyway "
                    "if you trust where it came from.").format(progress.payload.path.name))
                return
            self.failed.emit(error_text(progress.payload))
            return
        self.model, self.info = progress.payload
        self.loaded.emit(self.info)

    def _on_failed(self, message: str, _details: str) -> None:
        # ModelError texts are already readable; other errors get their type name.
        prefix = f"{ModelError.__name__}: "
        self.failed.emit(message[len(prefix):] if message.startswith(prefix) else message)
