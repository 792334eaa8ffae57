"""Datasets on disk: detect the layout, find class names and images, map images to labels.

Three layouts open the same way:
- Ultralytics: ``data.yaml`` (``path``/``train``/``val``/``test``/``names``) with
  ``images/<split>`` beside ``labels/<split>``; a split may be a folder, a ``.txt`` list of
  images, or a list of either;
- LabelImg: a folder of images with ``classes.txt``, labels beside the images;
- a bare folder of images (``classes.txt`` is created when the first class is added).

Example:
    >>> ds = open_dataset("resources/sample")  # doctest: +SKIP
    >>> listing = ds.scan_images()  # doctest: +SKIP
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from studio.core.dataset.paths import STUDIO_DIR, is_image_name, label_path_for, natural_key
from studio.core.findings import Finding, Severity
from studio.core.i18n import QT_TRANSLATE_NOOP, TranslatableMessage
from studio.core.labels.classes import (
    ClassFileError,
    ClassNames,
    ClassSource,
    names_from_yaml_value,
    read_classes_txt,
    read_data_yaml,
)

YAML_NAMES = ("data.yaml", "data.yml", "dataset.yaml")
SPLIT_KEYS = ("train", "val", "test")


class Layout(str, Enum):
    """How a dataset is laid out on disk."""

    ULTRALYTICS = "ultralytics"
    LABELIMG = "labelimg"
    FOLDER = "folder"


class DatasetError(TranslatableMessage, OSError):
    """The path cannot be opened as a dataset at all (missing, not a folder, unreadable)."""

    def __init__(self, errno: int, template: str, **params: object) -> None:
        super().__init__(errno, self._init_message(template, params))

    def __str__(self) -> str:
        return self.args[1]


@dataclass(frozen=True)
class Split:
    """A named part of the dataset and where its images come from (folders or list files)."""

    name: str
    sources: tuple[Path, ...]


@dataclass
class ImageListing:
    """Images found by a scan: paths relative to the dataset root and their split names."""

    paths: list[str] = field(default_factory=list)
    splits: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.paths)


@dataclass
class Dataset:
    """An opened dataset: where it is, how it is laid out, its classes and splits."""

    root: Path
    layout: Layout
    classes: ClassNames
    splits: list[Split]
    yaml_path: Path | None = None
    findings: list[Finding] = field(default_factory=list)

    @property
    def store_dir(self) -> Path:
        """Folder for studio's own state (``DATASET/.studio``)."""
        return self.root / STUDIO_DIR

    def image_path(self, rel: str) -> Path:
        """Absolute path of an image given relative to the root."""
        return self.root / rel

    def label_path(self, rel_or_abs: str | Path) -> Path:
        """The label file of an image (Ultralytics' rule), as an absolute path."""
        return label_path_for(self.root / rel_or_abs)

    def scan_images(self, cancelled: Callable[[], bool] = lambda: False) -> ImageListing:
        """List every image of every split, naturally sorted within each split.

        An image reachable from several splits is listed once, under the first.
        Unreadable folders become findings; the scan carries on.
        """
        listing = ImageListing()
        for snapshot, _done in self.scan_progressively(cancelled, first_after=None):
            listing = snapshot
        return listing

    def scan_progressively(self, cancelled: Callable[[], bool] = lambda: False, first_after: int | None = 1,
                           every_s: float = 1.0, first_wait_s: float = 0.0) -> Iterator[tuple[ImageListing, bool]]:
        """The listing as it grows: ``(listing, done)`` snapshots.

        The first snapshot comes once ``first_after`` images are found and ``first_wait_s``
        has passed (a folder listed faster than that gives only the final, sorted listing;
        ``first_after=None``: no early snapshots), then at most every ``every_s`` seconds,
        and the complete listing last with ``done`` True. Each snapshot is naturally sorted within each split as far as
        the scan has come; the last one is the full listing ``scan_images`` returns.
        """
        findings: list[Finding] = []
        seen: set[str] = set()
        root = str(self.root)
        done_paths: list[str] = []
        done_splits: list[str] = []
        started = last = time.monotonic()
        early = first_after is not None

        def snapshot(split_name: str, found: list[str]) -> ImageListing:
            rels = sorted((p for p in dict.fromkeys(found) if p not in seen), key=natural_key)
            return ImageListing(done_paths + rels, done_splits + [split_name] * len(rels), list(findings))

        for split in self.splits:
            found: list[str] = []
            for source in split.sources:
                if source.suffix.lower() == ".txt" and source.is_file():
                    found.extend(_relative(p, root) for p in _read_list_file(source, findings))
                    continue
                prefix = _relative(str(source), root)
                for rel in _walk_images(source, "" if prefix == "." else prefix + os.sep, findings, cancelled):
                    found.append(rel)
                    if early:
                        due = (len(done_paths) + len(found) >= first_after  # type: ignore[operator]
                               and time.monotonic() - started >= first_wait_s)
                    else:
                        due = time.monotonic() - last >= every_s
                    if first_after is not None and due:
                        early = False
                        last = time.monotonic()
                        yield snapshot(split.name, found), False
                if cancelled():
                    yield snapshot(split.name, found), False
                    return
            rels = [p for p in found if not (p in seen or seen.add(p))]  # type: ignore[func-returns-value]
            rels.sort(key=natural_key)
            done_paths.extend(rels)
            done_splits.extend([split.name] * len(rels))
        yield ImageListing(done_paths, done_splits, findings), True


