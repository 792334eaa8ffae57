"""The preprocessing studio driven like an engineer would: add steps, drag sliders, save, batch."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from PyQt6.QtCore import Qt
from skimage import data as skdata

from studio.core.preprocess.pipeline import Pipeline, Step, builtin_specs, run_pipeline
from studio.ui.preprocess.window import PreprocessWindow


@pytest.fixture
def studio_window(qtbot, tmp_path: Path):
    photo = tmp_path / "동전.png"
    cv2.imwrite(str(photo), skdata.coins())
    win = PreprocessWindow(builtin_specs())
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.preview_shown, timeout=10_000):
        assert win.open_image(photo)
    return win, photo


def _preview(qtbot, win, action, timeout_ms: int = 10_000) -> object:
    with qtbot.waitSignal(win.preview_shown, timeout=timeout_ms):
        action()
    win.controller.wait()
    qtbot.wait(50)
    return win.last_result


def test_add_steps_and_preview_matches_batch(qtbot, studio_window) -> None:
    win, photo = studio_window
    panel = win.pipeline_panel
    _preview(qtbot, win, lambda: panel.add_step("gaussian_blur"))
    result = _preview(qtbot, win, lambda: panel.add_step("auto_threshold"))
    expected = run_pipeline(cv2.imread(str(photo)), panel.pipeline)
    np.testing.assert_array_equal(result.output, expected)
    assert result.scale == 1.0 and result.hist.shape == (4, 256)
    assert win.histogram.line.isVisible()  # the automatic threshold is drawn


def test_manual_threshold_slider_and_histogram_line_stay_in_sync(qtbot, studio_window) -> None:
    win, _photo = studio_window
    panel = win.pipeline_panel
    _preview(qtbot, win, lambda: panel.add_step("threshold"))
    slider = panel.form.controls["value"]
    _preview(qtbot, win, lambda: slider.setValue(90))
    assert panel.pipeline.steps[0].params["value"] == 90
    assert win.histogram.line.value() == pytest.approx(90)
    win.histogram.line.setValue(150)
    _preview(qtbot, win, lambda: win.histogram.line.sigDragged.emit(win.histogram.line))
    assert panel.pipeline.steps[0].params["value"] == 150 and slider.value() == 150
    gray = cv2.cvtColor(cv2.imread(str(_photo)), cv2.COLOR_BGR2GRAY)
    np.testing.assert_array_equal(win.last_result.output > 0, gray > 150)


def test_odd_kernel_slider_cannot_make_even_sizes(qtbot, studio_window) -> None:
    win, _ = studio_window
    panel = win.pipeline_panel
    _preview(qtbot, win, lambda: panel.add_step("median_blur"))
    slider = panel.form.controls["ksize"]
    for pos in range(slider.minimum(), slider.maximum() + 1, 7):
        slider.setValue(pos)
        assert panel.pipeline.steps[0].params["ksize"] % 2 == 1


def test_dragging_previews_at_reduced_scale_then_refines(qtbot, studio_window, tmp_path: Path) -> None:
    win, _ = studio_window
    big = tmp_path / "big.png"
    cv2.imwrite(str(big), cv2.resize(skdata.coins(), (3200, 2400)))
    _preview(qtbot, win, lambda: win.open_image(big))
    assert win.view.display_scale() < 0.5
    panel = win.pipeline_panel
    _preview(qtbot, win, lambda: panel.add_step("clahe"))
    form = panel.form
    form._dragging = True
    reduced = _preview(qtbot, win, lambda: form.controls["clip_limit"].setValue(4.0))
    assert reduced.scale < 1.0 and "scale" in win.scale_label.text()
    form._dragging = False
    qtbot.waitUntil(lambda: win.last_result.scale == 1.0, timeout=5000)
    assert win.scale_label.text() == "Full resolution"


def test_a_slow_step_drops_below_display_scale_while_dragging_and_says_so(qtbot, studio_window,
                                                                          tmp_path: Path) -> None:
    win, _ = studio_window
    big = tmp_path / "big.png"
    cv2.imwrite(str(big), cv2.resize(cv2.cvtColor(skdata.coffee(), cv2.COLOR_RGB2BGR), (3200, 2400)))
    _preview(qtbot, win, lambda: win.open_image(big))
    panel = win.pipeline_panel
    _preview(qtbot, win, lambda: panel.add_step("bilateral"))
    form = panel.form
    _preview(qtbot, win, lambda: form.controls["diameter"].setValue(31),
             timeout_ms=60_000)  # far over 20 ms at display scale; full resolution takes seconds
    form._dragging = True
    seen = []
    for value in (80.0, 90.0, 100.0, 110.0, 120.0, 130.0):
        seen.append(_preview(qtbot, win, lambda v=value: form.controls["sigma_color"].setValue(v)))
        if seen[-1].reduced_to_keep_up:
            break
    assert all(r.scale < 1.0 for r in seen)  # held: never a multi-second full-resolution run
    display = round(win.view.display_scale(), 2)
    # the full-resolution run of d=31 was timed, so even the first update starts small enough
    assert seen[0].reduced_to_keep_up and seen[0].scale < display
    assert "slow at display scale" in win.scale_label.text()
    form._dragging = False
    # released: a full-resolution d=31 bilateral takes seconds, more on a loaded 2-core machine
    _preview(qtbot, win, lambda: form.controls["sigma_color"].setValue(140.0), timeout_ms=60_000)
    qtbot.waitUntil(lambda: win.last_result.scale == 1.0, timeout=60_000)
    assert win.scale_label.text() == "Full resolution"


def test_save_load_export_and_batch(qtbot, studio_window, tmp_path: Path) -> None:
    win, photo = studio_window
    panel = win.pipeline_panel
    _preview(qtbot, win, lambda: panel.add_step("clahe"))
    _preview(qtbot, win, lambda: panel.add_step("auto_threshold"))
    win.save_pipeline(tmp_path / "p.json")
    assert Pipeline.from_json((tmp_path / "p.json").read_text()) == panel.pipeline
    win.export_script(tmp_path / "p.py")
    assert "def run(img):" in (tmp_path / "p.py").read_text()
    (tmp_path / "bad.json").write_text('{"format": "studio-pipeline", "version": 7, "steps": []}')
    assert not win.load_pipeline(tmp_path / "bad.json")
    src = tmp_path / "in"
    src.mkdir()
    for i in range(3):
        cv2.imwrite(str(src / f"{i}.png"), skdata.coins())
    worker = win.run_batch(src, tmp_path / "out", workers=1)
    with qtbot.waitSignal(worker.finished, timeout=60_000):
        pass
    assert sorted(p.name for p in (tmp_path / "out").glob("*.png")) == ["0.png", "1.png", "2.png"]


def test_reorder_toggle_and_remove_steps(qtbot, studio_window) -> None:
    win, _ = studio_window
    panel = win.pipeline_panel
    for op in ("invert", "grayscale"):
        _preview(qtbot, win, lambda op=op: panel.add_step(op))
    assert [s.op for s in panel.pipeline.steps] == ["invert", "grayscale"]
    _preview(qtbot, win, lambda: panel.move_selected(-1))
    assert [s.op for s in panel.pipeline.steps] == ["grayscale", "invert"]
    _preview(qtbot, win, lambda: panel.list.item(1).setCheckState(Qt.CheckState.Unchecked))
    assert not panel.pipeline.steps[1].enabled
    _preview(qtbot, win, panel.remove_selected)
    assert len(panel.pipeline.steps) == 1


def test_histogram_of_a_drawn_region(qtbot, studio_window) -> None:
    win, photo = studio_window
    view = win.view
    a, b = view.mapFromScene(10, 20), view.mapFromScene(110, 90)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, a)
    qtbot.mouseMove(view.viewport(), b)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, b)
    assert win.histogram.region.currentIndex() == 2
    r = view.roi
    gray = cv2.cvtColor(cv2.imread(str(photo)), cv2.COLOR_BGR2GRAY)
    crop = gray[int(r.top()):int(r.bottom()), int(r.left()):int(r.right())]
    shown = win.histogram.curves[0].getData()[1]
    np.testing.assert_array_equal(shown, np.bincount(crop.ravel(), minlength=256))


def test_plugin_operation_runs_and_exports(qtbot, tmp_path: Path) -> None:
    import subprocess
    import sys

    from studio.core.plugins import Registry
    from studio.core.preprocess.export import export_python
    from studio.core.preprocess.ops import register_builtin_ops

    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "posterize.py").write_text(
        "import numpy as np\n"
        "from studio.core.preprocess.ops import OpSpec\n"
        "from studio.core.preprocess.params import IntParam\n\n"
        "def posterize(img, levels):\n"
        "    step = 256 // levels\n"
        "    return ((img // step) * step).astype(np.uint8)\n\n"
        "def register(reg):\n"
        "    reg.add('op', 'posterize', OpSpec('posterize', 'Posterize', 'Tone', posterize,\n"
        "            (IntParam('levels', 'Levels', 4, 2, 64),)))\n", encoding="utf-8")
    reg = Registry()
    register_builtin_ops(reg)
    assert reg.load_folder(folder) == ["posterize"]
    specs = {n: reg.get("op", n) for n in reg.names("op")}
    pipeline = Pipeline([Step("posterize", {"levels": 4}), Step("grayscale")])
    img = cv2.cvtColor(skdata.coffee(), cv2.COLOR_RGB2BGR)
    ours = run_pipeline(img, pipeline, specs)
    script = tmp_path / "p.py"
    script.write_text(export_python(pipeline, specs), encoding="utf-8")
    cv2.imwrite(str(tmp_path / "in.png"), img)
    subprocess.run([sys.executable, str(script), str(tmp_path / "in.png"), str(tmp_path / "out.png")],
                   check=True, timeout=60)
    np.testing.assert_array_equal(cv2.imread(str(tmp_path / "out.png"), cv2.IMREAD_UNCHANGED), ours)


def test_a_preview_failure_outside_the_op_handler_is_shown_and_the_preview_recovers(qtbot, tmp_path: Path) -> None:
    """An op returning float64 passes OpSpec.run, but the histogram (calcHist) refuses it."""
    from studio.core.plugins import Registry
    from studio.core.preprocess.ops import OpSpec, register_builtin_ops
    from studio.ui.preprocess.window import PreprocessWindow

    reg = Registry()
    register_builtin_ops(reg)
    reg.add("op", "to_float", OpSpec("to_float", "To float", "Tone", lambda img: img.astype(np.float64), ()))
    win = PreprocessWindow({n: reg.get("op", n) for n in reg.names("op")})
    qtbot.addWidget(win)
    win.show()
    img = cv2.cvtColor(skdata.coffee(), cv2.COLOR_RGB2BGR)
    cv2.imwrite(str(tmp_path / "coffee.png"), img)
    with qtbot.waitSignal(win.preview_shown, timeout=20_000):
        win.open_image(tmp_path / "coffee.png")
    with qtbot.waitSignal(win.controller.failed, timeout=20_000) as failure:
        win.set_pipeline(Pipeline([Step("to_float"), Step("grayscale")]))
        win.pipeline_panel.list.setCurrentRow(1)  # the histogram of the float step's output
        win.refresh(False)
    assert "error" in failure.args[0].lower()
    win.controller.wait()
    assert "Preview failed" in win.scale_label.text()
    with qtbot.waitSignal(win.preview_shown, timeout=20_000) as shown:
        win.set_pipeline(Pipeline([Step("grayscale")]))
        win.refresh(False)
    assert shown.args[0].output.ndim == 2 and "Preview failed" not in win.scale_label.text()


def test_try_all_shows_every_imagej_method_and_a_click_uses_it(qtbot, studio_window) -> None:
    """Ctrl+T on an automatic threshold step: 16 tiles labeled with ImageJ's numbers for that
    step's input, a quick pass then full resolution; clicking a tile sets the step's method."""
    from PyQt6.QtTest import QTest

    from studio.core.preprocess.imagej import IMAGEJ_METHODS, gray_histogram, imagej_threshold

    win, photo = studio_window
    panel = win.pipeline_panel
    _preview(qtbot, win, lambda: panel.add_step("gaussian_blur"))
    _preview(qtbot, win, lambda: panel.add_step("auto_threshold"))
    passes: list[bool] = []
    QTest.keyClick(win, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = win.try_all_dialog
    dialog.pass_shown.connect(passes.append)
    qtbot.waitUntil(lambda: passes[-1:] == [True], timeout=20_000)
    step_input = run_pipeline(cv2.imread(str(photo)), Pipeline(panel.pipeline.steps[:1]))
    hist = gray_histogram(cv2.cvtColor(step_input, cv2.COLOR_BGR2GRAY))
    for method in IMAGEJ_METHODS:
        t, failed = imagej_threshold(hist, method)
        assert dialog.tiles[method].text() == (f"{method}: {t}" if not failed else f"{method}: failed (0)")
        assert dialog.tiles[method].has_image()
    assert dialog.tiles["Otsu"].isChecked()  # the step's current method
    tile = dialog.tiles["Huang"]
    with qtbot.waitSignal(win.preview_shown, timeout=10_000):
        QTest.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert panel.pipeline.steps[1].params["method"] == "Huang" and len(panel.pipeline.steps) == 2
    assert tile.isChecked() and not dialog.tiles["Otsu"].isChecked()
    assert win.pipeline_panel.form.controls["method"].currentData() == "Huang"
