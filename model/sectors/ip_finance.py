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
"""

from __future__ import annotations

from ..catalogue import IP_FINANCE
from .common import Constants, Inputs, Number, Sector, Stocks, Values, Variable, start_value

AUXILIARIES = {
    "ip_pledge_financing": Variable(
        "亿元/年", "pledge per patent * valid_invention_patents", ("valid_invention_patents",),
        (), "CNIPA 2020-01-14 press conference (2019 figures)"),
}

CONSTANTS = {
    "pledge_per_patent": Variable(
        "亿元/件/年", "ip_pledge_financing / valid invention patents at the start, or "
        "ip_pledge_per_patent where the scenario does not give the start value",
        ("baseline.ip_pledge_financing", "baseline.invention_patents_per_10k",
         "baseline.population"), ("ip_pledge_per_patent",)),
}

READS = {"valid_invention_patents": "件"}


def calibrate(b: Inputs, p: Inputs, c: Constants) -> dict[str, Number]:
    patents = b.invention_patents_per_10k * b.population
    # 万元 -> 亿元: / 1e4.
    national = p.ip_pledge_per_patent / 1e4
    return {"pledge_per_patent": start_value(b, "ip_pledge_financing", national * patents)
            / patents}


def initial(b: Inputs, p: Inputs, c: Constants, n: int) -> dict[str, Number]:
    return {}


def rates(s: Stocks, p: Inputs, c: Constants, v: Values) -> None:
    v["ip_pledge_financing"] = c.pledge_per_patent * s["valid_invention_patents"]


SECTOR = Sector("ip_finance", "IP finance: pledge financing from the patent stock", IP_FINANCE,
                {}, {}, AUXILIARIES, READS, calibrate, initial, rates, CONSTANTS)
