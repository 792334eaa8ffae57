"""The loaded detection model: loads off the GUI thread and reports what it is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PyQt6.QtCore import QObject, pyqtSignal

from studio.core.inference.model_file import ModelError, ModelInfo, ModelRefused, load_detection_model
from studio.ui.background import CallError, CallLane
from studio.ui.texts import error_text


class ModelSlot(QObject):
    """Holds at most one model; ``load()`` runs in the background (torch imports take seconds).

    A second ``load()`` while one runs waits and replaces any older waiting one (the latest
    choice wins); every outcome is reported: ``loaded``, ``refused`` or ``failed``.
    """

    loading = pyqtSignal(str)  # file name
    loaded = pyqtSignal(object)  # ModelInfo
    failed = pyqtSignal(str)  # readable reason
    refused = pyqtSignal(str, str)  # path, readable reason: the safe loader would not open it

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model: Any = None
        self.info: ModelInfo | None = None
        self._lane = CallLane(self, "latest")
        self._lane.result.connect(self._on_loaded)
        self._lane.failed.connect(self._on_error)

    def load(self, path: str | Path, trust: bool = False) -> None:
        """Load ``path``; ``loaded``, ``refused`` or ``failed`` follows.

        ``trust=True`` only after the user confirmed that the file may run its own code.
        """
        path = Path(path)
        self.loading.emit(path.name)
        self._lane.submit(lambda: load_detection_model(path, trust=trust))

    def wait(self) -> None:
        """Block until a pending load has finished and reported (tests, shutdown)."""
        self._lane.wait()

    def _on_loaded(self, result: tuple[Any, ModelInfo]) -> None:
        self.model, self.info = result
        self.loaded.emit(self.info)

    def _on_error(self, error: CallError) -> None:
        exc = error.exception
        if isinstance(exc, ModelRefused):
            self.refused.emit(str(exc.path), self.tr(
                "{0} contains code outside the Ultralytics checkpoint format, so opening it could run "
                "that code; studio did not open it. Use an ONNX export of the model, or open it anyway "
                "if you trust where it came from.").format(exc.path.name))
        elif isinstance(exc, ModelError):
            self.failed.emit(error_text(exc))  # a readable reason, shown translated
        else:
            self.failed.emit(error.message)
