"""Export a pipeline as a standalone Python script (cv2 and numpy only).

The script carries the source of ``studio.core.preprocess.functions`` verbatim and reads
and writes images the way studio's batch does, so its output is bit-identical.
"""

from __future__ import annotations

import inspect
from pathlib import Path

from studio.core.preprocess import functions, imagej
from studio.core.preprocess.ops import OpSpec
from studio.core.preprocess.pipeline import Pipeline, builtin_specs

_IO = '''

IMAGE_SUFFIXES = {IMAGE_SUFFIXES}


def read_image(path):
    """Decode like Ultralytics' loader: bytes via numpy (any path), EXIF applied, 8-bit BGR."""
    data = np.fromfile(str(path), np.uint8)
    if not data.size:
        raise ValueError(f"{{path}}: empty file")
    img = None
    if str(path).lower().endswith((".tif", ".tiff")):
        ok, frames = cv2.imdecodemulti(data, cv2.IMREAD_UNCHANGED)
        if ok and frames and frames[0].ndim == 3:
            img = frames[0][..., :3]
    if img is None:
        img = cv2.imdecode(data, cv2.IMREAD_COLOR)
    if img is None:
        raise ValueError(f"{{path}}: not a readable image")
    if img.dtype == np.uint16:
        img = (img >> 8).astype(np.uint8)
    if img.ndim == 2:
        img = cv2.cvtColor(img, cv2.COLOR_GRAY2BGR)
    return img


def write_png(img, path):
    """Write a lossless PNG (same encoder settings as studio)."""
    ok, buf = cv2.imencode(".png", img)
    if not ok:
        raise ValueError(f"cannot encode {{path}}")
    path.parent.mkdir(parents=True, exist_ok=True)
    buf.tofile(str(path))


def main(argv=None):
    """python this_script.py INPUT OUTPUT: an image file, or a folder (outputs are .png)."""
    import argparse
    from pathlib import Path

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input")
    parser.add_argument("output")
    args = parser.parse_args(argv)
    src, dst = Path(args.input), Path(args.output)
    if src.is_file():
        write_png(run(read_image(src)), dst)
        return 0
    for path in sorted(src.rglob("*")):
        if path.is_file() and path.suffix.lower().lstrip(".") in IMAGE_SUFFIXES:
            rel = path.relative_to(src).with_suffix(".png")
            write_png(run(read_image(path)), dst / rel)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
'''


def _module_body(module: object) -> str:
    """A module's source after its docstring, without its imports of studio itself (the
    script carries those modules' source instead)."""
    body = inspect.getsource(module).split('"""', 2)[2].lstrip("\n")
    return "\n".join(line for line in body.splitlines() if not line.startswith("from studio.")) + "\n"


def export_python(pipeline: Pipeline, specs: dict[str, OpSpec] | None = None, title: str = "") -> str:
    """The text of a standalone script that applies ``pipeline`` (cv2 + numpy only)."""
    from studio.core.dataset.paths import IMG_FORMATS

    specs = specs if specs is not None else builtin_specs()
    lines = [
        "#!/usr/bin/env python3",
        f'"""{title or "Image pipeline"} — exported from studio (needs only opencv-python and numpy).',
        "",
        "Thresholds: foreground is value > t (the rule of OpenCV, scikit-image and ImageJ), 255 in the mask.",
        "Automatic thresholds named as in ImageJ (Otsu, Huang, ...) give ImageJ 1.53t's numbers.",
        '"""',
        "",
        _module_body(imagej),
        _module_body(functions),
    ]
    extra = []
    for step in pipeline.steps:
        func = specs[step.op].func
        if step.enabled and inspect.getmodule(func) is not functions and func not in extra:
            extra.append(func)
    for func in extra:  # plugin operations carry their own source
        lines.append(inspect.getsource(func))
    body = ["", "", "def run(img):", '    """Apply the pipeline to an 8-bit BGR (or gray) image."""']
    for step in pipeline.steps:
        if not step.enabled:
            body.append(f"    # disabled: {step.op}")
            continue
        spec = specs[step.op]
        args = ", ".join(f"{k}={v!r}" for k, v in spec.coerce(step.params).items())
        body.append(f"    img = {spec.func.__name__}(img{', ' + args if args else ''})")
    body.append("    return img")
    lines += body
    lines.append(_IO.replace("{IMAGE_SUFFIXES}", repr(sorted(IMG_FORMATS))).replace("{{", "{").replace("}}", "}"))
    return "\n".join(lines)


def write_script(pipeline: Pipeline, path: str | Path, specs: dict[str, OpSpec] | None = None) -> None:
    """Write the exported script atomically."""
    from studio.core.atomic import atomic_write_text

    atomic_write_text(path, export_python(pipeline, specs, title=Path(path).stem))
