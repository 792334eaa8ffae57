"""The image operations themselves: plain functions of cv2 and numpy only.

This module imports nothing else on purpose: an exported pipeline script contains this
file's source verbatim, so the script and studio run the very same code and their
outputs are bit-identical. Every function takes an 8-bit image (BGR, or one channel for
gray images and masks) and returns a new one; it never changes its input.

Thresholds: foreground is ``value > t`` (255 in the mask), as in OpenCV, scikit-image and
ImageJ. The automatic methods named as ImageJ names them ("Otsu", "Huang", ...) give
ImageJ's numbers (see ``imagej``); the lower-case names of older pipelines keep their
scikit-image/OpenCV meaning.
"""

import cv2
import numpy as np

from studio.core.preprocess.imagej import IMAGEJ_METHODS, gray_histogram, imagej_threshold  # exported: inlined


def as_gray(img):
    """One channel: BGR is converted with OpenCV's weights, a mask is returned as is."""
    return img if img.ndim == 2 else cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)


def as_bgr(img):
    """Three channels (a gray image or mask is replicated)."""
    return cv2.cvtColor(img, cv2.COLOR_GRAY2BGR) if img.ndim == 2 else img


def grayscale(img):
    """Convert to one gray channel."""
    return as_gray(img)


def convert_color(img, space):
    """Show another color space's channels as BGR planes (HSV, LAB, YCrCb) or RGB order."""
    codes = {"HSV": cv2.COLOR_BGR2HSV, "LAB": cv2.COLOR_BGR2LAB, "YCrCb": cv2.COLOR_BGR2YCrCb,
             "RGB": cv2.COLOR_BGR2RGB}
    return cv2.cvtColor(as_bgr(img), codes[space])


def resize(img, scale, interpolation):
    """Scale by a factor (area interpolation is best for shrinking)."""
    modes = {"area": cv2.INTER_AREA, "linear": cv2.INTER_LINEAR, "cubic": cv2.INTER_CUBIC,
             "nearest": cv2.INTER_NEAREST}
    h, w = img.shape[:2]
    size = (max(1, int(round(w * scale))), max(1, int(round(h * scale))))
    return cv2.resize(img, size, interpolation=modes[interpolation])


def gaussian_blur(img, ksize, sigma):
    """Gaussian blur; ``ksize`` odd."""
    return cv2.GaussianBlur(img, (ksize, ksize), sigma)


def median_blur(img, ksize):
    """Median blur; ``ksize`` odd."""
    return cv2.medianBlur(img, ksize)


def bilateral(img, diameter, sigma_color, sigma_space):
    """Edge-preserving bilateral filter."""
    return cv2.bilateralFilter(img, diameter, sigma_color, sigma_space)


def brightness_contrast(img, contrast, brightness):
    """``saturate(contrast * img + brightness)``, like ImageJ's Brightness/Contrast."""
    return cv2.convertScaleAbs(img, alpha=contrast, beta=brightness)


def gamma(img, gamma_value):
    """Gamma correction through a 256-entry lookup table."""
    lut = np.clip(np.round(((np.arange(256) / 255.0) ** (1.0 / gamma_value)) * 255.0), 0, 255)
    return cv2.LUT(img, lut.astype(np.uint8))


def equalize_hist(img):
    """Histogram equalization (of the luma channel for color images)."""
    if img.ndim == 2:
        return cv2.equalizeHist(img)
    ycrcb = cv2.cvtColor(img, cv2.COLOR_BGR2YCrCb)
    ycrcb[..., 0] = cv2.equalizeHist(ycrcb[..., 0])
    return cv2.cvtColor(ycrcb, cv2.COLOR_YCrCb2BGR)


def clahe(img, clip_limit, tiles):
    """Contrast-limited adaptive histogram equalization (luma for color images)."""
    op = cv2.createCLAHE(clipLimit=clip_limit, tileGridSize=(tiles, tiles))
    if img.ndim == 2:
        return op.apply(img)
    lab = cv2.cvtColor(img, cv2.COLOR_BGR2LAB)
    lab[..., 0] = op.apply(lab[..., 0])
    return cv2.cvtColor(lab, cv2.COLOR_LAB2BGR)


