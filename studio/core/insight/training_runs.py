"""Read an Ultralytics training run (``results.csv``, ``args.yaml``) and say how it went.

``results.csv`` is read leniently: column names are stripped (older versions pad them),
rows with missing or extra cells keep what they have, cells that are not numbers become
NaN, and a half-written last line (a run still writing, or killed) is dropped with a note.

Diagnostics, each with the epochs it is based on:

- best epoch: the highest fitness, which is mAP50-95 in current Ultralytics (older
  versions weighted 0.1 mAP50 + 0.9 mAP50-95); ``best.pt`` holds that epoch.
- overfitting: the validation loss (box + cls + dfl) rose at least 5% above its minimum
  while the training loss kept falling, over at least 3 epochs after that minimum.
- plateau: mAP50-95 has not improved by more than 0.002 for the last ``max(10, 10%)``
  epochs.
- unstable: a loss became NaN or infinite, or the training loss jumped by more than 25%
  from one epoch to the next after warm-up, more than twice.
- unfinished: fewer epochs than ``args.yaml`` asked for (still running, crashed, or
  stopped early by ``patience``, which is said when it explains the stop).
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

KEY_SETTINGS = ("model", "data", "epochs", "patience", "batch", "imgsz", "optimizer", "lr0", "lrf", "momentum",
                "weight_decay", "warmup_epochs", "cos_lr", "close_mosaic", "mosaic", "mixup", "copy_paste",
                "hsv_h", "hsv_s", "hsv_v", "degrees", "translate", "scale", "shear", "perspective", "flipud",
                "fliplr", "pretrained", "seed", "device", "amp")
LOSSES = ("box_loss", "cls_loss", "dfl_loss")
METRICS = ("metrics/precision(B)", "metrics/recall(B)", "metrics/mAP50(B)", "metrics/mAP50-95(B)")


class RunReadError(OSError):
    """The folder has no readable ``results.csv``."""


@dataclass(frozen=True)
class Diagnosis:
    """One observation about a run."""

    code: str  # best_epoch / overfitting / plateau / unstable / unfinished / early_stop
    text: str
    epoch: int | None = None


@dataclass
class TrainingRun:
    """One run: its per-epoch columns, settings, and what can be said about it."""

    folder: Path
    columns: dict[str, np.ndarray]
    epochs: np.ndarray
    args: dict[str, Any]
    notes: list[str] = field(default_factory=list)
    diagnoses: list[Diagnosis] = field(default_factory=list)
    best_epoch: int | None = None
    unvalidated: np.ndarray | None = None  # epochs trained without validation (``val=False``): no val numbers

    @property
    def validated(self) -> np.ndarray:
        """Per epoch: True when it was validated (its val losses and metrics are real)."""
        return ~self.unvalidated if self.unvalidated is not None else np.ones(len(self.epochs), bool)

    @property
    def name(self) -> str:
        """The run folder's name."""
        return self.folder.name

    def series(self, name: str) -> np.ndarray:
        """A column by name (NaN-filled when the run does not have it)."""
        return self.columns.get(name, np.full(len(self.epochs), np.nan))

    def loss(self, split: str) -> np.ndarray:
        """Total ``train`` or ``val`` loss (box + cls + dfl) per epoch."""
        parts = [self.series(f"{split}/{k}") for k in LOSSES]
        return np.sum(parts, axis=0)

    def settings(self) -> list[tuple[str, Any]]:
        """The key settings that explain a run, in a fixed order."""
        return [(k, self.args[k]) for k in KEY_SETTINGS if k in self.args]


def _parse_csv(text: str, notes: list[str]) -> tuple[list[str], list[list[float]]]:
    lines = text.splitlines()
    if not lines:
        raise RunReadError("results.csv is empty")
    if not text.endswith("\n") and len(lines) > 1:
        notes.append("the last line of results.csv was incomplete (run still writing or killed); it was dropped")
        lines = lines[:-1]
    reader = csv.reader(io.StringIO("\n".join(lines)))
    header = [h.strip() for h in next(reader)]
    rows = []
    ragged = 0
    for raw in reader:
        if not raw or not any(c.strip() for c in raw):
            continue
        if len(raw) != len(header):
            ragged += 1
        values = []
        for cell in raw[:len(header)]:
            try:
                values.append(float(cell))
            except ValueError:
                values.append(math.nan)
        values += [math.nan] * (len(header) - len(values))
        rows.append(values)
    if ragged:
        notes.append(f"{ragged} rows had a different number of cells than the header; missing cells are empty")
    return header, rows


def read_run(folder: str | Path) -> TrainingRun:
    """Read a run folder; raises ``RunReadError`` when there is no usable ``results.csv``."""
    folder = Path(folder)
    path = folder / "results.csv" if folder.is_dir() else folder
    folder = path.parent
    try:
        text = path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError as exc:
        raise RunReadError(f"cannot read {path}: {exc.strerror or exc}") from exc
    notes: list[str] = []
    header, rows = _parse_csv(text, notes)
    if "epoch" not in header:
        raise RunReadError(f"{path} has no 'epoch' column; is it an Ultralytics results.csv?")
    data = np.array(rows, np.float64).reshape(-1, len(header))
    columns = {h: data[:, k] for k, h in enumerate(header)}
    epochs = columns.pop("epoch")
    if np.nanmin(epochs, initial=1) == 0:  # older versions count from 0
        epochs = epochs + 1
    unvalidated = _blank_unvalidated(columns, notes)
    args: dict[str, Any] = {}
    yaml_path = folder / "args.yaml"
    if yaml_path.exists():
        import yaml

        try:
            loaded = yaml.safe_load(yaml_path.read_text(encoding="utf-8"))
            args = loaded if isinstance(loaded, dict) else {}
        except (yaml.YAMLError, OSError) as exc:
            notes.append(f"args.yaml could not be read: {exc}")
    else:
        notes.append("no args.yaml beside results.csv; settings unknown")
    run = TrainingRun(folder, columns, epochs.astype(int) if len(epochs) else epochs, args, notes,
                      unvalidated=unvalidated)
    diagnose(run)
    return run


