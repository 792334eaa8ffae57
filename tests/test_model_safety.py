"""A model file never runs code: hostile checkpoints are refused everywhere studio opens a .pt.

The hostile checkpoint's pickle calls ``open(MARKER, "w")`` when unpickled. Each entry point
(CLI pre-labeling, the ONNX export cache, ``main.py --model``; the GUI's Load Model in
``tests/ui/test_model_trust_gui.py``) must refuse it without creating the marker. A control
proves the file really is hostile. Trusted files (harmless custom classes) load through their
converted copy.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from studio.core.inference.model_file import ModelError, ModelRefused, load_detection_model
from tests.hostile_models import DEMO, ROOT, custom_checkpoint


def _studio(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "studio.cli", *args], capture_output=True, text=True,
                          timeout=240, cwd=cwd or ROOT)


def test_the_hostile_file_really_runs_code_without_the_safe_loader(hostile) -> None:
    path, marker = hostile
    code = f"import torch; torch.load({str(path)!r}, weights_only=False)"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120,
                   env={**os.environ, "ULTRALYTICS_SAFE_LOAD": "0"})
    assert marker.exists()


def test_studio_switches_the_safe_loader_on_before_ultralytics_is_imported() -> None:
    from studio.core.inference.safe_load import safe_load_problem

    assert os.environ["ULTRALYTICS_SAFE_LOAD"] == "1"
    assert safe_load_problem() is None
    code = ("import ultralytics, studio.core; "
            "from studio.core.inference.safe_load import safe_load_problem as p; print(p())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={k: v for k, v in os.environ.items() if k != "ULTRALYTICS_SAFE_LOAD"})
    assert "imported before studio" in out.stdout  # a late switch is detected, and .pt files are refused


def test_cli_prelabel_refuses_a_hostile_checkpoint(hostile, sample_dataset: Path) -> None:
    path, marker = hostile
    done = _studio("prelabel", str(sample_dataset), "--model", str(path))
    assert done.returncode == 1
    assert "모델.pt contains code outside the Ultralytics checkpoint format" in done.stderr
    assert "--trust-model" in done.stderr and "Traceback" not in done.stderr
    assert not marker.exists()


def test_in_process_load_and_onnx_export_refuse_a_hostile_checkpoint(hostile) -> None:
    from studio.core.inference.onnx_backend import exported_onnx

    path, marker = hostile
    with pytest.raises(ModelRefused) as refused:
        load_detection_model(path)
    assert "Unsupported global" in refused.value.detail
    with pytest.raises(ModelRefused):
        exported_onnx(path, 320)
    assert not marker.exists()


def test_a_damaged_file_is_not_called_a_refusal(tmp_path: Path) -> None:
    damaged = tmp_path / "cut.pt"
    damaged.write_bytes(DEMO.read_bytes()[:5000])
    with pytest.raises(ModelError) as err:
        load_detection_model(damaged)
    assert not isinstance(err.value, ModelRefused)
    assert "cannot be loaded as an Ultralytics model" in str(err.value)


def test_main_py_model_refuses_a_hostile_checkpoint(hostile, sample_dataset: Path, tmp_path: Path) -> None:
    path, marker = hostile
    driver = tmp_path / "drive.py"
    driver.write_text(textwrap.dedent(f'''
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from PyQt6.QtCore import QSettings, QTimer
        from PyQt6.QtWidgets import QApplication, QMessageBox
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {str(tmp_path / "qs")!r})
        app = QApplication(sys.argv[:1])
        def poll():
            boxes = [w for w in app.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
            if boxes and boxes[0].informativeText():
                print("ASKED:", boxes[0].text(), "| DEFAULT:", boxes[0].defaultButton().text(), flush=True)
                app.quit()
            else:
                QTimer.singleShot(100, poll)
        QTimer.singleShot(100, poll)
        QTimer.singleShot(90_000, app.quit)
        import main
        main.main([{str(sample_dataset)!r}, "--model", {str(path)!r}])
    '''), encoding="utf-8")
    done = subprocess.run([sys.executable, str(driver)], capture_output=True, text=True, timeout=180,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert "ASKED: 모델.pt contains code" in done.stdout, done.stderr[-2000:]
    assert "DEFAULT: Don't Open" in done.stdout
    assert not marker.exists()


def test_demo_model_and_a_yolo_train_checkpoint_load_as_pt_and_onnx(tmp_path: Path, sample_dataset: Path) -> None:
    from ultralytics import YOLO

    from studio.core.inference.onnx_backend import exported_onnx

    _model, info = load_detection_model(DEMO)
    assert info.backend == "torch" and info.source is None
    YOLO("yolov8n.yaml").train(data=str(sample_dataset / "data.yaml"), epochs=1, imgsz=64, batch=4, workers=0,
                               device="cpu", project=str(tmp_path / "runs"), name="t", plots=False,
                               val=False, verbose=False, amp=False)
    last = tmp_path / "runs" / "t" / "weights" / "last.pt"
    _model, info = load_detection_model(last)
    assert info.names[0] == "apple" and info.backend == "torch"
    _model, onnx_info = load_detection_model(exported_onnx(last, 64))
    assert onnx_info.backend == "onnx" and onnx_info.names == info.names


def test_cli_trust_model_opens_a_harmlesscustom_checkpoint(harmless_module, tmp_path: Path,
                                                            sample_dataset: Path) -> None:
    custom = custom_checkpoint(tmp_path / "colleague.pt")
    refused = _studio("prelabel", str(sample_dataset), "--model", str(custom))
    assert refused.returncode == 1 and "contains code outside" in refused.stderr
    done = _studio("prelabel", str(sample_dataset), "--model", str(custom), "--trust-model")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "proposals" in done.stdout and "colleague.pt" in done.stdout
    again = _studio("prelabel", str(sample_dataset), "--model", str(custom))  # remembered
    assert again.returncode == 0, again.stderr[-2000:]
    listed = _studio("trust", "--list")
    assert "colleague.pt" in listed.stdout
    assert _studio("trust", "--revoke", str(custom)).returncode == 0
    assert _studio("prelabel", str(sample_dataset), "--model", str(custom)).returncode == 1
    assert not custom.with_suffix(".onnx").exists()  # nothing written beside the user's file


def test_trusted_checkpoint_with_a_custom_layer_opens_as_onnx_with_the_same_boxes(harmless_module,
                                                                                 tmp_path: Path) -> None:
    from studio.core.dataset.sample import make_sample_dataset
    from studio.core.inference.trust import TrustList

    custom = custom_checkpoint(tmp_path / "custom-layer.pt", custom_layer=True)
    with pytest.raises(ModelRefused):
        load_detection_model(custom)
    model, info = load_detection_model(custom, trust=True)
    assert info.backend == "onnx" and info.source is not None and info.source.suffix == ".onnx"
    assert info.path == custom and TrustList().contains(custom)
    demo, _ = load_detection_model(DEMO)
    make_sample_dataset(tmp_path / "s", n_train=2, n_val=0, with_photos=False)
    image = next((tmp_path / "s" / "images" / "train").iterdir())
    ours = model.predict(str(image), imgsz=320, conf=0.25, verbose=False)[0].boxes
    theirs = demo.predict(str(image), imgsz=320, conf=0.25, verbose=False)[0].boxes
    assert len(ours) == len(theirs) > 0
    assert abs(ours.xyxy.numpy() - theirs.xyxy.numpy()).max() < 2.0
