"""``innosim sheet export|import``: a scenario's numbers as an Excel data sheet and back."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import ScenarioError
from ..saving import save
from ..scenario import MAX_FILE_BYTES, read_document
from ..sheet import MAX_SHEET_BYTES, export_workbook, import_workbook
from .validate import warn_implausible


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("sheet", help="a scenario's numbers as an Excel data sheet "
                                               "(export) and back into the TOML (import)")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = actions.add_parser("export", help="write the data sheet of a scenario (.xlsx)")
    export.add_argument("scenario", help="scenario file (.toml)")
    export.add_argument("-o", "--output", required=True, help="the workbook to write (.xlsx)")
    export.add_argument("--force", action="store_true", help="replace an existing workbook")
    export.set_defaults(handler=handle_export)
    back = actions.add_parser("import", help="read a filled-in data sheet into a scenario file")
    back.add_argument("sheet", help="the workbook (.xlsx) written by sheet export")
    back.add_argument("-o", "--output", required=True, help="the scenario file to write (.toml)")
    back.add_argument("--force", action="store_true", help="replace an existing file")
    back.set_defaults(handler=handle_import)


def handle_export(args: argparse.Namespace) -> int:
    path, out = Path(args.scenario), Path(args.output)
    if out.suffix.lower() != ".xlsx":
        raise ScenarioError(out, "", "is not an .xlsx file name", "a file name ending in .xlsx")
    read_document(path)   # the same checks (size, kind of file) as any scenario
    text = path.read_bytes()[:MAX_FILE_BYTES + 1].decode("utf-8")
    data = export_workbook(text, path)
    save(out, lambda stream: stream.write(data), overwrite=args.force, binary=True)
    print(f"written {out}: fill it in, then `innosim sheet import {out} -o {path} --force`")
    return 0


def handle_import(args: argparse.Namespace) -> int:
    sheet, out = Path(args.sheet), Path(args.output)
    try:
        size = sheet.stat().st_size
    except OSError as error:
        raise ScenarioError(sheet, "", f"cannot be read: {error.strerror}",
                            "an .xlsx workbook") from None
    if size > MAX_SHEET_BYTES:
        raise ScenarioError(sheet, "", f"file is {size:,} bytes",
                            f"a workbook of at most {MAX_SHEET_BYTES:,} bytes")
    scenario = import_workbook(sheet.read_bytes(), sheet, out, overwrite=args.force)
    print(f"written {out}  ({scenario.meta.region}, {len(scenario.targets)} targets)")
    warn_implausible(scenario, out)
    return 0
