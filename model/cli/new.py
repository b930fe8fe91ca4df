"""``innosim new FILE [--like SCENARIO] [--interactive]``: a scenario for a new region.

Writes every field with its explanation (:mod:`model.template`), then lists, one line each,
what the planner still has to give before the file validates. Never replaces a file unless
``--force``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

from ..errors import ScenarioError
from ..scenario import load_scenario
from ..template import new_document
from ..untrusted import safe_key
from ..variants import write_scenario

TEXT_FIELDS = ("region", "region_en", "plan", "plan_en", "document", "seed", "issued")
YEAR_FIELDS = ("start", "target_year", "end")
QUESTIONS = {
    "name": "情景名称 / scenario name",
    "region": "地区名称 / region (中文)",
    "region_en": "地区英文名 / region in English",
    "plan": "规划全称 / the plan's title",
    "plan_en": "规划英文名 / the plan's title in English",
    "document": "文号 / document number",
    "seed": "规划原文（文件名或文号）/ the plan's text (file or number)",
    "issued": "印发日期 / date issued (YYYY-MM-DD)",
    "start": "基期年 / start year",
    "target_year": "目标年 / target year",
    "end": "模拟结束年 / last simulated year",
}


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "new", help="write a scenario for a new region, every field explained, to fill in")
    parser.add_argument("file", help="the scenario file to write (.toml)")
    parser.add_argument("--like", metavar="SCENARIO",
                        help="copy the structure and the plan's levers of this scenario "
                             "(never its sourced numbers)")
    parser.add_argument("--interactive", action="store_true",
                        help="ask for the region, the plan and the years")
    parser.add_argument("--name", help="scenario name (default: the file's name)")
    for field in TEXT_FIELDS:
        parser.add_argument(f"--{field.replace('_', '-')}", dest=field, default="",
                            help=QUESTIONS[field])
    for field in YEAR_FIELDS:
        parser.add_argument(f"--{field.replace('_', '-')}", dest=field, type=int, default=None,
                            help=QUESTIONS[field])
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace, ask: Callable[[str], str] = input) -> int:
    path = Path(args.file)
    if path.suffix != ".toml":
        raise ScenarioError(path, "", "is not a .toml file name", "a file name ending in .toml")
    like = load_scenario(args.like) if args.like else None
    answers: dict[str, object] = {"name": args.name or safe_key(path.stem)}
    answers.update({field: getattr(args, field) for field in TEXT_FIELDS})
    years = _years(args, like)
    answers.update(years)
    if args.interactive:
        _ask_all(answers, ask, path)
    start, target_year, end = (int(str(answers[k])) for k in YEAR_FIELDS)
    document = new_document(
        name=str(answers["name"]), start=start, target_year=target_year, end=end,
        like=like, created=dt.date.today().isoformat(),
        **{field: str(answers[field]) for field in TEXT_FIELDS})
    # Not checked on writing: the file is meant to hold empty fields until they are filled.
    write_scenario(document, path, overwrite=args.force, check=False)
    print(f"written {path}")
    try:
        load_scenario(path)
    except ScenarioError as error:
        lines = error.lines()
        print(f"still to fill in ({len(lines)}), then `innosim validate {path}`:")
        for line in lines:
            print(f"  {line}")
    else:
        print(f"it validates; every start value is still an assumption: "
              f"`innosim sheet export {path} -o {path.with_suffix('.xlsx')}` to give yours")
    return 0


def _years(args: argparse.Namespace, like) -> dict[str, int]:
    """Start, target and end years: as given, else the other scenario's, else last year,
    five years on and three more."""
    start = args.start or (like.meta.start if like else dt.date.today().year - 1)
    target = args.target_year or (like.meta.target_year if like else start + 5)
    end = args.end or (like.meta.end if like else target + 3)
    return {"start": start, "target_year": target, "end": end}


def _ask_all(answers: dict[str, object], ask: Callable[[str], str], path: Path) -> None:
    """Ask each question, the current answer as default (Enter keeps it)."""
    for field, question in QUESTIONS.items():
        current = answers.get(field, "")
        for _attempt in range(3):
            try:
                reply = ask(f"{question} [{current}]: ").strip()
            except EOFError:
                reply = ""
            if not reply:
                break
            if field in YEAR_FIELDS and not reply.isdigit():
                print(f"{path}: scenario.{field}: got {reply!r} (a year such as 2023)",
                      file=sys.stderr)
                continue
            answers[field] = int(reply) if field in YEAR_FIELDS else reply
            break
