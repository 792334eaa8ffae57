"""Process-wide hygiene that must happen before heavy imports.

- opencv-python puts its bundled Qt 5 into ``QT_QPA_PLATFORM_PLUGIN_PATH``,
  ``QT_QPA_FONTDIR`` and ``LD_LIBRARY_PATH`` when imported; PyQt6 and every child process
  would inherit them (wrong platform plugin, fonts without Hangul). They are removed.
- Ultralytics must never install packages or phone home from a desktop tool.
- Ultralytics must load ``.pt`` checkpoints with its safe loader (``weights_only=True`` and an
  allow-list of its own classes), so a model file never runs code. The flag is read once,
  when Ultralytics is imported, so it is set here, before anything imports it; it is forced,
  not defaulted, and every child process (spawned workers, exports) inherits it.
"""

from __future__ import annotations

import os

_CV2_KEYS = ("QT_QPA_PLATFORM_PLUGIN_PATH", "QT_QPA_FONTDIR")
SAFE_LOAD_KEY = "ULTRALYTICS_SAFE_LOAD"


def set_offline_defaults() -> None:
    """Keep Ultralytics offline and from pip-installing anything (unless the user overrides)."""
    os.environ.setdefault("YOLO_OFFLINE", "true")
    os.environ.setdefault("YOLO_AUTOINSTALL", "false")
    os.environ.setdefault("YOLO_VERBOSE", "false")
    enable_safe_model_loading()


def enable_safe_model_loading() -> None:
    """Make Ultralytics load checkpoints with its safe loader in this process and its children."""
    os.environ[SAFE_LOAD_KEY] = "1"


def clean_cv2_environment() -> None:
    """Import cv2 once and undo the environment changes it makes."""
    before = {k: os.environ.get(k) for k in (*_CV2_KEYS, "LD_LIBRARY_PATH")}
    import cv2  # noqa: F401 - imported for its side effects, which are undone here

    for key in _CV2_KEYS:
        value = os.environ.get(key)
        if value is not None and value != before[key] and "cv2" in value:
            if before[key] is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = before[key]  # type: ignore[assignment]
    ld = os.environ.get("LD_LIBRARY_PATH")
    if ld is not None and ld != before["LD_LIBRARY_PATH"]:
        kept = [p for p in ld.split(os.pathsep) if p and "cv2" not in p]
        if kept:
            os.environ["LD_LIBRARY_PATH"] = os.pathsep.join(kept)
        else:
            os.environ.pop("LD_LIBRARY_PATH", None)


def prepare() -> None:
    """Everything above, idempotent."""
    set_offline_defaults()
    clean_cv2_environment()
