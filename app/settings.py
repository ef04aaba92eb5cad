"""User preferences and paths, readable without Qt (the command line needs them too).

Preferences live in ``settings.json`` in the configuration folder; window geometry and
table layouts are the window's own business (QSettings in ``app.ui``). Every folder can
be moved with one environment variable, ``ISV_ASSISTENT_HOME``, which tests use.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from platformdirs.api import PlatformDirsABC

APP_NAME = "isv-assistent"


def platform_folders(platform: str = sys.platform) -> dict[str, Path]:
    """The data, config, state and log folders for ``platform``, the one place they differ.

    Through platformdirs (not Qt, so the command line computes the same folders as the
    window, in a wheel and in the bundle): Windows keeps data, state and logs under
    ``%LOCALAPPDATA%`` and the settings under ``%APPDATA%`` (they roam with the user);
    macOS keeps them under ``~/Library/Application Support`` and the logs under
    ``~/Library/Logs``; elsewhere the XDG folders. ``ISV_ASSISTENT_HOME`` moves them all.
    """
    home = os.environ.get("ISV_ASSISTENT_HOME")
    if home:
        root = Path(home)
        return {
            "data": root / "data",
            "config": root / "config",
            "state": root / "state",
            "logs": root / "state" / "logs",
        }
    kind: type[PlatformDirsABC]
    if platform == "win32":
        from platformdirs.windows import Windows as kind
    elif platform == "darwin":
        from platformdirs.macos import MacOS as kind
    else:
        from platformdirs.unix import Unix as kind
    local = kind(APP_NAME, appauthor=False, roaming=False)
    roaming = kind(APP_NAME, appauthor=False, roaming=True)
    return {
        "data": Path(local.user_data_dir),
        "config": Path(roaming.user_config_dir),
        "state": Path(local.user_state_dir),
        "logs": Path(local.user_log_dir),
    }


def data_dir() -> Path:
    return platform_folders()["data"]


def config_dir() -> Path:
    return platform_folders()["config"]


def log_dir() -> Path:
    return platform_folders()["logs"]


def ensure_folders() -> None:
    """Create the data, config and state folders (first use; harmless after)."""
    folders = platform_folders()
    for key in ("data", "config", "state"):
        folders[key].mkdir(parents=True, exist_ok=True)


def settings_path() -> Path:
    return config_dir() / "settings.json"


class Settings:
    """The user's preferences, each with its default. A plain class, not a dataclass:
    every command reads it first, and defining a dataclass costs a short command a large
    part of its start (``tests/test_start_paths.py``)."""

    def __init__(
        self,
        *,
        language: str = "nl",
        user_name: str = "",
        database: str = "",
        backup_dir: str = "",
        attachments_dir: str = "",  # for a server database: the shared folder
        backups_kept: int = 10,
        category_set_valid_from: dict[str, dt.date] | None = None,
        isv_start: dt.date | None = None,  # None: the default of thresholds.json
        ocid_prefix: str = "",  # the organisation's registered OCDS prefix; "": the default
        # The contracting party of the ISV texts: "De Staat der Nederlanden, vertegenwoordigd
        # door de Minister van <party_minister>", and the mandate line under it.
        party_minister: str = "",
        party_mandate: str = "",
        # The years an initiative was active where the reference data could not confirm
        # them (the IMVO covenants): {initiative id: (first year or None, last or None)}.
        initiative_years: dict[str, tuple[int | None, int | None]] | None = None,
    ) -> None:
        self.language = language
        self.user_name = user_name
        self.database = database
        self.backup_dir = backup_dir
        self.attachments_dir = attachments_dir
        self.backups_kept = backups_kept
        self.category_set_valid_from = dict(category_set_valid_from or {})
        self.isv_start = isv_start
        self.ocid_prefix = ocid_prefix
        self.party_minister = party_minister
        self.party_mandate = party_mandate
        self.initiative_years = dict(initiative_years or {})


def load() -> Settings:
    path = settings_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    result = Settings()
    for key in (
        "language",
        "user_name",
        "database",
        "backup_dir",
        "attachments_dir",
        "ocid_prefix",
        "party_minister",
        "party_mandate",
    ):
        if isinstance(raw.get(key), str):
            setattr(result, key, raw[key])
    if result.language not in ("nl", "en"):
        result.language = "nl"
    if isinstance(raw.get("backups_kept"), int) and raw["backups_kept"] > 0:
        result.backups_kept = raw["backups_kept"]
    dates = raw.get("category_set_valid_from")
    if isinstance(dates, dict):
        for set_id, text in dates.items():
            try:
                result.category_set_valid_from[set_id] = dt.date.fromisoformat(text)
            except (TypeError, ValueError):
                continue
    try:
        result.isv_start = dt.date.fromisoformat(raw["isv_start"])
    except (KeyError, TypeError, ValueError):
        result.isv_start = None
    result.initiative_years = _initiative_years(raw.get("initiative_years"))
    return result


def _year(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _initiative_years(raw: object) -> dict[str, tuple[int | None, int | None]]:
    """``{"IMVO covenant forestry": {"from": 2017, "to": 2026}}`` as kept in the file;
    an entry that is not of that shape is left out (the data's own years then apply)."""
    if not isinstance(raw, dict):
        return {}
    result: dict[str, tuple[int | None, int | None]] = {}
    for name, years in raw.items():
        if isinstance(years, dict):
            result[str(name)] = (_year(years.get("from")), _year(years.get("to")))
    return result


DEFAULT_OCID_PREFIX = "isv-assistent-"
"""The OCID prefix of an export while the organisation has not set its own registered one
(registered prefixes, "ocds-" and six characters, are handed out by the Open Contracting
Partnership; this one is deliberately not of that form, so it cannot clash with one)."""


def ocid_prefix(settings: Settings | None = None) -> str:
    return (settings or load()).ocid_prefix.strip() or DEFAULT_OCID_PREFIX


def save(settings: Settings) -> None:
    """Write atomically: a crash leaves the old file or the new one, never half of one."""
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = dict(vars(settings))
    data["category_set_valid_from"] = {
        k: v.isoformat() for k, v in settings.category_set_valid_from.items()
    }
    data["isv_start"] = settings.isv_start.isoformat() if settings.isv_start else None
    data["initiative_years"] = {
        name: {"from": first, "to": last}
        for name, (first, last) in settings.initiative_years.items()
    }
    import tempfile  # only when saving: it loads shutil and the compression modules

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".settings-")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=2)
        handle.flush()
        os.fsync(handle.fileno())
    Path(tmp).replace(path)


def threshold_extension() -> tuple[str, str] | None:
    """The user's ``thresholds.json`` extension in the data folder, if there is one."""
    path = data_dir() / "thresholds.json"
    if path.is_file():
        return str(path), path.read_text(encoding="utf-8")
    return None


def actor(settings: Settings | None = None) -> str:
    """Who is acting, for the audit trail: the configured name, else the OS user."""
    name = (settings or load()).user_name.strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "onbekend"


def default_database() -> str:
    env = os.environ.get("ISV_ASSISTENT_DB")
    if env:
        return env
    configured = load().database
    if configured:
        return configured
    return str(data_dir() / "isv-assistent.sqlite")
