"""Nothing a user reads is cut off at 1366×768: on every page, in Dutch and English, with
an empty database and with demo data, each visible label and button is as wide as its
text needs (and a wrapping label as high as its lines), and each column header fits its
column. The screenshot tool (``python -m app.ui.screenshots OUT --all``) runs the same
check under Xvfb at both screen sizes and lists what it finds in ``OUT/clipped.txt``."""

from __future__ import annotations

from typing import Any

import pytest


def _settle(qtbot: Any) -> None:
    qtbot.wait(30)


@pytest.mark.parametrize("demo", [False, True], ids=["empty", "demo"])
def test_no_text_is_clipped_on_any_page_in_either_language(
    window: Any, qtbot: Any, demo: bool
) -> None:
    from app.ui.screenshots import clipped_texts

    if demo:
        from app.services.demo import load_demo

        load_demo(window.ctx, seed=2026, tenders=400)  # as the screenshots
        window.data_changed()
    window.resize(1366, 768)
    found: list[str] = []
    for lang in ("nl", "en"):
        window.apply_language(lang)
        window.resize(1366, 768)
        for page in list(window.pages):
            window.show_page(page.key)
            view = getattr(page, "view", None)
            if demo and page.key == "reporting" and view is not None:
                view.year.setValue(2025)
                view.compute()  # the figures and the chart of the year
            _settle(qtbot)
            found += [f"{lang} {page.key}: {text}" for text in clipped_texts(window)]
    window.apply_language("nl")
    assert found == [], "\n".join(found)


def test_the_check_names_a_cut_label_button_and_column(qtbot: Any) -> None:
    from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

    from app.ui.screenshots import clipped_texts

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    cut = QLabel("Waarschijnlijkheid van het risico")
    cut.setFixedWidth(60)
    whole = QLabel("Ja")
    elided = QLabel("Verankeren in…")
    elided.setFixedWidth(40)
    elided.setToolTip("Verankeren in beleid en managementsystemen")  # shortened on purpose
    squeezed = QPushButton("Alle soorten aanbestedingen")
    squeezed.setFixedWidth(50)
    for widget in (cut, whole, elided, squeezed):
        layout.addWidget(widget)
    root.show()
    qtbot.waitExposed(root)
    found = clipped_texts(root)
    assert [text.split("’")[0] for text in found] == [
        "label ‘Waarschijnlijkheid van het risico",
        "button ‘Alle soorten aanbestedingen",
    ]
