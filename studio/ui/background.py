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


def _start(pool: QThreadPool, call: _Call) -> None:
    global _pending
    with _idle:
        _pending += 1
    pool.start(call)


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
    """At most one call at a time, with a declared policy for a request that comes meanwhile:

    - ``"latest"``: it waits, replacing any older waiting request (which never runs). Results
      arrive in request order, so nothing older than what is shown is delivered.
    - ``"refuse"``: it is refused (``submit`` returns False); the running call goes on.

    An error is delivered (``failed``) and frees the lane for the next request.
    """

    result = pyqtSignal(object)
    failed = pyqtSignal(object)  # CallError
    _delivered = pyqtSignal(object, object)  # callback, value: from the pool thread to this one

    def __init__(self, parent: QObject | None = None, policy: str = "latest") -> None:
        super().__init__(parent)
        if policy not in ("latest", "refuse"):
            raise ValueError(f"unknown lane policy {policy!r}")
        self.policy = policy
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._busy = False
        self._waiting: Callable[[], Any] | None = None
        self._delivered.connect(lambda callback, value: callback(value))

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
        _start(self._pool, _Call(fn, self._delivered.emit, lambda value: self._done(value, None),
                                 lambda error: self._done(None, error)))

    def _done(self, value: Any, error: CallError | None) -> None:
        self._busy = False
        if self._waiting is not None:
            fn, self._waiting = self._waiting, None
            self._start(fn)
        if error is not None:
            self.failed.emit(error)
        else:
            self.result.emit(value)

    def wait(self, timeout_s: float = 120.0) -> bool:
        """Block until the lane is idle and its results are delivered (tests, benchmarks, shutdown)."""
        import time

        from PyQt6.QtCore import QCoreApplication

        deadline = time.monotonic() + timeout_s
        while (self._busy or self._waiting is not None) and time.monotonic() < deadline:
            self._pool.waitForDone(100)
            QCoreApplication.processEvents()
        return not self._busy and self._waiting is None
