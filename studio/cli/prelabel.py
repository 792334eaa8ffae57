"""``studio prelabel``: the pre-labeling job (``studio.core.inference.prelabel_run``) with a text progress bar."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from studio.cli.common import ProgressBar, open_dataset_and_store

if TYPE_CHECKING:
    from studio.core.cluster.connect import ClusterInfo
    from studio.core.cluster.runner import ClusterSpec
    from studio.core.dataset.layout import Dataset
    from studio.core.inference.model_file import ModelInfo
    from studio.core.inference.prelabel_run import PrelabelSettings
    from studio.core.store.db import Store


def _prelabel_setup(args: argparse.Namespace, dataset: Dataset, store: Store,
                    info: ModelInfo, device: str | None = None) -> tuple[int, PrelabelSettings] | None:
    """The run to do: ``(run_id, settings)`` for a new run or ``--resume``; prints why not."""
    from studio.core.inference.engine import PredictParams, map_classes
    from studio.core.inference.prelabel_run import PrelabelSettings, RunSettingsError, same_model, start_run
    from studio.core.inference.runs import get_run
    from studio.core.labels.yolo import LabelState, label_state_of
    from studio.core.store.lifecycle import RESUMABLE

    if args.resume:
        run = get_run(store, args.resume)
        if run is None:
            print(f"studio: no run {args.resume} in this dataset", file=sys.stderr)
            return None
        if run.status not in RESUMABLE:
            print(f"studio: run {run.id} is {run.status}; only a cancelled, interrupted or failed run resumes",
                  file=sys.stderr)
            return None
        if not same_model(run.model_path, info):
            print(f"studio: run {run.id} used {run.model_path}; resume it with that model", file=sys.stderr)
            return None
        try:
            return run.id, PrelabelSettings.from_stored(run.params, run.id)
        except RunSettingsError as exc:
            print(f"studio: {exc}", file=sys.stderr)
            return None
    manual = dict(m.split("=", 1) for m in args.map) if args.map else None
    class_map = map_classes(info.names, dataset.classes.names, manual) if dataset.classes.names else {
        k: k for k in info.names}
    if not class_map:
        print("studio: no model class matches a dataset class; use --map MODEL=DATASET", file=sys.stderr)
        return None
    dropped = [info.names[k] for k in info.names if k not in class_map]
    if dropped:
        print(f"dropped model classes: {', '.join(dropped)}")
    predict = PredictParams(conf=args.conf, iou=args.iou, imgsz=args.imgsz or info.imgsz or 640,
                            max_det=args.max_det, agnostic_nms=args.agnostic,
                            classes=[int(c) for c in args.classes.split(",")] if args.classes else None)
    settings = PrelabelSettings(predict, "unlabeled" if args.only_unlabeled else "all", args.slice or None,
                                args.overlap, args.backend, args.device)
    paths = dataset.scan_images().paths
    if args.only_unlabeled:
        paths = [p for p in paths if label_state_of(dataset.label_path(p)) is LabelState.UNLABELED]
    run_id = start_run(store, info, settings, class_map, dataset.classes.names, paths, device)
    return run_id, PrelabelSettings.from_stored(get_run(store, run_id).params, run_id)


def _print_slicing_cost(dataset: object, store: object, run_id: int, settings: object) -> None:
    """What tiling costs on the run's first image."""
    from studio.core.dataset.imageio import read_image_size
    from studio.core.inference.runs import planned_paths
    from studio.core.inference.slicing import estimate_cost

    first = (planned_paths(store, run_id) or [None])[0]  # type: ignore[arg-type]
    if first is not None:
        size = read_image_size(dataset.image_path(first))  # type: ignore[attr-defined]
        print(f"sliced inference on {size[0]}x{size[1]} images: "
              f"{estimate_cost(size, settings.slice, settings.overlap)}")  # type: ignore[attr-defined]


def _connect_cluster(args: argparse.Namespace) -> tuple[ClusterSpec, ClusterInfo, str] | None:
    """With ``--cluster``: connect, and choose the workers' device. ``None`` without it."""
    from studio.core.cluster.connect import connect
    from studio.core.cluster.runner import ClusterSpec, cluster_device

    if not args.cluster:
        return None
    print(f"connecting to the Ray cluster ({args.cluster})...", file=sys.stderr)
    info = connect(args.cluster)
    device = cluster_device(args.device, info)
    print(f"cluster: {info.describe()}; workers on {'GPU' if device != 'cpu' else 'CPU'}, images {args.images}",
          file=sys.stderr)
    return ClusterSpec(args.cluster, args.workers, args.images, gpu=device != "cpu"), info, device


