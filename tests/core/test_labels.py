"""YOLO label I/O: parsing, findings, byte-exact preservation, atomic writes, Ultralytics oracle."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studio.core.atomic import WriteError
from studio.core.labels.boxes import Boxes
from studio.core.labels.yolo import (
    LabelState,
    as_ultralytics_array,
    boxes_to_label_file,
    format_row,
    label_state_of,
    load_yolo_labels,
    parse_label_bytes,
    save_yolo_labels,
)


@pytest.mark.parametrize(
    "data, rows, codes",
    [
        (b"0 0.5 0.5 0.2 0.2\n", [(0, 0.5, 0.5, 0.2, 0.2)], []),
        (b"0 0.5 0.5 0.2 0.2\r\n1 0.1 0.1 0.1 0.1\r\n", [(0, .5, .5, .2, .2), (1, .1, .1, .1, .1)], []),
        (b"\n\n 2 5e-1 0.5 1E-1 0.1   \n\n", [(2, 0.5, 0.5, 0.1, 0.1)], []),
        (b"0\t0.5\t0.5\t0.2\t0.2", [(0, 0.5, 0.5, 0.2, 0.2)], []),
        (b"1.0 0.5 0.5 0.2 0.2\n", [(1, 0.5, 0.5, 0.2, 0.2)], []),
        (b"0 0.5 0.5 0.2\n", [], ["columns"]),
        (b"0 0.5 0.5 0.2 0.2 0.93\n", [], ["confidence_column"]),
        (b"0 0.1 0.1 0.2 0.1 0.2 0.2 0.1 0.2\n", [], ["segment"]),
        (b"0 nan 0.5 0.2 0.2\n", [], ["not_finite"]),
        (b"0 abc 0.5 0.2 0.2\n", [], ["not_number"]),
        (b"-1 0.5 0.5 0.2 0.2\n", [], ["bad_class"]),
        (b"1.5 0.5 0.5 0.2 0.2\n", [], ["bad_class"]),
        (b"cat 0.5 0.5 0.2 0.2\n", [], ["not_number"]),
        (b"0 1.5 0.5 0.2 0.2\n", [(0, 1.5, 0.5, 0.2, 0.2)], ["out_of_range"]),
        (b"0 -0.5 0.5 0.2 0.2\n", [(0, -0.5, 0.5, 0.2, 0.2)], ["out_of_range"]),
        (b"0 1.005 0.5 0.2 0.2\n", [(0, 1.005, 0.5, 0.2, 0.2)], []),
        (b"0 0.5 0.5 0 0.2\n", [(0, 0.5, 0.5, 0.0, 0.2)], ["non_positive_size"]),
        (b"0 .5 .5 .2 .2\n0 .5 .5 .2 .2\n", [(0, .5, .5, .2, .2)] * 2, ["duplicate_row"]),
        (b"9 0.5 0.5 0.2 0.2\n", [(9, 0.5, 0.5, 0.2, 0.2)], ["class_out_of_range"]),
        (b"\xef\xbb\xbf0 0.5 0.5 0.2 0.2\n", [(0, 0.5, 0.5, 0.2, 0.2)], ["bom"]),
    ],
)
def test_parse_table(data: bytes, rows: list, codes: list[str]) -> None:
    lf = parse_label_bytes(data, Path("x.txt"), num_classes=5)
    got = np.array(lf.boxes.rows(), dtype=float).reshape(-1, 5)
    np.testing.assert_allclose(got, np.array(rows, dtype=float).reshape(-1, 5))
    assert [f.code for f in lf.findings] == codes


def test_findings_name_file_and_line() -> None:
    lf = parse_label_bytes(b"0 0.5 0.5 0.2 0.2\n\n0 0.5 x 0.2 0.2\n", Path("a/b.txt"))
    (finding,) = lf.findings
    assert finding.line == 3 and finding.path == Path("a/b.txt")
    assert str(finding).startswith("a/b.txt:3: error:") and "'x' is not a number" in str(finding)


def test_empty_file_is_negative_and_missing_is_unlabeled(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"\n  \r\n")
    assert load_yolo_labels(tmp_path / "empty.txt").state is LabelState.NEGATIVE
    assert load_yolo_labels(tmp_path / "blank.txt").state is LabelState.NEGATIVE
    assert load_yolo_labels(tmp_path / "missing.txt").state is LabelState.UNLABELED
    assert label_state_of(tmp_path / "missing.txt") is LabelState.UNLABELED
    assert label_state_of(tmp_path / "empty.txt") is LabelState.NEGATIVE


def test_writing_a_negative_creates_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "labels" / "train" / "n.txt"
    assert save_yolo_labels(path, boxes_to_label_file(Boxes.empty()))
    assert path.read_bytes() == b""
    assert load_yolo_labels(path).state is LabelState.NEGATIVE


def test_format_row_fixed_precision() -> None:
    assert format_row((0, 0.5, 0.25, 1 / 3, 2 / 3)) == "0 0.500000 0.250000 0.333333 0.666667"
    assert format_row((1, -0.0, 1e-9, 0.1, 0.1)) == "1 0.000000 0.000000 0.100000 0.100000"


def test_unchanged_file_is_byte_identical_even_with_kept_lines(tmp_path: Path) -> None:
    data = (b"# made by hand\r\n0 0.5 0.5 0.2 0.2\r\n0 0.1 0.1 0.1 0.2 0.2 0.2 0.1 0.2\r\n"
            b"1 .25 .25 .1 .1  \r\n\xff\xfe junk\r\n")
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    lf = load_yolo_labels(path)
    assert len(lf.boxes) == 2 and len(lf.kept) == 3
    assert lf.render() == data
    assert save_yolo_labels(path, lf) is False  # nothing to write
    assert path.read_bytes() == data


def test_edit_keeps_unsupported_lines_and_untouched_rows_verbatim(tmp_path: Path) -> None:
    data = (b"0 0.1 0.1 0.1 0.2 0.2 0.2 0.1 0.2\r\n0 .5 .5 .2 .2\r\ngarbage here\r\n"
            b"1 0.3 0.3 0.1 0.1\r\n")
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    lf = load_yolo_labels(path)
    edited = lf.boxes.merge(Boxes.from_rows([(2, 0.7, 0.7, 0.2, 0.1)]))[np.array([0, 2])]
    assert save_yolo_labels(path, lf.with_boxes(edited))
    out = path.read_bytes()
    assert out == (b"0 .5 .5 .2 .2\r\n2 0.700000 0.700000 0.200000 0.100000\r\n"
                   b"0 0.1 0.1 0.1 0.2 0.2 0.2 0.1 0.2\r\ngarbage here\r\n")


def test_failed_write_leaves_original_and_no_temp_file(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"0 0.5 0.5 0.2 0.2\n")

    def full_disk(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(WriteError, match="No space left"):
        save_yolo_labels(path, boxes_to_label_file(Boxes.from_rows([(1, .1, .1, .1, .1)])))
    assert path.read_bytes() == b"0 0.5 0.5 0.2 0.2\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_unreadable_label_file_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    folder = tmp_path / "a.txt"
    folder.mkdir()  # reading a folder raises IsADirectoryError
    lf = load_yolo_labels(folder)
    assert [f.code for f in lf.findings] == ["unreadable"]


coord = st.floats(min_value=0.0, max_value=1.0, allow_nan=False, allow_infinity=False)
row_strategy = st.tuples(st.integers(0, 999), coord, coord, coord, coord)


@settings(max_examples=200, deadline=None)
@given(st.lists(row_strategy, max_size=40), st.sampled_from(["\n", "\r\n"]))
def test_round_trip_property(rows: list, newline: str) -> None:
    boxes = Boxes.from_rows(rows) if rows else Boxes.empty()
    data = boxes_to_label_file(boxes, newline).render()
    back = parse_label_bytes(data)
    assert len(back.boxes) == len(rows)
    np.testing.assert_array_equal(back.boxes.class_id, boxes.class_id)
    np.testing.assert_allclose(back.boxes.xywhn, boxes.xywhn, atol=5e-7, rtol=0)
    # A second save of what was read is byte-identical (no drift).
    assert back.render() == data
    assert back.with_boxes(back.boxes).render() == data


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_characters="\r\n",
                                                   blacklist_categories=("Cs",)), max_size=30),
                max_size=10))
def test_arbitrary_lines_never_crash_and_kept_lines_survive(lines: list[str]) -> None:
    data = "".join(f"{ln}\n" for ln in lines).encode("utf-8")
    lf = parse_label_bytes(data)
    kept = [k.raw for k in lf.kept]
    rendered = lf.with_boxes(lf.boxes[np.arange(len(lf.boxes))[::-1]]).render()
    for raw in kept:
        assert raw + b"\n" in rendered


def test_ultralytics_accepts_written_labels_and_loads_same_arrays(tmp_path: Path) -> None:
    """Oracle: Ultralytics' own verify_image_label on files studio wrote."""
    import cv2
    from ultralytics.data.utils import verify_image_label

    img_dir, lbl_dir = tmp_path / "images" / "train", tmp_path / "labels" / "train"
    img_dir.mkdir(parents=True)
    rng = np.random.default_rng(1)
    for i in range(20):
        n = int(rng.integers(0, 8))
        xywh = rng.uniform(0.05, 0.45, (n, 4))
        xywh[:, :2] += 0.25
        boxes = Boxes(xywh, rng.integers(0, 3, n))
        img = rng.integers(0, 255, (32, 48, 3), dtype=np.uint8)
        cv2.imwrite(str(img_dir / f"{i}.jpg"), img)
        save_yolo_labels(lbl_dir / f"{i}.txt", boxes_to_label_file(boxes))
        result = verify_image_label((str(img_dir / f"{i}.jpg"), str(lbl_dir / f"{i}.txt"),
                                     "", False, 3, 0, 0, False))
        _, lb, shape, _, _, nm, nf, ne, nc, msg = result
        assert nc == 0, msg
        assert (nf, ne) == ((1, 0) if n else (1, 1))
        expected = as_ultralytics_array(parse_label_bytes((lbl_dir / f"{i}.txt").read_bytes()).boxes)
        np.testing.assert_array_equal(lb, expected)
        np.testing.assert_allclose(lb[:, 1:], boxes.xywhn, atol=5e-7)


