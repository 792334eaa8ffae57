"""Korean UI: complete translations, every action and menu translated, Hangul that renders,
switching language without losing work, the first-run page, tours and the user guide."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PyQt6.QtCore import Qt

from studio.core.plugins import Registry

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "studio_ko.ts"
HANGUL = re.compile("[\uac00-\ud7a3]")
# texts that are the same in both languages (names, units, metric names)
SAME = {"studio", "AP50", "AP50-95", "F1", "CLAHE", "NMS IoU", "English", "한국어", "Python (*.py)"}


@pytest.fixture
def korean(qapp):
    """Korean installed for the test, English restored after it."""
    from studio.ui.i18n import ensure_hangul_font, install_language

    install_language("ko")
    ensure_hangul_font()
    yield
    install_language("en")


def _window(qtbot, dataset: Path | None = None, first_run_done: bool = True):  # noqa: ANN001, ANN202
    """A shown main window with fresh settings, on ``dataset`` when given."""
    from studio.ui.main_window import MainWindow
    from studio.ui.settings import Settings

    settings = Settings()
    settings.set_first_run_done(first_run_done)
    win = MainWindow(settings, Registry())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    if dataset is not None:
        with qtbot.waitSignal(win.image_shown, timeout=10_000):
            win.open_dataset(dataset)
    return win


def _messages(path: Path) -> list[tuple[str, str, str | None, str | None]]:
    out = []
    for ctx in ET.parse(path).getroot().findall("context"):
        name = ctx.find("name").text
        for m in ctx.findall("message"):
            tr = m.find("translation")
            out.append((name, m.find("source").text, tr.text, tr.get("type")))
    return out


def test_every_string_in_the_code_has_a_korean_translation(tmp_path: Path) -> None:
    """Re-extract the strings from the code into a copy of the .ts: nothing may be unfinished."""
    copy = tmp_path / "studio_ko.ts"
    shutil.copy(TS, copy)
    pylupdate = Path(sys.executable).with_name("pylupdate6")
    subprocess.run([str(pylupdate), str(ROOT / "studio"), "--ts", str(copy), "--no-obsolete", "--no-summary"],
                   check=True)
    missing = [src for _ctx, src, text, kind in _messages(copy) if kind in ("unfinished", "vanished")
               or not (text or "").strip()]
    assert not missing, f"untranslated strings (run 'make i18n' and translate them): {missing[:10]}"
    for _ctx, src, text, _kind in _messages(copy):  # placeholders survive translation
        assert sorted(re.findall(r"\{[^}]*\}", src)) == sorted(re.findall(r"\{[^}]*\}", text)), src


def test_compiled_qm_matches_the_source(qapp) -> None:
    from PyQt6.QtCore import QCoreApplication, QTranslator

    t = QTranslator()
    assert t.load(str(TS.with_suffix(".qm")))
    qapp.installTranslator(t)
    try:
        for ctx, src, text, _kind in _messages(TS):
            assert QCoreApplication.translate(ctx, src) == text, (ctx, src)
    finally:
        qapp.removeTranslator(t)


def _texts(window) -> list[str]:  # noqa: ANN001
    from PyQt6.QtWidgets import QMenu

    texts = [a.text() for a in window.actions() if a.text()]
    for menu in window.findChildren(QMenu):
        texts.append(menu.title())
        texts += [a.text() for a in menu.actions() if a.text() and not a.isSeparator()]
    texts += [d.windowTitle() for d in (window.images_dock, window.classes_dock, window.boxes_dock,
                                         window.review_ui.dock)]
    return [t for t in texts if t]


def test_every_action_menu_and_panel_is_translated(qtbot, korean) -> None:
    from studio.ui.main_window import MainWindow
    from studio.ui.settings import Settings

    ko = MainWindow(Settings(), Registry())
    qtbot.addWidget(ko)
    texts = _texts(ko)
    assert len(texts) > 80
    untranslated = [t for t in texts if t not in SAME and not HANGUL.search(t)
                    and not t.startswith("/") and not re.fullmatch(r"[\d\s.:/-]+", t)]
    recent = set(ko.settings.recent_datasets())
    untranslated = [t for t in untranslated if t not in recent]
    assert not untranslated, untranslated
    assert HANGUL.search(ko.help_ui.welcome.folder_button.text())


def test_dialog_and_window_titles_are_translated(qtbot, korean, sample_dataset: Path) -> None:
    from studio.ui.shortcuts_dialog import ShortcutsDialog

    win = _window(qtbot, sample_dataset)
    win.show_shortcuts()
    dialog = win.findChild(ShortcutsDialog)
    assert dialog is not None and HANGUL.search(dialog.windowTitle())
    win.open_insight()
    insight = win.insight_window
    assert HANGUL.search(insight.windowTitle())
    assert all(HANGUL.search(insight.tabs.tabText(i)) for i in range(insight.tabs.count()))
    win.open_preprocessing()
    assert HANGUL.search(win.preprocess_window.windowTitle())
    guide = win.help_ui.show_guide()
    assert HANGUL.search(guide.windowTitle()) and HANGUL.search(guide.toPlainText())
    # a finding from core is shown in Korean
    from studio.core.findings import Finding
    from studio.ui.texts import finding_text

    assert HANGUL.search(finding_text(Finding("orphan_label")))
    win.close()


def test_hangul_renders_as_glyphs_not_boxes(qapp, korean) -> None:
    """Each Hangul syllable must draw differently (missing glyphs all draw the same box)."""
    from PyQt6.QtGui import QColor, QFont, QFontDatabase, QFontMetrics, QImage, QPainter

    from studio.ui.i18n import FONT_FILE

    def glyph(ch: str, font: QFont, must_draw: bool = True) -> bytes:
        img = QImage(40, 40, QImage.Format.Format_Grayscale8)
        img.fill(QColor("white"))
        p = QPainter(img)
        p.setFont(font)
        p.setPen(QColor("black"))
        p.drawText(4, 30, ch)
        p.end()
        data = bytes(img.constBits().asstring(img.sizeInBytes()))
        assert not must_draw or min(data) < 128, f"{ch!r} drew nothing"
        return data

    app_font = qapp.font()
    shapes = {glyph(ch, app_font) for ch in "검수모드"}
    assert len(shapes) == 4
    missing = glyph("\U000F0000", app_font, must_draw=False)  # no font has it: a box, or nothing
    assert missing not in shapes
    # the bundled fallback font itself has the glyphs (used where the system has no CJK font)
    fid = QFontDatabase.addApplicationFont(str(FONT_FILE))
    family = QFontDatabase.applicationFontFamilies(fid)[0]
    metrics = QFontMetrics(QFont(family))
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "가힣검수한국어")
    assert len({glyph(ch, QFont(family)) for ch in "검수모드"}) == 4


def test_korean_window_screenshot_shows_hangul(qtbot, korean, tmp_path: Path) -> None:
    """The real window, grabbed: its menu bar pixels differ from the English window's."""
    from studio.ui.i18n import install_language

    def menubar_pixels() -> bytes:
        w = _window(qtbot)
        w.resize(1000, 700)
        img = w.menuBar().grab().toImage()
        w.close()
        return bytes(img.constBits().asstring(img.sizeInBytes())), img

    ko_bytes, ko_img = menubar_pixels()
    ko_img.save(str(tmp_path / "menubar-ko.png"))
    install_language("en")
    en_bytes, _ = menubar_pixels()
    install_language("ko")
    assert ko_bytes != en_bytes


