"""YOLO detection label files (``class cx cy w h``, normalized): read, validate, write.

Rules:
- A missing file means "not labeled yet"; an existing file with no rows means "negative".
- CRLF, blank lines, tabs, trailing spaces and scientific notation are read without fuss.
- Lines studio cannot edit (segments/polygons, confidence columns, garbage) are *kept*:
  written back byte for byte, after the box rows, and reported as findings.
- Box rows that were not edited are written back exactly as they were read, so loading
  and saving never drifts a coordinate; edited rows use fixed 6-decimal precision.
- Writes are atomic (see ``studio.core.atomic``).

Example:
    >>> lf = parse_label_bytes(b"0 0.5 0.5 0.2 0.2\\r\\n\\n1 5e-1 0.5 0.1 0.1  \\n")
    >>> len(lf.boxes), lf.newline == "\\r\\n", lf.findings
    (2, True, ())
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path

import numpy as np

from studio.core.atomic import atomic_write_bytes
from studio.core.findings import Finding, Severity
from studio.core.labels.boxes import Boxes

#: Ultralytics' tolerance for normalized coordinates (``verify_image_label``).
COORD_MIN, COORD_MAX = -0.01, 1.01
PRECISION = 6
_BOM = b"\xef\xbb\xbf"


class LabelState(str, Enum):
    """What a label file says about its image."""

    UNLABELED = "unlabeled"  # no label file
    NEGATIVE = "negative"  # empty label file: nothing here
    LABELED = "labeled"  # at least one row


@dataclass(frozen=True)
class KeptLine:
    """A line studio does not edit: its exact bytes (without line ending) and original line number."""

    line_no: int
    raw: bytes


@dataclass(frozen=True)
class LabelFile:
    """The parsed content of one label file.

    ``raw_rows[i]`` is the original text of box ``i`` (``None`` once edited or new);
    ``original`` is the exact bytes read, so an unchanged file is never rewritten.
    """

    boxes: Boxes = field(default_factory=Boxes.empty)
    kept: tuple[KeptLine, ...] = ()
    raw_rows: tuple[bytes | None, ...] = ()
    findings: tuple[Finding, ...] = ()
    newline: str = "\n"
    exists: bool = False
    original: bytes | None = None
    path: Path | None = None
    row_lines: tuple[int, ...] = ()  # line number of each box as read (empty once edited)

    @property
    def state(self) -> LabelState:
        """Unlabeled (no file), negative (no rows at all) or labeled."""
        if not self.exists:
            return LabelState.UNLABELED
        return LabelState.LABELED if (len(self.boxes) or self.kept) else LabelState.NEGATIVE

    def with_boxes(self, boxes: Boxes) -> LabelFile:
        """A copy holding ``boxes``; rows identical to read ones keep their original text.

        A row equal to the read row at the same position keeps that row's text. Each other row
        takes the text of an equal read row not used yet, the first such in file order. Matching
        sorts instead of looping in Python, so 200,000 rows take milliseconds.
        """
        old_raw = self._raw_rows_padded()
        old, new = _row_array(self.boxes), _row_array(boxes)
        has_raw = np.fromiter((raw is not None for raw in old_raw), bool, len(old_raw))
        n = min(len(old), len(new))
        same = np.zeros(len(new), bool)
        same[:n] = (old[:n] == new[:n]).all(axis=1) & has_raw[:n]
        source = np.where(same, np.arange(len(new)), -1)
        taken = np.zeros(len(old), bool)
        taken[:n] = same[:n]
        free_old = np.flatnonzero(has_raw & ~taken)
        rest = np.flatnonzero(~same)
        found = _match_equal_rows(old[free_old], new[rest])
        source[rest[found >= 0]] = free_old[found[found >= 0]]
        raw_rows = [None if j < 0 else old_raw[j] for j in source.tolist()]
        return replace(self, boxes=Boxes(boxes.xywhn, boxes.class_id), raw_rows=tuple(raw_rows), row_lines=())

    def render(self) -> bytes:
        """The bytes to write: box rows first, then kept lines in their original order."""
        if self.original is not None and self._unchanged():
            return self.original
        nl = self.newline.encode()
        out = list(self._raw_rows_padded())
        edited = [i for i, raw in enumerate(out) if raw is None]
        if edited:
            for i, row in zip(edited, self.boxes[np.array(edited, np.int64)].rows()):
                out[i] = format_row(row).encode()
        out += [k.raw for k in self.kept]
        return b"".join(line + nl for line in out)

    def saved_as(self, data: bytes) -> LabelFile:
        """This file once ``data`` (its ``render()``) is on disk: the boxes and their text as
        reading ``data`` back gives them, parsing only the rows that were edited (a file of
        200,000 rows with one edit is not parsed again)."""
        rows = self._raw_rows_padded()
        edited = [i for i, raw in enumerate(rows) if raw is None]
        if not edited and data == self.original:
            return replace(self, exists=True)  # written as read: lines stay where they were
        raw_rows = list(rows)
        xywhn, class_id = self.boxes.xywhn.copy(), self.boxes.class_id.copy()
        if edited:
            texts = [format_row(row).encode() for row in self.boxes[np.array(edited, np.int64)].rows()]
            reread = parse_label_bytes(b"".join(text + b"\n" for text in texts))
            if len(reread.boxes) != len(texts) or reread.kept:  # pragma: no cover - formatted rows always parse
                return parse_label_bytes(data, self.path)
            xywhn[edited], class_id[edited] = reread.boxes.xywhn, reread.boxes.class_id
            for k, i in enumerate(edited):
                raw_rows[i] = texts[k]
        kept = tuple(KeptLine(len(rows) + k + 1, line.raw) for k, line in enumerate(self.kept))
        return replace(self, boxes=Boxes(xywhn, class_id), raw_rows=tuple(raw_rows), kept=kept, original=data,
                       exists=True, row_lines=tuple(range(1, len(rows) + 1)), findings=())

    def _raw_rows_padded(self) -> tuple[bytes | None, ...]:
        missing = len(self.boxes) - len(self.raw_rows)
        return self.raw_rows + (None,) * missing if missing > 0 else self.raw_rows[:len(self.boxes)]

    def _unchanged(self) -> bool:
        if any(raw is None for raw in self._raw_rows_padded()):
            return False  # an edited or new row: its values are in no row of the original
        reread = parse_label_bytes(self.original or b"")
        return reread.boxes == self.boxes and reread.kept == self.kept


def _row_array(boxes: Boxes) -> np.ndarray:
    """``(class, cx, cy, w, h)`` rows as one float array, ``-0.0`` read as ``0.0`` (as tuples compare)."""
    return np.c_[boxes.class_id.astype(np.float64), boxes.xywhn] + 0.0


def _equal_row_groups(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows sorted so that equal rows sit together, in their original order (a stable sort):
    ``(order, group, first)``: the sorting permutation, each sorted row's group number, and
    where each group starts in the sorted order."""
    order = np.lexsort(rows.T[::-1])
    ranked = rows[order]
    starts = np.r_[True, (ranked[1:] != ranked[:-1]).any(axis=1)]
    return order, np.cumsum(starts) - 1, np.flatnonzero(starts)


