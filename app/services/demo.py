"""Realistic, reproducible demo data: tenders 2019–2026 over all categories and ministries.

Everything is written in one transaction with bulk inserts and explicit ids, each
audited record with its audit entry, so ``verify`` passes on a demo database. The same
seed and size give the same records (apart from uids and timestamps).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from app.domain.applicability import Verdict, applicability
from app.domain.deadlines import plan_due, yearly_reports
from app.domain.errors import CancelledError, ValidationError
from app.domain.progress import Progress
from app.domain.reference import OUTSIDE_CATEGORIES
from app.domain.risk import priority
from app.persistence import models as m
from app.persistence.attachments import AttachmentStore
from app.persistence.audit import AUDITED, AuditWriter, row_snapshot
from app.persistence.engine import reset_sequences
from app.persistence.integrity import submission_digest
from app.services.context import Context
from app.services.registry import CURRENT_CLAUSE_VERSION

MINISTRIES = (
    "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
    "Ministerie van Defensie",
    "Ministerie van Financiën",
    "Ministerie van Infrastructuur en Waterstaat",
    "Ministerie van Justitie en Veiligheid",
    "Ministerie van Volksgezondheid, Welzijn en Sport",
    "Ministerie van Onderwijs, Cultuur en Wetenschap",
    "Ministerie van Buitenlandse Zaken",
)
TEN = (
    "bedrijfskleding",
    "catering",
    "grondstoffen-afval",
    "energie",
    "kantoorartikelen",
    "papier-print",
    "laboratorium",
    "ict-werkomgeving",
    "datacenters",
    "dataverbindingen",
)
TITLES = {
    "bedrijfskleding": (
        "Bedrijfskleding en schoeisel",
        "Persoonlijke beschermingsmiddelen",
        "Uniformen",
    ),
    "catering": ("Catering kantoorlocaties", "Koffie- en theevoorziening", "Bedrijfsrestaurants"),
    "grondstoffen-afval": ("Afvalinzameling en recycling", "Verwerking e-waste"),
    "energie": ("Levering elektriciteit", "Levering aardgas", "Zonnepanelen op rijksgebouwen"),
    "kantoorartikelen": ("Kantoorartikelen", "Computersupplies en toner"),
    "papier-print": (
        "Print- en drukwerk",
        "Vernietiging vertrouwelijke informatiedragers",
        "Papier",
    ),
    "laboratorium": ("Laboratoriumbenodigdheden", "Wegwerphandschoenen en verbruiksartikelen"),
    "ict-werkomgeving": (
        "Laptops en werkplekapparatuur",
        "Mobiele telefoons",
        "Beeldschermen en randapparatuur",
    ),
    "datacenters": ("Servers en opslag", "Koeling en facilitaire diensten datacenter"),
    "dataverbindingen": ("Dataverbindingen", "Mobiele data 4G en 5G", "Netwerkapparatuur"),
    OUTSIDE_CATEGORIES: ("Adviesdiensten", "Schoonmaak", "Verhuisdiensten", "Meubilair"),
}
SUPPLIER_WORDS = (
    "Noord",
    "Delta",
    "Polder",
    "Kust",
    "Oranje",
    "Horizon",
    "Lint",
    "Vaart",
    "Brug",
    "Duin",
    "Eik",
    "Hoeve",
    "Kompas",
    "Linde",
    "Merel",
    "Anker",
)
SUPPLIER_KINDS = (
    "Textiel",
    "Facilitair",
    "IT",
    "Energie",
    "Lab",
    "Print",
    "Data",
    "Bouw",
    "Services",
    "Supplies",
)
SUPPLIER_COUNTRIES = ("NL",) * 7 + ("DE", "BE", "GB", "FR", "DK")
REASONS = (
    ("call-off-under-agreement-with-isv", "Afroep onder de raamovereenkomst, die de ISV al heeft."),
    ("urgency", "Spoedopdracht; ISV in vervolgopdracht opgenomen."),
    ("other", "Markt kon binnen de termijn niet voldoen; dialoog gestart."),
)
"""Reasons for not applying mandatory ISV: the code of the fixed list and an explanation."""
SITE_COUNTRIES = {
    "bedrijfskleding": ("BD", "IN", "CN", "PK", "TR", "VN", "KH", "MM"),
    "catering": ("CI", "GH", "BR", "VN", "ID", "MY", "TH", "IN", "KE"),
    "grondstoffen-afval": ("GH", "NG", "MY", "ID", "VN", "IN", "PK", "BD", "TR"),
    "energie": ("CO", "ZA", "CN", "CD"),
    "kantoorartikelen": ("CN", "VN", "ID", "MY"),
    "papier-print": ("ID", "BR", "CN"),
    "laboratorium": ("MY", "TH", "CN", "IN"),
    "ict-werkomgeving": ("CD", "RW", "CN", "MY", "VN", "TH", "MX"),
    "datacenters": ("CD", "RW", "CN", "MY", "VN", "TH", "MX"),
    "dataverbindingen": ("CD", "RW", "CN", "MY", "VN", "TH", "MX"),
}
THEMES = (
    "freedom_of_association",
    "forced_labour",
    "child_labour",
    "discrimination",
    "health_safety",
    "living_wage",
    "working_hours",
    "environment",
    "land_rights",
    "other_human_rights",
)
STATUSES = ("planned", "in_progress", "completed", "delayed", "cancelled")
GRIEVANCE: tuple[dict[str, str | None], ...] = (
    {
        "grievance_mechanism": "yes",
        "grievance_description": "Meldpunt via het sectorinitiatief, ook anoniem",
        "stakeholders": "Vakbond en een ngo in het productieland, in gesprekken",
    },
    {
        "grievance_mechanism": "in_preparation",
        "grievance_description": None,
        "stakeholders": "Eigen werknemers bij de toeleverancier, met een vragenlijst",
    },
    {"grievance_mechanism": "no", "grievance_description": None, "stakeholders": None},
)
"""What demo suppliers state about their grievance mechanism and whom they consulted."""


@dataclass(frozen=True)
class DemoSummary:
    tenders: int
    contracts: int
    submissions: int
    risks: int
    evidence: int
    signals: int


def _table(model: type[m.Base]) -> Table:
    return m.Base.metadata.tables[model.__tablename__]


_NEW_RECORD: dict[str, Any] = {"withdrawn_at": None, "withdrawn_reason": None, "version": 1}
"""The values every new record starts with, for the columns a demo row does not name."""


class _Ids:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.next: dict[type[m.Base], int] = {}

    def take(self, model: type[m.Base]) -> int:
        if model not in self.next:
            current = self.session.scalar(select(func.max(model.id)))  # type: ignore[attr-defined]
            self.next[model] = (current or 0) + 1
        value = self.next[model]
        self.next[model] = value + 1
        return value


def load_demo(
    ctx: Context,
    *,
    seed: int = 2026,
    tenders: int = 400,
    risks_per_submission: int = 6,
    today: dt.date | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> DemoSummary:
    """Fill an empty database with demo data. Refuses a database that holds tenders."""
    if tenders < 1 or tenders > 1_000_000:
        raise ValidationError(
            "out_of_range", field="--tenders", low=1, high=1_000_000, value=tenders
        )
    today = today or dt.date.today()
    rng = random.Random(seed)
    builder = _Builder(ctx, rng, today, risks_per_submission)
    with ctx.db.read() as session:
        if session.scalar(select(func.count()).select_from(m.Tender)):
            raise ValidationError("demo_not_empty")
    with ctx.db.begin() as session:
        builder.build(session, tenders, progress, cancelled or (lambda: False))
    return builder.summary()


DOCUMENTS = {
    "policy": "ISV-beleid (demo): ketenverantwoordelijkheid, due diligence volgens de "
    "OESO-richtlijnen en de UNGP's.",
    "certificate": "Certificaat (demo): lidmaatschap van een keteninitiatief, met "
    "geldigheidsduur. Geen bewijs van naleving op zichzelf.",
    "yearly-report": "Jaarrapportage (demo): voortgang van de maatregelen uit het plan "
    "van aanpak en publieke verantwoording.",
    "plan-of-action": "Plan van aanpak (demo): maatregelen per risico met eigenaar, "
    "datum en monitoring.",
    "audit-report": "Auditrapport (demo): bevindingen van een onafhankelijk bezoek.",
}
"""The demo's documents by evidence type: a few short texts that many evidence records share."""


