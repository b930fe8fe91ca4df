"""Writing files a user keeps: atomically, and never over an existing file unless asked.

Every file innosim writes goes first to a hidden temporary file in the same folder, which
takes the target's name in one step only once it is complete (``os.replace``; a hard link
when the target must not exist yet, so there is no gap between looking and writing). A
writer killed halfway leaves the previous file as it was and no half-written one.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

from .errors import ScenarioError

EXISTS_HINT = "a new file name or --out folder, or --force to replace it"


class OutputExists(ScenarioError):
    """The file to write exists and replacing it was not asked for."""

    def __init__(self, path: str | Path, expected: str = EXISTS_HINT) -> None:
        super().__init__(path, "", "file exists", expected)


def temporary_beside(path: Path, suffix: str = ".tmp") -> tuple[int, Path]:
    """A new hidden file beside ``path`` (open descriptor, path), created with the usual
    permissions (the process's umask), not the private ones of :func:`tempfile.mkstemp`."""
    while True:
        temporary = path.parent / f".{path.stem[:100]}.{secrets.token_hex(6)}{suffix}"
        try:
            return os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), temporary
        except FileExistsError:
            continue


def move_new(temporary: Path, path: Path, exists: ScenarioError | None = None) -> None:
    """Give ``temporary`` the name ``path``, which must not exist (checked atomically)."""
    exists = exists or OutputExists(path)
    try:
        os.link(temporary, path)  # fails if path exists: no gap between looking and writing
    except FileExistsError:
        raise exists from None
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV,
                               errno.EMLINK):
            raise
        if path.exists() or path.is_symlink():  # no hard links here: look, then move
            raise exists from None
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def save(path: str | Path, write: Callable[[IO[Any]], object], *, overwrite: bool,
         binary: bool = False, verify: Callable[[Path], object] | None = None,
         exists: ScenarioError | None = None) -> Path:
    """Write a file atomically: ``write(stream)`` fills a temporary file beside ``path``;
    ``verify(temporary)``, if given, may refuse it by raising; then it takes ``path``'s place
    (only if ``path`` does not exist, unless ``overwrite``; else ``exists`` or
    :class:`OutputExists` is raised). Returns ``path``."""
    path = Path(path)
    handle, temporary = temporary_beside(path, path.suffix or ".tmp")
    try:
        mode = "wb" if binary else "w"
        with (os.fdopen(handle, mode) if binary
              else os.fdopen(handle, mode, encoding="utf-8", newline="")) as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        if verify is not None:
            verify(temporary)
        if overwrite:
            os.replace(temporary, path)
        else:
            move_new(temporary, path, exists)
    finally:
        temporary.unlink(missing_ok=True)
    return path


def refuse_existing(paths: Iterable[str | Path], force: bool) -> None:
    """Before any work: refuse if one of ``paths`` exists and ``force`` was not given."""
    if force:
        return
    for path in paths:
        if Path(path).exists() or Path(path).is_symlink():
            raise OutputExists(path)


def output_key(scenario: Any) -> str:
    """The name under which a scenario's results are written: its ``name`` as a safe file
    name, or, for a variant that did not give itself a name of its own (it inherited its
    parent's), its file's name, so that it never writes over its parent's results."""
    from .scenario import load_scenario
    from .untrusted import safe_key

    name = scenario.meta.name
    if scenario.extends:
        try:
            inherited = load_scenario(scenario.extends[0]).meta.name == name
        except (ScenarioError, OSError):
            inherited = True
        if inherited and scenario.path != "<memory>":
            name = Path(scenario.path).stem
    return safe_key(name)
