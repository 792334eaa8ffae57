"""The "Label errors" tab of the Review dock: the check's images worst first, the current
image's suspicious labels with their reasons, and buttons that mirror the keys."""

from __future__ import annotations

import datetime as _dt

from PyQt6.QtCore import Qt, pyqtSignal
from PyQt6.QtGui import QFont
from PyQt6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.core.labelcheck.results import EDITED, KEPT, TAKEN
from studio.ui.labelcheck.controller import LabelErrorsController
from studio.ui.texts import error_text


class LabelErrorsPanel(QWidget):
    """What the label-errors queue shows; the buttons emit what the keys do."""

    find_requested = pyqtSignal()
    effect_requested = pyqtSignal()

    def __init__(self, controller: LabelErrorsController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = c = controller
        tr = self.tr
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.images = QListWidget(self)
        self.images.setObjectName("label_errors_images")
        self.images.setMinimumHeight(70)
        self.issues = QListWidget(self)
        self.issues.setObjectName("label_errors_issues")
        self.issues.setWordWrap(True)
        self.issues.setMinimumHeight(50)
        self.take_button = QPushButton(tr("Take (Y)"), self)
        self.take_button.setToolTip(tr("Take the model's suggestion"))
        self.keep_button = QPushButton(tr("Keep (R)"), self)
        self.keep_button.setToolTip(tr("Keep the label as it is"))
        self.edit_button = QPushButton(tr("Edit (E)"), self)
        self.edit_button.setToolTip(tr("Fix it by hand"))
        self.find_button = QPushButton(tr("Find Label Errors…"), self)
        self.effect_button = QPushButton(tr("Measure the Effect…"), self)
        self.effect_button.setToolTip(tr("Train once on the labels as they were and once as fixed (same seed, "
                                         "settings and val split), and compare both mAPs"))
        keys = QLabel(tr("Y: take the model's suggestion · R: keep the label · E: edit by hand\n"
                         "Tab: next issue · Enter: next image · X: keep all and next\n"
                         "Ctrl+Z: undo (also back over an image)"), self)
        keys.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(QLabel(tr("This image"), self))  # what the keys act on comes first
        layout.addWidget(self.issues, 1)
        decide = QHBoxLayout()
        for button in (self.take_button, self.keep_button, self.edit_button):
            decide.addWidget(button)
        layout.addLayout(decide)
        layout.addWidget(keys)
        layout.addWidget(QLabel(tr("Images, worst labels first"), self))
        layout.addWidget(self.images, 2)
        more = QHBoxLayout()
        more.addWidget(self.find_button)
        more.addWidget(self.effect_button)
        layout.addLayout(more)
        self.take_button.clicked.connect(c.take_focused)
        self.keep_button.clicked.connect(c.keep_focused)
        self.edit_button.clicked.connect(c.edit_focused)
        self.find_button.clicked.connect(self.find_requested)
        self.effect_button.clicked.connect(self.effect_requested)
        self.images.itemActivated.connect(self._go)
        self.images.itemClicked.connect(self._go)
        self.issues.itemClicked.connect(self._focus)
        c.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Redraw from the controller."""
        c, tr = self.controller, self.tr
        n_images, n_issues, n_decided = c.counts()
        has = c.check_id is not None
        for w in (self.keep_button, self.edit_button, self.effect_button):
            w.setEnabled(has)
        self.take_button.setEnabled(has and c.can_take())  # an unsure or missing suggestion is not one key
        if not has:
            self.summary.setText(tr("No label check yet. Tools > Find Label Errors… trains models on folds of "
                                    "your finished images and lists the labels they disagree with."))
        else:
            when = _dt.datetime.fromtimestamp(c.created).strftime("%Y-%m-%d %H:%M")
            text = tr("Check of {0}: {1} suspicious labels on {2} images").format(when, n_issues, n_images)
            if c.effect is not None:
                text += "\n" + tr("Measured effect: mAP50-95 {0:.3f} on the labels as they were, {1:.3f} as "
                                   "fixed").format(c.effect.before_map50_95, c.effect.after_map50_95)
            self.summary.setText(text)
        self.progress.setVisible(has)
        self.progress.setRange(0, max(n_issues, 1))
        self.progress.setValue(n_decided)
        self.progress.setFormat(tr("{0} of {1} decided").format(n_decided, n_issues))
        self._fill_images()
        self._fill_issues()

    def _fill_images(self) -> None:
        c = self.controller
        self.images.blockSignals(True)
        self.images.clear()
        for entry in c.entries:
            left = len(entry.open_issues)
            item = QListWidgetItem(self.tr("{0} · {1} open").format(entry.path, left))
            item.setToolTip(self.tr("Label quality {0:.3g} (0 worst, 1 best), from cleanlab's scores").format(
                entry.quality))
            item.setData(Qt.ItemDataRole.UserRole, entry.path)
            if not left:
                item.setForeground(self.palette().placeholderText())
            self.images.addItem(item)
            if entry is c.current:
                item.setSelected(True)
                self.images.setCurrentItem(item)
        self.images.blockSignals(False)

    def _fill_issues(self) -> None:
        c, tr = self.controller, self.tr
        self.issues.clear()
        cur = c.current
        if cur is None:
            return
        done = {KEPT: tr("kept"), TAKEN: tr("suggestion taken"), EDITED: tr("edited by hand")}
        for k, issue in enumerate(cur.issues):
            state = done.get(cur.decisions.get(k, ""), "")
            text = error_text(issue.reason) + (f"  [{state}]" if state else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, k)
            self.issues.addItem(item)
            if k == c.focus:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
                self.issues.setCurrentItem(item)
            elif state:
                item.setForeground(self.palette().placeholderText())

    def _go(self, item: QListWidgetItem) -> None:
        index = self.controller.session.index
        row = index.position(item.data(Qt.ItemDataRole.UserRole)) if index is not None else -1
        if row >= 0:
            self.controller.go_to.emit(row)

    def _focus(self, item: QListWidgetItem) -> None:
        k = item.data(Qt.ItemDataRole.UserRole)
        cur = self.controller.current
        if cur is not None and k in cur.open_issues:
            self.controller.focus = k
            self.controller.draw()
