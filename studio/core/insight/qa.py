"""Dataset QA: every problem a survey reveals, per image and per box, as findings.

Errors are what Ultralytics' ``verify_image_label`` rejects (the whole image is then
left out of training): unreadable or too-small images, formats it does not train on,
wrong column counts, a confidence column, out-of-range or negative coordinates, class
ids beyond the class list, box and polygon rows mixed in one file. Warnings are what it
fixes silently or misses: duplicate rows (dropped), JPEGs without an end marker (it
rewrites them), label files without images, boxes under 2 px (its augmentation drops
them) or with an aspect ratio beyond 20:1, two boxes of different classes on the same
object (IoU >= 0.7), and boxes whose class is an outlier for their size (and colour,
when surveyed with pixels). Info: images never labeled, EXIF-rotated images, polygon rows.

Class outliers: per class, each feature (log pixel area, log aspect ratio, and mean
L*a*b* colour of the box's central half) is standardized by the class median and MAD; a
box's distance to a class is its largest standardized deviation. It is flagged when that
distance to its own class exceeds 3.5 while another class is within half of it (and
within 2.5). Classes with fewer than 8 boxes are skipped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from studio.core.dataset.layout import Dataset
from studio.core.findings import Finding, Severity
from studio.core.insight.survey import Survey, survey_job
from studio.core.jobs import Progress
from studio.core.labels.metrics import overlapping_pairs
from studio.core.labels.yolo import LabelState

TINY_PX = 2.0
MAX_ASPECT = 20.0
CONFLICT_IOU = 0.7
OUTLIER_OWN, OUTLIER_OTHER, OUTLIER_MIN_BOXES = 3.5, 2.5, 8


@dataclass(frozen=True)
class QAIssue:
    """A finding and where it is: the image (relative path) and box index, when known."""

    finding: Finding
    image: str | None = None
    box: int | None = None


@dataclass
class QAReport:
    """Every issue, ordered errors first."""

    issues: list[QAIssue] = field(default_factory=list)
    images: int = 0
    boxes: int = 0

    def count(self, severity: Severity) -> int:
        """How many issues have ``severity``."""
        return sum(1 for i in self.issues if i.finding.severity is severity)

    def by_code(self) -> dict[str, int]:
        """Issue counts per finding code."""
        return dict(Counter(i.finding.code for i in self.issues))


_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def check_survey(survey: Survey, label_path: Callable[[str], Path]) -> QAReport:
    """All QA findings of a survey (``label_path`` maps an image to its label file)."""
    issues: list[QAIssue] = []
    for im in survey.images:
        for f in im.findings:
            issues.append(QAIssue(f, im.path, None))
        if im.label_state is LabelState.UNLABELED and im.readable:
            issues.append(QAIssue(Finding("unlabeled", label_path(im.path), None, Severity.INFO), im.path))
    for orphan in survey.orphans:
        issues.append(QAIssue(Finding("orphan_label", orphan, None, Severity.WARNING)))
    issues += _box_shape_issues(survey, label_path)
    issues += _conflicts(survey, label_path)
    issues += _outliers(survey, label_path)
    issues.sort(key=lambda i: (_ORDER[i.finding.severity], i.image or "", i.box if i.box is not None else -1))
    return QAReport(issues, len(survey.images), len(survey.box_class))


def _box_finding(survey: Survey, label_path: Callable[[str], Path], k: int, code: str, **params: object
                 ) -> QAIssue:
    im = survey.images[int(survey.box_image[k])]
    first = int(np.searchsorted(survey.box_image, survey.box_image[k]))
    box = k - first
    line = int(survey.box_line[k]) if k < len(survey.box_line) else None
    return QAIssue(Finding(code, label_path(im.path), line, Severity.WARNING, {"box": box + 1, **params}),
                   im.path, box)


def _box_shape_issues(survey: Survey, label_path: Callable[[str], Path]) -> list[QAIssue]:
    out = []
    wh = survey.box_wh_px
    known = (wh > 0).all(axis=1)
    tiny = np.flatnonzero(known & (wh.min(axis=1) < TINY_PX))
    for k in tiny:
        out.append(_box_finding(survey, label_path, int(k), "tiny_box", w=float(wh[k, 0]), h=float(wh[k, 1])))
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.maximum(wh[:, 0] / wh[:, 1], wh[:, 1] / wh[:, 0])
    extreme = np.flatnonzero(known & (wh.min(axis=1) >= TINY_PX) & (ratio > MAX_ASPECT))
    for k in extreme:
        out.append(_box_finding(survey, label_path, int(k), "extreme_aspect", ratio=float(ratio[k])))
    return out


def _conflicts(survey: Survey, label_path: Callable[[str], Path]) -> list[QAIssue]:
    out = []
    if not len(survey.box_image):
        return out
    starts = np.r_[0, np.flatnonzero(np.diff(survey.box_image)) + 1]
    ends = np.r_[starts[1:], len(survey.box_image)]
    names = survey.class_names
    for a, b in zip(starts, ends):
        if b - a < 2:
            continue
        xywh = survey.box_xywhn[a:b]
        xyxy = np.c_[xywh[:, :2] - xywh[:, 2:] / 2, xywh[:, :2] + xywh[:, 2:] / 2]
        cls = survey.box_class[a:b]
        pi, pj, piou, complete = overlapping_pairs(xyxy, CONFLICT_IOU)
        for i, j, v in sorted(zip(pi.tolist(), pj.tolist(), piou.tolist())):
            if cls[i] != cls[j]:
                out.append(_box_finding(survey, label_path, int(a + i), "class_conflict", other_box=int(j) + 1,
                                        cls=_name(names, int(cls[i])), other=_name(names, int(cls[j])), iou=v))
        if not complete:
            out.append(_box_finding(survey, label_path, int(a), "too_many_overlaps", n=int(b - a)))
    return out


def _name(names: list[str], c: int) -> str:
    return names[c] if 0 <= c < len(names) else f"#{c}"


def outlier_features(survey: Survey) -> np.ndarray:
    """(N, F) features per box: log area and log aspect in pixels, plus Lab colour if known."""
    wh = np.maximum(survey.box_wh_px, 1e-3)
    feats = [np.log(wh[:, 0] * wh[:, 1]), np.log(wh[:, 0] / wh[:, 1])]
    if survey.box_color is not None and len(survey.box_color):
        feats += [survey.box_color[:, 0], survey.box_color[:, 1], survey.box_color[:, 2]]
    return np.stack(feats, axis=1) if len(wh) else np.zeros((0, len(feats)))


def _outliers(survey: Survey, label_path: Callable[[str], Path]) -> list[QAIssue]:
    feats = outlier_features(survey)
    known = np.isfinite(feats).all(axis=1) & (survey.box_wh_px > 0).all(axis=1)
    floors = np.array([0.25, 0.15, 6.0, 4.0, 4.0][:feats.shape[1]])
    classes = [c for c in np.unique(survey.box_class) if (known & (survey.box_class == c)).sum() >= OUTLIER_MIN_BOXES]
    if len(classes) < 2:
        return []
    centers, scales = {}, {}
    for c in classes:
        f = feats[known & (survey.box_class == c)]
        centers[c] = np.median(f, axis=0)
        scales[c] = np.maximum(1.4826 * np.median(np.abs(f - centers[c]), axis=0), floors)
    dist = np.stack([np.abs((feats - centers[c]) / scales[c]).max(axis=1) for c in classes], axis=1)
    col = {c: k for k, c in enumerate(classes)}
    out = []
    names = survey.class_names
    for k in np.flatnonzero(known):
        own = col.get(int(survey.box_class[k]))
        if own is None or dist[k, own] <= OUTLIER_OWN:
            continue
        others = dist[k].copy()
        others[own] = np.inf
        j = int(np.argmin(others))
        if others[j] < OUTLIER_OTHER and others[j] < dist[k, own] / 2:
            cls, other = int(survey.box_class[k]), int(classes[j])
            out.append(_box_finding(survey, label_path, int(k), "class_outlier",
                                    cls=names[cls] if cls < len(names) else f"#{cls}",
                                    other=names[other] if other < len(names) else f"#{other}"))
    return out


def check_job(dataset: Dataset, pixels: bool = False, workers: int | None = None,
              cancelled: Callable[[], bool] = lambda: False) -> Iterator[Progress]:
    """Survey the dataset and check it; the last progress carries ``(QAReport, Survey)``."""
    survey = None
    for p in survey_job(dataset, pixels=pixels, workers=workers, cancelled=cancelled):
        if p.stage == "done":
            survey = p.payload
            break
        yield p
    if survey is None:
        return
    yield Progress(len(survey.images), len(survey.images), stage="done",
                   payload=(check_survey(survey, dataset.label_path), survey))
