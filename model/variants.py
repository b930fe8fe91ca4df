"""Writing scenario files: variants of a plan, edits in place, copies; one writer for all.

* :func:`variant_document` builds a new variant: ``extends = "<base file>"``, a
  ``[scenario]`` name, and only the entries it sets, each with its own ``source``. The app's
  download, :func:`save_variant` and ``innosim calibrate`` all build their files with it.
* :func:`write_scenario` is the only function that writes a scenario file: through a
  temporary file in the same folder that must load as a valid scenario (``check``), then
  moved into place atomically (``os.replace``); it refuses to replace an existing file unless
  told to (``overwrite=True``), without a window between looking and writing.
* :func:`save_variant` writes ``extends = "<base file>"`` plus the edited levers, the way a
  planner's edits are saved. Saving again over an existing variant of the same base updates
  only the levers given; the rest of that file (comments, key order, other entries) is kept
  as it was.
* :func:`set_levers` changes lever values in a scenario file in place, keeping comments and
  the order of everything it does not touch.

A failed save never destroys what a user saved before; problems are one-line
:class:`~model.errors.ScenarioError`\\ s as everywhere else.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.items import InlineTable, Table

from .catalogue import LEVERS
from .errors import ScenarioError, with_path
from .saving import save
from .scenario import Scenario, load_scenario

Entries = Mapping[str, Mapping[str, Any]]


def variant_document(base: str, name: str, *, comments: Sequence[str] = (),
                     meta: Mapping[str, str] | None = None,
                     sections: Mapping[str, Entries] | None = None) -> tomlkit.TOMLDocument:
    """A new scenario document that ``extends`` the file named ``base`` (in its folder).

    ``comments`` head the file; ``meta`` adds to ``[scenario]`` after its ``name``;
    ``sections`` maps a table (``levers``, ``parameters``) to its entries, each a mapping
    such as ``{"value": 12.0, "source": "..."}`` written as an inline table in that order.
    An empty section is left out, so the variant inherits everything it does not set.
    """
    document = tomlkit.document()
    for line in comments:
        document.add(tomlkit.comment(line))
    document.add("extends", base)
    table = tomlkit.table()
    table.add("name", name)
    for key, value in (meta or {}).items():
        table.add(key, value)
    document.add("scenario", table)
    for section, entries in (sections or {}).items():
        if not entries:
            continue
        table = tomlkit.table()
        for key, fields in entries.items():
            entry = tomlkit.inline_table()
            entry.update(dict(fields))
            table.add(key, entry)
        document.add(section, table)
    return document


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
    update = path.exists()
    if update:
        document = tomlkit.parse(path.read_text(encoding="utf-8"))
        if document.get("extends") != base_path.name:
            raise ScenarioError(path, "extends", f"file exists and extends "
                                f"{document.get('extends')!r}, not {base_path.name!r}",
                                "a new file name, or the variant of the same base")
        if name is not None:
            document["scenario"]["name"] = name
    else:
        document = variant_document(
            base_path.name, name or path.stem,
            comments=[f"Policy variant of {base_path.name}: edited levers only; "
                      "everything else is inherited."])
    _set_entries(document, levers, source)
    return _written(write_scenario(document, path, overwrite=update))


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
    return _written(write_scenario(document, path, overwrite=True))


def save_scenario(path: str | Path, target: str | Path, *, overwrite: bool = False) -> Scenario:
    """Copy a scenario file through tomlkit (parse -> dump) to ``target``, unchanged.

    An existing ``target`` is replaced only with ``overwrite=True``.
    """
    path = Path(path)
    load_scenario(path)
    document = tomlkit.parse(path.read_text(encoding="utf-8"))
    return _written(write_scenario(document, Path(target), overwrite=overwrite))


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


def write_scenario(document: tomlkit.TOMLDocument, path: str | Path, *,
                   overwrite: bool = False, check: bool = True) -> Scenario | None:
    """Write ``document`` to ``path`` atomically; the one writer of scenario files.

    The text goes to a temporary file in the same folder (so an ``extends`` resolves as it
    will for ``path``), which with ``check`` must load as a valid scenario; only then does it
    take ``path``'s place, in one step (``os.replace``, or a hard link when ``path`` must
    not exist yet). An existing ``path`` is replaced only with ``overwrite=True``; otherwise
    a :class:`ScenarioError` says it exists. Returns the scenario as loaded (None without
    ``check``, for a variant whose base is not in the folder it is written to).
    """
    path = Path(path)
    loaded: list[Scenario] = []

    def verify(temporary: Path) -> None:
        try:
            saved = load_scenario(temporary)
        except ScenarioError as error:  # name the file the user asked for
            raise with_path(error, path) from None
        saved._path = str(path)
        loaded.append(saved)

    save(path, lambda stream: stream.write(tomlkit.dumps(document)), overwrite=overwrite,
         verify=verify if check else None,
         exists=ScenarioError(path, "", "file exists",
                              "a new file name, or overwrite it on purpose"))
    return loaded[0] if loaded else None


def _written(saved: Scenario | None) -> Scenario:
    """The scenario :func:`write_scenario` loaded back (it was written with ``check``)."""
    if saved is None:
        raise RuntimeError("written without check: nothing was loaded back")
    return saved