def test_language_switch_keeps_work_and_place(qtbot, sample_dataset: Path) -> None:
    from studio.ui.app import switch_language
    from studio.ui.i18n import install_language

    win = _window(qtbot, sample_dataset)
    settings = win.settings
    win.image_list.step(1)
    qtbot.waitUntil(lambda: win.editor.doc is not None and win.editor.doc.image_path.name != "train_0000.jpg",
                    timeout=5000)
    name = win.editor.doc.image_path.name
    win.editor.create_box((10, 10, 120, 90))  # an edit not yet autosaved
    try:
        new = switch_language(win, "ko")
        qtbot.addWidget(new)
        qtbot.waitUntil(lambda: new.editor.doc is not None and new.editor.doc.image_path.name == name, timeout=10_000)
        assert any(abs(x - 65 / 640) < 1e-3 for x in new.editor.boxes.xywhn[:, 0])  # the edit was saved first
        assert HANGUL.search(new.menuBar().actions()[0].text())
        assert new.settings.language() == "ko"
        back = switch_language(new, "en")
        qtbot.addWidget(back)
        assert back.menuBar().actions()[0].text() == "&File"
        back.close()
    finally:
        settings.set_language("system")
        install_language("en")


def test_first_run_page_and_tours(qtbot, sample_dataset: Path) -> None:
    from studio.ui.main_window import MainWindow
    from studio.ui.settings import Settings

    win = _window(qtbot, first_run_done=False)
    settings = win.settings
    assert win.help_ui.welcome_shown and win.help_ui.welcome.isVisible()
    # the annotate tour walks the real panels
    win.help_ui.welcome.tour_buttons["annotate"].click()
    tour = win.help_ui.tour
    assert tour.running and tour.target is win.images_dock and tour.overlay.isVisible()
    qtbot.keyClick(tour.bubble, Qt.Key.Key_Right)
    assert tour.target is win.view
    qtbot.keyClick(tour.bubble, Qt.Key.Key_Left)
    assert tour.target is win.images_dock
    for _ in range(len(tour.steps)):
        qtbot.keyClick(tour.bubble, Qt.Key.Key_Return)
    assert not tour.running
    # the preprocessing tour opens the preprocessing window and points inside it
    tour = win.help_ui.start_tour("preprocess")
    qtbot.keyClick(tour.bubble, Qt.Key.Key_Right)
    assert tour.target is win.preprocess_window.pipeline_panel
    qtbot.keyClick(tour.bubble, Qt.Key.Key_Escape)
    assert not tour.running
    win.preprocess_window.close()
    # opening a dataset dismisses the page for good
    win.help_ui.show_welcome()
    with qtbot.waitSignal(win.image_shown, timeout=10_000):
        win.open_dataset(sample_dataset)
    assert not win.help_ui.welcome_shown and settings.first_run_done()
    again = MainWindow(Settings(), Registry())
    qtbot.addWidget(again)
    assert not again.help_ui.welcome_shown
    again.help_ui.act_welcome.trigger()  # ... unless asked
    assert again.help_ui.welcome_shown
    win.close()


