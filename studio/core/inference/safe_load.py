"""Is Ultralytics' safe checkpoint loader really on in this process, and did it refuse a file?

studio sets ``ULTRALYTICS_SAFE_LOAD=1`` in ``studio.core.runtime`` before Ultralytics is
imported. Ultralytics then loads every ``.pt`` with ``torch.load(weights_only=True)`` and an
allow-list of its own classes, so a pickle that would run code is refused instead.

Two ways that could silently fail, both checked here before a ``.pt`` is opened:
- Ultralytics was imported before the flag was set (the flag is read once, at import);
- torch is older than 2.6, where Ultralytics falls back to an unsafe load without a word.
In either case studio refuses ``.pt`` files; it never falls back to an unsafe load.
"""

from __future__ import annotations

import os
import pickle
import zipfile
from pathlib import Path

from studio.core.runtime import SAFE_LOAD_KEY


def safe_load_problem() -> str | None:
    """Why ``.pt`` files cannot be opened safely in this process, or ``None`` when they can."""
    if os.environ.get(SAFE_LOAD_KEY) != "1":
        return f"{SAFE_LOAD_KEY} is not set to 1 in this process"
    try:
        from ultralytics.nn import tasks
    except ImportError as exc:
        return f"Ultralytics cannot be imported ({exc})"
    safe_loader = getattr(tasks, "_SafeLoad", None)
    if safe_loader is None:
        return "this Ultralytics release has no safe checkpoint loader (studio needs 8.4.190 or newer)"
    if not getattr(safe_loader, "SUPPORTED", False):
        return "the installed torch is too old for safe checkpoint loading (studio needs torch 2.6 or newer)"
    if not getattr(tasks, "SAFE_LOAD", False):
        return "Ultralytics was imported before studio switched its safe loader on"
    return None


REFUSAL_SIGNS = ("Unsupported global", "not an allowed global", "blocked during restricted model load")


def is_refusal(exc: BaseException, path: str | Path | None = None) -> bool:
    """True when ``exc`` is the safe loader refusing a file (not a damaged or foreign one).

    Ultralytics raises ``TypeError`` for both. A refusal has torch's ``UnpicklingError`` as its
    cause and names a global the allow-list does not hold, or an object construction it
    blocked; any other unpickling error in a real torch archive (a zip) counts as a refusal
    too, since only a pickle that is not plain data gets there. Text or other files that are
    not checkpoints at all are damage, not refusals.
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        text = str(current)
        if any(sign in text for sign in REFUSAL_SIGNS):
            return True
        if isinstance(current, pickle.UnpicklingError):
            return path is not None and zipfile.is_zipfile(path)
        current = current.__cause__ or current.__context__
    return False
