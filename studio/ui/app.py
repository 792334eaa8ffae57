"""Start the desktop studio: check for a display, build the application, open the window."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from studio.core import runtime

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


def install_translator(app) -> None:  # noqa: ANN001 - QApplication
    """Load ``resources/i18n/studio_<locale>.qm`` if present (``STUDIO_LANG`` overrides)."""
    from PyQt6.QtCore import QLocale, QTranslator

    lang = os.environ.get("STUDIO_LANG") or QLocale.system().name()
    folder = Path(__file__).resolve().parents[2] / "resources" / "i18n"
    translator = QTranslator(app)
    if translator.load(f"studio_{lang}", str(folder)) or translator.load(
            f"studio_{lang.split('_')[0]}", str(folder)):
        app.installTranslator(translator)


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
    install_translator(app)
    registry.discover(default_plugin_folders())
    window = MainWindow(Settings(), registry)
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
    if target:
        window.open_dataset(target)
    model_path = model or window.settings.last_model()
    if model_path and Path(model_path).exists():
        window.models.load(model_path)
    elif model:
        window.model_label.setText(window.tr("Model file not found: {0}").format(model))
    return app.exec()
