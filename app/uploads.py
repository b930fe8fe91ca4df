"""Uploads that last: uploaded scenarios kept by content hash in a per-server folder.

Files uploaded together are one *bundle*, stored as ``<folder>/<hash>/<file name>``, where
``<hash>`` is the sha256 of the bundle's names and bytes (the same files give the same
folder). A bundle is self-contained: a file it ``extends`` that was not uploaded with it is
copied in from the scenario folder, so the bundle resolves exactly as the same files saved
side by side would, and a link made today reopens the same scenario after the shipped file
changes. Each uploaded file is listed under the key ``upload-<hash12>/<file name>``, which
the page address holds: a fresh browser (another planner, the next day) reopens it from the
folder.

The folder is capped (:data:`DEFAULT_LIMIT_MB`, ``INNOSIM_UPLOADS_MB``): after a bundle is
stored, the least recently used bundles are removed until the folder fits. Its place is
``out/uploads`` under the project, or ``INNOSIM_UPLOADS``. Errors name the upload by its
file name, never a server path.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from model.errors import ScenarioError
from model.inheritance import inside
from model.scenario import MAX_FILE_BYTES, Scenario, load_scenario, read_document
from model.untrusted import display_name

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_LIMIT_MB = 50.0
PREFIX = "upload-"
HASH_CHARS = 12
MAX_FILES = 10   # files in one upload
# A name the bundle can hold as it was uploaded (a variant's ``extends`` names it).
USABLE_NAME = re.compile(r"^[^/\\\x00-\x1f.][^/\\\x00-\x1f]{0,150}\.toml$", re.IGNORECASE)


@dataclass(frozen=True)
class UploadStore:
    folder: Path
    limit_bytes: int

    # --- keys -----------------------------------------------------------------------------

    @staticmethod
    def is_key(name: str) -> bool:
        return name.startswith(PREFIX) and "/" in name

    def path(self, key: str) -> Path | None:
        """The stored file of ``key``, or None when it is not (or no longer) kept."""
        if not self.is_key(key):
            return None
        bundle, _, name = key[len(PREFIX):].partition("/")
        if not re.fullmatch(f"[0-9a-f]{{{HASH_CHARS}}}", bundle) or not USABLE_NAME.match(name):
            return None
        matches = sorted(self.folder.glob(f"{bundle}*")) if self.folder.is_dir() else []
        for folder in matches:
            candidate = folder / name
            if inside(candidate, self.folder) and candidate.is_file():
                return candidate
        return None

    # --- storing --------------------------------------------------------------------------

    def keep(self, files: list[tuple[str, bytes]], scenarios: Path | None,
             earlier: Sequence[Path] = ()) -> list[str]:
        """Store ``files`` (name, bytes) as one bundle; their keys, in the given order.

        A parent the files ``extends`` and lack is copied from ``earlier`` bundles (uploads
        of this session) or else from the ``scenarios`` folder.

        Raises :class:`ScenarioError` naming the upload for a name or size that cannot be
        kept, and for a file of the bundle that does not load (nothing is kept then).
        """
        if not files:
            return []
        if len(files) > MAX_FILES:
            raise ScenarioError(display_name(files[MAX_FILES][0]), "", f"{len(files)} files "
                                "in one upload", f"at most {MAX_FILES} files")
        named: dict[str, bytes] = {}
        for original, data in files:
            shown = display_name(original)
            if not shown.lower().endswith(".toml"):
                raise ScenarioError(shown, "", "is not a .toml file",
                                    "a scenario file ending in .toml")
            if len(data) > MAX_FILE_BYTES:
                raise ScenarioError(shown, "", f"file is {len(data):,} bytes",
                                    f"a scenario of at most {MAX_FILE_BYTES:,} bytes")
            if not USABLE_NAME.match(shown):
                raise ScenarioError(shown, "", "is not a usable file name",
                                    "a name such as kecheng-2027-edited.toml")
            named[shown] = data
        digest = hashlib.sha256()
        for name in sorted(named):
            digest.update(name.encode() + b"\0" + hashlib.sha256(named[name]).digest())
        bundle = self.folder / digest.hexdigest()
        if not bundle.is_dir():
            self._write(bundle, named, [*earlier, *([scenarios] if scenarios else [])])
        os.utime(bundle)   # recently used: evicted last
        keys = [f"{PREFIX}{bundle.name[:HASH_CHARS]}/{name}" for name in named]
        try:
            for key in keys:
                load_stored(self, key)
        except ScenarioError:
            shutil.rmtree(bundle, ignore_errors=True)
            raise
        self._evict(keep=bundle)
        return keys

    def _write(self, bundle: Path, named: dict[str, bytes], sources: list[Path]) -> None:
        """Write the bundle beside its place and rename it in (never half a bundle)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".incoming-", dir=self.folder))
        try:
            for name, data in named.items():
                (staging / name).write_bytes(data)
            self._copy_parents(staging, named, sources)
            try:
                staging.rename(bundle)
            except OSError:   # stored meanwhile by another session: the same content
                shutil.rmtree(staging, ignore_errors=True)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise

    @staticmethod
    def _copy_parents(staging: Path, named: dict[str, bytes], sources: list[Path]) -> None:
        """Copy in, from the first of ``sources`` holding it, every file the bundle extends
        and lacks."""
        waiting = list(named)
        seen = set(named)
        while waiting:
            try:
                document = read_document(staging / waiting.pop())
            except ScenarioError:
                continue   # reported when the file is loaded
            parent = document.get("extends")
            if not isinstance(parent, str) or parent in seen or not USABLE_NAME.match(parent):
                continue
            for folder in sources:
                source = folder / parent
                if inside(source, folder) and source.is_file():
                    shutil.copyfile(source, staging / parent)
                    seen.add(parent)
                    waiting.append(parent)
                    break

    def _evict(self, keep: Path) -> None:
        """Remove the least recently used bundles until the folder fits its limit."""
        bundles = [p for p in self.folder.iterdir() if p.is_dir() and not p.name.startswith(".")]
        sizes = {p: sum(f.stat().st_size for f in p.iterdir() if f.is_file()) for p in bundles}
        total = sum(sizes.values())
        for bundle in sorted(bundles, key=lambda p: p.stat().st_mtime):
            if total <= self.limit_bytes:
                break
            if bundle == keep:
                continue
            shutil.rmtree(bundle, ignore_errors=True)
            total -= sizes[bundle]
        # Staging folders left by a crash are older than any upload in progress.
        for stale in self.folder.glob(".incoming-*"):
            if time.time() - stale.stat().st_mtime > 3600:
                shutil.rmtree(stale, ignore_errors=True)


