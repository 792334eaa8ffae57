"""Short background calls for the GUI: one-shot calls and latest-request-wins lanes.

Long jobs (generators of ``Progress`` with cancel) run on ``workers.JobWorker``. Everything
else that must not block painting goes through here:

- ``run_call(fn, on_result, on_error)``: call ``fn()`` on a pool thread and deliver its
  result, or its exception, on the GUI thread. Nothing is ever lost silently: an
  exception without ``on_error`` is reported through ``errors``.
- ``CallLane``: one call at a time with a declared policy: ``"latest"`` (previews, model
  loads: a newer request replaces the waiting one) or ``"refuse"`` (evaluations: a second
  request is refused). The lane is never left busy: a call that raises reports the error
  and the next request runs.
- ``wait_all()``: block until every background call has finished (shutdown, tests).

Every signal is emitted from a pool thread and delivered, queued, on the thread that owns
the receiving ``QObject`` (the GUI thread).
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PyQt6.QtCore import QObject, QRunnable, QThreadPool, pyqtSignal


@dataclass(frozen=True)
class CallError:
    """A background call that raised: the exception and its formatted traceback."""

    exception: BaseException
    details: str

    @property
    def message(self) -> str:
        """``Type: message`` (translated by the caller where the exception carries a template)."""
        return f"{type(self.exception).__name__}: {self.exception}"


class _Relay(QObject):
    """Lives on the GUI thread; carries a call's outcome back to it."""

    done = pyqtSignal(object, object)  # callback, value

    def __init__(self) -> None:
        super().__init__()
        self.done.connect(lambda callback, value: callback(value))


class _Errors(QObject):
    """Background errors nobody handled (the main window shows them)."""

    unhandled = pyqtSignal(object)  # CallError


_relays: dict[int, tuple[_Relay, _Errors]] = {}  # per QCoreApplication instance (tests make several)
_pending = 0
_idle = threading.Condition()


def _relay_pair() -> tuple[_Relay, _Errors]:
    """The relay of the running application (made on its thread on first use)."""
    from PyQt6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    key = id(app)
    pair = _relays.get(key)
    if pair is None:
        _relays.clear()  # an older application is gone: so are its relays
        pair = _relays[key] = (_Relay(), _Errors())
        if app is not None:
            for obj in pair:
                obj.moveToThread(app.thread())
    return pair


class _Call(QRunnable):
    def __init__(self, fn: Callable[[], Any], deliver: Callable[[Callable[[Any], None], Any], None],
                 on_result: Callable[[Any], None], on_error: Callable[[CallError], None]) -> None:
        super().__init__()
        self.fn, self.deliver, self.on_result, self.on_error = fn, deliver, on_result, on_error

    def run(self) -> None:
        global _pending
        try:
            try:
                value = self.fn()
            except BaseException as exc:  # noqa: BLE001 - every failure reaches the user
                self.deliver(self.on_error, CallError(exc, traceback.format_exc()))
            else:
                self.deliver(self.on_result, value)
        except RuntimeError:
            pass  # the receiver is gone (the window or the application closed while this ran)
        finally:
            with _idle:
                _pending -= 1
                _idle.notify_all()


def unhandled_errors() -> _Errors:
    """The object whose ``unhandled`` signal carries errors no caller handled (shown by the window)."""
    return _relay_pair()[1]


def _report(error: CallError) -> None:
    _relay_pair()[1].unhandled.emit(error)


def _start(pool: QThreadPool, call: _Call, priority: int = 0) -> None:
    global _pending
    with _idle:
        _pending += 1
    pool.start(call, priority)


def run_call(fn: Callable[[], Any], on_result: Callable[[Any], None],
             on_error: Callable[[CallError], None] | None = None) -> None:
    """Run ``fn()`` off the GUI thread; ``on_result(value)`` or ``on_error(CallError)`` follows on it."""
    relay = _relay_pair()[0]
    _start(QThreadPool.globalInstance(), _Call(fn, relay.done.emit, on_result, on_error or _report))


