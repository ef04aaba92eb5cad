"""``isv-assistent clauses``: files written in the chosen format and language; a missing
or invalid parameter gives one sentence naming it, exit status 1 and no file."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.clauses.conftest import TITLE, docx_text, markdown_text

Cli = Callable[..., Any]


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder of its own for the output (the database sits in tmp_path)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def tender(cli: Cli) -> str:
    def add(ref: str, *extra: str) -> None:
        result = cli(
            "tender",
            "add",
            "--ref",
            ref,
            "--title",
            TITLE,
            "--category",
            "datacenters",
            "--kind",
            "services",
            "--value",
            "900000",
            "--published",
            "2026-02-01",
            "--organisation",
            "Logius",
            "--isv",
            "applied",
            *extra,
        )
        assert result.status == 0, result.err

    add("T-EXPL", "--form", "contract-condition", "--acceptance", "explicit")
    add("T-AWARD", "--form", "award-criterion")
    return "T-EXPL"


def test_writes_a_docx_with_the_parameters(cli: Cli, tender: str, out: Path) -> None:
    target = out / "isv.docx"
    result = cli(
        "clauses",
        "--tender",
        tender,
        "-o",
        str(target),
        "--plan-months",
        "2",
        "--report-month",
        "10",
        "--penalty",
        "12500",
        "--independent-check",
        "yes",
        "--contact-role",
        "categoriemanager",
        "--generated-on",
        "2026-12-01",
    )
    assert result.status == 0, result.err
    assert "SHA-256" in result.out
    text = docx_text(target.read_bytes())
    for phrase in (
        TITLE,
        "binnen 2 maanden",
        "oktober",
        "€ 12.500",
        "categoriemanager",
        "Onafhankelijke controle",
        "Conformiteitsverklaring",
        "1 december 2026",
    ):
        assert phrase in text, phrase
    assert list(out.iterdir()) == [target]  # no temporary file left behind


@pytest.mark.parametrize(("fmt", "name"), [("pdf", "isv.pdf"), ("md", "isv.txt"), (None, "isv.md")])
def test_format_from_option_or_file_name(
    cli: Cli, tender: str, out: Path, fmt: str | None, name: str
) -> None:
    target = out / name
    options = ["--format", fmt] if fmt else []
    result = cli("--lang", "en", "clauses", "--tender", tender, "-o", str(target), *options)
    assert result.status == 0, result.err
    data = target.read_bytes()
    if fmt == "pdf":
        from pypdf import PdfReader

        assert "Contract clauses" in PdfReader(io.BytesIO(data)).pages[0].extract_text()
    else:
        assert "Compliance statement" in markdown_text(data)


def test_one_text_alone(cli: Cli, tender: str, out: Path) -> None:
    target = out / "statement.md"
    result = cli("clauses", "--tender", tender, "--text", "statement", "-o", str(target))
    assert result.status == 0, result.err
    text = markdown_text(target.read_bytes())
    assert "Conformiteitsverklaring" in text and "Artikel 1" not in text


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("--penalty", "-100"), "boete"),
        (("--penalty", "veel"), "boete"),
        (("--plan-months", "0"), "plan-months"),
        (("--plan-months", "drie"), "plan-months"),
        (("--report-month", "13"), "report-month"),
        (("--independent-check", "misschien"), "independent-check"),
        (("--contact-role", "  "), "contact-role"),
        (("--award-method", "punten"), "award-method"),
        (
            (
                "--text",
                "statement",
                "--tender",
                "T-AWARD",
                "--award-method",
                "0-10",
                "--award-subject",
                "plan",
                "--award-assessor",
                "commissie",
            ),
            "conformiteitsverklaring",
        ),
        (("--text", "gedicht"), "gedicht"),
        (
            ("--tender", "T-AWARD", "--award-method", "0-10", "--award-subject", "plan"),
            "award-assessor",
        ),
        (("--tender", "ONBEKEND"), "ONBEKEND"),
        (("--generated-on", "2026-13-01"), "--generated-on"),
    ],
)
def test_a_bad_parameter_gives_one_sentence_and_no_file(
    cli: Cli, tender: str, out: Path, args: tuple[str, ...], named: str
) -> None:
    target = out / "isv.docx"
    arguments = ["clauses", "--tender", tender, "-o", str(target), *args]
    result = cli(*arguments)
    assert result.status == 1
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert named.lower() in lines[0].lower()
    assert "Traceback" not in result.err
    assert list(out.iterdir()) == []


def test_an_existing_file_is_untouched_on_failure(cli: Cli, tender: str, out: Path) -> None:
    target = out / "isv.pdf"
    target.write_bytes(b"earlier version")
    result = cli("clauses", "--tender", tender, "-o", str(target), "--penalty", "0")
    assert result.status == 1
    assert target.read_bytes() == b"earlier version"


def test_english_error_sentence(cli: Cli, tender: str, out: Path) -> None:
    result = cli(
        "--lang",
        "en",
        "clauses",
        "--tender",
        tender,
        "-o",
        str(out / "x.md"),
        "--plan-months",
        "30",
    )
    assert result.status == 1
    assert result.err.strip() == (
        "The period for the plan of action (plan-months) must be 1 to 24 months (found: 30)."
    )
