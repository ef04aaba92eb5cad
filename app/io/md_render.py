"""The ISV texts of a tender as Markdown (CommonMark).

All text is escaped here, in one place: every ASCII punctuation character that could
start markup gets a backslash (CommonMark renders ``\\*`` as ``*``), and a line that
would start a list, heading or quote is defused. So a tender title such as
``A & B <C> *D* _E_ #1`` shows literally in any Markdown viewer.
"""

from __future__ import annotations

import re

from app.io.clauses import Block, ClauseDocument

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>&#|~!])")
_SPACE = re.compile(r"[ \t\r\n]+")  # a no-break space stays what it is
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])")


def escape_markdown(text: str, *, line_start: bool = True) -> str:
    """``text`` as Markdown that renders as exactly ``text`` (on one line).
    ``line_start`` also defuses a start that would open a list or heading there."""
    escaped = _SPECIAL.sub(r"\\\1", _SPACE.sub(" ", text).strip())
    if not line_start:
        return escaped
    return _LINE_START.sub(lambda m: m.group(1) + _escape_start(m.group(2)), escaped)


def _escape_start(token: str) -> str:
    if token[-1] in ".)":
        return token[:-1] + "\\" + token[-1]
    return "\\" + token


def _lines(blocks: tuple[Block, ...], out: list[str]) -> None:
    previous = ""
    for block in blocks:
        kind, text = block.kind, escape_markdown(block.text)
        listing = kind in ("letter", "bullet", "field", "fill")
        if out and not (listing and previous == kind) and out[-1] != "":
            out.append("")
        if kind == "title":
            out.append(f"# {text}")
        elif kind == "subtitle":
            out.append(f"**{text}**")
        elif kind == "section":
            out.append(f"## {text}")
        elif kind == "article":
            out.append(f"### {escape_markdown(block.label, line_start=False)}. {text}")
        elif kind == "heading":
            out.append(f"### {text}")
        elif kind == "clause":
            out.append(f"**{escape_markdown(block.label, line_start=False)}** {text}")
        elif kind == "letter":
            out.append(f"- {escape_markdown(block.label, line_start=False)} {text}")
        elif kind == "bullet":
            out.append(f"- {text}")
        elif kind == "field":
            out.append(f"- **{escape_markdown(block.label, line_start=False)}:** {text}")
        elif kind == "fill":
            out.append(f"- **{escape_markdown(block.label, line_start=False)}:** {'.' * 40}")
        elif kind == "note":
            out.append(f"> *{text}*")
        else:
            out.append(text)
        previous = kind


def render_markdown(doc: ClauseDocument) -> bytes:
    """The document as UTF-8 Markdown bytes (LF line ends, one final newline)."""
    out: list[str] = []
    _lines(doc.front, out)
    for section in doc.sections:
        _lines(section.blocks, out)
    while out and out[-1] == "":
        out.pop()
    return ("\n".join(out) + "\n").encode("utf-8")
