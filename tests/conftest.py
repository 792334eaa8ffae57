"""Shared fixtures: small generated datasets (with Korean paths), isolated Qt settings."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("YOLO_OFFLINE", "true")
os.environ.setdefault("YOLO_AUTOINSTALL", "false")

import studio.core  # noqa: E402,F401 - cleans cv2's environment before Qt starts

pytest_plugins = ["tests.hostile_models"]  # the hostile / harmless model fixtures


@pytest.fixture(scope="session")
def sample_dataset_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small sample dataset generated once per run (do not modify; copy it)."""
    from studio.core.dataset.sample import make_sample_dataset

    root = tmp_path_factory.mktemp("template") / "sample"
    make_sample_dataset(root, n_train=10, n_val=4, with_photos=False)
    return root


@pytest.fixture
def sample_dataset(sample_dataset_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the small sample dataset under a Korean folder name with a space."""
    dest = tmp_path / "과일 데이터"
    shutil.copytree(sample_dataset_template, dest)
    return dest


@pytest.fixture(autouse=True)
def _isolated_user_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Trusted model files, user plugins and training runs live in per-test folders (children inherit them)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "user-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "user-data"))


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """Point QSettings at a temp folder so tests never touch the user's settings."""
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        return
    from PyQt6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
