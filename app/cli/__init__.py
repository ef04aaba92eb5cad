"""The command line (spec/cli.md): global options, then one command.

Each command lives in ``app/cli/commands/<name>.py`` with a ``register(subparsers)``
function that adds its parser and sets ``handler``; commands are found by listing that
package, so a new command is a new file. Errors become one sentence on standard error
in ``--lang``; tracebacks go to the log file only.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar, NoReturn

from app import __version__, settings

log = logging.getLogger("app")


# argparse's own sentences (Python 3.11 to 3.13), as patterns with the catalogue code
# that says them in the user's language; anything else is shown as argparse wrote it
_ARGPARSE_SENTENCES = (
    (r"the following arguments are required: (?P<args>.+)", "cli_args_required"),
    (r"unrecognized arguments: (?P<args>.+)", "cli_args_unrecognized"),
    (r"one of the arguments (?P<args>.+) is required", "cli_one_of_required"),
    (r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)", "cli_ambiguous"),
    (
        r"argument (?P<arg>\S+): invalid choice: (?P<value>.+?) "
        r"\(choose from (?P<choices>.+)\)",
        "cli_invalid_choice",
    ),
    (r"argument (?P<arg>\S+): expected one argument", "cli_expected_one"),
    (r"argument (?P<arg>\S+): expected at least one argument", "cli_expected_some"),
    (r"argument (?P<arg>\S+): expected at most one argument", "cli_expected_at_most_one"),
    (
        r"argument (?P<arg>\S+): not allowed with argument (?P<other>\S+)",
        "cli_not_allowed_with",
    ),
    (r"argument (?P<arg>\S+): invalid \S+ value: (?P<value>.+)", "cli_invalid_value"),
    (r"argument (?P<arg>\S+): ignored explicit argument (?P<value>.+)", "cli_ignored_value"),
)
_HEADINGS = {
    "positional arguments": "cli_heading_positional",
    "options": "cli_heading_options",
    "optional arguments": "cli_heading_options",
}


def _say(code: str, **params: str) -> str:
    from app import locator

    return locator.catalog().text(code, _Parser.lang, **params)


def _help(key: str, given: str) -> str:
    """The help text of ``key`` (``cli_help:<command path> <option>``) in the user's
    language; the English written beside the option when the catalogue has none (and
    the key is noted, so a test finds it)."""
    from app import locator

    catalog = locator.catalog()
    if catalog.has(key):
        return catalog.text(key, _Parser.lang)
    _Parser.missing_help.add(key)
    return given


def _help_key(path: str, name: str) -> str:
    return "cli_help:" + " ".join(part for part in (path, name) if part)


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, with its headings and "usage:" in the user's language."""

    def start_section(self, heading: str | None) -> None:
        code = _HEADINGS.get(heading or "")
        super().start_section(_say(code) if code else heading)

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        if prefix is None:  # argparse passes "" when it works out a command's name
            prefix = _say("cli_usage") + " "
        super().add_usage(usage, actions, groups, prefix)


