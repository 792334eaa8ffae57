"""The shape the code keeps by itself: small modules, short functions, no type-hint escapes.

Qt widget construction (``__init__`` of widgets, ``_build_*`` methods that create actions and
menus) may be longer: it is a flat list of widgets, not logic.
"""

from __future__ import annotations

import ast
from pathlib import Path

STUDIO = Path(__file__).resolve().parents[1] / "studio"
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60


def _is_widget_construction(path: Path, node: ast.FunctionDef) -> bool:
    return "ui" in path.relative_to(STUDIO).parts and (node.name == "__init__" or node.name.startswith("_build"))


def test_no_module_over_500_lines() -> None:
    long = {str(p.relative_to(STUDIO)): n for p in STUDIO.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert not long


def test_no_function_over_60_lines_outside_widget_construction() -> None:
    long = []
    for path in STUDIO.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                size = node.end_lineno - node.lineno + 1
                if size > MAX_FUNCTION_LINES and not _is_widget_construction(path, node):
                    long.append(f"{path.relative_to(STUDIO)}:{node.lineno} {node.name} ({size} lines)")
    assert not long


def test_type_hints_are_written_not_waived() -> None:
    waived = [f"{p.relative_to(STUDIO)}:{i}" for p in STUDIO.rglob("*.py")
              for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if "noqa: ANN" in line]
    assert not waived