def test_saved_as_equals_reading_the_written_bytes_back() -> None:
    """After a save the document knows the file without parsing it again; that must be exactly
    what parsing the written bytes gives (boxes, row texts, kept lines)."""
    import numpy as np

    from studio.core.labels.boxes import Boxes
    from studio.core.labels.yolo import parse_label_bytes

    rng = np.random.default_rng(11)
    for _trial in range(30):
        n = int(rng.integers(0, 40))
        lines = [f"{int(rng.integers(0, 5))} {rng.random():.{int(rng.integers(2, 8))}f} {rng.random():.6f} "
                 f"{rng.uniform(0.01, 0.3):.6f} {rng.uniform(0.01, 0.3):.4f}" for _ in range(n)]
        if rng.random() < 0.5:
            lines.insert(int(rng.integers(0, n + 1)), "0 0.1 0.2 0.3 0.4 0.5 0.6")  # a polygon row, kept
        if rng.random() < 0.3:
            lines.append(lines[0] if n else "1 0.5 0.5 0.1 0.1")  # a duplicate
        original = parse_label_bytes(("\r\n" if rng.random() < 0.3 else "\n").join(lines).encode() + b"\n")
        boxes = original.boxes
        xywhn, cls = boxes.xywhn.copy(), boxes.class_id.copy()
        if len(boxes):
            moved = rng.random(len(boxes)) < 0.3
            xywhn[moved, :2] = np.clip(xywhn[moved, :2] + rng.normal(0, 0.01, (int(moved.sum()), 2)), 0, 1)
        extra = int(rng.integers(0, 3))  # boxes drawn new
        edited = Boxes(np.r_[xywhn.reshape(-1, 4), rng.uniform(0.1, 0.5, (extra, 4))],
                       np.r_[cls, rng.integers(0, 5, extra)].astype(np.int64))
        new_file = original.with_boxes(edited)
        data = new_file.render()
        fast, full = new_file.saved_as(data), parse_label_bytes(data)
        assert fast.boxes == full.boxes and fast.raw_rows == full.raw_rows
        assert fast.kept == full.kept and fast.original == data and fast.render() == data


