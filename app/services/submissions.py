"""Supplier submissions: the template, the check, the import, and the changes between versions.

:func:`check` reads a workbook without writing anything. :func:`import_workbook` checks
and, when there is no error (and no warning, unless the user allows them), stores in ONE
transaction a new submission version for the contract with its sites, risks and
measures (bulk inserts), the original file as evidence, and the audit entries. Any
error: nothing is written. The same file twice for a contract is recognised by its
SHA-256 and not stored again. Long work takes ``progress(done, total)`` and
``cancelled()`` callables and is safe to run off the GUI thread.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, and_, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from app.domain.errors import ConflictError, NotFoundError, UsageError, ValidationError
from app.domain.progress import Cancelled, Progress, Stage, StagedProgress, staged
from app.domain.risk import PRIORITY_RANK
from app.domain.submission import (
    KindChanges,
    MeasureRow,
    Problem,
    RiskRow,
    RowTable,
    SiteRow,
    Submission,
    SubmissionChanges,
    SubmissionInfo,
    SubmissionRows,
)
from app.persistence import models as m
from app.persistence.audit import AuditWriter
from app.persistence.integrity import (
    MEASURE_COLUMNS,
    RISK_COLUMNS,
    SITE_COLUMNS,
    submission_digest,
)
from app.services.context import Context

if TYPE_CHECKING:
    from app.io.workbook_layout import SheetLayout
from app.services.evidence import store_evidence_in
from app.services.registry import find_contract

EVIDENCE_TYPE = "risk-analysis"


@dataclass(frozen=True)
class CheckResult:
    """What a check found: the submission read, every problem, and the file's identity."""

    contract_ref: str
    file_name: str
    file_sha256: str
    size: int
    submission: Submission
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")

    @property
    def notes(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "note")

    @property
    def counts(self) -> dict[str, int]:
        sub = self.submission
        return {
            "sites": len(sub.site_table),
            "risks": len(sub.risk_table),
            "measures": len(sub.measure_table),
        }


@dataclass(frozen=True)
class ImportResult:
    """``status``: ``imported``, ``duplicate`` (the same file was imported before, nothing
    added), ``invalid`` (errors: nothing written) or ``needs_consent`` (warnings only,
    and the caller did not allow them: nothing written)."""

    status: str
    check: CheckResult
    submission_id: int | None = None
    version_no: int | None = None


# -- the template --------------------------------------------------------------------------


WORKBOOK_LANGUAGES = ("nl", "en")


def _language_key(contract_id: int) -> str:
    return f"workbook_language:{contract_id}"


def workbook_language(ctx: Context, contract_ref: str) -> str:
    """The language of the supplier workbook for this contract: the one chosen last
    time (kept in the database, so colleagues see it too), else the user's language."""
    with ctx.db.read() as session:
        contract = find_contract(session, contract_ref)
        kept = session.scalar(select(m.Meta.value).where(m.Meta.key == _language_key(contract.id)))
    return kept if kept in WORKBOOK_LANGUAGES else ctx.lang


def table_layout(sheet: str) -> SheetLayout | None:
    """The layout of the workbook's table that ``sheet`` names (its key, or its Dutch or
    English sheet name compared as the reader compares them), or None for another sheet.
    The window shows a problem's row under the table's own headers with it."""
    from app.io.workbook_layout import TABLES, sheet_name_key

    key = sheet_name_key(sheet)
    return next(
        (t for t in TABLES if key in {sheet_name_key(n) for n in (t.key, t.nl, t.en)}), None
    )


def template_bytes(
    ctx: Context, contract_ref: str, lang: str | None = None, today: dt.date | None = None
) -> bytes:
    """The pre-filled supplier workbook for the contract, as .xlsx bytes, in ``lang``
    (remembered for the contract) or else the contract's remembered language. Its
    reporting period is one contract year: the one whose yearly report falls due next."""
    from app.domain.deadlines import next_report
    from app.io.workbook_template import TemplateData, write_template

    if lang is not None and lang not in WORKBOOK_LANGUAGES:
        raise ValidationError("wb_language_unknown", value=lang)
    chosen = lang or workbook_language(ctx, contract_ref)
    with ctx.db.read() as session:
        contract = find_contract(session, contract_ref)
        supplier = session.get_one(m.Supplier, contract.supplier_id)
        period = next_report(
            contract.start, contract.end, contract.report_month, today or dt.date.today()
        )
        data = TemplateData(
            contract_ref=contract.ref,
            supplier_name=supplier.name,
            supplier_kvk=supplier.kvk,
            supplier_country=supplier.country,
            period_from=period.period_from,
            period_to=period.period_to,
            lang=chosen,
        )
        contract_id = contract.id
    if lang is not None:
        with ctx.db.begin() as session:
            session.merge(m.Meta(key=_language_key(contract_id), value=lang))
    return write_template(data, ctx.reference, ctx.countries, ctx.catalog)


