"""ImageJ's automatic thresholds: studio's numbers equal the real ImageJ's, exactly.

The oracle is ``tests/fixtures/imagej/thresholds.json``, written by ImageJ 1.53t's own
``AutoThresholder`` (``make imagej-fixture``); this suite never needs Java.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from studio.core.preprocess.imagej import IMAGEJ_METHODS, gray_histogram, imagej_threshold

FIXTURE = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "imagej" / "thresholds.json")
                     .read_text(encoding="utf-8"))
HISTOGRAMS = FIXTURE["histograms"]


def test_the_fixture_is_broad_enough() -> None:
    assert FIXTURE["imagej"] == "1.53t"
    assert len(HISTOGRAMS) >= 20
    kinds = {name.split("_")[0] for name in HISTOGRAMS}
    assert {"photo", "photo12mp", "unimodal", "bimodal", "skewed", "two", "constant", "saturated"} <= kinds
    assert all(set(h["imagej"]) == set(IMAGEJ_METHODS) for h in HISTOGRAMS.values())
    failed = sum(h["imagej"][m][1] == -1 for h in HISTOGRAMS.values() for m in IMAGEJ_METHODS)
    assert failed >= 10  # the failure path is covered too


@pytest.mark.parametrize("method", IMAGEJ_METHODS)
def test_every_histogram_gets_imagejs_threshold(method: str) -> None:
    differ = []
    for name, h in HISTOGRAMS.items():
        threshold, raw = h["imagej"][method]
        got = imagej_threshold(h["counts"], method)
        if got != (threshold, raw == -1):
            differ.append((name, got, (threshold, raw)))
    assert not differ, differ


def test_ignore_black_and_white_empty_those_bins() -> None:
    for base in ("bimodal_even", "saturated_both", "noisy_bimodal"):
        counts = HISTOGRAMS[base]["counts"]
        for side, option in (("noblack", "ignore_black"), ("nowhite", "ignore_white")):
            expected = HISTOGRAMS[f"{base}_{side}"]["imagej"]
            for method in IMAGEJ_METHODS:
                threshold, raw = expected[method]
                assert imagej_threshold(counts, method, **{option: True}) == (threshold, raw == -1)


def test_nothing_left_to_threshold_is_a_failure_not_a_crash() -> None:
    only_black = np.zeros(256, np.int64)
    only_black[0] = 100
    for method in IMAGEJ_METHODS:
        assert imagej_threshold(only_black, method, ignore_black=True) == (0, True)
    with pytest.raises(ValueError, match="256-bin"):
        imagej_threshold(np.ones(10), "Otsu")
    with pytest.raises(ValueError, match="unknown"):
        imagej_threshold(np.ones(256), "otsu")


def test_an_image_histogram_is_its_256_bins() -> None:
    img = np.array([[0, 0, 5], [255, 5, 5]], np.uint8)
    hist = gray_histogram(img)
    assert hist.shape == (256,) and hist[0] == 2 and hist[5] == 3 and hist[255] == 1 and hist.sum() == 6


def test_the_threshold_op_uses_imagejs_numbers_and_keeps_older_names() -> None:
    from skimage import data as skdata
    from skimage import filters

    from studio.core.preprocess.functions import threshold_of
    from studio.core.preprocess.pipeline import builtin_specs

    spec = builtin_specs()["auto_threshold"]
    coins = skdata.coins()
    want = HISTOGRAMS["photo_coins"]["imagej"]
    for method in IMAGEJ_METHODS:
        mask = spec.run(coins, {"method": method})
        np.testing.assert_array_equal(mask > 0, coins > want[method][0])
    # a pipeline saved before names "li": it keeps scikit-image's value, which ImageJ's Li does not give
    assert threshold_of(coins, "li") == (float(filters.threshold_li(coins)), False)
    assert threshold_of(coins, "Li")[0] != threshold_of(coins, "li")[0]
    flat = np.full((30, 30), 90, np.uint8)
    assert threshold_of(flat, "Intermodes") == (0.0, True)  # ImageJ's answer, flagged
    assert spec.run(flat, {"method": "Intermodes"}).all()  # every pixel is above 0
