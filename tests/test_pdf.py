"""The PDFs: the whole record per language and each highlight alone, archival (PDF/A-3a, marked PDF/UA-1) with the
published data attached, tagged, in the project's fonts only (drawn again only when their input changed: see
test_file_caches.py).

Read back with pypdf. Not checked here, for want of a validator on this machine (veraPDF is not packaged for
PyPI, npm or Debian): full PDF/A-3 and PDF/UA-1 conformance beyond the identification, output intent,
attachments, structure tree, language and embedded fonts asserted below.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys

import pytest

from .conftest import ROOT
from .html import facts, page

pypdf = pytest.importorskip("pypdf")
PDFS = [
    ("", "print/tayho-archive-vi.pdf", "vi"),
    ("en/", "print/tayho-archive-en.pdf", "en"),
    ("", "supervision/tayho-archive-supervision-vi.pdf", "vi"),
    ("en/", "covid-19/tayho-archive-covid-19-en.pdf", "en"),
]


def _xmp(reader) -> str:
    return reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")


@pytest.mark.parametrize("prefix,name", [("", "tayho-archive-vi.pdf"), ("en/", "tayho-archive-en.pdf")])
def test_a_pdf_of_the_whole_record_is_linked_from_the_printable_page(real_site_with_pdf, prefix, name):
    printable = page(real_site_with_pdf, prefix + "print/")
    assert name in [link.get("href") for link in facts(printable).links]
    pdf = (printable.parent / name).read_bytes()
    assert pdf.startswith(b"%PDF-") and len(pdf) > 5000


@pytest.mark.parametrize("prefix,path,lang", PDFS)
def test_every_pdf_is_identified_as_pdf_a_3a_and_pdf_ua_1_and_tagged(real_site_with_pdf, prefix, path, lang):
    reader = pypdf.PdfReader(real_site_with_pdf / prefix / path)
    root = reader.trailer["/Root"]
    xmp = _xmp(reader)
    assert re.search(r'pdfaid:part="3"', xmp) and re.search(r'pdfaid:conformance="A"', xmp)
    assert re.search(r'pdfuaid:part="1"', xmp) and "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>" in xmp
    assert [intent.get_object()["/S"] for intent in root["/OutputIntents"]] == ["/GTS_PDFA1"]
    assert bool(root["/MarkInfo"]["/Marked"]) and root["/Lang"] == lang
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    tags = set()
    stack = [root["/StructTreeRoot"]]
    while stack:
        element = stack.pop().get_object()
        if not isinstance(element, dict):  # a marked-content id, not an element
            continue
        if "/S" in element:
            tags.add(element["/S"])
        kids = element.get("/K", [])
        stack += kids if isinstance(kids, list) else [kids]
    assert {"/Document", "/H1", "/H2", "/P", "/Table", "/TH", "/TD"} <= tags, tags
    fonts = {
        font.get_object()["/BaseFont"] for pdf_page in reader.pages for font in pdf_page["/Resources"]["/Font"].values()
    }
    assert fonts and all(re.match(r"^/[A-Z]{6}\+DejaVu-Sans(-Bold)?$", font) for font in fonts), fonts


@pytest.mark.parametrize("prefix,lang", [("", "vi"), ("en/", "en")])
def test_the_record_pdf_carries_the_published_data_and_says_what_is_known_of_the_source(
    real_site_with_pdf, prefix, lang
):
    site = real_site_with_pdf
    reader = pypdf.PdfReader(site / prefix / "print" / f"tayho-archive-{lang}.pdf")
    assert reader.attachments["record.json"] == [(site / "data" / "record.json").read_bytes()]
    assert reader.attachments["figures.csv"] == [(site / "data" / "figures.csv").read_bytes()]
    assert len(reader.trailer["/Root"]["/AF"]) == 2  # each attachment listed once
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages[:2])
    expected = {
        "vi": [
            "không có trong bản lưu",
            "Viết trước ngày",
            "Tóm tắt (của người biên tập)",
            "Nội dung (nguyên văn bài báo)",
            "Phiên bản hồ sơ",
        ],
        "en": [
            "not in the archived copy",
            "Written before",
            "Summary (the editors')",
            "Text (translated from the article)",
            "the record editors' translation",
        ],
    }[lang]
    for phrase in expected:
        assert phrase in text, phrase


def test_a_highlight_pdf_carries_its_figures_and_its_address(real_site_with_pdf):
    site = real_site_with_pdf
    reader = pypdf.PdfReader(site / "en" / "covid-19" / "tayho-archive-covid-19-en.pdf")
    assert reader.attachments["covid-19.csv"] == [(site / "data" / "figures" / "covid-19.csv").read_bytes()]
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "VND 29.004 billion" in text and "https://tayho-archive.github.io/en/covid-19/" in text


RENDER = """
import sys
from pathlib import Path
from tayho.pdf.document import PdfDocument
from tayho.pdf.render import render_pdf, use_project_fonts_only
if sys.argv[1] == "isolated":
    use_project_fonts_only(Path(sys.argv[2]))
html = ('<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>T</title></head><body>'
        '<h1>Tây Hồ</h1><p>Mathematical bold A, which the shipped fonts lack: 𝐀</p></body></html>')
pdf = render_pdf(PdfDocument(html, "https://example.org/", (), "x.pdf", "T"), "2026-12-01")
sys.stdout.write(__import__("hashlib").sha256(pdf).hexdigest())
"""


def _render(mode: str, tmp_path, environment: dict) -> str:
    result = subprocess.run(
        [sys.executable, "-c", RENDER, mode, str(tmp_path / "cache")],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=environment,
        timeout=120,
    )
    return result.stdout


@pytest.mark.slow  # renders PDFs twice
def test_pdfs_use_the_project_fonts_only_whatever_the_machine_has(tmp_path):
    """A character the shipped fonts lack: with the machine's fonts visible it would be drawn from one of them
    (DejaVu Math on Debian); the PDF must not change with what the machine has installed."""
    import os

    home = tmp_path / "home"
    (home / ".fonts").mkdir(parents=True)
    nothing = tmp_path / "empty.conf"
    nothing.write_text('<?xml version="1.0"?><fontconfig></fontconfig>\n', encoding="utf-8")
    with_machine_fonts = dict(os.environ, HOME=str(home))
    with_no_fonts = dict(os.environ, HOME=str(home), FONTCONFIG_FILE=str(nothing))
    isolated = {_render("isolated", tmp_path, with_machine_fonts), _render("isolated", tmp_path, with_no_fonts)}
    assert len(isolated) == 1
    # the negative control: the same document rendered with the machine's own font configuration differs
    assert _render("machine", tmp_path, with_machine_fonts) not in isolated
    assert hashlib.sha256(b"").hexdigest() not in isolated
