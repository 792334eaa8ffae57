"""What the reviewer sees of the model's proposals on the image on screen, in one object.

The review controller owns it; the canvas only draws what it is given (``shown()``), and the
threshold slider, the queue and the keys all read and move the same state:

- ``threshold``: proposals below it are hidden (the "Proposals ≥" slider);
- ``proposals``: the current image's proposals (today's class ids) and which are ``pending``
  (not decided, class still in the dataset);
- ``visible()``: the pending proposals at or above the threshold, most confident first: the
  order Tab walks and the canvas draws;
- ``focus``: a position in ``visible()`` (the box the review keys act on).
"""

from __future__ import annotations

import numpy as np
from PyQt6.QtCore import QObject, pyqtSignal

from studio.core.labels.boxes import Boxes


class ProposalState(QObject):
    """Threshold, pending proposals and focus of the image on screen; ``changed`` on any move."""

    changed = pyqtSignal()

    def __init__(self, threshold: float = 0.25, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.threshold = threshold
        self.proposals = Boxes.empty()
        self.pending: list[int] = []
        self.focus = -1

    def set_threshold(self, value: float) -> None:
        """Hide proposals below ``value``; the focus stays on a visible proposal."""
        self.threshold = value
        self._clamp_focus()
        self.changed.emit()

    def set_image(self, proposals: Boxes, pending: list[int]) -> None:
        """A new image's proposals; the focus goes to the most confident visible one."""
        self.proposals, self.pending = proposals, list(pending)
        self.focus = 0 if self.visible() else -1
        self.changed.emit()

    def set_pending(self, pending: list[int]) -> None:
        """Decisions changed which proposals are pending; the focus stays in range."""
        self.pending = list(pending)
        self._clamp_focus()
        self.changed.emit()

    def clear(self) -> None:
        """No image, or no run."""
        self.set_image(Boxes.empty(), [])

    def visible(self) -> list[int]:
        """Pending proposals (indices into ``proposals``) at or above the threshold, most confident first."""
        conf = self.proposals.confidence
        keep = [k for k in self.pending if conf is None or conf[k] >= self.threshold]
        return sorted(keep, key=lambda k: -(conf[k] if conf is not None else 1.0))

    def focused(self) -> int:
        """Index (into ``proposals``) of the focused proposal, or ``-1``."""
        visible = self.visible()
        return visible[self.focus] if 0 <= self.focus < len(visible) else -1

    def step(self, delta: int) -> None:
        """Move the focus through the visible proposals (wrapping)."""
        n = len(self.visible())
        if n:
            self.focus = (self.focus + delta) % n
            self.changed.emit()

    def focus_on(self, position: int) -> None:
        """Focus the proposal at ``position`` of ``visible()`` (a click on the canvas)."""
        if 0 <= position < len(self.visible()):
            self.focus = position
            self.changed.emit()

    def shown(self) -> tuple[Boxes, int]:
        """What the canvas draws: the visible proposals in ``visible()`` order, and the focus among them."""
        visible = self.visible()
        if not visible:
            return Boxes.empty(), -1
        return self.proposals[np.array(visible)], self.focus

    def _clamp_focus(self) -> None:
        n = len(self.visible())
        self.focus = min(max(self.focus, 0), n - 1) if n else -1
