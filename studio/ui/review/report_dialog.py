"""How good was the model: per-class table, decision rates, threshold advisor, spot check,
and the automatic accept that the advisor's threshold feeds."""

from __future__ import annotations

from collections.abc import Iterator

import pyqtgraph as pg
from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.core.jobs import CancelToken, Progress
from studio.core.jobspec import JobContext, run_recorded
from studio.core.review.auto_accept import eligible_items
from studio.core.review.jobs import AUTO_ACCEPT, AutoAcceptParams
from studio.core.review.report import QualityReport, quality_report
from studio.core.review.workflow import Decision
from studio.ui.background import CallLane
from studio.ui.prelabel.menu import PrelabelUi
from studio.ui.review.controller import ReviewController
from studio.ui.session import DatasetSession
from studio.ui.spin_boxes import double_spin
from studio.ui.texts import error_text
from studio.ui.workers import JobWorker


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


class QualityReportDialog(QDialog):
    """The report of the run under review; recomputed off the GUI thread when opened."""

    def __init__(self, session: DatasetSession, controller: ReviewController, prelabel: PrelabelUi,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.controller, self.prelabel = session, controller, prelabel
        tr = self.tr
        run = controller.queue.run
        self.setWindowTitle(tr("Quality Report — Run {0}").format(run.id if run else "?"))
        self.resize(900, 820)
        self.summary = QLabel(tr("Computing…"), self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 8, self)
        self.table.setHorizontalHeaderLabels([tr("Class"), tr("Boxes"), tr("Proposals"), tr("Precision"),
                                              tr("Recall"), tr("F1"), tr("Best conf."), tr("AP50")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.rates = QLabel(self)
        self.rates.setWordWrap(True)
        # threshold advisor
        self.plot = pg.PlotWidget(self)
        self.plot.setBackground("w")
        self.plot.setLabel("bottom", tr("Confidence threshold"))
        self.plot.setYRange(0, 1.02, padding=0)
        self.plot.setXRange(0, 1, padding=0.02)
        self.plot.addLegend(offset=(-10, 10))
        self.plot.setMinimumHeight(220)
        self.curves = {name: self.plot.plot([], [], pen=pg.mkPen(color, width=2), name=label)
                       for name, color, label in (("p", "#2471a3", tr("Precision")), ("r", "#c0392b", tr("Recall")),
                                                  ("f1", "#27ae60", tr("F1")))}
        self.best_line = pg.InfiniteLine(angle=90, pen=pg.mkPen("#27ae60", style=Qt.PenStyle.DashLine))
        self.target_line = pg.InfiniteLine(angle=90, pen=pg.mkPen("#2471a3", style=Qt.PenStyle.DotLine))
        self.plot.addItem(self.best_line)
        self.plot.addItem(self.target_line)
        self.target = double_spin(self, 0.5, 1.0, 0.95, 0.01, name="precision_target")
        self.advice = QLabel(self)
        self.advice.setWordWrap(True)
        self.use_best = QPushButton(tr("Show Proposals from the Best-F1 Threshold"), self)
        self.use_target = QPushButton(tr("Show Proposals from the Precision Threshold"), self)
        advisor = QGroupBox(tr("Confidence threshold advisor"), self)
        al = QVBoxLayout(advisor)
        al.addWidget(self.plot)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Precision target"), self))
        row.addWidget(self.target)
        row.addStretch(1)
        al.addLayout(row)
        al.addWidget(self.advice)
        row2 = QHBoxLayout()
        row2.addWidget(self.use_best)
        row2.addWidget(self.use_target)
        al.addLayout(row2)
        self.spot = QLabel(self)
        self.spot.setWordWrap(True)
        # automatic accept
        self.auto_box = QGroupBox(tr("Accept automatically"), self)
        self.auto_threshold = double_spin(self, 0.05, 1.0, 0.8, 0.01, name="auto_threshold")
        self.spot_share = double_spin(self, 0.0, 0.5, 0.05, 0.01, decimals=3)
        self.spot_min = QSpinBox(self)
        self.spot_min.setRange(1, 10_000)
        self.spot_min.setValue(20)
        self.seed = QSpinBox(self)
        self.seed.setRange(0, 2**31 - 1)
        self.eligible = QLabel(self)
        self.eligible.setWordWrap(True)
        self.auto_go = QPushButton(tr("Accept Automatically"), self)
        self.auto_go.setObjectName("auto_go")
        self.auto_bar = QProgressBar(self)
        self.auto_bar.hide()
        fl = QFormLayout(self.auto_box)
        fl.addRow(tr("Every proposal of the image at or above"), self.auto_threshold)
        fl.addRow(tr("Hold back for a human spot check (share)"), self.spot_share)
        fl.addRow(tr("… and at least (images)"), self.spot_min)
        fl.addRow(tr("Sample seed"), self.seed)
        fl.addRow(self.eligible)
        fl.addRow(self.auto_go)
        fl.addRow(self.auto_bar)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        self.models = QLabel(self)
        self.models.setWordWrap(True)
        self.models.setObjectName("models_on_val")
        layout.addWidget(self.models)
        layout.addWidget(self.table)
        layout.addWidget(self.rates)
        layout.addWidget(advisor, 1)
        layout.addWidget(self.spot)
        layout.addWidget(self.auto_box)
        layout.addWidget(buttons)
        self.report: QualityReport | None = None
        self._threshold_suggested = False
        self.report_lane = CallLane(self, "latest")  # a recompute asked meanwhile replaces the waiting one
        self.report_lane.result.connect(self.show_report)
        self.report_lane.failed.connect(
            lambda error: self.summary.setText(self.tr("Cannot compute: {0}").format(error_text(error.exception))))
        self.auto_worker: JobWorker | None = None
        self.target.valueChanged.connect(self._update_advice)
        self.auto_threshold.valueChanged.connect(self._update_eligible)
        self.use_best.clicked.connect(lambda: self._use(self.best_line.value()))
        self.use_target.clicked.connect(lambda: self._use(self.target_line.value()))
        self.auto_go.clicked.connect(lambda: self.start_auto_accept())
        self._update_eligible()
        self.recompute()

    # report -----------------------------------------------------------------------------------
    def recompute(self) -> None:
        """Compute the report in the background."""
        ds, store, run = self.session.dataset, self.session.store, self.controller.queue.run
        if ds is None or store is None or run is None:
            return

        run_id = run.id
        self.report_lane.submit(lambda: quality_report(ds, store, run_id))

    def show_report(self, rep: QualityReport) -> None:
        """Fill every section from ``rep``."""
        self.report = rep
        tr = self.tr
        self._show_models()
        if not rep.images:
            self.summary.setText(tr("No image of this run has been reviewed by a human yet: review some "
                                    "(Enter accepts, X rejects) and the model's quality appears here."))
        else:
            text = tr("{0} images reviewed by a human. mAP50 {1:.3f} · mAP50-95 {2:.3f} (proposals against "
                      "the final labels, COCO matching).").format(rep.images, rep.map50, rep.map50_95)
            if rep.missing_images:
                text += " " + tr("{0} reviewed images were left out: image or label file gone.").format(
                    len(rep.missing_images))
            self.summary.setText(text)
        self.table.setRowCount(len(rep.classes) + 1)
        for r, c in enumerate(rep.classes):
            name = rep.names[c.class_id] if 0 <= c.class_id < len(rep.names) else f"#{c.class_id}"
            ap = f"{c.ap50:.3f}" if c.n_gt else "—"
            self._row(r, [name, str(c.n_gt), str(c.n_pred), f"{c.precision:.3f}", f"{c.recall:.3f}",
                          f"{c.f1:.3f}", f"{c.best_conf:.2f}", ap])
        t, f1 = rep.curve.best_f1()
        p, rc, _ = rep.curve.at(t)
        self._row(len(rep.classes), [tr("All"), str(rep.curve.n_gt),
                                     str(sum(c.n_pred for c in rep.classes)), f"{p:.3f}", f"{rc:.3f}",
                                     f"{f1:.3f}", f"{t:.2f}", f"{rep.map50:.3f}"], bold=True)
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        rows_h = sum(self.table.rowHeight(r) for r in range(min(self.table.rowCount(), 12)))
        self.table.setMinimumHeight(self.table.horizontalHeader().height() + rows_h + 4)
        if rep.shown:
            self.rates.setText(tr("Decisions on {0} proposals shown: accepted {1}, edited {2}, rejected {3}; "
                                  "{4} duplicates of existing boxes; {5} boxes drawn by hand (missed by the "
                                  "model).").format(rep.shown, _pct(rep.rate(Decision.ACCEPTED)),
                                                    _pct(rep.rate(Decision.EDITED)),
                                                    _pct(rep.rate(Decision.REJECTED)),
                                                    rep.decisions.get(Decision.DUPLICATE.value, 0), rep.added))
        else:
            self.rates.setText("")
        c = rep.curve
        for key, ys in (("p", c.precision), ("r", c.recall), ("f1", c.f1)):
            self.curves[key].setData(c.thresholds, ys)
        self.best_line.setValue(t)
        if len(c.thresholds) and not self._threshold_suggested:
            # suggest the best-F1 threshold once; never override the reviewer's own choice
            self._threshold_suggested = True
            self.auto_threshold.setValue(max(t, self.auto_threshold.minimum()))
        self._update_advice()
        self._show_spot_check(rep)

    def _show_models(self) -> None:
        """The trained models compared on the fixed val split (the latest comparison studio ran)."""
        from pathlib import Path

        from studio.core.store import job_runs

        store = self.session.store
        last = job_runs.history(store, "compare_models", limit=1) if store is not None else []
        summary = last[0].summary if last and last[0].status == "finished" else None
        lines = []
        if summary and summary.get("models"):
            parts = [self.tr("{0}: mAP50 {1:.3f}").format(Path(m["run"]).name, m["mAP50"])
                     for m in summary["models"] if not m.get("error")]
            lines.append(self.tr("Trained models on the fixed val split ({0} images none of them trained on): "
                                 "{1}").format(summary.get("val_images", 0), " · ".join(parts)))
        effect = job_runs.history(store, "label-fix-effect", limit=1) if store is not None else []
        e = effect[0].summary if effect and effect[0].status == "finished" else None
        if e:
            lines.append(self.tr("Label fixes, measured (seed {0}, {1} epochs, {2} val images): mAP50-95 {3:.3f} "
                                 "on the labels as they were, {4:.3f} as fixed; mAP50 {5:.3f} and {6:.3f}").format(
                e["seed"], e["epochs"], e["val_images"], e["before_map50_95"], e["after_map50_95"],
                e["before_map50"], e["after_map50"]))
        self.models.setText("\n".join(lines))

    def _show_spot_check(self, rep: QualityReport) -> None:
        """The latest automatic accept and what its spot check found."""
        tr = self.tr
        s = rep.spot
        if s is None:
            self.spot.setText(tr("No automatic accept yet."))
        elif not s.checked:
            self.spot.setText(tr("Automatic accept at {0:.2f}: {1} images accepted; {2} held back for a spot "
                                 "check, none reviewed yet (they come first in the queue).").format(
                s.threshold, s.auto_accepted, s.sampled))
        else:
            lo, hi = s.interval()
            self.spot.setText(tr("Spot check of the automatic accept at {0:.2f}: {1} of {2} images checked; "
                                 "{3} needed a change ({4}, 95% interval {5}–{6}); {7} wrongly accepted "
                                 "boxes, {8} missed boxes. {9} images were accepted automatically.").format(
                s.threshold, s.checked, s.sampled, s.needed_change, _pct(s.error_rate), _pct(lo), _pct(hi),
                s.false_accepts, s.missed, s.auto_accepted))

    def _row(self, r: int, values: list[str], bold: bool = False) -> None:
        for k, v in enumerate(values):
            item = QTableWidgetItem(v)
            if k:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if bold:
                f = item.font()
                f.setBold(True)
                item.setFont(f)
            self.table.setItem(r, k, item)

    def _update_advice(self) -> None:
        rep = self.report
        if rep is None or not len(rep.curve.thresholds):
            self.advice.setText(self.tr("The advisor needs reviewed images with proposals."))
            self.use_target.setEnabled(False)
            return
        t, f1 = rep.curve.best_f1()
        p, r, _ = rep.curve.at(t)
        text = self.tr("Best F1 {0:.3f} at confidence {1:.2f} (precision {2:.3f}, recall {3:.3f}).").format(
            f1, t, p, r)
        hit = rep.curve.for_precision(self.target.value())
        if hit is None:
            text += " " + self.tr("No threshold reaches precision {0:.2f}.").format(self.target.value())
            self.target_line.hide()
        else:
            text += " " + self.tr("Precision {0:.2f} or better from confidence {1:.2f} (recall {2:.3f}).").format(
                self.target.value(), hit[0], hit[1])
            self.target_line.setValue(hit[0])
            self.target_line.show()
        self.use_target.setEnabled(hit is not None)
        self.advice.setText(text)

    def _use(self, threshold: float) -> None:
        self.prelabel.set_threshold(float(threshold))

    # automatic accept -------------------------------------------------------------------------
    def focus_auto_accept(self) -> None:
        """Bring the automatic accept section into view."""
        self.auto_threshold.setFocus()

    def _update_eligible(self) -> None:
        n = len(eligible_items(self.controller.queue.items, self.auto_threshold.value()))
        self.eligible.setText(self.tr("{0} images not reviewed yet have every proposal at or above this "
                                      "confidence.").format(n))
        self.auto_go.setEnabled(n > 0 and (self.auto_worker is None or not self.auto_worker.is_running()))

    def start_auto_accept(self, confirm: bool = True) -> bool:
        """Accept eligible images automatically (after a confirmation), keeping a spot-check sample."""
        ds, store, c = self.session.dataset, self.session.store, self.controller.queue
        if ds is None or store is None or c.run is None:
            return False
        threshold, share, minimum, seed = (self.auto_threshold.value(), self.spot_share.value(),
                                           self.spot_min.value(), self.seed.value())
        n = len(eligible_items(c.items, threshold))
        if confirm:
            answer = QMessageBox.question(self, self.tr("Accept automatically"), self.tr(
                "Write the proposals of {0} images into their label files (boxes they already have are kept)? "
                "A random {1} of them (at least {2}) is held back for your spot check.").format(
                n, _pct(share), minimum), QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.controller.editor.save_now()
        params, owner = AutoAcceptParams(c.run.id, threshold, share, minimum, seed), self.session.owner

        def job(token: CancelToken) -> Iterator[Progress]:
            yield from run_recorded(AUTO_ACCEPT, params, JobContext(store, token, ds, owner))

        self.auto_bar.show()
        self.auto_bar.setRange(0, max(n, 1))
        self.auto_go.setEnabled(False)
        self.auto_worker = JobWorker(job, self)
        self.auto_worker.progress.connect(self._on_auto_progress)
        self.auto_worker.finished.connect(self._on_auto_finished)
        self.auto_worker.failed.connect(lambda msg, _d: self.eligible.setText(
            self.tr("Automatic accept failed: {0}").format(msg)))
        self.auto_worker.start()
        return True

    def _on_auto_progress(self, progress: Progress) -> None:
        self.auto_bar.setRange(0, max(progress.total, 1))
        self.auto_bar.setValue(progress.done)
        self._auto_stats = progress.payload

    def _on_auto_finished(self, _completed: bool) -> None:
        stats = getattr(self, "_auto_stats", {}) or {}
        text = self.tr("Accepted {0} images automatically ({1} boxes, {2} duplicates skipped); {3} held back "
                       "for a spot check.").format(stats.get("accepted", 0), stats.get("boxes", 0),
                                                   stats.get("duplicates", 0), stats.get("spot", 0))
        if stats.get("failed"):
            text += " " + self.tr("{0} images failed: {1}").format(
                len(stats["failed"]), "; ".join(f"{p}: {r}" for p, r in stats["failed"][:3]))
        doc = self.controller.editor.doc
        if doc is not None:  # the image on screen may have been accepted automatically
            self.controller.editor.refresh_from_disk(doc)
        self.controller.queue.refresh_queue()
        self.controller.reload_current()
        if self.controller.queue.active:
            self.controller.next_pending(from_start=True)  # the spot checks come first
        self.eligible.setText(text)
        self.auto_go.setEnabled(False)
        self.recompute()

    def closeEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        """Wait for background work (the automatic accept finishes the image it is on)."""
        if self.auto_worker is not None and self.auto_worker.is_running():
            self.auto_worker.cancel()
            self.auto_worker.wait()
        self.report_lane.wait()
        super().closeEvent(event)

