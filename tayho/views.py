"""Plain, per-language data prepared for the macro files, so templates only loop and print."""

from __future__ import annotations

import dataclasses
from typing import Optional

from . import urls
from .consistency import Recomputation, recompute_share, recompute_sum
from .i18n import words
from .model import FIGURE_TOKEN, Figure, Highlight, Localized, Note, Record
from .numbers import format_date_span, format_figure, format_full_date, format_number

SECTIONS = ("summary", "text", "figures", "photos", "documents", "places", "people", "events", "notes")


@dataclasses.dataclass(frozen=True)
class Segment:
    """A run of plain text, or a figure (with its anchor and machine-readable value) inside running text."""

    text: str
    figure_href: Optional[str] = None
    value: Optional[str] = None


@dataclasses.dataclass(frozen=True)
class Link:
    text: str
    href: str


@dataclasses.dataclass(frozen=True)
class NoteView:
    anchor: str
    kind: str
    text: str
    where: Optional[Link] = None


@dataclasses.dataclass(frozen=True)
class FigureView:
    anchor: str
    display: str
    value: str
    label: str
    check: Optional[str]
    check_matches: bool
    notes: list[NoteView]


@dataclasses.dataclass(frozen=True)
class Section:
    id: str
    title: str


def segments(text: str, record: Record, lang: str, page_href: str = "") -> list[Segment]:
    """Split text at its {fig:id} tokens, rendering each figure in the locale's format.

    Each figure links to its row in the figure table of the highlight page at `page_href` ("" = this page).
    """
    pieces = FIGURE_TOKEN.split(text)
    result = []
    for index, piece in enumerate(pieces):
        if index % 2 == 0:
            if piece:
                result.append(Segment(piece))
        else:
            figure = record.figure(piece)
            href = f"{page_href}#{urls.anchor('fig', figure.id)}"
            result.append(Segment(format_figure(figure, lang), href, str(figure.value)))
    return result


def note_view(note: Note, lang: str, where: Optional[Link] = None) -> NoteView:
    return NoteView(urls.anchor("note", note.id), words(lang)[f"note_kind.{note.kind.value}"], note.text[lang], where)


def _check_text(record: Record, figure: Figure, result: Recomputation, lang: str) -> str:
    text = words(lang)
    recomputed = format_number(result.recomputed, figure.decimals, lang)
    if result.kind == "share":
        count, total = (format_number(record.figure(ref).value, 0, lang)
                        for ref in (figure.share_of.count, figure.share_of.total))
        return text["share_check"].format(count=count, total=total, recomputed=recomputed + "%")
    return text["sum_check"].format(recomputed=recomputed)


def figure_view(record: Record, figure: Figure, lang: str) -> FigureView:
    result = recompute_share(record, figure) or recompute_sum(record, figure)
    return FigureView(
        anchor=urls.anchor("fig", figure.id),
        display=format_figure(figure, lang),
        value=str(figure.value),
        label=figure.label[lang],
        check=_check_text(record, figure, result, lang) if result else None,
        check_matches=result.matches if result else True,
        notes=[note_view(note, lang) for note in record.notes_on(figure.id)],
    )


def _localized(value: Optional[Localized], lang: str) -> Optional[str]:
    return value[lang] if value is not None else None


def highlight_view(record: Record, highlight: Highlight, lang: str) -> dict:
    """Everything one highlight page shows, in one language."""
    text = words(lang)
    documents = [record.document(ref) for ref in highlight.documents]
    return {
        "id": highlight.id,
        "order": highlight.order,
        "title": highlight.title[lang],
        "summary": segments(highlight.summary[lang], record, lang),
        "body": [segments(paragraph[lang], record, lang) for paragraph in highlight.body],
        "figures": [figure_view(record, figure, lang) for figure in highlight.figures],
        "photos": [{"anchor": urls.anchor("photo", photo.id), "caption": segments(photo.caption[lang], record, lang)}
                   for photo in highlight.photos],
        "documents": [{"anchor": urls.anchor("doc", doc.id), "kind": doc.kind[lang], "number": doc.number,
                       "title": _localized(doc.title, lang), "issuer": doc.issuer[lang],
                       "date": format_full_date(doc.date, lang) if doc.date else text["date_unknown"]}
                      for doc in documents],
        "places": [{"anchor": urls.anchor("place", ref), "name": record.place(ref).name[lang]} for ref in highlight.places],
        "people": [{"anchor": urls.anchor("person", ref), "name": record.person(ref).name,
                    "role": record.person(ref).role[lang]} for ref in highlight.people],
        "events": [{"anchor": urls.anchor("event", event.id), "date": format_date_span(event.date, event.end, lang),
                    "title": event.title[lang]} for event in highlight.events],
        "notes": [note_view(note, lang) for note in highlight.notes],
        "sections": [Section(section, text[section]) for section in SECTIONS if _has_section(highlight, section)],
        "words": text,
    }


def _has_section(highlight: Highlight, section: str) -> bool:
    return section in ("summary", "text") or bool(getattr(highlight, section))


def highlight_cards(record: Record, lang: str, current_url: str) -> list[dict]:
    """The home page's cards: title, summary and headline figures, linking to each highlight page."""
    cards = []
    for highlight in record.highlights:
        href = urls.relative(urls.highlight_url(highlight.id), current_url)
        cards.append({
            "order": highlight.order,
            "title": highlight.title[lang],
            "summary": segments(highlight.summary[lang], record, lang, href),
            "href": href,
            "figures": [figure_view(record, figure, lang) for figure in highlight.figures if figure.headline],
        })
    return cards


def term_view(record: Record, lang: str) -> dict:
    """The term at a glance."""
    term = record.term
    congress = term.next_congress
    return {
        "title": term.title[lang],
        "intro": term.intro[lang],
        "body": term.body[lang],
        "place": f"{term.district[lang]}, {term.city[lang]}",
        "years": f"{term.start_year}–{term.end_year}",
        "congress": congress.name[lang],
        "congress_dates": format_date_span(congress.start_date.isoformat(), congress.end_date.isoformat(), lang),
        "congress_delegates": format_figure(record.figure(congress.delegates), lang),
        "words": words(lang),
    }


def about_view(record: Record, lang: str, current_url: str, source_text: str) -> dict:
    """The provenance shown on the about page: the source, what was left out, every editorial note."""
    source = record.term.source
    text = words(lang)
    notes = []
    for highlight, note in record.all_notes():
        if highlight is None:
            where = Link(text["record_wide"], "")
        else:
            href = urls.relative(urls.highlight_url(highlight.id), current_url) + "#" + urls.anchor("note", note.id)
            where = Link(f"{highlight.order}. {highlight.title[lang]}", href)
        notes.append(note_view(note, lang, where))
    return {
        "title": source.title[lang],
        "source_title_vi": source.title.vi,
        "publisher": source.publisher or text["not_in_scrape"],
        "published": format_full_date(source.published, lang) if source.published else text["not_in_scrape"],
        "written_before": format_full_date(source.written_before, lang),
        "about": source.about[lang],
        "sha256": source.sha256,
        "file": source.file,
        "omitted": [{"text": item.text, "reason": item.reason[lang]} for item in source.omitted],
        "notes": notes,
        "verbatim": source_text,
        "words": text,
    }
