"""The model documents itself, from the sector declarations (``sectors/common.py``).

The structure the declarations describe (quantities, arrows, loops and the arrows that make
them), and :func:`markdown`, a pure function of ``(sectors, loops)`` that writes the
documentation, ``model.md``: per sector its stocks, flows,
  auxiliaries and calibrated constants (equation in words, unit, what each reads, its
  source), the levers and parameters it uses (value, range, unit, source or "assumption"),
  and for every variable the feedback loops it belongs to; then each loop's arrows.

The diagram is drawn from the same structure (:mod:`model.diagram`). Neither can drift from
the code: both are read off the declarations the model is built from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .catalogue import INDICATORS
from .quantities import Spec
from .sectors.common import Loop, Sector, Variable

BASELINE_PREFIX = "baseline."
# Chinese names of the sectors (a sector declares an English title only).
SECTOR_ZH = {"economy": "经济", "fiscal": "财政", "incubation": "孵化与高企认定", "rd": "研发",
             "talent": "人才", "knowledge": "知识产权与技术市场", "hightech": "高新技术产业"}
KINDS = ("stock", "flow", "discrete_flow", "auxiliary", "constant")


# --- the structure the declarations describe ----------------------------------------------


@dataclass(frozen=True)
class Node:
    """A model quantity: a stock, flow, discrete flow, auxiliary or calibrated constant."""

    name: str
    kind: str
    sector: str
    unit: str
    variable: Variable | None = None   # None for stocks


@dataclass(frozen=True)
class Link:
    """A causal arrow ``source -> target``: ``read`` (target reads source), ``inflow``
    (flow source fills stock target) or ``outflow`` (flow source drains stock target)."""

    source: str
    target: str
    kind: str


def nodes(sectors: Sequence[Sector]) -> dict[str, Node]:
    """Every declared quantity, in declaration order."""
    found: dict[str, Node] = {}
    for sector in sectors:
        for name, stock in sector.stocks.items():
            found[name] = Node(name, "stock", sector.name, stock.unit)
        groups = (("flow", sector.flows), ("discrete_flow", sector.discrete_flows),
                  ("auxiliary", sector.auxiliaries), ("constant", sector.constants))
        for kind, group in groups:
            for name, variable in group.items():
                found[name] = Node(name, kind, sector.name, variable.unit, variable)
    return found


def links(sectors: Sequence[Sector]) -> list[Link]:
    """Every declared arrow: reads, and flows into and out of stocks (the flow's effect)."""
    found: list[Link] = []
    for sector in sectors:
        for name, stock in sector.stocks.items():
            found += [Link(flow, name, "inflow") for flow in stock.inflows]
            found += [Link(flow, name, "outflow") for flow in stock.outflows]
        for flow, (source, target) in sector.transfers.items():
            if source is not None:
                found.append(Link(flow, source, "outflow"))
            if target is not None:
                found.append(Link(flow, target, "inflow"))
    for node in nodes(sectors).values():
        if node.variable is not None:
            found += [Link(read, node.name, "read") for read in node.variable.reads
                      if not read.startswith(BASELINE_PREFIX)]
    return list(dict.fromkeys(found))


def loop_steps(loop: Loop) -> list[tuple[str, str]]:
    """The arrows a loop claims: each variable to the next, the last back to the first."""
    names = loop.variables
    return [(names[i], names[(i + 1) % len(names)]) for i in range(len(names))]


def loop_links(loop: Loop, arrows: Iterable[Link]) -> dict[tuple[str, str], list[Link]]:
    """For each step of ``loop``, the declared arrows that make it (empty: a missing arrow)."""
    by_pair: dict[tuple[str, str], list[Link]] = {}
    for link in arrows:
        by_pair.setdefault((link.source, link.target), []).append(link)
    return {step: by_pair.get(step, []) for step in loop_steps(loop)}


def missing_steps(loop: Loop, arrows: Iterable[Link]) -> list[tuple[str, str]]:
    """The steps of ``loop`` no declared arrow makes: none for a closed loop."""
    return [step for step, made in loop_links(loop, arrows).items() if not made]


def memberships(loops: Sequence[Loop]) -> dict[str, list[str]]:
    """Variable -> names of the loops it belongs to."""
    found: dict[str, list[str]] = {}
    for loop in loops:
        for name in dict.fromkeys(loop.variables):
            found.setdefault(name, []).append(loop.name)
    return found


def specs(sectors: Sequence[Sector]) -> dict[str, Spec]:
    """Named quantities (zh/en names, units) from the sectors' catalogues and the indicators."""
    found: dict[str, Spec] = {}
    for sector in sectors:
        c = sector.catalogue
        for spec in (*c.indicators, *c.baselines, *c.levers, *c.parameters):
            found.setdefault(spec.key, spec)
    for key, spec in INDICATORS.items():
        found.setdefault(key, spec)
    return found


def inputs_used(sectors: Sequence[Sector]) -> dict[str, list[str]]:
    """Input (lever or parameter) -> the variables that use it, in declaration order."""
    used: dict[str, list[str]] = {}
    for node in nodes(sectors).values():
        if node.variable is not None:
            for key in node.variable.inputs:
                used.setdefault(key, []).append(node.name)
    return used


# --- Markdown --------------------------------------------------------------------------------


def _cell(value: str) -> str:
    """Table-cell text: one line, pipes escaped, Markdown emphasis characters escaped outside
    code spans."""
    parts = re.split(r"(`[^`]*`)", " ".join(value.split()))
    return "".join(p if p.startswith("`") else re.sub(r"([\\*_|<])", r"\\\1", p)
                   for p in parts).replace("`|", "`\\|")


def _code(names: Iterable[str]) -> str:
    return ", ".join(f"`{n}`" for n in names) or "—"


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(c) if c else "—" for c in row) + " |" for row in rows]
    return [*lines, ""]