def write_template_file(
    ctx: Context, contract_ref: str, path: Path, lang: str | None = None
) -> Path:
    content = template_bytes(ctx, contract_ref, lang)
    _write_file(path, content)
    return path


def _write_file(path: Path, content: bytes) -> None:
    from app.io.files import write_atomically

    write_atomically(path, content)


# -- checking ------------------------------------------------------------------------------


def _read_file(path: Path) -> bytes:
    from app.io.workbook_reader import MAX_FILE_BYTES

    try:
        if not path.is_file():
            raise UsageError("file_not_found", path=str(path))
        if path.stat().st_size > MAX_FILE_BYTES:
            raise UsageError("wb_too_large", name=path.name, limit=MAX_FILE_BYTES // 2**20)
        return path.read_bytes()
    except OSError:
        raise UsageError("file_not_found", path=str(path)) from None


@dataclass(frozen=True)
class _Contract:
    """What a check needs of the contract, read in a session and kept as plain values."""

    id: int
    ref: str
    start: dt.date
    end: dt.date


def _contract(ctx: Context, contract_ref: str) -> _Contract:
    with ctx.db.read() as session:
        found = find_contract(session, contract_ref)
        return _Contract(id=found.id, ref=found.ref, start=found.start, end=found.end)


def _check_bytes(
    ctx: Context,
    data: bytes,
    file_name: str,
    contract: _Contract,
    *,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> CheckResult:
    from app.io.workbook_reader import read_workbook

    submission, problems = read_workbook(
        data,
        file_name=file_name,
        reference=ctx.reference,
        countries=ctx.countries,
        expected_contract=contract.ref,
        contract_period=(contract.start, contract.end),
        progress=progress,
        cancelled=cancelled,
    )
    return CheckResult(
        contract_ref=contract.ref,
        file_name=file_name,
        file_sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        submission=submission,
        problems=tuple(problems),
    )


def check(
    ctx: Context,
    path: Path,
    contract_ref: str,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> CheckResult:
    """Read and check the workbook for the contract; writes nothing.

    Raises ``NotFoundError`` for an unknown contract and ``UsageError`` for a file that
    is not a readable, safe .xlsx.
    """
    contract = _contract(ctx, contract_ref)
    data = _read_file(path)
    return _check_bytes(ctx, data, path.name, contract, progress=progress, cancelled=cancelled)


# -- importing -----------------------------------------------------------------------------

# Of an import's progress, the part reading and checking the workbook take; storing its
# rows takes the rest.
READ_SHARE_OF_IMPORT = 0.85


def import_workbook(
    ctx: Context,
    path: Path,
    contract_ref: str,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    *,
    allow_warnings: bool = False,
    received_on: dt.date | None = None,
    feedback: Path | None = None,
) -> ImportResult:
    """Check the workbook and, when it passes, store it as the contract's next version.

    ``feedback``: the workbook with its problems marked is written there after the check
    and before anything is stored, so a failure to write it leaves nothing imported.
    """
    contract = _contract(ctx, contract_ref)
    data = _read_file(path)
    stages = staged(progress)
    reading = stages.within(0.0, READ_SHARE_OF_IMPORT)
    result = _check_bytes(ctx, data, path.name, contract, progress=reading, cancelled=cancelled)
    if feedback is not None:
        _write_feedback_bytes(ctx, data, path.name, result, feedback)
    if result.errors:
        return ImportResult("invalid", result)
    with ctx.db.read() as session:
        earlier = _version_of_file(session, contract.id, result.file_sha256)
    if earlier is not None:
        return ImportResult("duplicate", result, earlier[0], earlier[1])
    if result.warnings and not allow_warnings:
        return ImportResult("needs_consent", result)
    if cancelled is not None and cancelled():
        raise ValidationError("cancelled")

    sub = result.submission
    store = ctx.store
    stored_before = store.has(result.file_sha256)
    sha, size = store.put_bytes(data)
    try:
        # The content digest is worked out in a second thread while the rows go in: the
        # database engine releases the interpreter while it writes, so the two overlap.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="digest") as pool:
            digest = pool.submit(
                submission_digest,
                sub.site_table.as_columns(),
                sub.risk_table.as_columns(),
                sub.measure_table.as_columns(),
            )
            submission_id, version_no, duplicate = _write(
                ctx,
                contract_ref,
                result,
                digest=digest,
                received_on=received_on or dt.date.today(),
                sha=sha,
                size=size,
                stages=stages.within(READ_SHARE_OF_IMPORT, 1.0),
            )
    except BaseException:
        if not stored_before:  # the file came for this import only
            store.path_for(sha).unlink(missing_ok=True)
        raise
    if duplicate:
        return ImportResult("duplicate", result, submission_id, version_no)
    return ImportResult("imported", result, submission_id, version_no)


def _version_of_file(session: Session, contract_id: int, sha256: str) -> tuple[int, int] | None:
    found = session.execute(
        select(m.Submission.id, m.Submission.version_no).where(
            m.Submission.contract_id == contract_id, m.Submission.file_sha256 == sha256
        )
    ).first()
    return (int(found[0]), int(found[1])) if found is not None else None


def _write(
    ctx: Context,
    contract_ref: str,
    result: CheckResult,
    *,
    digest: Future[str],
    received_on: dt.date,
    sha: str,
    size: int,
    stages: StagedProgress,
) -> tuple[int, int, bool]:
    """The one transaction; ``(submission id, version, was it already there)``."""
    sub = result.submission
    supplier = sub.supplier
    assert supplier is not None  # a check without errors has read the supplier block
    try:
        with ctx.db.begin() as session:
            contract = find_contract(session, contract_ref)
            earlier = _version_of_file(session, contract.id, result.file_sha256)
            if earlier is not None:  # imported meanwhile by someone else
                return earlier[0], earlier[1], True
            last = session.scalar(
                select(func.max(m.Submission.version_no)).where(
                    m.Submission.contract_id == contract.id
                )
            )
            version_no = int(last or 0) + 1
            audit = AuditWriter(session, ctx.actor)
            record = m.Submission(
                contract_id=contract.id,
                version_no=version_no,
                file_sha256=result.file_sha256,
                file_name=Path(result.file_name).name[:500],
                supplier_name=supplier.name,
                supplier_kvk=supplier.kvk,
                supplier_country=supplier.country,
                period_from=supplier.period_from,
                period_to=supplier.period_to,
                contact_person=supplier.contact_person,
                email=supplier.email,
                signed_on=supplier.signed_on,
                signed_by=supplier.signed_by,
                grievance_mechanism=supplier.grievance_mechanism,
                grievance_description=supplier.grievance_description,
                stakeholders=supplier.stakeholders,
                received_on=received_on,
                content_sha256="",
                imported_by=ctx.actor,
            )  # the digest once it is known
            session.add(record)
            session.flush()
            tables = (
                (m.Site, SITE_COLUMNS, sub.site_table),
                (m.Risk, RISK_COLUMNS, sub.risk_table),
                (m.Measure, MEASURE_COLUMNS, sub.measure_table),
            )
            total = sum(len(rows) for _model, _columns, rows in tables)
            written = 0
            for model, columns, rows in tables:
                stages.stage(Stage("writing", written, total))
                _bulk_insert(session, cast(Table, model.__table__), columns, rows, record.id)
                written += len(rows)
            stages.stage(Stage("writing", written, total))
            record.content_sha256 = digest.result()
            audit.created("submission", record)
            # the new version's workbook supersedes the one the previous version kept,
            # so only the newest counts as the current risk analysis
            newer = aliased(m.Evidence)
            previous = session.scalar(
                select(m.Evidence.id)
                .outerjoin(
                    newer,
                    and_(newer.supersedes_id == m.Evidence.id, newer.withdrawn_at.is_(None)),
                )
                .where(
                    m.Evidence.contract_id == contract.id,
                    m.Evidence.type == EVIDENCE_TYPE,
                    m.Evidence.submission_id.is_not(None),
                    m.Evidence.withdrawn_at.is_(None),
                    newer.id.is_(None),
                )
                .order_by(m.Evidence.id.desc())
                .limit(1)
            )
            store_evidence_in(
                session,
                audit,
                contract_id=contract.id,
                type_code=EVIDENCE_TYPE,
                sha256=sha,
                size=size,
                file_name=result.file_name,
                received_on=received_on,
                issuer=supplier.name[:300],
                issued_on=supplier.signed_on,
                note=f"{supplier.period_from.isoformat()} – {supplier.period_to.isoformat()}",
                submission_id=record.id,
                supersedes_id=previous,
            )
            return record.id, version_no, False
    except IntegrityError:
        raise ConflictError(
            "changed_by_someone_else", entity="contract", ref=contract_ref
        ) from None


_PLACEHOLDERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}
INSERT_BATCH = 2_000
"""Rows given to the driver at a time: each batch is dropped before the next is made, so
an import never holds a row object for each of its rows (their collection would keep a
window waiting while the import runs on a worker thread)."""


def _bulk_insert(
    session: Session, table: Table, columns: tuple[str, ...], rows: RowTable, submission_id: int
) -> None:
    """Insert the ``columns`` of ``rows`` into ``table`` for one submission.

    A plain DB-API ``executemany`` of tuples, with each column's own SQLAlchemy bind
    processor applied (dates on SQLite), so stored values are exactly what a Core insert
    stores, without the per-row parameter building of ``session.execute(insert(table),
    dicts)`` or the ORM form, which dominates a large import (``bench_workbook`` shows
    the import against its floor). Drivers with another parameter style take the Core
    path.
    """
    if not len(rows):
        return
    connection = session.connection()
    dialect = connection.dialect
    placeholder = _PLACEHOLDERS.get(dialect.paramstyle)
    if placeholder is None:
        session.execute(
            insert(table), [{**record, "submission_id": submission_id} for record in rows.records()]
        )
        return
    values: list[tuple[Any, ...]] = [rows.column(name) for name in columns]
    for index, name in enumerate(columns):
        process = table.c[name].type.bind_processor(dialect)
        if process is not None:
            values[index] = tuple(None if v is None else process(v) for v in values[index])
    quote = dialect.identifier_preparer.quote
    names = ", ".join(quote(n) for n in ("submission_id", *columns))
    marks = ", ".join([placeholder] * (len(columns) + 1))
    statement = f"INSERT INTO {quote(table.name)} ({names}) VALUES ({marks})"
    each = zip(itertools.repeat(submission_id), *values, strict=False)
    while batch := list(itertools.islice(each, INSERT_BATCH)):
        connection.exec_driver_sql(statement, batch)


# -- reading back --------------------------------------------------------------------------


def list_submissions(ctx: Context, contract_ref: str) -> list[SubmissionInfo]:
    with ctx.db.read() as session:
        contract = find_contract(session, contract_ref)
        subs = session.scalars(
            select(m.Submission)
            .where(m.Submission.contract_id == contract.id)
            .order_by(m.Submission.version_no)
        ).all()
        result = []
        for sub in subs:
            counts = [
                int(
                    session.scalar(
                        select(func.count()).select_from(model).where(model.submission_id == sub.id)
                    )
                    or 0
                )
                for model in (m.Site, m.Risk, m.Measure)
            ]
            result.append(
                SubmissionInfo(
                    id=sub.id,
                    contract_ref=contract.ref,
                    version_no=sub.version_no,
                    file_name=sub.file_name,
                    file_sha256=sub.file_sha256,
                    content_sha256=sub.content_sha256,
                    supplier_name=sub.supplier_name,
                    period_from=sub.period_from,
                    period_to=sub.period_to,
                    received_on=sub.received_on,
                    sites=counts[0],
                    risks=counts[1],
                    measures=counts[2],
                )
            )
        return result


def submission_rows(ctx: Context, contract_ref: str, version: int | None = None) -> SubmissionRows:
    """The sites, risks (highest priority first) and measures of one version, the newest
    when ``version`` is ``None``; ``row`` of each value is its position in that list."""
    with ctx.db.read() as session:
        contract = find_contract(session, contract_ref)
        query = select(
            m.Submission.id,
            m.Submission.version_no,
            m.Submission.grievance_mechanism,
            m.Submission.grievance_description,
            m.Submission.stakeholders,
        ).where(m.Submission.contract_id == contract.id)
        if version is not None:
            query = query.where(m.Submission.version_no == version)
        found = session.execute(query.order_by(m.Submission.version_no.desc()).limit(1)).first()
        if found is None:
            return SubmissionRows(contract.ref, 0)
        sub_id = found.id

        def rows(model: Any, key: str) -> list[Any]:
            return list(
                session.execute(
                    select(model.__table__)
                    .where(model.submission_id == sub_id)
                    .order_by(model.__table__.c[key])
                ).mappings()
            )

        sites = tuple(
            SiteRow(row=i, **{f: r[f] for f in SiteRow.__dataclass_fields__ if f != "row"})
            for i, r in enumerate(rows(m.Site, "site_key"), start=1)
        )
        risks = sorted(
            rows(m.Risk, "risk_key"),
            key=lambda r: (-PRIORITY_RANK.get(r["priority"], 0), -r["severity"], r["risk_key"]),
        )
        measures = rows(m.Measure, "due")
        return SubmissionRows(
            contract.ref,
            found.version_no,
            sites,
            tuple(
                RiskRow(row=i, **{f: r[f] for f in RiskRow.__dataclass_fields__ if f != "row"})
                for i, r in enumerate(risks, start=1)
            ),
            tuple(
                MeasureRow(
                    row=i, **{f: r[f] for f in MeasureRow.__dataclass_fields__ if f != "row"}
                )
                for i, r in enumerate(measures, start=1)
            ),
            grievance_mechanism=found.grievance_mechanism,
            grievance_description=found.grievance_description,
            stakeholders=found.stakeholders,
        )


def _keyed(
    session: Session, model: Any, key: str, columns: tuple[str, ...], submission_id: int | None
) -> dict[str, tuple[Any, ...]]:
    if submission_id is None:
        return {}
    table = model.__table__
    query = select(*(table.c[c] for c in columns)).where(table.c.submission_id == submission_id)
    index = columns.index(key)
    return {row[index]: tuple(row) for row in session.execute(query)}


def _compare(before: dict[str, tuple[Any, ...]], after: dict[str, tuple[Any, ...]]) -> KindChanges:
    return KindChanges(
        added=tuple(sorted(k for k in after if k not in before)),
        removed=tuple(sorted(k for k in before if k not in after)),
        changed=tuple(sorted(k for k in after if k in before and after[k] != before[k])),
    )


def changes(ctx: Context, contract_ref: str, version: int | None = None) -> SubmissionChanges:
    """Sites, risks and measures added, removed and changed (by their IDs) in ``version``
    (default: the newest) against the version before it."""
    with ctx.db.read() as session:
        contract = find_contract(session, contract_ref)
        versions = dict(
            session.execute(
                select(m.Submission.version_no, m.Submission.id).where(
                    m.Submission.contract_id == contract.id
                )
            ).all()
        )
        if version is None:
            version = max(versions, default=0)
        if version not in versions:
            raise NotFoundError("wb_submission_not_found", contract=contract.ref, version=version)
        earlier = [v for v in versions if v < version]
        previous = max(earlier) if earlier else None
        now_id, before_id = versions[version], versions.get(previous) if previous else None
        kinds = []
        for model, key, columns in (
            (m.Site, "site_key", SITE_COLUMNS),
            (m.Risk, "risk_key", RISK_COLUMNS),
            (m.Measure, "measure_key", MEASURE_COLUMNS),
        ):
            kinds.append(
                _compare(
                    _keyed(session, model, key, columns, before_id),
                    _keyed(session, model, key, columns, now_id),
                )
            )
        return SubmissionChanges(
            contract_ref=contract.ref,
            version=version,
            previous_version=previous,
            sites=kinds[0],
            risks=kinds[1],
            measures=kinds[2],
        )


# -- feedback ------------------------------------------------------------------------------


def write_feedback(ctx: Context, path: Path, result: CheckResult, target: Path) -> Path:
    """The supplier's workbook with every problem marked, written to ``target``."""
    _write_feedback_bytes(ctx, _read_file(path), path.name, result, target)
    return target


def _write_feedback_bytes(
    ctx: Context, data: bytes, name: str, result: CheckResult, target: Path
) -> None:
    from app.io.workbook_feedback import feedback_bytes

    _write_file(target, feedback_bytes(data, name, list(result.problems), ctx.catalog))
