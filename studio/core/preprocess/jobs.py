"""The preprocessing domain's long job, declared once for every driver: apply a pipeline to a
folder. Its record is the output folder's manifest (the pipeline it was made with), which is
also what makes it resumable: a repeated run only does the images still missing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from studio.core.cluster.runner import ClusterSpec
from studio.core.jobs import Progress
from studio.core.jobspec import JobContext, JobSpec
from studio.core.preprocess.batch import preprocess_job, registered_specs
from studio.core.preprocess.pipeline import Pipeline


@dataclass(frozen=True)
class PreprocessParams:
    """``pipeline`` (its JSON) applied to every image below ``src``, PNGs below ``dst``."""

    VERSION = 2  # 2: cluster, images
    pipeline: str
    src: str
    dst: str
    workers: int | None = None
    overwrite: bool = False
    cluster: str | None = None  # a Ray cluster address (local, auto, ray://host:port), or this machine
    images: str = "shared"  # on a cluster: workers read src (shared) or the driver sends the bytes


def _preprocess(params: PreprocessParams, ctx: JobContext) -> Iterator[Progress]:
    pipeline = Pipeline.from_json(params.pipeline, registered_specs())
    cluster = ClusterSpec(params.cluster, params.workers, params.images) if params.cluster else None
    yield from preprocess_job(pipeline, params.src, params.dst, params.workers, ctx.token, overwrite=params.overwrite,
                              cluster=cluster)


PREPROCESS = JobSpec("preprocess", PreprocessParams, _preprocess)