def _name(spec: Spec | None) -> str:
    if spec is None:
        return ""
    return spec.zh if spec.zh == spec.en else f"{spec.zh} / {spec.en}"


def _number(x: float) -> str:
    return f"{x:g}"


def _span(spec: Spec) -> str:
    return f"{_number(spec.range[0])} to {_number(spec.range[1])}" if spec.range else ""


def _source(variable: Variable) -> str:
    if variable.source:
        return variable.source
    return "its inputs' sources" if variable.inputs else ""


def source_text(spec: Spec) -> str:
    """A lever's or parameter's source, or ``assumption (range)`` with its note."""
    if spec.source:
        return spec.source
    span = f"{_span(spec)} {spec.unit}".strip() if spec.range else "no range"
    note = spec.doc.strip()
    if note.lower().startswith("assumption"):
        note = note[len("assumption"):].lstrip(":;, ").strip()
    return f"assumption ({span})" + (f": {note}" if note else "")


def _reads(variable: Variable) -> str:
    return _code(variable.reads)


def _loops_of(name: str, member: Mapping[str, list[str]]) -> str:
    return ", ".join(member.get(name, []))


def markdown(sectors: Sequence[Sector], loops: Sequence[Loop],
             diagram_file: str | None = "model.svg") -> str:
    """The model's documentation (``model.md``), from the declarations alone."""
    named = specs(sectors)
    member = memberships(loops)
    arrows = links(sectors)
    found = nodes(sectors)
    used = inputs_used(sectors)
    inputs = {s.key: s for sector in sectors
              for s in (*sector.catalogue.levers, *sector.catalogue.parameters)}
    levers = {s.key for sector in sectors for s in sector.catalogue.levers}
    declared = {s.key: sector.name for sector in sectors
                for s in (*sector.catalogue.levers, *sector.catalogue.parameters)}
    provider = {name: node.sector for name, node in found.items()}
    counts = {kind: sum(n.kind == kind for n in found.values()) for kind in KINDS}

    out = [
        "# innosim: the model / 模型说明",
        "",
        "Generated by `innosim document` from the sector declarations in `model/sectors/` "
        "(`make docs` writes it to `docs/`); do not edit it by hand: change the declarations.",
        "",
        f"{len(sectors)} sectors, {counts['stock']} stocks, "
        f"{counts['flow'] + counts['discrete_flow']} flows "
        f"({counts['discrete_flow']} of them discrete), {counts['auxiliary']} auxiliaries, "
        f"{counts['constant']} constants calibrated at the start, {len(loops)} feedback loops "
        f"({sum(loop.open for loop in loops)} open).",
        "",
    ]
    if diagram_file:
        out += [f"![Stock-and-flow and causal-loop diagram / 存量流量图]({diagram_file})", ""]
    out += ["Sectors: " + ", ".join(f"[{sector_title(s, 'zh')}](#{_anchor(s)})"
                                    for s in sectors) + "; "
            "[feedback loops](#feedback-loops).", ""]
    out += _loops_section(loops, arrows)
    for sector in sectors:
        out += _sector_section(sector, named, member, inputs, levers, declared, used,
                               provider)
    return "\n".join(out).rstrip() + "\n"


