"""Which fold each finished image belongs to, and what makes a set of folds unusable.

Every image is predicted by the model trained on the other folds, so each fold must leave
enough images to train on and each class should appear in more than one fold: a class whose
boxes all sit in one fold is never seen by the model that judges them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from studio.core.i18n import QT_TRANSLATE_NOOP, Message, TranslatableMessage

MIN_FOLDS = 2
MIN_IMAGES_PER_FOLD = 2


class FoldError(TranslatableMessage, ValueError):
    """The finished images cannot be split into the folds asked for; says what to do."""

    def __init__(self, template: str, **params: object) -> None:
        super().__init__(self._init_message(template, params))


@dataclass
class Folds:
    """Each image's fold (0..k-1) and the warnings the split gives."""

    k: int
    fold: dict[str, int] = field(default_factory=dict)
    warnings: list[Message] = field(default_factory=list)

    def members(self, k: int) -> list[str]:
        """The images of fold ``k``, in path order."""
        return sorted(p for p, f in self.fold.items() if f == k)


def assign_folds(paths: Sequence[str], classes: Sequence[Sequence[int]], k: int, seed: int,
                 names: Sequence[str]) -> Folds:
    """Seeded, stratified folds: images are ordered by their rarest class (negatives last),
    shuffled within that order, and dealt out in turn, so each class spreads over the folds."""
    if k < MIN_FOLDS:
        raise FoldError(QT_TRANSLATE_NOOP("studio.core", "at least {k} folds are needed (each image is checked by a model trained on the others)"), k=MIN_FOLDS)
    n = len(paths)
    if n < k * MIN_IMAGES_PER_FOLD:
        raise FoldError(QT_TRANSLATE_NOOP("studio.core", "only {n} finished images for {k} folds: each fold needs at least {m}. Label or review more images, or use fewer folds."),
                        n=n, k=k, m=MIN_IMAGES_PER_FOLD)
    counts = np.zeros(max(len(names), 1) + 1, np.int64)
    for ids in classes:
        for c in set(ids):
            if 0 <= c < len(names):
                counts[c] += 1
    rng = np.random.default_rng(seed)
    order = rng.permutation(n)
    rarity = np.array([min((counts[c] for c in set(ids) if 0 <= c < len(names)), default=n + 1)
                       for ids in classes], np.int64)
    order = order[np.argsort(rarity[order], kind="stable")]
    fold = {paths[i]: int(pos % k) for pos, i in enumerate(order)}
    out = Folds(k, fold)
    out.warnings = single_fold_classes(paths, classes, fold, names)
    return out


def single_fold_classes(paths: Sequence[str], classes: Sequence[Sequence[int]], fold: dict[str, int],
                        names: Sequence[str]) -> list[Message]:
    """A warning for each class whose boxes all lie in one fold."""
    where: dict[int, set[int]] = {}
    for path, ids in zip(paths, classes):
        for c in set(ids):
            if 0 <= c < len(names):
                where.setdefault(c, set()).add(fold[path])
    return [Message(QT_TRANSLATE_NOOP("studio.core", "class {name} has boxes in one fold only: the model that checks those images never saw it, so its boxes there are not judged. Label a few more, or use fewer folds."),
                    name=names[c]) for c, folds in sorted(where.items()) if len(folds) == 1]
