"""studio's command line: the headless twin of the GUI's batch work.

    studio gui [DATASET] [--model M]     open the desktop studio
    studio sample [DEST]                 write the sample dataset (default: the user's data folder)
    studio index DATASET [--json]        index a dataset, print label states and problems
    studio export DATASET DEST --format F  export with a registered exporter (plugins too)
    studio preprocess PIPELINE SRC DST   apply a pipeline to a folder on every core (resumable)
    studio thresholds IMAGE... [--json]  the threshold each automatic method picks (ImageJ's numbers)
    studio train DATASET --model M       train on the finished images (--resume RUN_DIR continues)
    studio augment-preview DATASET --out DIR   training samples exactly as Ultralytics' loader makes them
    studio prelabel DATASET --model M    propose boxes with a detection model (resumable)
    studio import SRC DATASET --from F   labels from LabelImg (voc), labelme, coco or cvat
    studio label-issues DATASET          wrong classes, misplaced boxes, unlabeled objects (K folds, cleanlab)
    studio label-effect DATASET          retrain on the labels as found and as fixed; compare mAP50-95
    studio review ACTION DATASET         status / report / auto-accept / export of a reviewed run
    studio check / stats / eval / train-report / split   dataset and model insight
    studio plugins                       list plugins and the ones that failed to load
    studio trust [FILE] [--list] [--revoke KEY]   model files trusted to run their own code

Exit codes: 0 fine, 1 problems found or job failed, 2 bad usage, 130 interrupted.
"""

from __future__ import annotations

import argparse
import sys

from studio import __version__


def cmd_gui(args: argparse.Namespace) -> int:
    """Open the desktop studio."""
    from studio.ui.app import run_gui

    return run_gui(args.dataset, model=args.model)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    from studio.cli.augment import add_augment_parser
    from studio.cli.data import add_data_parsers
    from studio.cli.insight import add_insight_parsers
    from studio.cli.interchange import add_import_parser
    from studio.cli.label_effect import add_label_effect_parser
    from studio.cli.label_issues import add_label_issues_parser
    from studio.cli.prelabel import add_prelabel_parser
    from studio.cli.review import add_review_parser
    from studio.cli.thresholds import add_thresholds_parser
    from studio.cli.train import add_train_parser

    parser = argparse.ArgumentParser(prog="studio", description="Object-detection dataset studio.")
    parser.add_argument("--version", action="version", version=f"studio {__version__}")
    sub = parser.add_subparsers(dest="command")
    p = sub.add_parser("gui", help="open the desktop studio")
    p.add_argument("dataset", nargs="?", help="dataset folder or data.yaml")
    p.add_argument("--model", help="detection model (.pt/.onnx) to load")
    p.set_defaults(func=cmd_gui)

    add_data_parsers(sub)
    add_prelabel_parser(sub)
    add_import_parser(sub)
    add_label_issues_parser(sub)
    add_label_effect_parser(sub)
    add_review_parser(sub)
    add_insight_parsers(sub)
    add_thresholds_parser(sub)
    add_train_parser(sub)
    add_augment_parser(sub)
    return parser


def gui_main() -> int:
    """Entry point of the ``studio-gui`` launcher (a GUI script: no console window on Windows)."""
    return main(["gui", *sys.argv[1:]])


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``studio`` command."""
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:  # NAME=VALUE settings may follow options (augment-preview); anything else is an error
        if getattr(args, "command", None) == "augment-preview" and all("=" in e and not e.startswith("-")
                                                                        for e in extra):
            args.hyp = [*args.hyp, *extra]
        else:
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    return int(args.func(args) or 0)


if __name__ == "__main__":
    raise SystemExit(main())
