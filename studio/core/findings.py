"""Findings: one problem found in a file, with a code, a place and an English template.

Core reports problems as data, never as widgets or prints: the CLI formats the English
template, the UI translates the same template (see ``studio.core.i18n``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from studio.core.i18n import QT_TRANSLATE_NOOP


class Severity(str, Enum):
    """How bad a finding is: errors make Ultralytics reject data, warnings deserve a look."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


TEMPLATES: dict[str, str] = {
    "columns": QT_TRANSLATE_NOOP("studio.core", "expected 5 columns (class cx cy w h), found {n}; line kept as is"),
    "segment": QT_TRANSLATE_NOOP("studio.core", "polygon/segment row with {n} columns; kept as is, not editable here"),
    "confidence_column": QT_TRANSLATE_NOOP("studio.core", "6 columns: a confidence column from 'predict save_conf'; Ultralytics training rejects it; line kept as is"),
    "not_number": QT_TRANSLATE_NOOP("studio.core", "'{value}' is not a number; line kept as is"),
    "not_finite": QT_TRANSLATE_NOOP("studio.core", "NaN or infinite value; line kept as is"),
    "bad_class": QT_TRANSLATE_NOOP("studio.core", "class id '{value}' is not a non-negative integer; line kept as is"),
    "class_out_of_range": QT_TRANSLATE_NOOP("studio.core", "class id {cls} is beyond the {count} known classes"),
    "out_of_range": QT_TRANSLATE_NOOP("studio.core", "coordinates outside [0, 1] (Ultralytics rejects beyond -0.01..1.01)"),
    "non_positive_size": QT_TRANSLATE_NOOP("studio.core", "box width or height is zero or negative"),
    "duplicate_row": QT_TRANSLATE_NOOP("studio.core", "duplicate of line {first}; Ultralytics drops duplicates"),
    "bom": QT_TRANSLATE_NOOP("studio.core", "file starts with a UTF-8 byte order mark"),
    "not_utf8": QT_TRANSLATE_NOOP("studio.core", "file is not UTF-8 text, so Ultralytics drops this image; undecodable bytes are kept"),
    "unreadable": QT_TRANSLATE_NOOP("studio.core", "cannot read file: {reason}"),
    "image_unreadable": QT_TRANSLATE_NOOP("studio.core", "not a readable image: {reason}"),
    "image_too_small": QT_TRANSLATE_NOOP("studio.core", "image is {w}x{h} px; Ultralytics needs at least 10 px"),
    "yaml_missing": QT_TRANSLATE_NOOP("studio.core", "no data.yaml here"),
    "yaml_malformed": QT_TRANSLATE_NOOP("studio.core", "data.yaml cannot be read: {reason}"),
    "yaml_no_names": QT_TRANSLATE_NOOP("studio.core", "data.yaml has no usable 'names'"),
    "yaml_split_missing": QT_TRANSLATE_NOOP("studio.core", "split '{split}' points to {target}, which does not exist"),
    "folder_unreadable": QT_TRANSLATE_NOOP("studio.core", "cannot list folder: {reason}"),
    "classes_txt_malformed": QT_TRANSLATE_NOOP("studio.core", "classes.txt cannot be read: {reason}"),
    "image_format": QT_TRANSLATE_NOOP("studio.core", "image format '{format}' is not one Ultralytics trains on"),
    "exif_rotated": QT_TRANSLATE_NOOP("studio.core", "EXIF orientation {orientation}: boxes refer to the rotated view, as Ultralytics loads it"),
    "jpeg_end_missing": QT_TRANSLATE_NOOP("studio.core", "JPEG has no end marker; Ultralytics would rewrite ('restore') this file when training"),
    "image_truncated": QT_TRANSLATE_NOOP("studio.core", "JPEG is truncated ({reason}); Ultralytics ignores the image"),
    "mixed_rows": QT_TRANSLATE_NOOP("studio.core", "box rows and polygon rows in one file; Ultralytics ignores the whole image"),
    "orphan_label": QT_TRANSLATE_NOOP("studio.core", "label file without an image"),
    "unlabeled": QT_TRANSLATE_NOOP("studio.core", "image has no label file (never labeled; Ultralytics treats it as background)"),
    "tiny_box": QT_TRANSLATE_NOOP("studio.core", "box {box} is only {w:.1f} x {h:.1f} px"),
    "extreme_aspect": QT_TRANSLATE_NOOP("studio.core", "box {box} has an extreme aspect ratio ({ratio:.0f}:1)"),
    "class_conflict": QT_TRANSLATE_NOOP("studio.core", "boxes {box} ({cls}) and {other_box} ({other}) cover the same object (IoU {iou:.2f}) with different classes"),
    "class_outlier": QT_TRANSLATE_NOOP("studio.core", "box {box} labeled '{cls}' looks more like '{other}' (size and colour)"),
    "too_many_overlaps": QT_TRANSLATE_NOOP("studio.core", "{n} boxes, many piled on each other: only part of them were compared for class conflicts"),
}


@dataclass(frozen=True)
class Finding:
    """One problem: ``code`` names it, ``path``/``line`` place it, ``params`` fill the template."""

    code: str
    path: Path | None = None
    line: int | None = None
    severity: Severity = Severity.ERROR
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def template(self) -> str:
        """The English message template (translated by the UI, formatted by the CLI)."""
        return TEMPLATES.get(self.code, self.code)

    @property
    def message(self) -> str:
        """The English message with parameters filled in."""
        return self.fill(self.template)

    def fill(self, template: str) -> str:
        """``template`` (English or translated) with this finding's parameters filled in."""
        try:
            return template.format(**self.params)
        except (KeyError, IndexError):
            return template

    def where(self) -> str:
        """``path:line`` (or just the path) for messages."""
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}" if self.line is not None else str(self.path)

    def __str__(self) -> str:
        place = self.where()
        return f"{place}: {self.severity.value}: {self.message}" if place else self.message
