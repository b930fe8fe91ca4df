"""Projects sector: funded S&T projects from the R&D-subsidy line, and what they deliver.

Stocks
  provincial_projects_underway  [项]  provincial major S&T projects being carried out
  municipal_projects_underway   [项]  municipal key-technology projects being carried out
  provincial_major_projects     [项]  provincial major projects started since the start year
  municipal_key_tech_projects   [项]  municipal key-technology projects started since then
  st_projects                   [项]  funded S&T projects of every level started since then
  major_technologies            [项]  key technologies broken through since the start year
  landmark_results              [项]  landmark results since the start year
Flows (per year)
  provincial_project_starts = provincial_projects_per_100m * rd_subsidies
  municipal_project_starts  = municipal_projects_per_100m * rd_subsidies
  district_project_starts   = district_projects_per_100m * rd_subsidies
  provincial_project_completions = provincial_projects_underway / project_duration
  municipal_project_completions  = municipal_projects_underway / project_duration
                                  (first-order delays: outputs lag funding by the term)
  breakthroughs     = breakthroughs_per_project * (both completions)
  landmark_outcomes = landmark_share * provincial_project_completions
Reads: rd_subsidies (fiscal).

Projects are paid from the R&D-subsidy line (科技计划项目经费 are subsidies to the firms
that carry them out): the money a project costs locally sets how many a yuan starts
(projects per 亿元 = share of the line / local funding per project, both stated in the
parameters' notes). The projects underway start as the pipeline of the start year's
funding (starts x duration), so completions continue without a jump.
"""

from __future__ import annotations

from ..catalogue import PROJECTS
from ..engine import StockSpec
from .common import Constants, Inputs, Number, Sector, Stocks, Values, Variable

STARTS = ("provincial_project_starts", "municipal_project_starts", "district_project_starts")
COMPLETIONS = ("provincial_project_completions", "municipal_project_completions")

STOCKS = {
    "provincial_projects_underway": StockSpec(
        "项", inflows=("provincial_project_starts",), outflows=("provincial_project_completions",)),
    "municipal_projects_underway": StockSpec(
        "项", inflows=("municipal_project_starts",), outflows=("municipal_project_completions",)),
    "provincial_major_projects": StockSpec("项", inflows=("provincial_project_starts",)),
    "municipal_key_tech_projects": StockSpec("项", inflows=("municipal_project_starts",)),
    "st_projects": StockSpec("项", inflows=STARTS),
    "major_technologies": StockSpec("项", inflows=("breakthroughs",)),
    "landmark_results": StockSpec("项", inflows=("landmark_outcomes",)),
}

FLOWS = {
    "provincial_project_starts": Variable(
        "项/年", "provincial_projects_per_100m * rd_subsidies", ("rd_subsidies",),
        ("provincial_projects_per_100m",)),
    "municipal_project_starts": Variable(
        "项/年", "municipal_projects_per_100m * rd_subsidies", ("rd_subsidies",),
        ("municipal_projects_per_100m",)),
    "district_project_starts": Variable(
        "项/年", "district_projects_per_100m * rd_subsidies", ("rd_subsidies",),
        ("district_projects_per_100m",)),
    "provincial_project_completions": Variable(
        "项/年", "provincial_projects_underway / project_duration",
        ("provincial_projects_underway",), ("project_duration",)),
    "municipal_project_completions": Variable(
        "项/年", "municipal_projects_underway / project_duration",
        ("municipal_projects_underway",), ("project_duration",)),
    "breakthroughs": Variable(
        "项/年", "breakthroughs_per_project * (provincial_project_completions + "
        "municipal_project_completions)", COMPLETIONS, ("breakthroughs_per_project",)),
    "landmark_outcomes": Variable(
        "项/年", "landmark_share * provincial_project_completions",
        ("provincial_project_completions",), ("landmark_share",)),
}

CONSTANTS = {
    "rd_subsidies_start": Variable(
        "亿元/年", "R&D subsidies at the start", ("fiscal_st_rate_start",),
        ("share_rd_subsidies",)),
}

READS = {"rd_subsidies": "亿元/年"}


def calibrate(b: Inputs, p: Inputs, c: Constants) -> dict[str, Number]:
    return {"rd_subsidies_start": c.fiscal_st_rate_start * p.share_rd_subsidies}


def initial(b: Inputs, p: Inputs, c: Constants, n: int) -> dict[str, Number]:
    pipeline = c.rd_subsidies_start * p.project_duration
    return {
        "provincial_projects_underway": p.provincial_projects_per_100m * pipeline,
        "municipal_projects_underway": p.municipal_projects_per_100m * pipeline,
        "provincial_major_projects": 0.0, "municipal_key_tech_projects": 0.0,
        "st_projects": 0.0, "major_technologies": 0.0, "landmark_results": 0.0,
    }


def rates(s: Stocks, p: Inputs, c: Constants, v: Values) -> None:
    subsidies = v["rd_subsidies"]
    v["provincial_project_starts"] = p.provincial_projects_per_100m * subsidies
    v["municipal_project_starts"] = p.municipal_projects_per_100m * subsidies
    v["district_project_starts"] = p.district_projects_per_100m * subsidies
    provincial = s["provincial_projects_underway"] / p.project_duration
    municipal = s["municipal_projects_underway"] / p.project_duration
    v["provincial_project_completions"] = provincial
    v["municipal_project_completions"] = municipal
    v["breakthroughs"] = p.breakthroughs_per_project * (provincial + municipal)
    v["landmark_outcomes"] = p.landmark_share * provincial


SECTOR = Sector("projects", "Projects: funded S&T projects and their outputs", PROJECTS, STOCKS,
                FLOWS, {}, READS, calibrate, initial, rates, CONSTANTS)
