"""The preview's scale while dragging: down when a slider is slow, back up when it is quick."""

from __future__ import annotations

from studio.ui.preprocess.drag_scale import LADDER, MIN_SCALE, DragScale, on_ladder


def test_a_slow_slider_drops_below_display_scale_and_climbs_back() -> None:
    drag = DragScale(budget_s=0.02)
    key = (2, "bilateral")
    assert drag.scale_for(key, 0.17) == 0.17 and not drag.reduced(key, 0.17)
    drag.learn(key, 0.17, 0.080, 0.17)  # 4x over budget: about half the size
    low = drag.scale_for(key, 0.17)
    assert low in LADDER and low <= 0.17 * 0.5 ** 0.5 * 1.0001 and drag.reduced(key, 0.17)
    assert drag.scale_for((1, "clahe"), 0.17) == 0.17  # other sliders keep display scale
    drag.learn(key, low, 0.019, 0.17)  # within budget: stays
    assert drag.scale_for(key, 0.17) == low
    for _ in range(10):  # quick updates: back up to display scale, step by step
        drag.learn(key, drag.scale_for(key, 0.17), 0.001, 0.17)
    assert drag.scale_for(key, 0.17) == 0.17 and not drag.reduced(key, 0.17)
    for _ in range(40):  # hopeless: never below the smallest scale
        drag.learn(key, drag.scale_for(key, 0.17), 5.0, 0.17)
    assert drag.scale_for(key, 0.17) == MIN_SCALE


def test_the_ladder_halves_pixels_per_two_steps() -> None:
    assert LADDER[0] == 1.0 and LADDER[2] == 0.5 and on_ladder(0.3) == LADDER[4] == 0.25
    assert on_ladder(0.0001) == MIN_SCALE


def test_a_measured_full_resolution_time_sets_the_first_scale() -> None:
    drag = DragScale(budget_s=0.02)
    drag.expect("bilateral", 2.0)  # 2 s at full resolution: 1/100 of the pixels fit the budget
    assert drag.scale_for("bilateral", 0.2) == on_ladder(0.1 * 0.95) and drag.reduced("bilateral", 0.2)
    drag.expect("gaussian", 0.010)  # quick: display scale
    assert drag.scale_for("gaussian", 0.2) == 0.2 and not drag.reduced("gaussian", 0.2)
    drag.learn("bilateral", 0.088, 0.001, 0.2)  # what happens beats the estimate
    drag.expect("bilateral", 2.0)  # a later estimate does not undo what was learned
    assert drag.scale_for("bilateral", 0.2) > on_ladder(0.1 * 0.95)
