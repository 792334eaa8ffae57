"""The bundled demo model, and clear messages for files that are not detection models."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from studio.core.dataset.sample import CLASS_NAMES, render_scene
from studio.core.inference.model_file import ModelError, load_detection_model

DEMO = Path(__file__).resolve().parents[1] / "resources" / "models" / "demo-fruit.pt"


def _iou(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    x1 = np.maximum(a[:, None, 0], b[None, :, 0])
    y1 = np.maximum(a[:, None, 1], b[None, :, 1])
    x2 = np.minimum(a[:, None, 2], b[None, :, 2])
    y2 = np.minimum(a[:, None, 3], b[None, :, 3])
    inter = np.clip(x2 - x1, 0, None) * np.clip(y2 - y1, 0, None)
    area = lambda r: (r[:, 2] - r[:, 0]) * (r[:, 3] - r[:, 1])  # noqa: E731
    return inter / (area(a)[:, None] + area(b)[None, :] - inter)


def test_demo_model_loads_with_sample_classes() -> None:
    _model, info = load_detection_model(DEMO)
    assert info.task == "detect" and info.backend == "torch"
    assert list(info.names.values()) == list(CLASS_NAMES)
    assert DEMO.stat().st_size < 8 * 1024 * 1024


def test_demo_model_finds_the_fruit_in_fresh_scenes() -> None:
    """On scenes it never saw (another seed), most fruit are found with the right class."""
    model, info = load_detection_model(DEMO)
    rng = np.random.default_rng(12345)
    hits = total = 0
    for _ in range(8):
        img, rows = render_scene(rng)
        h, w = img.shape[:2]
        result = model.predict(img, imgsz=info.imgsz or 320, conf=0.25, verbose=False)[0]
        pred = result.boxes.xyxy.cpu().numpy()
        pcls = result.boxes.cls.cpu().numpy().astype(int)
        for c, cx, cy, bw, bh in rows:
            total += 1
            gt = np.array([[(cx - bw / 2) * w, (cy - bh / 2) * h, (cx + bw / 2) * w, (cy + bh / 2) * h]])
            if len(pred) and ((_iou(gt, pred)[0] >= 0.5) & (pcls == c)).any():
                hits += 1
    assert total > 10
    assert hits / total >= 0.7, f"recall {hits}/{total}"


@pytest.mark.parametrize("name, content, message", [
    ("empty.pt", b"", "empty"),
    ("text.pt", b"definitely not a checkpoint", "cannot be loaded"),
    ("model.txt", b"x", "expected .pt or .onnx"),
    ("broken.onnx", b"\x08\x01garbage", "cannot be loaded"),
])
def test_wrong_files_give_clear_errors(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ModelError, match=message):
        load_detection_model(path)


def test_missing_file() -> None:
    with pytest.raises(ModelError, match="not found"):
        load_detection_model("/nonexistent/model.pt")


def test_classification_model_is_refused(tmp_path: Path) -> None:
    from ultralytics import YOLO

    path = tmp_path / "cls.pt"
    YOLO("yolov8n-cls.yaml").save(str(path))
    with pytest.raises(ModelError, match="'classify' model"):
        load_detection_model(path)


def test_onnx_segmentation_model_is_refused(tmp_path: Path) -> None:
    from ultralytics import YOLO

    pt = tmp_path / "seg.pt"
    YOLO("yolov8n-seg.yaml").save(str(pt))
    onnx_path = YOLO(str(pt)).export(format="onnx", imgsz=64, simplify=False, verbose=False)
    with pytest.raises(ModelError, match="'segment' model"):
        load_detection_model(onnx_path)
