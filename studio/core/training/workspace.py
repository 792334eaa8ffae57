"""The run folder's own copy of the training data, and the split that stays fixed.

Ultralytics writes ``labels/<split>.cache`` beside the labels it reads, so a run never
trains on the user's folder: images and labels are hard-linked (copied where links are
impossible) into ``RUN/data/{images,labels}/{train,val}`` with a ``data.yaml``, and the
user's dataset stays byte for byte as it was.

The split: a dataset with its own train/val keeps it. Otherwise each image's split is
stored the first time it is used (``train_split`` in the store), made seeded and stratified
by the export code, so the validation images stay the same across runs: models trained on
the same dataset are compared on images none of them trained on.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from studio.core.dataset.export import split_fractions, split_paths, write_data_yaml
from studio.core.dataset.layout import Dataset
from studio.core.labels.yolo import load_yolo_labels
from studio.core.store.db import Store

DEFAULT_VAL = 0.2


class WorkspaceError(OSError):
    """The run's copy of the data cannot be made (full disk, unreadable files); says why."""


@dataclass(frozen=True)
class Workspace:
    """Where the run's data is and how it is split."""

    data_yaml: Path
    train: list[str]
    val: list[str]
    split_from: str  # "dataset" (its own train/val) or "studio" (stored, seeded, stratified)


def fixed_split(dataset: Dataset, store: Store | None, paths: list[str], own_splits: dict[str, str],
                val: float = DEFAULT_VAL, seed: int = 0) -> tuple[dict[str, str], str]:
    """Each path's split (``train``/``val``): the dataset's own when it has both, else the
    stored one, new images assigned seeded and stratified, and stored."""
    own = {p: own_splits.get(p, "") for p in paths}
    if {"train", "val"} <= set(own.values()):
        return {p: ("val" if s in ("val", "valid", "test") else "train") for p, s in own.items()}, "dataset"
    stored: dict[str, str] = {}
    if store is not None:
        stored = dict(store.connection().execute("SELECT path, split FROM train_split"))
    new = [p for p in paths if p not in stored]
    if new:
        classes = [load_yolo_labels(dataset.label_path(p)).boxes.class_id.tolist() for p in new]
        assigned = split_paths(classes, split_fractions(val), seed)
        stored.update(zip(new, assigned))
        if store is not None:
            store.transaction([("INSERT OR IGNORE INTO train_split VALUES (?, ?)", list(zip(new, assigned)))])
    return {p: stored[p] for p in paths}, "studio"


def build_workspace(dataset: Dataset, split: dict[str, str], folder: Path,
                    train_labels: dict[str, str | None] | None = None) -> Workspace:
    """Link every chosen image and its label into ``folder`` and write its ``data.yaml``.

    ``train_labels`` gives the train part's label texts instead of the dataset's files (the
    labels as they were before a fix, for "Measure the effect"); ``None`` text: no label file.
    """
    data = folder / "data"
    shutil.rmtree(data, ignore_errors=True)  # a resumed or repeated run rebuilds it the same way
    used: set[tuple[str, str]] = set()
    train, val = [], []
    try:
        for rel, part in sorted(split.items()):
            image = dataset.image_path(rel)
            name = _unique_name(rel, part, used)
            _link(image, data / "images" / part / name)
            label, target = dataset.label_path(rel), data / "labels" / part / (Path(name).stem + ".txt")
            if train_labels is not None and part == "train" and rel in train_labels:
                if train_labels[rel] is not None:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_text(train_labels[rel] or "", encoding="utf-8")
            elif label.is_file():
                _link(label, target)
            (val if part == "val" else train).append(rel)
        for part in ("train", "val"):
            (data / "images" / part).mkdir(parents=True, exist_ok=True)
        yaml_path = data / "data.yaml"
        write_data_yaml(yaml_path, ["train", "val"], list(dataset.classes.names))
    except OSError as exc:
        raise WorkspaceError(exc.errno or 0, f"cannot prepare the training data in {data}: {exc.strerror or exc}") \
            from exc
    return Workspace(yaml_path, train, val, "")


def _unique_name(rel: str, part: str, used: set[tuple[str, str]]) -> str:
    """A flat file name for ``rel`` in its split folder (sub-folders joined with ``__``)."""
    name = rel.replace("\\", "/").split("/", 2)[-1] if rel.count("/") >= 2 else Path(rel).name
    name = name.replace("/", "__")
    stem, suffix = os.path.splitext(name)
    candidate, k = name, 1
    while (part, candidate) in used:
        k += 1
        candidate = f"{stem}_{k}{suffix}"
    used.add((part, candidate))
    return candidate


def _link(src: Path, dst: Path) -> None:
    """A hard link (no space, no copy of the user's bytes), or a copy across file systems.

    A JPEG without its end marker is copied, never linked: Ultralytics "restores" such a file
    by saving over it, which through a link would rewrite the user's image.
    """
    dst.parent.mkdir(parents=True, exist_ok=True)
    if src.suffix.lower() in (".jpg", ".jpeg") and not _ends_like_jpeg(src):
        shutil.copy2(src, dst)
        return
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _ends_like_jpeg(path: Path) -> bool:
    with open(path, "rb") as f:
        f.seek(0, os.SEEK_END)
        if f.tell() < 2:
            return False
        f.seek(-2, os.SEEK_END)
        return f.read() == b"\xff\xd9"