def _with_boxes_reference(label_file, boxes):  # noqa: ANN001, ANN202 - the obvious loop version
    old_rows, raws = label_file.boxes.rows(), label_file._raw_rows_padded()
    result: list = [None] * len(boxes)
    used = set()
    for i, row in enumerate(boxes.rows()):  # a row unchanged in place keeps its own text
        if i < len(old_rows) and old_rows[i] == row and raws[i] is not None:
            result[i] = raws[i]
            used.add(i)
    pool: dict[tuple, list[bytes]] = {}
    for j, (row, raw) in enumerate(zip(old_rows, raws)):
        if raw is not None and j not in used:
            pool.setdefault(row, []).append(raw)
    for i, row in enumerate(boxes.rows()):  # the rest take equal unused rows' texts, first come first
        if result[i] is None and pool.get(row):
            result[i] = pool[row].pop(0)
    return tuple(result)


def test_with_boxes_keeps_the_same_row_texts_as_the_obvious_loop() -> None:
    """``with_boxes`` matches rows by sorting; it must give each new row the text the plain
    Python loop gives: after moves, deletions, reorders, duplicates and -0.0."""
    rng = np.random.default_rng(23)
    for _trial in range(200):
        n = int(rng.integers(0, 30))
        lines = [f"{int(rng.integers(0, 3))} {rng.choice([0.5, 0.25, rng.random()]):.{int(rng.integers(1, 7))}f} "
                 f"0.5 {rng.choice(['0.1', '1e-1', '0.2'])} 0.2" for _ in range(n)]
        if n and rng.random() < 0.2:
            lines[0] = "0 -0.0 0.5 0.1 0.1"
        original = parse_label_bytes("\n".join(lines).encode() + b"\n")
        boxes = original.boxes
        order = rng.permutation(len(boxes))[: int(rng.integers(0, len(boxes) + 1))]
        if rng.random() < 0.5:
            order = np.sort(order)  # deletions only: most rows stay in place or shift
        xywhn, cls = boxes.xywhn[order].copy(), boxes.class_id[order].copy()
        if len(order) and rng.random() < 0.5:
            xywhn[0, 0] = 0.0  # a moved box, or one equal to the -0.0 row
        extra = Boxes.from_rows([(0, 0.5, 0.5, 0.2, 0.2)] * int(rng.integers(0, 3)))
        edited = Boxes(xywhn, cls).merge(extra) if len(extra) else Boxes(xywhn, cls)
        if rng.random() < 0.3:
            original = original.with_boxes(original.boxes)  # raw rows partly None below
            original = replace(original, raw_rows=tuple(None if rng.random() < 0.3 else r
                                                         for r in original.raw_rows))
        assert original.with_boxes(edited).raw_rows == _with_boxes_reference(original, edited)


