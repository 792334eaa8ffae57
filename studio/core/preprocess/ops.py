"""Operation declarations: a name, a title, parameters, and the function that runs.

Built-in operations register in the plugin registry exactly as plugin operations do::

    reg.add("op", "my_op", OpSpec("my_op", "My op", "Filters", my_function, (IntParam(...),)))

``my_function(img, **params)`` must use cv2/numpy only so that exported scripts can carry it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from studio.core.preprocess import functions as F
from studio.core.preprocess.params import BoolParam, ChoiceParam, FloatParam, IntParam, Param, ParamError


class OpError(ValueError):
    """An operation could not run on this image with these parameters (message says why)."""


@dataclass(frozen=True)
class OpSpec:
    """A declared operation."""

    name: str
    title: str
    category: str
    func: Callable[..., np.ndarray]
    params: tuple[Param, ...] = ()
    produces_mask: bool = False

    def defaults(self) -> dict[str, Any]:
        """Every parameter at its default."""
        return {p.name: p.default for p in self.params}

    def coerce(self, values: dict[str, Any]) -> dict[str, Any]:
        """Complete ``values`` with defaults and bring each into its valid range."""
        out = {}
        for p in self.params:
            out[p.name] = p.coerce(values.get(p.name, p.default))
        unknown = set(values) - set(out)
        if unknown:
            raise ParamError(f"{self.name}: unknown parameter(s) {', '.join(sorted(unknown))}")
        return out

    def run(self, img: np.ndarray, values: dict[str, Any]) -> np.ndarray:
        """Apply to ``img``; OpenCV's refusals become ``OpError`` with a readable message."""
        import cv2

        try:
            return self.func(img, **self.coerce(values))
        except cv2.error as exc:
            raise OpError(f"{self.title}: OpenCV refused these settings ({exc.err})") from exc
        except (ValueError, ParamError) as exc:
            raise OpError(f"{self.title}: {exc}") from exc


def _invert() -> BoolParam:
    return BoolParam("invert_mask", "Invert (dark objects)", False)


BUILTIN_OPS: tuple[OpSpec, ...] = (
    OpSpec("grayscale", "Grayscale", "Color", F.grayscale),
    OpSpec("convert_color", "Color space", "Color", F.convert_color,
           (ChoiceParam("space", "Space", "HSV", ("HSV", "LAB", "YCrCb", "RGB")),)),
    OpSpec("resize", "Resize", "Geometry", F.resize,
           (FloatParam("scale", "Scale", 0.5, 0.05, 4.0, 0.05),
            ChoiceParam("interpolation", "Interpolation", "area", ("area", "linear", "cubic", "nearest")))),
    OpSpec("gaussian_blur", "Gaussian blur", "Filters", F.gaussian_blur,
           (IntParam("ksize", "Kernel size", 5, 1, 99, 2, odd=True),
            FloatParam("sigma", "Sigma (0 = from size)", 0.0, 0.0, 50.0, 0.1))),
    OpSpec("median_blur", "Median blur", "Filters", F.median_blur,
           (IntParam("ksize", "Kernel size", 5, 3, 99, 2, odd=True),)),
    OpSpec("bilateral", "Bilateral filter", "Filters", F.bilateral,
           (IntParam("diameter", "Diameter", 9, 1, 31),
            FloatParam("sigma_color", "Sigma color", 75.0, 1.0, 250.0, 1.0),
            FloatParam("sigma_space", "Sigma space", 75.0, 1.0, 250.0, 1.0))),
    OpSpec("brightness_contrast", "Brightness / contrast", "Tone", F.brightness_contrast,
           (FloatParam("contrast", "Contrast", 1.0, 0.0, 5.0, 0.05),
            FloatParam("brightness", "Brightness", 0.0, -255.0, 255.0, 1.0))),
    OpSpec("gamma", "Gamma", "Tone", F.gamma,
           (FloatParam("gamma_value", "Gamma", 1.0, 0.05, 8.0, 0.05),)),
    OpSpec("equalize_hist", "Histogram equalization", "Tone", F.equalize_hist),
    OpSpec("clahe", "CLAHE", "Tone", F.clahe,
           (FloatParam("clip_limit", "Clip limit", 2.0, 0.1, 40.0, 0.1),
            IntParam("tiles", "Tiles per side", 8, 1, 64))),
    OpSpec("unsharp_mask", "Unsharp mask", "Filters", F.unsharp_mask,
           (FloatParam("sigma", "Radius (sigma)", 2.0, 0.1, 50.0, 0.1),
            FloatParam("amount", "Amount", 1.0, 0.0, 10.0, 0.1))),
    OpSpec("threshold", "Threshold (manual)", "Threshold", F.threshold,
           (IntParam("value", "Threshold", 128, 0, 255), _invert()), produces_mask=True),
    OpSpec("auto_threshold", "Threshold (automatic)", "Threshold", F.auto_threshold,
           (ChoiceParam("method", "Method", "otsu",
                        ("otsu", "triangle", "isodata", "li", "mean", "minimum", "yen")), _invert()),
           produces_mask=True),
    OpSpec("adaptive_threshold", "Threshold (adaptive)", "Threshold", F.adaptive_threshold,
           (ChoiceParam("method", "Local mean", "gaussian", ("mean", "gaussian")),
            IntParam("block_size", "Block size", 31, 3, 255, 2, odd=True),
            FloatParam("c", "Offset C", 5.0, -100.0, 100.0, 0.5), _invert()), produces_mask=True),
    OpSpec("color_range", "Color range", "Threshold", F.color_range,
           (ChoiceParam("space", "Space", "HSV", ("HSV", "RGB")),
            IntParam("lo0", "Channel 1 min", 0, 0, 255), IntParam("hi0", "Channel 1 max", 255, 0, 255),
            IntParam("lo1", "Channel 2 min", 0, 0, 255), IntParam("hi1", "Channel 2 max", 255, 0, 255),
            IntParam("lo2", "Channel 3 min", 0, 0, 255), IntParam("hi2", "Channel 3 max", 255, 0, 255),
            _invert()), produces_mask=True),
    OpSpec("morphology", "Morphology", "Morphology", F.morphology,
           (ChoiceParam("operation", "Operation", "open",
                        ("erode", "dilate", "open", "close", "gradient", "tophat", "blackhat")),
            ChoiceParam("shape", "Kernel shape", "ellipse", ("rect", "ellipse", "cross")),
            IntParam("ksize", "Kernel size", 5, 1, 99),
            IntParam("iterations", "Iterations", 1, 1, 20))),
    OpSpec("canny", "Canny edges", "Edges", F.canny,
           (FloatParam("low", "Low threshold", 50.0, 0.0, 1000.0, 1.0),
            FloatParam("high", "High threshold", 150.0, 0.0, 1000.0, 1.0),
            ChoiceParam("aperture", "Aperture", "3", ("3", "5", "7")),
            BoolParam("l2_gradient", "L2 gradient", False)), produces_mask=True),
    OpSpec("invert", "Invert", "Tone", F.invert),
)


def register_builtin_ops(registry) -> None:  # noqa: ANN001 - studio.core.plugins.Registry
    """Put the built-in operations into the registry (once)."""
    for spec in BUILTIN_OPS:
        if spec.name not in registry.names("op"):
            registry.add("op", spec.name, spec)
