"""The page's HTML tables (the verdict table, ``app/tables.py``) read back as the planner
reads them: one row per table row, the header's column names, every cell as shown; a figure
(a cell of class ``num``) as its number: "3.506" -> 3.506, "79%" -> 0.79, "—" -> NaN."""

from __future__ import annotations

import math
from html.parser import HTMLParser

import pandas as pd

from app.tables import MISSING, NUMBER


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.header: list[str] = []
        self.rows: list[list[object]] = []
        self.cell: list[str] | None = None
        self.number = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr" and self.header:
            self.rows.append([])
        if tag in ("th", "td"):
            self.cell = []
            self.number = NUMBER in (dict(attrs).get("class") or "").split()

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("th", "td") or self.cell is None:
            return
        text = "".join(self.cell)
        self.cell = None
        if tag == "th":
            self.header.append(text)
        else:
            self.rows[-1].append(_number(text) if self.number else text)

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def _number(text: str) -> float:
    if text == MISSING:
        return math.nan
    return float(text[:-1]) / 100 if text.endswith("%") else float(text)


def html_frame(body: str) -> pd.DataFrame:
    """The (first) table of an ``st.html`` block as a data frame of what it shows."""
    cells = _Cells()
    cells.feed(body)
    return pd.DataFrame(cells.rows, columns=cells.header)


def html_tables(at) -> list[pd.DataFrame]:
    """Every HTML table an AppTest page shows."""
    return [html_frame(block.value) for block in at.get("html") if "<table" in block.value]
