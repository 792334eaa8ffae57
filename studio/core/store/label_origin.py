"""Which label files a machine wrote, so training can tell them from what humans finished.

``prelabel --write-labels`` and the automatic accept write label files without a human
decision. Each such write is recorded with the SHA-1 of the bytes written; a file whose
bytes still hash the same was not touched by a human since. Any edit (in studio or
elsewhere) changes the bytes, and the file counts as a human's again.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from pathlib import Path

from studio.core.store.db import Store

PRELABEL = "prelabel"
AUTO_ACCEPT = "auto_accept"


def record_machine_label(store: Store, rel: str, source: str, run_id: int | None, data: bytes) -> None:
    """Remember that ``source`` wrote ``data`` as the label file of image ``rel``."""
    store.transaction([("INSERT OR REPLACE INTO machine_labels VALUES (?, ?, ?, ?, ?)",
                        [(rel, source, run_id, hashlib.sha1(data).hexdigest(), time.time())])])


def machine_written(store: Store, label_path_of: Callable[[str], Path]) -> dict[str, str]:
    """Images whose label file is still exactly what a machine wrote: ``{rel: source}``."""
    out = {}
    for rel, source, digest in store.connection().execute("SELECT path, source, sha1 FROM machine_labels"):
        path = Path(label_path_of(rel))
        try:
            same = hashlib.sha1(path.read_bytes()).hexdigest() == digest
        except OSError:
            continue
        if same:
            out[rel] = source
    return out
