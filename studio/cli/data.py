"""Dataset commands: sample, index, export, preprocess, plugins, trust."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from studio.cli.common import ProgressBar, job_context, open_dataset_and_store


def cmd_sample(args: argparse.Namespace) -> int:
    """Write the deterministic sample dataset (default: the user's data folder)."""
    from studio.core.dataset.sample import default_sample_dir, sample_exists, sample_job
    from studio.core.jobs import CancelToken

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
    from studio.core.dataset.index import ImageIndex, State
    from studio.core.dataset.jobs import INDEX, IndexParams
    from studio.core.jobspec import run_recorded

    opened = open_dataset_and_store(args.dataset)
    if opened is None:
        return 1
    dataset, store = opened
    listing = dataset.scan_images()
    index = ImageIndex.from_listing(listing)
    bar = ProgressBar("indexing")
    ctx = job_context(dataset, store)
    ctx.index = index
    token = ctx.token
    try:
        for progress in run_recorded(INDEX, IndexParams(), ctx):
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
    from studio.core.dataset.index import ImageIndex
    from studio.core.dataset.layout import DatasetError, open_dataset
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
    """Apply a saved pipeline to a folder of images, on every core (or a Ray cluster), resumably."""
    from studio.core.cluster.connect import ClusterError
    from studio.core.jobs import CancelToken
    from studio.core.jobspec import JobContext, run_recorded
    from studio.core.preprocess.batch import registered_specs
    from studio.core.preprocess.export import write_script
    from studio.core.preprocess.jobs import PREPROCESS, PreprocessParams
    from studio.core.preprocess.pipeline import Pipeline, PipelineError

    try:
        pipeline = Pipeline.from_json(Path(args.pipeline).read_text(encoding="utf-8"), registered_specs())
    except (OSError, UnicodeDecodeError) as exc:
        print(f"studio: cannot read {args.pipeline}: {exc}", file=sys.stderr)
        return 1
    except PipelineError as exc:
        print(f"studio: {args.pipeline}: {exc}", file=sys.stderr)
        return 1
    if args.export_script:
        write_script(pipeline, args.export_script, registered_specs())
        print(f"script written to {args.export_script}")
        return 0
    token = CancelToken()
    bar = ProgressBar("preprocess")
    counts = {"written": 0, "skipped": 0, "failed": 0}
    failures = []
    try:
        params = PreprocessParams(pipeline.to_json(), args.src, args.dst, args.workers, args.overwrite,
                                  args.cluster, args.images)
        for progress in run_recorded(PREPROCESS, params, JobContext(None, token)):
            for result in progress.payload or []:
                counts[result.status] += 1
                if result.status == "failed":
                    failures.append(f"{result.rel}: {result.error}")
            bar.update(progress)
    except (PipelineError, ClusterError) as exc:
        print(f"studio: {exc}", file=sys.stderr)
        return 1 if isinstance(exc, PipelineError) else 2
    except KeyboardInterrupt:
        token.cancel()
        print("\ninterrupted; run the same command again to finish", file=sys.stderr)
        return 130
    for line in failures[:50]:
        print(f"  failed: {line}", file=sys.stderr)
    print(f"{counts['written']} written, {counts['skipped']} already done, {counts['failed']} failed")
    return 1 if failures else 0


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


def cmd_jobs(args: argparse.Namespace) -> int:
    """List the dataset's recorded jobs and pre-labeling runs, newest first."""
    from studio.cli.common import open_dataset_and_store
    from studio.core.inference.runs import list_runs
    from studio.core.store.job_runs import history

    opened = open_dataset_and_store(args.dataset)
    if opened is None:
        return 1
    _dataset, store = opened
    jobs, runs = history(store, limit=args.limit), list_runs(store)[: args.limit]
    if args.json:
        print(json.dumps({"jobs": [{"id": j.id, "kind": j.kind, "status": j.status, "params": j.params,
                                    "created": j.created, "ended": j.ended, "summary": j.summary, "error": j.error}
                                   for j in jobs],
                          "prelabel_runs": [{"id": r.id, "status": r.status, "model": r.model_path,
                                             "params": r.params, "created": r.created} for r in runs]},
                         ensure_ascii=False, indent=1))
        return 0
    for j in jobs:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(j.created))
        summary = ", ".join(f"{k} {v}" for k, v in (j.summary or {}).items())
        print(f"job {j.id:>4}  {when}  {j.kind:<14} {j.status:<11} {summary}{('  ' + j.error) if j.error else ''}")
    for r in runs:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(r.created))
        print(f"run {r.id:>4}  {when}  {'prelabel':<14} {r.status:<11} {Path(r.model_path).name}")
    if not jobs and not runs:
        print("no recorded jobs")
    return 0


def add_data_parsers(sub: argparse._SubParsersAction) -> None:
    """The dataset subcommands."""
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
    p.add_argument("--workers", type=int, default=None,
                   help="processes (default: all cores); with --cluster: Ray workers (default: one per node)")
    p.add_argument("--overwrite", action="store_true", help="redo images already done")
    p.add_argument("--cluster", metavar="ADDRESS",
                   help="run on a Ray cluster: local (start Ray here), auto (RAY_ADDRESS) or ray://host:port")
    p.add_argument("--images", choices=("shared", "send"), default="shared",
                   help="with --cluster: workers read the source path (shared mount) or get the bytes sent")
    p.add_argument("--export-script", metavar="PY", help="write the pipeline as a standalone script")
    p.set_defaults(func=cmd_preprocess)

    p = sub.add_parser("jobs", help="the dataset's recorded jobs and pre-labeling runs, newest first")
    p.add_argument("dataset")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_jobs)

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
