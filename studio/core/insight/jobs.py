"""The insight domain's long jobs, declared once for every driver: the check, the statistics
survey and the evaluation of predictions (all read the dataset and never write it)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from studio.core.findings import Severity
from studio.core.insight.qa import check_job
from studio.core.insight.survey import survey_job
from studio.core.jobs import Progress
from studio.core.jobspec import JobContext, JobSpec


@dataclass(frozen=True)
class CheckParams:
    """Check the dataset; ``pixels`` also compares box colours (decodes every image at 1/8)."""

    VERSION = 1
    pixels: bool = False
    workers: int | None = None


def _check(params: CheckParams, ctx: JobContext) -> Iterator[Progress]:
    assert ctx.dataset is not None
    yield from check_job(ctx.dataset, pixels=params.pixels, workers=params.workers, cancelled=ctx.token)


def _check_summary(payload: Any) -> dict[str, Any]:
    report = payload[0]
    return {"images": report.images, "boxes": report.boxes, "errors": report.count(Severity.ERROR),
            "warnings": report.count(Severity.WARNING), "info": report.count(Severity.INFO)}


CHECK = JobSpec("check", CheckParams, _check, _check_summary)


@dataclass(frozen=True)
class StatsParams:
    """Survey the dataset for its statistics."""

    VERSION = 1
    workers: int | None = None


def _stats(params: StatsParams, ctx: JobContext) -> Iterator[Progress]:
    assert ctx.dataset is not None
    yield from survey_job(ctx.dataset, workers=params.workers, cancelled=ctx.token)


STATS = JobSpec("stats", StatsParams, _stats, lambda survey: {"images": len(survey.images)})


@dataclass(frozen=True)
class EvaluateParams:
    """Compare predictions with the labels: ``run_id`` (a pre-labeling run) or ``folder`` (the
    ``save_txt save_conf`` files of ``yolo predict``)."""

    VERSION = 1
    run_id: int | None = None
    folder: str | None = None


def _evaluate(params: EvaluateParams, ctx: JobContext) -> Iterator[Progress]:
    from studio.core.insight.evaluation import evaluate_predictions, predictions_from_folder, predictions_from_run

    assert ctx.dataset is not None
    yield Progress(0, 1, stage="start")
    paths = ctx.dataset.scan_images().paths
    if params.run_id is not None:
        if ctx.store is None:
            raise ValueError("a run's predictions need the dataset's store")
        preds = predictions_from_run(ctx.store, params.run_id, paths)
    else:
        preds = predictions_from_folder(params.folder or "", ctx.dataset, paths)
    yield Progress(1, 1, stage="done", payload=evaluate_predictions(ctx.dataset, preds, paths))


def _evaluate_summary(rep: Any) -> dict[str, Any]:
    return {"images": rep.images, "map50": round(rep.map50, 4), "map50_95": round(rep.map50_95, 4),
            "best_conf": round(rep.best_conf, 4)}


EVALUATE = JobSpec("evaluate", EvaluateParams, _evaluate, _evaluate_summary)
