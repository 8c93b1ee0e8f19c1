"""Views across highlights: the timeline of events (dated, then undated), and the indexes of places and documents."""

from __future__ import annotations

from . import urls
from .i18n import words
from .model import Record
from .numbers import event_dates, format_full_date
from .views import PageContext


def _link_to(record: Record, highlight, kind: str, item_id: str, lang: str, page: PageContext) -> dict:
    href = page.href(urls.highlight_page(highlight.id), urls.anchor(kind, item_id))
    return {"href": href, "text": f"{highlight.order}. {highlight.title[lang]}"}


def timeline_view(record: Record, lang: str, page: PageContext) -> dict:
    """Every event of the term, each linking to where it is told: `events`, the dated ones, oldest first (ties in
    source order); `undated`, those the source gives no date for, in source order, each with its period."""
    placed = [
        (highlight, index, event) for highlight in record.highlights for index, event in enumerate(highlight.events)
    ]
    dated = sorted(
        ((event.date, highlight.order, index, highlight, event) for highlight, index, event in placed if event.date),
        key=lambda item: item[:3],
    )

    def item(highlight, event) -> dict:
        return {
            "anchor": urls.anchor("event", event.id),
            "dates": event_dates(event, lang),
            "title": event.title[lang],
            "where": _link_to(record, highlight, "event", event.id, lang, page),
        }

    return {
        "events": [item(highlight, event) for *_, highlight, event in dated],
        "undated": [item(highlight, event) for highlight, _, event in placed if event.date is None],
        "words": words(lang),
    }


def places_view(record: Record, lang: str, page: PageContext) -> dict:
    """Each place with the highlights that mention it."""
    items = []
    for place in record.places:
        mentions = [
            _link_to(record, h, "place", place.id, lang, page) for h in record.highlights if place.id in h.places
        ]
        items.append({"anchor": urls.anchor("place", place.id), "name": place.name[lang], "mentions": mentions})
    return {"items": items, "words": words(lang)}


def documents_view(record: Record, lang: str, page: PageContext) -> dict:
    """Each cited document with the highlights that cite it."""
    text = words(lang)
    items = []
    for doc in record.documents:
        mentions = [_link_to(record, h, "doc", doc.id, lang, page) for h in record.highlights if doc.id in h.documents]
        items.append(
            {
                "anchor": urls.anchor("doc", doc.id),
                "kind": doc.kind[lang],
                "number": doc.number,
                "title": doc.title[lang] if doc.title else None,
                "issuer": doc.issuer[lang],
                "date": format_full_date(doc.date, lang) if doc.date else text["date_unknown"],
                "mentions": mentions,
            }
        )
    return {"items": items, "words": text}
