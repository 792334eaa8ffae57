"""Which image is on screen: the list's choice is decoded off the GUI thread, opened in the
editor and painted; the next unlabeled image; an image and box asked for by another window."""

from __future__ import annotations

from pathlib import Path

from PyQt6.QtCore import QObject, pyqtSignal

from studio.core.dataset.index import State, state_from_label
from studio.core.labels.document import LabelDocument
from studio.ui.annotate.canvas import Canvas
from studio.ui.annotate.editor import AnnotationEditor
from studio.ui.annotate.image_list import ImageListPanel
from studio.ui.annotate.image_loader import ImageLoader, LoadedImage
from studio.ui.session import DatasetSession
from studio.ui.settings import Settings
from studio.ui.texts import error_text, finding_text, state_text


class ImageNavigator(QObject):
    """Shows the image the list selects; says what is on screen in one status line."""

    document_opened = pyqtSignal()  # the editor holds the new image's labels (before painting)
    image_shown = pyqtSignal(str)  # path of the image now painted
    status_text = pyqtSignal(str)  # "name — size — state — ..." for the status bar
    message = pyqtSignal(str, int)  # a transient status message and how long to show it (ms)

    def __init__(self, session: DatasetSession, loader: ImageLoader, editor: AnnotationEditor, view: Canvas,
                 image_list: ImageListPanel, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.loader, self.editor, self.view = session, loader, editor, view
        self.image_list, self.settings = image_list, settings
        self.row = -1
        self.requested: str | None = None  # the image last asked for (it may still be decoding)
        self._pending_box: tuple[str, int] | None = None
        image_list.image_selected.connect(self.show_row)
        loader.loaded.connect(self._on_loaded)
        loader.failed.connect(self._on_failed)
        editor.changed.connect(self.update_status)
        session.closed.connect(self._forget)

    def show_row(self, row: int) -> None:
        """Save edits, then decode index row ``row`` in the background (neighbours prefetched)."""
        dataset, index = self.session.dataset, self.session.index
        if dataset is None or index is None:
            return
        rel = index.paths[row]
        if rel == self.requested:
            self.row = row  # the same image at another row (the list grew): nothing to reload
            return
        self.editor.save_now()
        self.row, self.requested = row, rel
        self.loader.request(str(dataset.image_path(rel)), str(dataset.label_path(rel)), len(dataset.classes) or None)
        self.loader.prefetch([str(dataset.image_path(index.paths[r])) for r in self.image_list.neighbours(2)])
        self.settings.set_last_image(str(dataset.root), rel)
        self.status_text.emit(f"{rel} — {state_text(State(int(index.state[row])))}")

    def next_unlabeled(self) -> None:
        """Jump to the next image without a label file."""
        index = self.session.index
        if index is None:
            return
        row = index.next_row(self.image_list.current_index_row(), {State.UNLABELED})
        if row < 0 or not self.image_list.select_index_row(row):
            self.message.emit(self.tr("No unlabeled image left (in this filter)."), 5000)

    def show_image_box(self, rel: str, box: int = -1) -> bool:
        """Show an image of the dataset (clearing list filters if they hide it) and select a box."""
        index = self.session.index
        row = index.position(rel) if index is not None else -1
        if row < 0:
            self.message.emit(self.tr("{0} is not an image of this dataset.").format(rel), 8000)
            return False
        self._pending_box = (rel, box)
        if not self.image_list.select_index_row(row):
            self.image_list.clear_filters()
            if not self.image_list.select_index_row(row):
                return False
        if self.editor.doc is not None and self.session.relative(self.editor.doc.image_path) == rel:
            self._select_pending_box()
        return True

    def update_status(self) -> None:
        """Say what is on screen: name, size, state, boxes, kept lines, verified, unsaved."""
        doc, index = self.editor.doc, self.session.index
        if doc is None:
            return
        w, h = doc.size_wh
        parts = [doc.image_path.name, f"{w} × {h}", state_text(state_from_label(doc.state))]
        if len(doc.boxes):
            parts.append(self.tr("{0} boxes").format(len(doc.boxes)))
        if doc.label_file.kept:
            parts.append(self.tr("{0} lines kept as they are").format(len(doc.label_file.kept)))
        if index is not None and 0 <= self.row < len(index) and index.verified[self.row]:
            parts.append(self.tr("verified"))
        if doc.dirty:
            parts.append(self.tr("unsaved"))
        self.status_text.emit(" — ".join(parts))

    def _on_loaded(self, loaded: LoadedImage) -> None:
        dataset = self.session.dataset
        if dataset is None:
            return
        doc = LabelDocument(Path(loaded.key), dataset.label_path(loaded.key), loaded.display.size_wh, loaded.labels)
        self.editor.open_document(doc)
        self.document_opened.emit()
        self._select_pending_box()
        self.view.show_image(loaded)
        self.session.ensure_indexing()
        self.update_status()
        if loaded.labels.findings:
            self.message.emit(finding_text(loaded.labels.findings[0]), 10_000)
        self.image_shown.emit(loaded.key)

    def _on_failed(self, key: str, reason: str) -> None:
        self.editor.close_document()  # keys must not edit an image that is not shown
        self.session.ensure_indexing()
        reason = error_text(reason)
        self.view.show_message(self.tr("Cannot show {0}:\n{1}").format(Path(key).name, reason))
        self.status_text.emit(f"{Path(key).name} — {reason}")

    def _forget(self) -> None:
        self.row, self.requested = -1, None

    def _select_pending_box(self) -> None:
        pending, doc = self._pending_box, self.editor.doc
        if pending is None or doc is None or self.session.relative(doc.image_path) != pending[0]:
            return
        self._pending_box = None
        if 0 <= pending[1] < len(self.editor.boxes):
            self.editor.select([pending[1]])
