"""Every malformed file gets its exact one-line error, exit code 2, its path, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from malformed_cases import CASES, Case

from model.cli import main


def build(case: Case, folder: Path) -> tuple[Path, str]:
    """Write the case's files into ``folder``; return the file to hand over and its line."""
    for name, content in {**case.files, **case.subfolder}.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    target = folder / case.file
    size = target.stat().st_size if target.exists() else 0
    expected = case.expected.format(folder=target.parent, size=f"{size:,}")
    named = folder / case.reported if case.reported else target
    return target, f"{named}: {expected}"


def test_the_catalogue_is_large_enough():
    assert len(CASES) >= 25
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_malformed_file_gives_its_one_line_error(case, tmp_path, capsys):
    target, line = build(case, tmp_path)
    assert main([case.command, str(target)]) == 2
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [line]
    assert str(target.parent) in captured.err
    assert "Traceback" not in captured.err + captured.out


def test_installed_console_script_reports_every_case(tmp_path):
    """One run of the real ``innosim`` executable over the whole catalogue."""
    script = Path(sys.executable).parent / "innosim"
    targets, lines = [], []
    for i, case in enumerate(c for c in CASES if c.command == "validate"):
        target, line = build(case, tmp_path / f"case{i:02d}")
        targets.append(str(target))
        lines.append(line)
    done = subprocess.run([str(script), "validate", *targets], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines() == lines
