"""The layer rules of DESIGN.md, checked on every module's imports (static, with ast).

domain: standard library only; only ui imports PySide6; ui and cli never import
persistence, SQLAlchemy or io (they reach storage and files through the services); io
imports neither SQLAlchemy nor PySide6; no module imports another's private names; a
service hands out plain values, never an ORM object taken out of its session.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "app"


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every module a file imports, at any depth (lazy imports in functions too); for
    ``from package import name`` both the package and ``package.name`` (which may be a
    module: ``from app.io import pdf``)."""
    found = []
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
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


@pytest.mark.parametrize("layer", ["ui", "cli"])
def test_ui_and_cli_reach_storage_and_files_only_through_services(layer: str) -> None:
    def allowed(name: str) -> bool:
        return not (
            name.startswith(("app.persistence", "app.io"))
            or _top(name) in {"sqlalchemy", "alembic"}
        )

    assert _violations(_modules(layer), allowed) == []


def test_no_module_imports_another_modules_private_names() -> None:
    bad = []
    for path in sorted(APP.rglob("*.py")):
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("app"):
                bad += [
                    f"{path.relative_to(APP.parent)}:{node.lineno} imports {alias.name}"
                    for alias in node.names
                    if alias.name.startswith("_") and not alias.name.startswith("__")
                ]
    assert bad == []


_DETACH = {"expunge", "expunge_all", "make_transient", "make_transient_to_detached"}


def _model_names() -> set[str]:
    tree = _tree(APP / "persistence" / "models.py")
    return {node.name for node in tree.body if isinstance(node, ast.ClassDef)}


def test_services_hand_out_no_orm_objects() -> None:
    """No ORM object is taken out of its session (``expunge`` and the like), and no
    service entry point (a public function taking the context) is declared to return a
    model: what leaves a service is plain values."""
    models = _model_names()
    bad = []
    for path in _modules("services"):
        where = path.relative_to(APP.parent)
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
                if name in _DETACH:
                    bad.append(f"{where}:{node.lineno} calls {name}")
            if (
                isinstance(node, ast.FunctionDef)
                and not node.name.startswith("_")
                and node.args.args
                and node.args.args[0].arg == "ctx"
                and node.returns is not None
            ):
                returned = {n.attr for n in ast.walk(node.returns) if isinstance(n, ast.Attribute)}
                returned |= {n.id for n in ast.walk(node.returns) if isinstance(n, ast.Name)}
                if returned & models:
                    bad.append(f"{where}:{node.lineno} {node.name} returns a model")
    assert bad == []


def test_io_knows_no_database_and_no_qt() -> None:
    def allowed(name: str) -> bool:
        return _top(name) not in {"sqlalchemy", "alembic", "PySide6"} and not (
            name.startswith(("app.persistence", "app.services", "app.ui"))
        )

    assert _violations(_modules("io"), allowed) == []


def test_the_check_can_fail(tmp_path: Path) -> None:
    """Guards the guard: a module importing Qt is reported, and so is a lazy import of a
    module named in ``from package import module``."""
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import os\nfrom PySide6 import QtCore\n\ndef f():\n    from app import persistence\n",
        encoding="utf-8",
    )
    assert _imports(bad) == [
        (1, "os"),
        (2, "PySide6"),
        (2, "PySide6.QtCore"),
        (5, "app"),
        (5, "app.persistence"),
    ]
