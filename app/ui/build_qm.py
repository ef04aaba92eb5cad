"""The window's translations compiled: ``resources/i18n/*.ts`` → ``.qm`` beside them.

Run when the package is built (``setup.py``'s build step, so a wheel ships the ``.qm``
and an editable install finds them in the checkout) and by ``python -m app.ui.i18n``
after it updates a ``.ts``. Never at run time. Imports nothing of the application, so
the build can use it before the package is installed.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


def lrelease() -> Path:
    """PySide6's own lrelease (PySide6 is a build requirement)."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    for name in ("lrelease", "lrelease.exe"):
        if (folder / name).is_file():
            return folder / name
    raise RuntimeError(f"PySide6's lrelease is missing in {folder}")


def compile_translations(folder: Path) -> list[Path]:
    """Every ``.ts`` in ``folder`` compiled to the ``.qm`` beside it."""
    tool = lrelease()
    built = []
    for source in sorted(folder.glob("*.ts")):
        target = source.with_suffix(".qm")
        subprocess.run(
            [str(tool), "-silent", str(source), "-qm", str(target)], check=True, timeout=120
        )
        built.append(target)
    return built
