"""Where the application keeps its files, per platform (the platform faked), and the one
place where a platform's file system behaves differently (a folder's fsync)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app import settings
from app.persistence import attachments

XDG = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")


@pytest.fixture
def no_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No ``ISV_ASSISTENT_HOME``, no XDG variables, and a home folder of our own."""
    monkeypatch.delenv("ISV_ASSISTENT_HOME", raising=False)
    for name in XDG:
        monkeypatch.delenv(name, raising=False)
    user = tmp_path / "user"
    monkeypatch.setenv("HOME", str(user))
    return user


def test_linux_uses_the_xdg_defaults(no_home: Path) -> None:
    folders = settings.platform_folders("linux")
    assert folders == {
        "data": no_home / ".local" / "share" / "isv-assistent",
        "config": no_home / ".config" / "isv-assistent",
        "state": no_home / ".local" / "state" / "isv-assistent",
        "logs": no_home / ".local" / "state" / "isv-assistent" / "log",
    }


def test_linux_follows_the_xdg_variables(
    no_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "d"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "c"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "s"))
    folders = settings.platform_folders("linux")
    assert folders["data"] == tmp_path / "d" / "isv-assistent"
    assert folders["config"] == tmp_path / "c" / "isv-assistent"
    assert folders["state"] == tmp_path / "s" / "isv-assistent"
    assert folders["logs"] == tmp_path / "s" / "isv-assistent" / "log"


def test_windows_keeps_data_local_and_settings_roaming(
    no_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # platformdirs' documented override of the shell's known folders, so the
    # Windows branch runs here without the Windows shell.
    local = "C:\\Users\\inkoper\\AppData\\Local"
    roaming = "C:\\Users\\inkoper\\AppData\\Roaming"
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", local)
    monkeypatch.setenv("WIN_PD_OVERRIDE_APPDATA", roaming)
    folders = settings.platform_folders("win32")
    assert folders["data"] == Path(local, "isv-assistent")  # no author folder doubled
    assert folders["config"] == Path(roaming, "isv-assistent")
    assert folders["state"] == Path(local, "isv-assistent")
    assert folders["logs"] == Path(local, "isv-assistent", "Logs")


def test_macos_uses_application_support_and_library_logs(no_home: Path) -> None:
    support = no_home / "Library" / "Application Support" / "isv-assistent"
    assert settings.platform_folders("darwin") == {
        "data": support,
        "config": support,
        "state": support,
        "logs": no_home / "Library" / "Logs" / "isv-assistent",
    }


def test_the_folders_follow_the_running_platform(no_home: Path) -> None:
    import sys

    folders = settings.platform_folders(sys.platform)
    assert settings.data_dir() == folders["data"]
    assert settings.config_dir() == folders["config"]
    assert settings.log_dir() == folders["logs"]
    assert settings.settings_path() == folders["config"] / "settings.json"
    assert settings.default_database() == str(folders["data"] / "isv-assistent.sqlite")


@pytest.mark.parametrize("platform", ["linux", "win32", "darwin"])
def test_isv_assistent_home_moves_every_folder(
    platform: str, no_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "elders"
    monkeypatch.setenv("ISV_ASSISTENT_HOME", str(home))
    folders = settings.platform_folders(platform)
    assert folders == {
        "data": home / "data",
        "config": home / "config",
        "state": home / "state",
        "logs": home / "state" / "logs",
    }
    assert settings.default_database() == str(home / "data" / "isv-assistent.sqlite")
    settings.save(settings.Settings(user_name="T. Inkoper"))
    assert (home / "config" / "settings.json").is_file()
    assert settings.load().user_name == "T. Inkoper"


def test_folder_fsync_on_posix_syncs_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if os.name != "posix":
        pytest.skip("a folder opens as a file on POSIX only")
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(fd) or real_fsync(fd))
    attachments._fsync_dir(tmp_path, "posix")
    assert len(synced) == 1


def test_folder_fsync_on_windows_opens_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object) -> int:
        raise PermissionError("Windows cannot open a folder as a file")

    monkeypatch.setattr(os, "open", refuse)
    attachments._fsync_dir(tmp_path, "nt")  # returns without touching the folder
