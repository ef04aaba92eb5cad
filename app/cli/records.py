"""What the list, correct, withdraw and history commands share: the reason options,
the sentence after a change, and the history's lines."""

from __future__ import annotations

import argparse
import datetime as dt
from decimal import Decimal
from typing import Any

from app.cli.base import Invocation
from app.domain.formatting import format_date, format_money


def add_accept_warning(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--accept-warning",
        metavar="REASON",
        help="go on despite a warning (an implausible combination); the reason is recorded",
    )


def report_change(inv: Invocation, change: Any) -> int:
    """The one sentence (or JSON document) after a correction or withdrawal."""
    from app.services.records import kind_word

    if getattr(inv.args, "json", False):
        inv.emit_json(
            {
                "record": change.kind,
                "ref": change.label,
                "id": change.record_id,
                "version": change.version,
                "action": change.action,
                "seq": change.seq,
            }
        )
        return 0
    code = "record_withdrawn" if change.action == "withdraw" else "record_corrected"
    inv.say(
        inv.text(
            code,
            kind=kind_word(inv.context(), change.kind),
            id=change.label,
            version=change.version,
        )
    )
    return 0


def _code_words(field: str, value: str, inv: Invocation) -> str | None:
    """The words for a code a record holds (a verdict, a kind, a status…): the human
    output shows no internal code (``--json`` keeps them). None: not a code field."""
    ctx = inv.context()
    reference, lang = ctx.reference, inv.lang
    if field in ("verdict", "kind", "status", "acceptance"):
        code = f"value_{field}_{value}"
        return inv.text(code) if ctx.catalog.has(code) else value
    try:
        if field in ("form", "type", "subject", "step"):
            group = {"form": "forms", "step": "escalation_steps"}.get(field, "evidence_types")
            return reference.label(group, value, lang)
        if field == "category_code":
            category = reference.find_category(value)
            return category.name(lang) if category else value
        if field == "theme":
            return reference.theme(value).text(lang)
        if field == "category_set":
            return reference.category_set(value).name(lang)
        if field == "follow_up_choice":
            return inv.text(f"dossier_intensity_{value}")
    except (KeyError, LookupError):
        return value
    return None


def shown(value: Any, inv: Invocation, field: str = "") -> str:
    """A value of a history or list line as a person reads it."""
    lang = inv.lang
    if value is None:
        return "—"
    if isinstance(value, bool):
        return inv.text("value_yes" if value else "value_no")
    if isinstance(value, str) and field:
        named = _code_words(field, value, inv)
        if named is not None:
            return named
    if isinstance(value, Decimal):
        return format_money(value, lang)
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return format_date(dt.date.fromisoformat(value), lang)
        except ValueError:
            return value
    return str(value)


def withdrawn_suffix(inv: Invocation, reason: str | None) -> str:
    return f"  [{inv.text('list_withdrawn', reason=reason)}]" if reason else ""
