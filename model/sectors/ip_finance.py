"""IP finance sector: intellectual-property pledge financing from the patent stock.

Auxiliaries
  ip_pledge_financing [亿元/年] = pledge per patent * valid_invention_patents
Reads: valid_invention_patents (knowledge).

Banks lend against patents in force: the registered pledge financing follows the stock of
valid invention patents. The ratio is the region's own at the start where the scenario gives
its start value, else the national one (CNIPA 2019: 1,105 亿元 of patent pledge financing
over 1.862 million domestic valid invention patents, 5.9 万元 each; 2018: 885 亿元).
Trademark pledges, which the plans' 知识产权质押 also counts, are left out (assumption: they
move with the same firms' patents). Fiscal money moves it only through the patents it buys.
Registrations are a year total: the start year's is recorded as given, and the ratio is set on
the rate that total ends the year with, growing as the patent stock does at the start.
"""

from __future__ import annotations

from ..catalogue import IP_FINANCE
from .common import (
    Constants,
    Inputs,
    Number,
    Sector,
    Stocks,
    Values,
    Variable,
    start_value,
    year_end_rate_at,
)

AUXILIARIES = {
    "ip_pledge_financing": Variable(
        "亿元/年", "pledge per patent * valid_invention_patents", ("valid_invention_patents",),
        (), "CNIPA 2020-01-14 press conference (2019 figures)"),
}

CONSTANTS = {
    "pledge_per_patent": Variable(
        "亿元/件/年", "year_end_rate(ip_pledge_financing, growth of valid patents at the start) "
        "/ valid invention patents at the start; ip_pledge_per_patent * patents where the "
        "scenario does not give the start value",
        ("baseline.ip_pledge_financing", "valid_patents_start", "grants_rate_start"),
        ("ip_pledge_per_patent", "patent_lapse")),
}

READS = {"valid_invention_patents": "件"}


def calibrate(b: Inputs, p: Inputs, c: Constants) -> dict[str, Number]:
    patents = c.valid_patents_start
    rate = c.grants_rate_start / patents - p.patent_lapse
    return {"pledge_per_patent": year_end_rate_at(start_pledges(b, p, c), rate) / patents}


def start_pledges(b: Inputs, p: Inputs, c: Constants) -> Number:
    """The start year's registrations: the scenario's, else the national ratio's."""
    # 万元 -> 亿元: / 1e4.
    return start_value(b, "ip_pledge_financing",
                       p.ip_pledge_per_patent / 1e4 * c.valid_patents_start)


def start_totals(b: Inputs, p: Inputs, c: Constants) -> dict[str, Number]:
    return {"ip_pledge_financing": start_pledges(b, p, c)}


def initial(b: Inputs, p: Inputs, c: Constants, n: int) -> dict[str, Number]:
    return {}


def rates(s: Stocks, p: Inputs, c: Constants, v: Values) -> None:
    v["ip_pledge_financing"] = c.pledge_per_patent * s["valid_invention_patents"]


SECTOR = Sector("ip_finance", "IP finance: pledge financing from the patent stock", IP_FINANCE,
                {}, {}, AUXILIARIES, READS, calibrate, initial, rates, CONSTANTS,
                totals=("ip_pledge_financing",), start_totals=start_totals)
