"""One run lifecycle for every kind of recorded work (pre-labeling runs, recorded jobs).

``running`` carries its owner (pid, host) and a heartbeat; it ends ``finished``, ``failed`` or
``cancelled``. A run found ``running`` whose owner is gone (killed, crashed, a host silent for
``STALE_SECONDS``) is ``interrupted``. Cancelled, interrupted and failed runs can be resumed.
"""

from __future__ import annotations

import os
import socket
import time

from studio.core.store.db import Store

RUNNING, FINISHED, FAILED, CANCELLED, INTERRUPTED = "running", "finished", "failed", "cancelled", "interrupted"
RESUMABLE = (CANCELLED, INTERRUPTED, FAILED)
STALE_SECONDS = 120.0

_TABLES = ("runs", "job_runs")  # the tables whose rows follow this lifecycle


def _table(name: str) -> str:
    if name not in _TABLES:
        raise ValueError(f"{name!r} does not follow the run lifecycle")
    return name


def claim(store: Store, table: str, run_id: int) -> None:
    """This process now runs ``run_id``: status running, owner and heartbeat set."""
    store.transaction([(f"UPDATE {_table(table)} SET status=?, owner_pid=?, owner_host=?, heartbeat=? WHERE id=?",
                        [(RUNNING, os.getpid(), socket.gethostname(), time.time(), run_id)])])


def owner_alive(pid: int | None, host: str | None, heartbeat: float | None) -> bool:
    """True when the process that claimed a run is still there."""
    if pid is None or host is None:
        return False
    if host != socket.gethostname():
        return heartbeat is not None and time.time() - heartbeat < STALE_SECONDS
    from studio.core.store.presence import pid_alive

    return pid_alive(int(pid))


def reap(store: Store, table: str) -> int:
    """Mark runs whose owner is gone interrupted; returns how many."""
    rows = store.connection().execute(
        f"SELECT id, owner_pid, owner_host, heartbeat FROM {_table(table)} WHERE status=?", (RUNNING,)).fetchall()
    dead = [(INTERRUPTED, rid) for rid, pid, host, beat in rows if not owner_alive(pid, host, beat)]
    if dead:
        store.transaction([(f"UPDATE {table} SET status=? WHERE id=? AND status='running'", dead)])
    return len(dead)
