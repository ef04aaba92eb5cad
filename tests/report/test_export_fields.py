"""Merging refuses an export holding any value outside its field's domain, even with a
recomputed checksum, and any JSON no export holds (numbers beyond range, duplicate keys,
nesting, size): exit 2 with one sentence naming the file, never "unexpected"."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from report.test_merge import export, refused, rewrite


def _set(kind: str, field: str, value: Any, index: int = 0) -> Any:
    def change(body: dict[str, Any]) -> None:
        body["records"][kind][index][field] = value

    return change


def _risk_theme(body: dict[str, Any]) -> None:
    submission = next(s for s in body["records"]["submissions"] if s["risks"])
    submission["risks"][0]["theme"] = "telepathy"


def _version(value: Any) -> Any:
    def change(body: dict[str, Any]) -> None:
        body["format_version"] = value

    return change


CASES = {
    "negative-amount": _set("tenders", "value_cents", -100),
    "unknown-category": _set("tenders", "category_code", "bananen"),
    "unknown-verdict": _set("tenders", "verdict", "maybe"),
    "unknown-kind": _set("tenders", "kind", "gifts"),
    "unknown-form": _set("tenders", "form", "handshake"),
    "report-month-13": _set("contracts", "report_month", 13),
    "country-lowercase": _set("contracts", "supplier_country", "nl"),
    "unknown-risk-theme": _risk_theme,
    "noncharacter-title": _set("tenders", "title", "Kleding \ufffe"),
    "format-version-true": _version(True),
    "number-beyond-range": _set("tenders", "value_cents", 10**30),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_an_invalid_field_is_refused_despite_its_checksum(
    case: str, year_db: Any, cli: Any, db_location: str, tmp_path: Path
) -> None:
    path = export(cli, db_location, tmp_path / "export.json")
    sentence = refused(cli, db_location, rewrite(path, CASES[case], fix_checksum=True))
    assert "onverwacht" not in sentence


def test_json_no_export_holds_is_refused(
    year_db: Any, cli: Any, db_location: str, tmp_path: Path, monkeypatch: Any
) -> None:
    from app.io.year_export import FORMAT_VERSION

    path = export(cli, db_location, tmp_path / "export.json")
    text = path.read_text("utf-8")
    version = f'"format_version":{FORMAT_VERSION}'
    assert version in text
    files = {
        "float.json": text.replace(version, f"{version}.0"),
        "digits.json": text.replace(version, '"format_version":' + "9" * 5000),
        "twice.json": text.replace(version, f"{version},{version}"),
        "deep.json": "[" * 100_000 + "]" * 100_000,
        "nan.json": text.replace(version, '"format_version":NaN'),
    }
    for name, content in files.items():
        target = tmp_path / name
        target.write_text(content, encoding="utf-8")
        said = refused(cli, db_location, target)
        assert "onverwacht" not in said, name
        if name == "twice.json":  # named in Dutch, not "the key … appears twice"
            assert "‘format_version’ twee keer" in said and "appears" not in said, said
    import app.io.year_export as module

    monkeypatch.setattr(module, "MAX_EXPORT_BYTES", 1000)
    assert "onverwacht" not in refused(cli, db_location, path)
    assert json.loads(text)["format_version"] == FORMAT_VERSION
