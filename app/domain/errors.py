"""Typed errors of the core: a code and parameters; words come from the message catalog.

The command line maps the class to its exit status (spec/cli.md); the window shows the
sentence. Nothing here knows a language.
"""

from __future__ import annotations

from typing import Any


class IsvError(Exception):
    """Base of every expected error. ``code`` keys the message catalog."""

    exit_status = 1

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params

    def __str__(self) -> str:  # a readable fallback for logs; users see the catalog text
        args = ", ".join(f"{k}={v!r}" for k, v in self.params.items())
        return f"{self.code}({args})"


class ValidationError(IsvError):
    """Input was read but does not pass (exit status 1)."""


class NotFoundError(ValidationError):
    """A reference names nothing that exists (exit status 1)."""


class ConflictError(ValidationError):
    """Someone else changed the record since it was read (exit status 1)."""


class UsageError(IsvError):
    """Wrong usage, or a file that cannot be read as what it should be (exit status 2)."""

    exit_status = 2


class StorageError(IsvError):
    """The database or the attachment folder cannot be opened or written (exit status 3)."""

    exit_status = 3


class ReferenceDataError(IsvError):
    """A reference data file is broken; names the file and the field."""

    exit_status = 3


class CancelledError(IsvError):
    """The user cancelled long work; nothing was changed (exit status 1)."""

    def __init__(self) -> None:
        super().__init__("cancelled")


class ImplausibleError(ValidationError):
    """Input that is possible but unlikely (a contract starting before its tender was
    published, …): refused unless the user accepts the warnings with a reason.

    ``warnings`` holds each warning as ``(code, params)`` for the message catalog; the
    command line names them and points to ``--accept-warning``, the window asks."""

    def __init__(self, warnings: tuple[tuple[str, dict[str, Any]], ...]) -> None:
        super().__init__("accept_warning_needed", count=len(warnings))
        self.warnings = warnings
