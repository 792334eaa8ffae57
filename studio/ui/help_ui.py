"""Help where people look for it: the welcome page, guided tours, the user guide, the
language menu and the demo model shortcut, wired to the main window's real controls."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PyQt6.QtCore import QObject, QRect, Qt, pyqtSignal
from PyQt6.QtGui import QAction, QActionGroup
from PyQt6.QtWidgets import QMenu, QMessageBox, QStackedWidget, QTextBrowser, QWidget

from studio.core import bundled
from studio.ui.actions import make_action
from studio.ui.i18n import LANGUAGES, resolve_language
from studio.ui.messages import show_message
from studio.ui.tour import Tour, TourStep
from studio.ui.welcome import WelcomePage

if TYPE_CHECKING:
    from studio.ui.main_window import MainWindow  # the tours point at its real controls

DEMO_MODEL = bundled.demo_model()
GUIDE_DIR = bundled.guide_dir()


class HelpUi(QObject):
    """Welcome page (stacked over the canvas), tours, user guide, language and demo-model actions."""

    language_requested = pyqtSignal(str)

    def __init__(self, window: MainWindow, canvas: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.stack = QStackedWidget(window)
        self.welcome = WelcomePage(self.stack)
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(canvas)
        self.stack.setCurrentWidget(canvas)
        self.tour: Tour | None = None
        self.guide: QTextBrowser | None = None
        tr = self.tr
        act = lambda text, slot, keys=(): make_action(window, text, slot, keys)  # noqa: E731
        self.act_welcome = act(tr("&Welcome Page"), self.show_welcome)
        self.act_tours = {
            "annotate": act(tr("Tour: &Annotate"), lambda: self.start_tour("annotate")),
            "review": act(tr("Tour: &Pre-label and Review"), lambda: self.start_tour("review")),
            "preprocess": act(tr("Tour: P&reprocess"), lambda: self.start_tour("preprocess")),
        }
        self.act_guide = act(tr("User &Guide"), self.show_guide, ("Shift+F1",))
        self.act_demo = act(tr("Use the &Demo Model"), self.load_demo_model)
        self.act_plugins = act(tr("&Plugins…"), self.show_plugins)
        self.act_about = act(tr("&About studio"), self.show_about)
        self.language_menu = QMenu(tr("&Language"), window)
        group = QActionGroup(self.language_menu)
        self.language_actions: dict[str, QAction] = {}
        for code, name in (("system", tr("System Language")), *LANGUAGES.items()):
            a = self.language_menu.addAction(name)
            a.setCheckable(True)
            group.addAction(a)
            a.triggered.connect(lambda _c=False, c=code: self.language_requested.emit(c))
            self.language_actions[code] = a
        self.welcome.open_folder.connect(lambda: (self.hide_welcome(), window.choose_folder()))
        self.welcome.open_sample.connect(lambda: (self.hide_welcome(), window.open_sample()))
        self.welcome.tour_requested.connect(self.start_tour)
        self.welcome.dismissed.connect(self.hide_welcome)

    def mark_language(self, choice: str) -> None:
        """Check the language menu entry of the current choice."""
        action = self.language_actions.get(choice) or self.language_actions["system"]
        action.setChecked(True)

    # welcome --------------------------------------------------------------------------------
    def show_welcome(self) -> None:
        """Show the welcome page in place of the canvas."""
        self.stack.setCurrentWidget(self.welcome)

    def hide_welcome(self) -> None:
        """Back to the canvas; the page does not come back by itself."""
        self.stack.setCurrentIndex(1)
        self.window.settings.set_first_run_done(True)

    @property
    def welcome_shown(self) -> bool:
        """True while the welcome page is shown."""
        return self.stack.currentWidget() is self.welcome

    # tours ------------------------------------------------------------------------------------
    def start_tour(self, name: str) -> Tour:
        """Run one of the three tours over the real window."""
        if self.tour is not None and self.tour.running:
            self.tour.stop()
        if self.welcome_shown:
            self.hide_welcome()  # seen: it does not come back by itself
        steps = {"annotate": self._annotate_steps, "review": self._review_steps,
                 "preprocess": self._preprocess_steps}[name]()
        self.tour = Tour(steps, self)
        self.tour.start()
        return self.tour

    def _menu_title(self, menu: QMenu) -> Callable[[QWidget], QRect]:
        bar = self.window.menuBar()
        return lambda _w: bar.actionGeometry(menu.menuAction())

    def _annotate_steps(self) -> list[TourStep]:
        w = self.window
        tr = self.tr
        return [
            TourStep(lambda: w.images_dock, tr("Your images. A and D walk through them, U jumps to the next image "
                                               "without labels; the filter finds names and states.")),
            TourStep(lambda: w.view, tr("The image. Press W and drag to draw a box (or turn on Edit > Draw Boxes "
                                        "Continuously). Click selects, drag moves, the handles resize, arrows "
                                        "nudge, Del deletes, 1-9 set the class. Every edit is saved within 0.3 s.")),
            TourStep(lambda: w.classes_dock, tr("Classes come from data.yaml or classes.txt. Add or rename them "
                                                "here; ids never move, so existing labels stay right."),
                     prepare=lambda: (w.classes_dock.show(), w.classes_dock.raise_())),
            TourStep(lambda: w.boxes_dock, tr("Every box of this image. N marks an image as a negative (nothing to "
                                              "label), Space marks it verified, F1 lists every shortcut.")),
        ]

    def _review_steps(self) -> list[TourStep]:
        w = self.window
        tr = self.tr
        return [
            TourStep(lambda: w.model_label, tr("The model in use. File > Load Model takes a .pt or .onnx detector; "
                                               "File > Use the Demo Model loads the bundled fruit detector.")),
            TourStep(lambda: w.menuBar(), tr("Tools > Pre-label runs the model over all (or only unlabeled) images "
                                             "in the background; it can be stopped and resumed."),
                     rect=self._menu_title(w.tools_menu)),
            TourStep(lambda: w.prelabel_ui.conf_slider, tr("Proposals are drawn dashed with their confidence; "
                                                           "this slider hides the less confident ones.")),
            TourStep(lambda: w.review_ui.panel, tr("Review mode (Ctrl+R) walks the images that need a human most. "
                                                   "Enter accepts all proposals and goes on, X rejects them, Tab / "
                                                   "Y / R / E decide one at a time, Ctrl+Z undoes."),
                     prepare=lambda: (w.review_ui.dock.show(), w.review_ui.dock.raise_())),
            TourStep(lambda: w.review_ui.panel.report_button, tr("The quality report tells how good the model was "
                                                                 "and which confidence threshold to trust; "
                                                                 "automatic accept keeps a spot check for you.")),
        ]

    def _preprocess_steps(self) -> list[TourStep]:
        w = self.window
        tr = self.tr

        def pre_window() -> QWidget | None:
            return getattr(w, "preprocess_window", None)

        def open_window() -> None:
            win = pre_window()
            if win is None or not win.isVisible():
                w.open_preprocessing()

        return [
            TourStep(lambda: w.menuBar(), tr("Tools > Preprocessing Studio (Ctrl+P) opens the current image (or a "
                                             "sample photo) for tuning."), rect=self._menu_title(w.tools_menu)),
            TourStep(lambda: pre_window().pipeline_panel if pre_window() else None,
                     tr("Add steps (blur, CLAHE, thresholds, morphology, ...), reorder them, untick one to skip it. "
                        "Every control is live."), prepare=open_window),
            TourStep(lambda: pre_window().histogram if pre_window() else None,
                     tr("The live histogram. Drag the threshold line; Shift+drag on the photo measures a region.")),
            TourStep(lambda: pre_window().menuBar() if pre_window() else None,
                     tr("File: save the pipeline, export it as a plain Python script, or apply it to a whole "
                        "folder (also 'studio preprocess' on the command line).")),
        ]

    # guide and demo ---------------------------------------------------------------------------
    def guide_path(self) -> Path:
        """The user guide in the UI language (English when there is none)."""
        lang = resolve_language(self.window.settings.language())
        path = GUIDE_DIR / f"user-guide.{lang}.md"
        return path if path.exists() else GUIDE_DIR / "user-guide.en.md"

    def show_guide(self) -> QTextBrowser:
        """Open the user guide (Markdown, with its screenshots) in a viewer window."""
        path = self.guide_path()
        if self.guide is None:
            self.guide = QTextBrowser(self.window)
            self.guide.setWindowFlag(Qt.WindowType.Window)
            self.guide.setOpenExternalLinks(True)
            self.guide.resize(900, 760)
        self.guide.setWindowTitle(self.tr("studio User Guide"))
        self.guide.setSearchPaths([str(path.parent)])
        try:
            self.guide.setMarkdown(path.read_text(encoding="utf-8"))
            _fit_images(self.guide, 820)
        except OSError as exc:
            self.guide.setPlainText(self.tr("The user guide cannot be read: {0}").format(exc))
        self.guide.show()
        self.guide.raise_()
        return self.guide

    def show_plugins(self) -> None:
        """List loaded plugins and the ones that failed."""
        lines = []
        for kind in ("op", "exporter"):
            names = self.window.registry.names(kind)
            title = {"op": self.tr("Preprocessing operations"), "exporter": self.tr("Exporters")}[kind]
            lines.append(f"{title}: {', '.join(names) if names else '—'}")
        for failure in self.window.registry.failures:
            lines.append(self.tr("Failed: {0}\n    {1}").format(failure.source, failure.error))
        show_message(self.window, self.tr("Plugins"), "\n".join(lines), QMessageBox.Icon.Information)

    def show_about(self) -> None:
        """About box."""
        from studio import __version__

        QMessageBox.about(self.window, self.tr("About studio"), self.tr(
            "studio {0}\nA desktop studio for object-detection datasets.").format(__version__))

    def load_demo_model(self) -> None:
        """Load the bundled demo detector (trained on the sample dataset)."""
        self.window.models.load(str(DEMO_MODEL))



def _fit_images(browser: QTextBrowser, width: int) -> None:
    """Show the guide's screenshots at most ``width`` px wide (they are taken at full size)."""
    from PyQt6.QtGui import QTextCursor

    doc = browser.document()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            fmt = frag.charFormat()
            if fmt.isImageFormat():
                image = fmt.toImageFormat()
                image.setWidth(width)
                cursor = QTextCursor(doc)
                cursor.setPosition(frag.position())
                cursor.setPosition(frag.position() + frag.length(), QTextCursor.MoveMode.KeepAnchor)
                cursor.setCharFormat(image)
            it += 1
        block = block.next()
