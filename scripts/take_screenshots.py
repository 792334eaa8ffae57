"""Take the user guide's screenshots from the real app, in English and Korean (``make screenshots``).

Each language runs in a fresh process: studio opens a copy of the sample dataset, pre-labels
a few images with the demo model, and the script grabs the welcome page, annotation, review,
insight and preprocessing windows into ``resources/guide/images/<name>-<lang>.png``. It runs on whatever
display Qt finds: under Xvfb (``xvfb-run make screenshots``) or, without one, offscreen.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "guide" / "images"
SAMPLE = ROOT / "resources" / "sample"
DEMO = ROOT / "resources" / "models" / "demo-fruit.pt"


def shoot(lang: str) -> list[Path]:
    """Take every screenshot in ``lang`` (runs inside the child process)."""
    sys.path.insert(0, str(ROOT))
    from PyQt6.QtCore import QSettings
    from PyQt6.QtWidgets import QApplication

    import studio.core  # noqa: F401 - cleans cv2's environment before Qt

    work = Path(tempfile.mkdtemp(prefix="studio-shots-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "settings"))
    data = work / ("과일 샘플" if lang == "ko" else "fruit sample")
    shutil.copytree(SAMPLE, data, ignore=shutil.ignore_patterns(".studio"))
    subprocess.run([sys.executable, "-m", "studio.cli", "prelabel", str(data), "--model", str(DEMO)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    from benchmarks.qt_wait import pump, wait_until
    from studio.core.plugins import Registry
    from studio.ui.i18n import ensure_hangul_font, install_language
    from studio.ui.main_window import MainWindow
    from studio.ui.settings import Settings

    _app = QApplication.instance() or QApplication([])  # kept alive for the windows below
    install_language(lang)
    ensure_hangul_font()

    def settle(seconds: float = 0.6) -> None:
        pump(seconds, poll=0.01)

    shots = []

    def save(widget, name: str) -> None:  # noqa: ANN001
        settle()
        path = OUT / f"{name}-{lang}.png"
        widget.grab().save(str(path))
        shots.append(path)

    settings = Settings()
    window = MainWindow(settings, Registry())
    window.resize(1280, 800)
    window.show()
    save(window, "welcome")
    window.models.load(str(DEMO))
    wait_until(lambda: window.models.info is not None)
    window.open_dataset(data)
    wait_until(lambda: window.editor.doc is not None)
    wait_until(lambda: not window.session.is_indexing())
    window.image_list.select_index_row(window.session.index.position("images/train/train_0003.jpg"))
    wait_until(lambda: window.editor.doc is not None and window.editor.doc.image_path.name == "train_0003.jpg")
    window.editor.select([0])
    save(window, "annotate")
    window.review_ui.set_mode(True)
    wait_until(lambda: window.review.current is not None)
    for _ in range(3):
        window.review.accept_all_and_next()
        settle(0.3)
    window.review.focus_step(1)
    save(window, "review")
    window.open_insight()
    insight = window.insight_window
    insight.resize(1200, 820)
    insight.check.start()
    wait_until(lambda: insight.check.model.rowCount() > 0
               or (insight.check.worker and not insight.check.worker.is_running()))
    insight.tabs.setCurrentWidget(insight.stats)
    insight.stats.start()
    wait_until(lambda: insight.stats.stats is not None)
    save(insight, "insight")
    insight.close()
    window.open_preprocessing()
    pre = window.preprocess_window
    pre.resize(1280, 800)
    for op in ("gaussian_blur", "clahe", "auto_threshold"):
        pre.pipeline_panel.add_step(op)
    settle(1.5)
    save(pre, "preprocess")
    pre.close()
    window.close()
    shutil.rmtree(work, ignore_errors=True)
    return shots


def main() -> int:
    """Take both languages, each in its own process (translators and fonts start clean)."""
    if len(sys.argv) > 1:
        for path in shoot(sys.argv[1]):
            print(path)
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    for lang in ("en", "ko"):
        subprocess.run([sys.executable, __file__, lang], check=True, env=env)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