class _Parser(argparse.ArgumentParser):
    """argparse that speaks the user's language (help, usage, its own sentences) and
    reports wrong usage as one sentence with exit status 2."""

    lang = "nl"
    missing_help: ClassVar[set[str]] = set()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def _path(self) -> str:
        """The command path of this parser: ``tender add`` for ``isv-assistent tender add``."""
        return self.prog.removeprefix("isv-assistent").strip()

    def add_argument(self, *args: Any, **kwargs: Any) -> Any:
        given = kwargs.get("help")
        if isinstance(given, str) and given != argparse.SUPPRESS:
            option = str(args[0] if args else kwargs.get("dest", ""))
            path = "" if option in ("-h", "--version") else self._path()
            kwargs["help"] = _help(_help_key(path, option), given)
        return super().add_argument(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs.setdefault("parser_class", _Parser)
        kwargs.setdefault("title", _say("cli_heading_commands"))
        subparsers = super().add_subparsers(**kwargs)
        add_parser, path = subparsers.add_parser, self._path()

        def add_translated(name: str, **options: Any) -> Any:
            if isinstance(options.get("help"), str):
                options["help"] = _help(_help_key(path, name), options["help"])
                options.setdefault("description", options["help"])
            return add_parser(name, **options)

        subparsers.add_parser = add_translated  # type: ignore[method-assign]
        return subparsers

    def error(self, message: str) -> NoReturn:
        for pattern, code in _ARGPARSE_SENTENCES:
            found = re.fullmatch(pattern, message)
            if found:
                words = {k: v.replace("'", "") for k, v in found.groupdict().items()}
                unknown = code == "cli_invalid_choice" and words["arg"] in ("command", "action")
                message = _say("cli_unknown_command" if unknown else code, **words)
                break
        sys.stderr.write(
            _say("cli_wrong_usage", problem=message, help=f"{self.prog} --help") + "\n"
        )
        raise SystemExit(2)


class _LogFile(logging.Handler):
    """The rotating log file, opened at the first record: most commands log nothing, and
    need neither the folder made nor ``logging.handlers`` loaded."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            import logging.handlers

            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._file = logging.handlers.RotatingFileHandler(
                    self.path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
                )
            except OSError:
                self._file = logging.NullHandler()
            self._file.setFormatter(self.formatter)
        self._file.handle(record)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def _setup_logging() -> str:
    path = settings.log_dir() / "isv-assistent.log"
    handler = _LogFile(path)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if not any(isinstance(h, _LogFile) for h in root.handlers):
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    return str(path)


def _global_parser(described: bool = True) -> argparse.ArgumentParser:
    """The global options. ``described=False`` when no help will be shown (the window's
    start, ``--version``): then no help text, and so no catalogue, is read."""

    def described_as(text: str) -> str | None:
        return text if described else None

    parser = _Parser(
        prog="isv-assistent",
        description=_say("cli_description") if described else None,
        add_help=described,
    )
    parser.add_argument("--db", help=described_as("SQLite file or SQLAlchemy URL"))
    parser.add_argument(
        "--lang", choices=("nl", "en"), help=described_as("language of messages and documents")
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"isv-assistent {__version__}",
        help=described_as("show the version and exit"),
    )
    return parser


def _opens_window(argv: Sequence[str]) -> bool:
    """No command, or ``gui``, after the global options: the window, and nothing else to
    parse (so the command modules, and the libraries they import, are not loaded)."""
    rest = list(argv)
    while rest and rest[0] in ("--db", "--lang") and len(rest) >= 2:
        rest = rest[2:]
    rest = [a for a in rest if not a.startswith(("--db=", "--lang="))]
    return rest in ([], ["gui"])


# Commands registered by a module of another name (all others: the name with - as _).
MODULE_OF = {"import": "import_workbook", "restore": "backup"}


def _command_of(argv: Sequence[str]) -> str | None:
    """The command named in ``argv`` (the first word after the global options)."""
    rest = list(argv)
    while rest:
        word = rest.pop(0)
        if word in ("--db", "--lang"):
            rest = rest[1:]
        elif not word.startswith("-"):
            return word
    return None


def _is_command_module(name: str) -> bool:
    """Whether ``app.cli.commands`` has a module ``name``, looked up without listing the
    package (listing it loads ``inspect``, which a short command does not otherwise need)."""
    import importlib.util

    if not name.isidentifier() or name.startswith("_"):
        return False
    return importlib.util.find_spec(f"app.cli.commands.{name}") is not None


def _command_modules() -> list[str]:
    """Every command module, for ``--help`` and for an unknown command."""
    import pkgutil

    from app.cli import commands

    return sorted(m.name for m in pkgutil.iter_modules(commands.__path__))


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The parser with only the command named in ``argv``: its module alone is imported,
    so a command loads only the layers it uses (``check`` loads no database library).
    ``--help`` without a command, or an unknown command, registers every command."""
    import importlib  # finding the commands: not needed when only the window opens

    helping = bool({"-h", "--help"} & set(argv))
    parser = _global_parser(described=helping)
    command = _command_of(argv)
    if command is None:  # --version, or --help listing every command
        wanted = _command_modules() if helping else []
    else:
        module_name = MODULE_OF.get(command, command.replace("-", "_"))
        known = _is_command_module(module_name)
        wanted = [module_name] if known else _command_modules()
    if not wanted:  # --version (or a wrong option): no command to parse
        parser.set_defaults(command=None)
        return parser
    subparsers = parser.add_subparsers(dest="command")
    for name in wanted:
        importlib.import_module(f"app.cli.commands.{name}").register(subparsers)
    return parser


def _language_from(argv: Sequence[str]) -> str:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in ("nl", "en"):
            return argv[i + 1]
        if arg in ("--lang=nl", "--lang=en"):
            return arg.split("=", 1)[1]
    return settings.load().language


def _unsafe_argument(argv: Sequence[str]) -> str | None:
    """The sentence for an argument holding a character no record or document can keep
    (invalid UTF-8 arrives as lone surrogates; control characters; non-characters)."""
    from app.domain.characters import NOT_XML

    for position, arg in enumerate(argv, start=1):
        if NOT_XML.search(arg) is not None:
            from app import locator

            return locator.catalog().text(
                "argument_invalid_character", _Parser.lang, position=position
            )
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _Parser.lang = _language_from(argv)
    refused = _unsafe_argument(argv)
    if refused is not None:
        print(refused, file=sys.stderr)
        return 2
    log_path = _setup_logging()
    if _opens_window(argv):
        parser = _global_parser(described=False)
        parser.add_argument("command", nargs="?", choices=("gui",))
    else:
        parser = build_parser(argv)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    from app.cli.base import Invocation
    from app.domain.errors import IsvError

    invocation = Invocation(args=args, lang=args.lang or _Parser.lang, log_path=log_path)
    handler = getattr(args, "handler", None)
    if handler is None:
        from app.cli.commands.gui import run_gui

        handler = run_gui
    try:
        return int(handler(invocation))
    except IsvError as exc:
        invocation.fail(exc)
        return exc.exit_status
    except BrokenPipeError:  # the reader went away (``… | head``): not an error of ours
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        invocation.error_line(invocation.text("cancelled"))
        return 1
    except MemoryError:  # a fault of the environment, not of the input: a sentence
        invocation.error_line(invocation.text("out_of_memory"))
        return 3
    except OSError as exc:  # a full disk, a vanished folder, no permission
        log.warning("operating system refused in %s", args.command, exc_info=True)
        problem = exc.strerror or type(exc).__name__
        invocation.error_line(invocation.text("environment_error", problem=problem))
        return 3
    except Exception as exc:
        log.exception("unexpected error in %s", args.command)
        invocation.error_line(
            invocation.text("unexpected_error", problem=type(exc).__name__, log=log_path)
        )
        return 1
    finally:
        invocation.close()
