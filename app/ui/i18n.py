"""Translations of the window: Dutch in the code, English from Qt Linguist.

Every visible string in ``app/ui`` is written in Dutch and passed through :func:`tr`
(which is ``QCoreApplication.translate`` with one context, ``isv``). The English texts
live in ``resources/i18n/isv_en.ts`` (Qt Linguist XML), compiled to ``isv_en.qm`` when
the package is built (``app/ui/build_qm.py``); the window loads that ``.qm``, and Qt's
own translations (``qtbase_nl`` …, for the buttons and labels of Qt's dialogs) from
PySide6's translations folder. ``.qm`` files are never committed.

``python -m app.ui.i18n`` rewrites the ``.ts`` from the strings in the code, keeping
every translation already made and marking new strings as unfinished, and compiles it;
a test fails while any string lacks its English text.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app import locator
from app.domain.languages import FIRST, choose, known

log = logging.getLogger(__name__)

CONTEXT = "isv"
QT_LANGUAGES = {"nl": QLocale.Language.Dutch, "en": QLocale.Language.English}
TS_LANGUAGES = {"en": "en_GB"}  # the language attribute of a .ts file


def tr(text: str) -> str:
    """The text in the window's language (Dutch source, English from the .ts)."""
    return QCoreApplication.translate(CONTEXT, text)


def ts_path(lang: str = "en") -> Path:
    return locator.resources_dir() / "i18n" / f"isv_{lang}.ts"


def read_ts(path: Path) -> dict[str, tuple[str, bool]]:
    """``{source: (translation, finished)}`` of one .ts file (context ``isv``)."""
    import xml.etree.ElementTree as ET  # our own file, written by us: no untrusted XML

    if not path.is_file():
        return {}
    root = ET.parse(path).getroot()  # noqa: S314 - the file is part of the application
    result: dict[str, tuple[str, bool]] = {}
    for context in root.iter("context"):
        if (context.findtext("name") or "") != CONTEXT:
            continue
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            node = message.find("translation")
            text = (node.text or "") if node is not None else ""
            unfinished = node is not None and node.get("type") in ("unfinished", "obsolete")
            result[source] = (text, bool(text) and not unfinished)
    return result


def qm_path(lang: str, name: str = "isv") -> Path:
    """A compiled translation, built with the package: ``isv_en`` the window's own
    texts, ``qt_nl`` the texts of Qt's dialogs that Qt's catalogue misses."""
    return locator.resources_dir() / "i18n" / f"{name}_{lang}.qm"


class Language:
    """The translators installed for the current language; switching replaces them."""

    def __init__(self) -> None:
        self.code = "nl"
        self._installed: list[QTranslator] = []

    def uninstall(self) -> None:
        """Remove this language's translators from the application."""
        app = QCoreApplication.instance()
        assert app is not None
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed = []

    def install(self, lang: str) -> None:
        self.uninstall()
        app = QCoreApplication.instance()
        assert app is not None
        self.code = known(lang)
        QLocale.setDefault(QLocale(choose(self.code, QT_LANGUAGES)))
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_base = QTranslator()
        if qt_base.load(f"qtbase_{self.code}", qt_folder):
            self._installed.append(qt_base)
        qt_supplement = QTranslator()  # Qt's texts its own catalogue misses (qt_nl.ts)
        if qt_supplement.load(str(qm_path(self.code, "qt"))):
            self._installed.append(qt_supplement)
        own = QTranslator()  # none for Dutch, the language the code is written in
        if own.load(str(qm_path(self.code))):
            self._installed.append(own)
        elif self.code != FIRST:  # a package built without its build step: Dutch stays
            log.error("the translation %s is missing; build the package", qm_path(self.code))
        for translator in self._installed:
            app.installTranslator(translator)


# ---------------------------------------------------------------------------------------
# Keeping the .ts in step with the code
# ---------------------------------------------------------------------------------------


def ui_source_files() -> list[Path]:
    return sorted(Path(__file__).resolve().parent.rglob("*.py"))


def strings_in_code(files: list[Path] | None = None) -> dict[str, str]:
    """Every literal passed to ``tr(...)`` / ``QCoreApplication.translate("isv", ...)``,
    with the file it was first found in."""
    import ast

    found: dict[str, str] = {}
    for path in files or ui_source_files():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = (
                func.id
                if isinstance(func, ast.Name)
                else (func.attr if isinstance(func, ast.Attribute) else "")
            )
            args = node.args
            if name == "tr" and args:
                literal = args[0]
            elif name == "translate" and len(args) >= 2:
                literal = args[1]
            else:
                continue
            if isinstance(literal, ast.Constant) and isinstance(literal.value, str):
                found.setdefault(literal.value, path.name)
    return found


def write_ts(
    path: Path, lang: str, entries: dict[str, tuple[str, bool]], where: dict[str, str]
) -> None:
    import xml.etree.ElementTree as ET

    root = ET.Element("TS", version="2.1", language=TS_LANGUAGES.get(lang, lang))
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for source in sorted(entries, key=lambda s: (where.get(s, "~"), s.lower())):
        text, done = entries[source]
        message = ET.SubElement(context, "message")
        if source in where:
            ET.SubElement(message, "location", filename=f"../../app/ui/{where[source]}")
        ET.SubElement(message, "source").text = source
        node = ET.SubElement(message, "translation")
        node.text = text
        if source not in where:
            node.set("type", "obsolete")
        elif not done:
            node.set("type", "unfinished")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def update_ts(
    lang: str = "en", additions: dict[str, str] | None = None, drop_obsolete: bool = True
) -> list[str]:
    """Rewrite the .ts from the code; returns the strings still without a translation."""
    path = ts_path(lang)
    existing = read_ts(path)
    where = strings_in_code()
    entries: dict[str, tuple[str, bool]] = {}
    for source, (text, done) in existing.items():
        if source in where or not drop_obsolete:
            entries[source] = (text, done)
    for source in where:
        entries.setdefault(source, ("", False))
    for source, text in (additions or {}).items():
        if source in entries and text:
            entries[source] = (text, True)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_ts(path, lang, entries, where)
    return [s for s in where if not entries[s][1]]


def _main(argv: list[str]) -> int:
    """``python -m app.ui.i18n [TRANSLATIONS.tsv]``: update the .ts; a file of
    ``dutch<TAB>english`` lines adds translations."""
    if any(name.startswith("-") for name in argv):
        print(
            "usage: python -m app.ui.i18n [TRANSLATIONS.tsv ...]\n"
            "Brings resources/i18n/isv_en.ts up to date with the tr() texts in the code "
            "and prints the Dutch texts that still have no English; each file of "
            "dutch<TAB>english lines adds translations.",
            file=sys.stderr,
        )
        return 2
    additions: dict[str, str] = {}
    for name in argv:
        for line in Path(name).read_text(encoding="utf-8").splitlines():
            if "\t" in line:
                source, text = line.split("\t", 1)
                additions[source.replace("\\n", "\n")] = text.replace("\\n", "\n")
    missing = update_ts("en", additions)
    from app.ui.build_qm import compile_translations

    compile_translations(ts_path("en").parent)
    for source in missing:
        print(source.replace("\n", "\\n"))
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
