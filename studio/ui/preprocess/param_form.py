"""Controls generated from an operation's parameter declarations (never written by hand)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PyQt6.QtCore import QCoreApplication, Qt, pyqtSignal
from PyQt6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QWidget
from superqt import QLabeledDoubleSlider, QLabeledRangeSlider, QLabeledSlider

from studio.core.preprocess.ops import OpSpec
from studio.core.preprocess.params import BoolParam, ChoiceParam, FloatParam, IntParam
from studio.ui.texts import op_text

if TYPE_CHECKING:
    from studio.core.preprocess.params import Param


class ParamForm(QWidget):
    """One control per parameter; ``changed(values, dragging)`` on every edit.

    ``dragging`` is True while a slider is held (the preview may run at reduced scale).
    Integer parameters declared ``odd`` step by 2 from an odd value, so an even kernel size
    cannot be chosen; pairs ``loN``/``hiN`` become one two-handled range slider.
    """

    changed = pyqtSignal(dict, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.spec: OpSpec | None = None
        self.values: dict[str, Any] = {}
        self.controls: dict[str, QWidget] = {}
        self._dragging = False

    def set_op(self, spec: OpSpec | None, values: dict[str, Any]) -> None:
        """Build the controls of ``spec`` showing ``values``."""
        while self.layout_.rowCount():
            self.layout_.removeRow(0)
        self.controls = {}
        self.spec = spec
        if spec is None:
            return
        self.values = spec.coerce(values)
        names = [p.name for p in spec.params]
        done: set[str] = set()
        for p in spec.params:
            if p.name in done:
                continue
            label = op_text(p.label)
            if p.name.startswith("lo") and p.name.replace("lo", "hi", 1) in names:
                hi = p.name.replace("lo", "hi", 1)
                control = self._range(p.name, hi)
                done |= {p.name, hi}
                label = label.replace(QCoreApplication.translate("studio.ops", " min"), "").replace(" min", "")
            else:
                control = self._control(p)
                done.add(p.name)
            self.layout_.addRow(QLabel(label, self), control)
        if not spec.params:
            self.layout_.addRow(QLabel(self.tr("This operation has no settings."), self))

    def _control(self, p: Param) -> QWidget:
        value = self.values[p.name]
        if isinstance(p, BoolParam):
            w = QCheckBox(self)
            w.setChecked(bool(value))
            w.toggled.connect(lambda v, n=p.name: self._set(n, v, False))
        elif isinstance(p, ChoiceParam):
            w = QComboBox(self)
            for choice in p.choices:
                w.addItem(QCoreApplication.translate("studio.ops", p.label_of(choice)), choice)
            w.setCurrentIndex(max(0, w.findData(str(value))))
            w.currentIndexChanged.connect(lambda i, n=p.name, box=w: self._set(n, box.itemData(i), False))
        elif isinstance(p, IntParam):
            w = QLabeledSlider(Qt.Orientation.Horizontal, self)
            if p.odd:  # slider positions k map to 2k+1: only odd sizes exist
                w.setRange((p.minimum - 1) // 2, (p.maximum - 1) // 2)
                w.setValue((int(value) - 1) // 2)
                w.valueChanged.connect(lambda v, n=p.name: self._set(n, 2 * v + 1, self._dragging))
                w.setToolTip(self.tr("Odd sizes only: position k means size 2k+1"))
            else:
                w.setRange(p.minimum, p.maximum)
                w.setSingleStep(p.step)
                w.setValue(int(value))
                w.valueChanged.connect(lambda v, n=p.name: self._set(n, v, self._dragging))
            self._track(w)
        else:
            assert isinstance(p, FloatParam)
            w = QLabeledDoubleSlider(Qt.Orientation.Horizontal, self)
            w.setRange(p.minimum, p.maximum)
            w.setSingleStep(p.step)
            w.setDecimals(p.decimals)
            w.setValue(float(value))
            w.valueChanged.connect(lambda v, n=p.name: self._set(n, float(v), self._dragging))
            self._track(w)
        self.controls[p.name] = w
        return w

    def _range(self, lo: str, hi: str) -> QWidget:
        w = QLabeledRangeSlider(Qt.Orientation.Horizontal, self)
        w.setRange(0, 255)
        w.setValue((int(self.values[lo]), int(self.values[hi])))
        w.valueChanged.connect(lambda v, a=lo, b=hi: self._set_pair(a, b, v))
        self._track(w)
        self.controls[lo] = self.controls[hi] = w
        return w

    def _track(self, w: QWidget) -> None:
        if hasattr(w, "sliderPressed"):
            w.sliderPressed.connect(lambda: setattr(self, "_dragging", True))
            w.sliderReleased.connect(self._released)

    def _released(self) -> None:
        self._dragging = False
        self.changed.emit(dict(self.values), False)

    def _set_pair(self, lo: str, hi: str, value: tuple) -> None:
        self.values[lo], self.values[hi] = int(value[0]), int(value[1])
        self.changed.emit(dict(self.values), self._dragging)

    def _set(self, name: str, value: Any, dragging: bool) -> None:
        assert self.spec is not None
        self.values[name] = value
        self.values = self.spec.coerce(self.values)
        self.changed.emit(dict(self.values), dragging)

    def set_value(self, name: str, value: Any) -> None:
        """Set one value from outside (a histogram line was dragged); updates the control."""
        if self.spec is None or name not in self.values:
            return
        self.values = self.spec.coerce({**self.values, name: value})
        w = self.controls.get(name)
        w_blocked = w.blockSignals(True) if w is not None else False
        if isinstance(w, QLabeledSlider):
            w.setValue(int(self.values[name]))
        elif isinstance(w, QComboBox):
            w.setCurrentIndex(max(0, w.findData(self.values[name])))
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(self.values[name]))
        if w is not None:
            w.blockSignals(w_blocked)
