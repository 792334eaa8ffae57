"""The UI language: which translations are installed, and a font that can draw Hangul.

Translations are Qt translation files in ``resources/i18n`` (``studio.core.bundled``) (``studio_ko.ts`` is the
source, ``studio_ko.qm`` the compiled file; ``make i18n`` updates and compiles them), plus
Qt's own ``qtbase_<lang>.qm`` for standard buttons and dialogs. The language follows the
system locale unless the user picks one (View > Language); ``STUDIO_LANG`` overrides both.

Korean text needs a font with Hangul. Where the system has one (Noto Sans CJK, Nanum,
Malgun Gothic on Windows, Apple SD Gothic Neo on macOS, ...) Qt finds it; otherwise the
bundled ``resources/fonts/NotoSansKR-studio.otf`` (a Hangul + Latin subset of Noto Sans
CJK KR, SIL Open Font License) is registered and put first in the fallback list, so
labels, menus and charts never show boxes instead of Hangul.
"""

from __future__ import annotations

import os

from PyQt6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PyQt6.QtGui import QFont, QFontDatabase

from studio.core import bundled

I18N_DIR = bundled.translations_dir()
FONT_FILE = bundled.hangul_font()
LANGUAGES = {"en": "English", "ko": "한국어"}
_installed: list[QTranslator] = []


def resolve_language(choice: str | None) -> str:
    """The language to use: ``STUDIO_LANG``, else the user's choice, else the system locale."""
    env = os.environ.get("STUDIO_LANG", "").strip()
    code = env or (choice if choice and choice != "system" else QLocale.system().name())
    code = code.split("_")[0].split("-")[0].lower()
    return code if code in LANGUAGES else "en"


def install_language(code: str) -> str:
    """Replace the installed translators with ``code``'s; returns the code applied."""
    app = QCoreApplication.instance()
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    if code != "en":
        ours = QTranslator(app)
        if ours.load(f"studio_{code}", str(I18N_DIR)):
            app.installTranslator(ours)
            _installed.append(ours)
        qt = QTranslator(app)
        if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    QLocale.setDefault(QLocale(QLocale.Language.Korean if code == "ko" else QLocale.Language.English))
    return code


def ensure_hangul_font() -> str | None:
    """Make sure Hangul renders: register the bundled font if the system has none, and put a
    Korean-capable family in the application font's fallback list. Returns that family."""
    families = QFontDatabase.families(QFontDatabase.WritingSystem.Korean)
    family = None
    preferred = ("Noto Sans CJK KR", "Noto Sans KR", "NanumGothic", "Malgun Gothic", "Apple SD Gothic Neo")
    for name in preferred:
        if name in families:
            family = name
            break
    if family is None and FONT_FILE.exists():
        fid = QFontDatabase.addApplicationFont(str(FONT_FILE))
        loaded = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
        family = loaded[0] if loaded else None
    if family is None and families:
        family = families[0]
    if family is None:
        return None
    app_font = QFont()
    base = app_font.family()
    QFont.insertSubstitution(base, family)
    fallback = [f for f in app_font.families() if f != family] or [base]
    app_font.setFamilies([*fallback, family])
    from PyQt6.QtWidgets import QApplication

    if isinstance(QCoreApplication.instance(), QApplication):
        QApplication.setFont(app_font)
    return family
