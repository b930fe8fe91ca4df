"""The model draws itself: a stock-and-flow / causal-loop diagram from the sector declarations.

:func:`diagram` is a pure function of ``(sectors, loops)`` to Graphviz DOT: stocks as boxes,
flows as valves on double-lined pipes into and out of their stocks, auxiliaries as ellipses,
the levers as notes, an arrow for every declared read, one cluster per sector, each feedback
loop's arrows in its own colour and named, an open loop's missing arrow dashed, and a legend.
Any Graphviz renders it (the app's browser does).

:func:`render` draws the same picture compactly enough to read on A3: each sector is laid out
alone by ``dot`` (left to right or top to bottom, whichever packs better), the sectors are
tiled on the page, and ``neato -n2`` routes the arrows between them. It needs Graphviz's
``dot`` and ``neato`` (Debian's ``graphviz``; the Makefile installs it) and raises
:class:`graphviz.ExecutableNotFound` without them.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import re
import textwrap
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import graphviz

from .document import (
    Link,
    inputs_used,
    links,
    loop_links,
    missing_steps,
    nodes,
    sector_title,
    specs,
)
from .quantities import Spec
from .sectors.common import Loop, Sector

LANGUAGES = ("zh", "en")
FONT = "WenQuanYi Micro Hei"   # Debian's fonts-wqy-microhei (the Makefile installs it)
A3 = (16.54, 11.69)            # inches, landscape
A3_DPI = 150
FORMATS = ("svg", "png")

# Loop colours in declaration order: warm for reinforcing loops, cool for balancing ones.
_REINFORCING = ("#d62728", "#ff7f0e", "#a0522d", "#e6ab02", "#f781bf")
_BALANCING = ("#1f77b4", "#2ca02c", "#17becf", "#9467bd", "#1b9e77", "#7570b3", "#386cb0")

TEXT: dict[str, dict[str, str]] = {
    "title": {"zh": "innosim 模型结构：存量流量图与反馈回路",
              "en": "innosim model structure: stocks, flows and feedback loops"},
    "legend": {"zh": "图例", "en": "Legend"},
    "stock": {"zh": "存量", "en": "stock"},
    "flow": {"zh": "流量（阀门），每年", "en": "flow (valve), per year"},
    "discrete_flow": {"zh": "离散流量，每年年末", "en": "discrete flow, at each year end"},
    "auxiliary": {"zh": "辅助变量", "en": "auxiliary"},
    "lever": {"zh": "政策杠杆", "en": "policy lever"},
    "pipe": {"zh": "管道：流量注入或流出存量", "en": "pipe: a flow fills or drains a stock"},
    "read": {"zh": "箭头：被读取", "en": "arrow: is read by"},
    "uses": {"zh": "杠杆作用于", "en": "lever used by"},
    "R": {"zh": "增强回路", "en": "reinforcing"},
    "B": {"zh": "调节回路", "en": "balancing"},
    "open": {"zh": "未闭合，虚线箭头尚未在代码中",
             "en": "open: the dashed arrow is not in the code"},
    "loops": {"zh": "反馈回路", "en": "Feedback loops"},
}

STYLE: dict[str, dict[str, str]] = {
    "stock": {"shape": "box", "style": "filled", "fillcolor": "#fff4d6", "color": "#8a6d1f",
              "penwidth": "1.6", "fontsize": "14", "margin": "0.12,0.06"},
    "flow": {"shape": "cds", "style": "filled", "fillcolor": "#e3eefa", "color": "#4a6f9a",
             "fontsize": "12", "margin": "0.14,0.04"},
    "discrete_flow": {"shape": "cds", "style": "filled,dashed", "fillcolor": "#e3eefa",
                      "color": "#4a6f9a", "fontsize": "12", "margin": "0.14,0.04"},
    "auxiliary": {"shape": "ellipse", "style": "filled", "fillcolor": "white",
                  "color": "#888888", "fontsize": "12",
                  "margin": "0.02,0.02"},
    "lever": {"shape": "note", "style": "filled", "fillcolor": "#e2f3df", "color": "#3d7a35",
              "fontsize": "12", "fontcolor": "#24521e", "margin": "0.06,0.03"},
}
PIPE = {"color": "#555555:invis:#555555", "penwidth": "1.3", "arrowsize": "0.9"}
READ = {"color": "#9a9a9a", "penwidth": "0.8", "arrowsize": "0.6"}
# Arrows between sectors cross the page: lighter, so that the sectors stay legible.
CROSS = {"color": "#b4b4b4", "penwidth": "0.7", "arrowsize": "0.6"}
USES = {"color": "#5b9b52", "penwidth": "0.8", "arrowsize": "0.5", "style": "dashed"}
LOOP_PEN = "2.6"

CLUSTER_FONT_SIZE = 20
CLUSTER = {"style": "rounded,filled", "fillcolor": "#f4f4f4", "color": "#c0c0c0",
           "fontsize": str(CLUSTER_FONT_SIZE), "fontcolor": "#333333"}
GUTTER = 44.0          # points between tiled sectors
CLUSTER_PAD = 10.0     # points around a sector's nodes
CLUSTER_LABEL = 30.0   # points above them for its title
TITLE_HEIGHT = 48.0


def text(key: str, language: str) -> str:
    return TEXT[key][language]


def loop_colours(loops: Sequence[Loop]) -> dict[str, str]:
    colours: dict[str, str] = {}
    counts = {"R": 0, "B": 0}
    for loop in loops:
        palette = _REINFORCING if loop.polarity == "R" else _BALANCING
        colours[loop.name] = palette[counts.get(loop.polarity, 0) % len(palette)]
        counts[loop.polarity] = counts.get(loop.polarity, 0) + 1
    return colours


# --- what is drawn -------------------------------------------------------------------------


@dataclass
class Cluster:
    name: str
    label: str
    nodes: list[tuple[str, dict[str, str]]] = field(default_factory=list)


@dataclass
class Drawing:
    """Nodes by sector cluster, the edges between them, a title and a legend."""

    title: str
    clusters: list[Cluster]
    edges: list[tuple[str, str, dict[str, str]]]
    legend: str

    def cluster_of(self) -> dict[str, str]:
        return {node: c.name for c in self.clusters for node, _ in c.nodes}


def _wrap(label: str, language: str) -> list[str]:
    if not label.isascii():
        width = 10 if language == "zh" else 12
        return [label[i:i + width] for i in range(0, len(label), width)]
    # Keys (no spaces) stay whole: a broken key cannot be searched for.
    return textwrap.wrap(label, 20, break_on_hyphens=False, break_long_words=False) or [label]


def _node_label(name: str, spec: Spec | None, language: str) -> str:
    """An HTML-like label: the quantity's name in ``language`` and, below, its key."""
    # Without a spec the key is the name (in English, spelled with spaces).
    if spec is None:
        title, key_line = (name if language == "zh" else name.replace("_", " ")), False
    else:
        title, key_line = spec.label(language), True
    lines = "<BR/>".join(html.escape(line) for line in _wrap(title, language))
    if key_line:
        lines += f'<BR/><FONT POINT-SIZE="9" COLOR="#6b6b6b">{html.escape(name)}</FONT>'
    return f"<{lines}>"