def _first_equal_row(rows: np.ndarray) -> np.ndarray:
    """For each row, the index of the first row equal to it (itself when it is the first)."""
    if not len(rows):
        return np.zeros(0, np.int64)
    order, group, first = _equal_row_groups(rows)
    out = np.empty(len(rows), np.int64)
    out[order] = order[first[group]]
    return out


def _match_equal_rows(old: np.ndarray, new: np.ndarray) -> np.ndarray:
    """For each row of ``new``, the index of an equal row of ``old`` or -1; the k-th equal new
    row gets the k-th equal old row, and no old row is used twice."""
    source = np.full(len(new), -1, np.int64)
    if not len(old) or not len(new):
        return source
    order, group, first = _equal_row_groups(np.r_[old, new])  # equal rows: old before new, file order
    is_old = order < len(old)
    old_in_group = np.bincount(group, weights=is_old, minlength=len(first)).astype(np.int64)
    position = np.arange(len(order)) - first[group]  # old rows of a group come first
    k = position - old_in_group[group]  # for a new row: how many equal new rows came before it
    takes = ~is_old & (k < old_in_group[group])
    source[order[takes] - len(old)] = order[first[group[takes]] + k[takes]]
    return source


def format_row(row: tuple[int, float, float, float, float]) -> str:
    """One YOLO row with fixed precision, never ``-0.000000``.

    >>> format_row((3, 0.5, 1/3, 0.25, -1e-9))
    '3 0.500000 0.333333 0.250000 0.000000'
    """
    cls, *coords = row
    text = " ".join(f"{(round(v, PRECISION) + 0.0):.{PRECISION}f}" for v in coords)
    return f"{int(cls)} {text}".replace("-0.000000", "0.000000")


