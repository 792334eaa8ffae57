"""The Statistics tab: class balance, box sizes, centres, boxes per image, image sizes; CSV."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import numpy as np
from PyQt6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.core.insight.jobs import STATS, StatsParams
from studio.core.insight.stats import DatasetStats, dataset_stats, write_csv
from studio.core.jobs import CancelToken
from studio.core.jobspec import JobContext, run_recorded
from studio.ui.insight.charts import bars, heat_map, plot_widget
from studio.ui.insight.job_tab import JobTab
from studio.ui.session import DatasetSession
from studio.ui.status import IndexStatus

if TYPE_CHECKING:
    from studio.core.jobs import Progress


class StatsTab(JobTab):
    """Charts (pyqtgraph) and tables of a dataset survey; computed off the GUI thread."""

    def __init__(self, session: DatasetSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        tr = self.tr
        self.run_button = QPushButton(tr("Compute Statistics"), self)
        self.csv_button = QPushButton(tr("Export CSV…"), self)
        self.csv_button.setEnabled(False)
        self.png_button = QPushButton(tr("Save Charts as PNG…"), self)
        self.png_button.setEnabled(False)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.status = IndexStatus(self, ("start", "survey"), tr("Reading {0} / {1} · {2}/s · ETA {3}"))
        self.class_plot = plot_widget(self, tr("Boxes (blue) and images (red) per class"))
        self.band_plot = plot_widget(self, tr("Box sizes (COCO bands)"), tr("boxes"))
        self.area_plot = plot_widget(self, tr("Box area"), tr("boxes"), tr("log10 of area in pixels"))
        self.heat_plot = plot_widget(self, tr("Box centres (x, y as a share of the image)"))
        self.per_image_plot = plot_widget(self, tr("Boxes per image"), tr("images"), tr("boxes in the image"))
        self.class_table = QTableWidget(0, 0, self)
        self.class_table.verticalHeader().hide()
        self.size_table = QTableWidget(0, 3, self)
        self.size_table.setHorizontalHeaderLabels([tr("Width"), tr("Height"), tr("Images")])
        self.size_table.verticalHeader().hide()
        grid = QGridLayout()
        grid.addWidget(self.class_plot, 0, 0)
        grid.addWidget(self.band_plot, 0, 1)
        grid.addWidget(self.area_plot, 1, 0)
        grid.addWidget(self.heat_plot, 1, 1)
        grid.addWidget(self.per_image_plot, 2, 0)
        grid.addWidget(self.size_table, 2, 1)
        grid.addWidget(self.class_table, 3, 0, 1, 2)
        body = QWidget(self)
        body.setLayout(grid)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        top = QHBoxLayout()
        top.addWidget(self.run_button)
        top.addWidget(self.csv_button)
        top.addWidget(self.png_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        self.stats: DatasetStats | None = None
        self.run_button.clicked.connect(self.start)
        self.csv_button.clicked.connect(self.export_csv)
        self.png_button.clicked.connect(self.export_png)
        self.status.cancel_requested.connect(self.cancel)

    def start(self) -> None:
        """Survey the dataset in the background, then draw."""
        ds = self.session.dataset
        if ds is None:
            self.summary.setText(self.tr("Open a dataset first."))
            return

        store, owner = self.session.store, self.session.owner

        def job(token: CancelToken) -> Iterator[Progress]:
            yield from run_recorded(STATS, StatsParams(), JobContext(store, token, ds, owner))

        self.run_job(job, self._on_progress, self.tr("Cannot compute: {0}"))

    def _on_progress(self, progress: Progress) -> None:
        if progress.stage == "done" and progress.payload is not None:
            self.show_stats(dataset_stats(progress.payload))
        else:
            self.status.show_progress(progress)

    def show_stats(self, st: DatasetStats) -> None:
        """Draw every chart and table of ``st``."""
        self.stats = st
        tr = self.tr
        self.csv_button.setEnabled(True)
        self.png_button.setEnabled(True)
        self.summary.setText(tr("{0} images: {1} labeled, {2} negatives (empty label file), {3} unlabeled (no label "
                                "file), {4} unreadable; {5} boxes.").format(
            st.images, st.labeled, st.negatives, st.unlabeled, st.unreadable, st.boxes))
        names = [c.name for c in st.classes]
        bars(self.class_plot, names, [(tr("boxes"), [c.boxes for c in st.classes]),
                                      (tr("images"), [c.images for c in st.classes])])
        band_labels = [tr("small < 32²"), tr("medium"), tr("large ≥ 96²")]
        bars(self.band_plot, band_labels, [(tr("boxes"), [st.size_bands[b] for b in ("small", "medium", "large")])])
        area = st.box_area_px[st.box_area_px > 0]
        self.area_plot.clear()
        if len(area):
            counts, edges = np.histogram(np.log10(area), bins=40)
            self.area_plot.plot(edges, counts, stepMode="center", fillLevel=0, brush=(36, 113, 163, 150),
                                pen="#2471a3")
        heat_map(self.heat_plot, st.centers)
        keys = list(st.boxes_per_image)
        bars(self.per_image_plot, [str(k) for k in keys], [(tr("images"), [st.boxes_per_image[k] for k in keys])])
        self.size_table.setRowCount(min(len(st.image_sizes), 50))
        for r, (w, h, n) in enumerate(st.image_sizes[:50]):
            for c, v in enumerate((w, h, n)):
                self.size_table.setItem(r, c, QTableWidgetItem(str(v)))
        splits = sorted({k for c in st.classes for k in c.per_split})
        headers = [tr("Class"), tr("Boxes"), tr("Images"), tr("Share"), *splits, tr("Small"), tr("Medium"),
                   tr("Large")]
        self.class_table.setColumnCount(len(headers))
        self.class_table.setHorizontalHeaderLabels(headers)
        self.class_table.setRowCount(len(st.classes))
        for r, c in enumerate(st.classes):
            b = st.size_bands_per_class[c.class_id]
            values = [c.name, c.boxes, c.images, f"{c.share:.1%}", *[c.per_split.get(s, 0) for s in splits],
                      b["small"], b["medium"], b["large"]]
            for k, v in enumerate(values):
                self.class_table.setItem(r, k, QTableWidgetItem(str(v)))
        self.class_table.resizeColumnsToContents()
        self.class_table.setMinimumHeight(min(400, 30 + 26 * len(st.classes)))

    def export_csv(self) -> None:
        """Write the tables as CSV files into a chosen folder."""
        if self.stats is None:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the CSV files"))
        if folder:
            self.write_csv_to(folder)

    def export_png(self) -> None:
        """Save every chart as a PNG (drawn by Qt, so Korean labels keep their font)."""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the chart images"))
        if folder:
            self.write_png_to(folder)

    def write_png_to(self, folder: str) -> list:
        """Write the charts as PNG files (also used by tests); says what was written."""
        from pathlib import Path

        charts = {"classes": self.class_plot, "size_bands": self.band_plot, "box_area": self.area_plot,
                  "box_centres": self.heat_plot, "boxes_per_image": self.per_image_plot}
        out = []
        Path(folder).mkdir(parents=True, exist_ok=True)
        for name, widget in charts.items():
            path = Path(folder) / f"{name}.png"
            if widget.grab().save(str(path)):
                out.append(path)
        self.summary.setText(self.tr("Saved {0} charts to {1}.").format(len(out), folder))
        return out

    def write_csv_to(self, folder: str) -> list:
        """Write the CSV files (also used by tests); says what was written."""
        try:
            paths = write_csv(self.stats, folder)
        except OSError as exc:
            self.summary.setText(self.tr("Cannot write the CSV files: {0}").format(exc))
            return []
        self.summary.setText(self.tr("Wrote {0} CSV files to {1}.").format(len(paths), folder))
        return paths