def unsharp_mask(img, sigma, amount):
    """``img + amount * (img - blur(img))``, saturated."""
    blurred = cv2.GaussianBlur(img, (0, 0), sigma)
    return cv2.addWeighted(img, 1.0 + amount, blurred, -amount, 0)


def invert(img):
    """Photographic negative."""
    return cv2.bitwise_not(img)


def _mask(gray, t, invert_mask):
    """255 where ``gray > t`` (or ``<=`` when inverted), else 0."""
    mask = np.where(gray > t, 255, 0).astype(np.uint8)
    return cv2.bitwise_not(mask) if invert_mask else mask


def _int_hist(gray):
    """Counts of every gray value from the image's min to its max, and those values."""
    lo, hi = int(gray.min()), int(gray.max())
    hist = np.bincount((gray.ravel() - lo).astype(np.intp), minlength=hi - lo + 1)
    return hist, np.arange(lo, hi + 1)


def threshold_of(gray, method, ignore_black=False, ignore_white=False):
    """``(threshold, failed)`` a named method picks for a gray uint8 image (foreground ``> t``).

    ImageJ's methods never raise: where ImageJ's algorithm fails the threshold is 0, as in
    ImageJ, and ``failed`` is true. ``ignore_black``/``ignore_white`` leave pixels at 0 or
    255 out of the histogram (Fiji's options); they are still thresholded.
    """
    if method in IMAGEJ_METHODS:
        t, failed = imagej_threshold(gray_histogram(gray), method, ignore_black, ignore_white)
        return float(t), failed
    keep = np.ones(gray.shape, bool)
    if ignore_black:
        keep &= gray != 0
    if ignore_white:
        keep &= gray != 255
    if not keep.all():
        if not keep.any():
            return 0.0, True
        gray = np.ascontiguousarray(gray[keep]).reshape(1, -1)
    return _legacy_threshold_value(gray, method), False


def auto_threshold_value(gray, method, ignore_black=False, ignore_white=False):
    """The threshold a named method picks for a gray uint8 image (foreground is ``> t``)."""
    return threshold_of(gray, method, ignore_black, ignore_white)[0]


def _legacy_threshold_value(gray, method):
    """The scikit-image/OpenCV variants older pipelines name in lower case."""
    if method == "otsu":
        return float(cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)[0])
    if method == "triangle":
        return float(cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_TRIANGLE)[0])
    if method == "mean":
        return float(np.mean(gray))
    hist, centers = _int_hist(gray)
    if len(centers) == 1:
        return float(centers[0])
    if method == "yen":
        pmf = hist / hist.sum()
        p1 = np.cumsum(pmf)
        p1_sq = np.cumsum(pmf ** 2)
        p2_sq = np.cumsum((pmf ** 2)[::-1])[::-1]
        with np.errstate(divide="ignore", invalid="ignore"):
            crit = np.log(((p1_sq[:-1] * p2_sq[1:]) ** -1) * (p1[:-1] * (1.0 - p1[:-1])) ** 2)
        return float(centers[np.nanargmax(crit)])
    if method == "isodata":
        hist = hist.astype(np.float32)
        csuml = np.cumsum(hist)
        csumh = csuml[-1] - csuml
        csum_int = np.cumsum(hist * centers)
        with np.errstate(divide="ignore", invalid="ignore"):
            lower = csum_int[:-1] / csuml[:-1]
            higher = (csum_int[-1] - csum_int[:-1]) / csumh[:-1]
        all_mean = (lower + higher) / 2.0
        dist = all_mean - centers[:-1]
        hits = centers[:-1][(dist >= 0) & (dist < 1)]
        return float(hits[0]) if len(hits) else float(centers[0])
    if method == "li":
        return _li(hist, centers)
    if method == "minimum":
        return _minimum(hist, centers)
    raise ValueError(f"unknown threshold method {method!r}")