def drawing(sectors: Sequence[Sector], loops: Sequence[Loop], language: str = "zh",
            levers: bool = True) -> Drawing:
    """What the diagram shows, before any layout."""
    if language not in LANGUAGES:
        raise ValueError(f"language {language!r} is not one of {LANGUAGES}")
    named = specs(sectors)
    found = nodes(sectors)
    arrows = links(sectors)
    colours = loop_colours(loops)
    in_loops: dict[Link, list[str]] = {}
    for loop in loops:
        for made in loop_links(loop, arrows).values():
            for link in made:
                in_loops.setdefault(link, []).append(loop.name)
    used = inputs_used(sectors)
    declared_levers = {s.key: sector.name for sector in sectors for s in sector.catalogue.levers}

    clusters = []
    for sector in sectors:
        cluster = Cluster(f"cluster_{sector.name}", sector_title(sector, language))
        for node in found.values():
            if node.sector != sector.name or node.kind == "constant":
                continue
            tooltip = f"{node.name} [{node.unit}]"
            if node.variable is not None and node.variable.equation:
                tooltip += f": {node.variable.equation}"
            cluster.nodes.append((node.name, {
                "label": _node_label(node.name, named.get(node.name), language),
                "tooltip": tooltip, **STYLE[node.kind]}))
        if levers:
            for key, owner in declared_levers.items():
                if owner == sector.name and used.get(key):
                    cluster.nodes.append((f"lever__{key}", {
                        "label": _node_label(key, named[key], language),
                        "tooltip": f"{key}: {named[key].en}", **STYLE["lever"]}))
        clusters.append(cluster)

    def loop_style(link: Link, pipe: bool) -> dict[str, str]:
        names = in_loops.get(link)
        if not names:
            return dict(PIPE if pipe else READ)
        hues = [colours[n] for n in names]
        colour = ":invis:".join(hues) if pipe else ":".join(hues)
        if pipe and len(hues) == 1:
            colour = f"{hues[0]}:invis:{hues[0]}"
        return {"color": colour, "penwidth": LOOP_PEN, "arrowsize": "0.9",
                "label": " ".join(names), "fontcolor": hues[0], "fontsize": "13"}

    edges: list[tuple[str, str, dict[str, str]]] = []
    for link in arrows:
        if link.source not in found or link.target not in found or "constant" in (
                found[link.source].kind, found[link.target].kind):
            continue
        if link.kind == "read":
            style = loop_style(link, pipe=False)
            if found[link.source].sector != found[link.target].sector and link not in in_loops:
                style = dict(CROSS)
            edges.append((link.source, link.target, style))
        elif link.kind == "inflow":
            edges.append((link.source, link.target, loop_style(link, pipe=True)))
        else:   # a pipe out of the stock into the valve that drains it
            edges.append((link.target, link.source,
                          {"dir": "both", "arrowtail": "none", **loop_style(link, pipe=True)}))
    if levers:
        for key, users in used.items():
            if key in declared_levers:
                for user in dict.fromkeys(users):
                    if user in found and found[user].kind != "constant":
                        edges.append((f"lever__{key}", user, dict(USES)))
    for loop in loops:
        for a, b in missing_steps(loop, arrows):
            if a in found and b in found:
                edges.append((a, b, {"style": "dashed", "color": colours[loop.name],
                                     "penwidth": LOOP_PEN, "label": f"{loop.name} ?",
                                     "fontcolor": colours[loop.name], "fontsize": "13"}))
    # Two arrows of the same loops between the same two nodes (a stock and the valve that
    # drains it, read and pipe) need the loops' names once.
    named_pairs: set[tuple[frozenset[str], str]] = set()
    for a, b, attrs in edges:
        if "label" in attrs and "?" not in attrs["label"]:
            pair = (frozenset((a, b)), attrs["label"])
            if pair in named_pairs:
                del attrs["label"]
            named_pairs.add(pair)
    return Drawing(text("title", language), clusters, edges,
                   _legend(loops, colours, language, levers))


