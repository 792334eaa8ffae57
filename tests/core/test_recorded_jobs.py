"""Every long job is declared once (kind, versioned parameters, generator) and recorded with one
run lifecycle, whichever driver runs it."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from studio.core.jobs import CancelToken, Progress
from studio.core.jobspec import JobContext, JobSettingsError, JobSpec, load_params, run_recorded, stored_params
from studio.core.store import job_runs
from studio.core.store.db import Store


@dataclass(frozen=True)
class CountParams:
    VERSION = 2
    n: int = 3
    fail_at: int = -1


def _count(params: CountParams, ctx: JobContext) -> Iterator[Progress]:
    for i in range(params.n):
        if ctx.token.cancelled:
            return
        if i == params.fail_at:
            raise RuntimeError("boom at step " + str(i))
        yield Progress(i + 1, params.n, payload={"done": i + 1})


COUNT = JobSpec("count", CountParams, _count, lambda payload: dict(payload))


def test_parameters_round_trip_and_other_versions_are_refused_clearly() -> None:
    stored = stored_params(CountParams(5))
    assert stored == {"version": 2, "n": 5, "fail_at": -1}
    assert load_params(CountParams, stored) == CountParams(5)
    assert load_params(CountParams, {"n": 4}) == CountParams(4)  # version 1 had no fail_at
    with pytest.raises(JobSettingsError, match="newer studio"):
        load_params(CountParams, {**stored, "version": 3}, "job 7")
    with pytest.raises(JobSettingsError, match=r"does not know \(speed\)"):
        load_params(CountParams, {**stored, "speed": 2}, "job 7")


def test_a_recorded_job_ends_finished_cancelled_or_failed(tmp_path: Path) -> None:
    store = Store(tmp_path / ".studio")
    list(run_recorded(COUNT, CountParams(3), JobContext(store, CancelToken())))
    token = CancelToken()
    for progress in run_recorded(COUNT, CountParams(5), JobContext(store, token)):
        if progress.done == 2:
            token.cancel()
    with pytest.raises(RuntimeError, match="boom"):
        list(run_recorded(COUNT, CountParams(5, fail_at=1), JobContext(store, CancelToken())))
    job = run_recorded(COUNT, CountParams(5), JobContext(store, CancelToken()))
    next(job)
    job.close()  # a driver that stops iterating (window closed, Ctrl+C)
    closed, failed, cancelled, finished = [(r.status, r.summary, r.error) for r in job_runs.history(store)]
    assert finished == ("finished", {"done": 3}, None)
    assert cancelled[0] == "cancelled" and closed[0] == "cancelled"
    assert failed[0] == "failed" and "boom at step 1" in failed[2]
    assert job_runs.history(store)[-1].params == {"version": 2, "n": 3, "fail_at": -1}


def test_a_killed_job_reads_interrupted(tmp_path: Path) -> None:
    script = tmp_path / "slow.py"
    script.write_text(textwrap.dedent(f'''
        import sys, time
        sys.path.insert(0, {str(Path(__file__).resolve().parents[1])!r})
        from dataclasses import dataclass
        from studio.core.jobs import CancelToken, Progress
        from studio.core.jobspec import JobContext, JobSpec, run_recorded
        from studio.core.store.db import Store

        @dataclass(frozen=True)
        class P:
            VERSION = 1

        def body(params, ctx):
            for i in range(1000):
                time.sleep(0.05)
                yield Progress(i, 1000)

        ctx = JobContext(Store({str(tmp_path / ".studio")!r}), CancelToken())
        for p in run_recorded(JobSpec("slow", P, body), P(), ctx):
            print(p.done, flush=True)
    '''), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "0"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    raw = sqlite3.connect(tmp_path / ".studio" / "studio.db").execute("SELECT status FROM job_runs").fetchone()
    assert raw == ("running",)  # what the dead process left behind ...
    assert job_runs.history(Store(tmp_path / ".studio"))[0].status == "interrupted"  # ... reads as interrupted


def test_cli_jobs_are_recorded_and_listed(sample_dataset: Path, tmp_path: Path, capsys) -> None:
    from studio.cli import main

    assert main(["index", str(sample_dataset)]) == 0  # the dataset has a store now
    assert main(["check", str(sample_dataset)]) in (0, 1)
    assert main(["split", str(sample_dataset), str(tmp_path / "split"), "--seed", "3"]) == 0
    capsys.readouterr()
    assert main(["jobs", str(sample_dataset), "--json"]) == 0
    jobs = json.loads(capsys.readouterr().out)["jobs"]
    assert [j["kind"] for j in jobs] == ["split", "check", "index"]
    assert jobs[0]["status"] == "finished" and jobs[0]["params"]["seed"] == 3
    assert sum(jobs[0]["summary"]["images"].values()) == 14
    assert jobs[1]["summary"]["images"] == 14


def test_read_only_commands_never_create_a_store(sample_dataset: Path) -> None:
    from studio.cli import main

    assert main(["check", str(sample_dataset)]) in (0, 1)
    assert main(["stats", str(sample_dataset)]) == 0
    assert not (sample_dataset / ".studio").exists()
