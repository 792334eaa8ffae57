"""studio's command line: the headless twin of the GUI's batch work.

    studio gui [DATASET] [--model M]     open the desktop studio
    studio sample [DEST]                 write the sample dataset (default: the user's data folder)
    studio index DATASET [--json]        index a dataset, print label states and problems
    studio export DATASET DEST --format F  export with a registered exporter (plugins too)
    studio preprocess PIPELINE SRC DST   apply a pipeline to a folder on every core (resumable)
    studio prelabel DATASET --model M    propose boxes with a detection model (resumable)
    studio review ACTION DATASET         status / report / auto-accept / export of a reviewed run
    studio check / stats / eval / train-report / split   dataset and model insight (cli_insight)
    studio plugins                       list plugins and the ones that failed to load
    studio trust [FILE] [--list] [--revoke KEY]   model files trusted to run their own code

Exit codes: 0 fine, 1 problems found or job failed, 2 bad usage, 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from studio import __version__


class ProgressBar:
    """A one-line text progress bar with rate and ETA on stderr (quiet when not a TTY)."""

    def __init__(self, label: str, stream=None, min_interval: float = 0.2) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.tty = getattr(self.stream, "isatty", lambda: False)()
        self.min_interval = min_interval
        self._last = 0.0

    def update(self, progress) -> None:  # noqa: ANN001 - a studio.core.jobs.Progress
        """Redraw for a ``Progress`` (throttled)."""
        from studio.core.jobs import format_eta

        now = time.monotonic()
        final = progress.done >= progress.total
        if not final and now - self._last < self.min_interval:
            return
        self._last = now
        width = 30
        filled = int(width * progress.fraction)
        line = (f"{self.label} [{'#' * filled}{'.' * (width - filled)}] {progress.done}/{progress.total}"
                f" {progress.rate:,.0f}/s ETA {format_eta(progress.eta_s)}")
        if self.tty:
            self.stream.write("\r" + line + ("\n" if final else ""))
            self.stream.flush()
        elif final:
            self.stream.write(line + "\n")


def open_dataset_and_store(path: str):  # noqa: ANN201 - (Dataset, Store) | None
    """Open a dataset and its store, or print why not and return ``None``."""
    from studio.core.dataset import DatasetError, open_dataset
    from studio.core.storage import open_store

    try:
        dataset = open_dataset(path)
        store, _ = open_store(dataset)
    except (DatasetError, OSError) as exc:
        print(f"studio: {exc}", file=sys.stderr)
        return None
    return dataset, store


def cmd_sample(args: argparse.Namespace) -> int:
    """Write the deterministic sample dataset (default: the user's data folder)."""
    from studio.core.jobs import CancelToken
    from studio.core.sample_data import default_sample_dir, sample_exists, sample_job

    dest = Path(args.dest) if args.dest else default_sample_dir()
    if sample_exists(dest) and not args.force:
        print(f"{dest} already holds a dataset; use --force to regenerate it")
        return 0
    token = CancelToken()
    bar = ProgressBar("sample")
    try:
        for progress in sample_job(dest, token, n_train=args.train, n_val=args.val, seed=args.seed):
            bar.update(progress)
    except FileExistsError as exc:
        print(f"studio: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"studio: cannot write the sample to {dest}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        token.cancel()
        print("\ninterrupted; nothing was left behind", file=sys.stderr)
        return 130
    print(f"sample dataset written to {dest}")
    return 0


def cmd_index(args: argparse.Namespace) -> int:
    """Index a dataset and report its label states and problems."""
    from studio.core.dataset import DatasetError, open_dataset
    from studio.core.index import ImageIndex, State, index_job
    from studio.core.jobs import CancelToken
    from studio.core.store import Store, StoreError

    try:
        dataset = open_dataset(args.dataset)
        listing = dataset.scan_images()
        store = Store(dataset.store_dir)
    except (DatasetError, StoreError) as exc:
        print(f"studio: {exc}", file=sys.stderr)
        return 1
    index = ImageIndex.from_listing(listing)
    bar = ProgressBar("indexing")
    token = CancelToken()
    try:
        for progress in index_job(dataset, index, store, token):
            if progress.payload is not None:
                index.apply(progress.payload)
            if progress.stage == "index":
                bar.update(progress)
    except KeyboardInterrupt:
        token.cancel()
        print("\ninterrupted; the next run resumes where this one stopped", file=sys.stderr)
        return 130
    counts = index.counts()
    findings = [*dataset.findings, *listing.findings]
    report = {
        "dataset": str(dataset.root),
        "layout": dataset.layout.value,
        "classes": dataset.classes.names,
        "images": len(index),
        "labeled": counts.get(State.LABELED, 0),
        "negative": counts.get(State.NEGATIVE, 0),
        "unlabeled": counts.get(State.UNLABELED, 0),
        "unreadable": counts.get(State.ERROR, 0),
        "verified": int(index.verified.sum()),
        "problems": [str(f) for f in findings] + [f"{index.paths[i]}: {e}" for i, e in
                                                   sorted(index.errors.items())],
    }
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        _print_report(report)
    return 1 if report["problems"] else 0


def _print_report(report: dict) -> None:
    print(f"{report['dataset']} ({report['layout']}), {len(report['classes'])} classes: "
          f"{', '.join(report['classes']) or '-'}")
    print(f"{report['images']} images: {report['labeled']} labeled, {report['negative']} negative, "
          f"{report['unlabeled']} unlabeled, {report['unreadable']} unreadable, "
          f"{report['verified']} verified")
    for line in report["problems"][:50]:
        print(f"  {line}")
    if len(report["problems"]) > 50:
        print(f"  ... and {len(report['problems']) - 50} more (use --json for all)")


def cmd_plugins(args: argparse.Namespace) -> int:
    """List plugins and failures."""
    from studio.core.plugins import KINDS, default_plugin_folders, registry

    registry.discover(default_plugin_folders())
    for kind in KINDS:
        names = registry.names(kind)
        print(f"{kind}: {', '.join(names) if names else '-'}")
    for failure in registry.failures:
        print(f"failed: {failure.source}: {failure.error}")
    return 1 if registry.failures else 0


def cmd_export(args: argparse.Namespace) -> int:
    """Run a registered exporter over a dataset."""
    from studio.core.dataset import DatasetError, open_dataset
    from studio.core.index import ImageIndex
    from studio.core.plugins import default_plugin_folders, registry

    registry.discover(default_plugin_folders())
    for failure in registry.failures:
        print(f"studio: skipped plugin {failure.source}: {failure.error}", file=sys.stderr)
    try:
        exporter = registry.get("exporter", args.format)
    except KeyError:
        names = ", ".join(registry.names("exporter")) or "none"
        print(f"studio: no exporter named {args.format!r} (available: {names})", file=sys.stderr)
        return 2
    try:
        dataset = open_dataset(args.dataset)
    except DatasetError as exc:
        print(f"studio: {exc}", file=sys.stderr)
        return 1
    index = ImageIndex.from_listing(dataset.scan_images())
    bar = ProgressBar(f"export {args.format}")
    for progress in exporter(dataset, index, Path(args.dest)):
        bar.update(progress)
    print(f"exported {len(index)} images with {args.format} to {args.dest}")
    return 0


def cmd_preprocess(args: argparse.Namespace) -> int:
    """Apply a saved pipeline to a folder of images, on every core, resumably."""
    from studio.core.jobs import CancelToken
    from studio.core.preprocess.batch import _worker_specs, preprocess_job
    from studio.core.preprocess.export import write_script
    from studio.core.preprocess.pipeline import Pipeline, PipelineError

    try:
        pipeline = Pipeline.from_json(Path(args.pipeline).read_text(encoding="utf-8"), _worker_specs())
    except (OSError, UnicodeDecodeError) as exc:
        print(f"studio: cannot read {args.pipeline}: {exc}", file=sys.stderr)
        return 1
    except PipelineError as exc:
        print(f"studio: {args.pipeline}: {exc}", file=sys.stderr)
        return 1
    if args.export_script:
        write_script(pipeline, args.export_script, _worker_specs())
        print(f"script written to {args.export_script}")
        return 0
    token = CancelToken()
    bar = ProgressBar("preprocess")
    counts = {"written": 0, "skipped": 0, "failed": 0}
    failures = []
    try:
        for progress in preprocess_job(pipeline, args.src, args.dst, args.workers, token,
                                       overwrite=args.overwrite):
            for result in progress.payload or []:
                counts[result.status] += 1
                if result.status == "failed":
                    failures.append(f"{result.rel}: {result.error}")
            bar.update(progress)
    except PipelineError as exc:
        print(f"studio: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        token.cancel()
        print("\ninterrupted; run the same command again to finish", file=sys.stderr)
        return 130
    for line in failures[:50]:
        print(f"  failed: {line}", file=sys.stderr)
    print(f"{counts['written']} written, {counts['skipped']} already done, {counts['failed']} failed")
    return 1 if failures else 0


def _prelabel_setup(args: argparse.Namespace, dataset, store, info):  # noqa: ANN001, ANN202
    """The run to do: ``(run_id, settings)`` for a new run or ``--resume``; prints why not."""
    from studio.core.inference.engine import PredictParams, map_classes
    from studio.core.inference.prelabel_run import PrelabelSettings, RunSettingsError, same_model, start_run
    from studio.core.labels import LabelState, label_state_of
    from studio.core.runs import RESUMABLE, get_run

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
                                args.overlap, args.backend)
    paths = dataset.scan_images().paths
    if args.only_unlabeled:
        paths = [p for p in paths if label_state_of(dataset.label_path(p)) is LabelState.UNLABELED]
    run_id = start_run(store, info, settings, class_map, dataset.classes.names, paths)
    return run_id, PrelabelSettings.from_stored(get_run(store, run_id).params, run_id)


def cmd_prelabel(args: argparse.Namespace) -> int:
    """Propose boxes for a dataset's images with a detection model (resumable)."""
    from studio.core.inference.model_file import ModelError, load_detection_model
    from studio.core.inference.prelabel_run import run_job
    from studio.core.jobs import CancelToken
    from studio.core.runs import run_counts, write_labels_from_run

    opened = open_dataset_and_store(args.dataset)
    if opened is None:
        return 1
    dataset, store = opened
    try:
        model, info = load_detection_model(args.model, trust=args.trust_model)
        setup = _prelabel_setup(args, dataset, store, info)
    except ModelError as exc:
        print(f"studio: {exc}", file=sys.stderr)
        return 1
    if setup is None:
        return 2
    run_id, settings = setup
    p = settings.predict
    print(f"run {run_id}: model {info.path.name} ({settings.backend}), imgsz {p.imgsz}, conf {p.conf}"
          + (f", {settings.slice} px tiles" if settings.slice else ""))
    if settings.slice:
        from studio.core.imageio import read_image_size
        from studio.core.inference.slicing import estimate_cost
        from studio.core.runs import planned_paths

        first = (planned_paths(store, run_id) or [None])[0]
        if first is not None:
            size = read_image_size(dataset.image_path(first))
            print(f"sliced inference on {size[0]}x{size[1]} images: "
                  f"{estimate_cost(size, settings.slice, settings.overlap)}")
    token = CancelToken()
    bar = ProgressBar("prelabel")
    job = run_job(dataset, store, run_id, model, info, token)
    try:
        for progress in job:
            bar.update(progress)
    except KeyboardInterrupt:
        print(f"\ninterrupted; resume with: studio prelabel {args.dataset} --model {args.model} "
              f"--resume {run_id}", file=sys.stderr)
        return 130
    except ModelError as exc:
        print(f"studio: {exc}", file=sys.stderr)
        return 1
    finally:
        job.close()  # a job left mid-way (Ctrl+C) records its run as cancelled now
    counts = run_counts(store, run_id)
    print(f"run {run_id}: {counts.get('done', 0)} images, {counts['proposals']} proposals, "
          f"{counts.get('error', 0)} unreadable")
    if args.write_labels:
        written, kept = write_labels_from_run(dataset, store, run_id)
        print(f"label files written for {written} images without labels; {kept} existing files untouched")
    return 0


def cmd_trust(args: argparse.Namespace) -> int:
    """Trust a model file (it may run its own code once, to be converted), list or revoke trust."""
    from studio.core.inference.model_file import ModelError, load_detection_model
    from studio.core.inference.trust import TrustList

    trusted = TrustList()
    if args.revoke:
        gone = trusted.revoke(args.revoke)
        for entry in gone:
            print(f"no longer trusted: {entry.name} ({entry.sha256[:12]})")
        if not gone:
            print(f"studio: no trusted model file matches {args.revoke!r}", file=sys.stderr)
            return 2
        return 0
    if args.file:
        try:
            _model, info = load_detection_model(args.file, trust=True)
        except ModelError as exc:
            print(f"studio: {exc}", file=sys.stderr)
            return 1
        how = f"opens as {info.opened_file}" if info.source else "loads safely without trust"
        print(f"trusted: {info.path.name} ({len(info.names)} classes); {how}")
        return 0
    entries = trusted.entries()
    for entry in entries:
        added = time.strftime("%Y-%m-%d %H:%M", time.localtime(entry.added))
        print(f"{entry.sha256[:12]}  {added}  {entry.path}")
    if not entries:
        print("no trusted model files")
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    """Open the desktop studio."""
    from studio.ui.app import run_gui

    return run_gui(args.dataset, model=args.model)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(prog="studio", description="Object-detection dataset studio.")
    parser.add_argument("--version", action="version", version=f"studio {__version__}")
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("gui", help="open the desktop studio")
    p.add_argument("dataset", nargs="?", help="dataset folder or data.yaml")
    p.add_argument("--model", help="detection model (.pt/.onnx) to load")
    p.set_defaults(func=cmd_gui)

    p = sub.add_parser("sample", help="write the sample dataset")
    p.add_argument("dest", nargs="?", help="folder (default: the sample folder in your data folder, "
                                           "which the GUI's 'Open the Sample Dataset' uses)")
    p.add_argument("--force", action="store_true", help="regenerate over an existing one")
    p.add_argument("--train", type=int, default=320)
    p.add_argument("--val", type=int, default=80)
    p.add_argument("--seed", type=int, default=0)
    p.set_defaults(func=cmd_sample)

    p = sub.add_parser("index", help="index a dataset and report label states and problems")
    p.add_argument("dataset")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("export", help="export a dataset with a registered exporter")
    p.add_argument("dataset")
    p.add_argument("dest")
    p.add_argument("--format", required=True, help="exporter name (see 'studio plugins')")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("preprocess", help="apply a saved pipeline to a folder of images")
    p.add_argument("pipeline", help="pipeline JSON saved by studio")
    p.add_argument("src", nargs="?", help="folder of images")
    p.add_argument("dst", nargs="?", help="output folder (PNG, same relative paths)")
    p.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    p.add_argument("--overwrite", action="store_true", help="redo images already done")
    p.add_argument("--export-script", metavar="PY", help="write the pipeline as a standalone script")
    p.set_defaults(func=cmd_preprocess)

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
    p.add_argument("--backend", choices=("auto", "onnx", "torch"), default="auto",
                   help="auto: ONNX Runtime when available (faster on CPU), else PyTorch")
    p.add_argument("--write-labels", action="store_true",
                   help="write proposals as label files for images that have none")
    p.add_argument("--trust-model", action="store_true",
                   help="the .pt file may run its own code (only if you trust where it came from); "
                        "remembered for this file, see 'studio trust'")
    p.set_defaults(func=cmd_prelabel)

    from studio.cli_insight import add_insight_parsers
    from studio.cli_review import add_review_parser

    add_review_parser(sub)
    add_insight_parsers(sub)

    p = sub.add_parser("plugins", help="list plugins and failures")
    p.set_defaults(func=cmd_plugins)

    p = sub.add_parser("trust", help="model files trusted to run their own code: trust, list, revoke",
                       description="A .pt file studio refused carries code. Trusting it lets a separate "
                                   "process open it once and write a clean copy (checkpoint or ONNX) that "
                                   "studio opens instead. Trust is per file content (SHA-256).")
    p.add_argument("file", nargs="?", help="the model file to trust (converted now)")
    p.add_argument("--list", action="store_true", help="list trusted files (the default)")
    p.add_argument("--revoke", metavar="KEY", help="forget a trusted file by path or hash prefix")
    p.set_defaults(func=cmd_trust)
    return parser


def gui_main() -> int:
    """Entry point of the ``studio-gui`` launcher (a GUI script: no console window on Windows)."""
    return main(["gui", *sys.argv[1:]])


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``studio`` command."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    return int(args.func(args) or 0)


if __name__ == "__main__":
    raise SystemExit(main())
