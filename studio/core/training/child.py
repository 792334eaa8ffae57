"""The training process: Ultralytics' trainer in a spawned process, reporting through a queue.

Spawned, not a thread: the trainer holds the interpreter for whole batches, which stalls a
GUI in the same process. The parent reads events ``(kind, data)`` from the queue:
``start``, ``batch`` (losses), ``epoch`` (metrics), then ``done``, ``cancelled`` or
``failed``. Cancel sets an event; the next batch raises from its callback, which keeps the
last finished epoch's ``last.pt`` resumable (Ultralytics' own ``trainer.stop`` would rewrite
it without optimizer state). A parent that dies without cancelling (``kill -9``) stops the
trainer the same way at its next batch.

Loading stays safe here too: the model goes through studio's checks and Ultralytics' safe
loader, and the trainer's own ``torch.load`` calls (stripping the optimizer from
``best.pt`` at the end, reading metrics back) are routed through the safe loader as well.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

EVENT_START, EVENT_BATCH, EVENT_EPOCH = "start", "batch", "epoch"
EVENT_DONE, EVENT_CANCELLED, EVENT_FAILED = "done", "cancelled", "failed"


class Cancelled(Exception):
    """Raised from the batch callback when the parent asks to stop."""


def parent_is_gone() -> bool:
    """The process that started this one has died (a GUI killed with ``kill -9``, a crash): a
    trainer left running would hold the CPU and race a resumed run for the same folder."""
    import multiprocessing

    parent = multiprocessing.parent_process()
    return parent is not None and not parent.is_alive()


def ultralytics_home() -> Path:
    """Ultralytics' config folder for studio's runs, holding a bundled font so that dataset
    checks and plots never look one up online."""
    from studio.core import bundled, user_dirs

    home = user_dirs.config_dir() / "ultralytics"
    fonts = home / "Ultralytics"
    fonts.mkdir(parents=True, exist_ok=True)
    for name in ("Arial.ttf", "Arial.Unicode.ttf"):
        target = fonts / name
        if not target.exists():
            shutil.copyfile(bundled.hangul_font(), target)
    return home


def _route_unsafe_loads() -> None:
    """Make the trainer's plain ``torch.load`` calls go through Ultralytics' safe loader."""
    import torch
    from ultralytics.engine import trainer
    from ultralytics.nn import tasks
    from ultralytics.utils import torch_utils

    def safe_torch_load(f: Any, *args: Any, **kwargs: Any) -> Any:
        kwargs["weights_only"] = True
        with tasks._SafeLoad.loading(f):
            return torch.load(f, *args, **kwargs)

    torch_utils.torch_load = safe_torch_load
    trainer.torch_load = safe_torch_load


def _losses(trainer: Any) -> dict[str, float]:
    items = getattr(trainer, "tloss", None)
    names = getattr(trainer, "loss_names", ("box_loss", "cls_loss", "dfl_loss"))
    if items is None:
        return {}
    if isinstance(items, dict):
        return {str(k): float(v) for k, v in items.items()}
    values = items.tolist() if hasattr(items, "tolist") else list(items)
    values = values if isinstance(values, list) else [values]
    return {str(n): float(v) for n, v in zip(names, values)}


def run(model_path: str, overrides: dict, resume: str | None, events: Any, stop: Any) -> None:
    """Train (or resume) and report; never raises (the parent reads what happened)."""
    os.environ["YOLO_CONFIG_DIR"] = str(ultralytics_home())
    import studio.core  # noqa: F401 - offline defaults and the safe loader flag, before Ultralytics
    from studio.core.device import DeviceError, apply_device
    from studio.core.inference.model_file import ModelError

    try:
        from ultralytics.utils import SETTINGS

        SETTINGS.update(sync=False)  # no usage reports from a desktop tool (kept in studio's own config)
        model = _open(model_path)
        _route_unsafe_loads()

        def on_start(trainer: Any) -> None:
            events.put((EVENT_START, {"epochs": int(trainer.epochs), "batches": len(trainer.train_loader),
                                      "start_epoch": int(trainer.start_epoch), "save_dir": str(trainer.save_dir)}))

        def on_batch(trainer: Any) -> None:
            events.put((EVENT_BATCH, {"epoch": int(trainer.epoch), "losses": _losses(trainer)}))
            if stop.is_set():
                raise Cancelled()
            if parent_is_gone():
                events.cancel_join_thread()  # nobody reads the queue: do not wait on a full pipe at exit
                raise Cancelled()

        def on_epoch(trainer: Any) -> None:
            metrics = {str(k): float(v) for k, v in (trainer.metrics or {}).items()}
            events.put((EVENT_EPOCH, {"epoch": int(trainer.epoch), "metrics": metrics, "losses": _losses(trainer)}))

        model.add_callback("on_train_start", on_start)
        model.add_callback("on_train_batch_end", on_batch)
        model.add_callback("on_fit_epoch_end", on_epoch)
        if resume:
            model.train(resume=resume)
        else:
            model.train(**apply_device(overrides))
        save_dir = Path(model.trainer.save_dir)
        events.put((EVENT_DONE, {"save_dir": str(save_dir), "best": str(save_dir / "weights" / "best.pt")}))
    except Cancelled:
        events.put((EVENT_CANCELLED, {}))
    except DeviceError as exc:
        events.put((EVENT_FAILED, {"message": str(exc), "device_error": True}))
    except ModelError as exc:
        events.put((EVENT_FAILED, {"message": str(exc)}))
    except Exception as exc:  # noqa: BLE001 - the parent shows it; nothing here may crash silently
        events.put((EVENT_FAILED, {"message": f"{type(exc).__name__}: {exc}"}))


def _open(model_path: str) -> Any:
    """A YAML builds a fresh model; a .pt goes through studio's safe, detection-only loading."""
    from ultralytics import YOLO

    from studio.core.inference.model_file import load_detection_model

    if model_path.lower().endswith((".yaml", ".yml")):
        return YOLO(model_path)
    return load_detection_model(model_path)[0]


def validate(model_path: str, data_yaml: str, imgsz: int | None, events: Any) -> None:
    """Ultralytics' own validation of one model on a data.yaml's val split; reports
    ``("done", metrics)`` or ``("failed", {"message"})``."""
    os.environ["YOLO_CONFIG_DIR"] = str(ultralytics_home())
    import studio.core  # noqa: F401 - offline defaults and the safe loader flag, before Ultralytics

    try:
        model = _open(model_path)
        _route_unsafe_loads()
        args = {"data": data_yaml, "split": "val", "device": "cpu", "plots": False, "verbose": False,
                "batch": 8, "workers": 0}
        if imgsz:
            args["imgsz"] = imgsz
        metrics = model.val(**args)
        events.put((EVENT_DONE, {str(k): float(v) for k, v in metrics.results_dict.items()}))
    except Exception as exc:  # noqa: BLE001 - reported to the parent
        events.put((EVENT_FAILED, {"message": f"{type(exc).__name__}: {exc}"}))