def _legend(loops: Sequence[Loop], colours: Mapping[str, str], language: str,
            levers: bool) -> str:
    def row(symbol: str, words: str) -> str:
        return (f'<TR><TD ALIGN="CENTER">{symbol}</TD>'
                f'<TD ALIGN="LEFT">{html.escape(words)}</TD></TR>')

    def heading(key: str) -> str:
        words = html.escape(text(key, language))
        return f'<TR><TD COLSPAN="2" ALIGN="LEFT"><B>{words}</B></TD></TR>'

    def swatch(fill: str, colour: str, style: str = "") -> str:
        return (f'<TABLE BORDER="1" CELLBORDER="0" CELLPADDING="0" BGCOLOR="{fill}" '
                f'COLOR="{colour}"{style}><TR><TD WIDTH="34" HEIGHT="14"> </TD></TR></TABLE>')

    rows = [heading("legend"),
            row(swatch("#fff4d6", "#8a6d1f"), text("stock", language)),
            row(swatch("#e3eefa", "#4a6f9a"), text("flow", language)),
            row(swatch("#e3eefa", "#4a6f9a", ' STYLE="DASHED"'), text("discrete_flow", language)),
            row(swatch("white", "#888888", ' STYLE="ROUNDED"'), text("auxiliary", language))]
    if levers:
        rows.append(row(swatch("#e2f3df", "#3d7a35"), text("lever", language)))
    rows += [row('<FONT COLOR="#555555"><B>═══▶</B></FONT>', text("pipe", language)),
             row('<FONT COLOR="#9a9a9a">───▶</FONT>', text("read", language))]
    if levers:
        rows.append(row('<FONT COLOR="#5b9b52">- - -▶</FONT>', text("uses", language)))
    rows.append(heading("loops"))
    for loop in loops:
        title = loop.title_zh if language == "zh" else loop.title_en
        words = f"{title} ({text(loop.polarity, language)})" if loop.polarity in ("R", "B") \
            else title
        if loop.open:
            words += f"; {text('open', language)}"
        rows.append(row(f'<FONT COLOR="{colours[loop.name]}"><B>━━ {loop.name}</B></FONT>',
                        words))
    return ('<<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="2" CELLPADDING="3" '
            f'BGCOLOR="white" COLOR="#999999">{"".join(rows)}</TABLE>>')


