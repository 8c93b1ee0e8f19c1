"""The whole record as a PDF per language, rendered by WeasyPrint from the built printable page."""

from __future__ import annotations

import logging
from pathlib import Path

HERE = Path(__file__).resolve().parent
PDF_NAMES = {"": "tayho-archive-vi.pdf", "en": "tayho-archive-en.pdf"}


def _local_fetcher():
    """Fetch only the page's own files, and not the theme's screen stylesheets: pdf.css styles the PDF alone."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if not url.startswith("file://"):
                raise ValueError(f"the PDF loads nothing from another host ({url})")
            if url.split("?")[0].endswith(".css") and not url.endswith("/pdf/pdf.css"):
                return URLFetcherResponse(url, b"", {"Content-Type": "text/css"})
            return super().fetch(url, headers)

    return LocalFetcher(allowed_protocols={"file"})


def write_pdfs(site: Path) -> list[Path]:
    """Render <lang>/print/index.html of a built site into print/<name>.pdf beside it."""
    from weasyprint import CSS, HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    fetcher = _local_fetcher()
    stylesheet = CSS(filename=str(HERE / "pdf.css"), url_fetcher=fetcher)
    written = []
    for prefix, name in PDF_NAMES.items():
        page = site / prefix / "print" / "index.html"
        if not page.is_file():
            continue
        target = page.parent / name
        document = HTML(filename=str(page), url_fetcher=fetcher)
        document.write_pdf(str(target), stylesheets=[stylesheet])
        written.append(target)
    return written
