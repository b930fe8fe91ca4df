"""``innosim document DIR``: the model's documentation and diagram, from its declarations.

Writes ``DIR/model.md`` (every stock, flow, auxiliary and constant with its equation in words,
unit, reads, inputs and source, and the feedback loops) and the stock-and-flow diagram as
``DIR/model.svg`` and ``DIR/model.png`` (A3). Each file is written whole or not at all.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import graphviz

from ..diagram import LANGUAGES, render
from ..document import markdown

EXIT_OK, EXIT_FAILED = 0, 2


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "document", help="write the model's documentation (model.md) and diagram "
                         "(model.svg, model.png) into a folder")
    parser.add_argument("dir", help="folder to write into (created if missing)")
    parser.add_argument("--lang", choices=LANGUAGES, default="zh",
                        help="language of the diagram's labels (default zh; model.md has both)")
    parser.set_defaults(handler=handle)


def structure():
    """The shipped model's sectors and loops (imported here: the model is loaded only when
    this command runs)."""
    from ..system import LOOPS, SECTORS

    return SECTORS, LOOPS


def handle(args: argparse.Namespace) -> int:
    sectors, loops = structure()
    folder = Path(args.dir)
    try:
        drawn = render(sectors, loops, args.lang)
    except graphviz.ExecutableNotFound:
        print("innosim document: Graphviz's `dot` is not installed (Debian: apt-get install "
              "graphviz; `make docs` installs it)", file=sys.stderr)
        return EXIT_FAILED
    if folder.exists() and not folder.is_dir():
        print(f"{folder}: not a folder (give the folder to write model.md, model.svg and "
              f"model.png into)", file=sys.stderr)
        return EXIT_FAILED
    files = {"model.md": markdown(sectors, loops).encode(), "model.svg": drawn["svg"],
             "model.png": drawn["png"]}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, content in files.items():
            write_atomically(folder / name, content)
    except OSError as error:
        print(f"{folder}: cannot write the documentation there "
              f"({error.strerror or error})", file=sys.stderr)
        return EXIT_FAILED
    print(f"wrote {', '.join(str(folder / name) for name in files)}")
    return EXIT_OK


def write_atomically(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` through a temporary file in the same folder and a rename,
    so a reader never sees half a file."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
