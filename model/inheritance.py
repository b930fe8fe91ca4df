"""Scenario inheritance: ``extends = "parent.toml"`` plus overrides makes a policy variant.

Merge rules (applied to the raw TOML tables, before validation, so a variant is checked as
the whole scenario it describes):

* ``[scenario]``, ``[baseline]``, ``[levers]`` and ``[parameters]`` are merged key by key:
  a key the child gives replaces the parent's value for that key, and a child's entry
  (``{ value = ..., source = ... }``) replaces the parent's entry *whole* -- a new value
  never inherits the parent's source, so provenance always belongs to the number it
  describes.
* ``[paths]`` is merged key by key too: a child's ``paths.<key>`` replaces the parent's path
  of that key whole (years, values and source), other keys' paths are inherited. A child
  that sets a key in ``[levers]`` or ``[parameters]`` which the parent gives as a path, and
  gives no path of its own for it, drops the parent's path, so the child's value holds
  (otherwise the inherited path would silently override it).
* ``events`` and ``targets`` (arrays of tables) are replaced whole when the child gives them,
  inherited unchanged otherwise.
* A variant changes policy, not history: where the child sets a lever in ``[levers]`` that
  the parent also sets and neither states the lever's start-year value in ``[baseline]``,
  the parent's entry becomes that start-year value, so the start year is calibrated as in
  the parent and the child's value holds from the first plan year.
* A parent may itself extend another file; the chain is resolved parent first.

``extends`` names a file in the folder of the file that uses it (or below it), resolved with
every symlink followed: absolute paths, ``..`` or a symlink that leaves the folder, missing
files and cycles are errors naming the file and the ``extends`` field. The app resolves an
uploaded variant's ``extends`` with this same code (see :func:`resolve`'s ``first``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import ScenarioError

MERGED_TABLES = ("scenario", "baseline", "levers", "parameters", "paths")
REPLACED_ARRAYS = ("events", "targets")
MAX_CHAIN = 16
MAX_NAME = 200  # characters of an extends value


def resolve(path: Path, read: Callable[[Path], dict[str, Any]],
            first: dict[str, Any] | None = None) -> tuple[dict[str, Any], list[Path]]:
    """The merged document of ``path`` and the chain of files it came from (itself first).

    ``read`` turns one file into a plain dict (with one-line errors for that file).
    ``first``, when given, is the document of ``path`` itself, which is then never read:
    text that is not a file (an upload) is resolved as if it were saved at ``path``.
    """
    chain: list[Path] = []
    documents: list[dict[str, Any]] = []
    read_files: list[Path] = []   # resolved, for the cycle check (text not read is no file)
    current = path
    while True:
        if first is not None and current is path:
            document = first
        else:
            document = read(current)
            read_files.append(current.resolve())
        chain.append(current)
        documents.append(document)
        if "extends" not in document:
            break
        parent = _parent_path(current, document["extends"])
        if parent.resolve() in read_files:
            names = " -> ".join(p.name for p in [*chain, parent])
            raise ScenarioError(path, "extends", f"inheritance cycle {names}",
                                "a chain of variants that ends in a plain scenario")
        if len(chain) >= MAX_CHAIN:
            raise ScenarioError(path, "extends", f"more than {MAX_CHAIN} levels of extends",
                                "a shorter chain of variants")
        current = parent
    merged = documents[-1]
    for child in reversed(documents[:-1]):
        merged = merge(merged, child)
    merged.pop("extends", None)
    return merged, chain


def merge(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """The child's document laid over the parent's (see the module docstring)."""
    merged = {k: v for k, v in parent.items() if k != "extends"}
    parent_levers, parent_baseline = parent.get("levers"), parent.get("baseline")
    child_levers, child_baseline = child.get("levers"), child.get("baseline")
    if (isinstance(parent_levers, dict) and isinstance(parent_baseline, dict)
            and isinstance(child_levers, dict)):
        history = {key: entry for key, entry in parent_levers.items()
                   if key in child_levers and key not in parent_baseline
                   and not (isinstance(child_baseline, dict) and key in child_baseline)}
        if history:
            merged["baseline"] = {**parent_baseline, **history}
    parent_paths, child_paths = parent.get("paths"), child.get("paths")
    if isinstance(parent_paths, dict):
        overridden = {key for section in ("levers", "parameters")
                      if isinstance(child.get(section), dict) for key in child[section]}
        own = child_paths if isinstance(child_paths, dict) else {}
        merged["paths"] = {key: path for key, path in parent_paths.items()
                           if key not in overridden or key in own}
    for key, value in child.items():
        if key == "extends":
            continue
        if key in MERGED_TABLES and isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    return merged


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, with every symlink followed, lies in ``folder`` or below it."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError, ValueError):  # a symlink loop, a NUL byte
        return False


def _parent_path(path: Path, extends: Any) -> Path:
    if not isinstance(extends, str) or not extends.strip():
        raise ScenarioError(path, "extends", f"got {extends!r}",
                            "the file name of the parent scenario in quotes")
    shown = extends if len(extends) <= MAX_NAME else extends[:MAX_NAME] + "…"
    if len(extends) > MAX_NAME or not extends.isprintable():
        # Checked before any file-system call: NUL or 300 characters make those raise.
        raise ScenarioError(path, "extends", f"{shown!r} is not a usable file name",
                            f"a file name of at most {MAX_NAME} printable characters")
    name = Path(extends)
    if name.is_absolute():
        raise ScenarioError(path, "extends", f"{extends!r} is an absolute path",
                            f"a file name inside {path.parent}")
    parent = path.parent / name
    if not inside(parent, path.parent):
        raise ScenarioError(path, "extends", f"{extends!r} lies outside the scenarios folder",
                            f"a file inside {path.parent}")
    try:
        found = parent.is_file()
    except OSError:   # e.g. a name component too long for the file system
        found = False
    if not found:
        raise ScenarioError(path, "extends", f"parent {extends!r} not found",
                            f"an existing scenario file in {path.parent}")
    return parent