def _parse_class(token: str) -> int | None:
    try:
        value = float(token)
    except ValueError:
        return None
    if not math.isfinite(value) or value < 0 or value != int(value):
        return None
    return int(value)


def parse_label_bytes(data: bytes, path: Path | None = None,
                      num_classes: int | None = None) -> LabelFile:
    """Parse the bytes of a label file; never raises on bad content (it becomes findings).

    A plain file (ASCII, five numbers a line, no blank lines) is read with numpy in one go,
    which is what keeps a 200,000-row file quick; anything else takes the line-by-line path.
    Both give the same ``LabelFile`` (tested).
    """
    plain = _parse_plain(data, path, num_classes)
    return plain if plain is not None else _parse_lines(data, path, num_classes)


def _parse_plain(data: bytes, path: Path | None, num_classes: int | None) -> LabelFile | None:
    """The fast path, or ``None`` when the file is not plain enough for it."""
    if len(data) < 4096 or data.startswith(_BOM) or not data.isascii():
        return None  # small files are quick anyway; the rest needs the careful path
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    crlf = sum(1 for ln in lines if ln.endswith(b"\r"))
    newline = "\r\n" if lines and crlf * 2 >= len(lines) else "\n"
    raw_rows = [ln[:-1] if ln.endswith(b"\r") else ln for ln in lines]
    if any(len(ln.split()) != 5 for ln in raw_rows):
        return None
    try:
        arr = np.array(b" ".join(raw_rows).split(), dtype=np.float64).reshape(-1, 5)
    except ValueError:
        return None
    cls = arr[:, 0]
    if not np.isfinite(arr).all() or (cls < 0).any() or (cls != np.floor(cls)).any():
        return None
    class_id = cls.astype(np.int64)
    xywhn = arr[:, 1:5]
    bad_range = (xywhn.min(axis=1) < COORD_MIN) | (xywhn.max(axis=1) > COORD_MAX)
    bad_size = (xywhn[:, 2] <= 0) | (xywhn[:, 3] <= 0)
    bad_class = class_id >= num_classes if num_classes is not None else np.zeros(len(arr), bool)
    first_of = _first_equal_row(arr + 0.0)
    duplicate = first_of != np.arange(len(arr))
    findings: list[Finding] = []
    for i in np.flatnonzero(bad_range | bad_size | bad_class | duplicate).tolist():
        line_no = i + 1
        if bad_range[i]:
            findings.append(Finding("out_of_range", path, line_no, Severity.ERROR))
        if bad_size[i]:
            findings.append(Finding("non_positive_size", path, line_no, Severity.WARNING))
        if bad_class[i]:
            findings.append(Finding("class_out_of_range", path, line_no, Severity.ERROR,
                                    {"cls": int(class_id[i]), "count": num_classes}))
        if duplicate[i]:
            findings.append(Finding("duplicate_row", path, line_no, Severity.WARNING, {"first": int(first_of[i]) + 1}))
    return LabelFile(boxes=Boxes(np.ascontiguousarray(xywhn), class_id), kept=(), raw_rows=tuple(raw_rows),
                     findings=tuple(findings), newline=newline, exists=True, original=data, path=path,
                     row_lines=tuple(range(1, len(raw_rows) + 1)))


def _parse_lines(data: bytes, path: Path | None, num_classes: int | None) -> LabelFile:
    """The careful path: line by line, every oddity kept and reported."""
    findings: list[Finding] = []
    had_bom = data.startswith(_BOM)
    if had_bom:
        data = data[len(_BOM):]
        findings.append(Finding("bom", path, 1, Severity.WARNING))
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    crlf = sum(1 for ln in lines if ln.endswith(b"\r"))
    newline = "\r\n" if lines and crlf * 2 >= len(lines) else "\n"
    rows: list[tuple[int, float, float, float, float]] = []
    raw_rows: list[bytes] = []
    row_lines: list[int] = []
    kept: list[KeptLine] = []
    seen: dict[tuple, int] = {}
    utf8_ok = True
    for line_no, raw in enumerate(lines, start=1):
        raw = raw[:-1] if raw.endswith(b"\r") else raw
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            utf8_ok = False
            kept.append(KeptLine(line_no, raw))
            continue
        tokens = text.split()
        if not tokens:
            continue  # blank line: meaningless, dropped on save
        problem = _check_tokens(tokens)
        if problem is not None:
            code, severity, params = problem
            findings.append(Finding(code, path, line_no, severity, params))
            kept.append(KeptLine(line_no, raw))
            continue
        row = (_parse_class(tokens[0]), *(float(t) for t in tokens[1:]))
        rows.append(row)  # type: ignore[arg-type]
        raw_rows.append(raw)
        row_lines.append(line_no)
        findings.extend(_check_row(row, path, line_no, num_classes))  # type: ignore[arg-type]
        if row in seen:
            findings.append(Finding("duplicate_row", path, line_no, Severity.WARNING,
                                    {"first": seen[row]}))
        else:
            seen[row] = line_no
    if not utf8_ok:
        findings.append(Finding("not_utf8", path, None, Severity.ERROR))  # Ultralytics cannot read it
    boxes = Boxes.from_rows(rows) if rows else Boxes.empty()
    return LabelFile(boxes=boxes, kept=tuple(kept), raw_rows=tuple(raw_rows),
                     findings=tuple(findings), newline=newline, exists=True,
                     original=None if had_bom else data, path=path, row_lines=tuple(row_lines))


