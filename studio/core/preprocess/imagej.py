"""ImageJ's 16 automatic threshold methods, giving exactly ImageJ's numbers.

A port of ``ij.process.AutoThresholder`` (ImageJ 1.53t; G. Landini's Auto_Threshold) to numpy.
Each method takes a 256-bin histogram and returns ImageJ's threshold ``t``; the foreground is
the pixels above ``t``. Sums run in ImageJ's order (``np.cumsum`` is sequential), and the few
places where ImageJ sums in 32-bit integers wrap as Java does, so even a 12 MP image gets
ImageJ's answer. Tested against the real ImageJ on many histograms
(``tests/fixtures/imagej``).

Where ImageJ's algorithm fails (a histogram that never becomes bimodal for Intermodes or
Minimum, for example) ImageJ logs it and returns 0; ``imagej_threshold`` returns 0 too and
says it failed.

Like ``functions``, this module needs only numpy: exported scripts carry its source.
"""

import math

import numpy as np

IMAGEJ_METHODS = ("Default", "Huang", "Intermodes", "IsoData", "Li", "MaxEntropy", "Mean", "MinError",
                  "Minimum", "Moments", "Otsu", "Percentile", "RenyiEntropy", "Shanbhag", "Triangle", "Yen")
_EPS = 2.220446049250313e-16  # DBL_EPSILON, as ImageJ writes it
_DBL_MIN = 4.9e-324  # Java's Double.MIN_VALUE: the smallest positive double
_DBL_MAX = 1.7976931348623157e308


def imagej_threshold(hist, method, ignore_black=False, ignore_white=False):
    """``(threshold, failed)`` for a 256-bin histogram, as ImageJ's ``getThreshold`` gives it.

    ``ignore_black``/``ignore_white`` empty bin 0 or 255 first, like Fiji's Auto Threshold.
    An empty histogram (nothing left to threshold) gives ``(0, True)``.
    """
    data = np.asarray(hist, dtype=np.int64).reshape(-1)
    if data.shape != (256,):
        raise ValueError("ImageJ thresholds need a 256-bin histogram")
    data = data.copy()
    if ignore_black:
        data[0] = 0
    if ignore_white:
        data[255] = 0
    if method not in _METHODS:
        raise ValueError(f"unknown ImageJ threshold method {method!r}")
    if not data.any():
        return 0, True
    with np.errstate(all="ignore"):
        raw = int(_METHODS[method](data))
    return (0, True) if raw == -1 else (raw, False)


def gray_histogram(gray):
    """The 256-bin histogram of an 8-bit gray image."""
    return np.bincount(np.asarray(gray, np.uint8).ravel(), minlength=256).astype(np.int64)


def _java_int(x):
    """Java's ``(int)`` cast of a double: truncate toward zero, NaN is 0, clamp to int range."""
    x = float(x)
    if x != x:
        return 0
    if x >= 2147483647.0:
        return 2147483647
    if x <= -2147483648.0:
        return -2147483648
    return int(x)


def _wrap32(v):
    """A Java ``int`` result: the value modulo 2**32 as a signed 32-bit number."""
    return (v + 2 ** 31) % 2 ** 32 - 2 ** 31


def _seq_sum(values):
    """A sequential (left-to-right) sum, as a Java loop adds."""
    return float(np.cumsum(values)[-1]) if len(values) else 0.0


def _first_last(data):
    nonzero = np.flatnonzero(data)
    return int(nonzero[0]), int(nonzero[-1])


def _cumulative(data):
    norm = data / float(_seq_sum(data.astype(np.float64)))
    p1 = np.cumsum(norm)
    return norm, p1, 1.0 - p1


def _entropy_bins(p1, p2):
    """MaxEntropy's first and last bins: where P1 (P2) is not zero within DBL_EPSILON."""
    first = next((i for i in range(256) if not abs(p1[i]) < _EPS), 0)
    last = next((i for i in range(255, first - 1, -1) if not abs(p2[i]) < _EPS), 255)
    return first, last