def _relative(path: str, root: str) -> str:
    """``path`` relative to ``root`` (cheap when it lies below it)."""
    if path.startswith(root + os.sep):
        return path[len(root) + 1:]
    return os.path.relpath(path, root) if os.path.isabs(path) else path


def _walk_images(top: Path, prefix: str, findings: list[Finding],
                 cancelled: Callable[[], bool]) -> Iterator[str]:
    """Yield ``prefix`` + path of each image below ``top`` (hidden folders skipped), fast."""
    stack = [(str(top), prefix)]
    while stack:
        folder, rel = stack.pop()
        try:
            it = os.scandir(folder)
        except OSError as exc:
            findings.append(Finding("folder_unreadable", Path(folder), None, Severity.ERROR,
                                    {"reason": exc.strerror or str(exc)}))
            continue
        with it:  # entries are yielded as the directory is read (the first ones at once)
            for k, entry in enumerate(it):
                if k & 4095 == 4095 and cancelled():
                    return
                name = entry.name
                if name[0] == ".":
                    continue
                try:
                    if is_image_name(name) and not entry.is_dir():
                        yield rel + name
                    elif entry.is_dir():
                        stack.append((entry.path, rel + name + os.sep))
                except OSError:
                    continue
        if cancelled():
            return


def _read_list_file(path: Path, findings: list[Finding]) -> list[str]:
    """Image paths from an Ultralytics ``.txt`` list (``./x`` is relative to the list's folder)."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        findings.append(Finding("unreadable", path, None, Severity.ERROR, {"reason": str(exc)}))
        return []
    parent = path.parent
    out = []
    for line in lines:
        line = line.strip()
        if not line or not is_image_name(line):
            continue
        p = Path(line[2:]) if line.startswith("./") else Path(line)
        out.append(str(p if p.is_absolute() else parent / p))
    return out


def open_dataset(path: str | os.PathLike[str]) -> Dataset:
    """Open a dataset folder or a ``data.yaml`` file; raises ``DatasetError`` if unusable.

    A malformed ``data.yaml`` does not raise: the dataset opens as a plain folder with a
    finding naming the file, so the user can still see the images.
    """
    path = Path(path).expanduser()
    if path.is_file() and path.suffix.lower() in (".yaml", ".yml"):
        return _open_ultralytics(path)
    if not path.exists():
        raise DatasetError(2, QT_TRANSLATE_NOOP("studio.core", "no such folder: {path}"), path=str(path))
    if not path.is_dir():
        raise DatasetError(20, QT_TRANSLATE_NOOP("studio.core", "not a folder or data.yaml: {path}"), path=str(path))
    if not os.access(path, os.R_OK | os.X_OK):
        raise DatasetError(13, QT_TRANSLATE_NOOP("studio.core", "cannot read folder: {path}"), path=str(path))
    path = path.resolve()
    for name in YAML_NAMES:
        if (path / name).is_file():
            return _open_ultralytics(path / name)
    if (path / "classes.txt").is_file():
        return _open_labelimg(path)
    if (path / "images").is_dir():
        return _open_images_tree(path)
    return Dataset(path, Layout.FOLDER, ClassNames([], ClassSource.CLASSES_TXT, path / "classes.txt"),
                   [Split("all", (path,))])


def _open_labelimg(root: Path, findings: list[Finding] | None = None) -> Dataset:
    findings = list(findings or [])
    txt = root / "classes.txt"
    names: list[str] = []
    try:
        names = read_classes_txt(txt)
    except (OSError, UnicodeDecodeError) as exc:
        findings.append(Finding("classes_txt_malformed", txt, None, Severity.ERROR, {"reason": str(exc)}))
    return Dataset(root, Layout.LABELIMG, ClassNames(names, ClassSource.CLASSES_TXT, txt),
                   [Split("all", (root,))], findings=findings)


def _open_images_tree(root: Path, findings: list[Finding] | None = None) -> Dataset:
    """``images/<split>`` without a data.yaml: splits are the subfolders of ``images``."""
    images = root / "images"
    subdirs = sorted(d for d in images.iterdir() if d.is_dir() and not d.name.startswith("."))
    has_loose = any(is_image_name(f.name) for f in images.iterdir() if f.is_file())
    splits = [Split(d.name, (d,)) for d in _split_order(subdirs)]
    if has_loose or not splits:
        splits = [Split("all", (images,))]
    keys = {s.name: s.sources[0].relative_to(root).as_posix() for s in splits}
    if "val" not in keys and keys:
        keys["val"] = keys.get("train", next(iter(keys.values())))
    if "train" not in keys and keys:
        keys = {"train": keys["val"], **keys}
    header = "".join(f"{k}: {v}\n" for k, v in keys.items() if k in SPLIT_KEYS)
    if not header:
        header = "train: images\nval: images\n"
    classes = ClassNames([], ClassSource.DATA_YAML, root / "data.yaml", new_file_header=header)
    return Dataset(root, Layout.ULTRALYTICS, classes, splits, yaml_path=None, findings=list(findings or []))


def _split_order(dirs: list[Path]) -> list[Path]:
    rank = {k: i for i, k in enumerate(SPLIT_KEYS)}
    return sorted(dirs, key=lambda d: (rank.get(d.name, len(rank)), natural_key(d.name)))


def _open_ultralytics(yaml_path: Path) -> Dataset:
    yaml_path = yaml_path.resolve()
    data, findings = read_data_yaml(yaml_path)
    folder = yaml_path.parent
    if not data:
        # Malformed data.yaml: still show the images, never rewrite the file.
        fallback = _open_images_tree(folder, findings) if (folder / "images").is_dir() else Dataset(
            folder, Layout.FOLDER, ClassNames([], ClassSource.NONE), [Split("all", (folder,))],
            findings=findings)
        fallback.classes = ClassNames([], ClassSource.NONE)
        return fallback
    root = _resolve_root(data.get("path"), folder)
    try:
        names = names_from_yaml_value(data.get("names"), data.get("nc"))
    except (ClassFileError, ValueError, TypeError):
        names = []
        findings.append(Finding("yaml_no_names", yaml_path, None, Severity.ERROR))
    splits: list[Split] = []
    for key in SPLIT_KEYS:
        value = data.get(key) or (data.get("validation") if key == "val" else None)
        if not value:
            continue
        entries = value if isinstance(value, list) else [value]
        sources = []
        for entry in entries:
            target = _resolve_split(root, str(entry))
            if target.exists():
                sources.append(target)
            else:
                findings.append(Finding("yaml_split_missing", yaml_path, None, Severity.WARNING,
                                        {"split": key, "target": str(target)}))
        if sources:
            splits.append(Split(key, tuple(sources)))
    if not splits and (root / "images").is_dir():
        splits = _open_images_tree(root).splits
    source = ClassSource.DATA_YAML if names or "names" in data else ClassSource.NONE
    return Dataset(root, Layout.ULTRALYTICS, ClassNames(names, source, yaml_path), splits,
                   yaml_path=yaml_path, findings=findings)


def _resolve_root(value: object, yaml_dir: Path) -> Path:
    """The dataset root from ``path:``; relative values are taken from the yaml's folder.

    (Ultralytics resolves a relative ``path`` against the working directory; a desktop
    tool has no meaningful working directory, so the yaml's folder comes first.)
    """
    if not value:
        return yaml_dir
    p = Path(str(value)).expanduser()
    if p.is_absolute():
        return p
    for base in (yaml_dir, Path.cwd()):
        if (base / p).exists():
            return (base / p).resolve()
    return (yaml_dir / p).resolve()


def _resolve_split(root: Path, entry: str) -> Path:
    p = Path(entry).expanduser()
    if p.is_absolute():
        return p
    x = (root / p).resolve()
    if not x.exists() and entry.startswith("../"):
        x = (root / entry[3:]).resolve()
    return x
