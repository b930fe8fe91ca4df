"""The model documents and draws itself: `model.md` and the diagram come from the sector
declarations, on a small hand-made structure and on the shipped model; the committed copies in
docs/ match what the code draws now."""

from __future__ import annotations

import re
from pathlib import Path

import graphviz
import pytest

from model import diagram, document
from model.catalogue import SectorCatalogue
from model.cli import main
from model.cli.document import write_atomically
from model.engine import StockSpec
from model.quantities import PERCENT, Spec
from model.sectors.common import Loop, Sector, Variable
from model.system import LOOPS, SECTORS

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _nothing(*_args):
    return {}


def _fake() -> tuple[tuple[Sector, ...], tuple[Loop, ...]]:
    """Two sectors: money builds capital (a stock drained by depreciation), capital makes
    firms, which are certified once a year (a discrete flow); firms' output is read back."""
    money = Sector(
        name="money", title="Money: spending and its capital",
        catalogue=SectorCatalogue(
            "money",
            baselines=(Spec("spending", "支出", "spending", "亿元"),),
            levers=(Spec("spending_growth", "支出增速", "spending growth", "%/年", PERCENT,
                         10.0, (0.0, 30.0), source="Plan 2027, table 3"),),
            parameters=(Spec("decay", "折旧率", "decay rate", "%/年", PERCENT, 15.0,
                             (5.0, 30.0), doc="assumption: what others use"),),
            indicators=(Spec("capital", "资本存量", "capital stock", "亿元"),)),
        stocks={"capital": StockSpec("亿元", inflows=("investment",),
                                     outflows=("depreciation",), doc="built by spending")},
        flows={"investment": Variable("亿元/年", "spending plus output", ("outlay", "output"),
                                      ("spending_growth",)),
               "depreciation": Variable("亿元/年", "decay * capital", ("capital",), ("decay",),
                                        source="Hall 2007")},
        auxiliaries={"outlay": Variable("亿元/年", "start spending grown", (),
                                        ("spending_growth",))},
        reads={"output": "亿元/年"},
        calibrate=_nothing, initial=_nothing, rates=_nothing,
        constants={"outlay_start": Variable("亿元/年", "baseline spending",
                                            ("baseline.spending",))},
    )
    firms = Sector(
        name="firms", title="Firms: certified and not",
        catalogue=SectorCatalogue(
            "firms", indicators=(Spec("certified", "认定企业", "certified firms", "家"),)),
        stocks={"candidates": StockSpec("家"), "certified": StockSpec("家")},
        flows={},
        auxiliaries={"output": Variable("亿元/年", "certified firms times output per firm",
                                        ("certified",))},
        reads={"capital": "亿元"},
        calibrate=_nothing, initial=_nothing, rates=_nothing,
        discrete_flows={"certification": Variable("家/年", "a share of candidates, rising "
                                                  "with capital", ("candidates", "capital"))},
        transfers={"certification": ("candidates", "certified")},
    )
    loops = (
        Loop("R1", "R", "产出", "output", ("capital", "certification", "certified", "output",
                                           "investment")),
        Loop("R2", "R", "未闭合", "not closed", ("outlay", "investment", "capital"),
             open=True),
        Loop("B1", "B", "折旧", "decay", ("capital", "depreciation")),
    )
    return (money, firms), loops


FAKE_SECTORS, FAKE_LOOPS = _fake()


def _all_names(sectors):
    for sector in sectors:
        yield from sector.stocks
        yield from sector.flows
        yield from sector.auxiliaries
        yield from sector.discrete_flows
        yield from sector.constants


@pytest.mark.parametrize("sectors, loops", [(FAKE_SECTORS, FAKE_LOOPS), (SECTORS, LOOPS)],
                         ids=["fake", "shipped"])
def test_documentation_names_every_quantity_and_loop(sectors, loops):
    text = document.markdown(sectors, loops)
    for name in _all_names(sectors):
        assert f"| `{name}` |" in text, name
    for loop in loops:
        assert f"### {loop.name} {loop.title_zh} / {loop.title_en}" in text
    for sector in sectors:
        assert f"(`{sector.name}`)" in text


