"""The preprocessing studio window: photo, pipeline, live histogram, save/export/batch."""

from __future__ import annotations

import copy
from pathlib import Path

import numpy as np
from PyQt6.QtCore import QPointF, QRectF, Qt, pyqtSignal
from PyQt6.QtGui import QColor, QPainter, QPen, QPixmap, QWheelEvent
from PyQt6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFileDialog,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QLabel,
    QMainWindow,
    QProgressDialog,
    QSlider,
    QToolBar,
    QWidget,
)

from studio.core.atomic import atomic_write_text
from studio.core.dataset.imageio import ImageReadError, read_image
from studio.core.jobs import Progress, format_eta
from studio.core.preprocess.export import write_script
from studio.core.preprocess.functions import as_gray, threshold_of
from studio.core.preprocess.ops import OpSpec
from studio.core.preprocess.pipeline import Pipeline, PipelineError, run_pipeline
from studio.ui.actions import make_action
from studio.ui.messages import show_message
from studio.ui.preprocess.histogram_panel import HistogramPanel
from studio.ui.preprocess.pipeline_panel import PipelinePanel
from studio.ui.preprocess.preview import PreviewController, PreviewResult, histogram_of
from studio.ui.preprocess.try_all import TryAllDialog, shrink
from studio.ui.qimages import to_qimage
from studio.ui.workers import JobWorker


class PhotoView(QGraphicsView):
    """Shows the preview in full-resolution coordinates (a reduced preview is scaled up)."""

    view_changed = pyqtSignal()
    roi_changed = pyqtSignal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.roi: QRectF | None = None
        self._roi_start: QPointF | None = None
        self.roi_item = QGraphicsRectItem()
        pen = QPen(QColor(255, 210, 0), 2, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self.roi_item.setPen(pen)
        self.roi_item.setZValue(10)
        self.roi_item.hide()
        self.item = QGraphicsPixmapItem()
        self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self.item)
        self.scene().addItem(self.roi_item)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setBackgroundBrush(Qt.GlobalColor.darkGray)
        self._fit = True
        self.horizontalScrollBar().valueChanged.connect(lambda _v: self.view_changed.emit())
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.view_changed.emit())

    def show_array(self, bgr: np.ndarray, full_wh: tuple[int, int]) -> None:
        """Paint ``bgr`` stretched over the full-resolution rectangle."""
        self.item.setPixmap(QPixmap.fromImage(to_qimage(bgr)))
        self.item.setScale(full_wh[0] / bgr.shape[1])
        self.scene().setSceneRect(QRectF(0, 0, *full_wh))
        if self._fit:
            self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def display_scale(self) -> float:
        """Screen pixels per image pixel."""
        return self.transform().m11()

    def visible_rect(self) -> QRectF:
        """The part of the image in view (image coordinates)."""
        return self.mapToScene(self.viewport().rect()).boundingRect().intersected(self.sceneRect())

    def mousePressEvent(self, event) -> None:  # noqa: N802, ANN001
        """Shift+drag draws a region for the histogram; a plain drag pans."""
        if event.button() == Qt.MouseButton.LeftButton and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self._roi_start = self.mapToScene(event.position().toPoint())
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802, ANN001
        if self._roi_start is not None:
            rect = QRectF(self._roi_start, self.mapToScene(event.position().toPoint())).normalized()
            self.roi_item.setRect(rect.intersected(self.sceneRect()))
            self.roi_item.show()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802, ANN001
        if self._roi_start is not None:
            self._roi_start = None
            rect = self.roi_item.rect()
            self.roi = rect if rect.width() >= 2 and rect.height() >= 2 else None
            self.roi_item.setVisible(self.roi is not None)
            self.roi_changed.emit()
            return
        super().mouseReleaseEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        """Zoom around the cursor."""
        self._fit = False
        f = 1.25 ** (event.angleDelta().y() / 120)
        self.scale(f, f)
        self.view_changed.emit()

    def fit(self) -> None:
        """Fit the photo in the window."""
        self._fit = True
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self.view_changed.emit()

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001
        super().resizeEvent(event)
        if self._fit:
            self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
            self.view_changed.emit()


