"""The layer rules of DESIGN.md, checked on every module's imports (static, with ast).

domain: standard library only; only ui imports PySide6; ui never imports persistence or
SQLAlchemy; io imports neither SQLAlchemy nor PySide6.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "app"


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def _modules(layer: str) -> list[Path]:
    return sorted((APP / layer).rglob("*.py"))


def _violations(paths: list[Path], allowed: object) -> list[str]:
    bad = []
    for path in paths:
        for line, name in _imports(path):
            if not allowed(name):  # type: ignore[operator]
                bad.append(f"{path.relative_to(APP.parent)}:{line} imports {name}")
    return bad


def _top(name: str) -> str:
    return name.split(".", maxsplit=1)[0]


def test_domain_imports_only_the_standard_library() -> None:
    def allowed(name: str) -> bool:
        return name.startswith("app.domain") or (
            _top(name) in sys.stdlib_module_names or name == "__future__"
        )

    assert _violations(_modules("domain"), allowed) == []


@pytest.mark.parametrize("layer", ["domain", "persistence", "io", "services", "cli"])
def test_only_ui_imports_qt(layer: str) -> None:
    assert _violations(_modules(layer), lambda n: _top(n) not in {"PySide6", "shiboken6"}) == []


def test_top_level_modules_do_not_import_qt() -> None:
    paths = list(APP.glob("*.py"))
    assert _violations(paths, lambda n: _top(n) not in {"PySide6", "shiboken6"}) == []


def test_ui_never_touches_storage() -> None:
    def allowed(name: str) -> bool:
        return not (name.startswith("app.persistence") or _top(name) in {"sqlalchemy", "alembic"})

    assert _violations(_modules("ui"), allowed) == []


def test_io_knows_no_database_and_no_qt() -> None:
    def allowed(name: str) -> bool:
        return _top(name) not in {"sqlalchemy", "alembic", "PySide6"} and not (
            name.startswith(("app.persistence", "app.services", "app.ui"))
        )

    assert _violations(_modules("io"), allowed) == []


def test_the_check_can_fail(tmp_path: Path) -> None:
    """Guards the guard: a module importing Qt is reported."""
    bad = tmp_path / "bad.py"
    bad.write_text("import os\nfrom PySide6 import QtCore\n", encoding="utf-8")
    assert _imports(bad) == [(1, "os"), (2, "PySide6")]
