"""The training job on the job layer: ``studio train``, the Train dialog and a cluster alike.

The job prepares the run folder (finished images, fixed split, hard-linked copy), then
runs Ultralytics' trainer in a spawned process (``child``) and turns its events into
``Progress``: one step per batch, with the epoch's losses and metrics as payload.
"""

from __future__ import annotations

import json
import multiprocessing
import queue
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studio.core.jobs import EtaClock, Progress
from studio.core.jobspec import JobContext, JobSpec
from studio.core.training import child
from studio.core.training.settings import TrainSettings

RUN_FORMAT = "studio-train-run"
RUN_VERSION = 1
MIN_IMAGES = 2  # fewer finished images than this cannot make a train and a val part
STOP_WAIT_S = 600  # how long a stopped trainer may take to reach its next batch


class TrainingError(RuntimeError):
    """A run cannot start or went wrong; the message says what to do."""


@dataclass(frozen=True)
class TrainParams:
    """Train ``settings`` into ``run_dir`` (or resume the run there)."""

    VERSION = 2
    run_dir: str
    settings: dict = field(default_factory=dict)
    resume: bool = False
    split: dict[str, str] | None = None  # each image's part (train/val), given instead of chosen
    train_labels: str = ""  # a JSON file {image: label text or null} the train part's labels come from


@dataclass
class TrainEvent:
    """What the trainer just reported (the payload of each ``Progress``)."""

    kind: str
    epoch: int = 0
    epochs: int = 0
    losses: dict = field(default_factory=dict)
    metrics: dict = field(default_factory=dict)
    message: str = ""
    save_dir: str = ""


def dataset_tag(dataset_root: Path) -> str:
    """A short, stable name for a dataset folder (runs and preview caches are kept under it)."""
    import hashlib

    return hashlib.sha1(str(dataset_root.resolve()).encode()).hexdigest()[:8]


def augment_cache_dir(dataset_root: Path) -> Path:
    """Where the augmentation preview keeps its hard-linked copy of a dataset's finished images."""
    from studio.core import user_dirs

    return user_dirs.cache_dir() / "augment" / dataset_tag(dataset_root)


def default_run_dir(dataset_root: Path) -> Path:
    """A new run folder under studio's data folder (never in the dataset), one series per dataset."""
    from studio.core import user_dirs

    series = user_dirs.data_dir() / "runs" / f"{dataset_root.name}-{dataset_tag(dataset_root)}"
    k = 1
    while (series / f"train{k}").exists():
        k += 1
    return series / f"train{k}"


def prepare_run(params: TrainParams, ctx: JobContext) -> tuple[str, dict]:
    """The model to open and the trainer's arguments: a new run's data prepared, or a
    resumed run's checkpoint checked."""
    run_dir = Path(params.run_dir)
    if params.resume:
        return _resume_checkpoint(run_dir), {}
    from studio.core.training.selection import TrainingSelection, select_training_images
    from studio.core.training.workspace import build_workspace, fixed_split

    settings = TrainSettings(**params.settings)
    dataset, index = ctx.dataset, ctx.index
    assert dataset is not None
    if params.split is not None:
        chosen, split, source = TrainingSelection(paths=sorted(params.split)), dict(params.split), "given"
    else:
        assert index is not None
        chosen = select_training_images(dataset, index, ctx.store, settings.include_unlabeled,
                                        settings.include_machine)
        if len(chosen.paths) < MIN_IMAGES:
            raise TrainingError(f"only {len(chosen.paths)} finished image(s) to train on; label or review at least "
                                f"{MIN_IMAGES} first ({chosen.unlabeled_left_out} unlabeled, "
                                f"{chosen.machine_left_out} labeled by a model and not reviewed were left out)")
        split, source = fixed_split(dataset, ctx.store, chosen.paths, dict(zip(index.paths, index.splits)),
                                    settings.val, settings.seed or 0)
    if "val" not in split.values() or "train" not in split.values():
        raise TrainingError("the finished images do not make both a train and a val part; label a few more")
    run_dir.mkdir(parents=True, exist_ok=True)
    workspace = build_workspace(dataset, split, run_dir, _train_labels(params.train_labels))
    # the device is resolved in the trainer process: torch is never imported where the GUI runs
    overrides = settings.overrides(workspace.data_yaml, run_dir, settings.device, len(workspace.train))
    missing = classes_without_boxes(dataset, workspace.train)
    _write_manifest(run_dir, params, chosen, source, len(workspace.train), len(workspace.val), missing)
    return settings.model, overrides