def test_documentation_gives_sources_assumptions_and_loops_per_variable():
    text = document.markdown(FAKE_SECTORS, FAKE_LOOPS)
    lines = text.splitlines()

    def row(name: str) -> str:
        return next(line for line in lines if line.startswith(f"| `{name}` |"))

    assert "Plan 2027, table 3" in row("spending_growth")
    assert "assumption (5 to 30 %/年): what others use" in row("decay")
    assert "Hall 2007" in row("depreciation")
    # Each variable lists the loops it is on; the stock is on all three.
    assert row("capital").count("R1, R2, B1") == 1
    assert row("depreciation").endswith("| B1 |")
    assert "`outlay`, `output`" in row("investment")   # what it reads
    assert "`money`" in row("output") or "`firms`" in row("output")
    # Labels in both languages where the catalogue gives them.
    assert "资本存量 / capital stock" in row("capital")
    # The open loop says which arrow is missing; the closed ones say closed.
    assert "open: no declared arrow `capital` → `outlay`" in text
    assert re.search(r"\| B1 \| balancing \| 折旧 \| decay \| .* \| closed \|", text)


def test_loop_arrows_are_found_through_reads_pipes_and_transfers():
    arrows = document.links(FAKE_SECTORS)
    made = document.loop_links(FAKE_LOOPS[0], arrows)
    kinds = {step: [link.kind for link in links] for step, links in made.items()}
    assert kinds[("capital", "certification")] == ["read"]
    assert kinds[("certification", "certified")] == ["inflow"]   # a transfer into the stock
    assert kinds[("investment", "capital")] == ["inflow"]
    assert document.missing_steps(FAKE_LOOPS[0], arrows) == []
    assert document.missing_steps(FAKE_LOOPS[1], arrows) == [("capital", "outlay")]


def test_shipped_loops_close_except_the_open_one():
    arrows = document.links(SECTORS)
    for loop in LOOPS:
        assert bool(document.missing_steps(loop, arrows)) == loop.open, loop.name


def _svg(graph: graphviz.Digraph) -> str:
    return graph.pipe(format="svg").decode()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_diagram_is_valid_dot_and_draws_every_quantity(language):
    graph = diagram.diagram(SECTORS, LOOPS, language)
    svg = _svg(graph)   # dot -Tsvg succeeds
    for name in _all_names(SECTORS):
        if not any(name in s.constants for s in SECTORS):
            assert f"<title>{name}</title>" in svg, name
    for sector in SECTORS:
        assert f"cluster_{sector.name}" in graph.source
    assert diagram.svg_digest(svg) == diagram.source_digest(graph)


def _edges(source: str, a: str, b: str) -> list[str]:
    return re.findall(rf"^\s*{re.escape(a)} -> {re.escape(b)} \[(.*)\]$", source, re.M)


def test_a_loops_arrows_carry_its_colour_and_name():
    source = diagram.diagram(FAKE_SECTORS, FAKE_LOOPS, "en").source
    colours = diagram.loop_colours(FAKE_LOOPS)
    # The read capital -> certification is on R1 only.
    (read,) = _edges(source, "capital", "certification")
    assert f'color="{colours["R1"]}"' in read and "label=R1" in read
    # The outflow pipe is drawn from the stock into its valve; it and the read of the stock
    # by the valve make B1.
    pipe, read = sorted(_edges(source, "capital", "depreciation"), key=lambda e: "dir" not in e)
    assert "dir=both" in pipe and ":invis:" in pipe and "dir" not in read
    assert colours["B1"] in pipe and colours["B1"] in read
    assert ("label=B1" in pipe) + ("label=B1" in read) == 1   # named once for the pair
    # investment -> capital is on R1 and R2: two colours, both names.
    (both,) = _edges(source, "investment", "capital")
    assert colours["R1"] in both and colours["R2"] in both and 'label="R1 R2"' in both
    # The open loop's missing arrow is drawn dashed, with a question mark.
    (missing,) = _edges(source, "capital", "outlay")
    assert "style=dashed" in missing and 'label="R2 ?"' in missing
    # Arrows on no loop (the transfer's pipe out of candidates, and its read) carry no name.
    plain = _edges(source, "candidates", "certification")
    assert len(plain) == 2 and not any("label" in edge for edge in plain)
    # The legend names each loop.
    for loop in FAKE_LOOPS:
        assert f"━━ {loop.name}" in source


