"""``clauses``: write the ISV texts of a tender (DOCX, PDF or Markdown) in ``--lang``.

The file is written to a temporary name beside the target and renamed only when
everything succeeded: a missing or invalid parameter leaves no file behind.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.base import Invocation, output_path, parse_date
from app.domain.clauses import FORMATS, TEXTS
from app.domain.errors import ValidationError

YES = ("yes", "ja", "true", "1")
NO = ("no", "nee", "false", "0")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "clauses",
        help="write the ISV texts of a tender (contract clauses, tender guide, "
        "compliance statement, annex)",
    )
    parser.add_argument("--tender", required=True, help="tender reference")
    parser.add_argument(
        "--format", choices=FORMATS, help="docx, pdf or md (default: from the file name, else docx)"
    )
    parser.add_argument("-o", "--output", required=True, help="file to write")
    parser.add_argument("--text", default="all", help="contract, guide, statement, annex or all")
    parser.add_argument(
        "--plan-months", help="months after the contract starts for the plan of action (default 3)"
    )
    parser.add_argument(
        "--report-month",
        help="month (1-12) by whose end the yearly report is due (default 3, March)",
    )
    parser.add_argument("--penalty", help="penalty in euros per failure (default 5000)")
    parser.add_argument("--independent-check", help="yes or no (default no)")
    parser.add_argument("--contact-role", help="the buyer's contact (default contractmanager)")
    parser.add_argument("--award-method", help="award criterion: how bids are scored")
    parser.add_argument("--award-subject", help="award criterion: what is scored")
    parser.add_argument("--award-assessor", help="award criterion: who scores")
    parser.add_argument(
        "--authority", help="contracting authority (default: the tender's organisation)"
    )
    parser.add_argument(
        "--minister",
        help="the contracting party is the State of the Netherlands, represented by the "
        "Minister of MINISTER (default: the organisation setting)",
    )
    parser.add_argument("--mandate", help="the mandate line under the minister")
    parser.add_argument(
        "--general-terms",
        help="arvodi-2018, ariv-2018, arbit-2018, uav-2012 or none "
        "(default: the suggestion for the kind of contract, to be confirmed)",
    )
    parser.add_argument(
        "--penalty-cap", help="maximum of penalties per contract year in euros (default 50000)"
    )
    parser.add_argument(
        "--penalty-with-damages",
        help="yes: the penalty comes on top of full damages (derogating from art. 6:92 BW); "
        "no: it replaces statutory damages (default yes)",
    )
    parser.add_argument("--notice-days", help="days given in a notice of default (default 30)")
    parser.add_argument(
        "--award-weight", help="award criterion: weighting in percent (1-100, default 10)"
    )
    parser.add_argument(
        "--award-points", help="award criterion: maximum points of the scale (default 10)"
    )
    parser.add_argument(
        "--electronics-watch",
        help="yes: add Electronics Watch's contract conditions (ICT categories only)",
    )
    parser.add_argument("--generated-on", help="date shown as generated on (default today)")
    parser.set_defaults(handler=run)


def _whole(text: str | None, name: str) -> int | None:
    if text is None:
        return None
    try:
        return int(text.strip())
    except ValueError:
        raise ValidationError("clauses_invalid_whole_number", name=name, value=text) from None


def _yes_no(text: str | None, name: str) -> bool | None:
    if text is None:
        return None
    value = text.strip().lower()
    if value in YES:
        return True
    if value in NO:
        return False
    raise ValidationError("clauses_invalid_yes_no", name=name, value=text)


def _format(requested: str | None, path: Path) -> str:
    if requested:
        return requested
    suffix = path.suffix.lower().lstrip(".")
    return {"markdown": "md"}.get(suffix, suffix) if suffix in (*FORMATS, "markdown") else "docx"


def run(inv: Invocation) -> int:
    from app.services.clauses import ClauseChoices, save

    args = inv.args
    target = output_path(args.output)
    choices = ClauseChoices(
        plan_months=_whole(args.plan_months, "plan-months"),
        report_month=_whole(args.report_month, "report-month"),
        penalty=args.penalty,
        independent_check=_yes_no(args.independent_check, "independent-check"),
        contact_role=args.contact_role,
        award_method=args.award_method,
        award_subject=args.award_subject,
        award_assessor=args.award_assessor,
        authority=args.authority,
        generated_on=parse_date(args.generated_on, "--generated-on") if args.generated_on else None,
        minister=args.minister,
        mandate=args.mandate,
        general_terms=args.general_terms,
        penalty_cap=args.penalty_cap,
        penalty_with_damages=_yes_no(args.penalty_with_damages, "penalty-with-damages"),
        notice_days=_whole(args.notice_days, "notice-days"),
        award_weight=_whole(args.award_weight, "award-weight"),
        award_points=_whole(args.award_points, "award-points"),
        electronics_watch=_yes_no(args.electronics_watch, "electronics-watch"),
    )
    if args.text.strip().lower() not in (*TEXTS, "all"):
        raise ValidationError(
            "clauses_unknown_text", value=args.text, allowed=", ".join((*TEXTS, "all"))
        )
    result = save(
        inv.context(),
        args.tender,
        target,
        fmt=_format(args.format, target),
        lang=inv.lang,
        text=args.text,
        choices=choices,
    )
    inv.say(
        inv.text(
            "clauses_written", path=str(target), version=result.version, sha256=result.sha256[:12]
        )
    )
    return 0
