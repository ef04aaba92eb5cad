"""Run-time hook of the bundle, in place of PyInstaller's own for PySide6.

PyInstaller's hook imports ``PySide6.QtCore`` at every start, to make Qt relocatable,
which the PySide6 wheels already do themselves when the window imports them; the
command line would pay for loading Qt on each command. This one only tells Qt where
the bundle keeps its plug-ins.
"""

import os
import sys

_qt = os.path.join(sys._MEIPASS, "PySide6")  # type: ignore[attr-defined]  # noqa: PTH118
if not sys.platform.startswith("win"):
    _qt = os.path.join(_qt, "Qt")  # noqa: PTH118
os.environ["QT_PLUGIN_PATH"] = os.path.join(_qt, "plugins")  # noqa: PTH118
