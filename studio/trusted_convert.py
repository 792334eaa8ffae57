"""Convert a model file the user trusts into a copy studio can open with the safe loader.

``python -m studio.trusted_convert SOURCE.pt OUT_FOLDER``

Started only by ``studio.core.inference.trust.trusted_copy``, in a process of its own with
``ULTRALYTICS_SAFE_LOAD=0``: this is the one place where a ``.pt`` file's pickle may run, and
only for a file the user said they trust. It deliberately imports nothing from
``studio.core``, whose import switches the safe loader on.

It writes ``OUT_FOLDER/model.pt`` (the model and plain training settings, nothing else) when
that file passes Ultralytics' safe loader, and otherwise ``OUT_FOLDER/model.onnx``; then
``OUT_FOLDER/converted.json`` naming the file. The source file is never written to.
"""

from __future__ import annotations

import json
import shutil
import sys
from copy import deepcopy
from datetime import UTC, datetime
from pathlib import Path

PLAIN = (str, int, float, bool, type(None))


def _plain_settings(settings: object) -> dict:
    """The training settings that are plain values (what the safe loader accepts)."""
    if not isinstance(settings, dict):
        return {}
    out = {}
    for key, value in settings.items():
        if isinstance(value, PLAIN) or (isinstance(value, (list, tuple)) and all(isinstance(v, PLAIN) for v in value)):
            out[str(key)] = list(value) if isinstance(value, tuple) else value
    return out


def convert(source: Path, out: Path) -> dict:
    """Write the clean copy of ``source`` into ``out``; returns the record written beside it."""
    import torch
    from ultralytics import YOLO, __version__
    from ultralytics.nn.tasks import torch_safe_load

    out.mkdir(parents=True, exist_ok=True)
    work = out / f"source{source.suffix}"
    shutil.copyfile(source, work)  # exports land beside the file they read: keep that in ``out``
    try:
        yolo = YOLO(str(work))
        settings = _plain_settings((getattr(yolo, "ckpt", None) or {}).get("train_args"))
        imgsz = settings.get("imgsz") if isinstance(settings.get("imgsz"), int) else None
        model = deepcopy(yolo.model).half()
        if hasattr(model, "args"):
            model.args = _plain_settings(model.args) or settings
        clean = out / "model.pt"
        torch.save({"date": datetime.now(UTC).isoformat(), "version": __version__,
                    "model": model, "train_args": settings}, clean)
        try:
            torch_safe_load(str(clean), safe_only=True)
            record = {"file": clean.name, "imgsz": imgsz, "kind": "checkpoint"}
        except Exception as exc:  # noqa: BLE001 - anything the safe loader refuses
            print(f"clean checkpoint refused by the safe loader ({type(exc).__name__}); exporting ONNX",
                  file=sys.stderr)
            clean.unlink(missing_ok=True)
            exported = Path(yolo.export(format="onnx", imgsz=imgsz or 640, dynamic=True, simplify=False,
                                        verbose=False))
            target = out / "model.onnx"
            exported.replace(target)
            record = {"file": target.name, "imgsz": imgsz, "kind": "onnx"}
    finally:
        work.unlink(missing_ok=True)
    record["source"] = source.name
    (out / "converted.json").write_text(json.dumps(record) + "\n", encoding="utf-8")
    return record


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: SOURCE OUT_FOLDER."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m studio.trusted_convert SOURCE.pt OUT_FOLDER", file=sys.stderr)
        return 2
    try:
        record = convert(Path(args[0]), Path(args[1]))
    except Exception as exc:  # noqa: BLE001 - reported to the parent on stderr
        print(f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}", file=sys.stderr)
        return 1
    print(json.dumps(record))
    return 0


if __name__ == "__main__":
    sys.exit(main())
