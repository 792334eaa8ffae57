"""The Check tab: run the dataset QA off the GUI thread, list findings, open each one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from PyQt6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, pyqtSignal
from PyQt6.QtGui import QColor
from PyQt6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from studio.core.findings import Severity
from studio.core.insight.jobs import CHECK, CheckParams
from studio.core.insight.qa import QAReport
from studio.core.jobs import CancelToken
from studio.core.jobspec import JobContext, run_recorded
from studio.ui.insight.job_tab import JobTab
from studio.ui.session import DatasetSession
from studio.ui.status import IndexStatus
from studio.ui.texts import finding_text

if TYPE_CHECKING:
    from studio.core.jobs import Progress

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
_COLORS = {Severity.ERROR: QColor("#c0392b"), Severity.WARNING: QColor("#b9770e"), Severity.INFO: QColor("#566573")}


class FindingsModel(QAbstractTableModel):
    """Rows of a ``QAReport``: severity, image, line, message (translated)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = QAReport()
        self._headers = [self.tr("Severity"), self.tr("Image"), self.tr("Line"), self.tr("Problem")]
        self._severity = {Severity.ERROR: self.tr("error"), Severity.WARNING: self.tr("warning"),
                          Severity.INFO: self.tr("info")}

    def set_report(self, report: QAReport) -> None:
        """Show ``report``."""
        self.beginResetModel()
        self.report = report
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Findings."""
        return 0 if parent.isValid() else len(self.report.issues)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Four columns."""
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802, ANN201
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Cell text, colour and sort keys."""
        if not index.isValid():
            return None
        issue = self.report.issues[index.row()]
        f, col = issue.finding, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return self._severity[f.severity]
            if col == 1:
                return issue.image or (str(f.path) if f.path else "")
            if col == 2:
                return "" if f.line is None else f.line
            return finding_text(f, with_place=False)
        if role == Qt.ItemDataRole.ForegroundRole and col == 0:
            return _COLORS[f.severity]
        if role == SORT_ROLE:
            if col == 0:
                return (_ORDER[f.severity], index.row())
            if col == 2:
                return f.line if f.line is not None else -1
            return self.data(index)
        return None


class CheckTab(JobTab):
    """Runs the QA; a double-click (or Enter) on a finding opens its image and box."""

    open_image = pyqtSignal(str, int)  # relative image path, box index (-1: none)
    surveyed = pyqtSignal(object)  # the Survey the check read (the statistics reuse it)

    def __init__(self, session: DatasetSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.run_button = QPushButton(self.tr("Check Dataset"), self)
        self.pixels = QCheckBox(self.tr("Also compare box colours (decodes every labeled image; slower)"), self)
        self.severity = QComboBox(self)
        for text in (self.tr("All findings"), self.tr("Errors"), self.tr("Warnings"), self.tr("Info")):
            self.severity.addItem(text)
        self.summary = QLabel(self.tr("Finds what Ultralytics would reject or silently fix, and what it misses. "
                                      "Nothing is modified."), self)
        self.summary.setWordWrap(True)
        self.status = IndexStatus(self, ("start", "survey"), self.tr("Checking {0} / {1} · {2}/s · ETA {3}"))
        self.model = FindingsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(0)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        top = QHBoxLayout()
        top.addWidget(self.run_button)
        top.addWidget(self.pixels)
        top.addStretch(1)
        top.addWidget(self.severity)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        self.run_button.clicked.connect(self.start)
        self.status.cancel_requested.connect(self.cancel)
        self.severity.currentIndexChanged.connect(self._filter)
        self.table.activated.connect(self._open)  # double-click or Enter

    def start(self) -> None:
        """Check the open dataset in the background."""
        ds = self.session.dataset
        if ds is None:
            self.summary.setText(self.tr("Open a dataset first."))
            return
        pixels = self.pixels.isChecked()

        store, owner = self.session.store, self.session.owner

        def job(token: CancelToken) -> Iterator[Progress]:
            yield from run_recorded(CHECK, CheckParams(pixels), JobContext(store, token, ds, owner))

        self.run_job(job, self._on_progress, self.tr("Check failed: {0}"))

    def _on_progress(self, progress: Progress) -> None:
        if progress.stage == "done" and isinstance(progress.payload, tuple):
            self.show_report(progress.payload[0])
            self.surveyed.emit(progress.payload[1])
        else:
            self.status.show_progress(progress)

    def show_report(self, report: QAReport) -> None:
        """Fill the table and the summary."""
        self.model.set_report(report)
        self.table.resizeColumnsToContents()
        self.summary.setText(self.tr("{0} images, {1} boxes: {2} errors (Ultralytics would leave these images "
                                     "out), {3} warnings, {4} info. Double-click a finding to open it.").format(
            report.images, report.boxes, report.count(Severity.ERROR), report.count(Severity.WARNING),
            report.count(Severity.INFO)))

    def _filter(self, choice: int) -> None:
        names = ["", self.model._severity[Severity.ERROR], self.model._severity[Severity.WARNING],
                 self.model._severity[Severity.INFO]]
        self.proxy.setFilterFixedString(names[choice])

    def _open(self, index: QModelIndex) -> None:
        row = self.proxy.mapToSource(index).row()
        issue = self.model.report.issues[row]
        if issue.image:
            self.open_image.emit(issue.image, -1 if issue.box is None else issue.box)