def _row_sums(matrix):
    """Each row summed left to right."""
    return np.cumsum(matrix, axis=1)[:, -1]


def _scan_min(values, start):
    """A strict ``<`` scan from ``start``: the index where it last improved, or -1 (NaN never wins)."""
    best, index = start, -1
    for i, v in enumerate(values.tolist()):
        if v < best:
            best, index = v, i
    return index


def _huang(data):
    first, last = _first_last(data)
    term = np.float64(1.0) / np.float64(last - first)
    ih = np.arange(256, dtype=np.float64)
    mu_0 = np.zeros(256)
    mu_0[first:] = np.cumsum(ih[first:] * data[first:]) / np.cumsum(data[first:].astype(np.float64))
    mu_1 = np.zeros(256)
    back = np.arange(last, 0, -1)
    mu_1[back - 1] = np.cumsum(back * data[back].astype(np.float64)) / np.cumsum(data[back].astype(np.float64))
    lower = ih[None, :] <= ih[:, None]  # [it, ih]: the background side of threshold it
    mu = np.where(lower, mu_0[:, None], mu_1[:, None])
    mu_x = 1.0 / (1.0 + term * np.abs(ih[None, :] - mu))
    terms = data[None, :] * (-mu_x * np.log(mu_x) - (1.0 - mu_x) * np.log(1.0 - mu_x))
    ent = _row_sums(np.where((mu_x < 1e-06) | (mu_x > 0.999999), 0.0, terms))
    return _scan_min(ent, _DBL_MAX)


def _bimodal(y):
    inner = y[1:-1]
    return int(np.count_nonzero((y[:-2] < inner) & (y[2:] < inner))) == 2


def _smooth(y):
    padded = np.concatenate(([0.0], y, [0.0]))
    return (padded[:-2] + padded[1:-1] + padded[2:]) / 3


def _intermodes(data):
    first, last = _first_last(data)
    hist = data[first:last + 1].astype(np.float64)
    for _ in range(10001):
        if _bimodal(hist):
            inner = hist[1:-1]
            modes = np.flatnonzero((hist[:-2] < inner) & (hist[2:] < inner)) + 1
            return int(math.floor(int(modes.sum()) / 2.0)) + first
        hist = _smooth(hist)
    return -1


def _isodata(data):
    above = np.flatnonzero(data[1:])
    g = int(above[0]) + 2 if len(above) else 0
    while True:
        low = data[:g]
        totl = _wrap32(int(low.sum()))
        lsum = _wrap32(int((low * np.arange(g)).sum()))
        high = data[g + 1:]
        toth = float(high.sum())
        h = float((high * np.arange(g + 1, 256)).sum())
        if totl > 0 and toth > 0:
            mean_low = abs(lsum) // totl * (1 if lsum >= 0 else -1)  # Java's int division truncates
            if g == math.floor((mean_low + h / toth) / 2.0 + 0.5):
                return g
        g += 1
        if g > 254:
            return -1


def _default(data):
    data2 = data.copy()
    mode = int(np.argmax(data2))
    max_count = int(data2[mode])
    others = np.delete(data2, mode)
    max_count2 = max(0, int(others.max()))
    if max_count > max_count2 * 2 and max_count2 != 0:
        data2[mode] = _java_int(max_count2 * 1.5)
    return _ij_isodata(data2)


def _ij_isodata(data):
    data = data.copy()
    data[0] = data[255] = 0
    nonzero = np.flatnonzero(data)
    if len(nonzero) == 0 or nonzero[0] >= nonzero[-1]:
        return 128
    lo, hi = int(nonzero[0]), int(nonzero[-1])
    weighted = np.cumsum(np.arange(256) * data.astype(np.float64))
    counts = np.cumsum(data.astype(np.float64))
    moving = lo
    while True:
        sum1 = weighted[moving] - (weighted[lo - 1] if lo else 0.0)
        sum2 = counts[moving] - (counts[lo - 1] if lo else 0.0)
        sum3, sum4 = weighted[hi] - weighted[moving], counts[hi] - counts[moving]
        result = (sum1 / sum2 + sum3 / sum4) / 2.0
        moving += 1
        if not ((moving + 1) <= result and moving < hi - 1):
            break
    return 0 if result != result else int(math.floor(result + 0.5))


