"""Preprocessing: every op against the direct OpenCV / scikit-image call, JSON, export, batch."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest
from skimage import data as skdata
from skimage import filters

from studio.core.preprocess import functions as F
from studio.core.preprocess.batch import MANIFEST, preprocess_job
from studio.core.preprocess.export import export_python
from studio.core.preprocess.ops import BUILTIN_OPS, OpError
from studio.core.preprocess.params import IntParam
from studio.core.preprocess.pipeline import Pipeline, PipelineError, PipelineRunner, Step, builtin_specs

SPECS = builtin_specs()


@pytest.fixture(scope="module")
def photo() -> np.ndarray:
    return cv2.cvtColor(skdata.coffee(), cv2.COLOR_RGB2BGR)


@pytest.fixture(scope="module")
def gray() -> np.ndarray:
    return skdata.coins()


def run(op: str, img: np.ndarray, **params) -> np.ndarray:
    return SPECS[op].run(img, params)


def test_filters_match_opencv(photo: np.ndarray) -> None:
    eq = np.testing.assert_array_equal
    eq(run("grayscale", photo), cv2.cvtColor(photo, cv2.COLOR_BGR2GRAY))
    eq(run("convert_color", photo, space="LAB"), cv2.cvtColor(photo, cv2.COLOR_BGR2LAB))
    eq(run("resize", photo, scale=0.5, interpolation="area"),
       cv2.resize(photo, (300, 200), interpolation=cv2.INTER_AREA))
    eq(run("gaussian_blur", photo, ksize=7, sigma=1.5), cv2.GaussianBlur(photo, (7, 7), 1.5))
    eq(run("median_blur", photo, ksize=5), cv2.medianBlur(photo, 5))
    eq(run("bilateral", photo, diameter=9, sigma_color=50, sigma_space=20),
       cv2.bilateralFilter(photo, 9, 50, 20))
    eq(run("brightness_contrast", photo, contrast=1.4, brightness=-20),
       cv2.convertScaleAbs(photo, alpha=1.4, beta=-20))
    eq(run("invert", photo), 255 - photo)
    eq(run("canny", photo, low=40, high=120, aperture="3", l2_gradient=False),
       cv2.Canny(cv2.cvtColor(photo, cv2.COLOR_BGR2GRAY), 40, 120))
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (7, 7))
    eq(run("morphology", photo, operation="tophat", shape="ellipse", ksize=7, iterations=2),
       cv2.morphologyEx(photo, cv2.MORPH_TOPHAT, kernel, iterations=2))
    g = cv2.cvtColor(photo, cv2.COLOR_BGR2GRAY)
    eq(run("equalize_hist", g), cv2.equalizeHist(g))
    eq(run("clahe", g, clip_limit=3.0, tiles=4), cv2.createCLAHE(3.0, (4, 4)).apply(g))
    expected_gamma = cv2.LUT(g, np.clip(np.round((np.arange(256) / 255) ** (1 / 2.2) * 255), 0, 255)
                             .astype(np.uint8))
    eq(run("gamma", g, gamma_value=2.2), expected_gamma)
    blurred = cv2.GaussianBlur(photo, (0, 0), 2.0)
    eq(run("unsharp_mask", photo, sigma=2.0, amount=1.5), cv2.addWeighted(photo, 2.5, blurred, -1.5, 0))


@pytest.mark.parametrize("method, oracle", [
    ("isodata", filters.threshold_isodata), ("li", filters.threshold_li),
    ("mean", filters.threshold_mean), ("minimum", filters.threshold_minimum),
    ("yen", filters.threshold_yen), ("otsu", filters.threshold_otsu),
])
@pytest.mark.parametrize("image", ["coins", "camera", "moon", "page"])
def test_auto_thresholds_match_scikit_image(method: str, oracle, image: str) -> None:
    g = getattr(skdata, image)()
    try:
        t = oracle(g)
    except RuntimeError:
        with pytest.raises(OpError):
            run("auto_threshold", g, method=method)
        return
    assert F.auto_threshold_value(g, method) == pytest.approx(float(t), abs=1e-9)
    np.testing.assert_array_equal(run("auto_threshold", g, method=method) > 0, g > t)


def test_otsu_and_triangle_match_opencv(gray: np.ndarray) -> None:
    for flag, method in ((cv2.THRESH_OTSU, "otsu"), (cv2.THRESH_TRIANGLE, "triangle")):
        _t, expected = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY | flag)
        np.testing.assert_array_equal(run("auto_threshold", gray, method=method), expected)
        _t, inv = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV | flag)
        np.testing.assert_array_equal(run("auto_threshold", gray, method=method, invert_mask=True), inv)


def test_manual_adaptive_and_range_thresholds(photo: np.ndarray, gray: np.ndarray) -> None:
    _t, expected = cv2.threshold(gray, 100, 255, cv2.THRESH_BINARY)
    np.testing.assert_array_equal(run("threshold", gray, value=100), expected)
    np.testing.assert_array_equal(
        run("adaptive_threshold", gray, method="mean", block_size=15, c=3.0),
        cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, 15, 3.0))
    hsv = cv2.cvtColor(photo, cv2.COLOR_BGR2HSV)
    np.testing.assert_array_equal(
        run("color_range", photo, space="HSV", lo0=0, hi0=30, lo1=50, hi1=255, lo2=20, hi2=255),
        cv2.inRange(hsv, np.array([0, 50, 20], np.uint8), np.array([30, 255, 255], np.uint8)))


def test_controls_prevent_values_opencv_rejects(gray: np.ndarray) -> None:
    k = IntParam("ksize", "k", 5, 1, 99, odd=True)
    assert k.coerce(4) == 5 and k.coerce(100) == 99 and k.coerce(-3) == 1
    out = run("gaussian_blur", gray, ksize=6)  # even size becomes 7, never an OpenCV error
    np.testing.assert_array_equal(out, cv2.GaussianBlur(gray, (7, 7), 0))
    assert SPECS["adaptive_threshold"].coerce({"block_size": 1})["block_size"] == 3
    with pytest.raises(OpError, match="two peaks"):
        run("auto_threshold", np.full((20, 20), 7, np.uint8) + np.eye(20, dtype=np.uint8) * 200,
            method="minimum")


def test_every_op_handles_gray_color_and_masks(photo: np.ndarray) -> None:
    for spec in BUILTIN_OPS:
        for img in (photo, cv2.cvtColor(photo, cv2.COLOR_BGR2GRAY)):
            out = spec.run(img, {})
            assert out.dtype == np.uint8 and out.ndim in (2, 3), spec.name


def test_json_round_trip_and_clear_errors() -> None:
    p = Pipeline([Step("clahe", {"clip_limit": 3.0}), Step("auto_threshold", {"method": "yen"}, False)])
    q = Pipeline.from_json(p.to_json())
    assert q.steps[0].params == {"clip_limit": 3.0, "tiles": 8} and not q.steps[1].enabled
    assert Pipeline.from_json(q.to_json()) == q
    newer = json.loads(q.to_json())
    newer["version"] = 99
    with pytest.raises(PipelineError, match="newer studio"):
        Pipeline.from_json(json.dumps(newer))
    unknown = json.loads(q.to_json())
    unknown["steps"].append({"op": "sharpen_magic", "params": {}})
    with pytest.raises(PipelineError, match="unknown operation 'sharpen_magic'"):
        Pipeline.from_json(json.dumps(unknown))
    with pytest.raises(PipelineError, match="invalid JSON"):
        Pipeline.from_json("{nope")


def test_runner_recomputes_only_after_the_changed_step(photo: np.ndarray, monkeypatch) -> None:
    calls: list[str] = []
    specs = {name: spec for name, spec in SPECS.items()}
    from dataclasses import replace

    for name in ("gaussian_blur", "clahe", "auto_threshold"):
        spec = specs[name]
        specs[name] = replace(spec, func=lambda img, _f=spec.func, _n=name, **kw: calls.append(_n) or _f(img, **kw))
    runner = PipelineRunner(specs)
    p = Pipeline([Step("gaussian_blur", {"ksize": 5}), Step("clahe", {}), Step("auto_threshold", {})])
    first = runner.run(photo, p)
    assert calls == ["gaussian_blur", "clahe", "auto_threshold"]
    calls.clear()
    p.steps[2].params = {"method": "li"}
    second = runner.run(photo, p)
    assert calls == ["auto_threshold"] and not np.array_equal(first, second)


def test_exported_script_is_bit_identical_to_batch(tmp_path: Path) -> None:
    src = tmp_path / "사진"
    src.mkdir()
    for name in ("coffee", "coins", "camera"):
        img = getattr(skdata, name)()
        img = cv2.cvtColor(img, cv2.COLOR_RGB2BGR) if img.ndim == 3 else img
        cv2.imwrite(str(src / f"{name}.png"), img)
    pipeline = Pipeline([Step("clahe", {"clip_limit": 2.5}), Step("gaussian_blur", {"ksize": 3}),
                         Step("auto_threshold", {"method": "li"}),
                         Step("morphology", {"operation": "close", "ksize": 3})])
    imagej = Pipeline([Step("gaussian_blur", {"ksize": 3}),
                       Step("auto_threshold", {"method": "Huang", "ignore_black": True})])
    list(preprocess_job(imagej, src, tmp_path / "studio-ij", workers=2))
    ij_script = tmp_path / "imagej.py"
    ij_script.write_text(export_python(imagej), encoding="utf-8")
    subprocess.run([sys.executable, str(ij_script), str(src), str(tmp_path / "script-ij")], check=True, timeout=120)
    for name in ("coffee", "coins", "camera"):  # ImageJ's methods travel with the script too
        ours, theirs = tmp_path / "studio-ij" / f"{name}.png", tmp_path / "script-ij" / f"{name}.png"
        assert ours.read_bytes() == theirs.read_bytes()
    list(preprocess_job(pipeline, src, tmp_path / "studio-out", workers=2))
    script = tmp_path / "pipeline.py"
    script.write_text(export_python(pipeline), encoding="utf-8")
    assert "import studio" not in script.read_text() and "skimage" not in script.read_text()
    subprocess.run([sys.executable, str(script), str(src), str(tmp_path / "script-out")], check=True,
                   timeout=120)
    for name in ("coffee", "coins", "camera"):
        ours = (tmp_path / "studio-out" / f"{name}.png").read_bytes()
        theirs = (tmp_path / "script-out" / f"{name}.png").read_bytes()
        assert ours == theirs, name


def test_batch_resumes_skips_and_reports_bad_images(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    for i in range(6):
        cv2.imwrite(str(src / "sub" / f"{i}.jpg"), np.full((20, 30, 3), i * 40, np.uint8))
    (src / "broken.jpg").write_bytes(b"nope")
    deep = (np.arange(600, dtype=np.uint16).reshape(20, 30) * 100)
    cv2.imwrite(str(src / "deep16.png"), deep)
    rgba = np.dstack([np.zeros((20, 30, 3), np.uint8), np.full((20, 30), 255, np.uint8)])
    cv2.imwrite(str(src / "alpha.png"), rgba)
    pipeline = Pipeline([Step("grayscale"), Step("threshold", {"value": 100})])
    dst = tmp_path / "out"
    results = [r for p in preprocess_job(pipeline, src, dst, workers=2) for r in p.payload]
    status = {r.rel: r.status for r in results}
    assert status["broken.jpg"] == "failed" and status["deep16.png"] == "written"
    assert status["alpha.png"] == "written"
    assert sum(s == "written" for s in status.values()) == 8
    (dst / "sub" / "3.png").unlink()  # as if the run had been killed before this one
    again = [r for p in preprocess_job(pipeline, src, dst, workers=2) for r in p.payload]
    assert sorted(r.rel for r in again if r.status == "written") == ["sub/3.jpg"]
    assert (dst / MANIFEST).exists()
    other = Pipeline([Step("invert")])
    with pytest.raises(PipelineError, match="different pipeline"):
        list(preprocess_job(other, src, dst))
