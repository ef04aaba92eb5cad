"""First start on an empty home, and the next starts: the window makes its folders and
the default database, remembers the database it had open (and a recent list), names a
remembered database that is gone, and its first size fits the screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def start(qtbot: Any, language: Any) -> Callable[..., Any]:
    """Start a window as ``isv-assistent`` does (optionally with ``--db``)."""
    from app.ui.main_window import MainWindow
    from app.ui.tasks import Tasks

    def make(db_location: str | None = None) -> Any:
        win = MainWindow(
            db_location=db_location, language=language, tasks=Tasks(inline=True), offer_demo=False
        )
        qtbot.addWidget(win)
        win.show()
        win.open_database()
        return win

    return make


def close(win: Any) -> None:
    win.close()
    assert win.ctx is None or win.ctx.db.engine is not None


def test_first_start_makes_the_folders_and_the_default_database(
    start: Callable[..., Any], isolated_home: Path
) -> None:
    from app import settings

    assert not (isolated_home / "data").exists()
    win = start()
    assert win.ctx is not None, win.loading_label.text()
    default = Path(settings.default_database())
    assert default == isolated_home / "data" / "isv-assistent.sqlite"
    assert default.is_file()
    assert Path(win.ctx.db.location) == default
    for folder in ("data", "config", "state"):
        assert (isolated_home / folder).is_dir()
    close(win)


def test_the_last_database_opens_again_and_is_in_the_recent_list(
    start: Callable[..., Any], tmp_path: Path
) -> None:
    first = start()
    other = tmp_path / "ander.sqlite"
    first.open_database(str(other))
    assert first.ctx.db.location == str(other)
    recent = [a.text() for a in first.recent_menu.actions()]
    assert recent[0] == f"&1 {other}"
    assert len(recent) == 2  # the default one, opened first, is second
    close(first)

    second = start()  # no --db: the database of last time
    assert second.ctx is not None
    assert second.ctx.db.location == str(other)
    second.recent_menu.actions()[1].trigger()
    assert second.ctx.db.location.endswith("isv-assistent.sqlite")
    close(second)


def test_a_remembered_database_that_is_gone_is_named_with_a_way_out(
    start: Callable[..., Any], tmp_path: Path
) -> None:
    gone = tmp_path / "weg.sqlite"
    first = start(str(gone))
    close(first)
    for path in tmp_path.glob("weg.sqlite*"):
        path.unlink()

    second = start()
    assert second.ctx is None
    text = second.loading_label.text()
    assert f"De database {gone} is er niet meer" in text
    assert "Kies een andere database" in text
    assert not gone.exists()  # not quietly made again, empty
    assert second.choose_button.isVisible() and second.new_button.isVisible()
    assert second.menu_actions["open-db"].isEnabled()
    second.open_database(str(tmp_path / "nieuw.sqlite"))
    assert second.ctx is not None
    assert not second.loading_buttons.isVisible()
    close(second)


def test_the_first_window_fits_the_available_screen(start: Callable[..., Any]) -> None:
    win = start()
    area = win.screen().availableGeometry()
    assert win.width() <= area.width() and win.height() <= area.height()
    assert area.contains(win.geometry())
    smaller = (win.width(), win.height() - 40)  # within the (small) offscreen screen
    win.resize(*smaller)
    close(win)
    again = start()
    assert (again.width(), again.height()) == smaller
    close(again)