def sector_title(sector: Sector, language: str = "both") -> str:
    """The sector's title: ``zh`` its Chinese name and short English name, ``en`` its title,
    ``both`` the title followed by the Chinese name."""
    zh = SECTOR_ZH.get(sector.name)
    if zh is None or language == "en":
        return sector.title
    if language == "zh":
        return f"{zh} {sector.title.split(':')[0]}"
    return f"{sector.title} / {zh}"


def _anchor(sector: Sector) -> str:
    return f"sector-{sector.name}"


def _loops_section(loops: Sequence[Loop], arrows: list[Link]) -> list[str]:
    out = ["## Feedback loops", "",
           "Each loop's variables in causal order; the last feeds the first. A loop is "
           "*closed* when every arrow is declared by the sectors, *open* when the model does "
           "not (yet) make one of them.", ""]
    rows = []
    for loop in loops:
        polarity = {"R": "reinforcing", "B": "balancing"}.get(loop.polarity, loop.polarity)
        missing = missing_steps(loop, arrows)
        status = "open" if loop.open else "closed"
        if missing:
            status += ": no declared arrow " + "; ".join(f"`{a}` → `{b}`" for a, b in missing)
        chain = " → ".join(f"`{v}`" for v in (*loop.variables, loop.variables[0]))
        rows.append((loop.name, polarity, loop.title_zh, loop.title_en, chain, status))
    out += _table(("Loop", "Polarity", "名称", "Name", "Variables in causal order", "Status"),
                  rows)
    words = {"read": "is read by", "inflow": "fills", "outflow": "drains"}
    for loop in loops:
        out += [f"### {loop.name} {loop.title_zh} / {loop.title_en}", ""]
        for (a, b), made in loop_links(loop, arrows).items():
            how = " and ".join(words[link.kind] for link in made) or (
                "**not declared** (the open link)")
            out.append(f"1. `{a}` {how} `{b}`" if made else f"1. `{a}` → `{b}`: {how}")
        out.append("")
    return out