def test_review_tour_and_demo_model_empty_state(qtbot, window, sample_dataset: Path) -> None:
    with qtbot.waitSignal(window.image_shown, timeout=10_000):
        window.open_dataset(sample_dataset)
    assert "demo model" in window.model_label.toolTip()
    tour = window.help_ui.start_tour("review")
    assert tour.target is window.model_label
    qtbot.keyClick(tour.bubble, Qt.Key.Key_Right)
    assert tour.target is window.menuBar() and not tour.overlay.hole.isNull()
    qtbot.keyClick(tour.bubble, Qt.Key.Key_Escape)
    assert "use the demo model" in window.model_label.text()
    with qtbot.waitSignal(window.models.loaded, timeout=60_000):
        window.model_label.linkActivated.emit("demo")  # the empty state's link
    assert "demo-fruit" in window.model_label.text()


def test_exported_korean_charts(qtbot, korean, sample_dataset: Path, tmp_path: Path) -> None:
    from PyQt6.QtGui import QImage

    win = _window(qtbot, sample_dataset)
    win.open_insight()
    tab = win.insight_window.stats
    win.insight_window.tabs.setCurrentWidget(tab)
    tab.run_button.click()
    qtbot.waitUntil(lambda: tab.stats is not None, timeout=20_000)
    files = tab.write_png_to(str(tmp_path / "차트"))
    assert len(files) == 5 and HANGUL.search(tab.summary.text())
    img = QImage(str(files[0]))
    assert img.width() > 100 and img.height() > 100
    assert HANGUL.search(tab.class_plot.plotItem.titleLabel.text)
    win.close()


def test_core_errors_are_shown_translated(qtbot, korean, tmp_path: Path) -> None:
    from studio.core.dataset.layout import DatasetError, open_dataset
    from studio.core.inference.model_file import ModelError, load_detection_model
    from studio.ui.texts import error_text

    bad = tmp_path / "모델.pt"
    bad.write_bytes(b"")
    with pytest.raises(ModelError) as model_err:
        load_detection_model(bad)
    assert "the file is empty" in str(model_err.value)  # English for the CLI
    assert error_text(model_err.value) == "모델.pt: 파일이 비어 있습니다"
    with pytest.raises(DatasetError) as ds_err:
        open_dataset(tmp_path / "없는 폴더")
    assert HANGUL.search(error_text(ds_err.value)) and "없는 폴더" in error_text(ds_err.value)
    assert error_text("the image is truncated") == "이미지가 잘려 있습니다"
    win = _window(qtbot)
    messages: list[str] = []
    win.models.failed.connect(messages.append)
    win.models.load(bad)
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    assert messages[0] == "모델.pt: 파일이 비어 있습니다"


def test_queue_messages_are_translated_at_run_time(qtbot, korean, sample_dataset: Path) -> None:
    """Texts of a base class must be found under the context pylupdate gave them."""
    import json

    from studio.core.dataset.layout import open_dataset
    from studio.core.store.db import Store
    from tests.core.test_review import make_run

    ds = open_dataset(sample_dataset)
    store = Store(ds.store_dir)
    run, _made = make_run(ds, store)
    names = list(ds.classes.names)
    store.transaction([("UPDATE runs SET dataset_names=? WHERE id=?",
                        [(json.dumps([names[1], names[0], *names[2:], "kiwi"]), run)])])
    store.close()
    win = _window(qtbot)
    messages: list[str] = []
    win.review.message.connect(messages.append)
    with qtbot.waitSignal(win.image_shown, timeout=10_000):
        win.open_dataset(sample_dataset)
    run_message = next(m for m in messages if "kiwi" in m)
    assert HANGUL.search(run_message) and "matched by name" not in run_message
