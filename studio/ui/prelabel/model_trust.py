"""Model files that carry code: the question before trusting one, and the list to revoke trust.

A ``.pt`` file the safe loader refuses is never opened silently. The user is asked, with the
file named and the risk said, and the default answer is No. Yes records the file's hash as
trusted (``studio.core.inference.trust``) and loads it through its converted copy. File >
Trusted Model Files lists every trusted file and revokes trust.
"""

from __future__ import annotations

import time
from pathlib import Path

from PyQt6.QtCore import QObject, Qt
from PyQt6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.core.inference.trust import TrustList
from studio.ui.actions import make_action
from studio.ui.prelabel.model_slot import ModelSlot


class ModelTrustUi(QObject):
    """Asks before a refused model file is trusted; offers the list of trusted files."""

    def __init__(self, window: QWidget, models: ModelSlot, trust_list: TrustList | None = None) -> None:
        super().__init__(window)
        self.window, self.models = window, models
        self.trust_list = trust_list or TrustList()
        self.question: QMessageBox | None = None
        self.act_trusted = make_action(window, self.tr("&Trusted Model Files…"), self.show_trusted)
        models.refused.connect(self.ask)

    def ask(self, path: str, reason: str) -> QMessageBox:
        """Say why ``path`` was not opened and offer to open it anyway (default: No)."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Model file not opened"), reason,
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setInformativeText(self.tr(
            "Open it anyway only if you trust where {0} came from: its code will run once, in a separate "
            "process, to convert it into a file studio can open safely. Your choice is remembered for this "
            "exact file and can be revoked in File > Trusted Model Files.").format(Path(path).name))
        trust_button = box.addButton(self.tr("Trust and Open"), QMessageBox.ButtonRole.AcceptRole)
        keep_out = box.addButton(self.tr("Don't Open"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep_out)
        box.setEscapeButton(keep_out)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done(_result: int) -> None:
            self.question = None
            self.window.activateWindow()
            if box.clickedButton() is trust_button:
                self.models.load(path, trust=True)

        box.finished.connect(done)
        self.question = box
        box.open()
        return box

    def show_trusted(self) -> TrustedModelsDialog:
        """Open the list of trusted model files."""
        dialog = TrustedModelsDialog(self.trust_list, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog


class TrustedModelsDialog(QDialog):
    """Every trusted model file (name, when, hash, where it was), with Revoke."""

    def __init__(self, trust_list: TrustList, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.trust_list = trust_list
        self.setWindowTitle(self.tr("Trusted Model Files"))
        self.resize(720, 320)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "These model files may run their own code: studio converted each once into a copy it opens "
            "safely. Revoke trust to be asked again next time.")))
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("File"), self.tr("Trusted on"), self.tr("SHA-256"), self.tr("Path")])
        self.tree.setRootIsDecorated(False)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.revoke_button = QPushButton(self.tr("&Revoke Trust"), self)
        buttons.addButton(self.revoke_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.revoke_button.clicked.connect(self.revoke_selected)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the list."""
        self.tree.clear()
        for entry in self.trust_list.entries():
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(entry.added))
            item = QTreeWidgetItem([entry.name, when, entry.sha256[:16], entry.path])
            item.setData(0, Qt.ItemDataRole.UserRole, entry.sha256)
            self.tree.addTopLevelItem(item)
        if self.tree.topLevelItemCount() == 0:
            self.tree.addTopLevelItem(QTreeWidgetItem([self.tr("No trusted model files")]))
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        self._update_buttons()

    def revoke_selected(self) -> None:
        """Revoke trust in the selected files."""
        for item in self.tree.selectedItems():
            sha = item.data(0, Qt.ItemDataRole.UserRole)
            if sha:
                self.trust_list.revoke(sha)
        self.refresh()

    def _update_buttons(self) -> None:
        self.revoke_button.setEnabled(any(i.data(0, Qt.ItemDataRole.UserRole) for i in self.tree.selectedItems()))
