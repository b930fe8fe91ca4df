"""A report a bureau can file: the scenario's verdicts as a Word document (python-docx).

Sections: the plan and the scenario (its levers), the verdicts with their probabilities and
the plan's own words, the trajectories (charts), what it would take to reach each missed
target (:mod:`model.goalseek`), the numbers to collect first (:mod:`model.priorities`), the
main assumptions and their sources (:mod:`model.provenance`), a method note, and the model
version, seed and checksum of the file so the figures can be reproduced. Chinese by default,
English on request (:mod:`model.report_words`).

:func:`gather` computes everything (the slow part); :func:`build` lays it out;
:func:`write_report` writes the file atomically and never over an existing one unless asked.
A scenario's text (quotes, reasons, sources, names) goes into the document as literal text
(:func:`model.untrusted.docx_text`); the only field in the document is the page number.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import subprocess
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from . import arguments
from .catalogue import INDICATORS, LEVERS
from .errors import InputError
from .goalseek import ALWAYS_REACHED, NOT_REACHABLE, GoalSeek, what_it_takes
from .levers import acting_levers, changed_levers, plan_levers
from .plots import trajectory_legend_png, trajectory_png
from .priorities import DEFAULT_N, Priorities, input_spec, priorities
from .provenance import MODEL_DEFAULT, Number, assumption_share, input_key, numbers
from .report_words import unit_word, word
from .results import Results
from .saving import save
from .scenario import Scenario
from .simulate import evaluate, sample
from .targets import (
    AT_RISK,
    LIKELIHOOD_BANDS,
    LIKELY,
    MISSED,
    UNLIKELY,
    Verdict,
    check,
    describe,
    probability_text,
    verdict_word,
)
from .untrusted import docx_text

# The ensemble behind the verdicts: what `innosim check --runs 500 --seed 1` judges.
DEFAULT_RUNS = 500
DEFAULT_SEED = 1
LANGUAGES = ("zh", "en")
ASSUMPTIONS_SHOWN = 12     # assumed numbers listed, by their priority
CHART_QUANTILES = (0.05, 0.5, 0.95)

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Content:
    """Everything the report shows, computed once (:func:`gather`)."""

    scenario: Scenario
    language: str
    runs: int
    seed: int
    levers: dict[str, float]           # every lever's value in this report
    edited: dict[str, float]           # levers and parameters changed in the app
    verdicts: list[Verdict]
    ensemble: Results
    central: Results
    takes: list[tuple[Verdict, list[GoalSeek]]]
    priorities: Priorities | None
    priorities_problem: str | None
    numbers: list[Number]
    version: str
    date: dt.date
    checksum: str
    warnings: list[str] = field(default_factory=list)


def model_version() -> str:
    """The installed innosim version, with the git commit when run from a checkout."""
    try:
        version = metadata.version("innosim")
    except metadata.PackageNotFoundError:
        version = "unknown"
    folder = Path(__file__).resolve().parent
    try:   # "-dirty": the checkout has changes not committed
        commit = subprocess.run(["git", "-C", str(folder), "describe", "--always", "--dirty",
                                 "--abbrev=10"],
                                capture_output=True, text=True, timeout=5, check=False)
    except (OSError, subprocess.SubprocessError):
        return version
    return f"{version} ({commit.stdout.strip()})" if commit.returncode == 0 and \
        commit.stdout.strip() else version


def _checksum(scenario: Scenario) -> str:
    try:
        return hashlib.sha256(Path(scenario.path).read_bytes()).hexdigest()[:16]
    except OSError:
        return "–"


def gather(
    scenario: Scenario,
    language: str = "zh",
    runs: int = DEFAULT_RUNS,
    seed: int = DEFAULT_SEED,
    n: int = DEFAULT_N,
    levers: Mapping[str, float] | None = None,
    parameters: Mapping[str, float] | None = None,
    ranked: Priorities | None = None,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> Content:
    """Compute the report: verdicts on ``runs`` seeded draws (as ``innosim check --runs
    --seed`` does), goal seeks for the missed targets, the priorities (Sobol N=``n``, seed
    ``seed``; or ``ranked`` when already computed), provenance.

    ``levers``/``parameters``: a planner's edits in the app (every lever, or only some);
    the report says the figures include them.
    """
    if language not in LANGUAGES:
        raise InputError("language", f"{language!r}", "zh or en")
    runs = arguments.runs(runs)
    checked_seed = arguments.seed(seed)
    if checked_seed is None:
        raise InputError("seed", "none given", "a whole number >= 0: a report is reproducible")
    seed = checked_seed
    say = progress or (lambda _step: None)
    parameters = dict(parameters or {})
    current = plan_levers(scenario)
    current.update(levers or {})
    policy = changed_levers(scenario, current)
    say("ensemble")
    inputs: dict[str, Any] = dict(sample(scenario, runs, seed))
    inputs.update(parameters)   # an edited parameter is held, as on the screen
    ensemble = evaluate(scenario, inputs, levers=policy)
    central = evaluate(scenario, parameters, levers=policy)
    verdicts = check(scenario, ensemble)
    takes = []
    for verdict in verdicts:
        if verdict.target.tracked and verdict.verdict == MISSED:
            say(f"what it takes: {verdict.target.indicator}")
            takes.append((verdict, [
                what_it_takes(scenario, verdict.target, lever, levers=current, runs=runs,
                              seed=seed, parameters=parameters)
                for lever in acting_levers(scenario)]))
    problem = None
    if ranked is None:
        say("priorities")
        try:
            ranked = priorities(scenario, n, seed, levers=policy, fixed=parameters)
        except InputError as error:   # e.g. fewer than two assumed inputs
            problem = str(error)
    edited = {**policy, **parameters}
    return Content(scenario, language, runs, seed, current, edited, verdicts, ensemble,
                   central, takes, ranked, problem, numbers(scenario), model_version(),
                   today or dt.date.today(), _checksum(scenario),
                   list(ranked.warnings) if ranked else [])


# --- layout ----------------------------------------------------------------------------------

FONTS = {"zh": ("Arial", "宋体"), "en": ("Arial", "宋体")}       # body: Latin, East Asian
HEADING_FONTS = {"zh": ("Arial", "黑体"), "en": ("Arial", "黑体")}
BODY_PT, TABLE_PT, SMALL_PT = 10.5, 8.5, 8
PAGE_MM, MARGIN_MM = (210, 297), 20
TEXT_WIDTH_CM = (PAGE_MM[0] - 2 * MARGIN_MM) / 10
HEADER_SHADE = "E8EDF3"
VERDICT_SHADES = {LIKELY: "D7F0D8", AT_RISK: "FBECCB", UNLIKELY: "F8D7D7"}


def build(content: Content) -> Any:
    """The report as a python-docx ``Document``."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Mm

    language, sc = content.language, content.scenario
    meta = sc.meta
    zh = language == "zh"
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    _styles(doc, language)
    _page_numbers(section, language)

    region = meta.region if zh else meta.region_en
    plan = meta.plan if zh else (meta.plan_en or meta.plan)
    title = doc.add_paragraph(style="Title")
    title.add_run(_text(word("title", language, region=region)))
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subtitle = doc.add_paragraph(_text(word(
        "subtitle", language, plan=plan, start=meta.start, end=meta.end,
        target_year=meta.target_year)))
    subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
    made = doc.add_paragraph(_text(word(
        "made_by", language, version=content.version, date=content.date.isoformat(),
        runs=content.runs, seed=content.seed)))
    made.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _small(made)

    tracked = [v for v in content.verdicts if v.target.tracked]
    untracked = [v for v in content.verdicts if not v.target.tracked]
    doc.add_heading(word("summary_heading", language), level=1)
    doc.add_paragraph(word("summary", language, total=len(tracked),
                           likely=sum(v.likelihood == LIKELY for v in tracked),
                           at_risk=sum(v.likelihood == AT_RISK for v in tracked),
                           unlikely=sum(v.likelihood == UNLIKELY for v in tracked),
                           untracked=len(untracked)))
    if content.priorities is not None:
        headline = doc.add_paragraph()
        headline.add_run(_text(_headline(content))).bold = True

    # 1. the plan and the scenario
    doc.add_heading(word("plan_heading", language), level=1)
    parents = ", ".join(Path(p).name for p in sc.extends)
    doc.add_paragraph(_text(word(
        "plan_text", language, plan=plan, document=meta.document or meta.seed,
        file=Path(sc.path).name,
        extends=word("extends", language, parents=parents) if parents else "",
        start=meta.start, end=meta.end,
        rule=word(f"rule_{meta.fiscal_rule}", language))))
    rows = []
    for key in acting_levers(sc):
        spec = LEVERS[key]
        _value, _range, source = sc.input_entry(key)
        used = content.levers[key]
        rows.append([spec.label(language), f"{sc.input_value(key):g}", f"{used:g}"
                     + (" ◆" if key in content.edited else ""), _unit(spec.unit, language),
                     word("assumption", language) if source.startswith("assumption")
                     else source])
    _table(doc, [word(k, language) for k in ("lever", "plan_value", "used_value", "unit",
                                              "source")],
           rows, [4.2, 1.5, 1.9, 1.6, 7.8], numeric=[1, 2])
    if content.edited:
        _note(doc, "◆ " + word("edited", language) + ": " + ", ".join(
            f"{k} = {v:g}" for k, v in content.edited.items()))

    # 2. verdicts
    doc.add_heading(word("verdict_heading", language), level=1)
    doc.add_paragraph(_text(word("verdict_intro", language, bands=LIKELIHOOD_BANDS[language],
                                 runs=content.runs, seed=content.seed)))
    rows, shades = [], []
    for i, v in enumerate(tracked, start=1):
        spec = INDICATORS[v.target.indicator]
        rows.append([str(i), spec.label(language), v.target.quote,
                     describe(v.target, language, year=True),
                     f"{v.value:.4g} {_unit(v.unit, language)}".strip(),
                     probability_text(v.probability),
                     verdict_word(v.likelihood or v.verdict, language)])
        shades.append(VERDICT_SHADES.get(v.likelihood or ""))
    table = _table(doc, [word(k, language) for k in ("number", "indicator", "quote", "target",
                                                      "simulated", "probability", "verdict")],
                   rows, [1.0, 2.9, 4.7, 2.5, 2.2, 1.8, 1.9], numeric=[0, 4, 5])
    for row, shade in zip(table.rows[1:], shades, strict=True):
        if shade:
            _shade(row.cells[-1], shade)
    if untracked:
        doc.add_heading(word("untracked_heading", language), level=2)
        _table(doc, [word(k, language) for k in ("quote", "reason")],
               [[v.target.quote, v.target.reason or ""] for v in untracked], [8.5, 8.5])

    # 3. charts
    doc.add_heading(word("chart_heading", language), level=1)
    doc.add_paragraph(word("chart_intro", language, runs=content.runs))
    _charts(doc, content, Cm)

    # 4. what it would take
    doc.add_heading(word("takes_heading", language), level=1)
    doc.add_paragraph(word("takes_intro", language, runs=content.runs))
    if not content.takes:
        doc.add_paragraph(word("takes_none", language))
    for verdict, answers in content.takes:
        spec = INDICATORS[verdict.target.indicator]
        doc.add_heading(_text(f"{spec.label(language)} "
                              f"{describe(verdict.target, language, year=True)}"), level=3)
        reachable = [a for a in answers if a.status != NOT_REACHABLE]
        if not reachable:
            doc.add_paragraph(word("no_single_lever", language))
            continue
        rows = []
        for answer in reachable:
            lever = LEVERS[answer.lever]
            value = f"{answer.value:.3g}"
            needed = (word("at_least" if answer.increasing else "at_most", language,
                           value=value) if answer.status != ALWAYS_REACHED else value)
            rows.append([lever.label(language), f"{content.levers[answer.lever]:g}", needed,
                         _unit(lever.unit, language)])
        _table(doc, [word(k, language) for k in ("lever", "used_value", "needed", "unit")],
               rows, [6.5, 2.5, 4.0, 4.0], numeric=[1, 2])
        blocked = [a for a in answers if a.status == NOT_REACHABLE]
        if blocked:
            _note(doc, word("unreachable", language, levers=word("list_separator", language)
                            .join(LEVERS[a.lever].label(language) for a in blocked)))

    # 5. the numbers to collect first
    doc.add_heading(word("priorities_heading", language), level=1)
    _priorities(doc, content)

    # 6. assumptions and sources
    doc.add_heading(word("sources_heading", language), level=1)
    _sources(doc, content)

    # 7. method
    doc.add_heading(word("method_heading", language), level=1)
    doc.add_paragraph(word("method", language))

    # 8. version
    doc.add_heading(word("version_heading", language), level=1)
    ranked = content.priorities
    command = (f"innosim report {Path(sc.path).name} -o REPORT.docx --runs {content.runs} "
               f"--seed {content.seed}" + (f" --n {ranked.n}" if ranked else "")
               + ("" if zh else " --language en"))
    values = [content.version, Path(sc.path).name, content.checksum,
              word("ensemble_basis", language, runs=content.runs, seed=content.seed),
              word("priorities_basis", language, n=ranked.n, runs=ranked.runs,
                   seed=ranked.seed) if ranked else "–",
              content.date.isoformat(),
              command + (word("app_edits", language) if content.edited else "")]
    _table(doc, None, [[k, v] for k, v in zip(word("version_rows", language).split("|"),
                                              values, strict=True)], [4.5, 12.5])
    return doc


