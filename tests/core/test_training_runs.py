"""Training-run analysis: lenient reading of results.csv and the diagnoses, on crafted runs."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from studio.core.insight.training_runs import RunReadError, read_run

ROOT = Path(__file__).resolve().parents[2]
HEADER = ("epoch,time,train/box_loss,train/cls_loss,train/dfl_loss,metrics/precision(B),metrics/recall(B),"
          "metrics/mAP50(B),metrics/mAP50-95(B),val/box_loss,val/cls_loss,val/dfl_loss,lr/pg0,lr/pg1,lr/pg2")


def _write(folder: Path, train: np.ndarray, val: np.ndarray, fit: np.ndarray, args: str | None = "epochs: 50\n",
           pad: bool = False) -> Path:
    folder.mkdir(parents=True)
    header = HEADER if not pad else ",".join(f"{h:>20}" for h in HEADER.split(","))
    lines = [header]
    for e, (t, v, f) in enumerate(zip(train, val, fit), start=1):
        lines.append(f"{e},{e * 10},{t / 3},{t / 3},{t / 3},0.5,0.5,{min(1, f * 1.3)},{f},{v / 3},{v / 3},{v / 3},"
                     "0.01,0.01,0.01")
    (folder / "results.csv").write_text("\n".join(lines) + "\n")
    if args is not None:
        (folder / "args.yaml").write_text(args)
    return folder


def test_demo_run_reads_and_names_its_best_epoch() -> None:
    run = read_run(ROOT / "resources" / "models" / "demo-run")
    assert len(run.epochs) == 80 and run.best_epoch == 80
    assert dict(run.settings())["imgsz"] == 320
    assert run.diagnoses[0].code == "best_epoch"


def test_overfitting_is_detected_and_healthy_run_is_not(tmp_path: Path) -> None:
    e = np.arange(40)
    train = 3 * np.exp(-e / 10) + 0.5
    val = 2.5 - 1.5 * (1 - np.exp(-e / 6)) + np.where(e > 20, 0.04 * (e - 20), 0)
    fit = np.minimum(0.6, 0.03 * e)
    run = read_run(_write(tmp_path / "over", train, val, fit, "epochs: 40\n"))
    over = [d for d in run.diagnoses if d.code == "overfitting"]
    assert over and 15 <= over[0].epoch <= 25
    healthy = read_run(_write(tmp_path / "ok", train, 2.5 - 1.5 * (1 - np.exp(-e / 6)), 0.015 * e, "epochs: 40\n"))
    assert not [d for d in healthy.diagnoses if d.code in ("overfitting", "plateau", "unstable", "unfinished")]


def test_plateau_unstable_and_unfinished(tmp_path: Path) -> None:
    e = np.arange(60)
    train = 3 * np.exp(-e / 10) + 0.5
    fit = np.minimum(0.5, 0.05 * e)  # flat from epoch 10
    run = read_run(_write(tmp_path / "flat", train, train + 0.2, fit, "epochs: 100\npatience: 100\n"))
    codes = {d.code for d in run.diagnoses}
    assert "plateau" in codes and "unfinished" in codes
    stopped = read_run(_write(tmp_path / "stop", train, train + 0.2, fit, "epochs: 100\npatience: 30\n"))
    assert "early_stop" in {d.code for d in stopped.diagnoses}
    nan = train.copy()
    nan[30:] = np.nan
    diverged = read_run(_write(tmp_path / "nan", nan, train, fit))
    assert any(d.code == "unstable" and d.epoch == 31 for d in diverged.diagnoses)
    spiky = train.copy()
    spiky[[10, 20, 30, 40]] *= 1.6
    assert any(d.code == "unstable" for d in read_run(_write(tmp_path / "spiky", spiky, train, fit)).diagnoses)


def test_ragged_partial_and_padded_files(tmp_path: Path) -> None:
    e = np.arange(12)
    folder = _write(tmp_path / "r", 3 - 0.1 * e, 3 - 0.1 * e, 0.02 * e, None, pad=True)
    text = (folder / "results.csv").read_text()
    text += "13,130,1.0,1.0\n14,140,0.9,0.9,0.9,0.5"  # a short row, then a half-written line
    (folder / "results.csv").write_text(text)
    run = read_run(folder)
    assert len(run.epochs) == 13
    assert np.isnan(run.series("metrics/mAP50-95(B)")[-1])
    assert run.best_epoch == 12
    joined = " ".join(run.notes)
    assert "incomplete" in joined and "different number of cells" in joined and "no args.yaml" in joined
    with pytest.raises(RunReadError):
        read_run(tmp_path / "missing")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "results.csv").write_text("a,b\n1,2\n")
    with pytest.raises(RunReadError):
        read_run(tmp_path / "bad")


def test_epochs_trained_without_validation_are_missing_not_zero(tmp_path: Path) -> None:
    """``val=False``: Ultralytics writes zeros for the val losses and metrics of every epoch but the
    last. Those are read as missing: no overfitting or plateau from the zeros, the best epoch is a
    validated one, and a note says why the curves have gaps."""
    e = np.arange(24)
    train = 3 * np.exp(-e / 10) + 0.5
    folder = _write(tmp_path / "noval", train, train + 0.2, np.minimum(0.6, 0.03 * e), "epochs: 24\n")
    lines = (folder / "results.csv").read_text().splitlines()
    for k in range(1, 24):  # epochs 1-23 not validated
        cells = lines[k].split(",")
        cells[5:12] = ["0"] * 7  # precision, recall, mAP50, mAP50-95 and the three val losses
        lines[k] = ",".join(cells)
    (folder / "results.csv").write_text("\n".join(lines) + "\n")
    run = read_run(folder)
    assert np.isnan(run.series("metrics/mAP50-95(B)")[:23]).all() and run.series("metrics/mAP50-95(B)")[23] > 0
    assert np.isnan(run.loss("val")[:23]).all() and list(run.validated) == [False] * 23 + [True]
    assert run.best_epoch == 24
    assert not [d for d in run.diagnoses if d.code in ("overfitting", "plateau", "unstable")]
    assert any("23 epochs were trained without validation" in n for n in run.notes)
    from studio.core.labelcheck.effect import best_epoch_metrics

    assert best_epoch_metrics(folder) == (pytest.approx(min(1, 0.6 * 1.3)), pytest.approx(0.6))
