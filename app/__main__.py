"""Composition root: ``python -m app`` and the ``isv-assistent`` script."""

from __future__ import annotations

import itertools
import sys


def main() -> None:
    try:
        from app.cli import main as cli_main

        status = cli_main()
    except ModuleNotFoundError as exc:
        # A library the application depends on is not installed (an environment made
        # before the dependency was added): one sentence, not a traceback.
        missing = (exc.name or "").split(".")[0]
        if not missing or missing == "app":
            raise
        print(missing_dependency_sentence(missing, sys.argv[1:]), file=sys.stderr)
        status = 2
    sys.exit(status)


def missing_dependency_sentence(missing: str, argv: list[str]) -> str:
    """The sentence for a missing library, in the language the arguments ask for (the
    saved setting may be exactly what cannot be read without it)."""
    from app import locator

    lang = "en" if "--lang=en" in argv or _follows(argv, "--lang", "en") else "nl"
    return locator.catalog().text("dependency_missing", lang, module=missing)


def _follows(argv: list[str], option: str, value: str) -> bool:
    return any(a == option and b == value for a, b in itertools.pairwise(argv))


if __name__ == "__main__":
    main()
