"""Readers for Pascal VOC XML (LabelImg), labelme / X-AnyLabeling JSON, COCO JSON and CVAT for
images XML. Each returns ``ForeignImage`` records; a malformed file is a problem of that file,
and the rest of the source is read on. XML goes through defusedxml (no entity expansion).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from studio.core.i18n import QT_TRANSLATE_NOOP, Message
from studio.core.interchange.foreign import (
    ForeignImage,
    ForeignShape,
    ReadResult,
    bounds,
    number,
    xml_number,
)


def read_source(src: Path, fmt: str) -> ReadResult:
    """Every file of format ``fmt`` below ``src`` (or the file ``src``)."""
    suffix = {"voc": ".xml", "cvat": ".xml", "labelme": ".json", "coco": ".json"}[fmt]
    files = [src] if src.is_file() else sorted(p for p in src.rglob(f"*{suffix}") if not _hidden(p, src))
    readers: dict[str, Callable[[Path], list[ForeignImage]]] = {
        "voc": lambda p: [read_voc(p)], "labelme": lambda p: [read_labelme(p)], "coco": read_coco, "cvat": read_cvat}
    reader = readers[fmt]
    out = ReadResult()
    for path in files:
        try:
            out.images.extend(reader(path))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            out.file_problems.append((str(path), Message(QT_TRANSLATE_NOOP("studio.core", "not a valid {fmt} file ({reason})"), fmt=fmt,
                                                          reason=f"{type(exc).__name__}: {exc}")))
        except OSError as exc:
            out.file_problems.append((str(path), Message(QT_TRANSLATE_NOOP("studio.core", "cannot read it ({reason})"),
                                                          reason=exc.strerror or str(exc))))
    return out


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts[:-1])


def _parse_xml(path: Path) -> Any:
    from defusedxml import ElementTree

    try:
        return ElementTree.parse(path).getroot()
    except ElementTree.ParseError as exc:
        raise ValueError(f"malformed XML: {exc}") from None
    except Exception as exc:  # defusedxml refuses entities and DTDs with its own errors
        if type(exc).__module__.startswith("defusedxml"):
            raise ValueError(f"refused XML ({type(exc).__name__})") from None
        raise


def read_voc(path: Path) -> ForeignImage:
    """One LabelImg Pascal VOC file: integer pixel corners, ``difficult`` and ``truncated`` flags."""
    root = _parse_xml(path)
    if root.tag != "annotation":
        raise ValueError(f"the root element is <{root.tag}>, not <annotation>")
    image = ForeignImage(str(path), (root.findtext("filename") or path.stem).strip())
    w, h = xml_number(root.findtext("size/width")), xml_number(root.findtext("size/height"))
    if w and h:
        image.size = (int(w), int(h))
    for i, obj in enumerate(root.findall("object")):
        name = (obj.findtext("name") or "").strip()
        corners = [xml_number(obj.findtext(f"bndbox/{k}")) for k in ("xmin", "ymin", "xmax", "ymax")]
        if not name or any(c is None for c in corners):
            image.problems.append(Message(QT_TRANSLATE_NOOP("studio.core", "object {n}: no name or a corner that is not a number; left out"),
                                          n=i + 1))
            continue
        shape = ForeignShape(name, tuple(corners), difficult=(obj.findtext("difficult") or "0").strip() == "1",
                             truncated=(obj.findtext("truncated") or "0").strip() == "1")
        image.count("truncated", int(shape.truncated))
        image.shapes.append(shape)
    return image


def read_labelme(path: Path) -> ForeignImage:
    """One labelme / X-AnyLabeling JSON. ``imageData`` is never read."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("shapes"), list):
        raise ValueError("no 'shapes' list")
    image = ForeignImage(str(path), str(data.get("imagePath") or path.with_suffix("").name))
    w, h = number(data.get("imageWidth")), number(data.get("imageHeight"))
    if w and h:
        image.size = (int(w), int(h))
    for i, shape in enumerate(data["shapes"]):
        _labelme_shape(image, i, shape)
    return image


