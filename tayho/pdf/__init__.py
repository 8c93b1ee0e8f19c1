"""The PDFs of one language: the whole record, and each highlight alone, rendered only when their input changed.

A PDF's input is its HTML document (tayho/pdf/document.py), its attachments, the stylesheet, the fonts and the
renderer's version; a hash of them names the PDF in a cache outside site/ (.tayho-cache/pdf/), so an unchanged PDF
costs a copy, and the bytes are the same as a fresh render's.
"""

from __future__ import annotations

import hashlib
from importlib.metadata import version
from pathlib import Path

from ..file_cache import FileCache
from ..fonts import fonts_digest
from .document import PdfDocument, documents
from .render import STYLESHEET, VARIANT, render_pdf, use_project_fonts_only


def _renderer_fingerprint() -> bytes:
    parts = [
        version("weasyprint"),
        version("pydyf"),
        VARIANT,
        STYLESHEET.read_text(encoding="utf-8"),
        Path(__file__).with_name("render.py").read_text(encoding="utf-8"),
    ]
    parts.append(fonts_digest())
    return "\n".join(parts).encode("utf-8")


def cache_key(document: PdfDocument, date: str, renderer: bytes) -> str:
    digest = hashlib.sha256(renderer)
    for part in (document.html.encode("utf-8"), document.base_url.encode("utf-8"), date.encode("utf-8")):
        digest.update(hashlib.sha256(part).digest())
    for attachment in document.attachments:
        digest.update(hashlib.sha256(attachment.name.encode("utf-8") + b"\0" + attachment.content).digest())
        digest.update(attachment.description.encode("utf-8"))
    return digest.hexdigest()


def write_language_pdfs(language_site: Path, site, cache: FileCache) -> list[str]:
    """Write every PDF of `site`'s language into its built folder; return the cache keys used (to keep them)."""
    use_project_fonts_only(cache.folder)
    date = site.version.date.isoformat()
    renderer = _renderer_fingerprint()
    used = []
    for document in documents(site):
        key = cache_key(document, date, renderer)
        cache.copy(key, lambda document=document: render_pdf(document, date), language_site / document.target)
        used.append(key)
    return used
