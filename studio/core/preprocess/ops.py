"""Operation declarations: a name, a title, parameters, and the function that runs.

Built-in operations register in the plugin registry exactly as plugin operations do::

    reg.add("op", "my_op", OpSpec("my_op", "My op", "Filters", my_function, (IntParam(...),)))

``my_function(img, **params)`` must use cv2/numpy only so that exported scripts can carry it.
Titles, categories and parameter labels are marked with ``QT_TRANSLATE_NOOP("studio.ops", ...)``;
the UI shows them through ``QCoreApplication.translate("studio.ops", text)``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from studio.core.i18n import QT_TRANSLATE_NOOP
from studio.core.preprocess import functions as F
from studio.core.preprocess.imagej import IMAGEJ_METHODS
from studio.core.preprocess.params import BoolParam, ChoiceParam, FloatParam, IntParam, Param, ParamError

if TYPE_CHECKING:
    from studio.core.plugins import Registry


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


#: The automatic thresholds of older pipelines (lower case), kept with their scikit-image or
#: OpenCV meaning; the ImageJ names (``IMAGEJ_METHODS``) give ImageJ's numbers.
LEGACY_THRESHOLDS = ("otsu", "triangle", "isodata", "li", "mean", "minimum", "yen")
LEGACY_LABELS = (QT_TRANSLATE_NOOP("studio.ops", "otsu (OpenCV)"), QT_TRANSLATE_NOOP("studio.ops", "triangle (OpenCV)"),
                 QT_TRANSLATE_NOOP("studio.ops", "isodata (scikit-image)"), QT_TRANSLATE_NOOP("studio.ops", "li (scikit-image)"),
                 QT_TRANSLATE_NOOP("studio.ops", "mean (unrounded)"), QT_TRANSLATE_NOOP("studio.ops", "minimum (scikit-image)"),
                 QT_TRANSLATE_NOOP("studio.ops", "yen (scikit-image)"))


def _invert() -> BoolParam:
    return BoolParam("invert_mask", QT_TRANSLATE_NOOP("studio.ops", "Invert (dark objects)"), False)


BUILTIN_OPS: tuple[OpSpec, ...] = (
    OpSpec("grayscale", QT_TRANSLATE_NOOP("studio.ops", "Grayscale"), QT_TRANSLATE_NOOP("studio.ops", "Color"), F.grayscale),
    OpSpec("convert_color", QT_TRANSLATE_NOOP("studio.ops", "Color space"), QT_TRANSLATE_NOOP("studio.ops", "Color"), F.convert_color,
           (ChoiceParam("space", QT_TRANSLATE_NOOP("studio.ops", "Space"), "HSV", ("HSV", "LAB", "YCrCb", "RGB")),)),
    OpSpec("resize", QT_TRANSLATE_NOOP("studio.ops", "Resize"), QT_TRANSLATE_NOOP("studio.ops", "Geometry"), F.resize,
           (FloatParam("scale", QT_TRANSLATE_NOOP("studio.ops", "Scale"), 0.5, 0.05, 4.0, 0.05),
            ChoiceParam("interpolation", QT_TRANSLATE_NOOP("studio.ops", "Interpolation"), "area", ("area", "linear", "cubic", "nearest")))),
    OpSpec("gaussian_blur", QT_TRANSLATE_NOOP("studio.ops", "Gaussian blur"), QT_TRANSLATE_NOOP("studio.ops", "Filters"), F.gaussian_blur,
           (IntParam("ksize", QT_TRANSLATE_NOOP("studio.ops", "Kernel size"), 5, 1, 99, 2, odd=True),
            FloatParam("sigma", QT_TRANSLATE_NOOP("studio.ops", "Sigma (0 = from size)"), 0.0, 0.0, 50.0, 0.1))),
    OpSpec("median_blur", QT_TRANSLATE_NOOP("studio.ops", "Median blur"), QT_TRANSLATE_NOOP("studio.ops", "Filters"), F.median_blur,
           (IntParam("ksize", QT_TRANSLATE_NOOP("studio.ops", "Kernel size"), 5, 3, 99, 2, odd=True),)),
    OpSpec("bilateral", QT_TRANSLATE_NOOP("studio.ops", "Bilateral filter"), QT_TRANSLATE_NOOP("studio.ops", "Filters"), F.bilateral,
           (IntParam("diameter", QT_TRANSLATE_NOOP("studio.ops", "Diameter"), 9, 1, 31),
            FloatParam("sigma_color", QT_TRANSLATE_NOOP("studio.ops", "Sigma color"), 75.0, 1.0, 250.0, 1.0),
            FloatParam("sigma_space", QT_TRANSLATE_NOOP("studio.ops", "Sigma space"), 75.0, 1.0, 250.0, 1.0))),
    OpSpec("brightness_contrast", QT_TRANSLATE_NOOP("studio.ops", "Brightness / contrast"), QT_TRANSLATE_NOOP("studio.ops", "Tone"), F.brightness_contrast,
           (FloatParam("contrast", QT_TRANSLATE_NOOP("studio.ops", "Contrast"), 1.0, 0.0, 5.0, 0.05),
            FloatParam("brightness", QT_TRANSLATE_NOOP("studio.ops", "Brightness"), 0.0, -255.0, 255.0, 1.0))),
    OpSpec("gamma", QT_TRANSLATE_NOOP("studio.ops", "Gamma"), QT_TRANSLATE_NOOP("studio.ops", "Tone"), F.gamma,
           (FloatParam("gamma_value", QT_TRANSLATE_NOOP("studio.ops", "Gamma"), 1.0, 0.05, 8.0, 0.05),)),
    OpSpec("equalize_hist", QT_TRANSLATE_NOOP("studio.ops", "Histogram equalization"), QT_TRANSLATE_NOOP("studio.ops", "Tone"), F.equalize_hist),
    OpSpec("clahe", QT_TRANSLATE_NOOP("studio.ops", "CLAHE"), QT_TRANSLATE_NOOP("studio.ops", "Tone"), F.clahe,
           (FloatParam("clip_limit", QT_TRANSLATE_NOOP("studio.ops", "Clip limit"), 2.0, 0.1, 40.0, 0.1),
            IntParam("tiles", QT_TRANSLATE_NOOP("studio.ops", "Tiles per side"), 8, 1, 64))),
    OpSpec("unsharp_mask", QT_TRANSLATE_NOOP("studio.ops", "Unsharp mask"), QT_TRANSLATE_NOOP("studio.ops", "Filters"), F.unsharp_mask,
           (FloatParam("sigma", QT_TRANSLATE_NOOP("studio.ops", "Radius (sigma)"), 2.0, 0.1, 50.0, 0.1),
            FloatParam("amount", QT_TRANSLATE_NOOP("studio.ops", "Amount"), 1.0, 0.0, 10.0, 0.1))),
    OpSpec("threshold", QT_TRANSLATE_NOOP("studio.ops", "Threshold (manual)"), QT_TRANSLATE_NOOP("studio.ops", "Threshold"), F.threshold,
           (IntParam("value", QT_TRANSLATE_NOOP("studio.ops", "Threshold"), 128, 0, 255), _invert()), produces_mask=True),
    OpSpec("auto_threshold", QT_TRANSLATE_NOOP("studio.ops", "Threshold (automatic)"), QT_TRANSLATE_NOOP("studio.ops", "Threshold"), F.auto_threshold,
           (ChoiceParam("method", QT_TRANSLATE_NOOP("studio.ops", "Method"), "Otsu",
                        IMAGEJ_METHODS + LEGACY_THRESHOLDS, IMAGEJ_METHODS + LEGACY_LABELS), _invert(),
            BoolParam("ignore_black", QT_TRANSLATE_NOOP("studio.ops", "Ignore black (0)"), False),
            BoolParam("ignore_white", QT_TRANSLATE_NOOP("studio.ops", "Ignore white (255)"), False)),
           produces_mask=True),
    OpSpec("adaptive_threshold", QT_TRANSLATE_NOOP("studio.ops", "Threshold (adaptive)"), QT_TRANSLATE_NOOP("studio.ops", "Threshold"), F.adaptive_threshold,
           (ChoiceParam("method", QT_TRANSLATE_NOOP("studio.ops", "Local mean"), "gaussian", ("mean", "gaussian")),
            IntParam("block_size", QT_TRANSLATE_NOOP("studio.ops", "Block size"), 31, 3, 255, 2, odd=True),
            FloatParam("c", QT_TRANSLATE_NOOP("studio.ops", "Offset C"), 5.0, -100.0, 100.0, 0.5), _invert()), produces_mask=True),
    OpSpec("color_range", QT_TRANSLATE_NOOP("studio.ops", "Color range"), QT_TRANSLATE_NOOP("studio.ops", "Threshold"), F.color_range,
           (ChoiceParam("space", QT_TRANSLATE_NOOP("studio.ops", "Space"), "HSV", ("HSV", "RGB")),
            IntParam("lo0", QT_TRANSLATE_NOOP("studio.ops", "Channel 1 min"), 0, 0, 255), IntParam("hi0", QT_TRANSLATE_NOOP("studio.ops", "Channel 1 max"), 255, 0, 255),
            IntParam("lo1", QT_TRANSLATE_NOOP("studio.ops", "Channel 2 min"), 0, 0, 255), IntParam("hi1", QT_TRANSLATE_NOOP("studio.ops", "Channel 2 max"), 255, 0, 255),
            IntParam("lo2", QT_TRANSLATE_NOOP("studio.ops", "Channel 3 min"), 0, 0, 255), IntParam("hi2", QT_TRANSLATE_NOOP("studio.ops", "Channel 3 max"), 255, 0, 255),
            _invert()), produces_mask=True),
    OpSpec("morphology", QT_TRANSLATE_NOOP("studio.ops", "Morphology"), QT_TRANSLATE_NOOP("studio.ops", "Morphology"), F.morphology,
           (ChoiceParam("operation", QT_TRANSLATE_NOOP("studio.ops", "Operation"), "open",
                        ("erode", "dilate", "open", "close", "gradient", "tophat", "blackhat")),
            ChoiceParam("shape", QT_TRANSLATE_NOOP("studio.ops", "Kernel shape"), "ellipse", ("rect", "ellipse", "cross")),
            IntParam("ksize", QT_TRANSLATE_NOOP("studio.ops", "Kernel size"), 5, 1, 99),
            IntParam("iterations", QT_TRANSLATE_NOOP("studio.ops", "Iterations"), 1, 1, 20))),
    OpSpec("canny", QT_TRANSLATE_NOOP("studio.ops", "Canny edges"), QT_TRANSLATE_NOOP("studio.ops", "Edges"), F.canny,
           (FloatParam("low", QT_TRANSLATE_NOOP("studio.ops", "Low threshold"), 50.0, 0.0, 1000.0, 1.0),
            FloatParam("high", QT_TRANSLATE_NOOP("studio.ops", "High threshold"), 150.0, 0.0, 1000.0, 1.0),
            ChoiceParam("aperture", QT_TRANSLATE_NOOP("studio.ops", "Aperture"), "3", ("3", "5", "7")),
            BoolParam("l2_gradient", QT_TRANSLATE_NOOP("studio.ops", "L2 gradient"), False)), produces_mask=True),
    OpSpec("invert", QT_TRANSLATE_NOOP("studio.ops", "Invert"), QT_TRANSLATE_NOOP("studio.ops", "Tone"), F.invert),
)


def register_builtin_ops(registry: Registry) -> None:
    """Put the built-in operations into the registry (once)."""
    for spec in BUILTIN_OPS:
        if spec.name not in registry.names("op"):
            registry.add("op", spec.name, spec)
