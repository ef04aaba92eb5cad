"""The command line's help and argparse's own sentences follow --lang and the saved
language setting, like its messages."""

from __future__ import annotations

import contextlib
import io
import re

import pytest

from app import settings

ENGLISH_ARGPARSE = ("usage:", "options:", "show this help message", "positional arguments")


def run(*args: str) -> tuple[int, str, str]:
    from app.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(args))
    return status, out.getvalue(), err.getvalue()


def choices(help_text: str) -> list[str]:
    """The commands a help page lists (argparse's ``{a,b,c}``)."""
    found = re.search(r"^\s+\{([a-z,-]+)\}$", help_text, re.MULTILINE)
    return found.group(1).split(",") if found else []


def every_help_page(*lang: str) -> dict[str, str]:
    pages = {}
    status, top, _err = run(*lang, "--help")
    assert status == 0
    pages[""] = top
    for command in choices(top):
        status, text, _err = run(*lang, command, "--help")
        assert status == 0, command
        pages[command] = text
        for action in choices(text):
            status, sub, _err = run(*lang, command, action, "--help")
            assert status == 0, (command, action)
            pages[f"{command} {action}"] = sub
    return pages


def test_every_help_page_is_dutch_by_default() -> None:
    from app.cli import _Parser

    _Parser.missing_help.clear()
    pages = every_help_page()
    assert {"", "tender", "tender add", "check", "import", "report"} <= set(pages)
    for name, text in pages.items():
        assert text.startswith("gebruik: isv-assistent"), name
        assert "deze hulp tonen en stoppen" in text, name
        for english in ENGLISH_ARGPARSE:
            assert english not in text, (name, english)
    assert "een aanbesteding registreren" in pages["tender add"]
    assert "geraamde waarde excl. btw" in pages["tender add"]
    assert not _Parser.missing_help, f"help without a Dutch text: {sorted(_Parser.missing_help)}"


def test_help_follows_lang_and_the_saved_setting() -> None:
    _status, english, _err = run("--lang", "en", "tender", "add", "--help")
    assert english.startswith("usage: isv-assistent tender add")
    assert "register a tender" in english and "deze hulp" not in english
    current = settings.load()
    current.language = "en"
    settings.save(current)
    _status, saved, _err = run("tender", "add", "--help")
    assert saved == english
    _status, dutch, _err = run("--lang", "nl", "tender", "add", "--help")
    assert dutch.startswith("gebruik:")


@pytest.mark.parametrize(
    ("args", "dutch"),
    [
        (["tender", "add", "--ref", "x"], "deze argumenten ontbreken: --title"),
        (["frobnicate"], "‘frobnicate’ is geen opdracht; kies uit backup,"),
        (["tender", "add", "--isv", "x"], "bij --isv is ‘x’ geen keuze; kies uit applied"),
        (["categories", "--bogus"], "onbekende argumenten: --bogus"),
        (["check", "--date"], "bij --date hoort één waarde"),
    ],
)
def test_argparse_sentences_in_dutch(args: list[str], dutch: str) -> None:
    status, out, err = run(*args)
    assert status == 2 and out == ""
    assert err.startswith("Onjuist gebruik: ") and dutch in err, err
    assert err.count("\n") == 1
    assert "the following" not in err and "invalid choice" not in err
