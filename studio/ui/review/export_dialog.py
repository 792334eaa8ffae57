"""Export images and labels as an Ultralytics dataset: folder, split, seed, copy or link."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PyQt6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studio.core.dataset.export import ExportError, ExportSummary
from studio.core.dataset.layout import Dataset
from studio.core.jobs import CancelToken
from studio.core.jobspec import JobContext, JobSpec, run_recorded
from studio.core.store.db import Store
from studio.ui.spin_boxes import double_spin
from studio.ui.workers import JobWorker

if TYPE_CHECKING:
    from studio.core.jobs import Progress


class ExportDialog(QDialog):
    """Choose where and how; the export runs off the GUI thread with progress and cancel."""

    def __init__(self, dataset: Dataset, paths: list[str], spec: JobSpec,
                 params_for: Callable[[str, float, float, int, bool, bool], Any], store: Store | None,
                 parent: QWidget | None = None) -> None:
        """``spec`` is the export job; ``params_for(out, val, test, seed, link, coco)`` its parameters."""
        super().__init__(parent)
        self.dataset, self.paths, self.spec, self.params_for, self.store = dataset, paths, spec, params_for, store
        self.setWindowTitle(self.tr("Export as Ultralytics Dataset"))
        self.folder = QLineEdit(str(dataset.root.parent / f"{dataset.root.name}-export"), self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.val = double_spin(self, 0.0, 0.9, 0.2, 0.05)
        self.test = double_spin(self, 0.0, 0.5, 0.0, 0.05)
        self.seed = QSpinBox(self)
        self.seed.setRange(0, 2**31 - 1)
        self.link = QCheckBox(self.tr("Hard-link images instead of copying (same disk only)"), self)
        self.coco = QCheckBox(self.tr("Also write COCO JSON (annotations/instances_<split>.json)"), self)
        form = QFormLayout()
        form.addRow(self.tr("Folder (new or empty)"), row)
        form.addRow(self.tr("Validation share"), self.val)
        form.addRow(self.tr("Test share"), self.test)
        form.addRow(self.tr("Split seed"), self.seed)
        form.addRow("", self.link)
        form.addRow("", self.coco)
        self.info = QLabel(self.tr("{0} images; the split is stratified by class.").format(len(paths)), self)
        self.info.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.go = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.go.clicked.disconnect()
        self.go.clicked.connect(self.start)
        self.buttons.rejected.connect(self._cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.info)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)
        self.worker: JobWorker | None = None
        self.summary: ExportSummary | None = None

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export Folder"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def start(self) -> None:
        """Run the export."""
        out = Path(self.folder.text().strip()).expanduser()
        if out.exists() and any(out.iterdir()):
            self.info.setText(self.tr("{0} is not empty; choose an empty or new folder.").format(out))
            return
        ds, paths, spec, store = self.dataset, self.paths, self.spec, self.store
        params = self.params_for(str(out), self.val.value(), self.test.value(), self.seed.value(),
                                 self.link.isChecked(), self.coco.isChecked())

        def job(token: CancelToken) -> Iterator[Progress]:
            yield from run_recorded(spec, params, JobContext(store, token, ds, "window"))

        self.go.setEnabled(False)
        self.bar.show()
        self.bar.setRange(0, len(paths))
        self.worker = JobWorker(job, self)
        self.worker.progress.connect(self._on_progress)
        self.worker.finished.connect(self._on_finished)
        self.worker.failed.connect(self._on_failed)
        self.worker.start()

    def _on_progress(self, progress: Progress) -> None:
        self.bar.setValue(progress.done)
        self.summary = progress.payload

    def _on_finished(self, completed: bool) -> None:
        self.go.setEnabled(True)
        s = self.summary
        if s is None:
            return
        parts = ", ".join(f"{k} {n}" for k, n in s.counts.items())
        text = (self.tr("Exported to {0}: {1} images ({2}). Train with: yolo train data=\"{3}\"")
                .format(s.out, sum(s.counts.values()), parts, s.out / "data.yaml") if completed
                else self.tr("Export stopped; {0} is incomplete.").format(s.out))
        if s.dropped_lines:
            text += "\n" + self.tr("{0} non-box lines (polygons, malformed rows) were left out.").format(
                s.dropped_lines)
        if s.skipped:
            text += "\n" + self.tr("{0} images could not be copied: {1}").format(
                len(s.skipped), "; ".join(f"{p}: {r}" for p, r in s.skipped[:3]))
        self.info.setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))

    def _on_failed(self, message: str, _details: str) -> None:
        self.go.setEnabled(True)
        self.info.setText(self.tr("Export failed: {0}").format(message.removeprefix(f"{ExportError.__name__}: ")))

    def _cancel(self) -> None:
        if self.worker is not None and self.worker.is_running():
            self.worker.cancel()
            self.worker.wait()
        self.reject()