def test_shipped_diagram_marks_each_loop_on_its_arrows():
    source = diagram.diagram(SECTORS, LOOPS, "zh").source
    colours = diagram.loop_colours(LOOPS)
    edges = re.findall(r"^\s*\S+ -> \S+ \[(.*)\]$", source, re.M)
    for loop in LOOPS:
        # Every step of the loop is an arrow in its colour (an open loop's missing one dashed),
        # and the loop is named on its arrows.
        coloured = [e for e in edges if colours[loop.name] in e]
        assert len(coloured) >= len(loop.variables), loop.name
        assert any(re.search(rf'label="?[^"\]]*\b{loop.name}\b', e) for e in coloured)
        dashed = [e for e in coloured if "style=dashed" in e]
        assert len(dashed) == (1 if loop.open else 0), loop.name


def test_render_draws_svg_and_png_for_a3():
    drawn = diagram.render(FAKE_SECTORS, FAKE_LOOPS, "zh")
    assert drawn["png"].startswith(b"\x89PNG")
    svg = drawn["svg"].decode()
    assert "资本存量" in svg and "WenQuanYi Micro Hei" in svg
    width, height = (float(v) for v in re.search(
        r'<svg width="([\d.]+)pt" height="([\d.]+)pt"', svg).groups())
    assert width <= diagram.A3[0] * 72 + 1 and height <= diagram.A3[1] * 72 + 1


def test_document_command_writes_the_three_files(tmp_path, capsys):
    target = tmp_path / "new" / "docs"
    assert main(["document", str(target), "--lang", "en"]) == 0
    assert {p.name for p in target.iterdir()} == {"model.md", "model.svg", "model.png"}
    assert (target / "model.md").read_text() == document.markdown(SECTORS, LOOPS)
    assert (target / "model.png").read_bytes().startswith(b"\x89PNG")
    svg = (target / "model.svg").read_text()
    assert "R&amp;D capital stock" in svg
    assert diagram.svg_digest(svg) == diagram.source_digest(
        diagram.diagram(SECTORS, LOOPS, "en"))
    assert "wrote" in capsys.readouterr().out


def test_document_command_says_in_one_line_when_dot_is_missing(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))   # no `dot` on it
    assert main(["document", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Graphviz's `dot` is not installed" in err
    assert not (tmp_path / "out").exists()


def test_document_command_says_in_one_line_when_it_cannot_write(tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    assert main(["document", str(blocker / "docs")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"{blocker / 'docs'}: cannot write")
    assert main(["document", str(blocker)]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_files_are_replaced_whole_or_not_at_all(tmp_path, monkeypatch):
    path = tmp_path / "model.md"
    path.write_text("old")

    def refuse(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("model.cli.document.os.replace", refuse)
    with pytest.raises(OSError):
        write_atomically(path, b"new")
    assert path.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["model.md"]
    monkeypatch.undo()
    write_atomically(path, b"new")
    assert path.read_text() == "new" and [p.name for p in tmp_path.iterdir()] == ["model.md"]


def test_committed_docs_match_the_code():
    """docs/model.md and docs/model.svg are what `make docs` writes from the code now."""
    assert (DOCS / "model.md").read_text() == document.markdown(SECTORS, LOOPS), (
        "docs/model.md is out of date: run `make docs` and commit docs/")
    assert diagram.svg_digest((DOCS / "model.svg").read_text()) == diagram.source_digest(
        diagram.diagram(SECTORS, LOOPS, "zh")), (
        "docs/model.svg is out of date: run `make docs` and commit docs/")
