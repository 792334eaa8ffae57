"""The main window: assembles panels and actions; the work happens in the objects it wires."""

from __future__ import annotations

import os
from pathlib import Path

from PyQt6.QtCore import QSize, Qt, pyqtSignal
from PyQt6.QtGui import QAction, QCloseEvent, QKeySequence
from PyQt6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QWidget,
)

from studio.core.index import State
from studio.core.plugins import Registry
from studio.ui.image_list import ImageListPanel
from studio.ui.image_loader import ImageLoader, LoadedImage
from studio.ui.image_view import ImageView
from studio.ui.model_slot import ModelSlot
from studio.ui.session import DatasetSession
from studio.ui.settings import Settings
from studio.ui.status import IndexStatus
from studio.ui.texts import state_text

SAMPLE_DATASET = Path(__file__).resolve().parents[2] / "resources" / "sample"


class MainWindow(QMainWindow):
    """studio's window: image list on the left, the image in the middle, status below."""

    image_shown = pyqtSignal(str)  # path of the image now painted

    def __init__(self, settings: Settings, registry: Registry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.registry = registry
        self.session = DatasetSession(self)
        self.loader = ImageLoader(parent=self)
        self.models = ModelSlot(self)
        self.setWindowTitle(self.tr("studio"))
        self.resize(QSize(1280, 820))

        self.view = ImageView(self)
        self.setCentralWidget(self.view)
        self.image_list = ImageListPanel(self)
        dock = QDockWidget(self.tr("Images"), self)
        dock.setObjectName("images_dock")
        dock.setWidget(self.image_list)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.images_dock = dock

        self.image_label = QLabel(self)
        self.index_status = IndexStatus(self)
        self.model_label = QLabel(self.tr("No model loaded"), self)
        self.statusBar().addWidget(self.image_label, 1)
        self.statusBar().addPermanentWidget(self.index_status)
        self.statusBar().addPermanentWidget(self.model_label)

        self._build_actions()
        self._wire()
        geometry, state = settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    # actions and menus ------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcuts: tuple = (), tip: str = "") -> QAction:  # noqa: ANN001
        action = QAction(text, self)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
            keys = ", ".join(QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText)
                             for s in shortcuts)
            action.setToolTip(f"{tip or text.replace('&', '').rstrip('…')} ({keys})")
        elif tip:
            action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        tr = self.tr
        self.act_open_folder = self._action(tr("&Open Folder…"), self.choose_folder,
                                            (QKeySequence.StandardKey.Open,))
        self.act_open_yaml = self._action(tr("Open &data.yaml…"), self.choose_yaml)
        self.act_open_sample = self._action(tr("Open &Sample Dataset"), self.open_sample)
        self.act_load_model = self._action(tr("Load &Model…"), self.choose_model)
        self.act_quit = self._action(tr("&Quit"), self.close, (QKeySequence.StandardKey.Quit,))
        self.act_fit = self._action(tr("&Fit to Window"), self.view.fit, ("Ctrl+0", "F"))
        self.act_actual = self._action(tr("&Actual Size (1:1)"), self.view.actual_size, ("Ctrl+1",))
        self.act_zoom_in = self._action(tr("Zoom &In"), self.view.zoom_in, ("Ctrl++", "Ctrl+=", "+"))
        self.act_zoom_out = self._action(tr("Zoom &Out"), self.view.zoom_out, ("Ctrl+-", "-"))
        self.act_boxes = self._action(tr("Show &Boxes"), self.view.set_boxes_visible, ("Ctrl+H",))
        self.act_boxes.setCheckable(True)
        self.act_boxes.setChecked(True)
        self.act_prev = self._action(tr("&Previous Image"), lambda: self.image_list.step(-1), ("A",))
        self.act_next = self._action(tr("&Next Image"), lambda: self.image_list.step(1), ("D",))
        self.act_next_unlabeled = self._action(tr("Next &Unlabeled Image"), self.next_unlabeled,
                                               ("U",))
        self.act_plugins = self._action(tr("&Plugins…"), self.show_plugins)
        self.act_about = self._action(tr("&About studio"), self.show_about)

        bar = self.menuBar()
        file_menu = bar.addMenu(tr("&File"))
        file_menu.addActions([self.act_open_folder, self.act_open_yaml, self.act_open_sample])
        self.recent_menu = QMenu(tr("Open &Recent"), self)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.act_load_model)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        view_menu = bar.addMenu(tr("&View"))
        view_menu.addActions([self.act_fit, self.act_actual, self.act_zoom_in, self.act_zoom_out])
        view_menu.addSeparator()
        view_menu.addAction(self.act_boxes)
        view_menu.addAction(self.images_dock.toggleViewAction())
        go_menu = bar.addMenu(tr("&Go"))
        go_menu.addActions([self.act_prev, self.act_next, self.act_next_unlabeled])
        help_menu = bar.addMenu(tr("&Help"))
        help_menu.addActions([self.act_plugins, self.act_about])
        self._rebuild_recent(self.settings.recent_datasets())

    def _rebuild_recent(self, items: list[str]) -> None:
        self.recent_menu.clear()
        for path in items:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_dataset(p))
        self.recent_menu.setEnabled(bool(items))

    def _wire(self) -> None:
        s = self.session
        s.opened.connect(self._on_opened)
        s.index_progress.connect(self.index_status.show_progress)
        s.index_updated.connect(self.image_list.model.apply_update)
        s.index_finished.connect(lambda done: self.index_status.show_counts(s.index, done))
        s.message.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        s.error.connect(self._show_error)
        self.index_status.cancel_requested.connect(s.cancel_indexing)
        self.image_list.image_selected.connect(self._show_row)
        self.loader.loaded.connect(self._on_image_loaded)
        self.loader.failed.connect(self._on_image_failed)
        self.settings.recent_changed.connect(self._rebuild_recent)
        self.models.loading.connect(
            lambda name: self.model_label.setText(self.tr("Loading model {0}…").format(name)))
        self.models.loaded.connect(self._on_model_loaded)
        self.models.failed.connect(self._on_model_failed)

    # datasets ---------------------------------------------------------------------------------
    def open_dataset(self, path: str | os.PathLike[str]) -> bool:
        """Open a dataset folder or data.yaml."""
        ok = self.session.open(path)
        if not ok and str(path) in self.settings.recent_datasets():
            self.settings.remove_recent(str(path))
        return ok

    def choose_folder(self) -> None:
        """Ask for a dataset folder."""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open Dataset Folder"))
        if folder:
            self.open_dataset(folder)

    def choose_yaml(self) -> None:
        """Ask for a data.yaml."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open data.yaml"), "",
                                              self.tr("Dataset YAML (*.yaml *.yml)"))
        if path:
            self.open_dataset(path)

    def open_sample(self) -> None:
        """Open the bundled sample dataset (generated by ``make run`` / ``studio sample``)."""
        if not (SAMPLE_DATASET / "data.yaml").exists():
            self._show_error(self.tr("Sample dataset missing"),
                             self.tr("Create it with 'studio sample {0}' or 'make run'.")
                             .format(SAMPLE_DATASET))
            return
        self.open_dataset(SAMPLE_DATASET)

    def _on_opened(self, dataset) -> None:  # noqa: ANN001 - studio.core.dataset.Dataset
        index = self.session.index
        self.setWindowTitle(self.tr("studio — {0}").format(dataset.root.name))
        self.view.set_class_names(dataset.classes.names)
        self.image_list.set_index(index)
        self.settings.add_recent(str(dataset.root if dataset.yaml_path is None else dataset.yaml_path))
        problems = [*dataset.findings, *(self.session.listing.findings if self.session.listing else [])]
        if problems:
            from studio.ui.texts import finding_text

            self.statusBar().showMessage(finding_text(problems[0]), 15_000)
        if index is None or not len(index):
            self.view.show_message(self.tr("No images found in {0}.").format(dataset.root))
            self.index_status.show_counts(index)
            self.session.ensure_indexing()
            return
        last = self.settings.last_image(str(dataset.root))
        row = index.position(last) if last else -1
        self.image_list.select_index_row(row if row >= 0 else 0)

    def next_unlabeled(self) -> None:
        """Jump to the next image without a label file."""
        index = self.session.index
        if index is None:
            return
        row = index.next_row(self.image_list.current_index_row(), {State.UNLABELED})
        if row < 0 or not self.image_list.select_index_row(row):
            self.statusBar().showMessage(self.tr("No unlabeled image left (in this filter)."), 5000)

    # images -----------------------------------------------------------------------------------
    def _show_row(self, row: int) -> None:
        dataset, index = self.session.dataset, self.session.index
        if dataset is None or index is None:
            return
        rel = index.paths[row]
        self.loader.request(str(dataset.image_path(rel)), str(dataset.label_path(rel)),
                            len(dataset.classes) or None)
        self.loader.prefetch([str(dataset.image_path(index.paths[r]))
                              for r in self.image_list.neighbours(2)])
        self.settings.set_last_image(str(dataset.root), rel)
        state = State(int(index.state[row]))
        self.image_label.setText(f"{rel} — {state_text(state)}")

    def _on_image_loaded(self, loaded: LoadedImage) -> None:
        self.view.show_image(loaded)
        self.session.ensure_indexing()
        w, h = loaded.size_wh
        n = len(loaded.labels.boxes)
        name = Path(loaded.key).name
        parts = [name, f"{w} × {h}", state_text(_label_state(loaded))]
        if n:
            parts.append(self.tr("{0} boxes").format(n))
        if loaded.labels.findings:
            parts.append(self.tr("{0} label problems").format(len(loaded.labels.findings)))
        self.image_label.setText(" — ".join(parts))
        self.image_shown.emit(loaded.key)

    def _on_image_failed(self, key: str, reason: str) -> None:
        self.session.ensure_indexing()
        self.view.show_message(self.tr("Cannot show {0}:\n{1}").format(Path(key).name, reason))
        self.image_label.setText(f"{Path(key).name} — {reason}")

    # models -----------------------------------------------------------------------------------
    def choose_model(self) -> None:
        """Ask for a detection model file."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load Detection Model"), "",
                                              self.tr("Models (*.pt *.onnx)"))
        if path:
            self.models.load(path)

    def _on_model_loaded(self, info) -> None:  # noqa: ANN001 - ModelInfo
        self.model_label.setText(self.tr("Model: {0} · {1} classes").format(info.title, len(info.names)))
        self.model_label.setToolTip(", ".join(info.names.values()))
        self.settings.set_last_model(str(info.path))

    def _on_model_failed(self, reason: str) -> None:
        self.model_label.setText(self.tr("No model loaded"))
        self._show_error(self.tr("Cannot load model"), reason)

    # misc -------------------------------------------------------------------------------------
    def _show_error(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # not exec(): never block the event loop (or a test) on a message

    def show_plugins(self) -> None:
        """List loaded plugins and the ones that failed."""
        lines = []
        for kind in ("op", "backend", "exporter"):
            names = self.registry.names(kind)
            lines.append(f"{kind}: {', '.join(names) if names else '—'}")
        for failure in self.registry.failures:
            lines.append(self.tr("Failed: {0}\n    {1}").format(failure.source, failure.error))
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Plugins"), "\n".join(lines),
                          QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def report_plugin_failures(self) -> None:
        """Tell the user (once, without blocking) which plugins were skipped."""
        if self.registry.failures:
            names = ", ".join(Path(f.source).name for f in self.registry.failures)
            self.statusBar().showMessage(
                self.tr("Skipped plugins that failed to load: {0} (Help > Plugins)").format(names),
                20_000)

    def show_about(self) -> None:
        """About box."""
        from studio import __version__

        QMessageBox.about(self, self.tr("About studio"), self.tr(
            "studio {0}\nA desktop studio for object-detection datasets.").format(__version__))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Save the layout, stop background work, then close."""
        self.settings.set_window_state(self.saveGeometry(), self.saveState())
        self.settings.sync()
        self.session.close()
        self.loader.wait()
        self.models.wait()
        super().closeEvent(event)


def _label_state(loaded: LoadedImage) -> State:
    from studio.core.index import state_from_label

    return state_from_label(loaded.labels.state)


