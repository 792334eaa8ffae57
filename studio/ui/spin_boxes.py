"""Number fields built in one line: range, step, decimals and starting value."""

from __future__ import annotations

from PyQt6.QtWidgets import QDoubleSpinBox, QSpinBox, QWidget


def double_spin(parent: QWidget, lo: float, hi: float, value: float, step: float, decimals: int = 2,
                name: str = "") -> QDoubleSpinBox:
    """A ``QDoubleSpinBox`` from ``lo`` to ``hi`` showing ``value`` (``name``: its object name)."""
    w = QDoubleSpinBox(parent)
    w.setRange(lo, hi)
    w.setSingleStep(step)
    w.setDecimals(decimals)
    w.setValue(value)
    if name:
        w.setObjectName(name)
    return w


def int_spin(parent: QWidget, lo: int, hi: int, value: int, name: str = "", step: int = 1) -> QSpinBox:
    """A ``QSpinBox`` from ``lo`` to ``hi`` showing ``value`` (``name``: its object name)."""
    w = QSpinBox(parent)
    w.setRange(lo, hi)
    w.setSingleStep(step)
    w.setValue(value)
    if name:
        w.setObjectName(name)
    return w
