"""ImageJ's "Try all": every automatic threshold method's result on the current image at once.

A 4 x 4 montage of masks, each tile labeled with its method and threshold; clicking a tile
uses that method. It is computed off the GUI thread, first from a reduced copy of the image
(on screen within a fraction of a second even for a 12 MP photo), then at full resolution.
"""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np
from PyQt6.QtCore import QSize, Qt, pyqtSignal
from PyQt6.QtGui import QIcon, QImage, QPixmap
from PyQt6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from studio.core.preprocess.functions import as_gray
from studio.core.preprocess.imagej import IMAGEJ_METHODS
from studio.core.preprocess.thresholds import Thresholds, thresholds_of, try_all_masks
from studio.ui.background import CallError, run_call

TILE_PX = 230  # the longer side of a tile
REDUCED_PX = 800  # the longer side of the quick first pass


def shrink(img: np.ndarray, longest: int = REDUCED_PX) -> np.ndarray:
    """``img`` with its longer side at most ``longest`` pixels (area interpolation)."""
    h, w = img.shape[:2]
    f = longest / max(h, w)
    if f >= 1.0:
        return img
    return cv2.resize(img, (max(1, round(w * f)), max(1, round(h * f))), interpolation=cv2.INTER_AREA)


def montage_pass(make_input: Callable[[], np.ndarray], ignore_black: bool, ignore_white: bool
                 ) -> tuple[Thresholds, dict[str, np.ndarray], tuple[int, int]]:
    """One pass (on a worker thread): every ImageJ method's threshold and its mask as a tile."""
    gray = as_gray(make_input())
    h, w = gray.shape[:2]
    f = TILE_PX / max(h, w)
    tile = (max(1, round(w * f)), max(1, round(h * f)))
    found = thresholds_of(gray, IMAGEJ_METHODS, ignore_black, ignore_white)
    return found, try_all_masks(gray, found, tile), (w, h)


def _gray_pixmap(mask: np.ndarray) -> QPixmap:
    mask = np.ascontiguousarray(mask)
    h, w = mask.shape
    return QPixmap.fromImage(QImage(mask.data, w, h, int(mask.strides[0]), QImage.Format.Format_Grayscale8).copy())


class TryAllDialog(QDialog):
    """The montage; ``method_chosen(name)`` when a tile is clicked."""

    method_chosen = pyqtSignal(str)
    pass_shown = pyqtSignal(bool)  # True once the full-resolution pass is on screen

    def __init__(self, reduced_input: Callable[[], np.ndarray], full_input: Callable[[], np.ndarray],
                 ignore_black: bool = False, ignore_white: bool = False, current: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Try All Thresholds"))
        self.setObjectName("try_all_dialog")
        self.current = current
        self.result: Thresholds | None = None
        self.full = False
        self.status = QLabel(self.tr("Computing every method…"), self)
        grid = QGridLayout()
        grid.setSpacing(6)
        self.tiles: dict[str, QToolButton] = {}
        for k, method in enumerate(IMAGEJ_METHODS):
            tile = QToolButton(self)
            tile.setObjectName(f"tile_{method}")
            tile.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            tile.setIconSize(QSize(TILE_PX, TILE_PX))
            tile.setMinimumSize(TILE_PX + 12, 90)
            tile.setAutoRaise(True)
            tile.setCheckable(True)
            tile.setChecked(method == current)
            tile.setText(method)
            tile.setToolTip(self.tr("Use {0} for the automatic threshold").format(method))
            tile.clicked.connect(lambda _c, m=method: self._choose(m))
            grid.addWidget(tile, k // 4, k % 4)
            self.tiles[method] = tile
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Foreground (white) is the pixels above each method's threshold, as in ImageJ. "
                              "Click a result to use its method."), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addLayout(grid)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self._full_input = full_input
        self._flags = (ignore_black, ignore_white)
        run_call(lambda: montage_pass(reduced_input, *self._flags), lambda r: self._show(r, False), self._failed)

    def _show(self, result: tuple[Thresholds, dict[str, np.ndarray], tuple[int, int]], full: bool) -> None:
        found, masks, (w, h) = result
        self.result, self.full = found, full
        failed = set(found.failed)
        for method, tile in self.tiles.items():
            tile.setIcon(QIcon(_gray_pixmap(masks[method])))
            value = int(found.values[method])
            tile.setText(self.tr("{0}: failed (0)").format(method) if method in failed
                         else f"{method}: {value}")
        if full:
            self.status.setText(self.tr("Full resolution ({0} × {1}).").format(w, h))
        else:
            self.status.setText(self.tr("Quick pass at {0} × {1}; full resolution follows…").format(w, h))
            run_call(lambda: montage_pass(self._full_input, *self._flags), lambda r: self._show(r, True),
                     self._failed)
        self.pass_shown.emit(full)

    def _failed(self, error: CallError) -> None:
        self.status.setText(self.tr("Could not compute the thresholds: {0}").format(error.message))

    def _choose(self, method: str) -> None:
        for name, tile in self.tiles.items():
            tile.setChecked(name == method)
        self.current = method
        self.method_chosen.emit(method)
