"""Small pyqtgraph helpers shared by the insight tabs: white plots, labeled bars, heat maps."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PyQt6.QtWidgets import QWidget

PALETTE = ("#2471a3", "#c0392b", "#27ae60", "#d68910", "#8e44ad", "#17a589", "#7f8c8d", "#cb4335")


def plot_widget(parent: QWidget, title: str, left: str = "", bottom: str = "") -> pg.PlotWidget:
    """A white, non-zoomable-by-accident plot with axis titles."""
    w = pg.PlotWidget(parent)
    w.setBackground("w")
    w.setMenuEnabled(False)
    w.setTitle(title, color="#333", size="10pt")
    if left:
        w.setLabel("left", left)
    if bottom:
        w.setLabel("bottom", bottom)
    w.showGrid(x=False, y=True, alpha=0.25)
    w.setMinimumHeight(180)
    return w


def bars(plot: pg.PlotWidget, labels: Sequence[str], series: Sequence[tuple[str, Sequence[float]]]) -> None:
    """Grouped vertical bars, one group per label, one colour per series (named in the title
    by the caller: a legend would cover the bars)."""
    plot.clear()
    n = max(len(series), 1)
    width = 0.8 / n
    for k, (_name, values) in enumerate(series):
        x = np.arange(len(labels)) - 0.4 + width * (k + 0.5)
        plot.addItem(pg.BarGraphItem(x=x, height=np.asarray(values, float), width=width * 0.95,
                                     brush=PALETTE[k % len(PALETTE)]))
    plot.getAxis("bottom").setTicks([list(enumerate(labels))])
    plot.setXRange(-0.6, len(labels) - 0.4, padding=0)


def heat_map(plot: pg.PlotWidget, counts: np.ndarray) -> None:
    """Counts on the unit square (row = y from the top), as an image with a colour map."""
    plot.clear()
    img = pg.ImageItem(np.asarray(counts, float).T)  # ImageItem is (x, y)
    img.setColorMap(pg.colormap.get("viridis"))
    img.setRect(0, 0, 1, 1)
    plot.addItem(img)
    plot.invertY(True)
    plot.setXRange(0, 1, padding=0)
    plot.setYRange(0, 1, padding=0)
    plot.setMouseEnabled(x=False, y=False)
