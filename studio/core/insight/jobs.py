"""The insight domain's long jobs, declared once for every driver: the check and the statistics
survey (both read the dataset and never write it)."""

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
