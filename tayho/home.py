"""The home page's record parts, prepared for tayho/theme/fragments/home.html: the term at a glance (its facts,
the next congress as the source announced it, where to go from here) and a card per highlight with its headline
figures, each figure that does not check out marked and linked to the editor's note that explains it."""

from __future__ import annotations

from typing import Optional

from . import urls
from .i18n import words
from .model import Figure, Record
from .numbers import date_span, format_figure
from .views import Link, PageContext, checks_out, mismatch_notes, segments

# The record's other ways in, in the order the home page lists them: (page, fragment, name word, description word).
ENTRY_POINTS = (
    (urls.TIMELINE, "", "timeline", "explore.timeline"),
    (urls.PLACES, "", "places_index", "explore.places"),
    (urls.DOCUMENTS, "", "documents_index", "explore.documents"),
    (urls.ABOUT, "downloads", "open_data", "explore.data"),
    (urls.PRINT, "", "print", "explore.print"),
)


def _explore(lang: str, page: PageContext) -> list[dict]:
    text = words(lang)
    return [
        {"link": Link(text[name], page.href(target, fragment)), "description": text[description]}
        for target, fragment, name, description in ENTRY_POINTS
    ]


def term_view(record: Record, lang: str, page: PageContext) -> dict:
    """The term at a glance: who, where and when; the next congress, planned; the ways into the record."""
    term = record.term
    text = words(lang)
    congress = term.next_congress
    delegates = record.figure(congress.delegates)
    owner = record.highlight_of(delegates.id)
    return {
        "facts": [
            {"name": text["body"], "value": term.body[lang]},
            {"name": text["place"], "value": f"{term.district[lang]}, {term.city[lang]}"},
            {"name": text["term"], "value": f"{term.start_year}–{term.end_year}"},
        ],
        "congress": {
            "name": congress.name[lang],
            "dates": date_span(congress.start_date.isoformat(), congress.end_date.isoformat(), lang),
            "delegates": format_figure(delegates, lang),
            "delegates_value": str(delegates.value),
            "delegates_label": delegates.label[lang],
            "delegates_href": page.href(urls.highlight_page(owner.id), urls.anchor("fig", delegates.id)),
        },
        "explore": _explore(lang, page),
        "words": text,
    }


def _flag_href(record: Record, figure: Figure, highlight_href: str, page: PageContext) -> Optional[str]:
    """Where a headline figure that does not check out is explained (its editor's note on mismatching figures, else
    its own row with the recomputation), or None when it checks out."""
    if checks_out(record, figure):
        return None
    notes = mismatch_notes(record, figure)
    if not notes:
        return f"{highlight_href}#{urls.anchor('fig', figure.id)}"
    note = notes[0]
    owner = record.note_owner(note.id)
    return page.href(urls.highlight_page(owner.id) if owner is not None else urls.ABOUT, urls.anchor("note", note.id))


def _headline(record: Record, figure: Figure, lang: str, highlight_href: str, page: PageContext) -> dict:
    return {
        "anchor": urls.anchor("fig", figure.id),
        "display": format_figure(figure, lang),
        "value": str(figure.value),
        "label": figure.label[lang],
        "flag_href": _flag_href(record, figure, highlight_href, page),
    }


def highlight_cards(record: Record, lang: str, page: PageContext) -> dict:
    """The home page's cards: title, headline figures and summary, linking to each highlight page."""
    cards = []
    for highlight in record.highlights:
        href = page.href(urls.highlight_page(highlight.id))
        cards.append(
            {
                "order": highlight.order,
                "title": highlight.title[lang],
                "summary": segments(highlight.summary[lang], record, lang, href),
                "href": href,
                "figures": [
                    _headline(record, figure, lang, href, page) for figure in highlight.figures if figure.headline
                ],
            }
        )
    return {"intro": record.term.intro[lang], "cards": cards, "words": words(lang)}
