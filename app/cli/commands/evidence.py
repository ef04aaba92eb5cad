"""``evidence add FILE --contract REF --type TYPE``: keep a document as evidence.

The file goes into the content-addressed store; the record is audited. A correction is
a new document with ``--supersedes ID``: the old one stays.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from app.cli.base import Invocation, input_path, parse_date
from app.cli.records import add_accept_warning, withdrawn_suffix
from app.domain.formatting import format_date
from app.services import evidence


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("evidence", help="evidence documents of a contract")
    actions = parser.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="store a document as evidence for a contract")
    add.add_argument("file", metavar="FILE")
    add.add_argument("--contract", required=True, metavar="REF")
    add.add_argument(
        "--type",
        required=True,
        metavar="TYPE",
        help="policy, risk-analysis, plan-of-action, yearly-report, audit-report, "
        "certificate, compliance-statement, correspondence, other",
    )
    add.add_argument("--issued", metavar="YYYY-MM-DD")
    add.add_argument("--valid-until", metavar="YYYY-MM-DD")
    add.add_argument("--issuer", metavar="TEXT")
    add.add_argument(
        "--supersedes",
        type=int,
        metavar="ID",
        help="the id of the document this one corrects (both are kept)",
    )
    add.add_argument("--note", metavar="TEXT")
    add_accept_warning(add)
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=run_add)
    listing = actions.add_parser("list", help="list a contract's evidence documents")
    listing.add_argument("--contract", required=True, metavar="REF")
    listing.add_argument("--withdrawn", action="store_true", help="also withdrawn documents")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_list)


def run_add(inv: Invocation) -> int:
    args = inv.args
    issued = parse_date(args.issued, "--issued") if args.issued else None
    valid_until = parse_date(args.valid_until, "--valid-until") if args.valid_until else None
    record = evidence.add_evidence(
        inv.context(),
        contract_ref=args.contract,
        path=input_path(args.file),
        type_code=args.type,
        issued_on=issued,
        valid_until=valid_until,
        issuer=args.issuer,
        note=args.note,
        supersedes_id=args.supersedes,
        accept_warning=args.accept_warning,
    )
    if args.json:
        inv.emit_json(_document(record))
        return 0
    type_label = inv.context().reference.label("evidence_types", record.type, inv.lang)
    inv.say(
        inv.text(
            "dossier_evidence_added",
            id=record.id,
            type=type_label,
            contract=record.contract_ref,
            file=record.file_name,
        )
    )
    if record.supersedes_id is not None:
        inv.say(inv.text("dossier_evidence_supersedes", id=record.supersedes_id))
    if record.type == "certificate":
        inv.say(inv.text("dossier_certificate_note"))
    if record.valid_until is not None and record.valid_until < dt.date.today():
        inv.say(inv.text("dossier_evidence_expired_on_arrival", date=record.valid_until))
    return 0


def _document(record: Any) -> dict[str, Any]:
    return {
        "id": record.id,
        "uid": record.uid,
        "contract": record.contract_ref,
        "type": record.type,
        "file_name": record.file_name,
        "sha256": record.sha256,
        "size": record.size,
        "issuer": record.issuer,
        "issued_on": record.issued_on,
        "valid_until": record.valid_until,
        "received_on": record.received_on,
        "supersedes": record.supersedes_id,
        "note": record.note,
    }


def run_list(inv: Invocation) -> int:
    ctx = inv.context()
    documents = evidence.list_evidence(ctx, inv.args.contract, withdrawn=inv.args.withdrawn)
    if inv.args.json:
        inv.emit_json(
            [
                {
                    **_document(d),
                    "superseded_by": d.superseded_by_id,
                    "version": d.version,
                    "withdrawn": d.withdrawn_reason is not None,
                    "withdrawn_reason": d.withdrawn_reason,
                }
                for d in documents
            ]
        )
        return 0
    if not documents:
        inv.say(inv.text("list_empty"))
    for d in documents:
        type_label = ctx.reference.label("evidence_types", d.type, inv.lang)
        inv.say(
            f"{d.id}  {type_label}  {d.file_name}  {format_date(d.received_on, inv.lang)}"
            f"{withdrawn_suffix(inv, d.withdrawn_reason)}"
        )
    return 0
