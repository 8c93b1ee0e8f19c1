"""The whole record as a PDF per language, rendered by WeasyPrint from the built printable page."""

from __future__ import annotations

import logging
from pathlib import Path

from ..urls import PRINT, Links, pdf_file

HERE = Path(__file__).resolve().parent
FONTS_URL = (HERE / "fonts").as_uri()


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


def write_pdf(page: Path, target: Path, published_url: str) -> Path:
    """Render one built printable page into a PDF whose links point at the published site."""
    from weasyprint import CSS, HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    fetcher = _local_fetcher()
    stylesheet = CSS(filename=str(HERE / "pdf.css"), url_fetcher=fetcher)
    document = HTML(filename=str(page), base_url=published_url, url_fetcher=fetcher)
    document.write_pdf(str(target), stylesheets=[stylesheet])
    return target


def write_language_pdf(language_site: Path, lang: str, links: Links) -> Path | None:
    """Render one language's built printable page into <name>.pdf beside it."""
    page = language_site / links.dest(PRINT)
    if not page.is_file():
        return None
    return write_pdf(page, page.with_name(pdf_file(lang)), links.absolute(PRINT))
