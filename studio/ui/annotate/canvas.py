"""The canvas: one image and its boxes; draw, select, move, resize; zoom and pan.

The canvas owns no boxes: it paints ``editor.boxes`` and sends edits to the editor.
Everything is painted in ``drawBackground``/``drawForeground`` (no item per box), so an
image with 1,000 boxes still pans and zooms smoothly.
"""

from __future__ import annotations

import numpy as np
from PyQt6.QtCore import QPointF, QRectF, Qt, QTimer, pyqtSignal
from PyQt6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QWheelEvent,
)
from PyQt6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from studio.core.labels import box_ops
from studio.core.labels.boxes import Boxes
from studio.ui.annotate.box_layer import MANY, BoxLayer
from studio.ui.annotate.editor import AnnotationEditor
from studio.ui.annotate.image_loader import LoadedImage
from studio.ui.colors import class_color

MIN_SCALE, MAX_SCALE = 0.02, 40.0
ZOOM_STEP = 1.25
HANDLE_PX = 7  # handle size and grab tolerance, in screen pixels


class Canvas(QGraphicsView):
    """A zoomable, pannable image with editable boxes."""

    zoom_changed = pyqtSignal(float)
    mode_changed = pyqtSignal(bool)  # True while in "create box" mode
    proposal_clicked = pyqtSignal(int)  # index into ``proposals``
    proposal_activated = pyqtSignal(int)  # double-click: accept it
    image_painted = pyqtSignal()  # a newly shown image was painted for the first time

    def __init__(self, editor: AnnotationEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.setScene(QGraphicsScene(self))
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setBackgroundBrush(QBrush(QColor(38, 38, 42)))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self._image: QImage | None = None
        self._preview: QImage | None = None
        self._fit_mode = True
        self._message = self.tr("Open a dataset folder or data.yaml (File > Open) to begin.")
        self._class_names: list[str] = []
        self.boxes_visible = True
        self.create_mode = False
        self.always_draw = False
        self._drag: dict | None = None
        self._cursor_scene: QPointF | None = None
        self._layer = BoxLayer()
        self._painted_once = True  # no image waiting for its first paint
        self.proposals = Boxes.empty()  # what the review state shows: drawn as given
        self.focused_proposal = -1
        self.proposal_captions: list[str] | None = None  # drawn instead of "class confidence" when given
        self._font = QFont()
        self._font.setPointSizeF(9)
        editor.changed.connect(self.viewport().update)
        editor.selection_changed.connect(lambda _s: self.viewport().update())

    # content --------------------------------------------------------------------------------
    def set_class_names(self, names: list[str]) -> None:
        """Names used for box captions."""
        self._class_names = list(names)
        self.viewport().update()

    def show_image(self, loaded: LoadedImage) -> None:
        """Show a decoded image; keeps fit mode or the current zoom."""
        self._image, self._preview = loaded.display.qimage, loaded.display.preview
        self._painted_once = False
        self._message = ""
        self._drag = None
        w, h = loaded.display.size_wh
        self.scene().setSceneRect(QRectF(0, 0, w, h))
        if self._fit_mode:
            self.fit()
        self.viewport().update()

    def show_message(self, text: str) -> None:
        """Show ``text`` (an empty state or an error) instead of an image."""
        self._image = self._preview = None
        self._message = text
        self._drag = None
        self.viewport().update()

    def image_size(self) -> tuple[int, int] | None:
        """``(w, h)`` of the shown image, or ``None``."""
        if self._image is None:
            return None
        return self._image.width(), self._image.height()

    def set_proposals(self, proposals: Boxes, focused: int = -1, captions: list[str] | None = None) -> None:
        """Model proposals to draw (dashed, with their confidence, or ``captions``), exactly these;
        ``focused`` is drawn thicker and filled (the one the review keys act on)."""
        self.proposals = proposals
        self.focused_proposal = focused
        self.proposal_captions = captions
        self.viewport().update()

    def proposal_at(self, x: float, y: float) -> int:
        """Index (into ``proposals``) of the smallest proposal drawn under an image point."""
        p = self.proposals
        if not len(p) or self._image is None:
            return -1
        xyxy = p.to_xyxy(self.editor.size_wh)
        inside = (xyxy[:, 0] <= x) & (x <= xyxy[:, 2]) & (xyxy[:, 1] <= y) & (y <= xyxy[:, 3])
        hits = np.flatnonzero(inside)
        if not len(hits):
            return -1
        area = (xyxy[hits, 2] - xyxy[hits, 0]) * (xyxy[hits, 3] - xyxy[hits, 1])
        return int(hits[int(np.argmin(area))])

    def set_boxes_visible(self, visible: bool) -> None:
        """Show or hide the boxes (to see the object under them)."""
        self.boxes_visible = visible
        self.viewport().update()

    def set_create_mode(self, on: bool) -> None:
        """Enter or leave "create box" mode (``W``)."""
        if on != self.create_mode:
            self.create_mode = on
            self.viewport().setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor)
            self.mode_changed.emit(on)
            self.viewport().update()

    # zoom -------------------------------------------------------------------------------------
    @property
    def scale_factor(self) -> float:
        """Current zoom (1.0 = one image pixel per screen pixel)."""
        return self.transform().m11()

    def fit(self) -> None:
        """Fit the whole image in the window (and keep fitting on resize)."""
        self._fit_mode = True
        if self._image is not None:
            self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
            self.zoom_changed.emit(self.scale_factor)

    def actual_size(self) -> None:
        """Show the image at 1:1."""
        self._set_scale(1.0)

    def zoom_in(self) -> None:
        """Zoom in one step around the cursor."""
        self._set_scale(self.scale_factor * ZOOM_STEP)

    def zoom_out(self) -> None:
        """Zoom out one step around the cursor."""
        self._set_scale(self.scale_factor / ZOOM_STEP)

    def _set_scale(self, scale: float) -> None:
        if self._image is None:
            return
        self._fit_mode = False
        scale = max(MIN_SCALE, min(MAX_SCALE, scale))
        factor = scale / self.scale_factor
        self.scale(factor, factor)
        self.zoom_changed.emit(self.scale_factor)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        """Wheel zooms around the cursor."""
        delta = event.angleDelta().y()
        if delta:
            self._set_scale(self.scale_factor * (ZOOM_STEP ** (delta / 120)))
        event.accept()

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001
        super().resizeEvent(event)
        if self._fit_mode:
            self.fit()

    # mouse ------------------------------------------------------------------------------------
    def _to_image(self, pos: QPointF) -> tuple[float, float]:
        p = self.mapToScene(pos.toPoint())
        return p.x(), p.y()

    def _tol(self) -> float:
        return HANDLE_PX / max(self.scale_factor, 1e-6)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """Start a drag: create, resize, move, or pan."""
        pos = event.position()
        if event.button() == Qt.MouseButton.MiddleButton:
            self._drag = {"kind": "pan", "last": pos}
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            return
        if event.button() != Qt.MouseButton.LeftButton or self._image is None:
            return super().mousePressEvent(event)
        x, y = self._to_image(pos)
        ed = self.editor
        if self.create_mode:
            self._drag = {"kind": "create", "start": (x, y), "end": (x, y)}
            return
        boxes, size = ed.boxes, ed.size_wh
        if self.boxes_visible and len(ed.selection) == 1:
            i = ed.selection[0]
            handle = box_ops.handle_at(boxes.to_xyxy(size)[i], x, y, self._tol())
            if handle:
                self._drag = {"kind": "resize", "index": i, "handle": handle, "preview": boxes}
                return
        hit = box_ops.hit_test(boxes, x, y, size) if self.boxes_visible else -1
        if hit < 0 and not self.create_mode:
            proposal = self.proposal_at(x, y)
            if proposal >= 0:
                ed.select([])
                self.proposal_clicked.emit(proposal)
                return
        if hit >= 0:
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                sel = set(ed.selection) ^ {hit}
                ed.select(sorted(sel))
                return
            if hit not in ed.selection:
                ed.select([hit])
            self._drag = {"kind": "move", "start": (x, y), "preview": boxes, "moved": False}
            return
        ed.select([])
        if self.always_draw:
            self._drag = {"kind": "create", "start": (x, y), "end": (x, y)}
        else:
            self._drag = {"kind": "pan", "last": pos}
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """Double-click on a proposal accepts it."""
        if event.button() == Qt.MouseButton.LeftButton and self._image is not None:
            x, y = self._to_image(event.position())
            if box_ops.hit_test(self.editor.boxes, x, y, self.editor.size_wh) < 0:
                proposal = self.proposal_at(x, y)
                if proposal >= 0:
                    self.proposal_activated.emit(proposal)
                    return
        super().mouseDoubleClickEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """Update the drag in progress (and the crosshair)."""
        pos = event.position()
        self._cursor_scene = self.mapToScene(pos.toPoint())
        drag, ed = self._drag, self.editor
        if drag is None:
            if self.create_mode or self.always_draw:
                self.viewport().update()
            return
        x, y = self._to_image(pos)
        kind = drag["kind"]
        if kind == "pan":
            delta = pos - drag["last"]
            drag["last"] = pos
            self.horizontalScrollBar().setValue(int(self.horizontalScrollBar().value() - delta.x()))
            self.verticalScrollBar().setValue(int(self.verticalScrollBar().value() - delta.y()))
        elif kind == "create":
            drag["end"] = (x, y)
        elif kind == "move":
            sx, sy = drag["start"]
            drag["preview"] = box_ops.move_boxes(ed.boxes, ed.selection, x - sx, y - sy, ed.size_wh)
            drag["moved"] = True
        elif kind == "resize":
            drag["preview"] = box_ops.resize_box(ed.boxes, drag["index"], drag["handle"], x, y,
                                                 ed.size_wh)
        self.viewport().update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """Finish the drag: one edit (one undo step) per gesture."""
        drag, self._drag = self._drag, None
        self.viewport().unsetCursor()
        if self.create_mode:
            self.viewport().setCursor(Qt.CursorShape.CrossCursor)
        if drag is None:
            return super().mouseReleaseEvent(event)
        ed = self.editor
        kind = drag["kind"]
        if kind == "create":
            (x1, y1), _ = drag["start"], drag["end"]
            x2, y2 = self._to_image(event.position())
            created = ed.create_box((x1, y1, x2, y2))
            if created and not self.always_draw:
                self.set_create_mode(False)
        elif kind == "move" and drag["moved"]:
            ed.edit(drag["preview"])
        elif kind == "resize":
            ed.edit(drag["preview"])
        self.viewport().update()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Arrow keys nudge the selected boxes by 1 px (Shift: 10 px); Esc leaves create mode."""
        key = event.key()
        arrows = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0),
                  Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        if key in arrows and self.editor.selection:
            step = 10 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1
            dx, dy = arrows[key]
            self.editor.move_selected(dx * step, dy * step)
            return
        if key == Qt.Key.Key_Escape:
            if self._drag is not None:
                self._drag = None
                self.viewport().update()
            elif self.create_mode:
                self.set_create_mode(False)
            else:
                self.editor.select([])
            return
        super().keyPressEvent(event)

    # painting ---------------------------------------------------------------------------------
    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        """The image: the preview when it is enough for the zoom, else the full image."""
        super().drawBackground(painter, rect)
        if self._image is None:
            return
        w, h = self._image.width(), self._image.height()
        target = QRectF(0, 0, w, h)
        shown_w = w * self.scale_factor
        use = self._preview if (self._preview is not None and shown_w <= self._preview.width()) \
            else self._image
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, self.scale_factor < 2)
        visible = rect.intersected(target)
        if visible.isEmpty():
            return
        sx, sy = use.width() / w, use.height() / h
        source = QRectF(visible.x() * sx, visible.y() * sy, visible.width() * sx, visible.height() * sy)
        painter.drawImage(visible, use, source)
        if not self._painted_once:
            self._painted_once = True
            QTimer.singleShot(0, self.image_painted.emit)  # after this paint is flushed to the screen

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        """Boxes, selection handles, captions, the box being drawn, crosshair, messages."""
        if self._message:
            self._paint_message(painter)
            return
        if self._image is None:
            return
        drag = self._drag
        boxes = drag["preview"] if drag and "preview" in drag else self.editor.boxes
        if self.boxes_visible and len(boxes):
            self._paint_boxes(painter, boxes, rect)
        if self.boxes_visible:
            self._paint_proposals(painter)
        if drag and drag["kind"] == "create":
            (x1, y1), (x2, y2) = drag["start"], drag["end"]
            pen = QPen(class_color(self.editor.default_class), 2, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(QPointF(x1, y1), QPointF(x2, y2)).normalized())
        if (self.create_mode or self.always_draw) and self._cursor_scene is not None:
            pen = QPen(QColor(255, 255, 255, 170), 1, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            painter.setPen(pen)
            c, r = self._cursor_scene, self.sceneRect()
            painter.drawLine(QPointF(r.left(), c.y()), QPointF(r.right(), c.y()))
            painter.drawLine(QPointF(c.x(), r.top()), QPointF(c.x(), r.bottom()))

    def _paint_boxes(self, painter: QPainter, boxes: Boxes, rect: QRectF) -> None:
        size = self.editor.size_wh
        xyxy = boxes.to_xyxy(size)
        visible = ((xyxy[:, 2] >= rect.left()) & (xyxy[:, 0] <= rect.right())
                   & (xyxy[:, 3] >= rect.top()) & (xyxy[:, 1] <= rect.bottom()))
        selected = set(self.editor.selection)
        scale = self.scale_factor
        n_visible = int(visible.sum())
        if n_visible > MANY:  # a huge label file: one cached layer, no captions
            viewport = (self.viewport().width(), self.viewport().height())
            self._layer.paint(painter, xyxy, boxes.class_id, selected, self.viewportTransform(), viewport,
                             id(self.editor.doc))
            return
        metrics = QFontMetricsF(self._font)
        captions = n_visible <= 400 or (scale >= 1.0 and n_visible <= 2000)
        groups: dict[tuple[int, bool], list[QRectF]] = {}
        idx = np.nonzero(visible)[0]
        for i in idx:
            x1, y1, x2, y2 = xyxy[i]
            groups.setdefault((int(boxes.class_id[i]), i in selected), []).append(
                QRectF(x1, y1, x2 - x1, y2 - y1))
        for (cls, sel), rects in groups.items():  # one pen and one call per class
            pen = QPen(class_color(cls), 3 if sel else 2)
            pen.setCosmetic(True)
            painter.setPen(pen)
            if sel:
                fill = QColor(class_color(cls))
                fill.setAlpha(50)
                painter.setBrush(fill)
            else:
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRects(rects)
        if captions:
            for i in idx:
                cls = int(boxes.class_id[i])
                self._paint_caption(painter, self._name(cls), class_color(cls), xyxy[i][0], xyxy[i][1],
                                    scale, metrics)
        if len(selected) == 1:
            (i,) = selected
            if i < len(xyxy):
                self._paint_handles(painter, xyxy[i], scale)

    def _paint_proposals(self, painter: QPainter) -> None:
        p = self.proposals
        if not len(p):
            return
        conf_all = p.confidence if p.confidence is not None else np.ones(len(p))
        xyxy = p.to_xyxy(self.editor.size_wh)
        metrics = QFontMetricsF(self._font)
        scale = self.scale_factor
        for k, (x1, y1, x2, y2) in enumerate(xyxy):
            cls, conf = int(p.class_id[k]), float(conf_all[k])
            color = class_color(int(cls))
            focused = k == self.focused_proposal
            pen = QPen(color, 4 if focused else 2, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            painter.setPen(pen)
            if focused:
                fill = QColor(color)
                fill.setAlpha(60)
                painter.setBrush(fill)
            else:
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(x1, y1, x2 - x1, y2 - y1))
            if focused:  # a white halo: the box the review keys act on stands out on any colour
                halo = QPen(QColor(255, 255, 255), 2)
                halo.setCosmetic(True)
                painter.setPen(halo)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                m = 4 / max(scale, 1e-6)
                painter.drawRect(QRectF(x1 - m, y1 - m, x2 - x1 + 2 * m, y2 - y1 + 2 * m))
            faded = QColor(color)
            faded.setAlpha(170)
            caption = (self.proposal_captions[k] if self.proposal_captions and k < len(self.proposal_captions)
                       else f"{self._name(int(cls))} {conf:.2f}")
            self._paint_caption(painter, caption, faded, x1, y2 + 14 / scale, scale, metrics)

    def _name(self, cls: int) -> str:
        return self._class_names[cls] if 0 <= cls < len(self._class_names) else f"#{cls}"

    def _paint_caption(self, painter: QPainter, text: str, color: QColor, x: float, y: float,
                       scale: float, metrics: QFontMetricsF) -> None:
        painter.save()
        painter.translate(x, y)
        painter.scale(1 / scale, 1 / scale)
        w, h = metrics.horizontalAdvance(text) + 6, metrics.height() + 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRect(QRectF(0, -h, w, h))
        painter.setPen(QColor(20, 20, 20) if color.lightness() > 110 else QColor(250, 250, 250))
        painter.setFont(self._font)
        painter.drawText(QPointF(3, -metrics.descent() - 1), text)
        painter.restore()

    def _paint_handles(self, painter: QPainter, xyxy: np.ndarray, scale: float) -> None:
        half = HANDLE_PX / 2 / scale
        painter.setPen(QPen(QColor(20, 20, 20), 0))
        painter.setBrush(QColor(255, 255, 255))
        for hx, hy in box_ops.handle_positions(xyxy).values():
            painter.drawRect(QRectF(hx - half, hy - half, 2 * half, 2 * half))

    def _paint_message(self, painter: QPainter) -> None:
        painter.save()
        painter.resetTransform()
        painter.setPen(QColor(200, 200, 205))
        font = painter.font()
        font.setPointSizeF(12)
        painter.setFont(font)
        painter.drawText(self.viewport().rect().adjusted(40, 40, -40, -40),
                         Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._message)
        painter.restore()
