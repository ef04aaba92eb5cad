"""Build step of the package: the window's translations are compiled when it is built.

Before the package data is collected, ``resources/i18n/*.ts`` are compiled to ``.qm``
with PySide6's ``lrelease`` (see ``app/ui/build_qm.py``), so a wheel ships them and an
editable install finds them in the checkout. Everything else is in ``pyproject.toml``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithTranslations(build_py):
    def run(self) -> None:
        sys.path.insert(0, str(ROOT))
        from app.ui.build_qm import compile_translations

        compile_translations(ROOT / "resources" / "i18n")
        super().run()


setup(cmdclass={"build_py": BuildWithTranslations})
