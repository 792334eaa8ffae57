"""Open the studio: ``python main.py [DATASET] [--model MODEL]``."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments and open the GUI."""
    parser = argparse.ArgumentParser(description="Open the studio desktop app.")
    parser.add_argument("dataset", nargs="?", help="dataset folder or data.yaml to open")
    parser.add_argument("--model", help="detection model (.pt or .onnx) to load")
    parser.add_argument("--exit-after-first-image", action="store_true",
                        help="quit once the first image is painted (start-up benchmark)")
    args = parser.parse_args(argv)
    from studio.ui.app import run_gui

    return run_gui(args.dataset, args.model, args.exit_after_first_image)


if __name__ == "__main__":
    sys.exit(main())
