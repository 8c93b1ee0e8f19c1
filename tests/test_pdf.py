"""The PDF of the whole record, per language, as `make build` writes it."""

from __future__ import annotations

import pytest

from .html import facts, page


@pytest.mark.parametrize("prefix,name", [("", "tayho-archive-vi.pdf"), ("en/", "tayho-archive-en.pdf")])
def test_a_pdf_of_the_whole_record_is_linked_from_the_printable_page(real_site_with_pdf, prefix, name):
    printable = page(real_site_with_pdf, prefix + "print/")
    assert name in [link.get("href") for link in facts(printable).links]
    pdf = (printable.parent / name).read_bytes()
    assert pdf.startswith(b"%PDF-") and len(pdf) > 5000
    assert facts(printable).text.count("tayho-archive.github.io/") >= 10  # each highlight's address is printed
