"""Status bar widgets: indexing progress with ETA and cancel; the loaded model."""

from __future__ import annotations

from PyQt6.QtCore import pyqtSignal
from PyQt6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from studio.core.dataset.index import ImageIndex, State
from studio.core.jobs import Progress, format_eta


class IndexStatus(QWidget):
    """"Indexing 1,234 / 100,000 · 2,100/s · ETA 0:45 [x]" while indexing, then the counts."""

    cancel_requested = pyqtSignal()

    def __init__(self, parent: QWidget | None = None, stages: tuple[str, ...] = ("index",),
                 template: str | None = None) -> None:
        super().__init__(parent)
        self.stages = stages
        self.template = template or self.tr("Indexing {0} / {1} · {2}/s · ETA {3}")
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.cancel = QToolButton(self)
        self.cancel.setText("✕")
        self.cancel.setToolTip(self.tr("Stop indexing (it resumes next time)"))
        self.cancel.clicked.connect(self.cancel_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        self.set_idle()

    def set_idle(self) -> None:
        """Nothing running."""
        self.bar.hide()
        self.cancel.hide()

    def show_progress(self, progress: Progress) -> None:
        """Indexing progress with rate and ETA."""
        if progress.stage not in self.stages:
            return
        self.bar.show()
        self.cancel.show()
        self.bar.setMaximum(max(1, progress.total))
        self.bar.setValue(progress.done)
        self.label.setText(self.template.format(
            f"{progress.done:,}", f"{progress.total:,}", f"{progress.rate:,.0f}",
            format_eta(progress.eta_s)))

    def show_counts(self, index: ImageIndex | None, completed: bool = True) -> None:
        """Image counts by state."""
        self.set_idle()
        if index is None:
            self.label.clear()
            return
        c = index.counts()
        text = self.tr("{0} images · {1} labeled · {2} negative · {3} unlabeled").format(
            f"{len(index):,}", f"{c.get(State.LABELED, 0):,}", f"{c.get(State.NEGATIVE, 0):,}",
            f"{c.get(State.UNLABELED, 0):,}")
        if c.get(State.ERROR):
            text += self.tr(" · {0} unreadable").format(f"{c[State.ERROR]:,}")
        if not completed:
            text += self.tr(" · indexing stopped")
        self.label.setText(text)