def _headline(content: Content) -> str:
    from .priorities import sentence

    assert content.priorities is not None
    return sentence(content.priorities, content.language)


def _charts(doc, content: Content, Cm) -> None:
    language = content.language
    words = {k: word(k, language) for k in ("band", "median", "central", "observed",
                                             "assumed")}
    words["target"] = word("target_marker", language)
    indicators = list(dict.fromkeys(v.target.indicator for v in content.verdicts
                                    if v.target.tracked))
    years = content.ensemble.years
    pictures = []
    for key in indicators:
        spec = content.ensemble.specs[key]
        band = content.ensemble.quantiles(key, CHART_QUANTILES)
        targets = [(t.year, float(t.value)) for t in content.scenario.targets
                   if t.tracked and t.indicator == key and t.kind == "level"
                   and t.value is not None]
        observed, assumed = _observations(content.scenario, key)
        unit = _unit(spec.unit, language)
        pictures.append(trajectory_png(
            spec.label(language) + (f"（{unit}）" if language == "zh" and unit else
                                    f" ({unit})" if unit else ""),
            years, content.central.sel(key)[:, 0], band, words, targets, observed, assumed))
    doc.add_picture(io.BytesIO(trajectory_legend_png(words)), width=Cm(TEXT_WIDTH_CM))
    grid = doc.add_table(rows=(len(pictures) + 1) // 2, cols=2)
    grid.autofit = False
    half = Cm(TEXT_WIDTH_CM / 2)
    for i, png in enumerate(pictures):
        cell = grid.cell(i // 2, i % 2)
        cell.width = half
        cell.paragraphs[0].add_run().add_picture(io.BytesIO(png), width=Cm(
            TEXT_WIDTH_CM / 2 - 0.3))


def _observations(scenario: Scenario, indicator: str
                  ) -> tuple[dict[int, float], dict[int, float]]:
    """[[history]] points and a sourced start value (observed); an assumed start value."""
    observed = {p.year: p.value for p in scenario.history if p.indicator == indicator}
    assumed: dict[int, float] = {}
    entry = scenario.baseline.get(indicator)
    if entry is not None and scenario.meta.start not in observed:
        (assumed if entry.assumption else observed)[scenario.meta.start] = entry.value
    return observed, assumed


def _priorities(doc, content: Content) -> None:
    from .priorities import definition, sentence

    language, ranked = content.language, content.priorities
    if ranked is None:
        doc.add_paragraph(word("priorities_failed", language,
                               reason=content.priorities_problem or ""))
        return
    doc.add_paragraph(word("priorities_intro", language))
    doc.add_paragraph().add_run(_text(sentence(ranked, language))).bold = True
    rows = []
    for rank, r in enumerate(ranked.ranking[:max(ranked.top + 3, 6)], start=1):
        rows.append([("★ " if rank <= ranked.top else "") + str(rank), r.name(language),
                     f"{r.value:g}", f"{r.low:g}–{r.high:g}", _unit(r.unit, language),
                     _origin(r.origin, language), f"{r.score:.0%}"])
    _table(doc, [word(k, language) for k in ("rank", "name", "value", "range", "unit",
                                              "set_in", "score")],
           rows, [1.3, 6.0, 1.6, 2.0, 1.6, 3.1, 1.4], numeric=[2, 6])
    rows = []
    for share in ranked.targets:
        rows.append([share.name(language), f"{share.probability:.0%}", f"{share.carried:.0%}",
                     "; ".join(f"{input_spec(k).label(language)} {v:.2f}"
                               for k, v in share.top)])
    doc.add_paragraph()
    _table(doc, [word("target_share", language), word("p_assumed", language),
                 word("carried", language, top=ranked.top), word("leading", language)],
           rows, [4.6, 2.2, 2.2, 8.0], numeric=[1, 2])
    _note(doc, definition(ranked, language))


def _sources(doc, content: Content) -> None:
    language, rows = content.language, content.numbers
    in_file = [r for r in rows if r.origin != MODEL_DEFAULT]
    doc.add_paragraph(word("sources_share", language, total=len(rows),
                           assumed=sum(r.is_assumption for r in rows),
                           share=assumption_share(rows), in_file=len(in_file),
                           in_file_assumed=sum(r.is_assumption for r in in_file)))
    by_key = {input_key(r): r for r in rows if r.section in ("baseline", "parameters")}
    if content.priorities is not None:
        keys = [r.key for r in content.priorities.ranking]
    else:
        keys = [k for k, r in by_key.items() if r.is_assumption and r.range]
    table = []
    for key in keys[:ASSUMPTIONS_SHOWN]:
        r = by_key[key]
        table.append([input_spec(key).label(language), f"{r.value:g}",
                      f"{r.range[0]:g}–{r.range[1]:g}" if r.range else "–",
                      _unit(r.unit, language), _origin(r.origin, language)])
    doc.add_heading(word("assumed_table", language), level=3)
    _table(doc, [word(k, language) for k in ("name", "value", "range", "unit", "set_in")],
           table, [7.0, 2.0, 2.4, 2.0, 3.6], numeric=[1])
    sourced = [r for r in in_file if not r.is_assumption and r.section in ("baseline",
                                                                            "levers",
                                                                            "parameters")]
    table = [[_number_name(r, language), f"{r.value:g}", _unit(r.unit, language),
              r.source or ""] for r in sourced]
    doc.add_heading(word("sourced_table", language), level=3)
    _table(doc, [word(k, language) for k in ("name", "value", "unit", "source")], table,
           [4.6, 1.7, 1.7, 9.0], numeric=[1])


def _number_name(number: Number, language: str) -> str:
    if number.section == "baseline":
        return input_spec(f"baseline.{number.key}").label(language)
    spec = LEVERS.get(number.key) or input_spec(number.key)
    return spec.label(language)


def _origin(origin: str, language: str) -> str:
    return word("model_default", language) if origin == MODEL_DEFAULT else origin


def _unit(unit: str, language: str) -> str:
    return unit_word(unit, language)


def _text(text: str) -> str:
    return docx_text(text)


# --- python-docx details ------------------------------------------------------------------------

def _fonts(style_or_run: Any, latin: str, east_asian: str) -> None:
    """Set the Latin and East Asian fonts of a style or run, dropping theme fonts (Word
    prefers a theme font over a named one)."""
    from docx.oxml.ns import qn

    r_pr = style_or_run.element.get_or_add_rPr()
    fonts = r_pr.get_or_add_rFonts()
    for name in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(name), None)
    for name, font in (("w:ascii", latin), ("w:hAnsi", latin), ("w:cs", latin),
                       ("w:eastAsia", east_asian)):
        fonts.set(qn(name), font)


def _styles(doc, language: str) -> None:
    from docx.shared import Pt, RGBColor

    normal = doc.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    _fonts(normal, *FONTS[language])
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.15
    for name, size in (("Title", 18), ("Heading 1", 14), ("Heading 2", 12),
                       ("Heading 3", 11)):
        style = doc.styles[name]
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = RGBColor(0, 0, 0)
        _fonts(style, *HEADING_FONTS[language])
        style.paragraph_format.space_before = Pt(10 if name != "Title" else 0)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.keep_with_next = True   # no heading alone at a page's foot
    # The template's title has a rule under it in a theme colour: keep it plain.
    title = doc.styles["Title"].element.get_or_add_pPr()
    for border in title.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
                                "pBdr"):
        title.remove(border)


