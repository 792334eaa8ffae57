"""The reviewer's pre-labeling controls in the main window: actions, status, proposals view.

Kept out of the main window class: it wires the ``PrelabelController`` to the canvas
(dashed proposals and the confidence slider), the status bar and the Tools menu.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PyQt6.QtCore import QObject, Qt, pyqtSignal
from PyQt6.QtWidgets import QLabel, QMainWindow, QSlider, QToolBar

from studio.core.dataset.index import State
from studio.core.inference.runs import run_counts
from studio.ui.actions import make_action
from studio.ui.annotate.canvas import Canvas
from studio.ui.annotate.editor import AnnotationEditor
from studio.ui.annotate.image_list import ImageListPanel
from studio.ui.prelabel.controller import PrelabelController
from studio.ui.prelabel.model_slot import ModelSlot
from studio.ui.session import DatasetSession
from studio.ui.status import IndexStatus

if TYPE_CHECKING:
    from studio.core.jobs import Progress


class PrelabelUi(QObject):
    """Tools > Pre-label actions, the run's status bar widget and the proposal confidence slider."""

    proposals_arrived = pyqtSignal(int, list)  # run id, image paths that just got proposals
    run_finished = pyqtSignal(int)  # run id (finished or stopped)
    threshold_changed = pyqtSignal(float)  # the proposal confidence shown

    def __init__(self, window: QMainWindow, session: DatasetSession, models: ModelSlot,
                 editor: AnnotationEditor, canvas: Canvas, image_list: ImageListPanel,
                 show_error: Callable[[str, str], None]) -> None:
        super().__init__(window)
        self.window, self.session, self.models = window, session, models
        self.editor, self.canvas, self.image_list, self.show_error = editor, canvas, image_list, show_error
        self.controller = PrelabelController(session, models, self)
        tr = self.tr
        self.conf_slider = QSlider(Qt.Orientation.Horizontal, window)
        self.conf_slider.setRange(0, 100)
        self.conf_slider.setValue(25)
        self.conf_slider.setMaximumWidth(140)
        self.conf_label = QLabel(window)
        bar = QToolBar(tr("Proposals"), window)
        bar.setObjectName("proposals_toolbar")
        bar.addWidget(QLabel(tr("Proposals ≥ "), window))
        bar.addWidget(self.conf_slider)
        bar.addWidget(self.conf_label)
        window.addToolBar(bar)
        self.status = IndexStatus(window, ("export", "start", "run"),
                                  tr("Pre-labeling {0} / {1} · {2} img/s · ETA {3}"))
        self.status.cancel.setToolTip(tr("Stop pre-labeling (finished images are kept)"))
        window.statusBar().addPermanentWidget(self.status)
        self.act_settings = make_action(window, tr("Pre-label &with Settings…"), self.ask, ("Ctrl+Alt+L",))
        self.act_all = make_action(window, tr("Pre-label &All Images"), lambda: self.start(False), ("Ctrl+L",))
        self.act_unlabeled = make_action(window, tr("Pre-label &Unlabeled Images"), lambda: self.start(True),
                                         ("Ctrl+Shift+L",))
        self.act_resume = make_action(window, tr("&Resume Interrupted Pre-labeling"),
                                      lambda: self.controller.resume_last(self.paths_for_scope))
        self.act_stop = make_action(window, tr("&Stop Pre-labeling"), self.controller.cancel)
        self.actions = [self.act_settings, self.act_all, self.act_unlabeled, self.act_resume, self.act_stop]
        c = self.controller
        c.progress.connect(self.status.show_progress)
        c.progress.connect(self._on_progress)
        c.finished.connect(self._on_finished)
        c.failed.connect(lambda text: self.show_error(tr("Pre-labeling"), text))
        self.status.cancel_requested.connect(c.cancel)
        self.conf_slider.valueChanged.connect(self._on_conf)
        self._on_conf(self.conf_slider.value())

    def stop(self) -> None:
        """Cancel a run and wait for it (closing the window)."""
        self.controller.cancel()
        self.controller.wait()

    def set_threshold(self, value: float) -> None:
        """Show proposals at or above ``value`` (the slider follows)."""
        self.conf_slider.setValue(round(value * 100))

    def _on_conf(self, value: int) -> None:
        self.conf_label.setText(f"{value / 100:.2f}")
        self.threshold_changed.emit(value / 100)

    def paths_for_scope(self, scope: str) -> list[str]:
        """Images of a scope: all, unlabeled, those the list's filter shows, or the selected ones."""
        index = self.session.index
        if index is None:
            return []
        if scope == "unlabeled":
            rows = index.filter(states={State.UNLABELED})
        elif scope == "selection":
            rows = self.image_list.selected_index_rows()
        elif scope == "filter":
            model = self.image_list.model
            rows = [model.index_row(r) for r in range(model.rowCount())]
        else:
            rows = range(len(index))
        return [index.paths[int(r)] for r in rows]

    def start(self, only_unlabeled: bool) -> bool:
        """Propose boxes with the loaded model for all (or only unlabeled) images."""
        if self.session.index is None:
            self.show_error(self.tr("Pre-labeling"), self.tr("Open a dataset first."))
            return False
        scope = "unlabeled" if only_unlabeled else "all"
        return self.controller.start(self.paths_for_scope(scope), scope=scope)

    def ask(self) -> None:
        """Choose images, settings, class mapping and slicing, then start a run."""
        from studio.ui.prelabel.dialog import PrelabelDialog

        ds, info = self.session.dataset, self.models.info
        if ds is None or info is None:
            self.controller.start([])  # reports what is missing
            return
        dialog = PrelabelDialog(info, ds.classes.names, self.editor.size_wh if self.editor.doc else None,
                                parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def go() -> None:
            c = dialog.choice()
            self.controller.start(self.paths_for_scope(c.scope), c.params, c.class_map, c.slicing, c.scope, c.device,
                                  c.cluster, c.cluster_info)

        dialog.accepted.connect(go)
        dialog.open()

    def _on_progress(self, progress: Progress) -> None:
        run_id = self.controller.run_id
        if progress.payload and run_id is not None:
            self.proposals_arrived.emit(run_id, [item[0] for item in progress.payload])

    def _on_finished(self, run_id: int, completed: bool) -> None:
        self.status.set_idle()
        store = self.session.store
        counts = run_counts(store, run_id) if store is not None else {}
        text = (self.tr("Pre-labeling run {0} finished: {1} images, {2} proposals, {3} unreadable.")
                if completed else self.tr("Pre-labeling run {0} stopped after {1} images ({2} proposals); "
                                          "Tools > Resume Interrupted Pre-labeling continues it."))
        self.status.label.setText(text.format(run_id, counts.get("done", 0), counts.get("proposals", 0),
                                              counts.get("error", 0)))
        self.run_finished.emit(run_id)
