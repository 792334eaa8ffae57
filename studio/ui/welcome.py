"""The first-run page: open a folder, open the sample, or take a tour of a workflow."""

from __future__ import annotations

from PyQt6.QtCore import Qt, pyqtSignal
from PyQt6.QtGui import QFont
from PyQt6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    """Shown instead of the canvas until a first dataset is opened (or Help > Welcome)."""

    open_folder = pyqtSignal()
    open_sample = pyqtSignal()
    tour_requested = pyqtSignal(str)  # "annotate" / "review" / "preprocess"
    dismissed = pyqtSignal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome_page")
        self.setAutoFillBackground(True)
        tr = self.tr
        title = QLabel(tr("Welcome to studio"), self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(tr("Label object-detection datasets, pre-label them with a model and review the "
                          "proposals, and tune image preprocessing. Start with your own folder of images "
                          "or with the bundled sample of fruit photos."), self)
        intro.setWordWrap(True)
        self.folder_button = QPushButton(tr("Open a Folder of Images…"), self)
        self.sample_button = QPushButton(tr("Open the Sample Dataset"), self)
        for b in (self.folder_button, self.sample_button):
            b.setMinimumHeight(44)
        start = QHBoxLayout()
        start.addWidget(self.folder_button)
        start.addWidget(self.sample_button)
        tours = QLabel(tr("Short tours (a few steps each, pointing at the real controls):"), self)
        self.tour_buttons = {
            "annotate": QPushButton(tr("Annotate: draw and fix boxes"), self),
            "review": QPushButton(tr("Pre-label and review: let a model propose, accept or fix"), self),
            "preprocess": QPushButton(tr("Preprocess: tune OpenCV steps on a photo"), self),
        }
        self.skip_button = QPushButton(tr("Close this page"), self)
        self.skip_button.setFlat(True)
        card = QFrame(self)
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMaximumWidth(720)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(12)
        inner.addWidget(title)
        inner.addWidget(intro)
        inner.addLayout(start)
        inner.addSpacing(8)
        inner.addWidget(tours)
        for b in self.tour_buttons.values():
            inner.addWidget(b)
        inner.addWidget(self.skip_button, 0, Qt.AlignmentFlag.AlignRight)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.folder_button.clicked.connect(self.open_folder)
        self.sample_button.clicked.connect(self.open_sample)
        self.skip_button.clicked.connect(self.dismissed)
        for name, b in self.tour_buttons.items():
            b.clicked.connect(lambda _c=False, n=name: self.tour_requested.emit(n))
