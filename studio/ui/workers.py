"""One way to run core jobs (generators of ``Progress``) off the GUI thread.

A ``JobWorker`` drives a generator on a ``QThread`` and reports through signals, which
Qt delivers on the GUI thread; ``cancel()`` sets the job's token. A job that raises
reports ``failed`` with a readable message instead of taking the app down.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterator

from PyQt6.QtCore import QObject, QThread, pyqtSignal

from studio.core.jobs import CancelToken, Progress

JobFactory = Callable[[CancelToken], Iterator[Progress]]


class _Runner(QObject):
    progress = pyqtSignal(object)

    def __init__(self, factory: JobFactory, token: CancelToken) -> None:
        super().__init__()
        self._factory = factory
        self._token = token
        self.outcome: tuple = ("failed", "the job did not start", "")  # set on the thread before it ends

    def run(self) -> None:
        job = None
        try:
            job = self._factory(self._token)
            for progress in job:
                self.progress.emit(progress)
                if self._token.cancelled:
                    break
            if job is not None and hasattr(job, "close"):
                job.close()  # on this thread: a job's own clean-up (a run's status) runs now
        except Exception as exc:  # noqa: BLE001 - every failure is reported, none is fatal
            self.outcome = ("failed", f"{type(exc).__name__}: {exc}", traceback.format_exc())
        else:
            self.outcome = ("finished", not self._token.cancelled)
        finally:
            # Quit from the worker side so that wait() on the GUI thread never deadlocks.
            QThread.currentThread().quit()


class JobWorker(QObject):
    """Runs one job on its own thread; forward its signals to widgets."""

    progress = pyqtSignal(object)
    finished = pyqtSignal(bool)
    failed = pyqtSignal(str, str)

    def __init__(self, factory: JobFactory, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.token = CancelToken()
        self._thread = QThread()
        self._runner = _Runner(factory, self.token)
        self._runner.moveToThread(self._thread)
        self._thread.started.connect(self._runner.run)
        self._runner.progress.connect(self.progress)
        self._thread.finished.connect(self._on_thread_finished)

    def start(self) -> None:
        """Start the job."""
        self._thread.start()

    def cancel(self) -> None:
        """Ask the job to stop at its next check."""
        self.token.cancel()

    def is_running(self) -> bool:
        """True while the thread runs."""
        return self._thread.isRunning()

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the thread ends (used on close)."""
        return self._thread.wait(msecs)

    def _on_thread_finished(self) -> None:
        """Report the job's end once its thread has ended, so that a slot reacting to
        ``finished`` (a Resume pressed at once) finds ``is_running()`` False."""
        self._thread.wait()  # QThread.finished comes just before the thread is marked ended: microseconds
        kind, *args = self._runner.outcome
        if kind == "finished":
            self.finished.emit(*args)
        else:
            self.failed.emit(*args)
