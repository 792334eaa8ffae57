"""Settings remembered between runs (QSettings, INI format in the user's config folder)."""

from __future__ import annotations

from PyQt6.QtCore import QByteArray, QObject, QSettings, pyqtSignal

MAX_RECENT = 10


def make_qsettings() -> QSettings:
    """The application's settings store (INI, so tests can redirect it with ``QSettings.setPath``)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "studio", "studio")


class Settings(QObject):
    """Typed access to what studio remembers: recent datasets, last model, window layout."""

    recent_changed = pyqtSignal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._q = make_qsettings()

    def recent_datasets(self) -> list[str]:
        """Recently opened datasets, most recent first."""
        value = self._q.value("recent/datasets", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or []) if v]

    def add_recent(self, path: str) -> None:
        """Put ``path`` first in the recent list."""
        items = [path] + [p for p in self.recent_datasets() if p != path]
        self._q.setValue("recent/datasets", items[:MAX_RECENT])
        self.recent_changed.emit(items[:MAX_RECENT])

    def remove_recent(self, path: str) -> None:
        """Forget ``path`` (it no longer opens)."""
        items = [p for p in self.recent_datasets() if p != path]
        self._q.setValue("recent/datasets", items)
        self.recent_changed.emit(items)

    def last_model(self) -> str | None:
        """The model file loaded last time, if any."""
        value = self._q.value("model/last")
        return str(value) if value else None

    def set_last_model(self, path: str | None) -> None:
        """Remember the loaded model (``None`` to forget)."""
        self._q.setValue("model/last", path or "")

    def last_image(self, dataset: str) -> str | None:
        """The image that was open when ``dataset`` was last closed."""
        value = self._q.value(f"last_image/{_key(dataset)}")
        return str(value) if value else None

    def set_last_image(self, dataset: str, image: str) -> None:
        """Remember the open image of ``dataset``."""
        self._q.setValue(f"last_image/{_key(dataset)}", image)

    def always_draw(self) -> bool:
        """Whether dragging on empty canvas always draws a box (no ``W`` needed)."""
        return str(self._q.value("annotate/always_draw", "false")).lower() == "true"

    def set_always_draw(self, on: bool) -> None:
        """Remember the always-on drawing setting."""
        self._q.setValue("annotate/always_draw", "true" if on else "false")

    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        """Saved ``(geometry, dock state)`` of the main window."""
        geom, state = self._q.value("window/geometry"), self._q.value("window/state")
        return (geom if isinstance(geom, QByteArray) else None,
                state if isinstance(state, QByteArray) else None)

    def set_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        """Save the main window's geometry and dock layout."""
        self._q.setValue("window/geometry", geometry)
        self._q.setValue("window/state", state)

    def language(self) -> str:
        """``"system"`` (follow the system locale), ``"en"`` or ``"ko"``."""
        return str(self._q.value("ui/language", "system") or "system")

    def set_language(self, code: str) -> None:
        """Remember the UI language."""
        self._q.setValue("ui/language", code)

    def first_run_done(self) -> bool:
        """True once the welcome page has been dismissed (it never shows again unless asked)."""
        return str(self._q.value("ui/first_run_done", "false")).lower() == "true"

    def set_first_run_done(self, done: bool = True) -> None:
        """Remember that the welcome page was seen."""
        self._q.setValue("ui/first_run_done", "true" if done else "false")

    def sync(self) -> None:
        """Write to disk now."""
        self._q.sync()


def _key(path: str) -> str:
    import hashlib

    return hashlib.sha1(path.encode("utf-8", "surrogateescape")).hexdigest()[:16]
