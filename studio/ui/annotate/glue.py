"""Annotation commands that need more than the editor: the verified flag (store), copying
boxes from the previous image in the list, and the question when a label file changed on disk.

Kept out of the main window class: it wires the editor's requests to the session, the
image list and a message box.
"""

from __future__ import annotations

from collections.abc import Callable

from PyQt6.QtCore import QObject, Qt
from PyQt6.QtWidgets import QMainWindow, QMessageBox

from studio.core.labels.document import LabelDocument
from studio.core.labels.yolo import load_yolo_labels
from studio.ui.annotate.editor import AnnotationEditor
from studio.ui.annotate.image_list import ImageListPanel
from studio.ui.session import DatasetSession


class AnnotationGlue(QObject):
    """Verified flag, paste from previous image, external-change question."""

    def __init__(self, window: QMainWindow, session: DatasetSession, editor: AnnotationEditor,
                 image_list: ImageListPanel, current_row: Callable[[], int], refresh: Callable[[], None]) -> None:
        super().__init__(window)
        self.window, self.session, self.editor, self.image_list = window, session, editor, image_list
        self._current_row, self._refresh = current_row, refresh
        editor.external_change.connect(self.ask_external_change)

    def toggle_verified(self) -> None:
        """Flip the current image's "verified" flag (Space)."""
        index, row = self.session.index, self._current_row()
        if index is None or not 0 <= row < len(index):
            return
        self.session.set_verified(row, not bool(index.verified[row]))
        self._refresh()

    def paste_from_previous(self) -> None:
        """Copy every box of the previous image in the list onto this one."""
        dataset, index = self.session.dataset, self.session.index
        prev = self.image_list.previous_index_row()
        if dataset is None or index is None or prev < 0:
            return
        self.editor.save_now()
        rel = index.paths[prev]
        known = self.editor.document_for(dataset.label_path(rel))
        boxes = known.boxes if known is not None else load_yolo_labels(dataset.label_path(rel)).boxes
        if not self.editor.paste(boxes):
            self.window.statusBar().showMessage(self.tr("The previous image has no boxes."), 5000)

    def ask_external_change(self, doc: LabelDocument) -> None:
        """Ask whether to overwrite a label file another program changed, or reload it."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Label file changed on disk"),
                          self.tr("{0} was changed by another program since studio read it.\n"
                                  "Keep studio's edits (overwrite the file) or reload the file "
                                  "from disk (discard studio's edits)?").format(doc.label_path),
                          QMessageBox.StandardButton.NoButton, self.window)
        overwrite = box.addButton(self.tr("Overwrite"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Reload from Disk"), QMessageBox.ButtonRole.RejectRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setObjectName("external_change_box")
        box.buttonClicked.connect(lambda button: self.editor.resolve_external_change(doc, button is overwrite))
        box.open()