def _page_numbers(section, language: str) -> None:
    """"第 N 页" in the footer: a PAGE field, the one field of the document."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, _, after = word("page", language, page="\0").partition("\0")
    paragraph.add_run(before)
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"),
                       ("end", None)):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == " PAGE ":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)
    paragraph.add_run(after)
    _small(paragraph)


def _small(paragraph) -> None:
    from docx.shared import Pt

    for run in paragraph.runs:
        run.font.size = Pt(SMALL_PT)


def _note(doc, text: str) -> None:
    from docx.shared import Pt

    paragraph = doc.add_paragraph(_text(text))
    paragraph.paragraph_format.space_before = Pt(3)
    _small(paragraph)


def _shade(cell, colour: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _table(doc, header: Sequence[str] | None, rows: Sequence[Sequence[str]],
           widths_cm: Sequence[float], numeric: Sequence[int] = ()) -> Any:
    """A grid table: header row shaded and repeated on every page, text as data, fixed
    column widths scaled to the text width."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    scale = min(1.0, TEXT_WIDTH_CM / sum(widths_cm))
    widths = [Cm(w * scale) for w in widths_cm]
    lines = ([list(header)] if header else []) + [list(r) for r in rows]
    table = doc.add_table(rows=len(lines), cols=len(widths))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for r, (row, line) in enumerate(zip(table.rows, lines, strict=True)):
        for c, (cell, text) in enumerate(zip(row.cells, line, strict=True)):
            cell.width = widths[c]
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(0)
            paragraph.paragraph_format.line_spacing = 1.0
            run = paragraph.add_run(_text(str(text)))
            run.font.size = Pt(TABLE_PT)
            if header and r == 0:
                run.bold = True
                _shade(cell, HEADER_SHADE)
            elif c in numeric:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if header:
        header_row = table.rows[0]._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        header_row.append(repeat)
    return table


# --- writing -----------------------------------------------------------------------------------

def report_bytes(content: Content) -> bytes:
    """The report as the bytes of a .docx file (for a download)."""
    buffer = io.BytesIO()
    build(content).save(buffer)
    return buffer.getvalue()


def write_report(content: Content, path: str | Path, *, overwrite: bool = False) -> Path:
    """Write the report to ``path`` atomically; an existing file only with ``overwrite``."""
    document = build(content)
    return save(path, document.save, overwrite=overwrite, binary=True)