def _train_labels(path: str) -> dict[str, str | None] | None:
    """The label texts a run trains on instead of the dataset's files (``None``: the files)."""
    if not path:
        return None
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise TrainingError(f"{path}: unreadable ({exc})") from exc


def classes_without_boxes(dataset: object, train: list[str]) -> list[str]:
    """Class names no training image has a box of (the model cannot learn them)."""
    import numpy as np

    from studio.core.labels.yolo import load_yolo_labels

    names = list(dataset.classes.names)  # type: ignore[attr-defined]
    seen = np.zeros(len(names), bool)
    for rel in train:
        ids = load_yolo_labels(dataset.label_path(rel)).boxes.class_id  # type: ignore[attr-defined]
        seen[ids[(ids >= 0) & (ids < len(names))]] = True
    return [n for n, s in zip(names, seen) if not s]


def _resume_checkpoint(run_dir: Path) -> str:
    """``last.pt`` of a run folder studio wrote, checked with the safe loader (``best.pt`` too:
    Ultralytics reads it again at the end)."""
    manifest = run_dir / "studio-run.json"
    if not manifest.is_file():
        raise TrainingError(f"{run_dir} is not a studio training run (no studio-run.json)")
    try:
        info = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise TrainingError(f"{manifest}: unreadable ({exc})") from exc
    if info.get("format") != RUN_FORMAT or int(info.get("version", 0)) > RUN_VERSION:
        raise TrainingError(f"{run_dir} was made by another version of studio; start a new run")
    last = run_dir / "weights" / "last.pt"
    if not last.is_file():
        raise TrainingError(f"{run_dir} has no weights/last.pt: the run ended before its first epoch")
    from studio.core.inference.model_file import ModelError, ModelRefused, load_detection_model

    for weights in (last, run_dir / "weights" / "best.pt"):
        if weights.is_file():
            try:
                load_detection_model(weights)  # a hostile file is refused here, before any trainer sees it
            except ModelRefused:
                raise
            except ModelError as exc:
                raise TrainingError(f"{weights} cannot be read ({exc}); the run cannot be resumed, start a new "
                                    "one") from exc
    return str(last)


def _write_manifest(run_dir: Path, params: TrainParams, chosen: object, split_from: str, n_train: int,
                    n_val: int, missing: list[str]) -> None:
    from dataclasses import asdict

    from studio.core.atomic import atomic_write_text

    info = {"format": RUN_FORMAT, "version": RUN_VERSION, "settings": params.settings, "split_from": split_from,
            "train_images": n_train, "val_images": n_val, "classes_without_boxes": missing,
            "selection": asdict(chosen)}  # type: ignore[call-overload]
    info["selection"].pop("paths", None)
    atomic_write_text(run_dir / "studio-run.json", json.dumps(info, indent=2) + "\n")


def _train(params: TrainParams, ctx: JobContext) -> Iterator[Progress]:
    model, overrides = prepare_run(params, ctx)
    spawn = multiprocessing.get_context("spawn")
    events, stop = spawn.Queue(), spawn.Event()
    resume = model if params.resume else None
    process = spawn.Process(target=child.run, args=(model, overrides, resume, events, stop), daemon=True)
    process.start()
    live = LiveLog(Path(params.run_dir))
    try:
        for progress in _progress_of(events, stop, process, ctx, params.run_dir):
            live.record(progress)
            yield progress
    finally:
        if process.is_alive():
            # The trainer stops at its next batch. Until then it may be validating or writing last.pt,
            # which a kill would leave half-written: wait for it (a hung trainer is killed after 10 min).
            stop.set()
            process.join(timeout=STOP_WAIT_S)
        if process.is_alive():
            process.kill()
        process.join(timeout=10)
        _record_late_end(events, live)
        live.close()


def _record_late_end(events: Any, live: LiveLog) -> None:
    """A stop asked for just as the last epoch ended: the trainer finished anyway. Say so in the
    live log, so that the run counts as done (there is nothing left to resume)."""
    while True:
        try:
            kind, _data = events.get(timeout=0.5)
        except (queue.Empty, OSError, ValueError):
            return
        if kind == child.EVENT_DONE:
            live.record(Progress(1, 1, 0.0, 0.0, "done", TrainEvent(kind)))
            return


