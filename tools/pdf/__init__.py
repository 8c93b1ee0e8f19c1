"""The whole record as a PDF per language, rendered by WeasyPrint from the built printable page."""

from __future__ import annotations

import html
import logging
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
FONTS_URL = (HERE / "fonts").as_uri()
PDF_NAMES = {"": "tayho-archive-vi.pdf", "en": "tayho-archive-en.pdf"}


def _local_fetcher():
    """Fetch nothing but the shipped fonts: pdf.css alone styles the PDF, and no request leaves the machine."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("file://") and url.startswith(FONTS_URL):
                return super().fetch(url, headers)
            kind = "text/css" if url.split("?")[0].endswith(".css") else "text/plain"
            return URLFetcherResponse(url, b"", {"Content-Type": kind})

    return LocalFetcher(allowed_protocols={"file"})


def _canonical_url(page: Path) -> str:
    """The page's published address: links in the PDF point there, not at the build folder."""
    match = re.search(r'<link rel="canonical" href="([^"]+)">', page.read_text(encoding="utf-8"))
    return html.unescape(match.group(1)) if match else page.as_uri()


def write_pdf(page: Path, target: Path) -> Path:
    """Render one built printable page into a PDF."""
    from weasyprint import CSS, HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    fetcher = _local_fetcher()
    stylesheet = CSS(filename=str(HERE / "pdf.css"), url_fetcher=fetcher)
    document = HTML(filename=str(page), base_url=_canonical_url(page), url_fetcher=fetcher)
    document.write_pdf(str(target), stylesheets=[stylesheet])
    return target


def write_language_pdf(language_site: Path, prefix: str) -> Path | None:
    """Render one language's built printable page (print/index.html) into print/<name>.pdf beside it."""
    page = language_site / "print" / "index.html"
    return write_pdf(page, page.with_name(PDF_NAMES[prefix])) if page.is_file() else None
