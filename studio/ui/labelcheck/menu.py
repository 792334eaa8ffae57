"""Tools > Find Label Errors… and "Measure the Effect": the dialogs, the run windows, and the
way into the review queue of suspicious labels."""

from __future__ import annotations

from collections.abc import Callable

from PyQt6.QtCore import QObject
from PyQt6.QtWidgets import QDialog, QMainWindow, QMenu

from studio.core.jobs import CancelToken, Progress
from studio.core.jobspec import JobContext, run_recorded
from studio.core.labelcheck.plan import LabelCheckParams, plan_check
from studio.ui.actions import make_action
from studio.ui.labelcheck.dialog import LabelCheckDialog
from studio.ui.labelcheck.run_window import JobRunWindow, translated_errors
from studio.ui.prelabel.model_slot import ModelSlot
from studio.ui.review.review_ui import ReviewUi
from studio.ui.session import DatasetSession


class LabelCheckUi(QObject):
    """The Tools menu entry and the Label Errors tab's two buttons."""

    def __init__(self, window: QMainWindow, session: DatasetSession, models: ModelSlot, tools_menu: QMenu,
                 show_error: Callable[[str, str], None], review: ReviewUi) -> None:
        super().__init__(window)
        self.window, self.session, self.models, self.show_error, self.review = window, session, models, show_error, \
            review
        self.action = make_action(window, self.tr("Find &Label Errors…"), self.ask, ())
        tools_menu.addAction(self.action)
        review.label_panel.find_requested.connect(self.ask)
        review.label_panel.effect_requested.connect(self.measure_effect)
        self.windows: list[JobRunWindow] = []

    def _context(self, token: CancelToken) -> JobContext:
        s = self.session
        return JobContext(s.store, token, s.dataset, s.owner, s.index)

    def _ready(self, title: str) -> bool:
        s = self.session
        if s.dataset is None or s.index is None or s.is_indexing():
            self.show_error(title, self.tr("Open a dataset and let it finish indexing first: which images are "
                                           "finished is known then."))
            return False
        return True

    def ask(self) -> JobRunWindow | None:
        """Ask for the settings (showing the cost), then run the check."""
        if not self._ready(self.tr("Find Label Errors")):
            return None
        s = self.session
        dataset, index, store = s.dataset, s.index, s.store
        loaded = str(self.models.info.path) if self.models.info is not None else None
        dialog = LabelCheckDialog(lambda params: plan_check(dataset, index, store, params), loaded, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.start(dialog.params())

    def start(self, params: LabelCheckParams) -> JobRunWindow:
        """Run the check in a window; when it ends, its queue opens in the Review dock."""
        from studio.core.labelcheck.job import LABEL_CHECK

        run = JobRunWindow(self.tr("Find Label Errors"),
                           lambda token: translated_errors(run_recorded(LABEL_CHECK, params, self._context(token))),
                           self._describe_check, self._found, self.window)
        run.action_button.setText(self.tr("Review Them"))
        run.result_ready.connect(lambda _event: (run.action_button.show(), self.review.show_label_errors()))
        run.action_button.clicked.connect(lambda: (self.review.show_label_errors(), run.close()))
        self._show(run)
        return run

    def measure_effect(self) -> JobRunWindow | None:
        """Train on the labels as the newest check found them and as they are now; compare."""
        from studio.core.labelcheck.effect import EFFECT, effect_params_for
        from studio.core.labelcheck.results import latest_check

        title = self.tr("Measure the Effect")
        if not self._ready(title):
            return None
        info = latest_check(self.session.store) if self.session.store is not None else None
        if info is None:
            self.show_error(title, self.tr("Find label errors first: the effect compares the labels as a check "
                                           "found them with the labels as fixed since."))
            return None
        params = effect_params_for(info.work_dir, info.params)
        run = JobRunWindow(title, lambda token: translated_errors(run_recorded(EFFECT, params, self._context(token))),
                           self._describe_effect, self._effect_text, self.window)
        run.result_ready.connect(lambda _result: self.review.label_errors.load())
        self._show(run)
        return run

    def _show(self, run: JobRunWindow) -> None:
        self.windows = [w for w in self.windows if w.isVisible()] + [run]
        run.show()
        run.start()

    def _describe_check(self, progress: Progress) -> str:
        event = progress.payload
        if progress.stage == "plan":
            return self.tr("Preparing {0} folds of {1} images…").format(event.folds, len(event.plan.paths))
        if progress.stage == "train":
            train = event.train
            epoch = f" · {self.tr('epoch {0} of {1}').format(train.epoch + 1, train.epochs)}" if train and \
                train.epochs else ""
            return self.tr("Fold {0} of {1}: training on the other folds").format(event.fold + 1, event.folds) + epoch
        if progress.stage == "predict":
            return self.tr("Fold {0} of {1}: predicting the images it never saw").format(event.fold + 1, event.folds)
        if progress.stage == "score":
            return self.tr("Scoring the labels (cleanlab) and merging studio's own checks…")
        return ""

    def _found(self, event: object) -> str:
        text = self.tr("{0} suspicious labels on {1} images.").format(event.flagged_boxes,  # type: ignore[attr-defined]
                                                                       event.flagged_images)  # type: ignore[attr-defined]
        if event.reused_folds:  # type: ignore[attr-defined]
            text += " " + self.tr("{0} trained fold(s) were reused.").format(event.reused_folds)  # type: ignore[attr-defined]
        return text

    def _describe_effect(self, progress: Progress) -> str:
        if progress.stage == "before":
            return self.tr("Training on the labels as the check found them…")
        if progress.stage == "after":
            return self.tr("Training on the labels as fixed…")
        return ""

    def _effect_text(self, result: object) -> str:
        r = result
        return self.tr("mAP50-95 on {0} val images: {1:.3f} before the fixes, {2:.3f} after ({3:+.3f}). "
                       "mAP50: {4:.3f} → {5:.3f}.").format(r.val_images, r.before_map50_95,  # type: ignore[attr-defined]
                                                            r.after_map50_95, r.gain, r.before_map50,  # type: ignore[attr-defined]
                                                            r.after_map50)  # type: ignore[attr-defined]