def cmd_prelabel(args: argparse.Namespace) -> int:
    """Propose boxes for a dataset's images with a detection model (resumable), here or on a cluster."""
    from studio.core.cluster.connect import ClusterError, disconnect
    from studio.core.device import DeviceError, resolve_device
    from studio.core.inference.model_file import ModelError, load_detection_model

    opened = open_dataset_and_store(args.dataset)
    if opened is None:
        return 1
    dataset, store = opened
    try:
        cluster = _connect_cluster(args)
        if args.resume is None and cluster is None:
            resolve_device(args.device)  # a device that is not there: one line, before loading anything
        model, info = load_detection_model(args.model, trust=args.trust_model)
        setup = _prelabel_setup(args, dataset, store, info, cluster[2] if cluster else None)
    except (DeviceError, ClusterError) as exc:
        disconnect()
        print(f"studio: {exc}", file=sys.stderr)
        return 2
    except ModelError as exc:
        disconnect()
        print(f"studio: {exc}", file=sys.stderr)
        return 1
    if setup is None:
        disconnect()
        return 2
    return _run_prelabel(args, dataset, store, model, info, setup, cluster)


def _run_prelabel(args: argparse.Namespace, dataset: Dataset, store: Store, model: object, info: ModelInfo,
                  setup: tuple[int, PrelabelSettings], cluster: tuple | None) -> int:
    """Run the prepared run with a progress bar; print its counts and stage breakdown."""
    from studio.core.cluster.connect import ClusterError
    from studio.core.inference.model_file import ModelError
    from studio.core.inference.pipeline import StageTimes
    from studio.core.inference.prelabel_run import run_job
    from studio.core.inference.runs import run_counts, write_labels_from_run
    from studio.core.jobs import CancelToken

    run_id, settings = setup
    p = settings.predict
    print(f"run {run_id}: model {info.path.name} ({settings.backend} on {settings.device}), imgsz {p.imgsz}, "
          f"conf {p.conf}" + (f", {settings.slice} px tiles" if settings.slice else ""))
    if settings.slice:
        _print_slicing_cost(dataset, store, run_id, settings)
    bar, times = ProgressBar("prelabel"), StageTimes()
    job = run_job(dataset, store, run_id, model, info, CancelToken(), batch=args.batch, times=times,
                  cluster=cluster[0] if cluster else None, cluster_info=cluster[1] if cluster else None)
    try:
        for progress in job:
            bar.update(progress)
    except KeyboardInterrupt:
        print(f"\ninterrupted; resume with: studio prelabel {args.dataset} --model {args.model} "
              f"--resume {run_id}", file=sys.stderr)
        return 130
    except (ModelError, ClusterError) as exc:
        print(f"studio: {exc}", file=sys.stderr)
        return 1
    finally:
        job.close()  # a job left mid-way (Ctrl+C) records its run as cancelled now
    counts = run_counts(store, run_id)
    print(f"run {run_id}: {counts.get('done', 0)} images, {counts['proposals']} proposals, "
          f"{counts.get('error', 0)} unreadable")
    if times.images:
        print(f"stages: {times.summary()}")
    if args.write_labels:
        written, kept = write_labels_from_run(dataset, store, run_id)
        print(f"label files written for {written} images without labels; {kept} existing files untouched")
    return 0


def add_prelabel_parser(sub: argparse._SubParsersAction) -> None:
    """The prelabel subcommand."""
    p = sub.add_parser("prelabel", help="propose boxes with a detection model (resumable)")
    p.add_argument("dataset")
    p.add_argument("--model", required=True, help=".pt or .onnx detection model")
    p.add_argument("--conf", type=float, default=0.25)
    p.add_argument("--iou", type=float, default=0.7)
    p.add_argument("--imgsz", type=int, default=None, help="default: the model's training size")
    p.add_argument("--max-det", type=int, default=300)
    p.add_argument("--classes", help="comma-separated model class ids to keep")
    p.add_argument("--agnostic", action="store_true", help="class-agnostic NMS")
    p.add_argument("--map", action="append", metavar="MODEL=DATASET",
                   help="map a model class to a dataset class by name or id (repeatable)")
    p.add_argument("--only-unlabeled", action="store_true", help="only images without a label file")
    p.add_argument("--resume", type=int, metavar="RUN", help="continue an interrupted run")
    p.add_argument("--slice", type=int, metavar="TILE",
                   help="sliced inference with TILE px tiles (for small objects; costs more)")
    p.add_argument("--overlap", type=float, default=0.2, help="tile overlap for --slice")
    p.add_argument("--device", default="auto", help="auto (a GPU when there is one), cpu, cuda, cuda:N or mps")
    p.add_argument("--batch", type=int, default=None,
                   help="images of one shape per forward pass (default: 4 on a CPU, 16 on a GPU)")
    p.add_argument("--cluster", metavar="ADDRESS",
                   help="run on a Ray cluster: local (start Ray here), auto (RAY_ADDRESS) or ray://host:port")
    p.add_argument("--workers", type=int, default=None,
                   help="with --cluster: model workers (default: one per GPU, else one per node)")
    p.add_argument("--images", choices=("shared", "send"), default="shared",
                   help="with --cluster: workers read the dataset path (shared mount) or get the bytes sent")
    p.add_argument("--backend", choices=("auto", "onnx", "torch"), default="auto",
                   help="auto: ONNX Runtime when available (faster on CPU), else PyTorch")
    p.add_argument("--write-labels", action="store_true",
                   help="write proposals as label files for images that have none")
    p.add_argument("--trust-model", action="store_true",
                   help="the .pt file may run its own code (only if you trust where it came from); "
                        "remembered for this file, see 'studio trust'")
    p.set_defaults(func=cmd_prelabel)
