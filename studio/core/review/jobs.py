"""The review domain's long jobs, declared once for every driver: automatic accept and the
export of a run's reviewed images."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studio.core.dataset.export import ExportSummary, export_ultralytics, split_fractions
from studio.core.inference.runs import get_run
from studio.core.jobs import Progress
from studio.core.jobspec import JobContext, JobSpec
from studio.core.review.auto_accept import auto_accept_job
from studio.core.review.classes import check_run_classes
from studio.core.review.workflow import queue_items


@dataclass(frozen=True)
class AutoAcceptParams:
    """Accept the images of ``run_id`` whose proposals are all at or above ``threshold``,
    holding back a seeded spot-check sample (``spot_fraction``, at least ``min_spot``)."""

    VERSION = 1
    run_id: int
    threshold: float
    spot_fraction: float = 0.05
    min_spot: int = 20
    seed: int = 0


def _auto_accept(params: AutoAcceptParams, ctx: JobContext) -> Iterator[Progress]:
    assert ctx.dataset is not None and ctx.store is not None
    run = get_run(ctx.store, params.run_id)
    check = check_run_classes(run.dataset_names if run else None, ctx.dataset.classes.names)
    yield from auto_accept_job(ctx.dataset, ctx.store, params.run_id, params.threshold, params.spot_fraction,
                               params.min_spot, params.seed, ctx.owner, check, ctx.token)


def _auto_accept_summary(stats: dict[str, Any]) -> dict[str, Any]:
    return {"accepted": stats["accepted"], "spot": stats["spot"], "boxes": stats["boxes"],
            "duplicates": stats["duplicates"], "failed": len(stats["failed"])}


AUTO_ACCEPT = JobSpec("auto-accept", AutoAcceptParams, _auto_accept, _auto_accept_summary)


@dataclass(frozen=True)
class ReviewExportParams:
    """Write the images humans finished in ``run_id`` as an Ultralytics dataset in ``out``."""

    VERSION = 1
    run_id: int
    out: str
    val: float = 0.2
    test: float = 0.0
    seed: int = 0
    link: bool = False
    coco: bool = False


def reviewed_images(ctx: JobContext, run_id: int) -> list[str]:
    """The finished images of a run (reviewed, accepted automatically or spot-checked)."""
    assert ctx.store is not None
    return [it.path for it in queue_items(ctx.store, run_id) if it.done]


def _review_export(params: ReviewExportParams, ctx: JobContext) -> Iterator[Progress]:
    assert ctx.dataset is not None
    yield from export_ultralytics(ctx.dataset, reviewed_images(ctx, params.run_id), Path(params.out),
                                  split_fractions(params.val, params.test), params.seed, link=params.link,
                                  coco=params.coco, cancelled=ctx.token)


REVIEW_EXPORT = JobSpec("review-export", ReviewExportParams, _review_export, ExportSummary.record)