def run_finished(run_dir: str | Path) -> bool:
    """True when the run in ``run_dir`` trained all its epochs (whatever its driver saw)."""
    try:
        return json.loads((Path(run_dir) / LiveLog.PROGRESS).read_text(encoding="utf-8")).get("state") == "done"
    except (OSError, ValueError):
        return False


def _progress_of(events: Any, stop: Any, process: Any, ctx: JobContext, run_dir: str) -> Iterator[Progress]:
    """The trainer's events as ``Progress``: one step per batch."""
    clock, done, total, epochs, batches = EtaClock(1), 0, 1, 0, 1
    while True:
        if ctx.token() and not stop.is_set():
            stop.set()
        try:
            kind, data = events.get(timeout=0.1)
        except queue.Empty:
            if not process.is_alive():
                raise TrainingError(f"the trainer stopped unexpectedly (exit code {process.exitcode}); "
                                    f"resume with: studio train --resume {run_dir}") from None
            continue
        if kind == child.EVENT_START:
            epochs, batches = data["epochs"], max(1, data["batches"])
            done, total = data["start_epoch"] * batches, epochs * batches
            clock = EtaClock(total, start_done=done)
            event = TrainEvent(kind, data["start_epoch"], epochs, save_dir=data["save_dir"])
            yield clock.progress(done, "start", event)
        elif kind == child.EVENT_BATCH:
            done = min(total, done + 1)
            yield clock.progress(done, "batch", TrainEvent(kind, data["epoch"], epochs, data["losses"]))
        elif kind == child.EVENT_EPOCH:
            done = min(total, (data["epoch"] + 1) * batches)
            event = TrainEvent(kind, data["epoch"], epochs, data["losses"], data["metrics"])
            yield clock.progress(done, "epoch", event)
        elif kind == child.EVENT_DONE:
            yield Progress(total, total, 0.0, 0.0, "done", TrainEvent(kind, epochs, epochs, save_dir=data["save_dir"]))
            return
        elif kind == child.EVENT_CANCELLED:
            yield Progress(done, total, 0.0, None, "cancelled", TrainEvent(kind, epochs=epochs))
            return
        elif data.get("device_error"):
            from studio.core.device import DeviceError

            raise DeviceError(data["message"])
        else:
            raise TrainingError(data.get("message", "training failed"))


class LiveLog:
    """What any window can follow while a run trains: ``studio-batches.csv`` (each batch's
    losses, appended) and ``studio-progress.json`` (done, total, ETA, state; rewritten)."""

    BATCHES, PROGRESS = "studio-batches.csv", "studio-progress.json"

    def __init__(self, run_dir: Path) -> None:
        self.run_dir = run_dir
        self._file: Any = None
        self._written = 0.0

    def record(self, progress: Progress) -> None:
        """Append a batch; rewrite the progress at most twice a second (and at the end)."""
        event = progress.payload
        if isinstance(event, TrainEvent) and event.kind == child.EVENT_BATCH and event.losses:
            if self._file is None:
                new = not (self.run_dir / self.BATCHES).exists()
                self._file = open(self.run_dir / self.BATCHES, "a", encoding="utf-8")  # noqa: SIM115 - kept open
                if new:
                    self._file.write("epoch,box_loss,cls_loss,dfl_loss\n")
            losses = [event.losses.get(k, float("nan")) for k in ("box_loss", "cls_loss", "dfl_loss")]
            self._file.write(f"{event.epoch + 1},{losses[0]:.5g},{losses[1]:.5g},{losses[2]:.5g}\n")
            self._file.flush()
        now = time.monotonic()
        final = progress.stage in ("done", "cancelled")
        if final or now - self._written >= 0.5:
            self._written = now
            from studio.core.atomic import atomic_write_text

            state = {"done": progress.done, "total": progress.total, "eta_s": progress.eta_s, "state": progress.stage,
                     "epoch": getattr(event, "epoch", 0), "epochs": getattr(event, "epochs", 0)}
            try:
                atomic_write_text(self.run_dir / self.PROGRESS, json.dumps(state))
            except OSError:
                pass  # a full disk shows in the trainer's own writes; the live view can do without

    def close(self) -> None:
        """Close the batch log."""
        if self._file is not None:
            self._file.close()
            self._file = None


def summarize(event: TrainEvent | None) -> dict:
    """What the job record keeps."""
    return {} if event is None else {"kind": event.kind, "epochs": event.epochs, "save_dir": event.save_dir}


TRAIN = JobSpec("train", TrainParams, _train, summarize)
