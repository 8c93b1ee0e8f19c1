"""What a PDF says: the whole record or one highlight as a standalone HTML document (tayho/theme/fragments/pdf.html),
with a front block that names the source and what is not known of it, the record's version, the translation and
the licence, and the data files it carries as attachments."""

from __future__ import annotations

import dataclasses
import datetime as dt

from .. import opendata, urls, views
from ..citation import version_text
from ..i18n import words
from ..model import Highlight
from ..numbers import format_full_date
from ..qr import qr_image
from ..render import call_macro


@dataclasses.dataclass(frozen=True)
class Attachment:
    """A file carried inside the PDF (PDF/A-3): the record's data, as published beside it."""

    name: str
    content: bytes
    description: str


@dataclasses.dataclass(frozen=True)
class PdfDocument:
    """One PDF to render: its HTML, the address it stands for, its attachments and where it goes in the site."""

    html: str
    base_url: str
    attachments: tuple[Attachment, ...]
    target: str  # path from the language's root: print/tayho-archive-vi.pdf, supervision/tayho-archive-…-vi.pdf
    title: str


def _facts(site, text) -> list[dict]:
    record, lang = site.record, site.lang
    source = record.term.source
    root = site.links.languages.root
    unknown = text.not_in_scrape
    facts = [
        {"name": text.source, "value": f"{source.title[root]} ({text.pdf_archived_copy})"},
        {"name": text.publisher, "value": source.publisher or unknown},
        {"name": text.published, "value": format_full_date(source.published, lang) if source.published else unknown},
        {"name": text.written_before, "value": format_full_date(source.written_before, lang)},
        {"name": text.pdf_version, "value": version_text(site.version, lang)},
        {"name": text.pdf_address, "value": site.links.absolute(urls.HOME)},
        {"name": text.pdf_licence, "value": text.pdf_licence_text},
    ]
    if lang != root:
        facts.insert(1, {"name": text.pdf_translation, "value": text.pdf_translation_text})
    return facts


def _date(site) -> str:
    return site.version.date.isoformat() if site.version.known else dt.date(1970, 1, 1).isoformat()


def _view(site, highlights: list[Highlight], heading: str, subtitle: str, with_record_notes: bool) -> dict:
    record, lang, text = site.record, site.lang, words(site.lang)
    page = site.page_context(site.links.url(urls.PRINT))
    shown = [views.highlight_view(record, h, lang, page.at(urls.highlight_page(h.id))) for h in highlights]
    for view in shown:
        view["qr"] = qr_image(view["url"])
    record_notes = [views.note_view(record, note, lang) for note in record.notes] if with_record_notes else []
    return {
        "lang": lang,
        "title": heading,
        "heading": heading,
        "subtitle": subtitle,
        "description": record.term.title[lang],
        "author": text.pdf_author,
        "date": _date(site),
        "facts": _facts(site, text),
        "highlights": shown,
        "record_notes": record_notes,
        "words": text,
    }


def record_document(site) -> PdfDocument:
    """The whole record in the site's language, with the record's JSON and every figure as CSV attached."""
    record, lang, text = site.record, site.lang, words(site.lang)
    view = _view(site, list(record.highlights), record.term.title[lang], text.pdf_record_subtitle, True)
    languages = tuple(site.links.languages)
    attachments = (
        Attachment("record.json", opendata.record_json(record).encode("utf-8"), text.pdf_attachment_record),
        Attachment("figures.csv", opendata.figures_csv(record, languages).encode("utf-8"), text.pdf_attachment_figures),
    )
    return PdfDocument(
        str(call_macro(site.env, "pdf.html", "document", view)),
        site.links.absolute(urls.PRINT),
        attachments,
        site.links.dest(urls.PRINT).rsplit("/", 1)[0] + "/" + urls.pdf_file(lang),
        record.term.title[lang],
    )


def highlight_document(site, highlight: Highlight) -> PdfDocument:
    """One highlight alone, with its figures as CSV attached."""
    record, lang, text = site.record, site.lang, words(site.lang)
    title = f"{highlight.order}. {highlight.title[lang]}"
    view = _view(site, [highlight], title, record.term.title[lang], False)
    attachments = ()
    if highlight.figures:
        rows = opendata.figures_csv(record, tuple(site.links.languages), highlight.id).encode("utf-8")
        attachments = (Attachment(f"{highlight.id}.csv", rows, text.pdf_attachment_figures),)
    page = urls.highlight_page(highlight.id)
    folder = site.links.dest(page).rsplit("/", 1)[0]
    return PdfDocument(
        str(call_macro(site.env, "pdf.html", "document", view)),
        site.links.absolute(page),
        attachments,
        f"{folder}/{urls.highlight_pdf_file(highlight.id, lang)}",
        title,
    )


def documents(site) -> list[PdfDocument]:
    """Every PDF of one language: the whole record, then each highlight."""
    return [record_document(site)] + [highlight_document(site, h) for h in site.record.highlights]
