"""The verdict table as one block of HTML (``st.html``), not a Streamlit table element.

The verdict table is redrawn on every slider move. As ``st.table`` of a pandas Styler (25
rows, 13 columns, a colour per verdict) it cost the server about 10 ms to marshal and the
browser 30-50 ms a move to rebuild 325 styled cells; as one HTML block the browser sets it in
one go. The table reads the same: the same columns, the same figures as the Styler formatted
them, the verdict's colour. Every cell is text: escaped for HTML (a plan's wording from a file
or an upload never becomes markup), and the browser's own sanitiser runs on the block too.
Its look (:data:`CSS`) is in the page's style sheet, sent once per full run.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd

CLASS = "innosim-table"
NUMBER = "num"   # a cell's class: a figure, right-aligned (tests read it back as a number)
# The verdicts' background colours (the light green, amber and red of the Styler table),
# with a dark text so they read in the dark theme too.
BAND_CLASSES = {"likely": "v-likely", "at risk": "v-at-risk", "unlikely": "v-unlikely"}
CSS = (
    f".{CLASS}{{overflow-x:auto;margin-bottom:0.5rem}}"
    f".{CLASS} table{{border-collapse:collapse;width:100%;font-size:0.875rem;"
    "line-height:1.4}"
    f".{CLASS} th,.{CLASS} td{{border:1px solid rgba(128,128,128,0.22);"
    "padding:0.35rem 0.45rem;text-align:left;vertical-align:middle}"
    f".{CLASS} th{{font-weight:400;opacity:0.65;vertical-align:top}}"
    f".{CLASS} td.{NUMBER}{{text-align:right;white-space:nowrap}}"
    f".{CLASS} td.v-likely{{background-color:#d7f0d8;color:#31333f}}"
    f".{CLASS} td.v-at-risk{{background-color:#fbeccb;color:#31333f}}"
    f".{CLASS} td.v-unlikely{{background-color:#f8d7d7;color:#31333f}}"
)
MISSING = "—"


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or (
        value is pd.NA)


def html_table(frame: pd.DataFrame, formats: Mapping[str, Callable[[Any], str]],
               classes: Mapping[str, Callable[[str], str]] | None = None,
               numbers: tuple[str, ...] = ()) -> str:
    """``frame`` as an HTML table: each column's cells through its format (``str`` when it
    has none; ``—`` for a missing value), classed by ``classes[column](shown text)``; the
    ``numbers`` columns right-aligned. No index."""
    classes = classes or {}
    columns = list(frame.columns)
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in columns)
    rows = []
    for values in frame.itertuples(index=False, name=None):
        cells = []
        for column, value in zip(columns, values, strict=True):
            text = MISSING if _missing(value) else formats.get(column, str)(value)
            kind = [NUMBER] if column in numbers else []
            if column in classes:
                kind += [c for c in (classes[column](text),) if c]
            attribute = f' class="{" ".join(kind)}"' if kind else ""
            cells.append(f"<td{attribute}>{html.escape(text)}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (f'<div class="{CLASS}"><table><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>")
