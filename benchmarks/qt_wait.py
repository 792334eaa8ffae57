"""Driving the real window from scripts: let Qt run while waiting (benchmarks, screenshots)."""

from __future__ import annotations

import time
from collections.abc import Callable


def wait_until(pred: Callable[[], bool], timeout: float = 30.0, poll: float = 0.001) -> bool:
    """Process Qt events until ``pred()`` holds or ``timeout`` seconds pass; returns ``pred()``."""
    from PyQt6.QtWidgets import QApplication

    app = QApplication.instance()
    end = time.perf_counter() + timeout
    while not pred() and time.perf_counter() < end:
        app.processEvents()
        time.sleep(poll)
    return pred()


def pump(seconds: float, poll: float = 0.005) -> None:
    """Process Qt events for ``seconds`` (a user looking at the screen; background work runs)."""
    wait_until(lambda: False, seconds, poll)
