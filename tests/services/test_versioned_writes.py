"""Every service function that changes an existing record takes the version the caller
saw, as a required parameter: a window showing a stale record cannot overwrite a
colleague's change by leaving it out (team mode on a shared PostgreSQL database).

The writers are found, not listed: a public service function taking the context that
changes a record (an audit ``changed`` entry, a version bump, a ``version`` raised by
hand), directly or through any function that does, in any service module.
"""

from __future__ import annotations

import ast
import datetime as dt
import inspect
from pathlib import Path

import pytest
from trust.helpers import tender_and_contract

from app.domain.errors import ConflictError
from app.services import dossier, registry, signals
from app.services.context import Context

SERVICES = Path(__file__).resolve().parents[2] / "app" / "services"
VERSION_PARAMETERS = {"expected_version", "expected_versions"}
# Writes whose version travels inside an argument (compared before anything is written).
VERSION_CARRIED = {
    "records.undo": "the Change it undoes carries the version that change left",
}
# Writes that change an existing record only as the side effect of making something new,
# from that new input alone: no view of the changed record precedes them. Each is named
# here with its reason; any other writer must take the version.
SIDE_EFFECTS = {
    "clauses.generate": "stamps the template version on the tender the texts are made for",
    "clauses.save": "the same stamp, when the generated texts are written to files",
    "registry.add_contract": "brings the supplier's country and KvK number up to the new contract",
    "tenderned.import_open_data": "refreshes kept notices from the newer open data",
    "tenderned.remember_category": (
        "keeps the category last chosen for a CPV code: the new choice alone is the value, "
        "nothing of the old one is shown or kept (audited with its old value)"
    ),
}


def _called(node: ast.AST) -> set[str]:
    names = set()
    for call in ast.walk(node):
        if isinstance(call, ast.Call):
            func = call.func
            names.add(func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", ""))
    return names


def _raises_version(node: ast.AST) -> bool:
    """``something.version += 1`` or ``something.version = …``."""
    for statement in ast.walk(node):
        targets = []
        if isinstance(statement, ast.AugAssign):
            targets = [statement.target]
        elif isinstance(statement, ast.Assign):
            targets = statement.targets
        if any(isinstance(t, ast.Attribute) and t.attr == "version" for t in targets):
            return True
    return False


def writers() -> dict[str, ast.FunctionDef]:
    """``module.function`` of every public service function taking ``ctx`` that changes
    an existing record."""
    functions: dict[str, tuple[str, ast.FunctionDef]] = {}
    for path in sorted(SERVICES.glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef):
                functions[f"{path.stem}.{node.name}"] = (node.name, node)
    changing = {
        key
        for key, (_name, node) in functions.items()
        if _called(node) & {"changed", "bump_version"} or _raises_version(node)
    }
    while True:  # through any function that changes a record, in any module
        names = {functions[key][0] for key in changing}
        more = {
            key
            for key, (_name, node) in functions.items()
            if key not in changing and _called(node) & names
        }
        if not more:
            break
        changing |= more
    return {
        key: functions[key][1]
        for key in sorted(changing)
        if not functions[key][0].startswith("_")
        and functions[key][1].args.args
        and functions[key][1].args.args[0].arg == "ctx"
    }


def test_the_enumeration_finds_the_known_writers() -> None:
    found = set(writers())
    assert {
        "registry.mark_plan_agreed",
        "dossier.agree_plan",
        "signals.record_escalation_response",
        "signals.set_signal_status",
        "follow_up.choose_follow_up",
        "registry.record_decision",
    } <= found


def test_the_exceptions_named_are_still_writers() -> None:
    assert {*SIDE_EFFECTS, *VERSION_CARRIED} <= set(writers())


@pytest.mark.parametrize("name", sorted(set(writers()) - set(SIDE_EFFECTS) - set(VERSION_CARRIED)))
def test_every_writer_requires_the_version_it_saw(name: str) -> None:
    node = writers()[name]
    arguments = node.args
    positional = arguments.posonlyargs + arguments.args
    defaults = dict(
        zip(
            [a.arg for a in positional][len(positional) - len(arguments.defaults) :],
            arguments.defaults,
            strict=True,
        )
    )
    for argument, default in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True):
        if default is not None:
            defaults[argument.arg] = default
    names = [a.arg for a in positional + arguments.kwonlyargs]
    version = [n for n in names if n in VERSION_PARAMETERS]
    assert version, f"{name} changes a record but takes no expected_version"
    assert version[0] not in defaults, f"{name}: expected_version must be passed, not defaulted"


def _contract(ctx: Context) -> None:
    tender_and_contract(ctx)


def test_a_stale_window_cannot_overwrite_the_agreed_plan(ctx: Context) -> None:
    _contract(ctx)
    shown = registry.get_contract(ctx, "C-1")  # both windows show this version
    dossier.agree_plan(ctx, "C-1", dt.date(2026, 3, 1), shown.version)  # a colleague
    with pytest.raises(ConflictError):
        dossier.agree_plan(ctx, "C-1", dt.date(2026, 2, 1), shown.version)
    assert registry.get_contract(ctx, "C-1").plan_agreed_on == dt.date(2026, 3, 1)


def test_a_stale_window_cannot_overwrite_an_escalation_response(ctx: Context) -> None:
    _contract(ctx)
    step = signals.record_escalation_step(
        ctx, contract_ref="C-1", step="dialogue", taken_on=dt.date(2026, 4, 1)
    )
    signals.record_escalation_response(
        ctx, step.id, dt.date(2026, 4, 20), expected_version=step.version
    )
    with pytest.raises(ConflictError):
        signals.record_escalation_response(
            ctx, step.id, dt.date(2026, 4, 10), expected_version=step.version
        )
    [now] = signals.list_escalation(ctx, "C-1")
    assert now.responded_on == dt.date(2026, 4, 20)


def test_the_signatures_match_what_the_enumeration_read() -> None:
    """The AST read above is of the code that runs (a guard against a stale reading)."""
    parameters = inspect.signature(signals.record_escalation_response).parameters
    assert parameters["expected_version"].default is inspect.Parameter.empty
