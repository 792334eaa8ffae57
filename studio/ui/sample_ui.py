""""Open the Sample Dataset": make the sample in the user's data folder when it is missing
(off the GUI thread, with progress, ETA and Cancel), then open it with the demo model."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PyQt6.QtCore import QObject, Qt, pyqtSignal
from PyQt6.QtWidgets import QProgressDialog, QWidget

from studio.core import bundled
from studio.core.dataset.sample import default_sample_dir, sample_exists, sample_job
from studio.core.jobs import Progress, format_eta
from studio.ui.prelabel.model_slot import ModelSlot
from studio.ui.workers import JobWorker


class SampleOpener(QObject):
    """Opens the sample dataset, creating it first when needed."""

    opened = pyqtSignal(str)  # the sample's folder, once it is being opened

    def __init__(self, window: QWidget, models: ModelSlot, open_dataset: Callable[[Path], bool],
                 show_error: Callable[[str, str], None]) -> None:
        super().__init__(window)
        self.window, self.models = window, models
        self._open_dataset, self._show_error = open_dataset, show_error
        self.worker: JobWorker | None = None
        self.dialog: QProgressDialog | None = None

    def open_sample(self, root: Path | None = None) -> None:
        """Open the sample at ``root`` (default: the user's data folder), making it if missing."""
        root = Path(root) if root is not None else default_sample_dir()
        if sample_exists(root):
            self._open(root)
            return
        if self.worker is not None and self.worker.is_running():
            return
        dialog = QProgressDialog(self.tr("Creating the sample dataset in {0}…").format(root), self.tr("Cancel"),
                                 0, 401, self.window)
        dialog.setWindowTitle(self.tr("Sample Dataset"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        worker = JobWorker(lambda token: sample_job(root, token), self)
        worker.progress.connect(self._on_progress)
        worker.finished.connect(lambda completed: self._on_finished(root, completed))
        worker.failed.connect(self._on_failed)
        dialog.canceled.connect(worker.cancel)
        self.worker, self.dialog = worker, dialog
        dialog.show()
        worker.start()

    def wait(self) -> None:
        """Block until a running creation has stopped (tests, shutdown)."""
        if self.worker is not None:
            self.worker.wait()

    def _on_progress(self, progress: Progress) -> None:
        dialog = self.dialog  # setValue() on a modal dialog runs the event loop: the job may end inside it
        if dialog is None:
            return
        dialog.setLabelText(self.tr("Drawing the sample's fruit photos: {0} of {1} · {2} left").format(
            progress.done, progress.total, format_eta(progress.eta_s)))
        dialog.setMaximum(progress.total)
        dialog.setValue(progress.done)

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        self.window.activateWindow()

    def _on_finished(self, root: Path, completed: bool) -> None:
        self._close_dialog()
        if completed and sample_exists(root):
            self._open(root)

    def _on_failed(self, message: str, _details: str) -> None:
        self._close_dialog()
        self._show_error(self.tr("Cannot create the sample dataset"), message)

    def _open(self, root: Path) -> None:
        if self._open_dataset(root):
            demo = bundled.demo_model()
            if self.models.info is None or self.models.info.path != demo:
                self.models.load(demo)
            self.opened.emit(str(root))
