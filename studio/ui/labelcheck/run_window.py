"""A label check or a seed experiment running: progress across folds (or runs) with ETA,
Cancel (a cancelled fold resumes next time), and what came out."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PyQt6.QtCore import pyqtSignal
from PyQt6.QtWidgets import QDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from studio.core.jobs import CancelToken, Progress, format_eta
from studio.ui.texts import error_text
from studio.ui.workers import JobWorker


class JobRunWindow(QDialog):
    """Runs ``factory(token)`` on a worker; ``describe(progress)`` says what it is doing and
    ``finish(payload)`` what it found. ``result_ready`` carries the last payload."""

    result_ready = pyqtSignal(object)

    def __init__(self, title: str, factory: Callable[[CancelToken], object],
                 describe: Callable[[Progress], str], finish: Callable[[object], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self._describe, self._finish = describe, finish
        self.stage = QLabel(self.tr("Starting…"), self)
        self.stage.setObjectName("stage")
        self.stage.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.eta = QLabel(self)
        self.result = QLabel(self)
        self.result.setObjectName("result")
        self.result.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.action_button = QPushButton(self)
        self.action_button.hide()
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.action_button, self.cancel_button, self.close_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        for w in (self.stage, self.bar, self.eta, self.result):
            layout.addWidget(w)
        layout.addLayout(buttons)
        self.last: object = None
        self.worker = JobWorker(factory, self)  # type: ignore[arg-type]
        self.worker.progress.connect(self._on_progress)
        self.worker.failed.connect(self._on_failed)
        self.worker.finished.connect(self._on_finished)
        self.cancel_button.clicked.connect(self._cancel)
        self.close_button.clicked.connect(self.close)

    def start(self) -> None:
        """Start the job."""
        self.worker.start()

    def _cancel(self) -> None:
        self.stage.setText(self.tr("Stopping at the next batch; what is done is kept and resumes next time…"))
        self.cancel_button.setEnabled(False)
        self.worker.cancel()

    def _on_progress(self, progress: Progress) -> None:
        self.bar.setRange(0, max(progress.total, 1))
        self.bar.setValue(progress.done)
        self.stage.setText(self._describe(progress))
        self.eta.setText(self.tr("ETA {0}").format(format_eta(progress.eta_s)))
        if progress.stage == "done":
            self.last = progress.payload

    def _on_failed(self, message: str, _details: str) -> None:
        self.stage.setText(error_text(message.split(": ", 1)[-1]))
        self._ended()

    def _on_finished(self, completed: bool) -> None:
        if completed and self.last is not None:
            self.stage.setText(self.tr("Done."))
            self.result.setText(self._finish(self.last))
            self.result_ready.emit(self.last)
        elif not completed:
            self.stage.setText(self.tr("Stopped. Start it again to resume where it stopped."))
        self._ended()

    def _ended(self) -> None:
        self.eta.clear()
        self.cancel_button.hide()
        self.close_button.show()
        self.adjustSize()  # a wrapped, several-line result or message needs more height than the running window

    def closeEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        """Closing while it runs stops it (resumable)."""
        if self.worker.is_running():
            self.worker.cancel()
            self.worker.wait()
        super().closeEvent(event)  # type: ignore[arg-type]


class JobFailed(RuntimeError):
    """A job's error, already in the user's language."""


def translated_errors(job: Iterator[Progress]) -> Iterator[Progress]:
    """``job``, with errors core reports as templates turned into the user's language."""
    from studio.core.i18n import TranslatableMessage

    try:
        yield from job
    except TranslatableMessage as exc:  # type: ignore[misc]
        raise JobFailed(error_text(exc)) from exc
    except (OSError, ValueError, RuntimeError) as exc:
        raise JobFailed(error_text(str(exc))) from exc