# --- DOT -------------------------------------------------------------------------------------


def _base_attrs() -> dict[str, str]:
    return {"fontname": FONT, "outputorder": "edgesfirst", "pad": "0.3"}


def _digest(source: str) -> str:
    return hashlib.sha256(source.encode()).hexdigest()[:16]


def _with_digest(graph: graphviz.Digraph, digest: str) -> graphviz.Digraph:
    # A graph's comment is kept by Graphviz in the SVG it writes: <!-- innosim diagram ... -->.
    graph.body.insert(0, f'\tcomment="innosim diagram {digest}"\n')
    return graph


def _plain(d: Drawing) -> graphviz.Digraph:
    graph = graphviz.Digraph("innosim", engine="dot")
    graph.attr(label=d.title, labelloc="t", fontsize="26", rankdir="LR", nodesep="0.25",
               ranksep="0.5", splines="true", **_base_attrs())
    graph.attr("node", fontname=FONT)
    graph.attr("edge", fontname=FONT, fontsize="10")
    for cluster in d.clusters:
        with graph.subgraph(name=cluster.name) as sub:
            sub.attr(label=cluster.label, margin="12", **CLUSTER)
            for name, attrs in cluster.nodes:
                sub.node(name, **attrs)
    for a, b, attrs in d.edges:
        graph.edge(a, b, **attrs)
    graph.node("legend", d.legend, shape="plaintext")
    return graph


def diagram(sectors: Sequence[Sector], loops: Sequence[Loop], language: str = "zh",
            levers: bool = True) -> graphviz.Digraph:
    """The stock-and-flow / causal-loop diagram as DOT (pure; any Graphviz engine draws it).

    The graph carries a ``comment`` with a digest of its own source, which an SVG drawn from
    it keeps; a test compares the committed SVG's digest with what the code draws now.
    """
    graph = _plain(drawing(sectors, loops, language, levers))
    return _with_digest(graph, _digest(graph.source))


def source_digest(graph: graphviz.Digraph) -> str:
    found = re.search(r'comment="innosim diagram ([0-9a-f]+)"', graph.source)
    if found is None:
        raise ValueError("not a diagram drawn by model.diagram")
    return found.group(1)


def svg_digest(svg: str) -> str | None:
    """The digest an SVG drawn by :func:`render` carries (``None`` if it carries none)."""
    found = re.search(r"<!-- innosim diagram ([0-9a-f]+) -->", svg)
    return found.group(1) if found else None


# --- layout for A3 ---------------------------------------------------------------------------


@dataclass
class _Block:
    """A sector (or the legend) laid out alone: size and positions relative to its corner."""

    width: float
    height: float
    nodes: dict[str, tuple[float, float]]
    edges: dict[int, tuple[str, str | None]]   # edge index -> (pos, label pos)


def _points(value: str, dx: float, dy: float) -> str:
    def shift(token: str) -> str:
        prefix = ""
        if token[:2] in ("e,", "s,"):
            prefix, token = token[:2], token[2:]
        x, y = (float(v) for v in token.split(","))
        return f"{prefix}{x + dx:.2f},{y + dy:.2f}"

    return " ".join(shift(t) for t in value.split())