def _labelme_shape(image: ForeignImage, i: int, shape: Any) -> None:
    kind = str(shape.get("shape_type") or "polygon") if isinstance(shape, dict) else ""
    name = str(shape.get("label") or "").strip() if isinstance(shape, dict) else ""
    raw = shape.get("points") if isinstance(shape, dict) else None
    if kind not in ("rectangle", "polygon", "rotation"):
        image.count(f"{kind or 'unknown'} shapes")
        return
    if not name or not isinstance(raw, list) or not raw:
        image.problems.append(Message(QT_TRANSLATE_NOOP("studio.core", "shape {n}: no label or no points; left out"), n=i + 1))
        return
    coords = [[number(v) for v in p] if isinstance(p, list) and len(p) == 2 else [None] for p in raw]
    if any(c is None for p in coords for c in p):
        image.problems.append(Message(QT_TRANSLATE_NOOP("studio.core", "shape {n} ({name}): a coordinate is not a number (e.g. given as text); left out"), n=i + 1, name=name))
        return
    points = np.array(coords, np.float64)
    if kind == "rectangle" and len(points) != 2 and len(points) != 4:
        image.problems.append(Message(QT_TRANSLATE_NOOP("studio.core", "shape {n} ({name}): a rectangle needs 2 or 4 points; left out"),
                                      n=i + 1, name=name))
        return
    polygon = points if kind == "polygon" and len(points) >= 3 else None
    image.shapes.append(ForeignShape(name, bounds(points), polygon=polygon, rotated=kind == "rotation"))
    if kind == "rotation":
        image.count("rotated boxes (taken as their axis-aligned bounds)")


def read_coco(path: Path) -> list[ForeignImage]:
    """A COCO JSON: categories by name, crowd annotations left out (counted)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("images"), list):
        raise ValueError("no 'images' list")
    names = {c["id"]: str(c["name"]) for c in data.get("categories", []) if isinstance(c, dict) and "id" in c}
    images: dict[Any, ForeignImage] = {}
    for entry in data["images"]:
        if not isinstance(entry, dict) or "id" not in entry or not entry.get("file_name"):
            continue
        image = ForeignImage(str(path), str(entry["file_name"]))
        w, h = number(entry.get("width")), number(entry.get("height"))
        if w and h:
            image.size = (int(w), int(h))
        images[entry["id"]] = image
    for i, ann in enumerate(data.get("annotations", [])):
        _coco_annotation(images, names, i, ann, path)
    return list(images.values())


def _coco_annotation(images: dict, names: dict, i: int, ann: Any, path: Path) -> None:
    image = images.get(ann.get("image_id")) if isinstance(ann, dict) else None
    if image is None:
        return
    if ann.get("iscrowd"):
        image.count("crowd annotations")
        return
    bbox = ann.get("bbox")
    values = [number(v) for v in bbox] if isinstance(bbox, list) and len(bbox) == 4 else [None]
    name = names.get(ann.get("category_id"))
    if name is None or any(v is None for v in values):
        image.problems.append(Message(QT_TRANSLATE_NOOP("studio.core", "annotation {n}: unknown category or a bbox value that is not a number; left out"), n=ann.get("id", i + 1)))
        return
    x, y, w, h = values
    image.shapes.append(ForeignShape(name, (x, y, x + w, y + h)))


def read_cvat(path: Path) -> list[ForeignImage]:
    """A CVAT for images XML: boxes as they are, rotated boxes as their bounds (counted)."""
    root = _parse_xml(path)
    if root.tag != "annotations":
        raise ValueError(f"the root element is <{root.tag}>, not <annotations>")
    out = []
    for el in root.findall("image"):
        image = ForeignImage(str(path), (el.get("name") or "").strip())
        w, h = xml_number(el.get("width")), xml_number(el.get("height"))
        if w and h:
            image.size = (int(w), int(h))
        for i, box in enumerate(el.findall("box")):
            corners = [xml_number(box.get(k)) for k in ("xtl", "ytl", "xbr", "ybr")]
            name = (box.get("label") or "").strip()
            if not name or any(c is None for c in corners):
                image.problems.append(Message(QT_TRANSLATE_NOOP("studio.core", "box {n}: no label or a corner that is not a number; left out"), n=i + 1))
                continue
            angle = xml_number(box.get("rotation")) or 0.0
            xyxy = _rotated_bounds(corners, angle) if angle % 360 else tuple(corners)
            image.shapes.append(ForeignShape(name, xyxy, rotated=bool(angle % 360)))
            if angle % 360:
                image.count("rotated boxes (taken as their axis-aligned bounds)")
        others = len(el) - len(el.findall("box"))
        if others:
            image.count("polygons, points and other non-box shapes", others)
        out.append(image)
    return out


def _rotated_bounds(c: list, degrees: float) -> tuple[float, float, float, float]:
    """Bounds of a box rotated by ``degrees`` about its centre (CVAT's convention)."""
    cx, cy, hw, hh = (c[0] + c[2]) / 2, (c[1] + c[3]) / 2, (c[2] - c[0]) / 2, (c[3] - c[1]) / 2
    a = math.radians(degrees)
    corners = np.array([[-hw, -hh], [hw, -hh], [hw, hh], [-hw, hh]])
    rot = corners @ np.array([[math.cos(a), math.sin(a)], [-math.sin(a), math.cos(a)]])
    return bounds(rot + [cx, cy])
