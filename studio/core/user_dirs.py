"""The per-user folders studio writes to (XDG on Linux, the platform's own elsewhere).

Nothing here is inside a dataset or the installed package: settings and trusted model
hashes go to the config folder, the sample dataset to the data folder, exported models
to the cache, and the stores of read-only datasets to the state folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "studio"


def _base(xdg_key: str, posix_default: tuple[str, ...], windows_key: str, mac_default: tuple[str, ...]) -> Path:
    value = os.environ.get(xdg_key)
    if value:
        return Path(value)
    home = Path.home()
    if sys.platform == "win32":
        return Path(os.environ.get(windows_key) or home / "AppData" / "Local")
    if sys.platform == "darwin":
        return home.joinpath(*mac_default)
    return home.joinpath(*posix_default)


def config_dir() -> Path:
    """Per-user configuration: trusted model files, user plugins."""
    return _base("XDG_CONFIG_HOME", (".config",), "APPDATA", ("Library", "Application Support")) / APP


def data_dir() -> Path:
    """Per-user data studio makes for the user (the sample dataset)."""
    return _base("XDG_DATA_HOME", (".local", "share"), "LOCALAPPDATA", ("Library", "Application Support")) / APP


def state_dir() -> Path:
    """Per-user state (stores of datasets on read-only media)."""
    return _base("XDG_STATE_HOME", (".local", "state"), "LOCALAPPDATA", ("Library", "Application Support")) / APP


def cache_dir() -> Path:
    """Per-user cache (exported and converted models); safe to delete."""
    return _base("XDG_CACHE_HOME", (".cache",), "LOCALAPPDATA", ("Library", "Caches")) / APP