def _lay_out(cluster: Cluster, edges: list[tuple[int, str, str, dict[str, str]]],
             rankdir: str) -> _Block:
    graph = graphviz.Digraph(engine="dot")
    graph.attr(rankdir=rankdir, nodesep="0.22", ranksep="0.4", splines="true", fontname=FONT)
    graph.attr("edge", fontname=FONT, fontsize="10")
    for name, attrs in cluster.nodes:
        graph.node(name, fontname=FONT, **attrs)
    for index, a, b, attrs in edges:
        graph.edge(a, b, id=f"e{index}", **attrs)
    laid = json.loads(graph.pipe(format="json0"))
    x0, y0, x1, y1 = (float(v) for v in laid["bb"].split(","))
    dx, dy = CLUSTER_PAD - x0, CLUSTER_PAD - y0
    placed: dict[str, tuple[float, float]] = {}
    for o in laid.get("objects", []):
        if "pos" in o:
            x, y = (float(v) for v in o["pos"].split(","))
            placed[o["name"]] = (x + dx, y + dy)
    routes = {int(e["id"][1:]): (_points(e["pos"], dx, dy),
                                 _points(e["lp"], dx, dy) if "lp" in e else None)
              for e in laid.get("edges", []) if "pos" in e}
    # Wide enough for the sector's title; the nodes are centred.
    width = max(x1 - x0 + 2 * CLUSTER_PAD, _text_width(cluster.label, CLUSTER_FONT_SIZE) + 24)
    shift = (width - (x1 - x0 + 2 * CLUSTER_PAD)) / 2
    if shift:
        placed = {name: (x + shift, y) for name, (x, y) in placed.items()}
        routes = {i: (_points(pos, shift, 0.0), _points(lp, shift, 0.0) if lp else None)
                  for i, (pos, lp) in routes.items()}
    return _Block(width, y1 - y0 + 2 * CLUSTER_PAD + CLUSTER_LABEL,
                  placed, routes)


def _text_width(words: str, size: float) -> float:
    """A generous estimate of a line's width in points: CJK characters are square."""
    return sum(size if ord(ch) > 0x2E80 else 0.56 * size for ch in words)


def _legend_block(legend: str) -> _Block:
    graph = graphviz.Digraph(engine="dot")
    graph.node("legend", legend, shape="plaintext", fontname=FONT, fontsize="13")
    laid = json.loads(graph.pipe(format="json0"))
    o = laid["objects"][0]
    width, height = float(o["width"]) * 72, float(o["height"]) * 72
    return _Block(width, height, {"legend": (width / 2, height / 2)}, {})


def _tile(sizes: Sequence[Sequence[tuple[float, float]]]) -> tuple[list[int], list[int]]:
    """Pick each block's orientation and the row breaks that let the page be largest on A3.

    Blocks stay in their order, left to right, row by row. Returns (orientation per block,
    index of the first block of each row).
    """
    best: tuple[float, list[int], list[int]] | None = None
    n = len(sizes)
    for choice in itertools.product(*(range(len(s)) for s in sizes)):
        dims = [sizes[i][c] for i, c in enumerate(choice)]
        for breaks in itertools.product((False, True), repeat=n - 1):
            starts = [0] + [i + 1 for i, b in enumerate(breaks) if b]
            rows = [dims[a:b] for a, b in zip(starts, [*starts[1:], n], strict=True)]
            width = max(sum(w for w, _ in row) + GUTTER * (len(row) - 1) for row in rows)
            height = sum(max(h for _, h in row) for row in rows) + GUTTER * (len(rows) - 1)
            scale = min(A3[0] * 72 / width, A3[1] * 72 / (height + TITLE_HEIGHT))
            if best is None or scale > best[0] + 1e-9:
                best = (scale, list(choice), starts)
    assert best is not None
    return best[1], best[2]


