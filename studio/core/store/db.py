"""studio's per-dataset state in SQLite (``DATASET/.studio/studio.db``, WAL journal).

The label files are the truth for human labels; the store keeps what they cannot say
(verified flags, image sizes, later proposals and review decisions) and a cache of what
is slow to recompute (label state, box counts). Deleting the store loses only studio's
own flags: the indexer rebuilds everything else from the files.

Each thread gets its own connection; writes are short transactions, so a crash or
``kill -9`` leaves the database consistent.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

SCHEMA_VERSION = 4
DB_NAME = "studio.db"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS images (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    split TEXT NOT NULL DEFAULT '',
    file_size INTEGER,
    mtime_ns INTEGER,
    width INTEGER,
    height INTEGER,
    label_state TEXT,
    n_boxes INTEGER,
    label_mtime_ns INTEGER,
    label_size INTEGER,
    verified INTEGER NOT NULL DEFAULT 0,
    error TEXT
);
CREATE INDEX IF NOT EXISTS images_state ON images(label_state);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    model_path TEXT NOT NULL,
    model_names TEXT NOT NULL,
    params TEXT NOT NULL,
    class_map TEXT NOT NULL,
    created REAL NOT NULL,
    status TEXT NOT NULL DEFAULT 'running'
);
CREATE TABLE IF NOT EXISTS run_images (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    status TEXT NOT NULL,
    n INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    seconds REAL,
    PRIMARY KEY (run_id, path)
);
CREATE TABLE IF NOT EXISTS proposals (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    class_id INTEGER NOT NULL,
    cx REAL NOT NULL, cy REAL NOT NULL, w REAL NOT NULL, h REAL NOT NULL,
    confidence REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS proposals_path ON proposals(path);
CREATE TABLE IF NOT EXISTS reviews (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    status TEXT NOT NULL,
    spot INTEGER NOT NULL DEFAULT 0,
    before TEXT,
    started REAL,
    finished REAL,
    seconds REAL,
    owner TEXT,
    auto_id INTEGER,
    PRIMARY KEY (run_id, path)
);
CREATE TABLE IF NOT EXISTS decisions (
    proposal_id INTEGER PRIMARY KEY REFERENCES proposals(id) ON DELETE CASCADE,
    run_id INTEGER NOT NULL,
    path TEXT NOT NULL,
    decision TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS decisions_path ON decisions(run_id, path);
CREATE TABLE IF NOT EXISTS auto_accepts (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    threshold REAL NOT NULL,
    spot_fraction REAL NOT NULL,
    seed INTEGER NOT NULL,
    created REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS run_plan (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    path TEXT NOT NULL,
    PRIMARY KEY (run_id, position)
);
CREATE TABLE IF NOT EXISTS job_runs (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    params TEXT NOT NULL,
    status TEXT NOT NULL,
    created REAL NOT NULL,
    ended REAL,
    summary TEXT,
    error TEXT,
    owner_pid INTEGER,
    owner_host TEXT,
    heartbeat REAL
);
CREATE TABLE IF NOT EXISTS machine_labels (
    path TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    run_id INTEGER,
    sha1 TEXT NOT NULL,
    written REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS train_split (
    path TEXT PRIMARY KEY,
    split TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS label_checks (
    id INTEGER PRIMARY KEY,
    work_dir TEXT NOT NULL,
    params TEXT NOT NULL,
    created REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS label_check_images (
    check_id INTEGER NOT NULL REFERENCES label_checks(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    rank INTEGER NOT NULL,
    quality REAL NOT NULL,
    issues TEXT NOT NULL,
    PRIMARY KEY (check_id, path)
);
CREATE TABLE IF NOT EXISTS label_check_decisions (
    check_id INTEGER NOT NULL REFERENCES label_checks(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    issue INTEGER NOT NULL,
    decision TEXT NOT NULL,
    before BLOB,
    after BLOB,
    decided REAL NOT NULL,
    PRIMARY KEY (check_id, path, issue)
);
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,
    pid INTEGER NOT NULL,
    host TEXT NOT NULL,
    started REAL NOT NULL,
    heartbeat REAL NOT NULL
);
"""

# Columns added after a table first shipped: (table, column, declaration).
_ADDED_COLUMNS = (
    ("runs", "dataset_names", "TEXT"),
    ("run_images", "mtime_ns", "INTEGER"),
    ("run_images", "file_size", "INTEGER"),
    ("reviews", "auto_id", "INTEGER"),
    ("runs", "owner_pid", "INTEGER"),
    ("runs", "owner_host", "TEXT"),
    ("runs", "heartbeat", "REAL"),
)

# Data migrations by the schema version they lead to: statements run once, in order.
_MIGRATIONS = (
    # 3: one run lifecycle (running / finished / failed / cancelled / interrupted). Before,
    # a completed run said 'done' and a stopped one 'interrupted' (it was stopped on purpose).
    (3, ("UPDATE runs SET status='finished' WHERE status='done'",
         "UPDATE runs SET status='cancelled' WHERE status='interrupted'")),
)


class IndexRow(NamedTuple):
    """What the indexer learned about one image's files (the ``images`` row it updates)."""

    path: str
    file_size: int | None
    mtime_ns: int | None
    width: int
    height: int
    label_state: str | None
    n_boxes: int
    label_mtime_ns: int | None
    label_size: int | None
    error: str | None


