"""Recorded jobs in the store (owner of the ``job_runs`` table): which job ran with which
parameters, how it ended, and what it reported. Pre-labeling runs keep their own table
(``inference/runs.py``) because proposals hang off them; both follow ``lifecycle``."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

from studio.core.store import lifecycle
from studio.core.store.db import Store


@dataclass(frozen=True)
class JobRun:
    """One recorded job: its kind, its versioned parameters and how it ended."""

    id: int
    kind: str
    params: dict[str, Any]
    status: str
    created: float
    ended: float | None
    summary: dict[str, Any] | None
    error: str | None


def create(store: Store, kind: str, params: dict[str, Any]) -> int:
    """Record a new job (not running yet: it reads interrupted until ``claim``); returns its id."""
    conn = store.connection()
    with conn:
        cur = conn.execute("INSERT INTO job_runs(kind, params, status, created) VALUES (?,?,?,?)",
                           (kind, json.dumps(params, ensure_ascii=False), lifecycle.INTERRUPTED, time.time()))
    return int(cur.lastrowid)


def claim(store: Store, run_id: int) -> None:
    """This process runs the job now."""
    lifecycle.claim(store, "job_runs", run_id)


def beat(store: Store, run_id: int) -> None:
    """The job is alive (for other hosts watching it)."""
    store.transaction([("UPDATE job_runs SET heartbeat=? WHERE id=?", [(time.time(), run_id)])])


def end(store: Store, run_id: int, status: str, summary: dict[str, Any] | None = None,
        error: str | None = None) -> None:
    """How the job ended, with what it reported."""
    store.transaction([("UPDATE job_runs SET status=?, ended=?, summary=?, error=? WHERE id=?",
                        [(status, time.time(), None if summary is None else json.dumps(summary, default=str),
                          error, run_id)])])


def get(store: Store, run_id: int) -> JobRun | None:
    """A recorded job by id (one whose owner died reads as interrupted)."""
    lifecycle.reap(store, "job_runs")
    row = store.connection().execute(
        "SELECT id, kind, params, status, created, ended, summary, error FROM job_runs WHERE id=?",
        (run_id,)).fetchone()
    return None if row is None else _record(row)


def history(store: Store, kind: str | None = None, limit: int = 50) -> list[JobRun]:
    """Recorded jobs, newest first (of one kind, or all)."""
    lifecycle.reap(store, "job_runs")
    sql = "SELECT id, kind, params, status, created, ended, summary, error FROM job_runs"
    args: tuple = ()
    if kind is not None:
        sql += " WHERE kind=?"
        args = (kind,)
    rows = store.connection().execute(sql + " ORDER BY id DESC LIMIT ?", (*args, limit)).fetchall()
    return [_record(r) for r in rows]


def _record(row: tuple) -> JobRun:
    return JobRun(int(row[0]), row[1], json.loads(row[2]), row[3], float(row[4]), row[5],
                  json.loads(row[6]) if row[6] else None, row[7])
