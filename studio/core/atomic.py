"""Atomic file writes: write a temp file beside the target, fsync, then rename over it.

A reader (or a crash) sees either the old file or the new one, never a half-written one.

Example:
    >>> atomic_write_text("/tmp/a.txt", "0 0.5 0.5 0.1 0.1\\n")  # doctest: +SKIP
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path


class WriteError(OSError):
    """A file could not be written; the original (if any) is unchanged."""


def _write_temp(path: Path, data: bytes, fsync: bool) -> str:
    """Write ``data`` to a new temp file beside ``path``; returns its name."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if fsync:
                os.fsync(fh.fileno())
    except OSError:
        os.unlink(tmp)
        raise
    return tmp


def atomic_write_bytes(path: str | Path, data: bytes, fsync: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically; the old file stays intact on any failure."""
    path = Path(path)
    try:
        tmp = _write_temp(path, data, fsync)
    except OSError as exc:
        raise WriteError(exc.errno, f"could not write {path}: {exc.strerror or exc}") from exc
    try:
        try:
            mode = path.stat().st_mode & 0o777
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise WriteError(exc.errno, f"could not write {path}: {exc.strerror or exc}") from exc
    if fsync:
        _fsync_dir(path.parent)


def atomic_write_text(path: str | Path, text: str, fsync: bool = True) -> None:
    """Replace ``path`` with UTF-8 ``text`` atomically (newlines written as given)."""
    atomic_write_bytes(path, text.encode("utf-8"), fsync=fsync)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_dir(directory: Path) -> None:
    """Persist the rename itself (POSIX); silently skipped where directories can't be opened."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_create_bytes(path: str | Path, data: bytes) -> bool:
    """Create ``path`` with ``data`` only if it does not exist; False (nothing written) if it does.

    The file appears whole (written to a temp file, then hard-linked into place), and a file
    another program created meanwhile is never replaced.
    """
    path = Path(path)
    try:
        tmp = _write_temp(path, data, fsync=True)
    except OSError as exc:
        raise WriteError(exc.errno, f"could not write {path}: {exc.strerror or exc}") from exc
    try:
        os.chmod(tmp, 0o666 & ~_umask())
        try:
            os.link(tmp, path)
        except FileExistsError:
            return False
        return True
    except OSError as exc:
        raise WriteError(exc.errno, f"could not write {path}: {exc.strerror or exc}") from exc
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass


_TEMP_NAME = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")  # what _write_temp's mkstemp names look like


def sweep_stale_temps(folder: str | Path, max_age_s: float = 86_400.0) -> int:
    """Remove temp files studio left in ``folder`` when it was killed mid-write.

    Only names of the form ``.<file>.<8 chars>.tmp`` older than ``max_age_s`` go: the real
    file next to them is whole (the rename either happened or did not). Returns how many.
    """
    removed = 0
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for e in entries:
        if not _TEMP_NAME.match(e.name):
            continue
        try:
            if e.is_file(follow_symlinks=False) and now - e.stat().st_mtime > max_age_s:
                os.unlink(e.path)
                removed += 1
        except OSError:
            continue
    return removed