def _li(data):
    values = np.arange(256, dtype=np.float64)
    num_pixels = float(data.sum())
    weighted = np.cumsum(values * data)
    counts = np.cumsum(data.astype(np.float64))
    new_thresh = float(weighted[-1]) / num_pixels
    threshold = 0
    for _ in range(10000):
        old_thresh = new_thresh
        threshold = _java_int(old_thresh + 0.5)
        t = min(max(threshold, -1), 255)
        num_back = float(counts[t]) if t >= 0 else 0.0
        sum_back = float(weighted[t]) if t >= 0 else 0.0
        num_obj, sum_obj = float(counts[-1]) - num_back, float(weighted[-1]) - sum_back
        mean_back = 0.0 if num_back == 0 else sum_back / num_back
        mean_obj = 0.0 if num_obj == 0 else sum_obj / num_obj
        temp = float(np.float64(mean_back - mean_obj) / (np.log(np.float64(mean_back)) - np.log(np.float64(mean_obj))))
        new_thresh = float(_java_int(temp - 0.5) if temp < -_EPS else _java_int(temp + 0.5))
        if not abs(new_thresh - old_thresh) > 0.5:
            break
    return threshold


def _entropy_sides(norm, p1, p2, first, last, kind):
    """Background and object terms of threshold it (rows) for each bin (columns)."""
    it = np.arange(256)[:, None]
    ih = np.arange(256)[None, :]
    back_ratio = norm[None, :] / p1[:, None]
    obj_ratio = norm[None, :] / p2[:, None]
    if kind == "log":
        back = np.where((ih <= it) & (norm[None, :] != 0), back_ratio * np.log(back_ratio), 0.0)
        obj = np.where((ih > it) & (norm[None, :] != 0), obj_ratio * np.log(obj_ratio), 0.0)
        return -_row_sums(back), -_row_sums(obj)
    if kind == "sqrt":
        return (_row_sums(np.where(ih <= it, np.sqrt(back_ratio), 0.0)),
                _row_sums(np.where(ih > it, np.sqrt(obj_ratio), 0.0)))
    squares = norm * norm
    return (_row_sums(np.where(ih <= it, squares[None, :] / (p1 * p1)[:, None], 0.0)),
            _row_sums(np.where(ih > it, squares[None, :] / (p2 * p2)[:, None], 0.0)))


def _scan_max(total, first, last, start, initial):
    """Strict ``>`` scan over thresholds first..last: the first that beats ``start``."""
    best, threshold = start, initial
    for it in range(first, last + 1):
        if best < total[it]:
            best, threshold = float(total[it]), it
    return threshold


def _max_entropy(data):
    norm, p1, p2 = _cumulative(data)
    first, last = _entropy_bins(p1, p2)
    back, obj = _entropy_sides(norm, p1, p2, first, last, "log")
    return _scan_max(back + obj, first, last, _DBL_MIN, -1)


def _mean(data):
    return int(math.floor(_seq_sum(np.arange(256) * data.astype(np.float64)) / float(data.sum())))


