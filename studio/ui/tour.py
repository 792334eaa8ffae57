"""Guided tours: a dimmed window with a hole around one real control and a bubble that explains it.

A tour is a list of steps; each step names a widget (found when the step starts, so
the tour follows the real, current layout), a text, and optionally an action to run
first (open a menu's window, show a dock). Right / Enter go on, Left goes back, Esc ends.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PyQt6.QtCore import QEvent, QObject, QPoint, QRect, Qt, pyqtSignal
from PyQt6.QtGui import QColor, QKeyEvent, QPainter, QPainterPath, QPen
from PyQt6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


@dataclass
class TourStep:
    """One stop: the widget to point at (a callable, looked up late), what to say, and a
    preparation (e.g. open a window) run before looking the widget up."""

    target: Callable[[], QWidget | None]
    text: str
    prepare: Callable[[], None] | None = None
    rect: Callable[[QWidget], QRect] | None = None  # part of the target (e.g. one menu title)


class _Overlay(QWidget):
    """Covers a window: dims everything except the target's rectangle."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.hole = QRect()
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, False)
        self.setGeometry(window.rect())

    def paintEvent(self, _event) -> None:  # noqa: N802, ANN001 - Qt override
        """Dim outside the hole; outline the hole."""
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = QPainterPath()
        path.addRect(self.rect().toRectF())
        if not self.hole.isNull():
            inner = QPainterPath()
            inner.addRoundedRect(self.hole.adjusted(-6, -6, 6, 6).toRectF(), 6, 6)
            path = path.subtracted(inner)
        p.fillPath(path, QColor(0, 0, 0, 120))
        if not self.hole.isNull():
            p.setPen(QPen(QColor(255, 196, 0), 3))
            p.drawRoundedRect(self.hole.adjusted(-6, -6, 6, 6).toRectF(), 6, 6)


class Tour(QObject):
    """Runs a list of steps over the application's windows."""

    finished = pyqtSignal()
    step_shown = pyqtSignal(int)

    def __init__(self, steps: list[TourStep], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.steps = steps
        self.index = -1
        self.overlay: _Overlay | None = None
        self.bubble: QFrame | None = None
        self.target: QWidget | None = None

    def start(self) -> None:
        """Show the first step."""
        self.go(0)

    def go(self, index: int) -> None:
        """Show step ``index`` (past the end: finish)."""
        if index >= len(self.steps):
            self.stop()
            return
        index = max(0, index)
        step = self.steps[index]
        if step.prepare is not None:
            step.prepare()
        target = step.target()
        if target is None:  # the control is not there (hidden panel): skip the stop
            if index + 1 < len(self.steps) and index >= self.index:
                self.index = index
                self.go(index + 1)
            else:
                self.stop()
            return
        self.index = index
        self.target = target
        window = target.window()
        if self.overlay is None or self.overlay.parent() is not window:
            self._clear()
            self.overlay = _Overlay(window)
            self.bubble = self._make_bubble(window)
            window.installEventFilter(self)
        part = step.rect(target) if step.rect is not None else target.rect()
        top_left = target.mapTo(window, part.topLeft())
        self.overlay.hole = QRect(top_left, part.size())
        self.overlay.setGeometry(window.rect())
        self.overlay.show()
        self.overlay.raise_()
        self._text.setText(step.text)
        self._counter.setText(f"{index + 1} / {len(self.steps)}")
        self._back.setEnabled(index > 0)
        self._next.setText(self.tr("Done") if index == len(self.steps) - 1 else self.tr("Next"))
        self._place_bubble(window)
        self.bubble.show()
        self.bubble.raise_()
        self.bubble.setFocus()
        self.step_shown.emit(index)

    def _make_bubble(self, window: QWidget) -> QFrame:
        bubble = QFrame(window)
        bubble.setObjectName("tour_bubble")
        bubble.setFrameShape(QFrame.Shape.StyledPanel)
        bubble.setAutoFillBackground(True)
        bubble.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        bubble.setStyleSheet("#tour_bubble { background: #fffbe6; border: 2px solid #ffc400; border-radius: 8px; }")
        self._text = QLabel(bubble)
        self._text.setWordWrap(True)
        self._text.setMinimumWidth(320)
        self._text.setMaximumWidth(420)
        self._counter = QLabel(bubble)
        self._back = QPushButton(self.tr("Back"), bubble)
        self._next = QPushButton(self.tr("Next"), bubble)
        close = QPushButton(self.tr("End Tour"), bubble)
        row = QHBoxLayout()
        row.addWidget(self._counter)
        row.addStretch(1)
        row.addWidget(close)
        row.addWidget(self._back)
        row.addWidget(self._next)
        layout = QVBoxLayout(bubble)
        layout.addWidget(self._text)
        layout.addLayout(row)
        self._back.clicked.connect(lambda: self.go(self.index - 1))
        self._next.clicked.connect(lambda: self.go(self.index + 1))
        close.clicked.connect(self.stop)
        bubble.installEventFilter(self)
        return bubble

    def _place_bubble(self, window: QWidget) -> None:
        assert self.bubble is not None and self.overlay is not None
        self.bubble.adjustSize()
        hole, size, area = self.overlay.hole, self.bubble.size(), window.rect()
        candidates = [QPoint(hole.right() + 16, hole.top()), QPoint(hole.left() - size.width() - 16, hole.top()),
                      QPoint(hole.left(), hole.bottom() + 16), QPoint(hole.left(), hole.top() - size.height() - 16)]
        for pos in candidates:
            if area.contains(QRect(pos, size)):
                self.bubble.move(pos)
                return
        self.bubble.move(area.center() - QPoint(size.width() // 2, size.height() // 2))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Keys in the bubble; follow the window when it is resized."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Right, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
                self.go(self.index + 1)
                return True
            if key == Qt.Key.Key_Left:
                self.go(self.index - 1)
                return True
            if key == Qt.Key.Key_Escape:
                self.stop()
                return True
        if event.type() == QEvent.Type.Resize and self.overlay is not None and obj is self.overlay.parent():
            self.go(self.index)
        return False

    def _clear(self) -> None:
        for w in (self.overlay, self.bubble):
            if w is not None:
                w.hide()
                w.deleteLater()
        if self.overlay is not None and self.overlay.parent() is not None:
            self.overlay.parent().removeEventFilter(self)
        self.overlay = self.bubble = None

    def stop(self) -> None:
        """End the tour."""
        self._clear()
        self.index = -1
        self.finished.emit()

    @property
    def running(self) -> bool:
        """True while a step is shown."""
        return self.overlay is not None
