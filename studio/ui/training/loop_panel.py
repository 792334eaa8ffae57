"""The loop panel: where the dataset stands in label -> train -> pre-label -> review -> retrain,
with the next step one click away."""

from __future__ import annotations

from PyQt6.QtCore import pyqtSignal
from PyQt6.QtWidgets import QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from studio.core.training.loop import LoopStatus


class LoopPanel(QWidget):
    """Counts and the newest results; ``train``, ``prelabel`` and ``review`` ask for the next step."""

    train = pyqtSignal()
    prelabel = pyqtSignal()
    review = pyqtSignal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loop_panel")
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, text in (("finished", self.tr("Finished by humans")), ("unlabeled", self.tr("Unlabeled")),
                          ("machine", self.tr("Labeled by a model, not reviewed")),
                          ("waiting", self.tr("Proposals waiting for review")), ("reviewed", self.tr("Reviewed")),
                          ("model", self.tr("Newest model")), ("training", self.tr("Newest training run"))):
            label = QLabel("–", self)
            label.setObjectName(f"loop_{key}")
            label.setWordWrap(True)
            form.addRow(text, label)
            self.values[key] = label
        buttons = [(self.tr("Train a Model…"), self.train), (self.tr("Pre-label the Unlabeled"), self.prelabel),
                   (self.tr("Review Proposals"), self.review)]
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        for text, signal in buttons:
            button = QPushButton(text, self)
            button.clicked.connect(signal.emit)
            layout.addWidget(button)
        layout.addStretch(1)

    def show_status(self, s: LoopStatus) -> None:
        """Show a snapshot."""
        v = self.values
        v["finished"].setText(f"{s.finished:,}")
        v["unlabeled"].setText(f"{s.unlabeled:,}")
        v["machine"].setText(f"{s.machine_labeled:,}")
        v["waiting"].setText(f"{s.proposed_waiting:,}")
        v["reviewed"].setText(f"{s.reviewed:,}")
        if s.prelabel_run is None:
            v["model"].setText(self.tr("no pre-labeling run yet"))
        elif s.review_map50 is None:
            v["model"].setText(self.tr("{0} (run {1}): review some images to measure it").format(
                s.prelabel_model, s.prelabel_run))
        else:
            v["model"].setText(self.tr("{0} (run {1}): mAP50 {2:.3f} on the reviewed images").format(
                s.prelabel_model, s.prelabel_run, s.review_map50))
        if not s.training_run:
            v["training"].setText(self.tr("none yet"))
        elif s.training_map50 is None:
            v["training"].setText(s.training_run)
        else:
            v["training"].setText(self.tr("{0}: mAP50 {1:.3f} on its val images").format(s.training_run,
                                                                                      s.training_map50))
