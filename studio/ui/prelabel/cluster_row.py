"""The pre-label dialog's "Run on" row: this computer or a Ray cluster, with a connection check.

The check connects in a thread (starting a local Ray takes about 3 s) and reports what the
cluster offers; a cluster run can start only after a check passed for the address shown.
"""

from __future__ import annotations

import threading

from PyQt6.QtCore import pyqtSignal
from PyQt6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from studio.core.cluster.connect import ClusterError, ClusterInfo, check_connection
from studio.ui.texts import error_text

IMAGE_MODES = ("shared", "send")


class ClusterRow(QWidget):
    """Where a run goes; ``ready`` says whether Start may be pressed."""

    ready_changed = pyqtSignal(bool)
    _checked = pyqtSignal(str, object)  # address, ClusterInfo or error text (from the check thread)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.where = QComboBox(self)
        self.where.setObjectName("run_on")
        self.where.addItems([self.tr("This computer"), self.tr("Ray cluster")])
        self.address = QLineEdit("local", self)
        self.address.setObjectName("cluster_address")
        self.address.setToolTip(self.tr("local (start Ray on this computer), auto (the cluster in RAY_ADDRESS) "
                                        "or ray://host:port"))
        self.images = QComboBox(self)
        self.images.setObjectName("cluster_images")
        self.images.addItems([self.tr("Workers read the folder"), self.tr("Send images to workers")])
        self.images.setToolTip(self.tr("Read: every node sees the dataset at the same path (a shared mount). "
                                       "Send: this computer sends the image bytes."))
        self.check = QPushButton(self.tr("Check Connection"), self)
        self.check.setObjectName("check_cluster")
        self.status = QLabel(self)
        self.status.setObjectName("cluster_status")
        self.status.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.where, self.address, self.images, self.check):
            layout.addWidget(w)
        self.info: ClusterInfo | None = None
        self._info_for = ""
        self.where.currentIndexChanged.connect(self._update)
        self.address.textChanged.connect(self._update)
        self.check.clicked.connect(self.start_check)
        self._checked.connect(self._on_checked)
        self._update()

    def on_cluster(self) -> bool:
        """True when the run goes to a Ray cluster."""
        return self.where.currentIndex() == 1

    def is_ready(self) -> bool:
        """This computer, or a cluster whose check passed for the address shown."""
        return not self.on_cluster() or (self.info is not None and self._info_for == self.address.text().strip())

    def address_text(self) -> str:
        """The cluster address as typed."""
        return self.address.text().strip()

    def image_mode(self) -> str:
        """``shared`` or ``send``."""
        return IMAGE_MODES[self.images.currentIndex()]

    def start_check(self) -> None:
        """Connect in a thread and report what the cluster offers."""
        address = self.address_text()
        self.check.setEnabled(False)
        self.status.setText(self.tr("Connecting to {0}…").format(address))

        def work() -> None:
            try:
                result: object = check_connection(address)
            except ClusterError as exc:
                result = error_text(exc)
            self._checked.emit(address, result)

        threading.Thread(target=work, name="cluster-check", daemon=True).start()

    def _on_checked(self, address: str, result: object) -> None:
        self.check.setEnabled(True)
        if isinstance(result, ClusterInfo):
            self.info, self._info_for = result, address
            self.status.setText(self.tr("Connected: {0}").format(result.describe()))
        else:
            self.info = None
            self.status.setText(self.tr("Cannot use the cluster: {0}").format(result))
        self._update()

    def _update(self) -> None:
        on = self.on_cluster()
        for w in (self.address, self.images, self.check):
            w.setEnabled(on)
        self.status.setVisible(on)
        if on and not self.is_ready() and not self.status.text():
            self.status.setText(self.tr("Check the connection before starting."))
        self.ready_changed.emit(self.is_ready())
