"""Benchmark: generating the ISV texts of one tender in all three formats.

Run as ``python tests/benchmarks/bench_clauses.py``. Prints the median of several runs
for the text model, each renderer and the whole generation through the service (a real
SQLite database in a temporary folder, recording included), and the ratio against a
baseline measured in the same run: python-docx writing an empty document plus reportlab
building a one-paragraph PDF with the same embedded font.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

RUNS = 7


def median_seconds(action: Callable[[], object], runs: int = RUNS) -> float:
    action()  # warm up: imports, font registration, template compilation
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def baseline() -> None:
    import docx
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from app.io.pdf import stylesheet

    docx.Document().save(io.BytesIO())
    SimpleDocTemplate(io.BytesIO()).build(
        [Paragraph("Internationale Sociale Voorwaarden", stylesheet()["Body"])]
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        os.environ["ISV_ASSISTENT_HOME"] = home
        from app.domain.values import IsvDecision
        from app.io.clauses_pdf import render_pdf
        from app.io.docx_render import render_docx
        from app.io.md_render import render_markdown
        from app.services import clauses, registry
        from app.services.context import open_context

        ctx = open_context(str(Path(home) / "bench.sqlite"), lang="nl", actor="bench")
        registry.register_tender(
            ctx,
            ref="BENCH-1",
            title="Werkkleding & beschermingsmiddelen",
            kind="supplies",
            category="bedrijfskleding",
            value=750_000,
            published=dt.date(2026, 4, 1),
            organisation="Ministerie van Defensie",
            decision=IsvDecision(True, None, "contract-condition", "explicit"),
        )
        choices = clauses.ClauseChoices(generated_on=dt.date(2026, 11, 25))
        document = clauses.preview(ctx, "BENCH-1", choices=choices)

        figures = {
            "baseline (empty DOCX + one-paragraph PDF)": median_seconds(baseline),
            "text model from the templates": median_seconds(
                lambda: clauses.preview(ctx, "BENCH-1", choices=choices)
            ),
            "DOCX renderer": median_seconds(lambda: render_docx(document)),
            "PDF renderer": median_seconds(lambda: render_pdf(document)),
            "Markdown renderer": median_seconds(lambda: render_markdown(document)),
            "all three formats via the service (recorded)": median_seconds(
                lambda: [
                    clauses.generate(ctx, "BENCH-1", fmt=f, choices=choices)
                    for f in ("docx", "pdf", "md")
                ],
                runs=5,
            ),
        }
        ctx.db.dispose()
    base = figures["baseline (empty DOCX + one-paragraph PDF)"]
    pages = len(__import__("pypdf").PdfReader(io.BytesIO(render_pdf(document))).pages)
    print(f"ISV texts of one tender ({pages} PDF pages), median of {RUNS} runs:")
    for name, seconds in figures.items():
        print(f"  {name:<48} {seconds * 1000:8.1f} ms   {seconds / base:5.1f}x baseline")
    total = figures["all three formats via the service (recorded)"]
    print(
        f"all three formats for one tender: {total * 1000:.0f} ms "
        f"({'under' if total < 1 else 'NOT under'} one second)"
    )


if __name__ == "__main__":
    main()
