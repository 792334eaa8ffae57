"""Start the desktop studio: check for a display, build the application, open the window."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from studio.core import runtime

if TYPE_CHECKING:
    from studio.ui.main_window import MainWindow

EXIT_NO_DISPLAY = 3
_HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb")


def display_problem() -> str | None:
    """Why no window can be shown here, or ``None`` when a display is available."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform.split(":")[0] in _HEADLESS_PLATFORMS:
        return None
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY")
                                                  or os.environ.get("WAYLAND_DISPLAY")):
        return "no display available (DISPLAY and WAYLAND_DISPLAY are not set)"
    return None


def switch_language(window: MainWindow, code: str) -> MainWindow:
    """Apply a new UI language without losing work: save everything, then rebuild the window
    in the new language on the same dataset, image, model and review mode, and close the old one.
    A running pre-labeling run stops (it resumes from Tools > Resume)."""
    from PyQt6.QtCore import Qt

    from studio.ui.i18n import install_language, resolve_language
    from studio.ui.main_window import MainWindow

    window.settings.set_language(code)
    window.editor.save_now()
    dataset = window.session.dataset
    target = str(dataset.yaml_path or dataset.root) if dataset is not None else None
    model = window.models.info.path if window.models.info is not None else None
    reviewing = window.review_ui.act_mode.isChecked()
    welcome = window.help_ui.welcome_shown
    geometry = window.saveGeometry()
    window.close()
    install_language(resolve_language(code))
    new = MainWindow(window.settings, window.registry)
    new.restoreGeometry(geometry)
    if welcome:
        new.help_ui.show_welcome()
    new.show()
    if target:
        if reviewing:
            new.session.opened.connect(lambda _ds: new.review_ui.set_mode(True),
                                       type=Qt.ConnectionType.SingleShotConnection)
        new.open_dataset(target)
    if model is not None:
        new.models.load(str(model))
    return new


class WindowKeeper:
    """Holds the current main window and replaces it when the user picks another language."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        window.language_requested.connect(self.switch)

    def switch(self, code: str) -> None:
        """Rebuild the window in ``code`` (see ``switch_language``)."""
        self.window = switch_language(self.window, code)
        self.window.language_requested.connect(self.switch)


def run_gui(dataset: str | None = None, model: str | None = None,
            exit_after_first_image: bool = False) -> int:
    """Open the main window (on ``dataset`` and with ``model`` if given) and run the event loop.

    Returns ``EXIT_NO_DISPLAY`` with one line on stderr when there is no display.
    """
    started = time.perf_counter()
    problem = display_problem()
    if problem:
        print(f"studio: {problem}; the desktop window cannot open here. "
              f"Use the command line instead: 'studio --help' (for example 'studio index DATASET').",
              file=sys.stderr)
        return EXIT_NO_DISPLAY
    runtime.prepare()
    from PyQt6.QtWidgets import QApplication

    from studio.core.plugins import default_plugin_folders, registry
    from studio.ui.main_window import MainWindow
    from studio.ui.settings import Settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("studio")
    app.setOrganizationName("studio")
    from studio.ui.i18n import ensure_hangul_font, install_language, resolve_language

    settings = Settings()
    install_language(resolve_language(settings.language()))
    ensure_hangul_font()
    registry.discover(default_plugin_folders())
    window = MainWindow(settings, registry)
    keeper = WindowKeeper(window)
    window.show()
    window.report_plugin_failures()
    if exit_after_first_image:
        def done(_key: str) -> None:
            print(f"first image painted after {time.perf_counter() - started:.3f} s", flush=True)
            app.processEvents()
            window.close()
            app.quit()
        window.image_shown.connect(done)
    target = dataset or next((p for p in window.settings.recent_datasets() if Path(p).exists()), None)
    opening = bool(target) and window.open_dataset(target)
    model_path = model or window.settings.last_model()
    if model_path and Path(model_path).exists():
        window.load_model_when_idle(model_path, after_first_image=opening)
    elif model:
        window.model_label.setText(window.tr("Model file not found: {0}").format(model))
    status = app.exec()
    del keeper
    return status