class _Builder:
    def __init__(self, ctx: Context, rng: random.Random, today: dt.date, risks: int) -> None:
        self.ctx = ctx
        self.rng = rng
        self.today = today
        self.risks_per_submission = risks
        self.rows: dict[type[m.Base], list[dict[str, Any]]] = {}
        self.files: dict[str, tuple[str, int]] = {}
        self.counts = {
            "tenders": 0,
            "contracts": 0,
            "submissions": 0,
            "risks": 0,
            "evidence": 0,
            "signals": 0,
        }

    # -- documents: a few real files, shared by many evidence records ------------------
    def file(self, kind: str) -> tuple[str, int]:
        """The stored demo document of this kind, stored when first used, so no file is
        left that no record points to; it is written before the records that point to it
        are committed."""
        if kind not in self.files:
            store = AttachmentStore(self.ctx.db.attachments_dir)
            self.files[kind] = store.put_bytes(DOCUMENTS[kind].encode("utf-8"))
        return self.files[kind]

    def summary(self) -> DemoSummary:
        return DemoSummary(**self.counts)

    def add(self, model: type[m.Base], row: dict[str, Any]) -> dict[str, Any]:
        columns = model.__table__.columns
        for name, value in _NEW_RECORD.items():  # as a record starts: current, version 1
            if name in columns and name not in row:
                row[name] = value
        self.rows.setdefault(model, []).append(row)
        return row

    # -- the whole build -----------------------------------------------------------------
    def _decision(
        self, verdict: Verdict, published: dt.date
    ) -> tuple[bool | None, str | None, str | None, str | None, str | None]:
        """Whether a tender applied the ISV (None: not decided yet, for a recent one), why
        not (the reason code and its explanation), and in which form and with which
        acceptance."""
        rng = self.rng
        applied: bool | None
        reason = form = acceptance = reason_code = None
        roll = rng.random()
        if published > self.today - dt.timedelta(days=20) and roll < 0.3:
            applied = None
        elif verdict is Verdict.MANDATORY:
            applied = roll < 0.85
            if not applied:
                reason_code, reason = rng.choice(REASONS)
        else:
            applied = roll < 0.2
        if applied:
            form = rng.choices(
                ("contract-condition", "minimum-requirement", "award-criterion"), (75, 15, 10)
            )[0]
            if form == "contract-condition":
                acceptance = rng.choice(("implicit", "explicit"))
        return applied, reason_code, reason, form, acceptance

    def build(
        self, session: Session, count: int, progress: Progress | None, cancelled: Callable[[], bool]
    ) -> None:
        ids = _Ids(session)
        rng = self.rng
        now = m.utcnow()
        organisations = []
        for name in MINISTRIES:
            organisations.append(
                self.add(
                    m.Organisation,
                    {
                        "id": ids.take(m.Organisation),
                        "uid": m.new_uid(),
                        "version": 1,
                        "name": name,
                    },
                )
            )
        suppliers = []
        supplier_count = max(12, min(300, count // 8))
        names = [
            f"{word} {kind}{legal}"
            for legal in (" B.V.", " N.V.", " Groep B.V.")
            for word in SUPPLIER_WORDS
            for kind in SUPPLIER_KINDS
        ]
        rng.shuffle(names)
        for name in names[:supplier_count]:
            country = rng.choice(SUPPLIER_COUNTRIES)
            suppliers.append(
                self.add(
                    m.Supplier,
                    {
                        "id": ids.take(m.Supplier),
                        "uid": m.new_uid(),
                        "version": 1,
                        "name": name,
                        "country": country,
                        "kvk": f"{rng.randrange(10_000_000, 99_999_999)}"
                        if country == "NL"
                        else None,
                    },
                )
            )
        reference = self.ctx.reference
        start_day = dt.date(2019, 1, 1)
        span = (min(self.today, dt.date(2026, 12, 31)) - start_day).days
        step = max(1, count // 50)
        for index in range(count):
            if index % step == 0:
                if cancelled():
                    raise CancelledError()
                if progress:
                    progress(index, count)
            published = start_day + dt.timedelta(days=rng.randrange(span + 1))
            ten_code = rng.choice(TEN) if rng.random() < 0.9 else OUTSIDE_CATEGORIES
            code = ten_code
            if ten_code != OUTSIDE_CATEGORIES:
                cat_set = reference.set_in_force(published)
                category = reference.find_category(ten_code, set_id="tien-2017")
                if cat_set.get(ten_code) is None and category is not None:
                    code = reference.mapped(category)[0].code
            kind = rng.choices(("supplies", "services", "works"), (60, 35, 5))[0]
            if kind == "services" and ten_code == "catering":
                kind = "social-services"  # Annex XIV: catering services
            period = reference.threshold_period(published, kind)
            base = (period.amount(kind) if period else None) or 140_000
            value = Decimal(int(base * rng.lognormvariate(0.1, 0.7)) // 100 * 100)
            verdict = applicability(reference, code, kind, value, published)
            applied, reason_code, reason, form, acceptance = self._decision(
                verdict.verdict, published
            )
            title = rng.choice(TITLES[ten_code])
            organisation = rng.choice(organisations)
            award_day = published + dt.timedelta(days=rng.randrange(35, 110))
            awarded = award_day if award_day <= self.today and applied is not None else None
            source = rng.choices(("generated", "official", "own"), (70, 20, 10))[0]
            tender = self.add(
                m.Tender,
                {
                    "id": ids.take(m.Tender),
                    "uid": m.new_uid(),
                    "version": 1,
                    "ref": f"{published.year}-{organisation['id']:02d}-{index + 1:06d}",
                    "title": f"{title} {published.year}",
                    "organisation_id": organisation["id"],
                    "kind": kind,
                    "value_cents": int(value) * 100,
                    "published": published,
                    "category_code": verdict.category_code,
                    "category_set": verdict.category.set_id if verdict.category else None,
                    "verdict": verdict.verdict.value,
                    "threshold_cents": verdict.threshold * 100 if verdict.threshold else None,
                    "threshold_period": verdict.threshold_period,
                    "isv_applied": applied,
                    "not_applied_reason": reason,
                    "form": form,
                    "acceptance": acceptance,
                    "clause_version": (
                        CURRENT_CLAUSE_VERSION if applied and source == "generated" else None
                    ),
                    "text_source": source if applied else None,
                    "awarded": awarded,
                    "not_applied_code": reason_code,
                    "created_at": now,
                },
            )
            self.counts["tenders"] += 1
            if applied is None or rng.random() > (0.75 if applied else 0.35):
                continue
            self._contract(ids, tender, ten_code, rng.choice(suppliers), value, published)
        self._write(session, progress, count)

    def _contract(
        self,
        ids: _Ids,
        tender: dict[str, Any],
        ten_code: str,
        supplier: dict[str, Any],
        value: Decimal,
        published: dt.date,
    ) -> None:
        rng = self.rng
        start = (tender["awarded"] or published) + dt.timedelta(days=rng.randrange(20, 60))
        end = start + dt.timedelta(days=365 * rng.choice((1, 2, 3, 4)) - 1)
        plan_months = rng.choice((3, 3, 3, 6))
        report_month = rng.choice((3, 4, 6))
        due = plan_due(start, plan_months)
        contract_id = ids.take(m.Contract)
        agreed = None
        if tender["isv_applied"] and due < self.today and rng.random() < 0.7:
            agreed = due - dt.timedelta(days=rng.randrange(-40, 30))
            agreed = min(agreed, self.today)
        self.add(
            m.Contract,
            {
                "id": contract_id,
                "uid": m.new_uid(),
                "version": 1,
                "ref": f"C-{tender['ref']}",
                "tender_id": tender["id"],
                "supplier_id": supplier["id"],
                "start": start,
                "end": end,
                "value_cents": int(value * Decimal("0.95")) * 100,
                "plan_months": plan_months,
                "risk_months": None,  # the risk analysis due with the plan, as by default
                "report_month": report_month,
                "penalty_cents": rng.choice((None, 2_500_000, 5_000_000)),
                "independent_check": rng.random() < 0.2,
                "plan_agreed_on": agreed,
                "follow_up_choice": None,
                "follow_up_note": None,
                "created_at": m.utcnow(),
            },
        )
        self.counts["contracts"] += 1
        if not tender["isv_applied"] or start > self.today:
            return
        self._evidence(ids, contract_id, "policy", start + dt.timedelta(days=rng.randrange(5, 40)))
        if rng.random() < 0.4:
            issued = start - dt.timedelta(days=rng.randrange(0, 500))
            self._evidence(
                ids,
                contract_id,
                "certificate",
                issued,
                issuer=rng.choice(
                    ("Fair Wear", "amfori BSCI", "RBA", "SA8000", "Fairtrade", "FSC")
                ),
                valid_until=issued + dt.timedelta(days=365 * rng.choice((1, 2, 3))),
            )
        received = due + dt.timedelta(days=rng.randrange(-60, 45))
        if received <= self.today and rng.random() < 0.8 and ten_code != OUTSIDE_CATEGORIES:
            self._submission(ids, contract_id, supplier, ten_code, start, end, received)
        for report in yearly_reports(start, end, report_month):
            arrived = report.due - dt.timedelta(days=rng.randrange(-30, 60))
            if arrived > self.today or rng.random() < 0.25:
                continue
            evidence_id = self._evidence(ids, contract_id, "yearly-report", arrived)
            if rng.random() < 0.7:
                verdict = "sufficient" if rng.random() < 0.75 else "insufficient"
                self.add(
                    m.Assessment,
                    {
                        "id": ids.take(m.Assessment),
                        "uid": m.new_uid(),
                        "contract_id": contract_id,
                        "subject": "yearly-report",
                        "evidence_id": evidence_id,
                        "submission_id": None,
                        "rubric_version": "2017",
                        "elements_json": "{}",
                        "verdict": verdict,
                        "assessor": "demo",
                        "contract_year": report.contract_year,
                        "assessed_on": min(self.today, arrived + dt.timedelta(days=21)),
                        "note": None,
                    },
                )
        if rng.random() < 0.08:
            self._signal(ids, contract_id, start)

    def _evidence(
        self,
        ids: _Ids,
        contract_id: int,
        kind: str,
        received: dt.date,
        issuer: str | None = None,
        valid_until: dt.date | None = None,
    ) -> int:
        sha, size = self.file(kind)
        evidence_id = ids.take(m.Evidence)
        self.add(
            m.Evidence,
            {
                "id": evidence_id,
                "uid": m.new_uid(),
                "contract_id": contract_id,
                "submission_id": None,
                "site_id": None,
                "risk_id": None,
                "measure_id": None,
                "type": kind,
                "sha256": sha,
                "file_name": f"demo-{kind}.txt",
                "size": size,
                "issuer": issuer,
                "issued_on": received if kind == "certificate" else None,
                "valid_until": valid_until,
                "received_on": min(received, self.today),
                "note": None,
                "supersedes_id": None,
                "added_at": m.utcnow(),
                "added_by": self.ctx.actor,
            },
        )
        self.counts["evidence"] += 1
        return evidence_id

    def _submission(
        self,
        ids: _Ids,
        contract_id: int,
        supplier: dict[str, Any],
        ten_code: str,
        start: dt.date,
        end: dt.date,
        received: dt.date,
    ) -> None:
        rng = self.rng
        submission_id = ids.take(m.Submission)
        sites, risks, measures = [], [], []
        countries = SITE_COUNTRIES[ten_code]
        for n in range(rng.randrange(2, 7)):
            sites.append(
                {
                    "id": ids.take(m.Site),
                    "submission_id": submission_id,
                    "site_key": f"L{n + 1}",
                    "name": f"Productielocatie {n + 1}",
                    "country": rng.choice(countries),
                    "city": None,
                    "tier": rng.choice((1, 1, 2, 3)),
                    "product": "Onderdelen",
                    "workers": rng.randrange(20, 3000),
                    "certifications": None,
                    "last_audit": None,
                    "osh_id": None,
                }
            )
        for n in range(max(1, int(self.risks_per_submission * rng.uniform(0.5, 1.5)))):
            severity, likelihood = rng.randrange(1, 5), rng.randrange(1, 5)
            site = rng.choice(sites)
            # every fifth risk is about a country and product rather than one site
            placed = n % 5 != 4
            risks.append(
                {
                    "id": ids.take(m.Risk),
                    "submission_id": submission_id,
                    "risk_key": f"R{n + 1}",
                    "site_key": site["site_key"] if placed else None,
                    "country": None if placed else site["country"],
                    "product": None if placed else "Grondstoffen",
                    "theme": rng.choice(THEMES),
                    "description": "Risico in de keten, gemeld in de risicoanalyse",
                    "severity": severity,
                    "likelihood": likelihood,
                    "priority": priority(severity, likelihood),
                    "source": "eigen analyse",
                }
            )
        for n, risk in enumerate(r for r in risks if r["priority"] != "low"):
            begin = start + dt.timedelta(days=rng.randrange(0, 90))
            measures.append(
                {
                    "id": ids.take(m.Measure),
                    "submission_id": submission_id,
                    "measure_key": f"M{n + 1}",
                    "risk_key": risk["risk_key"],
                    "description": "Verbeterplan met de toeleverancier",
                    "owner": "Inkoop",
                    "start": begin,
                    "due": begin + dt.timedelta(days=rng.randrange(90, 540)),
                    "status": rng.choice(STATUSES),
                    "progress": float(rng.randrange(0, 101)),
                    "evidence_name": None,
                }
            )
        digest = submission_digest(sites, risks, measures)
        self.add(
            m.Submission,
            {
                "id": submission_id,
                "uid": m.new_uid(),
                "contract_id": contract_id,
                "version_no": 1,
                "file_sha256": hashlib.sha256(digest.encode()).hexdigest(),
                "file_name": "demo-inzending.xlsx",
                "supplier_name": supplier["name"],
                "supplier_kvk": supplier["kvk"],
                "supplier_country": supplier["country"],
                "period_from": start,
                "period_to": min(end, start + dt.timedelta(days=364)),
                "contact_person": "Contactpersoon",
                "email": "isv@example.org",
                "signed_on": received,
                "signed_by": "Directie",
                **GRIEVANCE[submission_id % len(GRIEVANCE)],
                "received_on": received,
                "content_sha256": digest,
                "imported_at": m.utcnow(),
                "imported_by": self.ctx.actor,
            },
        )
        self.rows.setdefault(m.Site, []).extend(sites)
        self.rows.setdefault(m.Risk, []).extend(risks)
        self.rows.setdefault(m.Measure, []).extend(measures)
        self.counts["submissions"] += 1
        self.counts["risks"] += len(risks)

    def _signal(self, ids: _Ids, contract_id: int, start: dt.date) -> None:
        rng = self.rng
        received = start + dt.timedelta(days=rng.randrange(30, 400))
        if received > self.today:
            return
        signal_id = ids.take(m.Signal)
        closed = rng.random() < 0.5
        self.add(
            m.Signal,
            {
                "id": signal_id,
                "uid": m.new_uid(),
                "version": 1,
                "contract_id": contract_id,
                "received_on": received,
                "source": rng.choice(("NGO-rapport", "Vakbond", "Media", "Eigen audit")),
                "theme": rng.choice(THEMES),
                "site_id": None,
                "description": "Melding van mogelijke misstand bij een toeleverancier",
                "status": "closed" if closed else "open",
                "closed_on": min(self.today, received + dt.timedelta(days=60)) if closed else None,
            },
        )
        self.counts["signals"] += 1
        self.add(
            m.EscalationStep,
            {
                "id": ids.take(m.EscalationStep),
                "uid": m.new_uid(),
                "contract_id": contract_id,
                "signal_id": signal_id,
                "step": "dialogue",
                "taken_on": received,
                "response_due": received + dt.timedelta(days=30),
                "responded_on": received + dt.timedelta(days=20) if closed else None,
                "amount_cents": None,
                "evidence_ids": None,
                "note": None,
            },
        )

    # -- writing ---------------------------------------------------------------------------
    def _write(self, session: Session, progress: Progress | None, count: int) -> None:
        audit = AuditWriter(session, self.ctx.actor)
        order = (
            m.Organisation,
            m.Supplier,
            m.Tender,
            m.Contract,
            m.Submission,
            m.Site,
            m.Risk,
            m.Measure,
            m.Evidence,
            m.Assessment,
            m.Signal,
            m.EscalationStep,
        )
        entity_of = {model: name for name, model in AUDITED.items()}
        entries: list[dict[str, Any]] = []
        for model in order:
            rows = self.rows.get(model, [])
            connection = session.connection()  # Core executemany: the fastest bulk path
            for start in range(0, len(rows), 20_000):
                connection.execute(_table(model).insert(), rows[start : start + 20_000])
            entity = entity_of.get(model)
            if entity is not None:
                for row in rows:
                    entries.append(
                        audit.build(entity, row["id"], "create", None, row_snapshot(model, row))
                    )
        for start in range(0, len(entries), 20_000):
            session.connection().execute(
                _table(m.AuditEntry).insert(), entries[start : start + 20_000]
            )
        audit.flush_head()
        reset_sequences(session, [model.__tablename__ for model in order])
        if progress:
            progress(count, count)
