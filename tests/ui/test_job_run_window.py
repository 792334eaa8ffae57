"""The job run window shows the whole result when the job ends."""

from __future__ import annotations

from collections.abc import Iterator

from studio.core.jobs import CancelToken, Progress
from studio.ui.labelcheck.run_window import JobRunWindow

LONG = ("mAP50-95 on 1280 val images: 0.692 before the fixes, 0.706 after (+0.015). "
        "mAP50: 0.901 → 0.910. ") * 3


def _job(token: CancelToken) -> Iterator[Progress]:
    yield Progress(1, 1, stage="done", payload="result")


def test_the_result_is_shown_whole_when_the_job_ends(qtbot) -> None:
    """A wrapped, several-line result grows the window: the label gets the height its text needs."""
    run = JobRunWindow("Measure the Effect", _job, lambda _p: "", lambda _r: LONG)
    qtbot.addWidget(run)
    run.show()
    qtbot.waitExposed(run)
    run.start()
    qtbot.waitUntil(run.close_button.isVisible, timeout=10_000)
    label = run.result
    assert label.text() == LONG
    assert label.height() >= label.heightForWidth(label.width())
    assert label.geometry().bottom() < run.close_button.geometry().top()
