"""What a command handler gets: its arguments, the language, output helpers, a context."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import locator
from app.domain.errors import ImplausibleError, IsvError, UsageError, ValidationError

if TYPE_CHECKING:  # the database layer loads on first use: the window path opens fast
    from app.services.context import Context


class Invocation:
    """One run of a command: its parsed arguments, language and log file."""

    def __init__(self, args: argparse.Namespace, lang: str, log_path: str) -> None:
        self.args = args
        self.lang = lang
        self.log_path = log_path
        self._context: Context | None = None

    def text(self, code: str, **params: Any) -> str:
        return locator.catalog().text(code, self.lang, **params)

    def context(self) -> Context:
        """The open database (created or upgraded on first use)."""
        if self._context is None:
            from app.services.context import open_context

            self._context = open_context(self.args.db, self.lang)
        return self._context

    def close(self) -> None:
        if self._context is not None:
            self._context.db.dispose()

    def say(self, line: str) -> None:
        sys.stdout.write(line + "\n")

    def error_line(self, line: str) -> None:
        sys.stderr.write(line + "\n")

    def fail(self, exc: IsvError) -> None:
        if isinstance(exc, ImplausibleError):  # name each warning, then the way on
            texts = [self.text(code, **params) for code, params in exc.warnings]
            self.error_line(" ".join([*texts, self.text("accept_warning_hint")]))
            return
        self.error_line(locator.catalog().error(exc, self.lang))

    def emit_json(self, data: Any) -> None:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=_json_default))
        sys.stdout.write("\n")


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def parse_date(text: str, field_name: str) -> dt.date:
    from app.domain.calendar import parse_typed_date

    try:
        return parse_typed_date(text)
    except ValueError:
        raise ValidationError("invalid_date", value=text, field=field_name) from None


def output_path(text: str) -> Path:
    """A file to write: its folder must exist."""
    path = Path(text).expanduser()
    if not path.parent.resolve().is_dir():
        raise UsageError("file_not_writable", path=str(path), problem="the folder does not exist")
    return path


def input_path(text: str) -> Path:
    path = Path(text).expanduser()
    if not path.is_file():
        raise UsageError("file_not_found", path=str(path))
    return path
