"""The image view: shows one image with its boxes; fit, zoom around the cursor, pan.

Pixels come from core (decoded off the GUI thread); the view only paints them.
"""

from __future__ import annotations

from PyQt6.QtCore import QPointF, QRectF, Qt, pyqtSignal
from PyQt6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QPixmap, QWheelEvent
from PyQt6.QtWidgets import (
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from studio.core.boxes import Boxes
from studio.ui.colors import class_color
from studio.ui.image_loader import LoadedImage

MIN_SCALE, MAX_SCALE = 0.02, 40.0
ZOOM_STEP = 1.25


def _add_caption(parent: QGraphicsRectItem, text: str, color: QColor, font: QFont,
                 pos: QPointF) -> None:
    """A readable class caption: dark text on a chip of the class color, constant on-screen size."""
    chip = QGraphicsRectItem(parent)
    chip.setFlag(chip.GraphicsItemFlag.ItemIgnoresTransformations)
    chip.setPos(pos)
    label = QGraphicsSimpleTextItem(text, chip)
    label.setFont(font)
    label.setBrush(QColor(20, 20, 20) if color.lightness() > 110 else QColor(250, 250, 250))
    r = label.boundingRect()
    chip.setRect(QRectF(0, -r.height() - 2, r.width() + 6, r.height() + 2))
    chip.setBrush(color)
    chip.setPen(QPen(Qt.PenStyle.NoPen))
    label.setPos(3, -r.height() - 1)


class ImageView(QGraphicsView):
    """A zoomable, pannable view of one image and its (read-only here) boxes."""

    zoom_changed = pyqtSignal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.SmoothPixmapTransform)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setBackgroundBrush(QBrush(QColor(38, 38, 42)))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pixmap_item: QGraphicsPixmapItem | None = None
        self._box_items: list[QGraphicsRectItem] = []
        self._fit_mode = True
        self._message = self.tr("Open a dataset folder or data.yaml (File > Open) to begin.")
        self._class_names: list[str] = []
        self._boxes_visible = True
        self._middle_pan: QPointF | None = None

    # content --------------------------------------------------------------------------------
    def set_class_names(self, names: list[str]) -> None:
        """Names used for box captions."""
        self._class_names = list(names)

    def show_image(self, loaded: LoadedImage) -> None:
        """Show a decoded image and its boxes; keeps fit mode or the current zoom."""
        scene = self.scene()
        scene.clear()
        self._box_items = []
        self._message = ""
        self._pixmap_item = scene.addPixmap(QPixmap.fromImage(loaded.qimage))
        self._pixmap_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        w, h = loaded.size_wh
        scene.setSceneRect(QRectF(0, 0, w, h))
        self._draw_boxes(loaded.labels.boxes, (w, h))
        if self._fit_mode:
            self.fit()
        self.viewport().update()

    def show_message(self, text: str) -> None:
        """Clear the image and show ``text`` (an empty state or an error) in the middle."""
        self.scene().clear()
        self._pixmap_item = None
        self._box_items = []
        self._message = text
        self.viewport().update()

    def image_size(self) -> tuple[int, int] | None:
        """``(w, h)`` of the shown image, or ``None``."""
        if self._pixmap_item is None:
            return None
        r = self.sceneRect()
        return int(r.width()), int(r.height())

    def set_boxes_visible(self, visible: bool) -> None:
        """Show or hide the boxes (to see the object under them)."""
        self._boxes_visible = visible
        for item in self._box_items:
            item.setVisible(visible)

    def _draw_boxes(self, boxes: Boxes, size_wh: tuple[int, int]) -> None:
        font = QFont()
        font.setPointSizeF(9)
        for (x1, y1, x2, y2), cls in zip(boxes.to_xyxy(size_wh), boxes.class_id):
            color = class_color(int(cls))
            pen = QPen(color, 2)
            pen.setCosmetic(True)
            rect = self.scene().addRect(QRectF(x1, y1, x2 - x1, y2 - y1), pen)
            name = self._class_names[cls] if 0 <= cls < len(self._class_names) else f"#{cls}"
            _add_caption(rect, name, color, font, QPointF(x1, y1))
            rect.setVisible(self._boxes_visible)
            self._box_items.append(rect)

    # zoom and pan ---------------------------------------------------------------------------
    @property
    def scale_factor(self) -> float:
        """Current zoom (1.0 = one image pixel per screen pixel)."""
        return self.transform().m11()

    def fit(self) -> None:
        """Fit the whole image in the window (and keep fitting on resize)."""
        self._fit_mode = True
        if self._pixmap_item is not None:
            self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
            self.zoom_changed.emit(self.scale_factor)

    def actual_size(self) -> None:
        """Show the image at 1:1."""
        self._set_scale(1.0)

    def zoom_in(self) -> None:
        """Zoom in one step around the cursor (or the center)."""
        self._set_scale(self.scale_factor * ZOOM_STEP)

    def zoom_out(self) -> None:
        """Zoom out one step."""
        self._set_scale(self.scale_factor / ZOOM_STEP)

    def _set_scale(self, scale: float) -> None:
        if self._pixmap_item is None:
            return
        self._fit_mode = False
        scale = max(MIN_SCALE, min(MAX_SCALE, scale))
        factor = scale / self.scale_factor
        self.scale(factor, factor)
        self.zoom_changed.emit(self.scale_factor)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        """Wheel zooms around the cursor."""
        delta = event.angleDelta().y()
        if delta == 0:
            return
        self._set_scale(self.scale_factor * (ZOOM_STEP ** (delta / 120)))
        event.accept()

    def mousePressEvent(self, event) -> None:  # noqa: N802, ANN001
        """Middle button pans like dragging the empty canvas."""
        if event.button() == Qt.MouseButton.MiddleButton:
            self._middle_pan = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802, ANN001
        if self._middle_pan is not None:
            delta = event.position() - self._middle_pan
            self._middle_pan = event.position()
            self.horizontalScrollBar().setValue(int(self.horizontalScrollBar().value() - delta.x()))
            self.verticalScrollBar().setValue(int(self.verticalScrollBar().value() - delta.y()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802, ANN001
        if event.button() == Qt.MouseButton.MiddleButton and self._middle_pan is not None:
            self._middle_pan = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001
        super().resizeEvent(event)
        if self._fit_mode:
            self.fit()

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        """Paint the empty-state or error message over an empty scene."""
        if not self._message:
            return
        painter.save()
        painter.resetTransform()
        painter.setPen(QColor(200, 200, 205))
        font = painter.font()
        font.setPointSizeF(12)
        painter.setFont(font)
        painter.drawText(self.viewport().rect().adjusted(40, 40, -40, -40),
                         Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._message)
        painter.restore()