def test_the_fast_path_reads_plain_files_exactly_like_the_careful_one() -> None:
    import numpy as np

    from studio.core.labels.yolo import _parse_lines, _parse_plain, parse_label_bytes

    rng = np.random.default_rng(5)
    used_fast = 0
    for _trial in range(60):
        n = int(rng.integers(150, 400))  # large enough (> 4 KiB) for the fast path
        rows = np.c_[rng.integers(0, 7, n), rng.uniform(-0.05, 1.05, (n, 2)), rng.uniform(-0.01, 0.3, (n, 2))]
        lines = [f"{int(r[0])} {r[1]:.6f} {r[2]:.{int(rng.integers(1, 7))}f} {r[3]:.6f} {r[4]:.5e}" for r in rows]
        for k in rng.integers(0, n, int(rng.integers(0, 4))):
            lines.append(lines[int(k)])  # duplicates
        if rng.random() < 0.2:
            lines[int(rng.integers(0, len(lines)))] += " 0.9"  # a confidence column: careful path
        if rng.random() < 0.1:
            lines[int(rng.integers(0, len(lines)))] = "2.5 0.5 0.5 0.1 0.1"  # a bad class: careful path
        nl = "\r\n" if rng.random() < 0.3 else "\n"
        data = (nl.join(lines) + (nl if rng.random() < 0.8 else "")).encode()
        num_classes = int(rng.choice([3, 5, 7])) if rng.random() < 0.7 else None
        fast, careful = parse_label_bytes(data, None, num_classes), _parse_lines(data, None, num_classes)
        assert fast.boxes == careful.boxes and fast.raw_rows == careful.raw_rows and fast.kept == careful.kept
        assert fast.findings == careful.findings and fast.newline == careful.newline
        assert fast.row_lines == careful.row_lines and fast.original == careful.original
        used_fast += _parse_plain(data, None, num_classes) is not None
    assert used_fast > 20  # most files took the fast path
