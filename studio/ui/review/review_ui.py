"""The Review menu, its keys and dock, wired to the main window's list, canvas and status bar.

Kept out of the main window class, like the pre-labeling glue: it connects the
``ReviewController`` to the image list (queue order, go-to), the pre-labeling run
(new proposals, the confidence slider) and the report / automatic accept / export
dialogs.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
from PyQt6.QtCore import QObject, Qt, QTimer
from PyQt6.QtWidgets import QDockWidget, QMainWindow, QScrollArea, QTabWidget, QWidget

from studio.ui.actions import make_action
from studio.ui.annotate.canvas import Canvas
from studio.ui.annotate.editor import AnnotationEditor
from studio.ui.annotate.image_list import ImageListPanel
from studio.ui.labelcheck.controller import LabelErrorsController
from studio.ui.labelcheck.panel import LabelErrorsPanel
from studio.ui.prelabel.menu import PrelabelUi
from studio.ui.review.controller import ReviewController
from studio.ui.review.panel import ReviewPanel
from studio.ui.session import DatasetSession

QUEUE_REFRESH_SECONDS = 2.0  # while a run adds proposals, re-read the queue at most this often


class ReviewUi(QObject):
    """Review menu actions, the Review dock, and the controller behind them."""

    def __init__(self, window: QMainWindow, session: DatasetSession, editor: AnnotationEditor, canvas: Canvas,
                 image_list: ImageListPanel, prelabel: PrelabelUi,
                 show_error: Callable[[str, str], None]) -> None:
        super().__init__(window)
        self.window, self.session, self.image_list, self.prelabel = window, session, image_list, prelabel
        self.show_error = show_error
        self.controller = c = ReviewController(session, editor, canvas, self)
        self.panel = ReviewPanel(c, window)
        self.label_errors = le = LabelErrorsController(session, editor, canvas, self)
        self.label_panel = LabelErrorsPanel(le, window)
        self.dock = QDockWidget(self.tr("Review"), window)
        self.dock.setObjectName("review_dock")
        self.queues = QTabWidget(window)
        self.queues.setObjectName("review_queues")
        self.queues.addTab(_scrolled(self.panel, window), self.tr("Proposals"))
        self.queues.addTab(_scrolled(self.label_panel, window), self.tr("Label Errors"))
        self.queues.currentChanged.connect(self._on_queue_tab)
        self.dock.setWidget(self.queues)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self._last_refresh = 0.0
        tr = self.tr
        act = lambda text, slot, keys=(), checkable=False: make_action(window, text, slot, keys, checkable)  # noqa: E731
        self.act_mode = act(tr("&Review Mode"), lambda: self.set_mode(self.act_mode.isChecked()), ("Ctrl+R",),
                            checkable=True)
        route = self._route
        self.act_accept_all = act(tr("&Accept All Proposals and Next"), route(c.accept_all_and_next, le.next_image),
                                  ("Return", "Enter"))
        self.act_reject_all = act(tr("Re&ject All Proposals and Next"),
                                  route(c.reject_all_and_next, le.keep_all_and_next), ("X",))
        self.act_accept = act(tr("Accept &Proposal"), route(c.accept_focused, le.take_focused), ("Y",))
        self.act_reject = act(tr("Reject P&roposal"), route(c.reject_focused, le.keep_focused), ("R",))
        self.act_edit = act(tr("&Edit Proposal"), route(c.edit_focused, le.edit_focused), ("E",))
        self.act_focus_next = act(tr("&Next Proposal"), route(lambda: c.focus_step(1), lambda: le.focus_step(1)),
                                  ("Tab",))
        self.act_focus_prev = act(tr("Pre&vious Proposal"),
                                  route(lambda: c.focus_step(-1), lambda: le.focus_step(-1)), ("Shift+Tab",))
        self.act_next_pending = act(tr("Next Image to Re&view"), c.next_pending, ("Ctrl+Return",))
        self.act_report = act(tr("&Quality Report…"), self.open_report, ("Ctrl+Shift+R",))
        self.act_auto = act(tr("Accept Au&tomatically…"), lambda: self.open_report(auto=True))
        self.act_export = act(tr("E&xport Reviewed Images…"), self.export_reviewed)
        self.actions = [self.act_mode, None, self.act_accept_all, self.act_reject_all, self.act_accept,
                        self.act_reject, self.act_edit, self.act_focus_next, self.act_focus_prev,
                        self.act_next_pending, None, self.act_report, self.act_auto, self.act_export]
        self.dock.visibilityChanged.connect(self._on_dock_visible)
        c.queue.order_changed.connect(self._on_order)
        c.queue.queue_changed.connect(self._mark_done)
        for source in (c, le):
            source.go_to.connect(lambda row: self.image_list.select_index_row(row))
            source.message.connect(lambda text: window.statusBar().showMessage(text, 8000))
        self.panel.report_requested.connect(self.open_report)
        self.panel.auto_accept_requested.connect(lambda: self.open_report(auto=True))
        self.panel.export_requested.connect(self.export_reviewed)
        prelabel.proposals_arrived.connect(self._on_proposals)
        prelabel.run_finished.connect(self._on_run_finished)
        prelabel.threshold_changed.connect(c.state.set_threshold)
        c.state.set_threshold(prelabel.conf_slider.value() / 100)
        session.opened.connect(lambda ds: self.panel.set_class_names(ds.classes.names))
        self.report_dialog = None

    # which queue -----------------------------------------------------------------------------
    def _route(self, proposals: Callable[[], object], labels: Callable[[], object]) -> Callable[[], None]:
        """A review key: it acts on the queue whose tab is shown."""
        return lambda: (labels if self.label_errors.active else proposals)()

    def _on_queue_tab(self, index: int) -> None:
        self.label_errors.active = index == 1
        self.controller.draws = not self.label_errors.active
        self.on_image_shown()
        if self.act_mode.isChecked():
            self.controller.set_active(not self.label_errors.active)
            if self.label_errors.active:
                self._on_order(self.label_errors.order_rows())
                self.label_errors.next_image(from_start=True)  # the worst image nobody decided yet

    def show_label_errors(self) -> None:
        """Read the newest label check and review its queue, worst image first."""
        self.label_errors.load()
        self.queues.setCurrentIndex(1)
        self.set_mode(True)

    def undo(self) -> None:
        """Ctrl+Z: the newest decision of the queue under review, else the editor's undo."""
        if self.label_errors.active and self.label_errors.undo():
            return
        self.controller.undo()

    # mode -------------------------------------------------------------------------------------
    def set_mode(self, on: bool) -> None:
        """Enter or leave review mode (the list shows the queue; the Review dock opens)."""
        self.act_mode.setChecked(on)
        if on and self.controller.queue.run is None:
            self.controller.queue.use_newest_run()
        self.dock.setVisible(on or self.dock.isVisible())
        if on:
            self.dock.raise_()
            QTimer.singleShot(0, self._make_room)
        if self.label_errors.active:
            self._on_order(self.label_errors.order_rows() if on else None)
            if on:
                self.label_errors.next_image(from_start=True)
            return
        self.controller.set_active(on)

    def _make_room(self) -> None:
        """The queue's controls and lists need room: half the dock column's height, once laid out."""
        area = self.window.dockWidgetArea(self.dock)
        column = [d for d in self.window.findChildren(QDockWidget) if d.isVisible() and not d.isFloating()
                  and self.window.dockWidgetArea(d) == area and not d.visibleRegion().isEmpty()]
        others = [d for d in column if d is not self.dock and d not in self.window.tabifiedDockWidgets(self.dock)]
        if not others:
            return
        height = sum(d.height() for d in [self.dock, *others])
        mine = max(self.dock.height(), height * 55 // 100)
        self.window.resizeDocks([self.dock, *others], [mine] + [(height - mine) // len(others)] * len(others),
                                Qt.Orientation.Vertical)

    def _on_dock_visible(self, visible: bool) -> None:
        # a tab switch also hides the dock's contents; only closing the dock leaves review mode
        if not visible and self.dock.isHidden() and self.act_mode.isChecked() and not self.window.isMinimized():
            self.act_mode.setChecked(False)
            self.controller.set_active(False)

    def _on_order(self, rows: np.ndarray | None) -> None:
        current = self.image_list.current_index_row()
        self.image_list.model.set_order(rows)
        if current >= 0:
            self.image_list.select_index_row(current, emit=False)
        self._mark_done()

    def _mark_done(self) -> None:
        """Check-mark finished images in the list while in review mode."""
        index = self.session.index
        if not self.controller.queue.active or index is None:
            self.image_list.model.set_done(None)
            return
        done = np.zeros(len(index), bool)
        for it in self.controller.queue.items:
            if it.done:
                row = index.position(it.path)
                if row >= 0:
                    done[row] = True
        self.image_list.model.set_done(done)

    # dataset and runs -------------------------------------------------------------------------
    def on_dataset_ready(self) -> None:
        """A dataset was opened: review its newest run (and know its newest label check)."""
        self.label_errors.load()
        self.controller.queue.use_newest_run()
        if self.act_mode.isChecked():
            self.controller.set_active(True)

    def on_image_shown(self) -> None:
        """The editor shows another image: load its proposals (or its suspicious labels)."""
        if not self.label_errors.active:
            self.controller.reload_current()
            return
        self.controller.current = None
        self.controller.state.clear()
        doc = self.label_errors.editor.doc
        self.label_errors.show(self.session.relative(doc.image_path) if doc is not None else None)

    def _on_proposals(self, run_id: int, paths: list[str]) -> None:
        c = self.controller
        if c.queue.run is None or c.queue.run.id != run_id:
            c.queue.set_run(run_id)
            self._last_refresh = time.monotonic()
            return
        if c.current is not None and c.current.path in paths:
            c.reload_current()
        if time.monotonic() - self._last_refresh > QUEUE_REFRESH_SECONDS:
            self._last_refresh = time.monotonic()
            c.queue.refresh_queue_in_background()

    def _on_run_finished(self, run_id: int) -> None:
        self.controller.queue.set_run(run_id)

    # dialogs ----------------------------------------------------------------------------------
    def open_report(self, auto: bool = False) -> None:
        """Open the quality report (with the automatic accept section in view when ``auto``)."""
        from studio.ui.review.report_dialog import QualityReportDialog

        c = self.controller
        if self.session.dataset is None or self.session.store is None or c.queue.run is None:
            self.show_error(self.tr("Review"), self.tr("No pre-labeling run to report on: pre-label "
                                                       "some images first (Tools > Pre-label)."))
            return
        dialog = QualityReportDialog(self.session, c, self.prelabel, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.report_dialog = dialog
        dialog.show()
        if auto:
            dialog.focus_auto_accept()

    def export_reviewed(self) -> None:
        """Export the images of the run that are finished as an Ultralytics dataset."""
        from studio.ui.review.export_dialog import ExportDialog

        c = self.controller
        if self.session.dataset is None or c.queue.run is None:
            self.show_error(self.tr("Export"), self.tr("No pre-labeling run under review."))
            return
        paths = [it.path for it in c.queue.items if it.done]
        if not paths:
            self.show_error(self.tr("Export"), self.tr("No image of this run is reviewed yet."))
            return
        from studio.core.review.jobs import REVIEW_EXPORT, ReviewExportParams

        run_id = c.queue.run.id
        dialog = ExportDialog(self.session.dataset, paths, REVIEW_EXPORT,
                              lambda *choice: ReviewExportParams(run_id, *choice), self.session.store, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()


def _scrolled(panel: QWidget, parent: QWidget) -> QScrollArea:
    """``panel`` in a scroll area: the controls are never squeezed when the dock is short."""
    scroll = QScrollArea(parent)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(panel)
    scroll.setMinimumWidth(panel.minimumSizeHint().width() + 16)
    return scroll
