"""The job worker reports a job's end only once its thread has ended."""

from __future__ import annotations

from collections.abc import Iterator

from studio.core.jobs import CancelToken, Progress
from studio.ui.workers import JobWorker


def _short_job(token: CancelToken) -> Iterator[Progress]:
    yield Progress(1, 1, stage="done")


def _failing_job(token: CancelToken) -> Iterator[Progress]:
    yield Progress(0, 1, stage="start")
    raise OSError("disk full")


def test_finished_arrives_after_the_thread_has_ended(qtbot) -> None:
    """A slot reacting to ``finished`` (Resume pressed at once) must be able to start the next
    job: the worker is no longer running when it says so. Repeated, as the old order raced."""
    seen: list[bool] = []
    for _ in range(30):
        worker = JobWorker(_short_job)
        worker.finished.connect(lambda _done, w=worker: seen.append(w.is_running()))
        with qtbot.waitSignal(worker.finished, timeout=10_000) as blocker:
            worker.start()
        assert blocker.args == [True]
        worker.wait()
    assert seen == [False] * 30


def test_a_failure_is_reported_after_the_thread_has_ended(qtbot) -> None:
    """A raising job reports ``failed`` with its message, again with the thread already ended."""
    worker = JobWorker(_failing_job)
    states: list[bool] = []
    worker.failed.connect(lambda _m, _d: states.append(worker.is_running()))
    with qtbot.waitSignal(worker.failed, timeout=10_000) as blocker:
        worker.start()
    assert blocker.args[0] == "OSError: disk full" and "Traceback" in blocker.args[1]
    assert states == [False]
