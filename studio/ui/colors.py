"""Class colors: a fixed, distinct palette so a class keeps its color across sessions."""

from __future__ import annotations

from PyQt6.QtGui import QColor

# Ultralytics' 20-color palette, so boxes look the same as in its plots.
_PALETTE = ("FF3838", "FF9D97", "FF701F", "FFB21D", "CFD231", "48F90A", "92CC17", "3DDB86",
            "1A9334", "00D4BB", "2C99A8", "00C2FF", "344593", "6473FF", "0018EC", "8438FF",
            "520085", "CB38FF", "FF95C8", "FF37C7")


def class_color(class_id: int) -> QColor:
    """The color of ``class_id``."""
    return QColor("#" + _PALETTE[class_id % len(_PALETTE)])
