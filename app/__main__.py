"""Composition root: ``python -m app`` and the ``isv-assistent`` script."""

from __future__ import annotations

import sys

from app.cli import main as cli_main


def main() -> None:
    sys.exit(cli_main())


if __name__ == "__main__":
    main()