def _min_error(data):
    counts = np.cumsum(data.astype(np.float64))
    i = np.arange(256, dtype=np.int64)
    first_moment = np.cumsum(_wrap32(i * data).astype(np.float64))
    second_moment = np.cumsum(_wrap32(i * i * data).astype(np.float64))

    def upto(arr, j):
        return 0.0 if j < 0 else float(arr[min(j, 255)])

    threshold, previous = _mean(data), -2
    for _ in range(10000):
        if threshold == previous:
            break
        a, b, c = upto(counts, threshold), upto(first_moment, threshold), upto(second_moment, threshold)
        a_all, b_all, c_all = upto(counts, 255), upto(first_moment, 255), upto(second_moment, 255)
        mu, nu = _div(b, a), _div(b_all - b, a_all - a)
        p, q = _div(a, a_all), _div(a_all - a, a_all)
        sigma2 = _div(c, a) - mu * mu
        tau2 = _div(c_all - c, a_all - a) - nu * nu
        w0 = _div(1.0, sigma2) - _div(1.0, tau2)
        w1 = _div(mu, sigma2) - _div(nu, tau2)
        log_ratio = float(np.log10(np.float64(_div(sigma2 * (q * q), tau2 * (p * p)))))
        w2 = _div(mu * mu, sigma2) - _div(nu * nu, tau2) + log_ratio
        sqterm = w1 * w1 - w0 * w2
        if sqterm < 0:
            return threshold
        previous = threshold
        temp = _div(w1 + math.sqrt(sqterm), w0) if sqterm == sqterm else float("nan")
        threshold = previous if temp != temp else _java_int(math.floor(temp) if math.isfinite(temp) else temp)
    return threshold


def _div(a, b):
    """Java's double division (x/0 is ±Infinity or NaN, never an error)."""
    return float(np.float64(a) / np.float64(b))


def _minimum(data):
    hist = data.astype(np.float64)
    for _ in range(10001):
        if _bimodal(hist):
            inner = hist[1:-1]
            hits = np.flatnonzero((hist[:-2] > inner) & (hist[2:] >= inner))
            return int(hits[0]) + 1 if len(hits) else -1
        hist = _smooth(hist)
    return -1


def _moments(data):
    total = float(data.sum())
    histo = data / total
    di = np.arange(256, dtype=np.float64)
    m0, m1 = 1.0, _seq_sum(di * histo)
    m2, m3 = _seq_sum(di * di * histo), _seq_sum(di * di * di * histo)
    cd = m0 * m2 - m1 * m1
    c0 = _div(-m2 * m2 + m1 * m3, cd)
    c1 = _div(m0 * -m3 + m2 * m1, cd)
    root = float(np.sqrt(np.float64(c1 * c1 - 4.0 * c0)))
    z0, z1 = 0.5 * (-c1 - root), 0.5 * (-c1 + root)
    p0 = _div(z1 - m1, z1 - z0)
    above = np.flatnonzero(np.cumsum(histo) > p0)
    return int(above[0]) if len(above) else -1


def _otsu(data):
    k = np.arange(256, dtype=np.float64)
    total_s, total_n = _seq_sum(k * data), float(data.sum())
    sk = np.cumsum(k * data)[1:255]
    n1 = np.cumsum(data.astype(np.float64))[1:255]
    denom = n1 * (total_n - n1)
    num = (n1 / total_n) * total_s - sk
    bcv = np.where(denom != 0, (num * num) / np.where(denom != 0, denom, 1.0), 0.0)
    best = np.flatnonzero(bcv >= bcv.max())
    return int(best[-1]) + 1 if len(best) else 0


def _percentile(data):
    total = _seq_sum(data.astype(np.float64))
    return _scan_min(np.abs(np.cumsum(data.astype(np.float64)) / total - 0.5), 1.0)


