"""Tools > Train a Model: the dialog, then a live run window; its best.pt can become the model."""

from __future__ import annotations

from collections.abc import Callable

from PyQt6.QtCore import QObject, Qt, QTimer
from PyQt6.QtWidgets import QDialog, QDockWidget, QMainWindow, QMenu, QScrollArea

from studio.core.jobs import CancelToken
from studio.core.jobspec import JobContext
from studio.core.review.workflow import Sort
from studio.core.training.jobs import TrainParams, default_run_dir
from studio.core.training.selection import select_training_images
from studio.ui.actions import make_action
from studio.ui.background import run_call
from studio.ui.prelabel.menu import PrelabelUi
from studio.ui.prelabel.model_slot import ModelSlot
from studio.ui.review.review_ui import ReviewUi
from studio.ui.session import DatasetSession
from studio.ui.training.augment_window import AugmentPreviewWindow
from studio.ui.training.dialog import TrainDialog
from studio.ui.training.loop_panel import LoopPanel
from studio.ui.training.run_window import TrainingRunWindow
from studio.ui.workers import JobWorker


class TrainingUi(QObject):
    """The Tools menu entry and the run windows it opens."""

    def __init__(self, window: QMainWindow, session: DatasetSession, models: ModelSlot, tools_menu: QMenu,
                 show_error: Callable[[str, str], None], prelabel: PrelabelUi, review: ReviewUi) -> None:
        super().__init__(window)
        self.window, self.session, self.models, self.show_error = window, session, models, show_error
        self.prelabel, self.review = prelabel, review
        self.action = make_action(window, self.tr("&Train a Model…"), self.ask, ("Ctrl+Shift+T",))
        self.preview_action = make_action(window, self.tr("Preview &Augmentation…"), self.preview_augmentation, ())
        tools_menu.addActions([self.action, self.preview_action])
        from studio.ui.labelcheck.menu import LabelCheckUi

        self.label_check = LabelCheckUi(window, session, models, tools_menu, show_error, review)
        self.preview: AugmentPreviewWindow | None = None
        self.loop = LoopPanel(window)
        self.loop_dock = QDockWidget(self.tr("Loop"), window)
        self.loop_dock.setObjectName("loop_dock")
        scroll = QScrollArea(window)  # it gives way when the review queue needs the height
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.loop)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # values wrap; only height scrolls
        self.loop_dock.setWidget(scroll)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.loop_dock)
        tools_menu.addAction(self.loop_dock.toggleViewAction())
        self.loop.train.connect(self.ask)
        self.loop.prelabel.connect(lambda: self.prelabel.start(only_unlabeled=True))
        self.loop.review.connect(lambda: self.review.set_mode(True))
        self._refresh_later = QTimer(self)
        self._refresh_later.setSingleShot(True)
        self._refresh_later.setInterval(1000)  # label edits come in bursts: count once they settle
        self._refresh_later.timeout.connect(self.refresh_loop)
        for signal in (session.index_finished, session.labels_changed, prelabel.run_finished):
            signal.connect(lambda *_a: self._refresh_later.start())
        self.runs: list[TrainingRunWindow] = []

    def ask(self) -> TrainingRunWindow | None:
        """Ask for settings and start a run on the open dataset's finished images."""
        session = self.session
        if session.dataset is None or session.index is None:
            self.show_error(self.tr("Train a Model"), self.tr("Open a dataset first."))
            return None
        if session.is_indexing():
            self.show_error(self.tr("Train a Model"), self.tr("Wait until the dataset is indexed: which images "
                                                              "are finished is known then."))
            return None
        chosen = select_training_images(session.dataset, session.index, session.store)
        left = self.tr("{0} unlabeled and {1} labeled by a model without review are left out.").format(
            chosen.unlabeled_left_out, chosen.machine_left_out)
        dialog = TrainDialog(len(chosen.paths), left, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.start(dialog.settings().to_dict())

    def start(self, settings: dict) -> TrainingRunWindow:
        """Open a run window for ``settings`` and start it."""
        session = self.session
        assert session.dataset is not None
        params = TrainParams(str(default_run_dir(session.dataset.root)), settings)

        def context(token: CancelToken) -> JobContext:
            return JobContext(session.store, token, session.dataset, session.owner, session.index)

        run = TrainingRunWindow(context, params, self.window)
        run.model_chosen.connect(self.models.load)
        run.prelabel_requested.connect(self.close_the_loop)
        run.ended.connect(lambda state, r=run: self.compare(r, context) if state == "done" else None)
        run.ended.connect(lambda _state: self._refresh_later.start())
        self.runs.append(run)
        run.show()
        run.start()
        return run

    def close_the_loop(self, best: str) -> None:
        """Load ``best``, pre-label every unlabeled image with it, then open the review queue,
        lowest confidence first."""

        def loaded(_info: object) -> None:
            self.models.loaded.disconnect(loaded)
            self.prelabel.run_finished.connect(finished)
            if not self.prelabel.start(only_unlabeled=True):
                self.prelabel.run_finished.disconnect(finished)

        def finished(_run_id: int) -> None:
            self.prelabel.run_finished.disconnect(finished)
            self.review.panel.sort_box.setCurrentIndex(self.review.panel.sort_box.findData(Sort.LOWEST_CONFIDENCE))
            self.review.set_mode(True)

        self.models.loaded.connect(loaded)
        self.models.load(best)

    def preview_augmentation(self) -> None:
        """Open the augmentation preview on the finished images (their data prepared off the GUI thread)."""
        from studio.core.training.augment import preview_data
        from studio.core.training.jobs import augment_cache_dir

        session = self.session
        if session.dataset is None or session.index is None or session.is_indexing():
            self.show_error(self.tr("Preview Augmentation"),
                            self.tr("Open a dataset and let it finish indexing first."))
            return
        dataset, index, store = session.dataset, session.index, session.store
        cache = augment_cache_dir(dataset.root)

        def opened(data_yaml: object) -> None:
            self.preview = AugmentPreviewWindow(data_yaml, list(dataset.classes.names), self.window)  # type: ignore[arg-type]
            self.preview.show()
            self.preview.refresh()

        run_call(lambda: preview_data(dataset, index, store, cache), opened,
                 lambda error: self.show_error(self.tr("Preview Augmentation"), error.message))

    def compare(self, run: TrainingRunWindow, context: Callable[[CancelToken], JobContext]) -> None:
        """Validate the new model and the previous one on today's val images (off the GUI thread)."""
        from studio.core.jobspec import run_recorded
        from studio.core.training.compare import COMPARE, comparison_params

        params = comparison_params(self.session.store, run.params.run_dir)
        if params is None:
            return
        run.comparison.setText(self.tr("Comparing with the previous model on the same val images…"))
        worker = JobWorker(lambda token: run_recorded(COMPARE, params, context(token)), run)
        worker.progress.connect(lambda p: run.comparison.setText(self._comparison(*p.payload))
                                if p.stage == "model" and len(p.payload[1]) == len(params.run_dirs) else None)
        worker.failed.connect(lambda msg, _d: run.comparison.setText(msg))
        run.compare_worker = worker
        worker.start()

    def _comparison(self, n_val: int, scores: list) -> str:
        from pathlib import Path

        lines = [self.tr("On the same {0} val images, labeled as they are now (none of the models trained on "
                         "them):").format(n_val)]
        for s in scores:
            name = Path(s.run_dir).name
            lines.append(self.tr("{0}: could not validate ({1})").format(name, s.error) if s.error else
                         self.tr("{0}: mAP50 {1:.3f}, mAP50-95 {2:.3f}").format(name, s.map50, s.map50_95))
        return "\n".join(lines)

    def refresh_loop(self) -> None:
        """Recount the loop panel off the GUI thread."""
        from studio.core.training.loop import loop_status

        dataset, index, store = self.session.dataset, self.session.index, self.session.store
        if dataset is None or index is None or self.session.is_indexing():
            return
        run_call(lambda: loop_status(dataset, index, store), self.loop.show_status,
                 lambda error: self.loop.values["model"].setText(error.message))
