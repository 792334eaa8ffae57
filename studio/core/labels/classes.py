"""Class names: read from and written back to ``data.yaml`` or LabelImg's ``classes.txt``.

Ids never move: a rename changes a name in place, a new class is appended. ``data.yaml``
is edited surgically (only its ``names``/``nc`` entries), so comments and other keys
survive byte for byte. LabelImg's habit of rewriting ``classes.txt`` in another order,
which shifted every id, is exactly what this module must never do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

import yaml

from studio.core.atomic import atomic_write_text
from studio.core.findings import Finding, Severity


class ClassSource(str, Enum):
    """Where class names live."""

    DATA_YAML = "data.yaml"
    CLASSES_TXT = "classes.txt"
    NONE = "none"  # a bare folder: names kept in studio's store until a file is chosen


class ClassFileError(ValueError):
    """A class file could not be parsed or safely edited."""


def names_from_yaml_value(names: Any, nc: Any = None) -> list[str]:
    """Normalize Ultralytics' ``names`` (list or ``{id: name}``) or ``nc`` into a list.

    >>> names_from_yaml_value({0: "a", 2: "c"})
    ['a', 'class_1', 'c']
    """
    if isinstance(names, dict):
        ids = [int(k) for k in names]
        out = [f"class_{i}" for i in range(max(ids) + 1)] if ids else []
        for k, v in names.items():
            out[int(k)] = str(v)
        return out
    if isinstance(names, (list, tuple)):
        return [str(n) for n in names]
    if names is None and isinstance(nc, int) and nc >= 0:
        return [f"class_{i}" for i in range(nc)]
    raise ClassFileError("no usable 'names'")


def read_data_yaml(path: Path) -> tuple[dict[str, Any], list[Finding]]:
    """Parse ``data.yaml``; returns ``({}, findings)`` when it is missing or malformed."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return {}, [Finding("yaml_missing", path, None, Severity.ERROR)]
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [Finding("yaml_malformed", path, None, Severity.ERROR, {"reason": str(exc)})]
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return {}, [Finding("yaml_malformed", path, mark.line + 1 if mark else None, Severity.ERROR,
                            {"reason": getattr(exc, "problem", None) or str(exc)})]
    if not isinstance(data, dict):
        return {}, [Finding("yaml_malformed", path, None, Severity.ERROR,
                            {"reason": "top level is not a mapping"})]
    return data, []


def read_classes_txt(path: Path) -> list[str]:
    """Names from ``classes.txt``, one per line (blank trailing lines ignored)."""
    text = path.read_text(encoding="utf-8-sig")
    names = [line.strip() for line in text.splitlines()]
    while names and not names[-1]:
        names.pop()
    return names


@dataclass
class ClassNames:
    """The dataset's class list and the file it is kept in."""

    names: list[str]
    source: ClassSource
    path: Path | None = None
    #: Text a new data.yaml starts with when none exists yet (its train/val keys).
    new_file_header: str = ""

    def __len__(self) -> int:
        return len(self.names)

    def add(self, name: str) -> int:
        """Append a class (if new) and save; returns its id."""
        name = _clean(name)
        if name in self.names:
            return self.names.index(name)
        self.names.append(name)
        try:
            self.save()
        except Exception:
            self.names.pop()
            raise
        return len(self.names) - 1

    def rename(self, class_id: int, name: str) -> None:
        """Rename one class in place and save; ids of every class stay as they are."""
        name = _clean(name)
        if not 0 <= class_id < len(self.names):
            raise IndexError(class_id)
        if name in self.names and self.names.index(name) != class_id:
            raise ClassFileError(f"a class named {name!r} exists already")
        old = self.names[class_id]
        self.names[class_id] = name
        try:
            self.save()
        except Exception:
            self.names[class_id] = old
            raise

    def save(self) -> None:
        """Write the names back to where they came from (atomic)."""
        if self.path is None or self.source is ClassSource.NONE:
            return
        if self.source is ClassSource.CLASSES_TXT:
            atomic_write_text(self.path, "".join(f"{n}\n" for n in self.names))
        else:
            try:
                original = self.path.read_text(encoding="utf-8-sig")
            except FileNotFoundError:
                original = self.new_file_header
            atomic_write_text(self.path, replace_yaml_names(original, self.names))


def _clean(name: str) -> str:
    name = " ".join(str(name).split())
    if not name:
        raise ClassFileError("a class name cannot be empty")
    return name


_TOP_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:")


def replace_yaml_names(text: str, names: list[str]) -> str:
    """``text`` with its top-level ``names`` (and ``nc``) replaced; everything else untouched.

    >>> print(replace_yaml_names("train: a  # keep\\nnames: [x]\\n", ["x", "y"]), end="")
    train: a  # keep
    names:
      0: x
      1: y
    """
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    block = [f"names:{newline}"] + [f"  {i}: {yaml_scalar(n)}{newline}" for i, n in enumerate(names)]
    out: list[str] = []
    i, replaced = 0, False
    while i < len(lines):
        m = _TOP_KEY.match(lines[i])
        if m and m.group("key") in ("names", "nc"):
            key = m.group("key")
            i += 1
            while i < len(lines) and (lines[i][:1] in (" ", "\t", "-") or not lines[i].strip()):
                if not lines[i].strip() and i + 1 < len(lines) and _TOP_KEY.match(lines[i + 1]):
                    break
                i += 1
            if key == "names":
                out.extend(block)
                replaced = True
            else:
                out.append(f"nc: {len(names)}{newline}")
            continue
        out.append(lines[i])
        i += 1
    if not replaced:
        if out and not out[-1].endswith(("\n", "\r")):
            out[-1] += newline
        out.extend(block)
    result = "".join(out)
    data = yaml.safe_load(result)
    if not isinstance(data, dict) or names_from_yaml_value(data.get("names")) != list(names):
        raise ClassFileError("could not rewrite 'names' in data.yaml safely")
    before = yaml.safe_load(text) or {}
    if {k: v for k, v in before.items() if k not in ("names", "nc")} != {
            k: v for k, v in data.items() if k not in ("names", "nc")}:
        raise ClassFileError("rewriting 'names' would change other keys of data.yaml")
    return result


def yaml_scalar(name: str) -> str:
    """A YAML scalar for a class name, quoted when plain style would change its meaning."""
    dumped = yaml.safe_dump(name, allow_unicode=True, default_flow_style=True, width=10_000)
    dumped = dumped.strip()
    if dumped.endswith("..."):
        dumped = dumped[:-3].strip()
    return dumped