def _blank_unvalidated(columns: dict[str, np.ndarray], notes: list[str]) -> np.ndarray:
    """Epochs trained with ``val=False`` carry zeros for every val loss and metric: read them as
    missing (NaN), not as a perfect val loss and a zero mAP."""
    names = [h for h in columns if h.startswith(("val/", "metrics/"))]
    if not names:
        return np.zeros(len(next(iter(columns.values()), [])), bool)
    unvalidated = np.all([columns[h] == 0 for h in names], axis=0)
    if unvalidated.any():
        for h in names:
            columns[h] = np.where(unvalidated, np.nan, columns[h])
        notes.append(f"{int(unvalidated.sum())} epochs were trained without validation (val=False): they have "
                     "no val losses or metrics")
    return unvalidated


def _overfitting(epochs: np.ndarray, train: np.ndarray, val: np.ndarray) -> list[Diagnosis]:
    """The val loss rose again for 3 or more validated epochs while the training loss kept falling."""
    n = len(epochs)
    if not (np.isfinite(val).all() and n >= 6):
        return []
    m = int(np.argmin(val))
    if n - 1 - m >= 3 and val[-1] >= 1.05 * val[m] and train[-1] < train[m]:
        e = int(epochs[m])
        return [Diagnosis("overfitting", f"overfitting: validation loss lowest at epoch {e} "
                                         f"({val[m]:.3f}) and {100 * (val[-1] / val[m] - 1):.0f}% higher by the "
                                         f"last epoch while the training loss kept falling; more data, more "
                                         "augmentation or fewer epochs would help", e)]
    return []


def _plateau(epochs: np.ndarray, fit: np.ndarray) -> list[Diagnosis]:
    """mAP50-95 has not improved by more than 0.002 in the last validated epochs."""
    n = len(epochs)
    window = max(10, n // 10)
    if n <= window or not np.isfinite(fit[:-window]).any() or not np.isfinite(fit[-window:]).any():
        return []
    if np.nanmax(fit[-window:]) <= np.nanmax(fit[:-window]) + 0.002:
        e = int(epochs[int(np.nanargmax(fit))])
        return [Diagnosis("plateau", f"plateau: mAP50-95 has not improved by more than 0.002 in the last "
                                     f"{window} epochs (best at epoch {e})", e)]
    return []


def diagnose(run: TrainingRun) -> None:
    """Fill ``best_epoch`` and ``diagnoses`` (see the module doc for the rules)."""
    out: list[Diagnosis] = []
    n = len(run.epochs)
    if not n:
        run.diagnoses = [Diagnosis("unfinished", "no epoch finished yet")]
        return
    fit = run.series("metrics/mAP50-95(B)")
    if np.isfinite(fit).any():
        k = int(np.nanargmax(fit))
        run.best_epoch = int(run.epochs[k])
        out.append(Diagnosis("best_epoch", f"best epoch {run.best_epoch}: mAP50-95 {fit[k]:.3f}, "
                                           f"mAP50 {run.series('metrics/mAP50(B)')[k]:.3f}", run.best_epoch))
    train, val = run.loss("train"), run.loss("val")
    checked = run.validated
    bad = ~np.isfinite(train) | (checked & ~np.isfinite(val))
    warmup = int(float(run.args.get("warmup_epochs", 3) or 0))
    if bad.any():
        e = int(run.epochs[int(np.flatnonzero(bad)[0])])
        out.append(Diagnosis("unstable", f"a loss is NaN or infinite from epoch {e}: training diverged "
                                         "(try a lower lr0 or turn amp off)", e))
    else:
        jumps = np.flatnonzero(np.diff(train) / np.maximum(train[:-1], 1e-12) > 0.25) + 1
        jumps = jumps[run.epochs[jumps] > warmup]
        if len(jumps) > 2:
            out.append(Diagnosis("unstable", f"the training loss jumped by more than 25% in {len(jumps)} epochs "
                                             f"(first at {int(run.epochs[jumps[0]])}): the learning rate may be "
                                             "too high or the batch too small", int(run.epochs[jumps[0]])))
    out += _overfitting(run.epochs[checked], train[checked], val[checked])
    out += _plateau(run.epochs[checked], fit[checked])
    planned = run.args.get("epochs")
    if isinstance(planned, (int, float)) and n < planned:
        patience = run.args.get("patience")
        last = int(run.epochs[-1])
        if isinstance(patience, (int, float)) and run.best_epoch is not None and last - run.best_epoch >= patience:
            out.append(Diagnosis("early_stop", f"stopped early at epoch {last} of {int(planned)}: no improvement for "
                                               f"{int(patience)} epochs (patience)", last))
        else:
            out.append(Diagnosis("unfinished", f"{n} of {int(planned)} epochs in results.csv: the run is still going "
                                               "or stopped", last))
    run.diagnoses = out
