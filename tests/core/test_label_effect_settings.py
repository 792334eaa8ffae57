"""The seed experiment's shared settings and which epoch it reads (no training here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.core.labelcheck.effect import EffectParams, best_epoch_metrics, effect_settings

HEADER = "epoch,time,train/box_loss,metrics/precision(B),metrics/recall(B),metrics/mAP50(B),metrics/mAP50-95(B)"


def _results(folder: Path, rows: list[tuple[float, float]]) -> Path:
    lines = [HEADER] + [f"{k + 1},{k}.0,1.0,0.5,0.5,{m50},{m5095}" for k, (m50, m5095) in enumerate(rows)]
    folder.mkdir()
    (folder / "results.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_validating_once_freezing_and_no_augmentation_are_settings_both_sides_share() -> None:
    each = effect_settings(EffectParams("w", epochs=12, model="start.pt", seed=2, lr0=0.002))
    last = effect_settings(EffectParams("w", epochs=12, model="start.pt", seed=2, lr0=0.002, val_each_epoch=False))
    assert "val" not in each["extra"]
    assert last["extra"]["val"] is False
    assert {k: v for k, v in last.items() if k != "extra"} == {k: v for k, v in each.items() if k != "extra"}
    assert last["extra"]["lr0"] == 0.002 and last["epochs"] == 12 and last["patience"] == 12 and last["seed"] == 2
    assert "freeze" not in each["extra"]
    assert effect_settings(EffectParams("w", model="start.pt", freeze=10))["extra"]["freeze"] == 10
    plain = effect_settings(EffectParams("w", model="start.pt", augment=False))["extra"]
    assert plain["mosaic"] == 0 and plain["fliplr"] == 0 and plain["hsv_v"] == 0 and "mosaic" not in each["extra"]


def test_the_best_epoch_is_read_by_fitness_and_an_unvalidated_epoch_never_wins(tmp_path: Path) -> None:
    every = _results(tmp_path / "every", [(0.50, 0.30), (0.90, 0.40), (0.60, 0.41)])
    # fitness 0.1 mAP50 + 0.9 mAP50-95: epoch 2 (0.450) beats epoch 3 (0.429) despite a lower mAP50-95
    assert best_epoch_metrics(every) == pytest.approx((0.90, 0.40))
    only_last = _results(tmp_path / "last", [(0.0, 0.0), (0.0, 0.0), (0.70, 0.45)])
    assert best_epoch_metrics(only_last) == pytest.approx((0.70, 0.45))
