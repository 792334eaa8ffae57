"""Long work as plain generators: they yield ``Progress`` and stop when a token is cancelled.

The GUI runs a job on a worker thread and the CLI in a loop with a progress bar; both
drive the same generator, so they cannot drift apart.

Example:
    >>> token = CancelToken()
    >>> eta = EtaClock(total=10)
    >>> p = eta.progress(5)
    >>> p.done, p.total
    (5, 10)
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


class CancelToken:
    """A flag a job checks between steps; ``cancel()`` may be called from any thread."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop at its next check."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """True once ``cancel()`` was called."""
        return self._event.is_set()

    def __call__(self) -> bool:
        return self._event.is_set()


@dataclass(frozen=True)
class Progress:
    """How far a job is: ``done`` of ``total`` steps, rate, ETA and an optional payload."""

    done: int
    total: int
    rate: float = 0.0  # steps per second
    eta_s: float | None = None
    stage: str = ""
    payload: Any = field(default=None, compare=False)

    @property
    def fraction(self) -> float:
        """Share done in [0, 1]."""
        return self.done / self.total if self.total else 1.0


class EtaClock:
    """Rate and ETA from an exponential moving average of step times."""

    def __init__(self, total: int, smoothing: float = 0.3, start_done: int = 0) -> None:
        self.total = total
        self.smoothing = smoothing
        self._last_t = time.perf_counter()
        self._last_done = start_done  # steps done before this clock (resumed work) set no rate
        self._rate = 0.0

    def progress(self, done: int, stage: str = "", payload: Any = None) -> Progress:
        """A ``Progress`` for ``done`` steps, updating the rate estimate."""
        now = time.perf_counter()
        dt, dn = now - self._last_t, done - self._last_done
        if dt > 0 and dn > 0:
            inst = dn / dt
            self._rate = inst if self._rate == 0 else (
                self.smoothing * inst + (1 - self.smoothing) * self._rate)
            self._last_t, self._last_done = now, done
        eta = (self.total - done) / self._rate if self._rate > 0 else None
        return Progress(done, self.total, self._rate, eta, stage, payload)


def last_payload(job: Iterable[Progress]) -> Any:
    """Run ``job`` to the end and return its last payload (for one-shot drivers and scripts)."""
    last = None
    for progress in job:
        last = progress
    return None if last is None else last.payload


def format_eta(seconds: float | None) -> str:
    """``1:02:03``-style duration, or ``--:--`` when unknown.

    >>> format_eta(3723), format_eta(65), format_eta(None)
    ('1:02:03', '1:05', '--:--')
    """
    if seconds is None or seconds != seconds or seconds < 0:
        return "--:--"
    s = int(round(seconds))
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
