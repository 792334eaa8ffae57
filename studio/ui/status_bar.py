"""A status bar whose passing messages never run under the widgets kept on its right.

``QStatusBar`` paints a temporary message across its whole width and lets the permanent
widgets (index progress, the model slot) cover the end of it. This one elides the message
to the room left of them and keeps the whole text as the tooltip.
"""

from __future__ import annotations

from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QStatusBar, QWidget


class ElidingStatusBar(QStatusBar):
    """``showMessage`` elides to the width the permanent widgets leave free."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._permanent: list[QWidget] = []

    def addPermanentWidget(self, widget: QWidget, stretch: int = 0) -> None:  # noqa: N802 - Qt override
        """Add a widget on the right (remembered, to keep messages clear of it)."""
        self._permanent.append(widget)
        super().addPermanentWidget(widget, stretch)

    def free_width(self) -> int:
        """Pixels a message may take: the bar less the visible permanent widgets and their margins."""
        taken = sum(w.width() + 12 for w in self._permanent if w.isVisible())
        return max(40, self.width() - taken - 16)

    def showMessage(self, text: str, timeout: int = 0) -> None:  # noqa: N802 - Qt override
        """Show ``text`` for ``timeout`` ms, elided to the free width (full text in the tooltip)."""
        shown = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, self.free_width())
        self.setToolTip(text if shown != text else "")
        super().showMessage(shown, timeout)
