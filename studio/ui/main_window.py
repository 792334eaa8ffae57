"""The main window: assembles panels and actions; the work happens in the objects it wires."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PyQt6.QtCore import QSize, Qt, QTimer, pyqtSignal
from PyQt6.QtGui import QAction, QCloseEvent, QKeySequence
from PyQt6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QWidget,
)

from studio.core import bundled
from studio.core.plugins import Registry
from studio.ui.actions import make_action
from studio.ui.annotate.actions import AnnotationActions
from studio.ui.annotate.box_list import BoxListPanel
from studio.ui.annotate.canvas import Canvas
from studio.ui.annotate.class_panel import ClassPanel
from studio.ui.annotate.editor import AnnotationEditor
from studio.ui.annotate.image_list import ImageListPanel
from studio.ui.annotate.image_loader import ImageLoader
from studio.ui.interchange.menu import ImportUi
from studio.ui.messages import show_message
from studio.ui.prelabel.menu import PrelabelUi
from studio.ui.prelabel.model_slot import ModelSlot
from studio.ui.session import DatasetSession
from studio.ui.settings import Settings
from studio.ui.status import IndexStatus
from studio.ui.training.menu import TrainingUi

if TYPE_CHECKING:
    from collections.abc import Callable

    from studio.core.dataset.layout import Dataset
    from studio.core.inference.model_file import ModelInfo


MODEL_AFTER_PAINT_MS = 100  # a remembered model starts loading this long after the first image is painted


class MainWindow(QMainWindow):
    """studio's window: image list on the left, the image in the middle, status below."""

    image_shown = pyqtSignal(str)  # path of the image now painted
    language_requested = pyqtSignal(str)  # "system" / "en" / "ko": the app rebuilds the window

    def __init__(self, settings: Settings, registry: Registry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.registry = registry
        from studio.core.builtins import register_builtins

        register_builtins(registry)  # already there after the app's discover(); tests pass a bare registry
        self.session = DatasetSession(self)
        self.loader = ImageLoader(parent=self)
        self.models = ModelSlot(self)
        from studio.ui.prelabel.model_trust import ModelTrustUi
        from studio.ui.sample_ui import SampleOpener

        self.model_trust = ModelTrustUi(self, self.models)
        self.sample_opener = SampleOpener(self, self.models, self.open_dataset, self._show_error)
        self.setWindowTitle(self.tr("studio"))
        self.resize(QSize(1280, 820))

        self.editor = AnnotationEditor(self)
        self.view = Canvas(self.editor, self)
        self.view.image_painted.connect(self.session.first_image_painted)  # the listing may go on
        from studio.ui.help_ui import HelpUi

        self.help_ui = HelpUi(self, self.view)
        self.setCentralWidget(self.help_ui.stack)
        self.help_ui.language_requested.connect(self.language_requested)
        self.image_list = ImageListPanel(self)
        self.images_dock = self._dock(self.tr("Images"), "images_dock", self.image_list,
                                      Qt.DockWidgetArea.LeftDockWidgetArea)
        self.class_panel = ClassPanel(self.editor, self)
        self.classes_dock = self._dock(self.tr("Classes"), "classes_dock", self.class_panel,
                                       Qt.DockWidgetArea.RightDockWidgetArea)
        self.box_list = BoxListPanel(self.editor, self)
        self.boxes_dock = self._dock(self.tr("Boxes"), "boxes_dock", self.box_list,
                                     Qt.DockWidgetArea.RightDockWidgetArea)
        from studio.ui.annotate.navigator import ImageNavigator

        self.navigator = ImageNavigator(self.session, self.loader, self.editor, self.view, self.image_list,
                                        settings, self)

        self.image_label = QLabel(self)
        # Ignored: a longer status text must never resize the window or shift the canvas.
        self.image_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.index_status = IndexStatus(self)
        self.model_label = QLabel(self)
        self.model_label.linkActivated.connect(self._on_model_link)
        self._show_no_model()
        from studio.ui.status_bar import ElidingStatusBar

        self.setStatusBar(ElidingStatusBar(self))
        self.statusBar().addWidget(self.image_label, 1)
        self.statusBar().addPermanentWidget(self.index_status)
        self.statusBar().addPermanentWidget(self.model_label)

        self.prelabel_ui = PrelabelUi(self, self.session, self.models, self.editor, self.view,
                                      self.image_list, self._show_error)
        self.prelabel = self.prelabel_ui.controller
        from studio.ui.review.review_ui import ReviewUi

        self.review_ui = ReviewUi(self, self.session, self.editor, self.view, self.image_list, self.prelabel_ui,
                                  self._show_error)
        self.review = self.review_ui.controller
        from studio.ui.annotate.glue import AnnotationGlue

        self.annotation_glue = AnnotationGlue(self, self.session, self.editor, self.image_list,
                                              lambda: self.navigator.row, self.navigator.update_status)
        self.tabifyDockWidget(self.classes_dock, self.review_ui.dock)  # review gets the height it needs
        self.classes_dock.raise_()
        self._build_actions()
        self._wire()
        if not settings.first_run_done():
            self.help_ui.show_welcome()
        geometry, state = settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    # actions and menus ------------------------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], object], shortcuts: tuple = (), checkable: bool = False) -> QAction:
        return make_action(self, text, slot, shortcuts, checkable)

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
        self.act_boxes = self._action(tr("Show &Boxes"),
                                      lambda: self.view.set_boxes_visible(self.act_boxes.isChecked()),
                                      ("Ctrl+H",), checkable=True)
        self.act_boxes.setChecked(True)
        self.act_prev = self._action(tr("&Previous Image"), lambda: self.image_list.step(-1), ("A",))
        self.act_next = self._action(tr("&Next Image"), lambda: self.image_list.step(1), ("D",))
        self.act_next_unlabeled = self._action(tr("Next &Unlabeled Image"), self.next_unlabeled,
                                               ("U",))
        self.act_preprocess = self._action(tr("&Preprocessing Studio…"), self.open_preprocessing,
                                           ("Ctrl+P",))
        self.act_insight = self._action(tr("Dataset &Insight…"), self.open_insight, ("Ctrl+I",))
        self.act_shortcuts = self._action(tr("&Keyboard Shortcuts…"), self.show_shortcuts, ("F1",))

        self.edit_actions = AnnotationActions(
            self, self.editor, self.view,
            lambda: self.session.dataset.classes.names if self.session.dataset else [], self.review_ui.undo)
        self.edit_actions.always_draw.setChecked(self.settings.always_draw())
        self.view.always_draw = self.settings.always_draw()
        self.edit_actions.always_draw.toggled.connect(self.settings.set_always_draw)
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("&File"))
        file_menu.addActions([self.act_open_folder, self.act_open_yaml, self.act_open_sample])
        self.recent_menu = QMenu(tr("Open &Recent"), self)
        file_menu.addMenu(self.recent_menu)
        self.import_ui = ImportUi(self, self.session, file_menu, self.open_dataset)
        file_menu.addSeparator()
        file_menu.addAction(self.edit_actions.save)
        file_menu.addAction(self.act_load_model)
        file_menu.addAction(self.help_ui.act_demo)
        file_menu.addAction(self.model_trust.act_trusted)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit_menu = bar.addMenu(tr("&Edit"))
        edit_menu.addActions([self.edit_actions.undo, self.edit_actions.redo])
        edit_menu.addSeparator()
        edit_menu.addActions(self.edit_actions.editing_actions())
        view_menu = bar.addMenu(tr("&View"))
        view_menu.addActions([self.act_fit, self.act_actual, self.act_zoom_in, self.act_zoom_out])
        view_menu.addSeparator()
        view_menu.addAction(self.act_boxes)
        for dock in (self.images_dock, self.classes_dock, self.boxes_dock):
            view_menu.addAction(dock.toggleViewAction())
        go_menu = bar.addMenu(tr("&Go"))
        go_menu.addActions([self.act_prev, self.act_next, self.act_next_unlabeled])
        tools_menu = self.tools_menu = bar.addMenu(tr("&Tools"))
        tools_menu.addActions([self.act_preprocess, self.act_insight])
        tools_menu.addSeparator()
        tools_menu.addActions(self.prelabel_ui.actions)
        self.training_ui = TrainingUi(self, self.session, self.models, tools_menu, self._show_error, self.prelabel_ui,
                                      self.review_ui)
        review_menu = bar.addMenu(tr("&Review"))
        for action in self.review_ui.actions:
            if action is None:
                review_menu.addSeparator()
            else:
                review_menu.addAction(action)
        view_menu.addAction(self.review_ui.dock.toggleViewAction())
        view_menu.addSeparator()
        view_menu.addMenu(self.help_ui.language_menu)
        self.help_ui.mark_language(self.settings.language())
        help_menu = bar.addMenu(tr("&Help"))
        help_menu.addActions([self.help_ui.act_guide, self.act_shortcuts, self.help_ui.act_welcome])
        tours = help_menu.addMenu(tr("&Tours"))
        tours.addActions(list(self.help_ui.act_tours.values()))
        help_menu.addSeparator()
        help_menu.addActions([self.help_ui.act_plugins, self.help_ui.act_about])
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
        s.listing_grew.connect(self._on_listing_grew)
        s.index_progress.connect(self.index_status.show_progress)
        s.index_updated.connect(self.image_list.model.apply_update)
        s.index_finished.connect(lambda done: self.index_status.show_counts(s.index, done))
        s.message.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        s.error.connect(self._show_error)
        s.other_windows.connect(self._on_other_windows)
        self.index_status.cancel_requested.connect(s.cancel_indexing)
        nav = self.navigator
        nav.document_opened.connect(self.review_ui.on_image_shown)
        nav.image_shown.connect(self.image_shown)
        nav.status_text.connect(self.image_label.setText)
        nav.message.connect(self.statusBar().showMessage)
        self.settings.recent_changed.connect(self._rebuild_recent)
        self.models.loading.connect(
            lambda name: self.model_label.setText(self.tr("Loading model {0}…").format(name)))
        self.models.loaded.connect(self._on_model_loaded)
        self.models.failed.connect(self._on_model_failed)
        self.models.refused.connect(self._on_model_refused)
        from studio.ui.background import unhandled_errors

        unhandled_errors().unhandled.connect(
            lambda error: self._show_error(self.tr("Background task failed"), error.message))
        ed = self.editor
        ed.saved.connect(lambda doc: self.session.note_labels(doc.image_path, doc.label_file.state,
                                                              len(doc.boxes)))
        ed.save_failed.connect(lambda text: self._show_error(self.tr("Cannot save labels"), text))
        ed.changed.connect(self._ensure_a_class)
        self.class_panel.names_changed.connect(self._on_class_names)
        self.class_panel.error.connect(self._show_error)
        self.edit_actions.verify_requested.connect(self.annotation_glue.toggle_verified)
        self.edit_actions.paste_previous_requested.connect(self.annotation_glue.paste_from_previous)
        s.closed.connect(self.editor.forget_all)

    # datasets ---------------------------------------------------------------------------------
    def open_dataset(self, path: str | os.PathLike[str]) -> bool:
        """Open a dataset folder or data.yaml."""
        ok = self.session.open(path, prefer=lambda root: self.settings.last_image(str(root)))
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
        """Open the sample dataset with the demo model (made in the user's data folder if missing)."""
        self.sample_opener.open_sample()

    def _on_opened(self, dataset: Dataset) -> None:
        if self.help_ui.welcome_shown:
            self.help_ui.hide_welcome()
        index = self.session.index
        self.setWindowTitle(self.tr("studio — {0}").format(dataset.root.name))
        self.statusBar().clearMessage()  # "Listing images…" is done
        self.editor.forget_all()
        self.navigator.requested = None  # a new dataset: any path is a new image
        self._on_class_names(dataset.classes.names)
        self.class_panel.set_classes(dataset.classes)
        self.image_list.set_index(index)
        if self.session.listing_complete:  # else once the listing is complete (_on_listing_grew)
            self.review_ui.on_dataset_ready()
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

    def _ensure_a_class(self) -> None:
        """The first box in a dataset without classes creates class 0 ("object") in its class
        file, so every id in a label file has a name; the user can rename it."""
        ds = self.session.dataset
        if ds is None or len(ds.classes) or not len(self.editor.boxes):
            return
        if self.class_panel.add_class(self.tr("object")) is not None:
            self.statusBar().showMessage(self.tr("This dataset had no classes: class 0 is now "
                                                 "\"object\" (rename it in the Classes panel)."), 15_000)

    def _on_class_names(self, names: list[str]) -> None:
        self.view.set_class_names(names)
        self.box_list.set_class_names(names)
        self.review_ui.panel.set_class_names(names)

    def open_preprocessing(self) -> None:
        """Open the preprocessing studio on the current image (or a sample photo)."""
        from studio.ui.preprocess.window import PreprocessWindow

        specs = {name: self.registry.get("op", name) for name in self.registry.names("op")}
        win = PreprocessWindow(specs, self)
        win.setWindowFlag(Qt.WindowType.Window)
        win.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preprocess_window = win
        doc = self.editor.doc
        photo = doc.image_path if doc is not None else bundled.sample_photo()
        if Path(photo).exists():
            win.open_image(photo)
        win.show()

    def open_insight(self) -> None:
        """Open (or raise) the Dataset Insight window: check, statistics, evaluation, runs, export."""
        from studio.ui.insight.window import InsightWindow

        win = getattr(self, "insight_window", None)
        if win is None:
            win = InsightWindow(self.session, self)
            win.setWindowFlag(Qt.WindowType.Window)
            win.open_image.connect(self.show_image_box)
            self.insight_window = win
        win.show()
        win.raise_()
        win.activateWindow()

    def show_shortcuts(self) -> None:
        """List every shortcut (F1)."""
        from studio.ui.shortcuts_dialog import ShortcutsDialog

        extra = [(self.tr("Nudge selected boxes"), self.tr("Arrow keys (Shift: 10 px)")),
                 (self.tr("Class 1-9 for the selection (or default class)"), "1 … 9"),
                 (self.tr("Pan"), self.tr("Drag empty canvas, or middle button")),
                 (self.tr("Zoom around the cursor"), self.tr("Mouse wheel")),
                 (self.tr("Leave box mode / clear selection"), "Esc")]
        dialog = ShortcutsDialog([a for a in self.actions() if not a.property("hidden_in_help")],
                                 extra, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # models -----------------------------------------------------------------------------------
    def choose_model(self) -> None:
        """Ask for a detection model file."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load Detection Model"), "",
                                              self.tr("Models (*.pt *.onnx)"))
        if path:
            self.models.load(path)

    def load_model_when_idle(self, path: str, after_first_image: bool) -> None:
        """Load ``path`` once the first image is on screen (torch's import must not delay it);
        at once when no image is coming. The model slot says it is waiting."""
        if not after_first_image:
            self.models.load(path)
            return
        self.model_label.setText(self.tr("Model {0} loads after the first image…").format(Path(path).name))
        started = False

        def start(*_args: object) -> None:
            nonlocal started
            if started:
                return
            started = True
            # torch's import holds the interpreter for seconds: start it once the first image's
            # pixels have been painted and flushed, plus a margin for the window system.
            QTimer.singleShot(MODEL_AFTER_PAINT_MS, lambda: self.models.load(path))

        self.view.image_painted.connect(start)
        self.session.opened.connect(lambda _ds: start() if not len(self.session.index or []) else None)
        self.session.error.connect(start)

    def _show_no_model(self) -> None:
        """The empty state says what to do, with links that do it."""
        self.model_label.setText(self.tr('No model loaded: <a href="load">load one</a> or '
                                         '<a href="demo">use the demo model</a>'))
        self.model_label.setToolTip(self.tr("No model loaded: load one (File > Load Model) or use the demo "
                                            "model (File > Use the Demo Model)."))

    def _on_model_link(self, link: str) -> None:
        if link == "demo":
            self.help_ui.load_demo_model()
        else:
            self.choose_model()

    def _on_model_loaded(self, info: ModelInfo) -> None:
        self.model_label.setText(self.tr("Model: {0} · {1} classes").format(info.title, len(info.names)))
        self.model_label.setToolTip(", ".join(info.names.values()))
        self.settings.set_last_model(str(info.path))

    def _on_model_failed(self, reason: str) -> None:
        self._show_no_model()
        self._show_error(self.tr("Cannot load model"), reason)

    def _on_model_refused(self, path: str, reason: str) -> None:
        """The model slot says the file was not opened, and why (the trust question follows)."""
        self.model_label.setText(self.tr("Model not opened: {0} carries code").format(Path(path).name))
        self.model_label.setToolTip(reason)

    # misc -------------------------------------------------------------------------------------
    def _on_other_windows(self, count: int) -> None:
        show_message(self, self.tr("Dataset open in another window"), self.tr(
            "This dataset is also open in {0} other studio window(s). Both can work: review decisions are "
            "shared through studio's database and an image finished there is skipped here; a label file "
            "changed there is never overwritten silently (you are asked first).").format(count),
            QMessageBox.Icon.Information)

    def _show_error(self, title: str, text: str) -> None:
        show_message(self, title, text)

    def report_plugin_failures(self) -> None:
        """Tell the user (once, without blocking) which plugins were skipped."""
        if self.registry.failures:
            names = ", ".join(Path(f.source).name for f in self.registry.failures)
            self.statusBar().showMessage(
                self.tr("Skipped plugins that failed to load: {0} (Help > Plugins)").format(names),
                20_000)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Save the layout, stop background work, then close."""
        self.editor.save_now()
        self.prelabel_ui.stop()
        self.review.wait()
        if getattr(self, "insight_window", None) is not None:
            self.insight_window.close()
        self.settings.set_window_state(self.saveGeometry(), self.saveState())
        self.settings.sync()
        self.session.close()
        self.loader.wait()
        self.models.wait()
        from studio.ui.background import wait_all

        wait_all(10.0)  # one-shot background calls deliver before the window goes away
        super().closeEvent(event)


    # images (the navigator's) -----------------------------------------------------------------------
    def _on_listing_grew(self, complete: bool) -> None:
        """More images were listed: show the longer list, the selection staying on the open image."""
        index = self.session.index
        current = self.navigator.requested
        self.image_list.set_index(index)
        self.index_status.show_counts(index)
        if current is not None and index is not None and index.position(current) >= 0:
            self.image_list.select_index_row(index.position(current))
        elif index is not None and len(index) and current is None:
            self.image_list.select_index_row(0)
        if complete:
            self.review_ui.on_dataset_ready()

    def next_unlabeled(self) -> None:
        """Jump to the next image without a label file."""
        self.navigator.next_unlabeled()

    def show_image_box(self, rel: str, box: int = -1) -> bool:
        """Show an image (and select a box) for another window, and come to the front."""
        shown = self.navigator.show_image_box(rel, box)
        if shown:
            self.raise_()
            self.activateWindow()
        return shown
