"""ImageJ's "Try all": every automatic threshold method's result on the current image at once.

A 4 x 4 montage of masks, each tile labeled with its method and threshold; clicking a tile
uses that method. It is computed off the GUI thread, first from a reduced copy of the image
(on screen within a fraction of a second even for a 12 MP photo), then at full resolution.
"""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np
from PyQt6.QtCore import Qt, pyqtSignal
from PyQt6.QtGui import QImage, QMouseEvent, QPixmap
from PyQt6.QtWidgets import QDialog, QDialogButtonBox, QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

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


class Tile(QFrame):
    """One method's result: the mask above its caption; a click chooses it."""

    clicked = pyqtSignal()

    def __init__(self, method: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"tile_{method}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.image = QLabel(self)
        self.image.setFixedSize(TILE_PX, TILE_PX * 3 // 4)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = QLabel(method, self)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.image)
        layout.addWidget(self.caption)
        self._checked = False
        self.setChecked(False)

    def setChecked(self, on: bool) -> None:  # noqa: N802 - reads like Qt's own buttons
        """Frame the tile of the method in use."""
        self._checked = on
        self.setStyleSheet("Tile { border: 3px solid #2f7bd9; border-radius: 4px; }" if on
                           else "Tile { border: 3px solid transparent; }")

    def isChecked(self) -> bool:  # noqa: N802
        """True for the method in use."""
        return self._checked

    def text(self) -> str:
        """The caption: method and threshold."""
        return self.caption.text()

    def set_result(self, pixmap: QPixmap, caption: str) -> None:
        """Show a mask and its caption."""
        self.image.setPixmap(pixmap.scaled(self.image.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation))
        self.caption.setText(caption)

    def has_image(self) -> bool:
        """True once a mask is shown."""
        return self.image.pixmap() is not None and not self.image.pixmap().isNull()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """A click chooses this method."""
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


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
        self.tiles: dict[str, Tile] = {}
        for k, method in enumerate(IMAGEJ_METHODS):
            tile = Tile(method, self)
            tile.setChecked(method == current)
            tile.setToolTip(self.tr("Use {0} for the automatic threshold").format(method))
            tile.clicked.connect(lambda m=method: self._choose(m))
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
            value = int(found.values[method])
            tile.set_result(_gray_pixmap(masks[method]), self.tr("{0}: failed (0)").format(method)
                            if method in failed else f"{method}: {value}")
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
