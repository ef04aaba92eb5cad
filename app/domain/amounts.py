"""Amounts in euros as a person types them: one reading or a refusal, for the command
line and the window alike (a module of its own, so a command that reads one amount loads
no record classes)."""

from __future__ import annotations

from decimal import Decimal

from app.domain.errors import ValidationError
from app.domain.formatting import conventions, format_number

# How an amount is typed: the command line's plain notation (no language), or the
# window's in the user's language (its decimal mark, its thousands mark between groups of
# three digits). ``(decimal mark, thousands mark, an example)``.
_PLAIN_NOTATION = (".", None, "250000.50")
_AMOUNT_SPACES = str.maketrans("", "", " \u00a0\u202f_")
AMOUNT_LIMIT = Decimal(10**12)
"""Every amount is below a thousand billion euros: far above any public contract, and
far below what a stored amount in cents can hold (a larger one could not be written)."""


def parse_amount(text: str, field: str, lang: str | None = None) -> Decimal:
    """An amount in euros typed as text, refused unless it reads one way only.

    ``lang=None`` is the command line's plain notation: ``250000`` or ``250000.50`` (a
    point before at most two decimals). With a language it is the window's: Dutch
    ``250.000`` and ``250.000,50``, English ``250,000`` and ``250,000.50`` (the
    language's decimal mark; its thousands mark only between groups of three digits).
    Everywhere ``250000`` is the same; spaces and underscores between digits and a euro
    sign before or after are ignored. More than two decimals is refused, so ``250.000``
    is never read as 250: it is 250000 in the Dutch window and refused on the command
    line and in English.

    Raises :class:`ValidationError` ``invalid_amount``, ``negative_amount`` or
    ``amount_too_large`` (not below :data:`AMOUNT_LIMIT`) naming the value and the
    ``field`` it was typed in.
    """
    decimal_mark, thousands, example = _notation(lang)
    cleaned = text.translate(_AMOUNT_SPACES).strip("€")
    negative = cleaned.startswith("-")
    digits = cleaned[1:] if negative else cleaned
    whole, mark, cents = digits.partition(decimal_mark)
    groups = whole.split(thousands) if thousands else [whole]
    readable = (
        all(group.isascii() and group.isdigit() for group in groups)
        and (len(groups) == 1 or (len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])))
        and (not mark or (cents.isascii() and cents.isdigit() and len(cents) <= 2))
    )
    if not readable:
        raise ValidationError("invalid_amount", value=text, field=field, example=example)
    if negative:
        raise ValidationError("negative_amount", value=text, field=field)
    amount = Decimal("".join(groups) + ("." + cents if mark else ""))
    if amount >= AMOUNT_LIMIT:
        raise ValidationError("amount_too_large", value=text, field=field, limit=AMOUNT_LIMIT)
    return amount


def _notation(lang: str | None) -> tuple[str, str | None, str]:
    if lang is None:
        return _PLAIN_NOTATION
    marks = conventions(lang)
    return marks.decimal_mark, marks.thousands, format_number(Decimal("250000.50"), lang, 2)
