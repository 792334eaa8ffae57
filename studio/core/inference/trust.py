"""Model files the user chose to trust, and the clean copies studio opens instead of them.

Ultralytics' safe loader is switched on for the whole process (``runtime``), so a trusted
``.pt`` whose pickle needs more than Ultralytics' own classes cannot be opened in-process.
Instead, a separate Python process, started without the flag, opens it once and writes:

1. a clean checkpoint (the model and plain training settings only), when that passes the
   safe loader (it does when the file only carried extra, harmless objects), or else
2. an ONNX export of it (custom layers are traced into plain ONNX operators).

The copy lives in studio's cache, keyed by the file's SHA-256, and is opened with the safe
loader like any other file. Trust is recorded per file hash in the user's config folder
(``trusted-models.json``), so a changed file is not trusted any more, and can be revoked.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from studio.core.atomic import atomic_write_text
from studio.core.i18n import QT_TRANSLATE_NOOP
from studio.core.inference.model_file import ModelError
from studio.core.runtime import SAFE_LOAD_KEY
from studio.core.user_dirs import cache_dir, config_dir

CONVERT_TIMEOUT_S = 900
CONVERT_FAILED = QT_TRANSLATE_NOOP("studio.core", "{name}: the trusted file could not be converted ({reason})")


def file_sha256(path: str | Path) -> str:
    """Hex SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class TrustedModel:
    """One trusted file: its hash, where it was when trusted, and when."""

    sha256: str
    path: str
    added: float

    @property
    def name(self) -> str:
        """The file name when it was trusted."""
        return Path(self.path).name


class TrustList:
    """The trusted model files, stored as JSON (written atomically) in the config folder."""

    def __init__(self, file: Path | None = None) -> None:
        self.file = file or config_dir() / "trusted-models.json"

    def entries(self) -> list[TrustedModel]:
        """Every trusted file, newest first; an unreadable list counts as empty."""
        try:
            raw = json.loads(self.file.read_text(encoding="utf-8"))
            items = [TrustedModel(str(k), str(v.get("path", "")), float(v.get("added", 0)))
                     for k, v in raw.get("models", {}).items()]
        except (OSError, ValueError, AttributeError, TypeError):
            return []
        return sorted(items, key=lambda e: -e.added)

    def contains(self, path: str | Path, sha256: str | None = None) -> bool:
        """True when the file's current content (``sha256`` if already known) was trusted."""
        known = {e.sha256 for e in self.entries()}
        return bool(known) and (sha256 or file_sha256(path)) in known

    def add(self, path: str | Path, sha256: str | None = None) -> TrustedModel:
        """Trust ``path``'s current content (``sha256`` if already known); returns the new entry."""
        entry = TrustedModel(sha256 or file_sha256(path), str(Path(path).resolve()), time.time())
        self._write({**{e.sha256: e for e in self.entries()}, entry.sha256: entry})
        return entry

    def revoke(self, key: str) -> list[TrustedModel]:
        """Forget entries whose hash starts with ``key`` (4+ characters) or whose path is ``key``."""
        key = key.strip()
        gone = [e for e in self.entries()
                if (len(key) >= 4 and e.sha256.startswith(key.lower())) or e.path == key
                or (Path(key).exists() and e.path == str(Path(key).resolve()))]
        if gone:
            kept = {e.sha256: e for e in self.entries() if e not in gone}
            self._write(kept)
            for entry in gone:
                shutil.rmtree(converted_folder(entry.sha256), ignore_errors=True)
        return gone

    def _write(self, entries: dict[str, TrustedModel]) -> None:
        self.file.parent.mkdir(parents=True, exist_ok=True)
        data = {"models": {k: {"path": e.path, "added": e.added} for k, e in entries.items()}}
        atomic_write_text(self.file, json.dumps(data, indent=1, ensure_ascii=False) + "\n")


@dataclass(frozen=True)
class TrustedCopy:
    """The clean copy of a trusted file: a ``.pt`` or ``.onnx`` path, and the training size."""

    path: Path
    imgsz: int | None


def converted_folder(sha256: str) -> Path:
    """Where the clean copy of the file with this hash is kept."""
    return cache_dir() / "trusted" / sha256[:32]


def trusted_copy(path: str | Path, sha256: str | None = None) -> TrustedCopy:
    """The clean copy of trusted ``path`` (content ``sha256`` if already known), made once by a
    separate process (see module doc)."""
    path = Path(path)
    folder = converted_folder(sha256 or file_sha256(path))
    record = folder / "converted.json"
    if record.is_file():
        try:
            meta = json.loads(record.read_text(encoding="utf-8"))
            copy = TrustedCopy(folder / meta["file"], meta.get("imgsz"))
            if copy.path.is_file():
                return copy
        except (OSError, ValueError, KeyError, TypeError):
            pass
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".convert-", dir=folder.parent))
    env = {**os.environ, SAFE_LOAD_KEY: "0", "YOLO_OFFLINE": "true", "YOLO_AUTOINSTALL": "false"}
    try:
        done = subprocess.run([sys.executable, "-m", "studio.trusted_convert", str(path), str(work)],
                              env=env, capture_output=True, text=True, timeout=CONVERT_TIMEOUT_S)
        if done.returncode != 0 or not (work / "converted.json").is_file():
            last = (done.stderr.strip().splitlines() or ["no output"])[-1]
            raise ModelError(CONVERT_FAILED, name=path.name, reason=last[:300])
        shutil.rmtree(folder, ignore_errors=True)
        os.replace(work, folder)
    except subprocess.TimeoutExpired as exc:
        raise ModelError(CONVERT_FAILED, name=path.name, reason="timed out") from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
    meta = json.loads(record.read_text(encoding="utf-8"))
    return TrustedCopy(folder / meta["file"], meta.get("imgsz"))
