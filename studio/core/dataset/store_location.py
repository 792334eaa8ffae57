"""Where a dataset's store lives: ``DATASET/.studio``, or a per-user folder when that is read-only."""

from __future__ import annotations

import hashlib
from pathlib import Path

from studio.core.dataset.layout import Dataset
from studio.core.store.db import Store, StoreError
from studio.core.user_dirs import state_dir


def user_state_dir() -> Path:
    """The per-user folder for studio's state."""
    return state_dir()


def open_store(dataset: Dataset) -> tuple[Store, bool]:
    """Open the dataset's store; returns ``(store, in_fallback_location)``.

    The store goes to ``DATASET/.studio``; if that folder cannot be written (read-only
    media, permissions) it goes to a per-user folder keyed by the dataset's path, so
    browsing a read-only dataset still works and nothing is written beside it.
    """
    try:
        return Store(dataset.store_dir), False
    except StoreError:
        key = hashlib.sha1(str(dataset.root).encode("utf-8", "surrogateescape")).hexdigest()[:16]
        return Store(user_state_dir() / "datasets" / key), True
