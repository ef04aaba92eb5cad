"""The application's languages, and the one rule for picking a text in one of them.

Texts in several languages are data keyed by language code; code never branches on a
language. :func:`choose` takes the entry for the language asked, or the Dutch one when
there is none (Dutch is the application's first language).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

LANGUAGES = ("nl", "en")
FIRST = "nl"

TAGS = {"nl": "nl-NL", "en": "en-GB"}
"""Each language's tag in documents (PDF, Word): the variant a spelling checker uses."""

T = TypeVar("T")


def choose(lang: str, texts: Mapping[str, T]) -> T:
    """The entry of ``texts`` for ``lang``; the Dutch one for a language it lacks."""
    return texts[lang] if lang in texts else texts[FIRST]


def known(lang: str | None) -> str:
    """``lang`` when the application speaks it, else Dutch."""
    return lang if lang in LANGUAGES else FIRST