def _check_tokens(tokens: list[str]) -> tuple[str, Severity, dict] | None:
    """Why a token list is not an editable box row, or ``None`` if it is one."""
    n = len(tokens)
    if n != 5:
        if n == 6:
            return "confidence_column", Severity.ERROR, {"n": n}
        if n >= 7 and n % 2 == 1:
            return "segment", Severity.INFO, {"n": n}
        return "columns", Severity.ERROR, {"n": n}
    if _parse_class(tokens[0]) is None:
        try:
            float(tokens[0])
        except ValueError:
            return "not_number", Severity.ERROR, {"value": tokens[0]}
        return "bad_class", Severity.ERROR, {"value": tokens[0]}
    for tok in tokens[1:]:
        try:
            value = float(tok)
        except ValueError:
            return "not_number", Severity.ERROR, {"value": tok}
        if not math.isfinite(value):
            return "not_finite", Severity.ERROR, {"value": tok}
    return None


def _check_row(row: tuple[int, float, float, float, float], path: Path | None, line_no: int,
               num_classes: int | None) -> list[Finding]:
    """Findings for a row that parsed: range, size and class id."""
    out: list[Finding] = []
    cls, cx, cy, w, h = row
    if min(cx, cy, w, h) < COORD_MIN or max(cx, cy, w, h) > COORD_MAX:
        out.append(Finding("out_of_range", path, line_no, Severity.ERROR))
    if w <= 0 or h <= 0:
        out.append(Finding("non_positive_size", path, line_no, Severity.WARNING))
    if num_classes is not None and cls >= num_classes:
        out.append(Finding("class_out_of_range", path, line_no, Severity.ERROR,
                           {"cls": cls, "count": num_classes}))
    return out


def load_yolo_labels(path: str | Path, num_classes: int | None = None) -> LabelFile:
    """Read a label file; a missing file gives an empty, ``exists=False`` result.

    An unreadable file (permissions, I/O error) is reported as a finding, never raised.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return LabelFile(path=path)
    except OSError as exc:
        finding = Finding("unreadable", path, None, Severity.ERROR,
                          {"reason": exc.strerror or str(exc)})
        return LabelFile(findings=(finding,), path=path, exists=True, original=None)
    return parse_label_bytes(data, path, num_classes)


def save_yolo_labels(path: str | Path, label_file: LabelFile) -> bool:
    """Write ``label_file`` to ``path`` atomically; returns False when nothing needed writing.

    The parent folder (e.g. ``labels/train``) is created if missing.
    """
    return save_label_bytes(path, label_file.render())


def save_label_bytes(path: str | Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` atomically unless it holds them already; False when not written."""
    path = Path(path)
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, data)
    return True


def boxes_to_label_file(boxes: Boxes, newline: str = "\n") -> LabelFile:
    """A fresh label file holding ``boxes`` (used for new files and negatives)."""
    return LabelFile(boxes=Boxes(boxes.xywhn, boxes.class_id), raw_rows=(None,) * len(boxes),
                     newline=newline, exists=True)


def label_state_of(path: str | Path) -> LabelState:
    """The label state from the file alone, cheaply (size 0 or whitespace only = negative)."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return LabelState.UNLABELED
    except OSError:
        return LabelState.LABELED
    return LabelState.LABELED if data.strip() else LabelState.NEGATIVE


def as_ultralytics_array(boxes: Boxes) -> np.ndarray:
    """(N, 5) float32 ``[class, cx, cy, w, h]``, the array Ultralytics' loader builds."""
    return np.concatenate([boxes.class_id[:, None], boxes.xywhn], axis=1).astype(np.float32)
