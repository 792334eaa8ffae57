"""The preview's scale while dragging: down when a slider is slow, back up when it is quick."""

from __future__ import annotations

import pytest

from studio.ui.preprocess.drag_scale import FORGET, LADDER, MIN_SCALE, DragScale, on_ladder


def test_a_slow_slider_drops_below_display_scale_and_climbs_back_slowly() -> None:
    drag = DragScale(budget_s=0.02)
    key = (2, "bilateral")
    assert drag.scale_for(key, 0.17) == 0.17 and not drag.reduced(key, 0.17)
    drag.learn(key, 0.17, 0.080)  # 4x over budget: about half the size
    low = drag.scale_for(key, 0.17)
    assert low in LADDER and low <= 0.17 / 2 and drag.reduced(key, 0.17)
    assert drag.scale_for((1, "clahe"), 0.17) == 0.17  # other sliders keep display scale
    drag.learn(key, low, 0.001)  # one cheap value does not undo the slow one at once
    assert drag.scale_for(key, 0.17) == low
    cheap = 0
    while drag.reduced(key, 0.17):
        drag.learn(key, drag.scale_for(key, 0.17), 0.0005)
        cheap += 1
    assert 20 <= cheap <= 80  # forgotten over dozens of quick updates
    assert drag.full_resolution_s(key) == pytest.approx(0.080 / 0.17 ** 2 * FORGET ** (cheap + 1), rel=1e-6)


def test_a_measured_full_resolution_time_sets_the_first_scale() -> None:
    drag = DragScale(budget_s=0.02)
    drag.expect("bilateral", 2.0)  # 2 s at full resolution: 1/100 of the pixels fit the budget
    assert drag.scale_for("bilateral", 0.2) == on_ladder(0.1 * 0.95) and drag.reduced("bilateral", 0.2)
    drag.expect("gaussian", 0.010)  # quick: display scale
    assert drag.scale_for("gaussian", 0.2) == 0.2 and not drag.reduced("gaussian", 0.2)
    drag.learn("bilateral", 0.09, 0.05)  # a drag update suggests ~6 s ...
    drag.expect("bilateral", 0.5)  # ... then a full-resolution run with new settings measures 0.5 s
    assert drag.full_resolution_s("bilateral") == 0.5
    drag.expect("bilateral", 0.0)  # nothing measured: nothing changes
    assert drag.full_resolution_s("bilateral") == 0.5


def test_the_ladder_halves_pixels_per_two_steps_and_has_a_floor() -> None:
    assert LADDER[0] == 1.0 and LADDER[2] == 0.5 and on_ladder(0.3) == LADDER[4] == 0.25
    assert on_ladder(0.0001) == MIN_SCALE
    drag = DragScale(budget_s=0.02)
    drag.learn("hopeless", 0.1, 100.0)
    assert drag.scale_for("hopeless", 0.2) == MIN_SCALE
