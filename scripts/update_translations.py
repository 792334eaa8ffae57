"""Update the Qt translation sources from the code and compile them (``make i18n``).

1. ``pylupdate6`` (ships with PyQt6) adds every new ``tr()`` / ``QT_TRANSLATE_NOOP`` string
   of ``studio/`` to ``resources/i18n/studio_<lang>.ts`` (marked unfinished) and drops
   strings the code no longer has.
2. ``lrelease`` (from the ``pyside6-essentials`` wheel: PyQt6 does not ship it; only its
   binary is used, nothing of PySide6 is imported) compiles each ``.ts`` into the ``.qm``
   that studio loads. Both files are committed, so running studio never needs these tools.

Translate new strings in the ``.ts`` with Qt Linguist or any text editor, then run this again.
A test fails while any string is untranslated.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"


def lrelease() -> Path:
    """The lrelease binary inside the installed PySide6 wheel."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("lrelease not found: run 'make i18n' (it installs pyside6-essentials into .venv)")
    path = Path(list(spec.submodule_search_locations)[0]) / "lrelease"
    if not path.exists():
        sys.exit(f"lrelease not found in {path.parent}")
    return path


def main() -> int:
    """Update and compile every translation."""
    pylupdate = Path(sys.executable).with_name("pylupdate6")
    for ts in sorted(I18N.glob("studio_*.ts")):
        subprocess.run([str(pylupdate), str(ROOT / "studio"), "--ts", str(ts), "--no-obsolete"], check=True)
        subprocess.run([str(lrelease()), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