def _li(hist, centers):
    """Li's minimum cross-entropy threshold, iterated on the histogram."""
    lo = float(centers[0])
    values = centers.astype(np.float64) - lo
    hist = hist.astype(np.float64)
    tolerance = 0.5
    t_next = float(np.sum(values * hist) / np.sum(hist))
    t_curr = -2 * tolerance
    while abs(t_next - t_curr) > tolerance:
        t_curr = t_next
        fore = values > t_curr
        back = ~fore
        mean_fore = np.average(values[fore], weights=hist[fore])
        mean_back = np.average(values[back], weights=hist[back])
        if mean_back == 0:
            break
        t_next = (mean_back - mean_fore) / (np.log(mean_back) - np.log(mean_fore))
    return float(t_next + lo)


def _minimum(hist, centers):
    """The valley between the two peaks of the histogram, smoothed until it has two."""
    smooth = hist.astype(np.float64)
    peaks = []
    for _ in range(10000):
        padded = np.pad(smooth, 1, mode="symmetric")
        smooth = (padded[:-2] + padded[1:-1] + padded[2:]) / 3.0
        peaks = []
        rising = True
        for i in range(len(smooth) - 1):
            if rising and smooth[i + 1] < smooth[i]:
                rising = False
                peaks.append(i)
            elif not rising and smooth[i + 1] > smooth[i]:
                rising = True
        if len(peaks) < 3:
            break
    if len(peaks) != 2:
        raise ValueError("the histogram does not have two peaks; Minimum cannot be used here")
    valley = int(np.argmin(smooth[peaks[0]:peaks[1] + 1]))
    return float(centers[peaks[0] + valley])


def threshold(img, value, invert_mask):
    """Global threshold at ``value`` (foreground ``> value``)."""
    return _mask(as_gray(img), value, invert_mask)


def auto_threshold(img, method, invert_mask, ignore_black=False, ignore_white=False):
    """Threshold at the value a method picks for this image."""
    gray = as_gray(img)
    return _mask(gray, auto_threshold_value(gray, method, ignore_black, ignore_white), invert_mask)


def adaptive_threshold(img, method, block_size, c, invert_mask):
    """Local threshold: ``value > local mean (or Gaussian mean) - c``; ``block_size`` odd > 1."""
    kind = cv2.ADAPTIVE_THRESH_MEAN_C if method == "mean" else cv2.ADAPTIVE_THRESH_GAUSSIAN_C
    mode = cv2.THRESH_BINARY_INV if invert_mask else cv2.THRESH_BINARY
    return cv2.adaptiveThreshold(as_gray(img), 255, kind, mode, block_size, c)


def color_range(img, space, lo0, hi0, lo1, hi1, lo2, hi2, invert_mask):
    """255 where every channel lies in its ``[lo, hi]`` range (in RGB or HSV)."""
    bgr = as_bgr(img)
    conv = cv2.cvtColor(bgr, cv2.COLOR_BGR2HSV) if space == "HSV" else cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)
    mask = cv2.inRange(conv, np.array([lo0, lo1, lo2], np.uint8), np.array([hi0, hi1, hi2], np.uint8))
    return cv2.bitwise_not(mask) if invert_mask else mask


def morphology(img, operation, shape, ksize, iterations):
    """Erode, dilate, open, close, gradient, top-hat or black-hat with a kernel shape and size."""
    ops = {"erode": cv2.MORPH_ERODE, "dilate": cv2.MORPH_DILATE, "open": cv2.MORPH_OPEN,
           "close": cv2.MORPH_CLOSE, "gradient": cv2.MORPH_GRADIENT, "tophat": cv2.MORPH_TOPHAT,
           "blackhat": cv2.MORPH_BLACKHAT}
    shapes = {"rect": cv2.MORPH_RECT, "ellipse": cv2.MORPH_ELLIPSE, "cross": cv2.MORPH_CROSS}
    kernel = cv2.getStructuringElement(shapes[shape], (ksize, ksize))
    return cv2.morphologyEx(img, ops[operation], kernel, iterations=iterations)


def canny(img, low, high, aperture, l2_gradient):
    """Canny edges (a mask); ``aperture`` is 3, 5 or 7."""
    return cv2.Canny(as_gray(img), low, high, apertureSize=int(aperture), L2gradient=l2_gradient)