class PreprocessWindow(QMainWindow):
    """Tune a pipeline on one photo, then save it, export it, or apply it to a folder."""

    preview_shown = pyqtSignal(object)  # PreviewResult

    def __init__(self, specs: dict[str, OpSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preprocessing studio"))
        self.resize(1400, 900)
        self.specs = specs
        self.source: np.ndarray | None = None
        self.source_path: Path | None = None
        self.view = PhotoView(self)
        self.setCentralWidget(self.view)
        self.pipeline_panel = PipelinePanel(specs, self)
        self.histogram = HistogramPanel(self)
        for title, name, widget, area in (
                (self.tr("Pipeline"), "pipeline_dock", self.pipeline_panel, Qt.DockWidgetArea.LeftDockWidgetArea),
                (self.tr("Histogram"), "histogram_dock", self.histogram, Qt.DockWidgetArea.RightDockWidgetArea)):
            dock = QDockWidget(title, self)
            dock.setObjectName(name)
            dock.setWidget(widget)
            self.addDockWidget(area, dock)
        self.controller = PreviewController(specs, self)
        self.mode = QComboBox(self)
        self.mode.addItems([self.tr("Result"), self.tr("Mask over photo"), self.tr("Before | after")])
        self.opacity = QSlider(Qt.Orientation.Horizontal, self)
        self.opacity.setRange(0, 100)
        self.opacity.setValue(50)
        self.opacity.setToolTip(self.tr("Overlay opacity"))
        self.split = QSlider(Qt.Orientation.Horizontal, self)
        self.split.setRange(0, 100)
        self.split.setValue(50)
        self.split.setToolTip(self.tr("Before | after split position"))
        self.opacity.setMaximumWidth(160)
        self.split.setMaximumWidth(160)
        self.scale_label = QLabel(self)
        self.timing_label = QLabel(self)
        bar = QToolBar(self.tr("View"), self)
        bar.setObjectName("preprocess_toolbar")
        bar.addWidget(QLabel(self.tr("Show: "), self))
        bar.addWidget(self.mode)
        bar.addWidget(QLabel(self.tr("  Opacity "), self))
        bar.addWidget(self.opacity)
        bar.addWidget(QLabel(self.tr("  Split "), self))
        bar.addWidget(self.split)
        bar.addSeparator()
        bar.addWidget(self.scale_label)
        bar.addSeparator()
        bar.addWidget(self.timing_label)
        self.addToolBar(bar)
        self._build_menu()
        bar.addSeparator()
        bar.addAction(self.try_all_action)
        self._worker: JobWorker | None = None
        self.last_result: PreviewResult | None = None
        self.pipeline_panel.changed.connect(self.refresh)
        self.pipeline_panel.selected.connect(lambda _r: self.refresh(False))
        for w in (self.mode, self.opacity, self.split):
            signal = w.currentIndexChanged if isinstance(w, QComboBox) else w.valueChanged
            signal.connect(lambda *_a: self.refresh(isinstance(self.sender(), QSlider)
                                                   and self.sender().isSliderDown()))
        self.controller.ready.connect(self._on_ready)
        self.controller.failed.connect(self._on_preview_failed)
        self.histogram.threshold_dragged.connect(self._on_line_dragged)
        self.histogram.region_changed.connect(self._update_histogram)
        self.view.view_changed.connect(self._on_view_changed)
        self.view.roi_changed.connect(self._on_roi)

    def _build_menu(self) -> None:
        tr = self.tr
        menu = self.menuBar().addMenu(tr("&File"))
        menu.addAction(make_action(self, tr("Open &Image…"), self.choose_image, ("Ctrl+O",)))
        menu.addAction(make_action(self, tr("Open &Pipeline…"), self.choose_pipeline, ("Ctrl+Shift+O",)))
        menu.addAction(make_action(self, tr("&Save Pipeline…"), self.save_pipeline, ("Ctrl+S",)))
        menu.addAction(make_action(self, tr("&Export as Python…"), self.export_script, ("Ctrl+E",)))
        menu.addAction(make_action(self, tr("&Apply to Folder…"), self.choose_batch, ("Ctrl+B",)))
        menu.addSeparator()
        menu.addAction(make_action(self, tr("&Fit to Window"), self.view.fit, ("F",)))
        menu.addAction(make_action(self, tr("&Close"), self.close, ("Ctrl+W",)))
        menu = self.menuBar().addMenu(tr("&Threshold"))
        self.try_all_action = make_action(self, tr("&Try All Methods…"), self.try_all_thresholds, ("Ctrl+T",))
        menu.addAction(self.try_all_action)

    # image and pipeline -----------------------------------------------------------------------
    def open_image(self, path: str | Path) -> bool:
        """Load the photo to tune on (any size; 16-bit, gray and RGBA become 8-bit BGR)."""
        try:
            img = read_image(path)
        except ImageReadError as exc:
            self._error(self.tr("Cannot open image"), str(exc))
            return False
        self.source, self.source_path = img, Path(path)
        self.controller.set_source(img)
        self.setWindowTitle(self.tr("Preprocessing studio — {0}").format(Path(path).name))
        self.view._fit = True
        self.refresh(False)
        return True

    def set_pipeline(self, pipeline: Pipeline) -> None:
        """Edit ``pipeline``."""
        self.pipeline_panel.set_pipeline(pipeline)

    def refresh(self, dragging: bool = False) -> None:
        """Recompute the preview (reduced scale while a slider is held)."""
        if self.source is None:
            return
        modes = ("result", "overlay", "split")
        scale = self.view.display_scale() if self.view.display_scale() > 0 else 1.0
        self.controller.request(self.pipeline_panel.pipeline, self.pipeline_panel.list.currentRow(),
                                modes[self.mode.currentIndex()], self.opacity.value() / 100,
                                self.split.value() / 100, scale, dragging)

    def _on_ready(self, result: PreviewResult) -> None:
        assert self.source is not None
        h, w = self.source.shape[:2]
        self.view.show_array(result.display, (w, h))
        self.last_result = result
        if result.reduced_to_keep_up:
            text = self.tr("Preview at {0:.0%} scale while dragging: this step is slow at display scale "
                           "(full resolution on release)").format(result.scale)
        elif result.scale < 1.0:
            text = self.tr("Preview at {0:.0%} scale (full resolution follows)").format(result.scale)
        else:
            text = self.tr("Full resolution")
        self.scale_label.setText(text)
        self.timing_label.setText(self.tr("{0:.0f} ms").format(result.seconds * 1000))
        self.pipeline_panel.show_errors(result.errors)
        self._update_histogram()
        self.preview_shown.emit(result)

    def _on_preview_failed(self, reason: str) -> None:
        """The preview could not be made: say why where the scale is shown; the next change retries."""
        self.scale_label.setText(self.tr("Preview failed: {0}").format(reason))
        self.timing_label.clear()

    def _update_histogram(self) -> None:
        result = self.last_result
        if result is None:
            return
        hist = result.hist
        region = self.histogram.region.currentIndex()
        r = self.view.visible_rect() if region == 1 else self.view.roi if region == 2 else None
        if r is not None and self.source is not None:
            s = result.hist_image.shape[1] / self.source.shape[1]
            x1, y1 = int(r.left() * s), int(r.top() * s)
            x2, y2 = max(x1 + 1, int(r.right() * s)), max(y1 + 1, int(r.bottom() * s))
            hist = histogram_of(np.ascontiguousarray(result.hist_image[y1:y2, x1:x2]))
        self.histogram.set_histogram(hist)
        row = self.pipeline_panel.list.currentRow()
        steps = self.pipeline_panel.pipeline.steps
        step = steps[row] if 0 <= row < len(steps) else None
        if step is not None and step.op == "threshold":
            self.histogram.set_threshold(step.params.get("value", 128), movable=True)
        elif step is not None and step.op == "auto_threshold":
            try:
                params = self.specs[step.op].coerce(step.params)
                t, failed = threshold_of(as_gray(result.hist_image), params["method"], params["ignore_black"],
                                         params["ignore_white"])
                self.histogram.set_threshold(t, movable=False, failed_method=params["method"] if failed else "")
            except ValueError:
                self.histogram.set_threshold(None)
        else:
            self.histogram.set_threshold(None)

    def _on_line_dragged(self, value: int) -> None:
        self.pipeline_panel.form.set_value("value", value)
        row = self.pipeline_panel.list.currentRow()
        self.pipeline_panel.pipeline.steps[row].params = dict(self.pipeline_panel.form.values)
        self.refresh(self.histogram.line.moving)

    def _on_roi(self) -> None:
        if self.view.roi is not None:
            self.histogram.region.setCurrentIndex(2)
        self._update_histogram()

    def _on_view_changed(self) -> None:
        if self.histogram.visible_region_only:
            self._update_histogram()
        self.controller.set_display_scale(self.view.display_scale())

    def try_all_thresholds(self) -> TryAllDialog | None:
        """ImageJ's "Try all": every method on the selected threshold step's input (or on the
        selected step's output); a click on a result uses that method."""
        if self.source is None:
            return None
        steps = copy.deepcopy(self.pipeline_panel.pipeline.steps)
        row = self.pipeline_panel.list.currentRow()
        at_threshold = 0 <= row < len(steps) and steps[row].op == "auto_threshold"
        before = Pipeline(steps[:row] if at_threshold else steps[:row + 1] if row >= 0 else steps)
        params = self.specs["auto_threshold"].coerce(steps[row].params if at_threshold else {})
        source, specs = self.source, self.specs
        dialog = TryAllDialog(lambda: run_pipeline(shrink(source), before, specs),
                              lambda: run_pipeline(source, before, specs), params["ignore_black"],
                              params["ignore_white"], params["method"] if at_threshold else "", self)
        dialog.method_chosen.connect(self.pipeline_panel.use_threshold_method)
        self.try_all_dialog = dialog
        dialog.show()
        return dialog

    # files ------------------------------------------------------------------------------------
    def choose_image(self) -> None:
        """Ask for a photo."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open Image"), "",
                                              self.tr("Images (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.webp)"))
        if path:
            self.open_image(path)

    def choose_pipeline(self) -> None:
        """Ask for a pipeline JSON."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open Pipeline"), "",
                                              self.tr("Pipelines (*.json)"))
        if path:
            self.load_pipeline(path)

    def load_pipeline(self, path: str | Path) -> bool:
        """Load a pipeline file; a newer or unknown one is refused with a clear message."""
        try:
            pipeline = Pipeline.from_json(Path(path).read_text(encoding="utf-8"), self.specs)
        except (OSError, UnicodeDecodeError, PipelineError) as exc:
            self._error(self.tr("Cannot open pipeline"), f"{path}: {exc}")
            return False
        self.set_pipeline(pipeline)
        return True

    def save_pipeline(self, path: str | Path | None = None) -> None:
        """Save the pipeline as versioned JSON."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save Pipeline"), "pipeline.json",
                                                  self.tr("Pipelines (*.json)"))
        if path:
            try:
                atomic_write_text(path, self.pipeline_panel.pipeline.to_json())
            except OSError as exc:
                self._error(self.tr("Cannot save pipeline"), str(exc))

    def export_script(self, path: str | Path | None = None) -> None:
        """Export as a standalone Python script."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export as Python"), "pipeline.py",
                                                  self.tr("Python (*.py)"))
        if path:
            try:
                write_script(self.pipeline_panel.pipeline, path, self.specs)
            except OSError as exc:
                self._error(self.tr("Cannot export"), str(exc))

    def choose_batch(self) -> None:
        """Ask for input and output folders, then apply the pipeline to every image."""
        src = QFileDialog.getExistingDirectory(self, self.tr("Folder of images to process"))
        if not src:
            return
        dst = QFileDialog.getExistingDirectory(self, self.tr("Output folder"))
        if dst:
            self.run_batch(src, dst)

    def run_batch(self, src: str | Path, dst: str | Path, workers: int | None = None) -> JobWorker:
        """Apply the pipeline to a folder off the GUI thread with progress, ETA and cancel."""
        from studio.core.jobspec import JobContext, run_recorded
        from studio.core.preprocess.jobs import PREPROCESS, PreprocessParams

        params = PreprocessParams(self.pipeline_panel.pipeline.to_json(), str(src), str(dst), workers)
        dialog = QProgressDialog(self.tr("Processing images…"), self.tr("Cancel"), 0, 100, self)
        dialog.setObjectName("batch_progress")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        self.batch_failures: list[str] = []
        worker = JobWorker(lambda token: run_recorded(PREPROCESS, params, JobContext(None, token)), self)

        def on_progress(p: Progress) -> None:
            dialog.setMaximum(max(1, p.total))
            dialog.setValue(p.done)
            dialog.setLabelText(self.tr("{0} of {1} images · {2:.1f}/s · ETA {3}").format(
                p.done, p.total, p.rate, format_eta(p.eta_s)))
            self.batch_failures += [f"{r.rel}: {r.error}" for r in (p.payload or []) if r.status == "failed"]

        def on_end(completed: bool) -> None:
            dialog.reset()
            text = self.tr("Done.") if completed else self.tr("Stopped; run again to finish the rest.")
            if self.batch_failures:
                text += "\n" + self.tr("{0} images failed:").format(len(self.batch_failures))
                text += "\n" + "\n".join(self.batch_failures[:20])
            self.statusBar().showMessage(text.splitlines()[0], 10_000)

        worker.progress.connect(on_progress)
        worker.finished.connect(on_end)
        worker.failed.connect(lambda msg, _d: (dialog.reset(), self._error(self.tr("Batch failed"), msg)))
        dialog.canceled.connect(worker.cancel)
        self._worker = worker
        worker.start()
        return worker

    def _error(self, title: str, text: str) -> None:
        show_message(self, title, text)

    def closeEvent(self, event) -> None:  # noqa: N802, ANN001
        """Stop background work before closing."""
        if self._worker is not None:
            self._worker.cancel()
            self._worker.wait()
        self.controller.wait()
        super().closeEvent(event)


