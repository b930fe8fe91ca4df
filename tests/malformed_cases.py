"""The catalogue of malformed scenario files and the exact one-line error each must produce.

Each case builds its files in a fresh folder from the Kecheng scenario (``BASE``) by one edit,
so that exactly one thing is wrong. ``expected`` is the line after ``<path>: ``; ``file`` is
the file handed to the CLI (its path starts the line, unless ``reported`` names another).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

BASE = (Path(__file__).resolve().parent.parent / "scenarios" / "kecheng-2027.toml").read_text(
    encoding="utf-8")


def edit(old: str, new: str, text: str = BASE) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


GDP = ('gdp = { value = 280, assumption = true, range = [250, 310], note = "district GDP not in '
       'model-science.md; order of magnitude for a Quzhou urban district" }')
SHARE_TALENT = "share_talent = { value = 20, assumption = true, range = [10, 30] }"
LINE_OF_SHARE_TALENT = BASE.splitlines().index(SHARE_TALENT) + 1   # 1-based
TARGET_RD = '''indicator = "rd_intensity"
op = ">"
value = 3.2
year = 2027'''
VARIANT = ('extends = "{parent}"\n\n[levers]\n'
           'fiscal_st_growth = {{ value = 20, source = "variant" }}\n')


@dataclass(frozen=True)
class Case:
    name: str
    files: dict[str, str | bytes]          # file name -> content, in one folder
    expected: str                          # the line after "<path>: "
    file: str = "bad.toml"
    command: str = "validate"
    subfolder: dict[str, str] = field(default_factory=dict)
    reported: str | None = None            # the file the line names, if not ``file``


CASES = [
    Case("wrong type: text for a number",
         {"bad.toml": edit(GDP, 'gdp = { value = "280", assumption = true, range = [250, 310] }')},
         "baseline.gdp.value: got '280' (a number)"),
    Case("wrong type: text for a year",
         {"bad.toml": edit("start = 2022", 'start = "2022"')},
         "scenario.start: got '2022' (a whole number)"),
    Case("wrong type: a table where a number belongs",
         {"bad.toml": edit(GDP, "gdp = 280")},
         "baseline.gdp: got 280 (a table)"),
    Case("NaN",
         {"bad.toml": edit(GDP, "gdp = { value = nan, assumption = true, range = [250, 310] }")},
         "baseline.gdp.value: got nan (a finite number, not nan or inf)"),
    Case("inf",
         {"bad.toml": edit(GDP, "gdp = { value = inf, assumption = true, range = [250, 310] }")},
         "baseline.gdp.value: got inf (a finite number, not nan or inf)"),
    Case("unknown lever with a suggestion",
         {"bad.toml": edit("fiscal_st_growth = {", "fiscal_st_grwoth = {")},
         "levers.fiscal_st_grwoth: unknown levers key 'fiscal_st_grwoth' "
         "(did you mean 'fiscal_st_growth'?)"),
    Case("unknown top-level table with a suggestion",
         {"bad.toml": edit("[levers]", "[lever]")},
         "lever: unknown key 'lever' (did you mean 'levers'?)"),
    Case("unknown entry field with a suggestion",
         {"bad.toml": edit(SHARE_TALENT, 'share_talent = { value = 20, sorce = "x" }')},
         "levers.share_talent.sorce: unknown key 'sorce' (did you mean 'source'?)"),
    Case("key in the wrong table",
         {"bad.toml": edit("[levers]\n", "[levers]\ngdp = { value = 1, source = \"x\" }\n")},
         "levers.gdp: unknown levers key 'gdp' ('gdp' belongs in [baseline])"),
    Case("duplicate key",
         {"bad.toml": edit("[levers]\n", "[levers]\n" + SHARE_TALENT + "\n")},
         f"(file): a key or table is given twice (at line {LINE_OF_SHARE_TALENT + 1}, "
         f"column {len(SHARE_TALENT) + 1}) "  # tomllib points just past the line
         "(each key and table once)"),
    Case("duplicate table",
         {"bad.toml": BASE + "\n[levers]\n"},
         f"(file): a key or table is given twice (at line {BASE.count(chr(10)) + 2}, column 8) "
         "(each key and table once)"),
    Case("broken TOML with its line number",
         {"bad.toml": edit("target_year = 2027", "target_year = 2027 2028")},
         "(file): broken TOML: Expected newline or end of document after a statement "
         "(at line 19, column 20) (valid TOML)"),
    Case("not UTF-8",
         {"bad.toml": BASE.encode("gb18030")},
         "(file): not UTF-8 text (bad byte at offset 2) (a TOML file saved as UTF-8)"),
    Case("empty file",
         {"bad.toml": ""},
         "(file): the file is empty (a scenario; innosim new FILE writes one to fill in)"),
    Case("extends cycle",
         {"a.toml": VARIANT.format(parent="b.toml"), "b.toml": VARIANT.format(parent="a.toml")},
         "extends: inheritance cycle a.toml -> b.toml -> a.toml "
         "(a chain of variants that ends in a plain scenario)", file="a.toml"),
    Case("extends itself",
         {"a.toml": VARIANT.format(parent="a.toml")},
         "extends: inheritance cycle a.toml -> a.toml "
         "(a chain of variants that ends in a plain scenario)", file="a.toml"),
    Case("extends a missing file",
         {"a.toml": VARIANT.format(parent="nowhere.toml")},
         "extends: parent 'nowhere.toml' not found (an existing scenario file in {folder})",
         file="a.toml"),
    Case("extends a file outside the folder",
         {"kecheng-2027.toml": BASE},
         "extends: '../kecheng-2027.toml' lies outside the scenarios folder "
         "(a file inside {folder})",
         file="inner/a.toml",
         subfolder={"inner/a.toml": VARIANT.format(parent="../kecheng-2027.toml")}),
    Case("extends an absolute path",
         {"a.toml": VARIANT.format(parent="/etc/passwd")},
         "extends: '/etc/passwd' is an absolute path (a file name inside {folder})",
         file="a.toml"),
    Case("extends a broken parent: the parent is named",
         {"a.toml": VARIANT.format(parent="broken.toml"), "broken.toml": "[scenario\n"},
         "(file): broken TOML: Expected ']' at the end of a table declaration "
         "(at line 1, column 10) (valid TOML)", file="a.toml", reported="broken.toml"),
    Case("extends is not text",
         {"a.toml": "extends = 3\n"},
         "extends: got 3 (the file name of the parent scenario in quotes)", file="a.toml"),
    Case("target year outside the run",
         {"bad.toml": edit(TARGET_RD, TARGET_RD.replace("2027", "2035"))},
         "targets[0].year: 2035 lies outside the run (a year from 2023 to 2030)"),
    Case("target from_year outside the run",
         {"bad.toml": edit("from_year = 2023", "from_year = 2021")},
         "targets[8].from_year: 2021 lies outside the run (a year from 2022 to 2030)"),
    Case("event year outside the run",
         {"bad.toml": edit("# --- the plan's 2027 targets",
                           '[[events]]\nyear = 2040\nlever = "fiscal_st_growth"\nvalue = 10\n'
                           'source = "test"\n\n# --- the plan\'s 2027 targets')},
         "events[0].year: 2040 lies outside the run (a year from 2023 to 2030)"),
    Case("yearly path with a year outside the run",
         {"bad.toml": BASE + '\n[paths.fiscal_st_growth]\nsource = "test"\n'
                             'years = [2024, 2035]\nvalues = [10, 12]\n'},
         "paths.fiscal_st_growth.years[1]: 2035 lies outside the run (a year from 2023 to 2030)"),
    Case("yearly path with fewer values than years",
         {"bad.toml": BASE + '\n[paths.nonindustrial_growth]\nsource = "test"\n'
                             'years = [2024, 2025]\nvalues = [6]\n'},
         "paths.nonindustrial_growth: 2 years but 1 values (one value for each year)"),
    Case("target year before start",
         {"bad.toml": edit("target_year = 2027", "target_year = 2020")},
         "scenario: target_year 2020 lies outside the run 2023-2030"),
    Case("shares not summing to 100 %",
         {"bad.toml": edit(SHARE_TALENT, SHARE_TALENT.replace("value = 20", "value = 25"))},
         "levers.share_rd_subsidies/share_incubation/share_talent/share_tech_market/"
         "share_public_research: allocation shares sum to 105 % (40 + 15 + 25 + 5 + 20) "
         "(shares of fiscal S&T spending summing to 100 %)"),
    Case("negative stock",
         {"bad.toml": edit("value = 452,", "value = -452,")},
         "baseline.invention_patent_grants.value: -452 is negative "
         "(a value >= 0 件/年 for invention patents granted)"),
    Case("value above its hard bound",
         {"bad.toml": edit("value = 68, assumption = true, range = [62, 72]",
                           "value = 168, assumption = true, range = [62, 172]")},
         "baseline.hightech_va_share.value: 168 is above 100 "
         "(a value <= 100 % for high-tech share of above-scale industrial value added)"),
    Case("range with its ends swapped",
         {"bad.toml": edit("range = [250, 310]", "range = [310, 250]")},
         "baseline.gdp: range [310, 250] has its low end above its high end"),
    Case("value outside its own range",
         {"bad.toml": edit("range = [250, 310]", "range = [100, 200]")},
         "baseline.gdp.value: 280 lies outside its range [100, 200] "
         "(a central value within its range)"),
    Case("assumption without a range",
         {"bad.toml": edit(GDP, "gdp = { value = 280, assumption = true }")},
         "baseline.gdp: an assumption needs a plausible range = [low, high]"),
    Case("number without provenance",
         {"bad.toml": edit(GDP, "gdp = { value = 280 }")},
         'baseline.gdp: every number needs source = "..." or assumption = true'),
    Case("range that is not a pair",
         {"bad.toml": edit("range = [250, 310]", "range = [250]")},
         "baseline.gdp.range: got 1 numbers (an array [low, high])"),
    Case("unit that is not the model's",
         {"bad.toml": edit(GDP, GDP.replace("assumption = true",
                                            'unit = "万元", assumption = true'))},
         "baseline.gdp.unit: unit '万元' ('亿元', the unit the model uses for GDP)"),
    Case("missing baseline value",
         {"bad.toml": edit(GDP + "\n", "")},
         "baseline.gdp: missing (the 2022 value of GDP in 亿元)"),
    Case("unknown indicator with a suggestion",
         {"bad.toml": edit('indicator = "tech_smes"', 'indicator = "tech_sme"')},
         "targets[6].indicator: unknown indicator 'tech_sme' (did you mean 'tech_smes'?)"),
    Case("unknown target kind",
         {"bad.toml": edit('kind = "flow"', 'kind = "yearly"')},
         "targets[9].kind: got 'yearly' ('level', 'cumulative', 'growth', 'flow' or 'rises')"),
    Case("untracked target without a reason",
         {"bad.toml": edit('reason = "the model does not count patent licences"\n', "")},
         'targets[20]: a target with tracked = false needs reason = "..."'),
    Case("unknown lever in an event",
         {"bad.toml": edit("# --- the plan's 2027 targets",
                           '[[events]]\nyear = 2024\nlever = "super_deduction"\nvalue = 100\n'
                           'source = "test"\n\n# --- the plan\'s 2027 targets')},
         "events[0].lever: unknown lever 'super_deduction' (did you mean 'super_deduction_rate'?)"),
    Case("file too large",
         {"bad.toml": BASE + "#" * 1_000_001},
         "(file): file is {size} bytes (a scenario of at most 1,000,000 bytes)"),
    Case("nested too deeply",
         {"bad.toml": "deep = " + "[" * 12 + "]" * 12 + "\n" + BASE},
         "deep[0][0][0][0][0][0][0][0]: nested too deeply (at most 8 levels of tables and arrays)"),
    Case("nested beyond what the parser can read",
         {"bad.toml": "x = " + "[" * 100_000 + "]" * 100_000 + "\n"},
         "(file): nested too deeply to read (at most 8 levels of tables and arrays)"),
    Case("no such file", {}, "(file): no such file (a path to a .toml scenario)",
         file="missing.toml"),
    Case("start values that do not fit together (found when running)",
         {"bad.toml": edit("startups_in_incubation = { value = 150, assumption = true, "
                           "range = [100, 190] }",
                           "startups_in_incubation = { value = 350, assumption = true, "
                           "range = [300, 400] }")},
         "baseline (incubator_capacity): inconsistent start values: more start-ups in "
         "incubation than seats (baseline values and parameters that fit together)",
         command="check"),
    # issue 14: a divisor's domain, and bounds that combine into a run that explodes
    Case("a zero employment rate (employed persons divide a per-10k indicator)",
         {"bad.toml": edit("[levers]\n", "[parameters]\nemployment_rate = { value = 0, "
                           'source = "a typo" }\n\n[levers]\n')},
         "parameters.employment_rate.value: 0 is below 1 (a value >= 1 % for employed persons "
         "per resident)"),
    Case("an elasticity at its bound makes the fiscal loop explode (found when running)",
         {"bad.toml": edit("[levers]\n", "[parameters]\nknowledge_elasticity = { value = 2.0, "
                           'source = "a firm study" }\n\n[levers]\n')},
         "run: gdp is no longer a finite number (nan) in 2028 (inputs whose feedback loops "
         "stay finite, e.g. smaller elasticities)",
         command="check"),
]
