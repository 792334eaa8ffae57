"""Which studio windows have a dataset open right now (two windows, one dataset).

Each window registers a row in the store and refreshes its heartbeat; a row whose
heartbeat is older than ``STALE_SECONDS`` (or whose process is gone, on this host)
belongs to a window that crashed and is ignored. Nothing is locked: both windows may
work, label files are guarded against silent overwrites, and review decisions are
shared through the store. This module only lets each window say so.
"""

from __future__ import annotations

import os
import socket
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from studio.core.store.db import Store, StoreError

STALE_SECONDS = 90.0


@dataclass(frozen=True)
class Presence:
    """Another window's registration."""

    id: str
    pid: int
    host: str
    started: float


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else (or not checkable)
    try:  # on Linux a killed window not yet reaped by its parent is a zombie: not alive
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat[stat.rindex(")") + 2] != "Z"
    except (OSError, ValueError, IndexError):
        return True


def register(store: Store) -> str:
    """Register this window; returns its id (also the ``owner`` of its review rows)."""
    sid = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
    now = time.time()
    store.transaction([("INSERT OR REPLACE INTO sessions(id, pid, host, started, heartbeat) VALUES (?,?,?,?,?)",
                        [(sid, os.getpid(), socket.gethostname(), now, now)])])
    return sid


def heartbeat(store: Store, sid: str) -> None:
    """Refresh this window's row."""
    try:
        store.transaction([("UPDATE sessions SET heartbeat=? WHERE id=?", [(time.time(), sid)])])
    except StoreError:
        pass  # a read-only or busy store must not break the window; presence is advisory


def unregister(store: Store, sid: str) -> None:
    """Remove this window's row (closing the dataset)."""
    try:
        store.transaction([("DELETE FROM sessions WHERE id=?", [(sid,)])])
    except StoreError:
        pass


def others(store: Store, sid: str) -> list[Presence]:
    """Other live windows on this dataset."""
    host = socket.gethostname()
    now = time.time()
    out = []
    for rid, pid, rhost, started, beat in store.connection().execute(
            "SELECT id, pid, host, started, heartbeat FROM sessions WHERE id != ?", (sid,)):
        if now - beat > STALE_SECONDS or (rhost == host and not pid_alive(int(pid))):
            continue
        out.append(Presence(rid, int(pid), rhost, float(started)))
    return out
