"""Scenario inheritance: ``extends = "parent.toml"`` plus overrides makes a policy variant.

Merge rules (applied to the raw TOML tables, before validation, so a variant is checked as
the whole scenario it describes):

* ``[scenario]``, ``[baseline]``, ``[levers]`` and ``[parameters]`` are merged key by key:
  a key the child gives replaces the parent's value for that key, and a child's entry
  (``{ value = ..., source = ... }``) replaces the parent's entry *whole* -- a new value
  never inherits the parent's source, so provenance always belongs to the number it
  describes.
* ``events`` and ``targets`` (arrays of tables) are replaced whole when the child gives them,
  inherited unchanged otherwise.
* A variant changes policy, not history: where the child sets a lever in ``[levers]`` that
  the parent also sets and neither states the lever's start-year value in ``[baseline]``,
  the parent's entry becomes that start-year value, so the start year is calibrated as in
  the parent and the child's value holds from the first plan year.
* A parent may itself extend another file; the chain is resolved parent first.

``extends`` names a file in the folder of the file that uses it (or below it); absolute
paths, ``..`` that leaves the folder, missing files and cycles are errors naming the file
and the ``extends`` field.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import ScenarioError

MERGED_TABLES = ("scenario", "baseline", "levers", "parameters")
REPLACED_ARRAYS = ("events", "targets")
MAX_CHAIN = 16


def resolve(path: Path, read: Callable[[Path], dict[str, Any]]) -> tuple[dict[str, Any],
                                                                        list[Path]]:
    """The merged document of ``path`` and the chain of files it came from (itself first).

    ``read`` turns one file into a plain dict (with one-line errors for that file).
    """
    chain: list[Path] = []
    documents: list[dict[str, Any]] = []
    current = path
    while True:
        document = read(current)
        chain.append(current)
        documents.append(document)
        if "extends" not in document:
            break
        parent = _parent_path(current, document["extends"])
        if parent.resolve() in [p.resolve() for p in chain]:
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
    for key, value in child.items():
        if key == "extends":
            continue
        if key in MERGED_TABLES and isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    return merged


def _parent_path(path: Path, extends: Any) -> Path:
    if not isinstance(extends, str) or not extends.strip():
        raise ScenarioError(path, "extends", f"got {extends!r}",
                            "the file name of the parent scenario in quotes")
    name = Path(extends)
    folder = path.parent.resolve()
    if name.is_absolute():
        raise ScenarioError(path, "extends", f"{extends!r} is an absolute path",
                            f"a file name inside {path.parent}")
    parent = (path.parent / name)
    if not parent.resolve().is_relative_to(folder):
        raise ScenarioError(path, "extends", f"{extends!r} lies outside the scenarios folder",
                            f"a file inside {path.parent}")
    if not parent.is_file():
        raise ScenarioError(path, "extends", f"parent {extends!r} not found",
                            f"an existing scenario file in {path.parent}")
    return parent
