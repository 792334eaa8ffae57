"""Deterministic synthetic sample dataset: fruit on cluttered tables, Ultralytics layout.

The studio ships no photos of its own; this module draws a small, reproducible dataset
(several fruit classes under varied lighting, clutter and scale) so that every workflow,
the demo model and the tests run offline on a fresh machine.

Example:
    >>> from studio.core.dataset.sample import make_sample_dataset
    >>> make_sample_dataset("/tmp/sample", n_train=4, n_val=2)  # doctest: +SKIP
"""

from __future__ import annotations

import math
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from studio.core.atomic import atomic_write_text
from studio.core.jobs import CancelToken, EtaClock, Progress

CLASS_NAMES: tuple[str, ...] = ("apple", "banana", "orange", "lemon", "grapes")
IMAGE_WH: tuple[int, int] = (640, 480)
SAMPLE_VERSION = 1


@dataclass(frozen=True)
class Sprite:
    """One drawn object: BGR pixels in [0, 255] and an alpha mask in [0, 1]."""

    bgr: np.ndarray
    alpha: np.ndarray


def _shade(mask: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Pseudo-3D lighting from the mask's distance transform, lit from a random side."""
    m8 = (mask > 0.5).astype(np.uint8)
    dist = cv2.distanceTransform(m8, cv2.DIST_L2, 5)
    if dist.max() > 0:
        dist = dist / dist.max()
    height = np.sqrt(dist)
    gy, gx = np.gradient(height)
    ang = rng.uniform(0, 2 * math.pi)
    directional = -(gx * math.cos(ang) + gy * math.sin(ang)) * 6.0
    shade = 0.55 + 0.45 * height + np.clip(directional, -0.25, 0.35)
    return np.clip(shade, 0.3, 1.35).astype(np.float32)


def _finish(size: int, mask: np.ndarray, color: np.ndarray, rng: np.random.Generator,
            texture: float = 6.0) -> Sprite:
    """Turn a mask and a base color into a shaded, slightly textured sprite."""
    shade = _shade(mask, rng)
    noise = rng.normal(0, texture, (size, size, 1)).astype(np.float32)
    bgr = np.clip(color[None, None, :] * shade[..., None] + noise, 0, 255)
    alpha = cv2.GaussianBlur(mask.astype(np.float32), (3, 3), 0)
    return Sprite(bgr.astype(np.float32), alpha)


def _jitter(color: tuple[int, int, int], rng: np.random.Generator, amount: float = 18) -> np.ndarray:
    return np.clip(np.array(color, np.float32) + rng.normal(0, amount, 3), 0, 255)


def draw_apple(size: int, rng: np.random.Generator) -> Sprite:
    """A red (sometimes green-red) apple with two top lobes, a stem and maybe a leaf."""
    mask = np.zeros((size, size), np.float32)
    c, r = size // 2, int(size * 0.40)
    cv2.circle(mask, (c - r // 4, c + r // 10), int(r * 0.85), 1.0, -1, cv2.LINE_AA)
    cv2.circle(mask, (c + r // 4, c + r // 10), int(r * 0.85), 1.0, -1, cv2.LINE_AA)
    cv2.circle(mask, (c, c + r // 5), int(r * 0.8), 1.0, -1, cv2.LINE_AA)
    base = (40, 30, 200) if rng.random() < 0.8 else (40, 120, 170)
    sprite = _finish(size, mask, _jitter(base, rng), rng)
    stem_top = (c + int(rng.integers(-r // 6, r // 6 + 1)), c - int(r * 1.05))
    cv2.line(sprite.bgr, (c, c - int(r * 0.6)), stem_top, (30, 60, 90), max(2, r // 10), cv2.LINE_AA)
    cv2.line(sprite.alpha, (c, c - int(r * 0.6)), stem_top, 1.0, max(2, r // 10), cv2.LINE_AA)
    if rng.random() < 0.5:
        leaf = (c + r // 3, c - int(r * 0.85))
        axes = (max(2, r // 3), max(1, r // 7))
        cv2.ellipse(sprite.bgr, leaf, axes, -30, 0, 360, (40, 150, 50), -1, cv2.LINE_AA)
        cv2.ellipse(sprite.alpha, leaf, axes, -30, 0, 360, 1.0, -1, cv2.LINE_AA)
    return sprite


def draw_orange(size: int, rng: np.random.Generator) -> Sprite:
    """A round orange with a dimpled peel and a small navel."""
    mask = np.zeros((size, size), np.float32)
    c, r = size // 2, int(size * 0.44)
    cv2.circle(mask, (c, c), r, 1.0, -1, cv2.LINE_AA)
    sprite = _finish(size, mask, _jitter((20, 130, 245), rng, 10), rng, texture=12.0)
    dimples = rng.integers(0, size, (size * 2, 2))
    for x, y in dimples:
        if mask[y, x] > 0.9:
            sprite.bgr[y, x] *= 0.8
    nx, ny = c + int(rng.integers(-r // 3, r // 3 + 1)), c + int(rng.integers(-r // 3, r // 3 + 1))
    cv2.circle(sprite.bgr, (nx, ny), max(1, r // 12), (20, 70, 120), -1, cv2.LINE_AA)
    return sprite


def draw_lemon(size: int, rng: np.random.Generator) -> Sprite:
    """A yellow lemon: an elongated ellipse with pointed tips."""
    mask = np.zeros((size, size), np.float32)
    c = size // 2
    a, b = int(size * 0.38), int(size * 0.26)
    cv2.ellipse(mask, (c, c), (a, b), 0, 0, 360, 1.0, -1, cv2.LINE_AA)
    tip = max(2, b // 3)
    cv2.circle(mask, (c - a, c), tip, 1.0, -1, cv2.LINE_AA)
    cv2.circle(mask, (c + a, c), tip, 1.0, -1, cv2.LINE_AA)
    return _finish(size, mask, _jitter((40, 225, 245), rng, 10), rng, texture=8.0)


def draw_banana(size: int, rng: np.random.Generator) -> Sprite:
    """A curved yellow banana with brown tips."""
    mask = np.zeros((size, size), np.float32)
    c = size // 2
    r = int(size * 0.42)
    thick = max(4, int(size * rng.uniform(0.12, 0.17)))
    start = int(rng.integers(200, 220))
    cv2.ellipse(mask, (c, c - r // 3), (r, int(r * 0.8)), 0, start - 180, 360 - start, 1.0, thick,
                cv2.LINE_AA)
    sprite = _finish(size, mask, _jitter((50, 210, 235), rng, 10), rng, texture=5.0)
    tips = np.argwhere(mask > 0.5)
    if len(tips):
        left = tips[tips[:, 1].argmin()]
        right = tips[tips[:, 1].argmax()]
        for y, x in (left, right):
            cv2.circle(sprite.bgr, (int(x), int(y)), max(2, thick // 3), (30, 60, 90), -1, cv2.LINE_AA)
    return sprite


def draw_grapes(size: int, rng: np.random.Generator) -> Sprite:
    """A bunch of purple grapes in a rough triangle, with a stem."""
    mask = np.zeros((size, size), np.float32)
    bgr = np.zeros((size, size, 3), np.float32)
    c = size // 2
    rr = max(3, int(size * 0.075))
    rows = 5
    color = _jitter((110, 40, 90), rng, 12)
    for row in range(rows):
        count = rows - row
        y = int(c - size * 0.28 + row * rr * 1.7)
        for k in range(count):
            x = int(c + (k - (count - 1) / 2) * rr * 1.8 + rng.normal(0, rr * 0.15))
            yy = int(y + rng.normal(0, rr * 0.15))
            cv2.circle(mask, (x, yy), rr, 1.0, -1, cv2.LINE_AA)
            shade = rng.uniform(0.7, 1.1)
            cv2.circle(bgr, (x, yy), rr, tuple(float(v) for v in color * shade), -1, cv2.LINE_AA)
            cv2.circle(bgr, (x - rr // 3, yy - rr // 3), max(1, rr // 4),
                       tuple(float(v) for v in np.clip(color * 1.8, 0, 255)), -1, cv2.LINE_AA)
    top = (c, int(c - size * 0.28 - rr))
    cv2.line(mask, top, (c, int(c - size * 0.42)), 1.0, max(2, rr // 2), cv2.LINE_AA)
    cv2.line(bgr, top, (c, int(c - size * 0.42)), (30, 70, 60), max(2, rr // 2), cv2.LINE_AA)
    bgr += rng.normal(0, 4, bgr.shape).astype(np.float32)
    return Sprite(np.clip(bgr, 0, 255), cv2.GaussianBlur(mask, (3, 3), 0))


DRAWERS: dict[str, Callable[[int, np.random.Generator], Sprite]] = {
    "apple": draw_apple,
    "banana": draw_banana,
    "orange": draw_orange,
    "lemon": draw_lemon,
    "grapes": draw_grapes,
}


def _background(w: int, h: int, rng: np.random.Generator) -> np.ndarray:
    """A table-like background with gradients, wood grain or cloth noise and clutter."""
    base = rng.uniform(40, 220, 3).astype(np.float32)
    img = np.empty((h, w, 3), np.float32)
    img[:] = base
    kind = rng.integers(0, 3)
    if kind == 0:  # wood grain
        ys = np.arange(h, dtype=np.float32)[:, None]
        xs = np.arange(w, dtype=np.float32)[None, :]
        grain = np.sin(ys / rng.uniform(3, 9) + np.sin(xs / rng.uniform(40, 90)) * 3)
        img *= (0.85 + 0.15 * grain)[..., None]
    elif kind == 1:  # cloth noise
        small = rng.normal(0, 25, (h // 16 + 1, w // 16 + 1, 3)).astype(np.float32)
        img += cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)
    # clutter: plates, boxes, cables that are not fruit
    for _ in range(int(rng.integers(2, 9))):
        col = tuple(float(v) for v in rng.uniform(30, 240, 3))
        shape = rng.integers(0, 3)
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        if shape == 0:
            ax = (int(rng.integers(20, 120)), int(rng.integers(10, 60)))
            cv2.ellipse(img, (x, y), ax, float(rng.uniform(0, 180)), 0, 360, col, -1, cv2.LINE_AA)
        elif shape == 1:
            x2, y2 = x + int(rng.integers(20, 160)), y + int(rng.integers(20, 120))
            cv2.rectangle(img, (x, y), (x2, y2), col, -1)
        else:
            pts = rng.integers(0, [w, h], (4, 2)).astype(np.int32)
            cv2.polylines(img, [pts], False, col, int(rng.integers(2, 6)), cv2.LINE_AA)
    return img


def _lighting(img: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Global brightness/contrast, a color cast, a soft shadow gradient and sensor noise."""
    h, w = img.shape[:2]
    gain = rng.uniform(0.55, 1.3)
    cast = rng.uniform(0.85, 1.15, 3).astype(np.float32)
    gx = np.linspace(-1, 1, w, dtype=np.float32)[None, :]
    gy = np.linspace(-1, 1, h, dtype=np.float32)[:, None]
    ang = rng.uniform(0, 2 * math.pi)
    grad = 1.0 + rng.uniform(0.0, 0.35) * (gx * math.cos(ang) + gy * math.sin(ang))
    out = img * gain * cast[None, None, :] * grad[..., None]
    out += rng.normal(0, rng.uniform(2, 8), out.shape).astype(np.float32)
    if rng.random() < 0.3:
        out = cv2.GaussianBlur(out, (0, 0), rng.uniform(0.5, 1.5))
    return np.clip(out, 0, 255).astype(np.uint8)


def _paste(img: np.ndarray, sprite: Sprite, x: int, y: int) -> tuple[int, int, int, int] | None:
    """Alpha-blend a sprite at (x, y); return the visible box (x1, y1, x2, y2) in pixels."""
    h, w = img.shape[:2]
    s = sprite.alpha.shape[0]
    x1, y1, x2, y2 = max(0, x), max(0, y), min(w, x + s), min(h, y + s)
    if x2 <= x1 or y2 <= y1:
        return None
    a = sprite.alpha[y1 - y:y2 - y, x1 - x:x2 - x]
    region = img[y1:y2, x1:x2]
    region[:] = region * (1 - a[..., None]) + sprite.bgr[y1 - y:y2 - y, x1 - x:x2 - x] * a[..., None]
    ys, xs = np.nonzero(a > 0.5)
    if len(xs) == 0:
        return None
    return x1 + int(xs.min()), y1 + int(ys.min()), x1 + int(xs.max()) + 1, y1 + int(ys.max()) + 1


def _rotate(sprite: Sprite, angle: float) -> Sprite:
    s = sprite.alpha.shape[0]
    m = cv2.getRotationMatrix2D((s / 2, s / 2), angle, 1.0)
    bgr = cv2.warpAffine(sprite.bgr, m, (s, s), flags=cv2.INTER_LINEAR)
    alpha = cv2.warpAffine(sprite.alpha, m, (s, s), flags=cv2.INTER_LINEAR)
    return Sprite(bgr, alpha)


def _iou(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> float:
    ix = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union else 0.0


def render_scene(rng: np.random.Generator, wh: tuple[int, int] = IMAGE_WH,
                 max_objects: int = 7) -> tuple[np.ndarray, list[tuple[int, float, float, float, float]]]:
    """Draw one scene; return the BGR image and YOLO rows (class, cx, cy, w, h normalized)."""
    w, h = wh
    img = _background(w, h, rng)
    rows: list[tuple[int, float, float, float, float]] = []
    placed: list[tuple[int, int, int, int]] = []
    n = int(rng.integers(1, max_objects + 1))
    for _ in range(n):
        cls = int(rng.integers(0, len(CLASS_NAMES)))
        size = int(min(w, h) * rng.uniform(0.12, 0.55))
        sprite = _rotate(DRAWERS[CLASS_NAMES[cls]](size, rng), float(rng.uniform(-60, 60)))
        for _attempt in range(10):
            x = int(rng.integers(-size // 6, w - size + size // 6))
            y = int(rng.integers(-size // 6, h - size + size // 6))
            probe = (x, y, x + size, y + size)
            if all(_iou(probe, p) < 0.15 for p in placed):
                break
        else:
            continue
        box = _paste(img, sprite, x, y)
        if box is None or (box[2] - box[0]) < 6 or (box[3] - box[1]) < 6:
            continue
        placed.append(box)
        x1, y1, x2, y2 = box
        rows.append((cls, (x1 + x2) / 2 / w, (y1 + y2) / 2 / h, (x2 - x1) / w, (y2 - y1) / h))
    return _lighting(img, rng), rows


def _real_photos() -> dict[str, np.ndarray]:
    """Real photographs that scikit-image ships inside its wheel (no download)."""
    from skimage import data  # local import: only the generator needs scikit-image

    photos: dict[str, np.ndarray] = {}
    for name in ("coins", "camera", "page", "text", "moon", "coffee", "chelsea",
                 "hubble_deep_field", "immunohistochemistry", "cell", "retina"):
        try:
            arr = getattr(data, name)()
        except Exception:  # noqa: BLE001 - a missing bundled file is skipped, not fatal
            continue
        if arr.ndim == 3:
            arr = cv2.cvtColor(arr[..., :3], cv2.COLOR_RGB2BGR)
        photos[name] = arr
    return photos


def default_sample_dir() -> Path:
    """Where "Open the Sample Dataset" and ``studio sample`` keep the sample: the user's data folder."""
    from studio.core.user_dirs import data_dir

    return data_dir() / "sample"


def sample_exists(root: str | Path) -> bool:
    """True when ``root`` holds a finished sample (``data.yaml`` is written last)."""
    return (Path(root) / "data.yaml").is_file()


def sample_job(root: str | Path, token: CancelToken | None = None, n_train: int = 320, n_val: int = 80,
               seed: int = 0, negatives: float = 0.05, with_photos: bool = True) -> Iterator[Progress]:
    """Write the sample dataset to ``root`` as a job (one step per image, then the photos).

    The images are drawn into a hidden folder beside ``root`` that is renamed to ``root``
    only when complete, so a cancelled or killed run never leaves a half sample behind
    (the next run starts over; the output is deterministic). An existing ``root`` is
    replaced only once the new sample is complete.
    """
    root = Path(root)
    token = token or CancelToken()
    if root.exists() and not _replaceable(root):
        raise FileExistsError(f"{root} is not empty and holds no studio sample; choose another folder")
    root.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{root.name}.partial-", dir=root.parent))
    total = n_train + n_val + (1 if with_photos else 0)
    clock = EtaClock(total)
    try:
        rng = np.random.default_rng(seed)
        done = 0
        for split, count in (("train", n_train), ("val", n_val)):
            (work / "images" / split).mkdir(parents=True, exist_ok=True)
            (work / "labels" / split).mkdir(parents=True, exist_ok=True)
            for i in range(count):
                if token.cancelled:
                    return
                if rng.random() < negatives:
                    img = _lighting(_background(*IMAGE_WH, rng), rng)
                    rows: list[tuple[int, float, float, float, float]] = []
                else:
                    img, rows = render_scene(rng)
                stem = f"{split}_{i:04d}"
                ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, 90])
                assert ok
                (work / "images" / split / f"{stem}.jpg").write_bytes(buf.tobytes())
                text = "".join(f"{c} {x:.6f} {y:.6f} {w:.6f} {h:.6f}\n" for c, x, y, w, h in rows)
                (work / "labels" / split / f"{stem}.txt").write_text(text, encoding="utf-8")
                done += 1
                yield clock.progress(done, split)
        if with_photos:
            (work / "photos").mkdir(exist_ok=True)
            for name, arr in _real_photos().items():
                ok, buf = cv2.imencode(".png", arr)
                if ok:
                    (work / "photos" / f"{name}.png").write_bytes(buf.tobytes())
            done += 1
        names = "\n".join(f"  {i}: {n}" for i, n in enumerate(CLASS_NAMES))
        atomic_write_text(work / "data.yaml",
                          f"# studio sample dataset v{SAMPLE_VERSION} (generated, seed {seed})\n"
                          f"train: images/train\nval: images/val\nnames:\n{names}\n")
        if root.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{root.name}.old-", dir=root.parent))
            os.replace(root, old / root.name)
            os.replace(work, root)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(work, root)
        yield clock.progress(done, "done", payload=root)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _replaceable(root: Path) -> bool:
    """An empty folder, or an earlier studio sample (never a folder with the user's files)."""
    if root.is_dir() and not any(root.iterdir()):
        return True
    try:
        head = (root / "data.yaml").read_text(encoding="utf-8")[:64]
    except (OSError, UnicodeDecodeError):
        return False
    return head.startswith("# studio sample dataset")


def make_sample_dataset(root: str | Path, n_train: int = 320, n_val: int = 80, seed: int = 0,
                        negatives: float = 0.05, with_photos: bool = True) -> Path:
    """Write the sample dataset to ``root`` (Ultralytics layout + ``data.yaml``).

    Images are JPEGs under ``images/{train,val}``, labels under ``labels/{train,val}``;
    about ``negatives`` of the images show no fruit and get an empty label file.
    Real photos for threshold tuning go to ``photos/``. The output is deterministic.
    """
    for _progress in sample_job(root, None, n_train, n_val, seed, negatives, with_photos):
        pass
    return Path(root)
