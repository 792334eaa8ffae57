"""How small the preview gets while a slider is held, so that every change answers in time.

While dragging, the preview normally runs at display scale. An operation that is slow there
(a wide bilateral filter, a median above 5 px) would lag behind the slider, so each slider
keeps an estimate of what its update costs at full resolution: measured when the pipeline
last ran at full resolution, then from every update (time grows with the pixels, so a run at
scale ``s`` that took ``t`` costs about ``t / s**2``). The estimate follows the slowest recent
update and forgets it slowly, because one slider's cost changes with its value (a median of
7 px costs ten times one of 3 px). The preview scale is the largest step of a ladder (steps
of 1/sqrt(2) in size) at which that cost fits the budget, never above display scale.
Releasing the slider refines at full resolution.
"""

from __future__ import annotations

import math

BUDGET_S = 0.016  # compute per update: showing it adds ~10 ms, and a surprise needs room (33 ms in all)
LADDER = tuple(round(0.5 ** (k / 2), 4) for k in range(0, 14))  # 1.0, 0.7071, 0.5, ... 0.0156
MIN_SCALE = LADDER[-1]
FORGET = 0.97  # per update: a slow value is remembered for dozens of updates


def on_ladder(scale: float) -> float:
    """The largest ladder scale not above ``scale`` (the smallest one at least)."""
    return next((s for s in LADDER if s <= scale + 1e-9), MIN_SCALE)


class DragScale:
    """Per-slider preview scales while dragging, learned from how long updates take."""

    def __init__(self, budget_s: float = BUDGET_S) -> None:
        self.budget_s = budget_s
        self._full_s: dict[object, float] = {}  # estimated full-resolution time per slider

    def full_resolution_s(self, key: object) -> float:
        """About how long this slider's update takes at full resolution (0 when not measured)."""
        return self._full_s.get(key, 0.0)

    def expect(self, key: object, full_resolution_s: float) -> None:
        """The time this slider's steps took when the pipeline last ran at full resolution
        (measured with the current settings, so it replaces what drag updates suggested)."""
        if full_resolution_s > 0:
            self._full_s[key] = full_resolution_s

    def scale_for(self, key: object, display_scale: float) -> float:
        """The scale to preview at now: display scale, or a ladder step below it that keeps up."""
        full = self._full_s.get(key, 0.0)
        if full <= 0:
            return display_scale
        fits = math.sqrt(self.budget_s / full) * 0.95
        return display_scale if fits >= display_scale else on_ladder(fits)

    def reduced(self, key: object, display_scale: float) -> bool:
        """True when this slider previews below display scale to keep up."""
        return self.scale_for(key, display_scale) < display_scale

    def learn(self, key: object, scale: float, seconds: float) -> None:
        """Record an update made at ``scale`` that took ``seconds``."""
        measured = seconds / max(scale, MIN_SCALE) ** 2
        self._full_s[key] = max(measured, self._full_s.get(key, 0.0) * FORGET)
