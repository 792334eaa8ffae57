"""Decisions on suspicious labels: only what a human chose is written, other rows keep their
text, every decision is stored, and undo restores the file unless it changed since."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from studio.core.i18n import Message
from studio.core.insight.label_issues import BADLOC, OVERLOOKED, SWAP, BoxIssue, ImageIssues


@dataclass
class _Plan:
    work_dir: Path


def _stored(sample_dataset: Path) -> tuple:
    from studio.core.dataset.layout import open_dataset
    from studio.core.dataset.store_location import open_store
    from studio.core.labelcheck.plan import LabelCheckParams
    from studio.core.labelcheck.results import save_check

    dataset = open_dataset(sample_dataset)
    store = open_store(dataset)[0]
    path = next(p for p in dataset.scan_images().paths if dataset.label_path(p).read_bytes().count(b"\n") >= 2)
    issues = ImageIssues(0, 0.1, [
        BoxIssue(SWAP, 0, 0.05, Message("probably {new}, not {old} ({conf:.2f})", new="b", old="a", conf=0.9), 2, 0.9),
        BoxIssue(BADLOC, 1, 0.2, Message("box looks shifted or loose"), None, 0.8, (0.5, 0.5, 0.25, 0.25)),
        BoxIssue(OVERLOOKED, 3, 0.01, Message("an unlabeled {name} the model sees here ({conf:.2f})", name="c",
                                              conf=0.85), 1, 0.85, (0.1, 0.1, 0.05, 0.05)),
        BoxIssue(SWAP, 1, 0.1, Message("maybe {new}, not {old} ({conf:.2f}): the model is unsure", new="b", old="a",
                                       conf=0.62), 2, 0.62),
    ])
    check_id = save_check(store, _Plan(sample_dataset / "work"), LabelCheckParams(), [(path, issues)])
    return dataset, store, check_id, path


def test_taking_suggestions_writes_only_the_decided_rows_and_undo_restores(sample_dataset: Path) -> None:
    from studio.core.labelcheck.results import KEPT, TAKEN, DecisionError, check_queue, decide, undo

    dataset, store, check_id, path = _stored(sample_dataset)
    label = dataset.label_path(path)
    original = label.read_bytes()
    rows = original.decode().splitlines()
    assert [e.open_issues for e in check_queue(store, check_id)] == [[0, 1, 2, 3]]
    decide(store, dataset, check_id, path, 0, TAKEN)
    after_swap = label.read_text().splitlines()
    assert after_swap[0].split()[0] == "2" and after_swap[0].split()[1:] == rows[0].split()[1:]
    assert after_swap[1:] == rows[1:]  # other rows keep their exact text
    decide(store, dataset, check_id, path, 1, TAKEN)
    assert label.read_text().splitlines()[1] == f"{rows[1].split()[0]} 0.500000 0.500000 0.250000 0.250000"
    decide(store, dataset, check_id, path, 2, KEPT)  # kept: nothing written
    assert len(label.read_text().splitlines()) == len(rows)
    entry = check_queue(store, check_id)[0]
    assert entry.decisions == {0: TAKEN, 1: TAKEN, 2: KEPT} and entry.open_issues == [3]
    undo(store, dataset, check_id, path, 2)
    decide(store, dataset, check_id, path, 2, TAKEN)
    assert label.read_text().splitlines()[-1] == "1 0.100000 0.100000 0.050000 0.050000"
    for issue in (2, 1, 0):  # undo, newest first, back to the file as it was
        undo(store, dataset, check_id, path, issue)
    assert label.read_bytes() == original
    assert check_queue(store, check_id)[0].decisions == {}
    decide(store, dataset, check_id, path, 0, TAKEN)
    label.write_text("0 0.5 0.5 0.1 0.1\n")  # edited elsewhere since
    with pytest.raises(DecisionError, match="changed after the suggestion was taken"):
        undo(store, dataset, check_id, path, 0)
    assert label.read_text() == "0 0.5 0.5 0.1 0.1\n"


def test_a_suggestion_for_a_box_that_is_gone_is_refused_and_nothing_is_written(sample_dataset: Path) -> None:
    from studio.core.labelcheck.results import TAKEN, DecisionError, check_queue, decide

    dataset, store, check_id, path = _stored(sample_dataset)
    label = dataset.label_path(path)
    label.write_text("0 0.5 0.5 0.1 0.1\n")  # one box left: box 2 is gone
    with pytest.raises(DecisionError, match="box 2 is gone"):
        decide(store, dataset, check_id, path, 1, TAKEN)
    assert label.read_text() == "0 0.5 0.5 0.1 0.1\n"
    assert check_queue(store, check_id)[0].decisions == {}


def test_an_unsure_suggestion_is_not_written_with_one_key(sample_dataset: Path) -> None:
    from studio.core.labelcheck.results import KEPT, TAKEN, DecisionError, check_queue, decide

    dataset, store, check_id, path = _stored(sample_dataset)
    label = dataset.label_path(path)
    original = label.read_bytes()
    with pytest.raises(DecisionError, match=r"unsure of its suggestion \(0.62, below 0.80\)"):
        decide(store, dataset, check_id, path, 3, TAKEN)
    assert label.read_bytes() == original
    assert check_queue(store, check_id)[0].decisions == {}
    decide(store, dataset, check_id, path, 3, KEPT)  # keeping it is always possible
    assert check_queue(store, check_id)[0].decisions == {3: KEPT}


def test_a_box_move_is_taken_from_a_lower_confidence_than_a_class_change() -> None:
    """The take floors per kind (``TAKE_CONFIDENCE``): a move the model holds at 0.7 is written,
    a class change or an unlabeled object at 0.7 is not, and a move at 0.6 is not either."""
    import numpy as np

    from studio.core.labelcheck.results import DecisionError, suggested_boxes
    from studio.core.labels.boxes import Boxes

    boxes = Boxes(np.array([[0.5, 0.5, 0.2, 0.2]]), np.array([0]))
    move = BoxIssue(BADLOC, 0, 0.1, Message("box looks shifted or loose"), 0, 0.7, (0.6, 0.5, 0.2, 0.2))
    assert suggested_boxes(boxes, move).xywhn.tolist() == [[0.6, 0.5, 0.2, 0.2]]
    unsure_move = BoxIssue(BADLOC, 0, 0.1, Message("box looks shifted or loose"), 0, 0.6, (0.6, 0.5, 0.2, 0.2))
    with pytest.raises(DecisionError, match=r"unsure of its suggestion \(0.60, below 0.65\)"):
        suggested_boxes(boxes, unsure_move)
    swap = BoxIssue(SWAP, 0, 0.1, Message("maybe {new}, not {old} ({conf:.2f}): the model is unsure", new="b",
                                          old="a", conf=0.7), 1, 0.7)
    new = BoxIssue(OVERLOOKED, 0, 0.1, Message("perhaps an unlabeled {name} here ({conf:.2f}): the model is unsure",
                                               name="b", conf=0.7), 1, 0.7, (0.1, 0.1, 0.05, 0.05))
    for issue in (swap, new):
        with pytest.raises(DecisionError, match=r"\(0.70, below 0.80\)"):
            suggested_boxes(boxes, issue)


def test_an_unlabeled_object_without_a_class_is_no_suggestion_and_moves_no_box() -> None:
    import numpy as np

    from studio.core.labelcheck.results import DecisionError, suggested_boxes
    from studio.core.labels.boxes import Boxes

    boxes = Boxes(np.array([[0.5, 0.5, 0.2, 0.2]]), np.array([0]))
    issue = BoxIssue(OVERLOOKED, 0, 0.01, Message("an unlabeled {name} the model sees here ({conf:.2f})", name="c",
                                                 conf=0.9), None, 0.9, (0.1, 0.1, 0.05, 0.05))
    with pytest.raises(DecisionError, match="no suggestion"):
        suggested_boxes(boxes, issue)
