"""The ``innosim`` command line. Each command lives in its own module with ``register``.

Exit codes: 0 all targets reached (or nothing to judge), 1 some target missed,
2 bad input (one line on stderr: ``path: field: what is wrong (what was expected)``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ..errors import InputError, ScenarioError
from . import (
    backtest,
    calibrate,
    check,
    diff,
    document,
    ensemble,
    listing,
    new,
    priorities,
    provenance,
    report,
    review,
    run,
    sensitivity,
    sheet,
    takes,
    validate,
)

COMMANDS = (run, check, validate, listing, diff, provenance, ensemble, sensitivity, calibrate,
            takes, backtest, review, document, priorities, report, new, sheet)

EXIT_OK, EXIT_MISSED, EXIT_BAD_INPUT = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="innosim",
        description="Will this budget and these policies reach the plan's targets?",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except ScenarioError as error:   # every problem of the file, one line each
        for line in error.lines():
            print(one_line(line), file=sys.stderr)
        return EXIT_BAD_INPUT
    except InputError as error:  # an option the Python API refused (--dt, --runs, --n…)
        print(one_line(f"{getattr(args, 'scenario', None) or 'innosim'}: {error}"),
              file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # e.g. `innosim run x | head`
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


MAX_LINE = 500


def one_line(text: str) -> str:
    """An error as one line of at most :data:`MAX_LINE` characters."""
    text = " ".join(text.split())
    return text if len(text) <= MAX_LINE else text[:MAX_LINE - 1] + "…"
