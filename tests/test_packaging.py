"""A real install: the wheel carries every runtime resource, and an installed copy runs on its own.

The wheel is built offline (no build isolation) from a copy of the source tree, installed
into a fresh virtual environment (its third-party packages come from this one through a
``.pth`` line, which does not bring this environment's editable studio along), and run from a
folder outside the repository, so the source tree cannot shadow the installed copy.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import textwrap
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

RUNTIME_RESOURCES = [
    "studio_resources/i18n/studio_ko.qm",
    "studio_resources/fonts/NotoSansKR-studio.otf",
    "studio_resources/fonts/LICENSE-NotoSansCJK.txt",
    "studio_resources/models/demo-fruit.pt",
    "studio_resources/models/demo-fruit.json",
    "studio_resources/models/demo-run/results.csv",
    "studio_resources/models/demo-run/args.yaml",
    "studio_resources/guide/user-guide.en.md",
    "studio_resources/guide/user-guide.ko.md",
    "studio_resources/photos/coins.png",
    "studio_plugins/image_lists.py",
]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from a copy of the source tree (with a generated sample that must stay out)."""
    work = tmp_path_factory.mktemp("build")
    src = work / "src"
    skip = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache",
                                  "sample", ".hypothesis", "bench-out")
    shutil.copytree(ROOT, src, ignore=skip)
    (src / "resources" / "sample").mkdir()
    (src / "resources" / "sample" / "data.yaml").write_text("# studio sample dataset\n", encoding="utf-8")
    out = work / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(src)],
                   check=True, capture_output=True, timeout=300)
    return next(out.glob("detection_studio-*.whl"))


def test_the_wheel_contains_every_runtime_resource(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [r for r in RUNTIME_RESOURCES if r not in names]
    assert not missing
    guide_images = {n for n in names if n.startswith("studio_resources/guide/images/")}
    for md in ("user-guide.en.md", "user-guide.ko.md"):
        text = zipfile.ZipFile(wheel).read(f"studio_resources/guide/{md}").decode("utf-8")
        for ref in (line.split("](", 1)[1].split(")", 1)[0] for line in text.splitlines() if "![" in line):
            assert f"studio_resources/guide/{ref}" in guide_images, (md, ref)
    assert not any("/sample/" in n for n in names)
    sources = {p.relative_to(ROOT).as_posix() for p in (ROOT / "studio").rglob("*.py")}
    assert sources <= names, sorted(sources - names)  # every package of studio/ is listed in pyproject
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    meta = next(n for n in names if n.endswith(".dist-info/METADATA"))
    metadata = zipfile.ZipFile(wheel).read(meta).decode("utf-8")
    assert "Name: detection-studio" in metadata and "License-Expression: AGPL-3.0-or-later" in metadata
    assert "Project-URL: Source" in metadata and "Classifier: Environment :: X11 Applications :: Qt" in metadata
    entry_points = zipfile.ZipFile(wheel).read(meta.replace("METADATA", "entry_points.txt")).decode("utf-8")
    assert "[gui_scripts]\nstudio-gui = studio.cli:gui_main" in entry_points
    assert "studio = studio.cli:main" in entry_points
    assert "image_lists = studio_plugins.image_lists" in entry_points


def test_the_installed_wheel_runs_outside_the_repository(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "fresh venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               capture_output=True, text=True, check=True).stdout.strip())
    (site / "third_party.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index",
                    "--quiet", str(wheel)], check=True, timeout=300)
    outside = tmp_path / "작업 폴더"
    outside.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    env.update(QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"))
    smoke = textwrap.dedent('''
        import json, sys
        import studio, studio_resources
        from PyQt6.QtCore import QCoreApplication
        from PyQt6.QtGui import QFontDatabase
        from PyQt6.QtWidgets import QApplication
        from studio.core import bundled
        from studio.core.inference.model_file import load_detection_model
        from studio.core.plugins import Registry
        from studio.ui.i18n import FONT_FILE, install_language

        app = QApplication(sys.argv[:1])
        install_language("ko")
        _model, info = load_detection_model(bundled.demo_model())
        reg = Registry()
        reg.discover([])
        print(json.dumps({
            "studio": studio.__file__, "resources": str(bundled.demo_model()),
            "file_menu": QCoreApplication.translate("MainWindow", "&File"),
            "font": QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(FONT_FILE))),
            "names": list(info.names.values()), "exporters": reg.names("exporter"),
            "failures": [f.error for f in reg.failures],
        }))
    ''')
    done = subprocess.run([str(python), "-c", smoke], capture_output=True, text=True, cwd=outside, env=env,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert Path(report["studio"]).is_relative_to(site) and Path(report["resources"]).is_relative_to(site)
    assert report["file_menu"] == "파일(&F)"
    assert report["font"] and report["names"][0] == "apple"
    assert report["exporters"] == ["ultralytics", "voc", "labelme", "coco", "image_lists"] and report["failures"] == []
    scripts = python.parent
    version = subprocess.run([str(scripts / "studio"), "--version"], capture_output=True, text=True, cwd=outside,
                             env=env, timeout=120)
    assert version.stdout.strip() == "studio 0.1.0"
    assert (scripts / "studio-gui").exists()
    made = subprocess.run([str(scripts / "studio"), "sample", "--train", "3", "--val", "1"], capture_output=True,
                          text=True, cwd=outside, env=env, timeout=300)
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "data" / "studio" / "sample" / "data.yaml").is_file()
    assert len(list((tmp_path / "data" / "studio" / "sample" / "images" / "train").iterdir())) == 3
