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


_relay: _Relay | None = None
errors: _Errors | None = None
_pending = 0
_idle = threading.Condition()


def _ensure_relay() -> _Relay:
    global _relay, errors
    if _relay is None:
        _relay, errors = _Relay(), _Errors()
    return _relay


class _Call(QRunnable):
    def __init__(self, fn: Callable[[], Any], on_result: Callable[[Any], None],
                 on_error: Callable[[CallError], None]) -> None:
        super().__init__()
        self.fn, self.on_result, self.on_error = fn, on_result, on_error

    def run(self) -> None:
        global _pending
        relay = _ensure_relay()
        try:
            value = self.fn()
        except BaseException as exc:  # noqa: BLE001 - every failure reaches the user
            relay.done.emit(self.on_error, CallError(exc, traceback.format_exc()))
        else:
            relay.done.emit(self.on_result, value)
        finally:
            with _idle:
                _pending -= 1
                _idle.notify_all()


def unhandled_errors() -> _Errors:
    """The object whose ``unhandled`` signal carries errors no caller handled (shown by the window)."""
    _ensure_relay()
    assert errors is not None
    return errors


def _report(error: CallError) -> None:
    _ensure_relay()
    assert errors is not None
    errors.unhandled.emit(error)


def run_call(fn: Callable[[], Any], on_result: Callable[[Any], None],
             on_error: Callable[[CallError], None] | None = None, pool: QThreadPool | None = None) -> None:
    """Run ``fn()`` off the GUI thread; ``on_result(value)`` or ``on_error(CallError)`` follows on it."""
    global _pending
    _ensure_relay()
    with _idle:
        _pending += 1
    (pool or QThreadPool.globalInstance()).start(_Call(fn, on_result, on_error or _report))


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
    """At most one call at a time, with a declared policy for a request that comes meanwhile:

    - ``"latest"``: it waits, replacing any older waiting request (which never runs). Results
      arrive in request order, so nothing older than what is shown is delivered.
    - ``"refuse"``: it is refused (``submit`` returns False); the running call goes on.

    An error is delivered (``failed``) and frees the lane for the next request.
    """

    result = pyqtSignal(object)
    failed = pyqtSignal(object)  # CallError

    def __init__(self, parent: QObject | None = None, policy: str = "latest") -> None:
        super().__init__(parent)
        if policy not in ("latest", "refuse"):
            raise ValueError(f"unknown lane policy {policy!r}")
        self.policy = policy
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._busy = False
        self._waiting: Callable[[], Any] | None = None

    @property
    def busy(self) -> bool:
        """True while a call runs."""
        return self._busy

    def submit(self, fn: Callable[[], Any]) -> bool:
        """Request ``fn()``: now if the lane is free, else by the policy; False when refused."""
        if not self._busy:
            self._start(fn)
            return True
        if self.policy == "refuse":
            return False
        self._waiting = fn
        return True

    def _start(self, fn: Callable[[], Any]) -> None:
        self._busy = True
        run_call(fn, lambda value: self._done(value, None), lambda error: self._done(None, error), self._pool)

    def _done(self, value: Any, error: CallError | None) -> None:
        self._busy = False
        if self._waiting is not None:
            fn, self._waiting = self._waiting, None
            self._start(fn)
        if error is not None:
            self.failed.emit(error)
        else:
            self.result.emit(value)

    def wait(self) -> None:
        """Block until the lane is idle (tests, benchmarks, shutdown)."""
        while True:
            self._pool.waitForDone()
            wait_all()
            if not self._busy and self._waiting is None:
                return
