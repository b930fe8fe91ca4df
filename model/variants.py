"""Saving scenarios: edited levers as a policy variant, or in place, with tomlkit.

* :func:`save_variant` writes ``extends = "<base file>"`` plus the edited levers (each with
  its own ``source``), the way the app saves a planner's edits. Saving again over an existing
  variant of the same base updates only the levers given; the rest of that file (comments,
  key order, other entries) is kept as it was.
* :func:`set_levers` changes lever values in a scenario file in place, keeping comments and
  the order of everything it does not touch.

Both write through a temporary file that must load as a valid scenario before it replaces
the target, so a failed save never destroys what a user saved before; problems are one-line
:class:`~model.errors.ScenarioError`\\ s as everywhere else.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from datetime import date
from pathlib import Path

import tomlkit
from tomlkit.items import InlineTable, Table

from .catalogue import LEVERS
from .errors import ScenarioError
from .scenario import Scenario, load_scenario


def save_variant(
    base_path: str | Path,
    levers: Mapping[str, float],
    path: str | Path,
    *,
    name: str | None = None,
    source: str | None = None,
) -> Scenario:
    """Write (or update) a variant of ``base_path`` that sets ``levers`` (display units).

    The variant lives in the base's folder (``extends`` resolves only there). ``source``
    is the provenance written on every edited lever (default: "policy variant, edited
    <date>"). Returns the saved scenario as loaded back from disk.
    """
    base_path, path = Path(base_path), Path(path)
    _check_levers(path, levers)
    if base_path.parent.resolve() != path.parent.resolve():
        raise ScenarioError(path, "extends", f"variant is not in the folder of {base_path.name}",
                            f"a file in {base_path.parent}")
    load_scenario(base_path)  # the base must be valid before anything extends it
    source = source or f"policy variant, edited {date.today().isoformat()}"
    if path.exists():
        document = tomlkit.parse(path.read_text(encoding="utf-8"))
        if document.get("extends") != base_path.name:
            raise ScenarioError(path, "extends", f"file exists and extends "
                                f"{document.get('extends')!r}, not {base_path.name!r}",
                                "a new file name, or the variant of the same base")
    else:
        document = tomlkit.document()
        document.add(tomlkit.comment(f"Policy variant of {base_path.name}: edited levers only; "
                                     "everything else is inherited."))
        document.add("extends", base_path.name)
        meta = tomlkit.table()
        meta.add("name", name or path.stem)
        document.add("scenario", meta)
    if name is not None:
        document["scenario"]["name"] = name
    _set_entries(document, levers, source)
    return _write_checked(document, path)


def set_levers(path: str | Path, levers: Mapping[str, float],
               source: str | None = None) -> Scenario:
    """Change lever values of the scenario file ``path`` in place (display units).

    A lever whose value really changes gets ``source`` (default "edited <date>") in place of
    its old provenance: the old source described the old number.
    """
    path = Path(path)
    _check_levers(path, levers)
    load_scenario(path)
    document = tomlkit.parse(path.read_text(encoding="utf-8"))
    _set_entries(document, levers, source or f"edited {date.today().isoformat()}")
    return _write_checked(document, path)


def save_scenario(path: str | Path, target: str | Path) -> Scenario:
    """Copy a scenario file through tomlkit (parse -> dump) to ``target``, unchanged."""
    path = Path(path)
    load_scenario(path)
    document = tomlkit.parse(path.read_text(encoding="utf-8"))
    return _write_checked(document, Path(target))


def _check_levers(path: Path, levers: Mapping[str, float]) -> None:
    import difflib

    for key, value in levers.items():
        if key not in LEVERS:
            close = difflib.get_close_matches(key, list(LEVERS), n=1, cutoff=0.5)
            raise ScenarioError(path, f"levers.{key}", f"unknown lever {key!r}",
                                f"did you mean {close[0]!r}?" if close else
                                "one of " + ", ".join(LEVERS))
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ScenarioError(path, f"levers.{key}", f"got {value!r}", "a number")


def _set_entries(document, levers: Mapping[str, float], source: str) -> None:
    if "levers" not in document:
        document.add("levers", tomlkit.table())
    table: Table = document["levers"]
    for key, value in levers.items():
        value = int(value) if float(value).is_integer() else float(value)
        current = table.get(key)
        if isinstance(current, InlineTable | Table | dict) and current.get("value") == value:
            continue  # unchanged: keep its provenance
        entry = tomlkit.inline_table()
        entry.update({"value": value, "source": source})
        table[key] = entry


def _write_checked(document, path: Path) -> Scenario:
    """Write via a temporary file in the same folder; replace ``path`` only if it loads."""
    text = tomlkit.dumps(document)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".toml",
                                         dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        try:
            saved = load_scenario(temporary)
        except ScenarioError as error:  # name the file the user asked for, not the temporary
            raise ScenarioError(path, error.field, error.problem, error.expected) from None
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    saved._path = str(path)
    return saved