def store() -> UploadStore:
    """This server's upload store (``INNOSIM_UPLOADS``, ``INNOSIM_UPLOADS_MB``)."""
    folder = Path(os.environ.get("INNOSIM_UPLOADS") or ROOT / "out" / "uploads")
    try:
        limit = float(os.environ.get("INNOSIM_UPLOADS_MB") or DEFAULT_LIMIT_MB)
    except ValueError:
        limit = DEFAULT_LIMIT_MB
    return UploadStore(folder, int(limit * 1_000_000))


def load_stored(uploads: UploadStore, key: str) -> Scenario:
    """The scenario of an upload key; errors name the uploaded file, never the folder."""
    path = uploads.path(key)
    name = key.rpartition("/")[2]
    if path is None:
        raise ScenarioError(name, "", "this upload is no longer kept on the server",
                            "the file uploaded again")
    try:
        scenario = load_scenario(path)
    except ScenarioError as error:
        where = str(path.parent)
        raise ScenarioError(Path(error.path).name, error.field,
                            error.problem.replace(where, "the uploaded files"),
                            error.expected.replace(
                                where, "the uploaded files or the scenario folder")) from None
    # Where it came from, for the page, the exports and a variant of it: names, not paths.
    scenario._path = name
    scenario._extends = tuple(Path(p).name for p in scenario.extends)
    return scenario


def digest(uploads: UploadStore, key: str) -> str | None:
    """The sha256 of an uploaded file's bytes (None if it is not kept)."""
    path = uploads.path(key)
    return hashlib.sha256(path.read_bytes()).hexdigest() if path else None
