"""The SQLite store and the index job: states, resume, rebuild, flags."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from studio.core.dataset.index import ImageIndex, State, index_job
from studio.core.dataset.layout import open_dataset
from studio.core.jobs import CancelToken
from studio.core.store.db import Store


def _run(root: Path, cancel_after: int | None = None) -> tuple[ImageIndex, Store]:
    ds = open_dataset(root)
    index = ImageIndex.from_listing(ds.scan_images())
    store = Store(ds.store_dir)
    token = CancelToken()
    for progress in index_job(ds, index, store, token, batch=4):
        if progress.payload is not None:
            index.apply(progress.payload)
        if cancel_after is not None and progress.done >= cancel_after:
            token.cancel()
    return index, store


def test_index_states_match_label_files(sample_dataset: Path) -> None:
    (sample_dataset / "labels" / "train" / "train_0001.txt").unlink()
    (sample_dataset / "labels" / "train" / "train_0002.txt").write_bytes(b"")
    (sample_dataset / "images" / "train" / "train_0003.jpg").write_bytes(b"broken")
    index, store = _run(sample_dataset)
    row = {p.split("/")[-1]: i for i, p in enumerate(index.paths)}
    assert index.state[row["train_0001.jpg"]] == State.UNLABELED
    assert index.state[row["train_0002.jpg"]] == State.NEGATIVE
    assert index.state[row["train_0003.jpg"]] == State.ERROR
    assert "not an image" in index.errors[row["train_0003.jpg"]]
    assert index.width[row["train_0000.jpg"]] == 640 and index.height[row["train_0000.jpg"]] == 480
    assert store.count() == 14
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_resume_after_cancel_only_reads_the_rest(sample_dataset: Path, monkeypatch) -> None:
    _run(sample_dataset, cancel_after=4)
    import studio.core.dataset.index as index_module

    calls: list[str] = []
    real = index_module.inspect_image
    monkeypatch.setattr(index_module, "inspect_image",
                        lambda ds, rel, n: calls.append(rel) or real(ds, rel, n))
    index, _ = _run(sample_dataset)
    assert 0 < len(calls) < 14  # the first batch was already done
    assert (index.state != State.UNKNOWN).all()
    calls.clear()
    _run(sample_dataset)
    assert calls == []  # nothing changed: nothing read


def test_changed_label_file_is_reindexed(sample_dataset: Path) -> None:
    _run(sample_dataset)
    (sample_dataset / "labels" / "val" / "val_0000.txt").write_bytes(b"")
    index, _ = _run(sample_dataset)
    assert index.state[index.position("images/val/val_0000.jpg")] == State.NEGATIVE


def test_store_rebuilt_when_deleted_and_flags_survive_reindex(sample_dataset: Path) -> None:
    index, store = _run(sample_dataset)
    store.set_verified("images/train/train_0000.jpg", True)
    index, _ = _run(sample_dataset)
    assert index.verified[0]
    shutil.rmtree(sample_dataset / ".studio")
    index, store = _run(sample_dataset)
    assert store.count() == 14 and (index.state != State.UNKNOWN).all()
    assert not index.verified[0]


def test_removed_images_leave_the_store(sample_dataset: Path) -> None:
    _run(sample_dataset)
    (sample_dataset / "images" / "val" / "val_0001.jpg").unlink()
    _, store = _run(sample_dataset)
    assert store.count() == 13 and store.record("images/val/val_0001.jpg") is None


def test_index_filter_and_next_row() -> None:
    idx = ImageIndex(["a/x1.jpg", "a/y2.jpg", "b/x3.jpg"], ["train", "train", "val"])
    idx.state[:] = [State.LABELED, State.UNLABELED, State.UNLABELED]
    assert idx.filter(text="X").tolist() == [0, 2]
    assert idx.filter(states={State.UNLABELED}, split="val").tolist() == [2]
    assert idx.next_row(1, {State.UNLABELED}) == 2
    assert idx.next_row(2, {State.UNLABELED}) == 1
    assert idx.next_row(0, {State.NEGATIVE}) == -1


def test_read_only_dataset_uses_fallback_store(tmp_path: Path, monkeypatch) -> None:
    from studio.core.dataset import store_location as storage
    from studio.core.store.db import StoreError

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    ds = open_dataset(tmp_path)
    real_init = Store.__init__

    def refuse_dataset_folder(self, folder):  # noqa: ANN001
        if Path(folder) == ds.store_dir:
            raise StoreError("read-only")
        real_init(self, folder)

    monkeypatch.setattr(Store, "__init__", refuse_dataset_folder)
    store, fallback = storage.open_store(ds)
    assert fallback and str(store.folder).startswith(str(tmp_path / "state"))


def test_store_error_is_clear_when_folder_cannot_be_created(tmp_path: Path) -> None:
    from studio.core.store.db import StoreError

    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="cannot open studio's database"):
        Store(tmp_path / "file" / ".studio")


def test_index_sweeps_temp_files_left_by_a_crash(sample_dataset: Path) -> None:
    import os
    import time

    from studio.core.dataset.index import ImageIndex, index_job
    from studio.core.dataset.layout import open_dataset
    from studio.core.store.db import Store

    lbl_dir = sample_dataset / "labels" / "train"
    old = lbl_dir / ".train_0001.txt.ab12cd_3.tmp"
    fresh = lbl_dir / ".train_0002.txt.zz99yy_1.tmp"
    other = lbl_dir / ".notes.tmp"  # not studio's: kept
    for p in (old, fresh, other):
        p.write_text("0 0.5 0.5 0.1 0.1\n")
    past = time.time() - 3 * 86_400
    os.utime(old, (past, past))
    os.utime(other, (past, past))
    before = (lbl_dir / "train_0001.txt").read_bytes()
    ds = open_dataset(sample_dataset)
    list(index_job(ds, ImageIndex.from_listing(ds.scan_images()), Store(ds.store_dir)))
    assert not old.exists() and fresh.exists() and other.exists()
    assert (lbl_dir / "train_0001.txt").read_bytes() == before
