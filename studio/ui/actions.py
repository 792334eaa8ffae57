"""One way to make a window action: text, shortcuts shown in its tooltip, a slot."""

from __future__ import annotations

import re
from collections.abc import Callable

from PyQt6.QtGui import QAction, QKeySequence
from PyQt6.QtWidgets import QWidget


def make_action(host: QWidget, text: str, slot: Callable[[], object], shortcuts: tuple = (),
                checkable: bool = False) -> QAction:
    """A ``QAction`` on ``host`` whose tooltip names its keys (e.g. "Next Image (D)")."""
    action = QAction(text, host)
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        keys = ", ".join(QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText)
                         for s in shortcuts)
        plain = re.sub(r"\(&\w\)", "", text).replace("&", "").rstrip("…")  # "파일(&F)" and "&File" alike
        action.setToolTip(f"{plain} ({keys})")
    action.setCheckable(checkable)
    action.triggered.connect(lambda *_a: slot())  # user activation only, not setChecked()
    host.addAction(action)
    return action
