"""The dataset domain's long jobs, declared once for every driver: indexing (every open of a
dataset, ``studio index``) and the stratified split into a clean Ultralytics copy (``studio split``,
Dataset Insight's Export tab)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from studio.core.dataset.export import ExportSummary, export_ultralytics, split_fractions
from studio.core.jobs import Progress
from studio.core.jobspec import JobContext, JobSpec


@dataclass(frozen=True)
class SplitParams:
    """Every image of the dataset, split seeded and stratified into ``out``."""

    VERSION = 1
    out: str
    val: float = 0.2
    test: float = 0.0
    seed: int = 0
    link: bool = False
    coco: bool = False


def _split(params: SplitParams, ctx: JobContext) -> Iterator[Progress]:
    assert ctx.dataset is not None
    yield from export_ultralytics(ctx.dataset, ctx.dataset.scan_images().paths, Path(params.out),
                                  split_fractions(params.val, params.test), params.seed, link=params.link,
                                  coco=params.coco, cancelled=ctx.token)


SPLIT = JobSpec("split", SplitParams, _split, ExportSummary.record)


@dataclass(frozen=True)
class IndexParams:
    """Bring the store and the index up to date with the files, ``batch`` images a transaction."""

    VERSION = 1
    batch: int = 512


def _index(params: IndexParams, ctx: JobContext) -> Iterator[Progress]:
    from studio.core.dataset.index import index_job

    assert ctx.dataset is not None and ctx.store is not None and ctx.index is not None
    yield from index_job(ctx.dataset, ctx.index, ctx.store, ctx.token, batch=params.batch)


INDEX = JobSpec("index", IndexParams, _index)
