"""No code branches on a language: texts in several languages are data keyed by
language (``app.domain.languages.choose``), catalogue entries, or the window's .qm.

Checked on every module's syntax tree: a comparison of anything with ``"nl"`` or ``"en"``
(``lang == "en"``, ``"nl" != code``) or a ``case "en":`` is a language branch.
"""

from __future__ import annotations

import ast
from pathlib import Path

from app.domain.languages import LANGUAGES

APP = Path(__file__).resolve().parent.parent / "app"


def language_branches(source: str, name: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source, name)):
        if isinstance(node, ast.Compare) and any(
            isinstance(op, ast.Eq | ast.NotEq | ast.Is | ast.IsNot) for op in node.ops
        ):
            sides = [node.left, *node.comparators]
            if any(isinstance(s, ast.Constant) and s.value in LANGUAGES for s in sides):
                found.append(f"{name}:{node.lineno}")
        elif isinstance(node, ast.MatchValue):
            value = node.value
            if isinstance(value, ast.Constant) and value.value in LANGUAGES:
                found.append(f"{name}:{node.lineno}")
    return found


def test_no_code_branches_on_a_language() -> None:
    found = []
    for path in sorted(APP.rglob("*.py")):
        found += language_branches(path.read_text(encoding="utf-8"), str(path.relative_to(APP)))
    assert found == [], "language branches (use choose() or a catalogue entry): " + ", ".join(found)


def test_the_check_can_fail() -> None:
    source = (
        'a = x if lang == "en" else y\n'
        'b = "nl" != code\n'
        'match lang:\n    case "en":\n        pass\n'
        'c = lang in ("nl", "en")\n'  # a check of a value, not a branch
    )
    assert sorted(language_branches(source, "m.py")) == ["m.py:1", "m.py:2", "m.py:4"]