def wait_all(timeout_s: float = 60.0) -> bool:
    """Block until every ``run_call`` has finished and delivered; False on timeout."""
    from PyQt6.QtCore import QCoreApplication

    with _idle:
        finished = _idle.wait_for(lambda: _pending == 0, timeout=timeout_s)
    app = QCoreApplication.instance()
    if app is not None:
        app.processEvents()  # deliver the queued results
    return finished


class CallLane(QObject):
    """Background calls with a declared policy for a request that comes while one runs:

    - ``"latest"``: one call at a time; the request waits, replacing any older waiting one
      (which never runs). Results arrive in request order (previews, model loads).
    - ``"refuse"``: one call at a time; the request is refused (``submit`` returns False).
    - ``"newest"``: every request starts at once on the lane's ``threads``; only the newest
      request's result (or error) is delivered, older ones are dropped (the image on screen).

    ``warm(fn)`` runs a low-priority call nobody waits for (prefetching). An error is delivered
    (``failed``) and never leaves the lane busy.
    """

    result = pyqtSignal(object)
    failed = pyqtSignal(object)  # CallError
    _delivered = pyqtSignal(object, object)  # callback, value: from the pool thread to this one

    def __init__(self, parent: QObject | None = None, policy: str = "latest", threads: int = 1) -> None:
        super().__init__(parent)
        if policy not in ("latest", "refuse", "newest"):
            raise ValueError(f"unknown lane policy {policy!r}")
        self.policy = policy
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._running = 0
        self._ticket = 0
        self._warm_generation = 0
        self._waiting: Callable[[], Any] | None = None
        self._delivered.connect(lambda callback, value: callback(value))

    @property
    def busy(self) -> bool:
        """True while a call runs."""
        return self._running > 0

    def submit(self, fn: Callable[[], Any]) -> bool:
        """Request ``fn()``: now if the lane is free (or the policy is ``newest``), else by the
        policy; False when refused."""
        self._ticket += 1
        if self.policy == "newest" or not self.busy:
            self._start(fn, self._ticket)
            return True
        if self.policy == "refuse":
            return False
        self._waiting = fn
        return True

    def warm(self, fn: Callable[[], Any]) -> None:
        """Run ``fn()`` at low priority; its result and errors are ignored (a cache warms up)."""
        generation = self._warm_generation

        def call() -> Any:
            return None if generation != self._warm_generation else fn()  # cleared meanwhile: skip

        _start(self._pool, _Call(call, lambda callback, value: None, lambda _v: None, lambda _e: None), priority=0)

    def _start(self, fn: Callable[[], Any], ticket: int) -> None:
        self._running += 1
        _start(self._pool, _Call(fn, self._delivered.emit, lambda value: self._done(ticket, value, None),
                                 lambda error: self._done(ticket, None, error)), priority=1)

    def _done(self, ticket: int, value: Any, error: CallError | None) -> None:
        self._running -= 1
        if self._waiting is not None and not self.busy:
            fn, self._waiting = self._waiting, None
            self._start(fn, self._ticket)
        if self.policy == "newest" and ticket != self._ticket:
            return  # a newer request is on its way
        if error is not None:
            self.failed.emit(error)
        else:
            self.result.emit(value)

    def clear_warming(self) -> None:
        """Warm-up calls that have not started yet will do nothing."""
        self._warm_generation += 1

    def wait(self, timeout_s: float = 120.0) -> bool:
        """Block until the lane is idle and its results are delivered (tests, benchmarks, shutdown)."""
        import time

        from PyQt6.QtCore import QCoreApplication

        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            self._pool.waitForDone(100)
            QCoreApplication.processEvents()
            if not self.busy and self._waiting is None and self._pool.activeThreadCount() == 0:
                break
        return not self.busy and self._waiting is None