def _renyi_entropy(data):
    norm, p1, p2 = _cumulative(data)
    first, last = _entropy_bins(p1, p2)
    back, obj = _entropy_sides(norm, p1, p2, first, last, "log")
    t_star2 = _scan_max(back + obj, first, last, 0.0, 0)
    stars = [t_star2]
    for kind, term in (("sqrt", 1.0 / (1.0 - 0.5)), ("square", 1.0 / (1.0 - 2.0))):
        back, obj = _entropy_sides(norm, p1, p2, first, last, kind)
        product = back * obj
        total = term * np.where(product > 0.0, np.log(np.where(product > 0.0, product, 1.0)), 0.0)
        stars.append(_scan_max(total, first, last, 0.0, 0))
    t1, t2, t3 = stars[1], stars[0], stars[2]
    if t2 < t1:
        t1, t2 = t2, t1
    if t3 < t2:
        t2, t3 = t3, t2
    if t2 < t1:
        t1, t2 = t2, t1
    if abs(t1 - t2) <= 5:
        beta = (1, 2, 1) if abs(t2 - t3) <= 5 else (0, 1, 3)
    else:
        beta = (3, 1, 0) if abs(t2 - t3) <= 5 else (1, 2, 1)
    omega = float(p1[t3]) - float(p1[t1])
    value = (t1 * (float(p1[t1]) + 0.25 * omega * beta[0]) + 0.25 * t2 * omega * beta[1]
             + t3 * (float(p2[t3]) + 0.25 * omega * beta[2]))
    return _java_int(value)


def _shanbhag(data):
    norm, p1, p2 = _cumulative(data)
    first, last = _entropy_bins(p1, p2)
    it = np.arange(256)[:, None]
    ih = np.arange(256)[None, :]
    term_back = (0.5 / p1)[:, None]
    p1_before = np.concatenate(([0.0], p1[:-1]))[None, :]
    back = np.where((ih >= 1) & (ih <= it), norm[None, :] * np.log(1.0 - term_back * p1_before), 0.0)
    term_obj = (0.5 / p2)[:, None]
    obj = np.where(ih > it, norm[None, :] * np.log(1.0 - term_obj * p2[None, :]), 0.0)
    ent_back = -_row_sums(back) * term_back[:, 0]
    ent_obj = -_row_sums(obj) * term_obj[:, 0]
    found = _scan_min(np.abs(ent_back - ent_obj)[first:last + 1], _DBL_MAX)
    return first + found if found >= 0 else -1


def _triangle(data):
    data = data.copy()
    nonzero = np.flatnonzero(data)
    low = max(int(nonzero[0]) - 1, 0)
    high_candidates = nonzero[nonzero > 0]
    high = int(high_candidates[-1]) if len(high_candidates) else 0
    high = high + 1 if high < 255 else high
    peak = int(np.argmax(data))
    inverted = (peak - low) < (high - peak)
    if inverted:
        data = data[::-1].copy()
        low, peak = 255 - high, 255 - peak
    if low == peak:
        return low
    nx, ny = float(data[peak]), float(low - peak)
    d = math.sqrt(nx * nx + ny * ny)
    nx, ny = nx / d, ny / d
    d = nx * low + ny * float(data[low])
    split, split_distance = low, 0.0
    for i in range(low + 1, peak + 1):
        distance = nx * i + ny * float(data[i]) - d
        if distance > split_distance:
            split, split_distance = i, distance
    split -= 1
    return 255 - split if inverted else split


def _yen(data):
    norm, p1, _ = _cumulative(data)
    p1_sq = np.cumsum(norm * norm)
    tail = np.cumsum((norm * norm)[:0:-1])[::-1]  # P2_sq[ih] = sum of norm[ih+1:]**2, summed from 255 down
    p2_sq = np.concatenate((tail, [0.0]))
    first_part = p1_sq * p2_sq
    second_part = p1 * (1.0 - p1)
    crit = (-1.0 * np.where(first_part > 0.0, np.log(np.where(first_part > 0.0, first_part, 1.0)), 0.0)
            + 2 * np.where(second_part > 0.0, np.log(np.where(second_part > 0.0, second_part, 1.0)), 0.0))
    return _scan_max(crit, 0, 255, _DBL_MIN, -1)


_METHODS = {"Default": _default, "Huang": _huang, "Intermodes": _intermodes, "IsoData": _isodata, "Li": _li,
            "MaxEntropy": _max_entropy, "Mean": _mean, "MinError": _min_error, "Minimum": _minimum,
            "Moments": _moments, "Otsu": _otsu, "Percentile": _percentile, "RenyiEntropy": _renyi_entropy,
            "Shanbhag": _shanbhag, "Triangle": _triangle, "Yen": _yen}