class StoreError(RuntimeError):
    """The store cannot be opened or written (read-only folder, full disk, corrupt file)."""


@dataclass(frozen=True)
class ImageRecord:
    """One image's row."""

    path: str
    split: str
    width: int | None
    height: int | None
    label_state: str | None
    n_boxes: int | None
    verified: bool
    error: str | None


class Store:
    """SQLite-backed state of one dataset."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.path = self.folder / DB_NAME
        self._local = threading.local()
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            conn = self._conn()
            with conn:
                had_meta = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
                before = 0
                if had_meta:
                    got = conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
                    before = int(got[0]) if got else 0
                conn.executescript(_SCHEMA)
                for table, column, decl in _ADDED_COLUMNS:
                    have = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
                    if column not in have:
                        conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {decl}")
                if had_meta:
                    for version, statements in _MIGRATIONS:
                        if before < version:
                            for sql in statements:
                                conn.execute(sql)
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open studio's database at {self.path}: {exc}") from exc

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA busy_timeout=30000")
            self._local.conn = conn
        return conn

    def connection(self) -> sqlite3.Connection:
        """This thread's connection (for modules that keep their own tables here)."""
        return self._conn()

    def transaction(self, statements: Iterable[tuple[str, Iterable[Sequence]]]) -> None:
        """Run several ``executemany`` statements in one transaction: all or nothing."""
        conn = self._conn()
        try:
            conn.execute("BEGIN IMMEDIATE")
            for sql, rows in statements:
                conn.executemany(sql, rows)
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreError(f"cannot write studio's database {self.path}: {exc}") from exc

    def _write(self, sql: str, rows: Iterable[Sequence] | None = None) -> None:
        self.transaction([(sql, [()] if rows is None else rows)])

    def box_counts(self) -> dict[str, int]:
        """Boxes in each image's label file (-1 when not known yet)."""
        return {p: (-1 if n is None else int(n)) for p, n in self._conn().execute("SELECT path, n_boxes FROM images")}

    def close(self) -> None:
        """Close this thread's connection."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    # images ---------------------------------------------------------------------------------
    def sync_paths(self, paths: Sequence[str], splits: Sequence[str]) -> tuple[int, int]:
        """Make the image table hold exactly ``paths``; returns ``(added, removed)``.

        Rows of images still present keep their flags (verified) and cached state.
        """
        conn = self._conn()
        known = {p for (p,) in conn.execute("SELECT path FROM images")}
        wanted = dict(zip(paths, splits))
        added = [(p, s) for p, s in wanted.items() if p not in known]
        removed = [(p,) for p in known if p not in wanted]
        if added:
            self._write("INSERT INTO images(path, split) VALUES (?, ?)", added)
        if removed:
            self._write("DELETE FROM images WHERE path = ?", removed)
        self._write("UPDATE images SET split = ? WHERE path = ? AND split != ?",
                    ((s, p, s) for p, s in wanted.items()))
        return len(added), len(removed)

    def fingerprints(self) -> dict[str, tuple[int | None, int | None, int | None, int | None]]:
        """``path -> (mtime_ns, file_size, label_mtime_ns, label_size)`` to detect changes."""
        rows = self._conn().execute(
            "SELECT path, mtime_ns, file_size, label_mtime_ns, label_size FROM images")
        return {r[0]: (r[1], r[2], r[3], r[4]) for r in rows}

    def update_index(self, rows: Iterable[IndexRow]) -> None:
        """Write indexer results, one ``IndexRow`` per image, in one transaction."""
        self._write("UPDATE images SET file_size=?, mtime_ns=?, width=?, height=?, label_state=?, "
                    "n_boxes=?, label_mtime_ns=?, label_size=?, error=? WHERE path=?",
                    [(*r[1:], r.path) for r in rows])

    def set_label_state(self, path: str, state: str, n_boxes: int,
                        label_mtime_ns: int | None, label_size: int | None) -> None:
        """Record the label state after studio itself wrote a label file."""
        self._write_one("UPDATE images SET label_state=?, n_boxes=?, label_mtime_ns=?, label_size=? "
                        "WHERE path=?", (state, n_boxes, label_mtime_ns, label_size, path))

    def set_verified(self, path: str, verified: bool) -> None:
        """Set or clear the per-image "verified" flag."""
        self._write_one("UPDATE images SET verified=? WHERE path=?", (int(verified), path))

    def _write_one(self, sql: str, params: Sequence) -> None:
        self._write(sql, [params])

    _RECORD_SQL = "SELECT path, split, width, height, label_state, n_boxes, verified, error FROM images"

    @staticmethod
    def _record(r: Sequence) -> ImageRecord:
        return ImageRecord(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6]), r[7])

    def records(self) -> dict[str, ImageRecord]:
        """Every image's row, by path."""
        return {r[0]: self._record(r) for r in self._conn().execute(self._RECORD_SQL)}

    def record(self, path: str) -> ImageRecord | None:
        """One image's row, or ``None``."""
        r = self._conn().execute(self._RECORD_SQL + " WHERE path=?", (path,)).fetchone()
        return self._record(r) if r else None

    def count(self) -> int:
        """Number of images known."""
        return int(self._conn().execute("SELECT COUNT(*) FROM images").fetchone()[0])

