"""File > Import Labels…: choose a source and a format, preview what would change image by image,
map classes, then import on a worker thread (the same job as ``studio import``)."""

from __future__ import annotations

from pathlib import Path

from PyQt6.QtCore import pyqtSignal
from PyQt6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.core.dataset.layout import Dataset
from studio.core.interchange.importer import ImportPlan
from studio.core.interchange.jobs import IMPORT, ImportParams, import_plan
from studio.core.jobspec import JobContext, run_recorded
from studio.core.store.db import Store
from studio.ui.background import run_call
from studio.ui.texts import error_text
from studio.ui.workers import JobWorker

FORMATS = ("voc", "labelme", "coco", "cvat")
MODES = ("skip", "merge", "replace")
DROP = "\x00drop"


class ImportDialog(QDialog):
    """Preview first, then import; ``imported`` is emitted once the labels are written."""

    imported = pyqtSignal(int)  # images written
    planned = pyqtSignal(object)  # ImportPlan (each preview)

    def __init__(self, dataset: Dataset, store: Store | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import Labels"))
        self.dataset, self.store = dataset, store
        self.plan: ImportPlan | None = None
        self.worker: JobWorker | None = None
        self.fmt = QComboBox(self)
        self.fmt.addItems([self.tr("LabelImg (Pascal VOC XML)"), self.tr("labelme / X-AnyLabeling JSON"),
                           self.tr("COCO JSON"), self.tr("CVAT for images XML")])
        self.source = QLineEdit(self)
        self.source.setPlaceholderText(self.tr("a file, or a folder searched for them"))
        pick_file, pick_folder = QPushButton(self.tr("File…"), self), QPushButton(self.tr("Folder…"), self)
        pick_file.clicked.connect(self._pick_file)
        pick_folder.clicked.connect(self._pick_folder)
        row = QHBoxLayout()
        for w in (self.source, pick_file, pick_folder):
            row.addWidget(w)
        self.mode = QComboBox(self)
        self.mode.addItems([self.tr("Skip images that have labels"), self.tr("Merge (duplicates suppressed)"),
                            self.tr("Replace their labels")])
        self.skip_difficult = QCheckBox(self.tr("Leave out boxes marked difficult (VOC)"), self)
        self.segments = QCheckBox(self.tr("Keep polygons as segments (not their boxes)"), self)
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.fmt)
        form.addRow(self.tr("Source"), row)
        form.addRow(self.tr("Images with labels"), self.mode)
        form.addRow("", self.skip_difficult)
        form.addRow("", self.segments)
        self.classes = QTableWidget(0, 2, self)
        self.classes.setHorizontalHeaderLabels([self.tr("Source class"), self.tr("Dataset class")])
        self.classes.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.classes.verticalHeader().hide()
        self.items = QTableWidget(0, 4, self)
        self.items.setObjectName("import_preview")
        self.items.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Image"), self.tr("Boxes"),
                                              self.tr("Problems")])
        header = self.items.horizontalHeader()
        for column in range(3):  # action, image path and box count on one line each
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.items.verticalHeader().hide()
        self.items.setWordWrap(False)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.preview_button = QPushButton(self.tr("Preview"), self)
        self.import_button = QPushButton(self.tr("Import"), self)
        self.import_button.setEnabled(False)
        close = QPushButton(self.tr("Close"), self)
        self.preview_button.clicked.connect(self.preview)
        self.import_button.clicked.connect(self.start_import)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.preview_button, self.import_button, close):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Classes (by name; new names are added after the existing classes):"), self))
        layout.addWidget(self.classes, 1)
        layout.addWidget(QLabel(self.tr("What would change, image by image:"), self))
        layout.addWidget(self.items, 3)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        self.resize(820, 640)
        for signal in (self.fmt.currentIndexChanged, self.mode.currentIndexChanged, self.source.textChanged,
                       self.skip_difficult.toggled, self.segments.toggled):
            signal.connect(lambda *_a: self.import_button.setEnabled(False))

    def _pick_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Labels file"), "",
                                              self.tr("Label files (*.xml *.json);;All files (*)"))
        if path:
            self.source.setText(path)

    def _pick_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Folder of label files"))
        if path:
            self.source.setText(path)

    def params(self) -> ImportParams:
        """The import as chosen (the class table's choices as the mapping)."""
        mapping = {}
        for r in range(self.classes.rowCount()):
            name, combo = self.classes.item(r, 0).text(), self.classes.cellWidget(r, 1)
            target = combo.currentData()
            mapping[name] = "" if target == DROP else str(target)
        return ImportParams(self.source.text().strip(), FORMATS[self.fmt.currentIndex()],
                            MODES[self.mode.currentIndex()], mapping, self.skip_difficult.isChecked(),
                            self.segments.isChecked())

    def preview(self) -> None:
        """Plan the import off the GUI thread and show it; nothing is written."""
        params = self.params()
        if not params.src or not Path(params.src).exists():
            self.summary.setText(self.tr("Choose a label file or a folder first."))
            return
        self.preview_button.setEnabled(False)
        self.summary.setText(self.tr("Reading…"))
        dataset = self.dataset
        run_call(lambda: import_plan(params, dataset), self._show_plan, self._on_error)

    def _on_error(self, error: object) -> None:
        self.preview_button.setEnabled(True)
        self.summary.setText(self.tr("Cannot read the source: {0}").format(error_text(str(error))))

    def _show_plan(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.preview_button.setEnabled(True)
        self._fill_classes(plan)
        self.items.setRowCount(0)
        actions = {"new": self.tr("add"), "skip": self.tr("skip (has labels)"), "merge": self.tr("merge"),
                   "replace": self.tr("replace"), "nothing": self.tr("nothing")}
        rows = [(source, "", "", error_text(msg)) for source, msg in plan.file_problems]
        rows += [(actions[i.action], i.image or Path(i.source).name, str(i.boxes + i.segments),
                  "; ".join(error_text(p) for p in i.problems)) for i in plan.items]
        self.items.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                self.items.setItem(r, c, QTableWidgetItem(value))
        writes = sum(1 for i in plan.items if i.action in ("new", "merge", "replace"))
        problems = sum(len(i.problems) for i in plan.items) + len(plan.file_problems)
        text = self.tr("{0} images would be written, {1} skipped; {2} problems.").format(
            writes, sum(1 for i in plan.items if i.action == "skip"), problems)
        if plan.new_classes:
            text += " " + self.tr("New classes: {0}.").format(", ".join(plan.new_classes))
        if plan.counts:
            text += " " + self.tr("Left out or changed: {0}.").format(
                ", ".join(f"{n} {reason}" for reason, n in sorted(plan.counts.items())))
        self.summary.setText(text)
        self.import_button.setEnabled(writes > 0)
        self.planned.emit(plan)

    def _fill_classes(self, plan: ImportPlan) -> None:
        chosen = {self.classes.item(r, 0).text(): self.classes.cellWidget(r, 1).currentData()
                  for r in range(self.classes.rowCount())}
        names = self.dataset.classes.names
        self.classes.setRowCount(len(plan.class_ids))
        for r, (name, cid) in enumerate(plan.class_ids.items()):
            self.classes.setItem(r, 0, QTableWidgetItem(name))
            combo = QComboBox(self)
            for i, dname in enumerate(names):
                combo.addItem(f"{i}: {dname}", i)
            if cid is not None and cid >= len(names):
                combo.addItem(self.tr("{0}: {1} (new)").format(cid, name), name)
            combo.addItem(self.tr("— drop —"), DROP)
            want = chosen.get(name, DROP if cid is None else (cid if cid < len(names) else name))
            combo.setCurrentIndex(max(combo.findData(want), 0))
            combo.currentIndexChanged.connect(lambda *_a: self.import_button.setEnabled(False))
            self.classes.setCellWidget(r, 1, combo)

    def start_import(self) -> None:
        """Run the import job (recorded in the dataset's store) with a progress bar."""
        params, dataset, store = self.params(), self.dataset, self.store
        self.import_button.setEnabled(False)
        self.preview_button.setEnabled(False)
        self.progress.show()
        self.worker = JobWorker(lambda token: run_recorded(IMPORT, params, JobContext(store, token, dataset,
                                                                                      owner="window")), self)
        self.worker.progress.connect(self._on_progress)
        self.worker.finished.connect(self._on_finished)
        self.worker.failed.connect(lambda msg, _t: self.summary.setText(self.tr("Import failed: {0}").format(msg)))
        self.worker.start()

    def _on_progress(self, progress: object) -> None:
        if getattr(progress, "stage", "") == "import":
            self.progress.setMaximum(max(progress.total, 1))
            self.progress.setValue(progress.done)

    def _on_finished(self, completed: bool) -> None:
        self.preview_button.setEnabled(True)
        written = self.progress.value()
        self.summary.setText(self.tr("Imported: labels written for {0} images.").format(written) if completed
                             else self.tr("Import stopped after {0} images; run it again to finish.").format(written))
        self.imported.emit(written)
