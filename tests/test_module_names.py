"""A module-level name bound twice in one module: the later binding silently replaces the earlier one for every use
(a follow-up pattern once lost its meaning this way)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "shanxi_policy"


def _bound_twice(path: Path) -> list[str]:
    seen: dict[str, int] = {}
    twice = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            names = [node.target.id]
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names = [node.name]
        else:
            continue
        for n in names:
            if n in seen:
                twice.append(f"{n} (lines {seen[n]} and {node.lineno})")
            seen[n] = node.lineno
    return twice


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_name_is_bound_twice(path):
    assert _bound_twice(path) == []


def test_a_name_bound_twice_is_found(tmp_path):
    src = tmp_path / "m.py"
    src.write_text('import re\n_A = re.compile("x")\n\n\ndef f():\n    return _A\n\n\n_A = re.compile("y")\n',
                   encoding="utf-8")
    assert _bound_twice(src) == ["_A (lines 2 and 9)"]
