"""Live histogram (pyqtgraph): gray and B/G/R, linear or log counts, threshold lines."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import pyqtSignal
from PyQt6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

_PENS = (("gray", (230, 230, 230)), ("blue", (80, 140, 255)), ("green", (80, 220, 120)),
         ("red", (255, 90, 90)))


class HistogramPanel(QWidget):
    """Shows exact 256-bin histograms; a draggable line edits the manual threshold."""

    threshold_dragged = pyqtSignal(int)
    region_changed = pyqtSignal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = pg.PlotWidget(self)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.setXRange(0, 255, padding=0.01)
        self.plot.showGrid(x=True, y=False, alpha=0.2)
        self.curves = [self.plot.plot(pen=pg.mkPen(color, width=1.5), name=name) for name, color in _PENS]
        self.line = pg.InfiniteLine(angle=90, movable=True, pen=pg.mkPen((255, 210, 0), width=2))
        self.line.setBounds((0, 255))
        self.line.hide()
        self.plot.addItem(self.line)
        self.channels = QComboBox(self)
        self.channels.addItems([self.tr("Gray"), self.tr("Gray + R, G, B")])
        self.log = QCheckBox(self.tr("Log counts"), self)
        self.value_label = QLabel(self)
        self.region = QComboBox(self)
        self.region.addItems([self.tr("Whole image"), self.tr("Visible region"),
                              self.tr("Drawn region (Shift+drag)")])
        row = QHBoxLayout()
        row.addWidget(self.channels)
        row.addWidget(self.region)
        row.addWidget(self.log)
        row.addWidget(self.value_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.plot, 1)
        layout.addLayout(row)
        self._hist: np.ndarray | None = None
        self.channels.currentIndexChanged.connect(lambda _i: self._draw())
        self.log.toggled.connect(lambda _b: self._draw())
        self.region.currentIndexChanged.connect(lambda _i: self.region_changed.emit())
        self.line.sigDragged.connect(lambda line: self.threshold_dragged.emit(int(round(line.value()))))

    @property
    def visible_region_only(self) -> bool:
        """True when the histogram should count only the visible part of the image."""
        return self.region.currentIndex() == 1

    def set_histogram(self, hist: np.ndarray | None) -> None:
        """New counts: (1, 256) or (4, 256)."""
        self._hist = hist
        self._draw()

    def set_threshold(self, value: float | None, movable: bool = True, failed_method: str = "") -> None:
        """Show a threshold line (``None`` hides it); movable only for the manual threshold.
        ``failed_method`` names an automatic method that found no threshold (ImageJ then uses 0)."""
        if value is None:
            self.line.hide()
            self.value_label.clear()
            return
        if failed_method:
            self.value_label.setText(self.tr("{0} found no threshold here; t = 0, as in ImageJ").format(failed_method))
            self.value_label.setStyleSheet("color: #d04040;")
        else:
            self.value_label.setText(self.tr("t = {0:g} (foreground > t)").format(round(float(value), 2)))
            self.value_label.setStyleSheet("")
        self.line.setMovable(movable)
        if not self.line.moving:
            self.line.setValue(float(value))
        self.line.show()

    def _draw(self) -> None:
        hist = self._hist
        x = np.arange(257)
        for i, curve in enumerate(self.curves):
            show = hist is not None and i < len(hist) and (i == 0 or self.channels.currentIndex() == 1)
            if not show:
                curve.setData([], [])
                continue
            y = np.log1p(hist[i]) if self.log.isChecked() else hist[i]
            curve.setData(x, y, stepMode="center")
