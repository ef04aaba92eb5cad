"""The one way to find the application's own data: reference files, templates, migrations.

In a checkout the folders ``resources/``, ``templates/`` and ``db/`` sit beside ``app/``;
in an installed wheel they are the packages ``app.resources``, ``app.templates`` and
``app.db``, folders inside ``app/``. Either way, callers get a real ``Path``.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # each is loaded by the first call that needs it: a command that only
    # prints a message needs no reference data
    from app.domain.countries import CountryTable
    from app.domain.messages import Catalog
    from app.domain.reference import Reference

_PACKAGE = Path(__file__).resolve().parent


def _folder(name: str) -> Path:
    """``app/<name>`` in an installed wheel, else ``<name>`` beside ``app`` (a checkout,
    an editable install, the bundle). Both are plain folders on disk."""
    installed = _PACKAGE / name
    return installed if installed.is_dir() else _PACKAGE.parent / name


def resources_dir() -> Path:
    return _folder("resources")


def templates_dir() -> Path:
    return _folder("templates")


def migrations_dir() -> Path:
    return _folder("db")


def resource_text(name: str) -> str:
    return (resources_dir() / name).read_text(encoding="utf-8")


@functools.cache
def reference() -> Reference:
    """The reference data with the user's threshold extension and set dates applied."""
    from app import settings  # settings read files only; no cycle with domain
    from app.domain.reference import load_reference

    current = settings.load()
    extra = settings.threshold_extension()
    return load_reference(
        resource_text,
        extra_thresholds=extra,
        set_valid_from=current.category_set_valid_from,
        isv_start=current.isv_start,
        initiative_years=current.initiative_years,
    )


@functools.cache
def catalog() -> Catalog:
    from app.domain.messages import Catalog

    folder = resources_dir() / "messages"
    files = sorted(folder.glob("*.json"))
    return Catalog.from_json_files((p.name, p.read_text(encoding="utf-8")) for p in files)


@functools.cache
def countries() -> CountryTable:
    from app.domain.countries import CountryTable

    return CountryTable.from_json(resource_text("countries.json"))


def message(code: str, lang: str = "nl", **params: object) -> str:
    return catalog().text(code, lang, **params)


def resource_json(name: str) -> object:
    return json.loads(resource_text(name))


def reset_caches() -> None:
    """Forget loaded data (tests and the settings dialog call this after a change)."""
    reference.cache_clear()
    catalog.cache_clear()
    countries.cache_clear()
