"""File > Import Labels…: opens the import dialog for the open dataset and reopens it afterwards."""

from __future__ import annotations

from collections.abc import Callable

from PyQt6.QtCore import QObject
from PyQt6.QtWidgets import QMainWindow, QMenu

from studio.ui.actions import make_action
from studio.ui.interchange.import_dialog import ImportDialog
from studio.ui.session import DatasetSession


class ImportUi(QObject):
    """The menu entry; after an import the dataset is opened again, so lists and counts are fresh."""

    def __init__(self, window: QMainWindow, session: DatasetSession, file_menu: QMenu,
                 reopen: Callable[[str], object]) -> None:
        super().__init__(window)
        self.window, self.session, self.reopen = window, session, reopen
        self.action = make_action(window, self.tr("&Import Labels…"), self.ask, ("Ctrl+Shift+I",))
        file_menu.addAction(self.action)
        self.dialog: ImportDialog | None = None

    def ask(self) -> ImportDialog | None:
        """Open the dialog (it needs an open dataset)."""
        if self.session.dataset is None:
            self.session.message.emit(self.tr("Open a dataset first, then import labels into it."))
            return None
        self.dialog = ImportDialog(self.session.dataset, self.session.store, self.window)
        root = str(self.session.dataset.root)
        self.dialog.imported.connect(lambda n: self.reopen(root) if n else None)
        self.dialog.show()
        return self.dialog
