"""``gui`` (or no command): the desktop window."""

from __future__ import annotations

import argparse

from app.cli.base import Invocation


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("gui", help="open the desktop window")
    parser.set_defaults(handler=run_gui)


def run_gui(inv: Invocation) -> int:
    try:
        from app.ui.application import run
    except ImportError as exc:
        inv.error_line(
            inv.text(
                "cli_window_cannot_start",
                problem=exc,
                install="sudo apt-get install libegl1 libgl1 libxkbcommon-x11-0 libxcb-cursor0 "
                "libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 "
                "libfontconfig1 libdbus-1-3",
            )
        )
        return 3
    return run(inv.args.db, inv.lang)
