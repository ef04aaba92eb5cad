"""Build the standalone bundle: ``python -m tools.bundle [--dist FOLDER]``.

One folder, ``dist/isv-assistent/``, holding ``isv-assistent`` (the window) and
``isv-assistent-cli`` (the command line) and everything they read; no Python needed on
the machine. The recipe is ``tools/isv-assistent.spec``; this module runs PyInstaller on
it and prints the folder's size. The same command builds on Linux, Windows and macOS
(CI's workflow in ``.github/workflows/bundle.yml``); PyInstaller builds for the system it
runs on only.
"""

from __future__ import annotations

import argparse
import os
import posixpath
import sys
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
NAME = "isv-assistent"

# Modules the application never imports: PyInstaller would follow optional imports of the
# libraries it uses into them (PySide6's own package names every Qt module).
MODULES_LEFT_OUT = [
    "tkinter",
    "numpy",
    "pytest",
    "hypothesis",
    "mypy",
    "pypdf",
    "IPython",
    # their run-time hooks would import them at every start; nothing here uses them
    # (concurrent.futures names its process pool, the application uses threads)
    "multiprocessing",
    "concurrent.futures.process",
    "setuptools",
    "pkg_resources",
    "_distutils_hack",
    # reportlab imports Pillow; images in PDFs are not used, so only its core stays
    "PIL._avif",
    "PIL._webp",
    "PIL._imagingtk",
    "PIL._imagingcms",
    "PIL._imagingft",
    "PIL.ImageTk",
    "PIL.ImageQt",
    "PIL.ImageCms",
    "PIL.ImageFont",
    "PIL.AvifImagePlugin",
    "PIL.WebPImagePlugin",
    "PySide6.QtNetwork",
    "PySide6.QtDBus",
]

# The Qt plug-ins the window loads, per type; the other types (image formats, icon
# engines, network, touch input, EGL, Wayland, ...) stay out. Names without the
# platform's prefix and suffix: qxcb (Linux, X11), qwindows, qcocoa, qoffscreen (tests).
QT_PLUGINS_KEPT: dict[str, set[str] | None] = {
    "platforms": {"qxcb", "qwindows", "qcocoa", "qoffscreen"},
    "platformthemes": {"qxdgdesktopportal"},  # the GTK theme would bring all of GTK along
    "platforminputcontexts": None,  # compose keys and input methods: é on every keyboard
    "xcbglintegrations": None,
    "styles": None,  # the native look on Windows and macOS
}
# Qt's own translations for the window's two languages (the standard buttons, dialogs).
QT_TRANSLATIONS_KEPT = {"qtbase_nl.qm", "qtbase_en.qm"}


def _parts(destination: str) -> list[str]:
    return destination.replace("\\", "/").split("/")


def _plugin_name(file_name: str) -> str:
    stem = file_name.split(".", maxsplit=1)[0]
    return stem.removeprefix("lib")


def keep_qt_file(destination: str) -> bool:
    """Whether a Qt plug-in or translation PyInstaller collected goes into the bundle."""
    parts = _parts(destination)
    if "PySide6" not in parts:
        return True
    if "translations" in parts:
        return parts[-1] in QT_TRANSLATIONS_KEPT
    if "plugins" in parts and len(parts) > parts.index("plugins") + 2:
        kind = parts[parts.index("plugins") + 1]
        if kind not in QT_PLUGINS_KEPT:
            return False
        names = QT_PLUGINS_KEPT[kind]
        return names is None or _plugin_name(parts[-1]) in names
    return True


Entry = tuple[str, str, str]  # PyInstaller's (destination, source, kind)


def _linked_closure(entries: list[Entry]) -> set[str]:
    """The destinations of the shared libraries that a kept extension module, plug-in or
    the interpreter links, directly or through another."""
    from PyInstaller.depend import bindepend

    files = [e for e in entries if e[2] in ("BINARY", "EXTENSION")]
    # Libraries link each other by file name; extension modules may share one (two
    # packages' ``_util_cy``), so they are roots by destination, never looked up by name.
    by_name = {Path(e[0]).name.lower(): e for e in files if e[2] == "BINARY"}
    todo = [
        e
        for e in files
        if e[2] == "EXTENSION" or "plugins" in _parts(e[0]) or "python" in Path(e[0]).name.lower()
    ]
    kept: set[str] = set()
    while todo:
        dest, src, _kind = todo.pop()
        if dest in kept:
            continue
        kept.add(dest)
        for imported, _path in bindepend.get_imports(src):
            found = by_name.get(Path(imported).name.lower())
            if found is not None:
                todo.append(found)
    return kept


def prune(binaries: list[Entry], datas: list[Entry]) -> tuple[list[Entry], list[Entry]]:
    """Leave out the Qt plug-ins and translations the window never loads, then every
    library only they needed, and the symbolic links to what went."""
    everything = binaries + datas
    binaries = [e for e in binaries if keep_qt_file(e[0])]
    datas = [e for e in datas if keep_qt_file(e[0])]
    linked = _linked_closure(binaries)
    binaries = [e for e in binaries if e[2] not in ("BINARY", "EXTENSION") or e[0] in linked]
    left = {e[0] for e in binaries + datas}
    gone = {"/".join(_parts(e[0])) for e in everything if e[0] not in left}

    def points_to_something_gone(entry: Entry) -> bool:
        dest, src, kind = entry  # for a link, src is its target relative to its folder
        if kind != "SYMLINK":
            return False
        folder = PurePosixPath("/".join(_parts(dest))).parent
        return posixpath.normpath(str(folder / "/".join(_parts(src)))) in gone

    return (
        [e for e in binaries if not points_to_something_gone(e)],
        [e for e in datas if not points_to_something_gone(e)],
    )


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build(dist: Path, work: Path) -> Path:
    import PyInstaller.__main__

    from app.ui.build_qm import compile_translations

    # the window's .qm are build products (never committed): made here as the wheel's
    # build step makes them, then taken in with resources/
    compile_translations(ROOT / "resources" / "i18n")
    os.environ["ISV_BUNDLE_ROOT"] = str(ROOT)
    PyInstaller.__main__.run(
        [
            str(ROOT / "tools" / f"{NAME}.spec"),
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
        ]
    )
    return dist / NAME


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bundle", description=__doc__)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's work")
    args = parser.parse_args(argv)
    folder = build(args.dist.resolve(), args.work.resolve())
    print(f"bundle: {folder} ({folder_size(folder) / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
