"""Non-blocking message boxes (never ``exec()``: the event loop, and tests, keep running)."""

from __future__ import annotations

from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QMessageBox, QWidget


def show_message(parent: QWidget, title: str, text: str,
                 icon: QMessageBox.Icon = QMessageBox.Icon.Warning) -> QMessageBox:
    """Open a message box that deletes itself when closed."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window = parent.window() if parent is not None else None
    if window is not None:
        # give the keyboard back to the window (without a window manager nobody else does)
        box.finished.connect(lambda _r: window.activateWindow())
    box.open()
    return box
