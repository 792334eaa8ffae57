"""A private X display for benchmarks that measure a real window (Xvfb)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager


def available() -> bool:
    """True when Xvfb is installed (Debian: apt-get install xvfb)."""
    return shutil.which("Xvfb") is not None


@contextmanager
def display(number: str, size: str = "1400x900x24") -> Iterator[dict[str, str]]:
    """Run Xvfb on ``number`` (":79") for the block; yields an environment for clients on it."""
    xvfb = subprocess.Popen(["Xvfb", number, "-screen", "0", size], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    try:
        env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
        env["DISPLAY"] = number
        yield env
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
