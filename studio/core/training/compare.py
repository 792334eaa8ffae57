"""Models of one dataset compared on the same validation images, as they are labeled now.

The val part of the fixed split is shared by every run of a dataset and none of them trained
on it. Labels may have been fixed in review since a run ended, so its own final numbers are
not comparable; each model is validated again (Ultralytics' own ``val``, in a spawned process,
so the GUI process never imports torch) on a fresh copy of today's val images and labels.
"""

from __future__ import annotations

import json
import multiprocessing
import queue
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from studio.core.jobs import Progress
from studio.core.jobspec import JobContext, JobSpec
from studio.core.store.db import Store
from studio.core.training import child


@dataclass
class ModelScore:
    """One model's numbers on the shared val images."""

    run_dir: str
    metrics: dict[str, float] = field(default_factory=dict)
    error: str = ""

    @property
    def map50(self) -> float:
        """mAP at IoU 0.5."""
        return self.metrics.get("metrics/mAP50(B)", float("nan"))

    @property
    def map50_95(self) -> float:
        """mAP over IoU 0.5-0.95."""
        return self.metrics.get("metrics/mAP50-95(B)", float("nan"))


def finished_runs(store: Store) -> list[str]:
    """Run folders of this dataset's finished training runs that still have best.pt, oldest first."""
    from studio.core.store import job_runs

    out = []
    for record in reversed(job_runs.history(store, "train", limit=500)):
        run_dir = str(record.params.get("run_dir", ""))
        if record.status == "finished" and run_dir and (Path(run_dir) / "weights" / "best.pt").is_file():
            if run_dir not in out:
                out.append(run_dir)
    return out


@dataclass(frozen=True)
class CompareParams:
    """Validate the best.pt of ``run_dirs`` on the dataset's current val images in ``folder``."""

    VERSION = 1
    run_dirs: tuple[str, ...]
    folder: str


def comparison_params(store: Store | None, run_dir: str | Path) -> CompareParams | None:
    """What to compare when ``run_dir`` has just finished: it and the run before it (``None``
    when it is the dataset's first finished run). The val copy goes into the new run's folder."""
    runs = finished_runs(store) if store is not None else []
    if len(runs) < 2 or runs[-1] != str(run_dir):
        return None
    return CompareParams(tuple(runs[-2:]), str(Path(run_dir) / "compare"))


def _compare(params: CompareParams, ctx: JobContext) -> Iterator[Progress]:
    from studio.core.training.selection import select_training_images
    from studio.core.training.workspace import build_workspace, fixed_split

    dataset, index = ctx.dataset, ctx.index
    assert dataset is not None and index is not None
    chosen = select_training_images(dataset, index, ctx.store)
    split, _ = fixed_split(dataset, ctx.store, chosen.paths, dict(zip(index.paths, index.splits)))
    val = {p: "val" for p, part in split.items() if part == "val"}
    data_yaml = build_workspace(dataset, val, Path(params.folder)).data_yaml
    scores: list[ModelScore] = []
    yield Progress(0, len(params.run_dirs), stage="start", payload=(len(val), scores))
    for k, run_dir in enumerate(params.run_dirs):
        if ctx.token():
            return
        imgsz = _run_imgsz(Path(run_dir))
        scores.append(_validate(str(Path(run_dir) / "weights" / "best.pt"), str(data_yaml), imgsz, run_dir))
        yield Progress(k + 1, len(params.run_dirs), stage="model", payload=(len(val), list(scores)))


def _run_imgsz(run_dir: Path) -> int | None:
    try:
        import yaml

        return int(yaml.safe_load((run_dir / "args.yaml").read_text(encoding="utf-8")).get("imgsz"))
    except (OSError, ValueError, TypeError, AttributeError):
        return None


def _validate(model: str, data_yaml: str, imgsz: int | None, run_dir: str) -> ModelScore:
    spawn = multiprocessing.get_context("spawn")
    events = spawn.Queue()
    process = spawn.Process(target=child.validate, args=(model, data_yaml, imgsz, events), daemon=True)
    process.start()
    try:
        while True:
            try:
                kind, data = events.get(timeout=0.2)
                break
            except queue.Empty:
                if not process.is_alive():
                    return ModelScore(run_dir, error=f"validation stopped (exit code {process.exitcode})")
    finally:
        process.join(timeout=60)
        if process.is_alive():
            process.kill()
    if kind == child.EVENT_DONE:
        return ModelScore(run_dir, data)
    return ModelScore(run_dir, error=data.get("message", "validation failed"))


def summarize(payload: tuple | None) -> dict:
    """What the job record keeps: each model's mAP50 on the shared val images."""
    if not payload:
        return {}
    n, scores = payload
    return {"val_images": n, "models": [{"run": s.run_dir, "mAP50": s.map50, "error": s.error} for s in scores]}


COMPARE = JobSpec("compare_models", CompareParams, _compare, summarize)


def comparison_text(n_val: int, scores: list[ModelScore]) -> str:
    """One line per model, newest last (plain text for the CLI and the window)."""
    lines = [f"On the same {n_val} val images, labeled as they are now (none of the models trained on them):"]
    for s in scores:
        name = Path(s.run_dir).name
        lines.append(f"  {name}: {s.error}" if s.error else
                     f"  {name}: mAP50 {s.map50:.3f}, mAP50-95 {s.map50_95:.3f}")
    return "\n".join(lines)


def to_json(n_val: int, scores: list[ModelScore]) -> str:
    """The comparison as JSON."""
    return json.dumps({"val_images": n_val, "models": [{"run_dir": s.run_dir, "metrics": s.metrics, "error": s.error}
                                                        for s in scores]}, indent=2)
