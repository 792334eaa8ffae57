"""How small the preview gets while a slider is held, so that every change answers in time.

While dragging, the preview normally runs at display scale. An operation that is slow there
(a wide bilateral filter, a big median) would lag behind the slider, so each slider keeps its
own scale: it drops down a ladder of scales (steps of 1/sqrt(2) in size, 1/2 in pixels) when
an update took longer than the budget and climbs back when updates are cheap again. Release
the slider and the preview refines at full resolution.
"""

from __future__ import annotations

import math

BUDGET_S = 0.020  # compute per update; painting the result adds a few ms on top (33 ms in all)
LADDER = tuple(round(0.5 ** (k / 2), 4) for k in range(0, 14))  # 1.0, 0.7071, 0.5, ... 0.0156
MIN_SCALE = LADDER[-1]


def on_ladder(scale: float) -> float:
    """The largest ladder scale not above ``scale`` (the smallest one at least)."""
    return next((s for s in LADDER if s <= scale + 1e-9), MIN_SCALE)


class DragScale:
    """Per-slider preview scales while dragging, learned from how long updates take."""

    def __init__(self, budget_s: float = BUDGET_S) -> None:
        self.budget_s = budget_s
        self._cap: dict[object, float] = {}
        self._full_s: dict[object, float] = {}  # estimated full-resolution time per slider

    def expect(self, key: object, full_resolution_s: float) -> None:
        """Before a slider's first update: start where its steps' full-resolution time says
        it keeps up (the steps from the dragged one on, as last measured)."""
        if key in self._full_s or full_resolution_s <= 0:
            return
        self._full_s[key] = full_resolution_s
        fits = math.sqrt(self.budget_s / full_resolution_s) * 0.95
        if fits < 1.0:
            self._cap[key] = on_ladder(fits)

    def full_resolution_s(self, key: object) -> float:
        """About how long this slider's update takes at full resolution (0 when not measured)."""
        return self._full_s.get(key, 0.0)

    def scale_for(self, key: object, display_scale: float) -> float:
        """The scale to preview at now: display scale, or less where this slider was slow."""
        cap = self._cap.get(key)
        return display_scale if cap is None or cap >= display_scale else cap

    def reduced(self, key: object, display_scale: float) -> bool:
        """True when this slider previews below display scale to keep up."""
        cap = self._cap.get(key)
        return cap is not None and cap < display_scale

    def learn(self, key: object, scale: float, seconds: float, display_scale: float) -> None:
        """Record an update made at ``scale`` that took ``seconds`` (time grows with the pixels)."""
        self._full_s[key] = seconds / max(scale, MIN_SCALE) ** 2
        if seconds > self.budget_s and scale > MIN_SCALE:
            lower = next((s for s in LADDER if s < scale - 1e-9), MIN_SCALE)  # at least one step down
            self._cap[key] = min(lower, on_ladder(scale * math.sqrt(self.budget_s / seconds) * 0.95))
        elif seconds < self.budget_s / 3 and key in self._cap:
            bigger = LADDER[max(0, LADDER.index(self._cap[key]) - 1)]
            if bigger >= display_scale:
                del self._cap[key]
            else:
                self._cap[key] = bigger
