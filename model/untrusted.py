"""Text from a scenario file, an upload or a page address, made safe for where it goes.

Anyone can write a scenario and share it, so its strings (quotes, reasons, names, regions)
are data from outside. They go into spreadsheets (a cell starting with ``=`` would run as a
formula: the CSV/Excel injection rule), into file names (a ``name`` of ``../x`` must not
write outside the output folder), onto the page (rendered as Markdown, ``![x](http://...)``
would fetch a remote image), into chart labels (``$...$`` is matplotlib's math) and into
one-line messages (a 100,000-character value must not become a 100,000-character line).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast, overload

import pandas as pd

if TYPE_CHECKING:
    from openpyxl import Workbook

# What Excel, LibreOffice and Google Sheets read as the start of a formula (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Control characters an .xlsx file cannot hold (openpyxl refuses them).
XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Every ASCII punctuation character: CommonMark lets each be backslash-escaped.
MARKDOWN_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")
MAX_KEY = 80
MAX_NAME = 80  # characters of an upload's name as shown
MAX_LINE = 300


def csv_text(text: str) -> str:
    """A CSV cell that a spreadsheet reads as text: a formula-like start gets a ``'``."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def xlsx_text(text: str) -> str:
    """Text an .xlsx cell can hold: illegal control characters become U+FFFD.

    A formula-like start is kept as written; :func:`text_cells` types such a cell as text.
    """
    return XLSX_ILLEGAL.sub("\ufffd", text)


# What XML 1.0, and so a Word document, cannot hold (python-docx refuses it).
DOCX_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
MAX_DOCUMENT_TEXT = 2000


def docx_text(text: str, limit: int = MAX_DOCUMENT_TEXT) -> str:
    """Text for a Word document's run or cell: illegal control characters become U+FFFD and
    a text longer than ``limit`` is cut with "…" (a 1 MB quote must not become 300 pages).

    python-docx writes it as literal ``w:t`` text: braces, ``=`` or "HYPERLINK" in it never
    become a field (see :mod:`model.report`, which writes no fields from a scenario's text).
    """
    text = DOCX_ILLEGAL.sub("\ufffd", text)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def safe_cells(frame: pd.DataFrame, cell: Callable[[str], str] = csv_text) -> pd.DataFrame:
    """A copy of ``frame`` with ``cell`` applied to every text cell, index label and header.

    Numbers are left alone: a negative number is data, only a string can become a formula.
    """

    def fix(value: object) -> object:
        return cell(value) if isinstance(value, str) else value

    safe = frame.copy()
    for column in safe.columns:
        values = safe[column]
        if pd.api.types.is_numeric_dtype(values):
            continue
        # Long tables repeat a few labels (indicator, unit): look at each distinct one once.
        distinct = values.drop_duplicates()
        changed = {v: cell(v) for v in distinct if isinstance(v, str) and cell(v) != v}
        if changed:
            safe[column] = values.map(lambda v, c=changed: c.get(v, v) if isinstance(v, str)
                                      else v)
    for axis in ("index", "columns"):
        labels = getattr(safe, axis)
        if not pd.api.types.is_numeric_dtype(labels):   # a RangeIndex holds no text
            labels = labels.map(fix)
        setattr(safe, axis, labels.set_names([fix(n) for n in labels.names]))
    return safe


@overload
def write_csv(frame: pd.DataFrame, target: None = None, **options: Any) -> str: ...


@overload
def write_csv(frame: pd.DataFrame, target: str | Path | TextIO, **options: Any) -> None: ...


def write_csv(frame: pd.DataFrame, target: str | Path | TextIO | None = None,
              **options: Any) -> str | None:
    """``frame.to_csv(target, ...)`` with every text cell as data (see :func:`csv_text`).

    Lines end in CRLF (RFC 4180), so Python's writer quotes a cell holding a lone CR; with
    bare LF ends such a cell went out unquoted, and a spreadsheet splitting the row there
    would read the rest of the text, unprefixed, as the first cell of a new row.
    """
    return safe_cells(frame).to_csv(target, lineterminator="\r\n", **options)


def save_csv(frame: pd.DataFrame, path: str | Path, *, overwrite: bool, **options: Any
             ) -> Path:
    """:func:`write_csv` into a file, atomically (see :mod:`model.saving`)."""
    from .saving import save

    return save(path, lambda stream: write_csv(frame, cast(TextIO, stream), **options),
                overwrite=overwrite)


def text_cells(workbook: Workbook) -> None:
    """Type every formula-like string cell of ``workbook`` as text, never as a formula.

    openpyxl stores a string starting with ``=`` as a formula; this keeps the text as
    written (data type ``s``) and sets Excel's quote prefix, so editing the cell in Excel
    keeps it text as well.
    """
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                    cell.data_type = "s"
                    cell.quotePrefix = True


def safe_key(name: str, fallback: str = "scenario") -> str:
    """A file-name stem from a scenario ``name``: letters, digits, ``-`` and ``_`` only.

    Anything else (``/``, ``..``, spaces, NUL) becomes ``_`` and the length is capped, so a
    name can never point outside the folder it is written to. Chinese letters are kept.
    """
    key = re.sub(r"[^\w-]", "_", name, flags=re.UNICODE)[:MAX_KEY].strip("_")
    return key if key.strip("-") else fallback


def display_name(name: str, limit: int = MAX_NAME) -> str:
    """An uploaded file's name fit to show and to list: its last path part, with control and
    format characters (NUL, a right-to-left override) replaced, at most ``limit`` characters
    with the extension kept, so ``x.toml`` stays recognisable however long the name was."""
    base = re.split(r"[\\/]", name)[-1]
    base = "".join(c if c.isprintable() else "\ufffd" for c in base).strip() or "upload"
    if len(base) <= limit:
        return base
    stem, dot, extension = base.rpartition(".")
    suffix = f"{dot}{extension}" if stem and len(extension) <= 10 else ""
    return base[:limit - 1 - len(suffix)] + "…" + suffix


def plain(text: str) -> str:
    """``text`` for a place that renders Markdown (st.markdown, st.error, st.caption, table
    cells): every ASCII punctuation character backslash-escaped, so it shows as written.

    No image is fetched, no link or autolink made, no HTML, ``:red[...]`` or ``$math$``
    rendered, whatever the text holds; letters, digits, spaces and CJK are untouched.
    """
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)


def plain_line(text: str, limit: int = MAX_LINE) -> str:
    """A message for the page: :func:`one_line`, then :func:`plain`."""
    return plain(one_line(text, limit))


def figure_text(text: str) -> str:
    """A chart title or legend label: a ``$`` is a dollar sign, not the start of math
    (matplotlib raises on math it cannot parse, at drawing time)."""
    return text.replace("$", r"\$")


def one_line(text: str, limit: int = MAX_LINE) -> str:
    """``text`` on one line of at most ``limit`` characters (an ellipsis says it was cut)."""
    line = " ".join(text.splitlines())
    return line if len(line) <= limit else line[:limit - 1] + "…"
