"""The import, declared once on the job layer (recorded with its parameters; rerun to resume)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studio.core.dataset.layout import Dataset
from studio.core.interchange.importer import ImportPlan, apply_plan, plan_import
from studio.core.jobs import Progress
from studio.core.jobspec import JobContext, JobSpec


@dataclass(frozen=True)
class ImportParams:
    """Labels of format ``fmt`` below ``src`` into the context's dataset."""

    VERSION = 1
    src: str
    fmt: str
    mode: str = "skip"  # skip | merge | replace, for images that have a label file
    mapping: dict[str, str] = field(default_factory=dict)  # source name -> dataset name or id ("" drops)
    skip_difficult: bool = False
    segments: bool = False  # polygons as Ultralytics segment rows instead of their bounding boxes


def import_plan(params: ImportParams, dataset: Dataset) -> ImportPlan:
    """The plan for ``params`` on ``dataset`` (what ``--dry-run`` and the dialog's preview show)."""
    return plan_import(dataset, Path(params.src), params.fmt, params.mode, params.mapping,
                       params.skip_difficult, params.segments)


def _import(params: ImportParams, ctx: JobContext) -> Iterator[Progress]:
    if ctx.dataset is None:
        raise ValueError("import needs a dataset")
    plan = import_plan(params, ctx.dataset)
    yield Progress(0, len(plan.items), stage="plan", payload=plan)
    last = None
    for progress in apply_plan(ctx.dataset, plan, ctx.token):
        last = progress
        yield progress
    if last is not None:
        yield Progress(last.done, last.total, stage="done", payload=plan)


def _summary(plan: Any) -> dict[str, Any]:
    by_action: dict[str, int] = {}
    for item in plan.items:
        by_action[item.action] = by_action.get(item.action, 0) + 1
    return {"images": by_action, "new_classes": plan.new_classes,
            "problems": sum(len(i.problems) for i in plan.items) + len(plan.file_problems), "left_out": plan.counts}


IMPORT = JobSpec("import", ImportParams, _import, _summary)
