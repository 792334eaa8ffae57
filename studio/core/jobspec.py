"""A long job, declared once: its kind, its parameters as a versioned dataclass, its generator.

``run_recorded`` is how every driver runs one: the GUI on a worker thread, the CLI with a text
progress bar, a cluster runner later. It records the job in the dataset's store (kind,
parameters with their version, status through the run lifecycle, a summary of the result), so
any driver can list, repeat or resume it. Parameters stored by an older or newer studio load
with a clear message (``JobSettingsError``), never a ``TypeError``.

Example:
    >>> @dataclass(frozen=True)
    ... class Params:
    ...     VERSION = 1
    ...     threshold: float = 0.5
    >>> stored_params(Params(0.7))
    {'version': 1, 'threshold': 0.7}
    >>> load_params(Params, {'version': 1, 'threshold': 0.7})
    Params(threshold=0.7)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, fields
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from studio.core.i18n import QT_TRANSLATE_NOOP, TranslatableMessage
from studio.core.jobs import CancelToken, Progress

if TYPE_CHECKING:
    from studio.core.dataset.index import ImageIndex
    from studio.core.dataset.layout import Dataset
    from studio.core.store.db import Store


class JobSettingsError(TranslatableMessage, ValueError):
    """Stored job parameters this studio cannot use; the message says why."""

    def __init__(self, template: str, **params: object) -> None:
        super().__init__(self._init_message(template, params))


def stored_params(params: Any) -> dict[str, Any]:
    """``params`` (a dataclass with a ``VERSION``) as the JSON-ready dict kept with its run."""
    out: dict[str, Any] = {"version": type(params).VERSION}
    for key, value in asdict(params).items():
        out[key] = str(value) if isinstance(value, PurePath) else value
    return out


def load_params(cls: type, stored: dict[str, Any], label: str = "?") -> Any:
    """Parameters of ``cls`` from what a run stored (older versions fill in defaults)."""
    data = dict(stored)
    version = data.pop("version", 1)
    if not isinstance(version, int) or version > cls.VERSION:
        raise JobSettingsError(QT_TRANSLATE_NOOP(
            "studio.core", "{run} was made by a newer studio (settings version {version}); update studio to "
                           "repeat it"), run=label, version=version)
    known = {f.name for f in fields(cls)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise JobSettingsError(QT_TRANSLATE_NOOP(
            "studio.core", "{run} has settings this studio does not know ({keys})"), run=label, keys=", ".join(unknown))
    try:
        return cls(**data)
    except TypeError as exc:
        raise JobSettingsError(QT_TRANSLATE_NOOP("studio.core", "{run}: unreadable settings ({reason})"),
                               run=label, reason=str(exc)) from exc


@dataclass
class JobContext:
    """What a job runs against: the dataset and its store (``None``: not recorded), the
    cancel token, who runs it (a window or a command), and for indexing the index to fill."""

    store: Store | None
    token: CancelToken
    dataset: Dataset | None = None
    owner: str = ""
    index: ImageIndex | None = None  # the in-memory index that indexing fills (the window's list shows it)


@dataclass(frozen=True)
class JobSpec:
    """One kind of long job. ``body(params, context)`` yields ``Progress``; ``summarize`` turns
    the last payload into the small JSON summary recorded with the run."""

    kind: str
    params_type: type
    body: Callable[[Any, JobContext], Iterator[Progress]]
    summarize: Callable[[Any], dict[str, Any]] | None = None


def run_recorded(spec: JobSpec, params: Any, context: JobContext) -> Iterator[Progress]:
    """Run ``spec`` with ``params`` and record it: ``finished``, ``cancelled`` (token, Ctrl+C or
    the driver closing the job) or ``failed`` (re-raised); a killed process leaves it
    ``interrupted``. Without a store the job simply runs."""
    from studio.core.store import job_runs
    from studio.core.store.lifecycle import CANCELLED, FAILED, FINISHED

    if not isinstance(params, spec.params_type):
        raise TypeError(f"{spec.kind} takes {spec.params_type.__name__}, not {type(params).__name__}")
    store = context.store
    if store is None:
        yield from spec.body(params, context)
        return
    run_id = job_runs.create(store, spec.kind, stored_params(params))
    job_runs.claim(store, run_id)
    status, last, error = FAILED, None, None
    try:
        for progress in spec.body(params, context):
            last = progress
            yield progress
        status = CANCELLED if context.token.cancelled else FINISHED
    except (GeneratorExit, KeyboardInterrupt):
        status = CANCELLED
        raise
    except Exception as exc:
        error = f"{type(exc).__name__}: {exc}"
        raise
    finally:
        summary = None
        if status == FINISHED and spec.summarize is not None and last is not None:
            try:
                summary = spec.summarize(last.payload)
            except Exception as exc:  # noqa: BLE001 - a summary must never fail the job
                summary = {"summary_error": str(exc)}
        job_runs.end(store, run_id, status, summary, error)