def layout(d: Drawing, digest: str | None = None) -> graphviz.Digraph:
    """The drawing with every position fixed, for ``neato -n2``: sectors tiled for A3."""
    cluster_of = d.cluster_of()
    inside: dict[str, list[tuple[int, str, str, dict[str, str]]]] = {}
    for index, (a, b, attrs) in enumerate(d.edges):
        if cluster_of.get(a) is not None and cluster_of.get(a) == cluster_of.get(b):
            inside.setdefault(cluster_of[a], []).append((index, a, b, attrs))
    # Each sector both ways, and the legend: separate `dot` processes, run side by side.
    with ThreadPoolExecutor(max_workers=8) as pool:
        laid = [[pool.submit(_lay_out, c, inside.get(c.name, []), rankdir)
                 for rankdir in ("LR", "TB")] for c in d.clusters]
        legend_future = pool.submit(_legend_block, d.legend)
        options = [[future.result() for future in both] for both in laid]
        options.append([legend_future.result()])
    choice, starts = _tile([[(b.width, b.height) for b in o] for o in options])
    blocks = [o[c] for o, c in zip(options, choice, strict=True)]

    # Rows from the top; Graphviz's y axis points up.
    rows = [list(range(a, b)) for a, b in zip(starts, [*starts[1:], len(blocks)], strict=True)]
    row_heights = [max(blocks[i].height for i in row) for row in rows]
    row_widths = [sum(blocks[i].width for i in row) + GUTTER * (len(row) - 1) for row in rows]
    width = max(row_widths)
    height = sum(row_heights) + GUTTER * (len(rows) - 1) + TITLE_HEIGHT
    corners: list[tuple[float, float]] = [(0.0, 0.0)] * len(blocks)
    top = height - TITLE_HEIGHT
    for row, row_height, row_width in zip(rows, row_heights, row_widths, strict=True):
        # Spread a short row's blocks over the page's width.
        spare = (width - row_width) / max(len(row) - 1, 1) if len(row) > 1 else 0.0
        x = 0.0 if len(row) > 1 else (width - row_width) / 2
        for i in row:
            corners[i] = (x, top - blocks[i].height)
            x += blocks[i].width + GUTTER + spare
        top -= row_height + GUTTER

    graph = graphviz.Digraph("innosim", engine="neato")
    # Arrows inside a sector keep dot's routes; those between sectors are drawn as curves
    # (under the nodes), which takes a fraction of a second where routing them around
    # every node takes seconds.
    graph.attr(bb=f"0,0,{width:.2f},{height:.2f}", splines="curved", size=f"{A3[0]},{A3[1]}",
               **_base_attrs())
    graph.attr("node", fontname=FONT)
    graph.attr("edge", fontname=FONT, fontsize="10")
    graph.node("title", d.title, shape="plaintext", fontsize="26",
               pos=f"{width / 2:.2f},{height - TITLE_HEIGHT / 2:.2f}")
    routes: dict[int, tuple[str, str | None]] = {}
    for cluster, block, (x, y) in zip(d.clusters, blocks[:-1], corners[:-1], strict=True):
        with graph.subgraph(name=cluster.name) as sub:
            sub.attr(label=cluster.label, bb=f"{x:.2f},{y:.2f},{x + block.width:.2f},"
                                            f"{y + block.height:.2f}", **CLUSTER)
            for name, attrs in cluster.nodes:
                nx, ny = block.nodes[name]
                sub.node(name, pos=f"{nx + x:.2f},{ny + y:.2f}", **attrs)
        for index, (pos, label_pos) in block.edges.items():
            routes[index] = (_points(pos, x, y), _points(label_pos, x, y) if label_pos else None)
    lx, ly = corners[-1]
    legend = blocks[-1]
    graph.node("legend", d.legend, shape="plaintext", fontsize="13",
               pos=f"{lx + legend.width / 2:.2f},{ly + legend.height / 2:.2f}")
    for index, (a, b, attrs) in enumerate(d.edges):
        extra: dict[str, str] = {}
        if index in routes:
            pos, label_pos = routes[index]
            extra["pos"] = pos
            if label_pos:
                extra["lp"] = label_pos
        graph.edge(a, b, **attrs, **extra)
    return _with_digest(graph, digest) if digest else graph


def render(sectors: Sequence[Sector], loops: Sequence[Loop], language: str = "zh",
           formats: Sequence[str] = FORMATS, dpi: int = A3_DPI) -> dict[str, bytes]:
    """The diagram drawn for A3, in each of ``formats`` (``svg``, ``png``).

    Raises :class:`graphviz.ExecutableNotFound` when Graphviz is not installed.
    """
    d = drawing(sectors, loops, language)
    plain = _plain(d)
    graph = layout(d, _digest(plain.source))
    drawn = {}
    for fmt in formats:
        if fmt not in FORMATS:
            raise ValueError(f"format {fmt!r} is not one of {FORMATS}")
        copy = graph.copy()
        if fmt == "png":
            copy.attr(dpi=str(dpi))
        drawn[fmt] = copy.pipe(format=fmt, neato_no_op=2)
    return drawn