def _sector_section(sector: Sector, named: Mapping[str, Spec],
                    member: Mapping[str, list[str]], inputs: Mapping[str, Spec],
                    levers: set[str], declared: Mapping[str, str],
                    used: Mapping[str, list[str]],
                    provider: Mapping[str, str]) -> list[str]:
    out = [f'<a id="{_anchor(sector)}"></a>', "",
           f"## {sector_title(sector)} (`{sector.name}`)", ""]
    if sector.stocks:
        out += ["### Stocks", ""]
        # Discrete flows (transfers at each year end) fill and drain stocks too.
        into = {name: [f for f, (_, target) in sector.transfers.items() if target == name]
                for name in sector.stocks}
        out_of = {name: [f for f, (source, _) in sector.transfers.items() if source == name]
                  for name in sector.stocks}
        out += _table(("Stock", "名称 / name", "Unit", "Inflows", "Outflows", "Loops", "Note"), (
            (f"`{name}`", _name(named.get(name)), stock.unit,
             _code((*stock.inflows, *into[name])), _code((*stock.outflows, *out_of[name])),
             _loops_of(name, member), stock.doc)
            for name, stock in sector.stocks.items()))
    groups = (("Flows (per year)", sector.flows),
              ("Discrete flows (moved at each year end)", sector.discrete_flows),
              ("Auxiliaries", sector.auxiliaries))
    for heading, group in groups:
        if not group:
            continue
        out += [f"### {heading}", ""]
        out += _table(("Variable", "名称 / name", "Equation", "Unit", "Reads", "Inputs",
                       "Source", "Loops"), (
            (f"`{name}`", _name(named.get(name)), var.equation, var.unit, _reads(var),
             _code(var.inputs), _source(var), _loops_of(name, member))
            for name, var in group.items()))
    if sector.constants:
        out += ["### Constants calibrated at the start", "",
                "Computed once from the start-year baseline and the inputs, then fixed.", ""]
        out += _table(("Constant", "Equation", "Unit", "Reads", "Inputs", "Source"), (
            (f"`{name}`", var.equation, var.unit, _reads(var), _code(var.inputs), _source(var))
            for name, var in sector.constants.items()))
    if sector.reads:
        out += ["### Reads from other sectors", ""]
        out += _table(("Quantity", "名称 / name", "Unit expected", "Provided by"), (
            (f"`{name}`", _name(named.get(name)), unit,
             f"`{provider[name]}`" if name in provider else "**no sector**")
            for name, unit in sector.reads.items()))
    mine = [*sector.catalogue.levers, *sector.catalogue.parameters]
    own = {s.key for s in mine}
    uses = dict.fromkeys(key for name in _variables(sector) for key in _inputs_of(sector, name))
    keys = [*(s.key for s in mine), *(k for k in uses if k not in own)]
    for heading, wanted in (("Levers", True), ("Parameters", False)):
        rows = []
        for key in keys:
            spec = inputs.get(key)
            if (key in levers) != wanted or (spec is None and wanted):
                continue
            users = [u for u in used.get(key, []) if u in _variables(sector)]
            where = "" if key in own else f" (declared in {declared.get(key, 'no sector')})"
            if spec is None:
                rows.append((f"`{key}`", "", "", "", "", "model setting", _code(users)))
                continue
            value = _number(spec.default) if spec.default is not None else ""
            span = _span(spec)
            rows.append((f"`{key}`", _name(spec) + where, value, span, spec.unit,
                         source_text(spec), _code(users) if users else "—"))
        if rows:
            out += [f"### {heading}", ""]
            out += _table(("Input", "名称 / name", "Value", "Range", "Unit", "Source",
                           "Used by"), rows)
    catalogue = sector.catalogue
    if catalogue.baselines:
        out += ["### Baselines (start-year values it is calibrated on)", ""]
        out += _table(("Baseline", "名称 / name", "Unit", "If the scenario omits it"), (
            (f"`{s.key}`", _name(s), s.unit, s.fallback or "required")
            for s in catalogue.baselines))
    if catalogue.indicators:
        out += ["### Indicators reported", ""]
        out += _table(("Indicator", "名称 / name", "Unit"), (
            (f"`{s.key}`", _name(s), s.unit) for s in catalogue.indicators))
    return out


def _variables(sector: Sector) -> dict[str, Variable]:
    return {**sector.flows, **sector.discrete_flows, **sector.auxiliaries, **sector.constants}


def _inputs_of(sector: Sector, name: str) -> tuple[str, ...]:
    return _variables(sector)[name].inputs
