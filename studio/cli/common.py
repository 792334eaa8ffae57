"""What every command shares: the text progress bar and opening a dataset with its store."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from studio.core.dataset.layout import Dataset
    from studio.core.jobs import Progress
    from studio.core.jobspec import JobContext
    from studio.core.store.db import Store


class ProgressBar:
    """A one-line text progress bar with rate and ETA on stderr (quiet when not a TTY).

    The last line is printed once, when the job reaches its total, with the mean rate over
    the work this run did (a job's final report often repeats the total with no new work).
    """

    def __init__(self, label: str, stream: TextIO | None = None, min_interval: float = 0.2) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.tty = getattr(self.stream, "isatty", lambda: False)()
        self.min_interval = min_interval
        self._last = 0.0
        self._started: tuple[float, int] | None = None  # (time, done) at the first report
        self._finished = False

    def update(self, progress: Progress) -> None:
        """Redraw for a ``Progress`` (throttled; the final line once)."""
        from studio.core.jobs import format_eta

        now = time.monotonic()
        if self._started is None:
            self._started = (now, progress.done)
        final = progress.total > 0 and progress.done >= progress.total
        if self._finished or (not final and now - self._last < self.min_interval):
            return
        self._last = now
        rate = progress.rate
        if final:
            self._finished = True
            elapsed, did = now - self._started[0], progress.done - self._started[1]
            rate = did / elapsed if elapsed > 0 and did > 0 else progress.rate
        width = 30
        filled = int(width * progress.fraction)
        eta = "done" if final else f"ETA {format_eta(progress.eta_s)}"
        line = (f"{self.label} [{'#' * filled}{'.' * (width - filled)}] {progress.done}/{progress.total}"
                f" {rate:,.0f}/s {eta}")
        if self.tty:
            self.stream.write("\r" + line + ("\n" if final else ""))
            self.stream.flush()
        elif final:
            self.stream.write(line + "\n")


def job_context(dataset: Dataset, store: Store | None) -> JobContext:
    """The context every CLI job runs in (recorded in ``store`` when there is one)."""
    from studio.core.jobs import CancelToken
    from studio.core.jobspec import JobContext

    return JobContext(store, CancelToken(), dataset, "cli")


def indexed_context(dataset: Dataset, store: Store | None) -> JobContext:
    """A job context whose index is brought up to date first (label states known), quietly."""
    from studio.core.dataset.index import ImageIndex
    from studio.core.dataset.jobs import INDEX, IndexParams
    from studio.core.jobspec import run_recorded

    ctx = job_context(dataset, store)
    index = ctx.index = ImageIndex.from_listing(dataset.scan_images())
    for progress in run_recorded(INDEX, IndexParams(), ctx):
        if progress.payload is not None:
            index.apply(progress.payload)
    return ctx


def existing_store(dataset: Dataset) -> Store | None:
    """The dataset's store if it has one already: read-only commands never create it."""
    from studio.core.dataset.store_location import open_store

    if not (dataset.store_dir / "studio.db").is_file():
        return None
    try:
        return open_store(dataset)[0]
    except Exception:  # noqa: BLE001 - a store that cannot be opened only means "not recorded"
        return None


def open_dataset_and_store(path: str) -> tuple[Dataset, Store] | None:
    """Open a dataset and its store, or print why not and return ``None``."""
    from studio.core.dataset.layout import DatasetError, open_dataset
    from studio.core.dataset.store_location import open_store

    try:
        dataset = open_dataset(path)
        store, _ = open_store(dataset)
    except (DatasetError, OSError) as exc:
        print(f"studio: {exc}", file=sys.stderr)
        return None
    return dataset, store


def setting_value(text: str) -> object:
    """A ``NAME=VALUE`` setting's value as Ultralytics reads it: int, float, bool or text."""
    for cast in (int, float):
        try:
            return cast(text)
        except ValueError:
            pass
    return {"true": True, "false": False}.get(text.lower(), text)


def drive_training_job(events: Iterator[Progress], ctx: JobContext, on_progress: Callable[[Progress], None],
                       how_to_resume: str, errors: tuple[type[Exception], ...] = ()) -> int | None:
    """Run a job that trains (``events``), handing each report to ``on_progress``.

    Returns ``None`` when it ran to the end, else the exit code: 130 stopped or interrupted
    (with ``how_to_resume``), 2 a device that is not there, 1 a training, model or workspace
    error (or one of ``errors``), each said in one line on stderr.
    """
    from studio.core.device import DeviceError
    from studio.core.inference.model_file import ModelError
    from studio.core.training.jobs import TrainingError
    from studio.core.training.workspace import WorkspaceError

    try:
        for progress in events:
            if progress.stage == "cancelled":
                print(f"stopped; {how_to_resume}", file=sys.stderr)
                return 130
            on_progress(progress)
    except KeyboardInterrupt:
        ctx.token.cancel()
        print(f"\ninterrupted; {how_to_resume}", file=sys.stderr)
        return 130
    except DeviceError as exc:
        print(f"studio: {exc}", file=sys.stderr)
        return 2
    except (TrainingError, ModelError, WorkspaceError, *errors) as exc:
        print(f"studio: {exc}", file=sys.stderr)
        return 1
    return None
