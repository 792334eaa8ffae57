"""``studio thresholds IMAGE...``: the threshold every automatic method (or one) picks for each image."""

from __future__ import annotations

import argparse
import json
import sys

from studio.core.preprocess.imagej import IMAGEJ_METHODS
from studio.core.preprocess.thresholds import ALL_METHODS, ThresholdImageError, read_gray, thresholds_of


def cmd_thresholds(args: argparse.Namespace) -> int:
    """Print each image's thresholds (ImageJ's numbers for ImageJ's method names)."""
    methods = (args.method,) if args.method else IMAGEJ_METHODS
    results: dict[str, dict] = {}
    errors: dict[str, str] = {}
    for path in args.images:
        try:
            gray = read_gray(path)
        except ThresholdImageError as exc:
            errors[path] = str(exc)
            continue
        results[path] = thresholds_of(gray, methods, args.ignore_black, args.ignore_white).as_json()
    if args.json:
        print(json.dumps({**results, "errors": errors}, ensure_ascii=False, indent=2))
    else:
        for path, values in results.items():
            failed = set(values["failed"])
            cells = [f"{m}={values[m]:g}" + ("!" if m in failed else "") for m in methods]
            print(f"{path}: {' '.join(cells)}")
        if any(values["failed"] for values in results.values()):
            print("! = the method's algorithm failed on that image; the threshold is 0, as in ImageJ")
        for path, message in errors.items():
            print(f"{path}: {message}", file=sys.stderr)
    return 1 if errors else 0


def add_thresholds_parser(sub: argparse._SubParsersAction) -> None:
    """Register ``studio thresholds``."""
    p = sub.add_parser("thresholds", help="the threshold each automatic method picks for each image (ImageJ's numbers)",
                       description="Foreground is the pixels above the threshold. The 16 ImageJ names give "
                                   "ImageJ 1.53t's AutoThresholder numbers; lower-case names are the "
                                   "scikit-image/OpenCV variants older pipelines use. Colour images are "
                                   "converted to gray with OpenCV's weights.")
    p.add_argument("images", nargs="+", metavar="IMAGE")
    p.add_argument("--method", choices=ALL_METHODS, help="only this method (default: all 16 of ImageJ's)")
    p.add_argument("--ignore-black", action="store_true", help="leave pixels at 0 out of the histogram (Fiji)")
    p.add_argument("--ignore-white", action="store_true", help="leave pixels at 255 out of the histogram (Fiji)")
    p.add_argument("--json", action="store_true",
                   help='print {"IMAGE": {"Method": threshold, ..., "failed": [...]}, "errors": {"IMAGE": why}}')
    p.set_defaults(func=cmd_thresholds)
