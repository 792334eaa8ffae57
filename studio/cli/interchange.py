"""``studio import``: another tool's labels into a YOLO dataset, previewed with ``--dry-run``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from studio.cli.common import ProgressBar, open_dataset_and_store


def _print_plan(plan: Any, dry_run: bool) -> None:
    """Image by image: the action, the boxes, and every problem with its file."""
    for source, message in plan.file_problems:
        print(f"  problem  {source}: {message}", file=sys.stderr)
    for item in plan.items:
        what = f"{item.boxes} boxes" + (f", {item.segments} segments" if item.segments else "")
        print(f"  {item.action:8} {item.image or '-'}  {what}  ({item.source})")
        for problem in item.problems:
            print(f"  problem  {item.source}: {problem}", file=sys.stderr)
    if plan.new_classes:
        print(("would add" if dry_run else "added") + " classes: " + ", ".join(plan.new_classes))
    for reason, n in sorted(plan.counts.items()):
        print(f"left out or changed: {n} {reason}")


def cmd_import(args: argparse.Namespace) -> int:
    """Import labels; ``--dry-run`` only shows what would change."""
    from studio.core.interchange.jobs import IMPORT, ImportParams, import_plan
    from studio.core.jobs import CancelToken
    from studio.core.jobspec import JobContext, run_recorded

    opened = open_dataset_and_store(args.dataset)
    if opened is None:
        return 1
    dataset, store = opened
    mapping = {}
    for item in args.map or []:
        if "=" not in item:
            print(f"studio: --map takes NAME=CLASS (or NAME= to drop), not {item!r}", file=sys.stderr)
            return 2
        name, target = item.split("=", 1)
        mapping[name] = target
    params = ImportParams(args.src, args.fmt, args.mode, mapping, args.skip_difficult, args.segments)
    if args.dry_run:
        plan = import_plan(params, dataset)
        _print_plan(plan, True)
        return _finish(plan, args.json)
    bar, plan = ProgressBar("import"), None
    for progress in run_recorded(IMPORT, params, JobContext(store, CancelToken(), dataset, owner="cli")):
        if progress.stage in ("plan", "done"):
            plan = progress.payload
        else:
            bar.update(progress)
    _print_plan(plan, False)
    return _finish(plan, args.json)


def _finish(plan: Any, as_json: bool) -> int:
    if as_json:
        print(json.dumps([{"source": i.source, "image": i.image, "action": i.action, "boxes": i.boxes,
                           "segments": i.segments, "problems": i.problems} for i in plan.items],
                         ensure_ascii=False, indent=1))
    troubled = any(i.problems for i in plan.items) or plan.file_problems
    return 1 if troubled else 0


def add_import_parser(sub: argparse._SubParsersAction) -> None:
    """The import subcommand."""
    p = sub.add_parser("import", help="import labels from LabelImg (VOC), labelme, COCO or CVAT")
    p.add_argument("src", help="a file, or a folder searched for them")
    p.add_argument("dataset")
    p.add_argument("--from", dest="fmt", required=True, choices=("voc", "labelme", "coco", "cvat"))
    p.add_argument("--map", action="append", metavar="NAME=CLASS",
                   help="map a source class to a dataset class (name or id); NAME= drops it (repeatable)")
    p.add_argument("--mode", choices=("skip", "merge", "replace"), default="skip",
                   help="images that have a label file: skip them (default), merge (duplicates suppressed), "
                        "or replace")
    p.add_argument("--skip-difficult", action="store_true", help="leave out VOC boxes marked difficult")
    p.add_argument("--segments", action="store_true", help="keep polygons as segment rows, not their boxes")
    p.add_argument("--dry-run", action="store_true", help="show what would change, image by image; write nothing")
    p.add_argument("--json", action="store_true", help="the per-image plan as JSON too")
    p.set_defaults(func=cmd_import)
