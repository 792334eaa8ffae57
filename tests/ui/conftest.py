"""Fixtures for GUI tests: a real main window, offscreen."""

from __future__ import annotations

import pytest

from studio.core.plugins import Registry


@pytest.fixture
def window(qtbot):
    """A shown, active main window with a fresh registry and isolated settings."""
    from studio.ui.main_window import MainWindow
    from studio.ui.settings import Settings

    settings = Settings()
    settings.set_first_run_done(True)  # the welcome page has its own tests
    win = MainWindow(settings, Registry())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    win.view.setFocus()
    qtbot.waitUntil(lambda: win.isActiveWindow() and win.view.hasFocus(), timeout=5000)
    yield win
    win.close()
