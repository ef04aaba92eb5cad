"""The window's doorway to the services, imported lazily so the window opens fast.

Every function here runs on a worker thread (through ``Tasks``); none touches Qt. Each
is a plain call of a public service function: screens never see a Session or ORM row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.services.context import Context

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


def open_context(location: str | None, lang: str) -> Context:
    from app.services.context import open_context as _open

    return _open(location, lang=lang)


def count_tenders(ctx: Context) -> int:
    from app.services.registry import count_tenders as _count

    return _count(ctx)


def load_demo(
    ctx: Context, seed: int, tenders: int, progress: Progress, cancelled: Cancelled
) -> Any:
    from app.services import demo

    return demo.load_demo(ctx, seed=seed, tenders=tenders, progress=progress, cancelled=cancelled)


def backup_file_name() -> str:
    from app.services.maintenance import backup_file_name as _name

    return _name()


def make_backup(ctx: Context, target: Path, progress: Progress) -> Path:
    from app.services.maintenance import make_backup as _backup

    return _backup(ctx, target, progress)


def restore_backup(source: Path, location: str, progress: Progress) -> str:
    from app.services.maintenance import restore_backup as _restore

    return _restore(source, location, progress)


def list_tenders(ctx: Context) -> list[Any]:
    from app.services.registry import list_tenders as _list

    return _list(ctx)


def list_contracts(ctx: Context) -> list[Any]:
    from app.services.registry import list_contracts as _list

    return _list(ctx)


def list_evidence(ctx: Context, contract_ref: str | None = None) -> list[Any]:
    from app.services.evidence import list_evidence as _list

    return _list(ctx, contract_ref)


def evidence_path(ctx: Context, sha256: str) -> Path:
    from app.services.evidence import evidence_path as _path

    return _path(ctx, sha256)


def add_evidence(ctx: Context, **kwargs: Any) -> Any:
    from app.services.evidence import add_evidence as _add

    return _add(ctx, **kwargs)


def get_contract(ctx: Context, ref: str) -> Any:
    from app.services.registry import get_contract as _get

    return _get(ctx, ref)


def list_organisations(ctx: Context) -> list[str]:
    from app.services.registry import list_organisations as _list

    return _list(ctx)


def register_tender(ctx: Context, **values: Any) -> Any:
    from app.services.registry import register_tender as _register

    return _register(ctx, **values)


def preview_clauses(ctx: Context, tender_ref: str, lang: str, choices: Any) -> Any:
    from app.services.clauses import preview

    return preview(ctx, tender_ref, lang=lang, choices=choices)


def save_clauses(
    ctx: Context, tender_ref: str, fmt: str, lang: str, choices: Any, target: Path
) -> Path:
    """Generate (and record) the texts, then write them atomically to ``target``."""
    from app.io.files import write_atomically
    from app.services.clauses import generate

    result = generate(ctx, tender_ref, fmt=fmt, lang=lang, choices=choices)
    return write_atomically(target, result.data)


def call(service: str, function: str, *args: Any, **kwargs: Any) -> Any:
    """``app.services.<service>.<function>(*args, **kwargs)``, imported when first used."""
    import importlib

    module = importlib.import_module(f"app.services.{service}")
    return getattr(module, function)(*args, **kwargs)


def money(cents: int) -> Any:
    from app.domain.values import from_cents

    return from_cents(cents)


@dataclass(frozen=True)
class FollowUpWords:
    """The follow-up of one contract as the window shows it: the suggested level and its
    reasons in words, the user's own choice (a level code, or ``None``: no choice of
    their own) with its note, and the contract's version for a safe save."""

    level: str
    reasons: tuple[str, ...]
    choice: str | None
    note: str | None
    version: int


def _follow_up_words(ctx: Context, record: Any) -> FollowUpWords:
    from app.services.follow_up import reasons_text
    from app.ui.labels import intensity_label

    return FollowUpWords(
        intensity_label(record.suggestion.level, ctx.lang),
        tuple(reasons_text(ctx, record)),
        record.choice,
        record.note,
        record.version,
    )


def follow_up_words(ctx: Context, contract_ref: str) -> FollowUpWords:
    from app.services.follow_up import follow_up

    return _follow_up_words(ctx, follow_up(ctx, contract_ref))


def choose_follow_up(
    ctx: Context, contract_ref: str, choice: str | None, note: str, version: int
) -> FollowUpWords:
    """Record the user's own follow-up beside the suggestion (``None``: none of their own)."""
    from app.services.follow_up import choose_follow_up as _choose

    record = _choose(ctx, contract_ref, choice, note or None, expected_version=version)
    return _follow_up_words(ctx, record)


def import_country_risk(ctx: Context, path: Path) -> Any:
    from app.services.follow_up import import_country_risk as _import

    return _import(ctx, path)


def list_country_risk(ctx: Context) -> list[Any]:
    from app.services.follow_up import list_country_risk as _list

    return _list(ctx)


def year_report(
    ctx: Context,
    year: int,
    organisation: str | None,
    merge: list[Path],
    grouping: str | None,
    progress: Progress,
    cancelled: Cancelled,
) -> Any:
    """The year report; the service has no progress of its own, so two steps are shown."""
    from app.services.reporting import year_report as _report
    from app.ui.tasks import TaskCancelled

    progress(0, 2)
    report = _report(ctx, year, organisation=organisation, merge=merge, group_into=grouping)
    if cancelled():
        raise TaskCancelled
    progress(2, 2)
    return report


def figure_definitions() -> Any:
    from app.domain.report_figures import FIGURES

    return FIGURES


def save_report(
    ctx: Context, report: Any, kind: str, target: Path, lang: str, progress: Progress
) -> list[Path]:
    from app.services.maintenance import save_report_files

    return save_report_files(
        ctx,
        report,
        pdf=target if kind == "pdf" else None,
        xlsx=target if kind == "xlsx" else None,
        lang=lang,
        progress=progress,
    )


def warm_up() -> None:
    """Import what the screens will need, off the GUI thread (see MainWindow._warm_up)."""
    import importlib

    for name in (
        "app.services.dossier",
        "app.services.signals",
        "app.services.assessments",
        "app.services.follow_up",
        "app.services.submissions",
        "app.services.reporting",
        "app.services.clauses",
        "app.io.workbook_reader",
        "python_calamine",
        "openpyxl",
    ):
        try:
            importlib.import_module(name)
        except ImportError:
            continue
