"""A training run's settings, by Ultralytics' own names and defaults.

Only what the user sets is passed on; Ultralytics fills in the rest and writes the whole set
to ``args.yaml``, which ``yolo train cfg=args.yaml`` reproduces.

One departure is deliberate: with ``optimizer=auto`` Ultralytics ignores ``lr0`` and picks a
learning rate itself, so a learning rate set by the user comes with the optimizer ``auto``
would have chosen (AdamW up to 10,000 iterations, SGD beyond), made explicit.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from pathlib import Path

from studio.core.i18n import QT_TRANSLATE_NOOP

#: Ultralytics' defaults for what the Train dialog and ``studio train`` show.
DEFAULTS = {"epochs": 100, "imgsz": 640, "batch": 16, "patience": 100, "optimizer": "auto", "lr0": 0.01,
            "seed": 0, "workers": 8}
OPTIMIZERS = ("auto", "SGD", "Adam", "AdamW", "NAdam", "RAdam", "RMSProp")
NBS = 64  # Ultralytics' nominal batch size (auto's iteration count uses it)

#: One line of guidance per setting (from what people who train YOLO models go by).
HINTS = {
    "epochs": QT_TRANSLATE_NOOP("studio.train", "Passes over the data; early stopping (patience) may end sooner."),
    "imgsz": QT_TRANSLATE_NOOP("studio.train", "Training image size; small objects need a larger size."),
    "batch": QT_TRANSLATE_NOOP("studio.train", "Images per step; if the loss swings up and down strongly, raise it."),
    "patience": QT_TRANSLATE_NOOP("studio.train", "Stop after this many epochs without a better validation score."),
    "optimizer": QT_TRANSLATE_NOOP("studio.train", "auto picks AdamW for short runs and SGD for long ones."),
    "lr0": QT_TRANSLATE_NOOP("studio.train", "A slowly, evenly falling loss: raise it; a loss that barely falls: lower it."),
    "seed": QT_TRANSLATE_NOOP("studio.train", "Same seed, data and settings give the same run (on the CPU)."),
    "device": QT_TRANSLATE_NOOP("studio.train", "auto uses a GPU when there is one."),
}


@dataclass
class TrainSettings:
    """What a run is asked to do (``None``: Ultralytics' default)."""

    model: str
    epochs: int | None = None
    imgsz: int | None = None
    batch: int | None = None
    patience: int | None = None
    optimizer: str | None = None
    lr0: float | None = None
    seed: int | None = None
    workers: int | None = None
    device: str = "auto"
    include_unlabeled: bool = False
    include_machine: bool = False
    val: float = 0.2
    extra: dict = field(default_factory=dict)  # further Ultralytics settings, by their names

    def to_dict(self) -> dict:
        """JSON-able."""
        return asdict(self)

    def chosen_optimizer(self, n_train: int) -> str | None:
        """The optimizer to pass: the user's, or auto's own choice made explicit when a
        learning rate was set (auto would ignore it)."""
        if self.optimizer not in (None, "auto") or self.lr0 is None:
            return self.optimizer
        epochs = self.epochs or DEFAULTS["epochs"]
        iterations = math.ceil(n_train / max(self.batch or DEFAULTS["batch"], NBS)) * epochs
        return "SGD" if iterations > 10_000 else "AdamW"

    def overrides(self, data_yaml: Path, run_dir: Path, device: str, n_train: int) -> dict:
        """The arguments for Ultralytics' ``train`` (``device`` as the user gave it; the trainer
        process resolves it, see ``device.apply_device``)."""
        out: dict = {"data": str(data_yaml), "project": str(run_dir.parent), "name": run_dir.name,
                     "exist_ok": True, "device": device}
        for name in ("epochs", "imgsz", "batch", "patience", "lr0", "seed", "workers"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        optimizer = self.chosen_optimizer(n_train)
        if optimizer is not None:
            out["optimizer"] = optimizer
        out.update(self.extra)
        return out
