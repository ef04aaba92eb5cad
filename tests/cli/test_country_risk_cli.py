"""``country-risk import``: every problem named by row and column, nothing imported."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

Cli = Callable[..., object]


def test_refused_table_names_every_problem(cli: Cli, tmp_path: Path) -> None:
    table = tmp_path / "landen.csv"
    table.write_text(
        "country,score,source,year\nCN,4,ITUC,2025\nAtlantis,3,ITUC,2025\nIN,veel,ITUC,2025\n",
        encoding="utf-8",
    )
    result = cli("country-risk", "import", str(table), "--json")
    assert result.status == 1
    errors = json.loads(result.out)["errors"]
    assert [(e["row"], e["column"]) for e in errors] == [(3, "country"), (4, "score")]
    text = cli("country-risk", "import", str(table))
    assert "rij 3" in text.err and "rij 4" in text.err and "Traceback" not in text.err
    good = tmp_path / "goed.csv"
    good.write_text("country,score,source,year\nBangladesh,5,ITUC,2025\n", encoding="utf-8")
    imported = cli("country-risk", "import", str(good), "--json")
    assert imported.status == 0, imported.err
    assert json.loads(imported.out)["rows"] == 1
    assert cli("verify").status == 0
    said = cli("country-risk", "import", str(good))
    assert said.status == 0 and "goed.csv: 1 rij;" in said.out
    assert "de 1 rij van de vorige tabel is vervangen" in said.out
    english = cli("--lang", "en", "country-risk", "import", str(good))
    assert "read from goed.csv: 1 row; the previous table's 1 row was replaced" in english.out
