"""What the insight tabs share: one background job at a time, its progress line and cancel."""

from __future__ import annotations

from collections.abc import Callable

from PyQt6.QtCore import QCoreApplication
from PyQt6.QtWidgets import QLabel, QPushButton, QWidget

from studio.ui.status import IndexStatus
from studio.ui.workers import JobFactory, JobWorker


class JobTab(QWidget):
    """A tab whose run button starts a core job off the GUI thread."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run_button: QPushButton
        self.summary: QLabel
        self.status: IndexStatus
        self.worker: JobWorker | None = None

    def run_job(self, factory: JobFactory, on_progress: Callable[[object], None], failed_text: str) -> bool:
        """Start ``factory`` unless a job runs; ``failed_text`` gets the error in ``{0}``."""
        if self.worker is not None and self.worker.is_running():
            return False
        self.run_button.setEnabled(False)
        self.worker = JobWorker(factory, self)
        self.worker.progress.connect(on_progress)
        self.worker.finished.connect(self._job_finished)
        self.worker.failed.connect(lambda msg, _d: (self.summary.setText(failed_text.format(msg)),
                                                    self.run_button.setEnabled(True)))
        self.worker.start()
        return True

    def _job_finished(self, completed: bool) -> None:
        self.status.set_idle()
        self.status.label.clear()
        self.run_button.setEnabled(True)
        if not completed:
            self.summary.setText(QCoreApplication.translate("JobTab", "Stopped."))

    def cancel(self) -> None:
        """Ask the running job to stop."""
        if self.worker is not None:
            self.worker.cancel()

    def wait(self) -> None:
        """Stop and wait for the job (closing)."""
        if self.worker is not None:
            self.worker.cancel()
            self.worker.wait()
