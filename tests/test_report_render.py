"""The report as a reader sees it: LibreOffice (headless) turns it into a PDF, poppler into
page images. Skipped when LibreOffice or poppler is absent (``make report-tools``)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from model.cli import main

from .conftest import KECHENG

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
TOOLS = SOFFICE and shutil.which("pdftoppm") and shutil.which("pdfinfo") and shutil.which(
    "pdftotext")
pytestmark = pytest.mark.skipif(not TOOLS, reason="LibreOffice or poppler-utils missing "
                                                  "(make report-tools)")


@pytest.mark.parametrize("language, heading", [("zh", "二、目标达成判断"),
                                               ("en", "2. Verdicts on the targets")])
def test_the_report_opens_in_libreoffice_and_renders_every_page(tmp_path, language, heading):
    report = tmp_path / f"kecheng-{language}.docx"
    assert main(["report", str(KECHENG), "-o", str(report), "--n", "64",
                 "--language", language]) == 0
    # a profile of its own: a LibreOffice the user has open is not disturbed
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(report)],
                   check=True, capture_output=True, timeout=180)
    pdf = report.with_suffix(".pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True,
                          text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines()
                     if line.startswith("Pages:")))
    assert 3 <= pages <= 12, pages   # (Kecheng tracks 25 targets, each a table row)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert heading in text and "Sobol" in text
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")],
                   check=True, timeout=120)
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == pages
    assert all(image.stat().st_size > 2000 for image in images)   # not blank pages
