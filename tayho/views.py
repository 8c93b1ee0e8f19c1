"""Plain, per-language data prepared for the macro files, so templates only loop and print."""

from __future__ import annotations

import dataclasses
from typing import Optional

from . import urls
from .anchors import CHART_ANCHOR_SUFFIXES, SECTIONS
from .charts import chart_view
from .citation import bibtex_citation, plain_citation, version_text
from .consistency import Recomputation, recompute_share, recompute_sum
from .i18n import words
from .model import FIGURE_TOKEN, Figure, Highlight, Localized, Note, NoteKind, Record
from .numbers import (
    event_dates,
    format_figure,
    format_full_date,
    format_in_text,
    format_number,
)
from .qr import qr_image
from .urls import Links
from .version import RecordVersion


@dataclasses.dataclass(frozen=True)
class PageContext:
    """One page of one language build: where it is (its URL, from MkDocs), the links it makes, and which record
    version it shows."""

    links: Links
    url: str  # the page's URL from its language's root, as MkDocs gives it ("supervision/")
    version: RecordVersion
    cite_root: str | None = None  # the released snapshot's address, when the page is exactly a release

    @property
    def absolute_url(self) -> str:
        return self.links.language_root() + ("" if self.url in ("", "./") else self.url)

    @property
    def cite_url(self) -> str:
        """The address a citation of this page gives: its released snapshot's, when there is one."""
        if self.cite_root is None:
            return self.absolute_url
        return (
            self.cite_root + self.links.languages.prefix(self.links.lang) + ("" if self.url in ("", "./") else self.url)
        )

    @property
    def data_href(self) -> str:
        return self.links.shared(urls.DATA_DIR, self.url)

    @property
    def changes_href(self) -> str:
        return self.links.href(urls.CHANGES, self.url)

    def href(self, page: str, fragment: str = "") -> str:
        return self.links.href(page, self.url, fragment)

    def at(self, page: str) -> PageContext:
        """The context of another page of the same build."""
        return dataclasses.replace(self, url=self.links.url(page))


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
    text: list[Segment]  # with its figures formatted and linked
    plain: str  # the same text with its figures formatted, no links
    where: Optional[Link] = None
    aliases: list[str] = dataclasses.field(default_factory=list)
    href: str = ""  # how a figure row links to the note: #note-… on its own page, else the page that holds it


@dataclasses.dataclass(frozen=True)
class FigureView:
    anchor: str
    aliases: list[str]
    display: str
    value: str
    label: str
    check: Optional[str]
    check_matches: bool
    notes: list[NoteView]
    flagged: bool  # its check or an editor's note says the source's figures do not add up here


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
            result.append(Segment(format_in_text(figure, lang), href, str(figure.value)))
    return result


def plain_text(text: str, record: Record, lang: str) -> str:
    """Text with its {fig:id} tokens replaced by the formatted figures, for places that take no markup."""
    return "".join(segment.text for segment in segments(text, record, lang))


def note_view(
    record: Record,
    note: Note,
    lang: str,
    where: Optional[Link] = None,
    aliases: tuple[str, ...] = (),
    page_href: str = "",
) -> NoteView:
    return NoteView(
        urls.anchor("note", note.id),
        words(lang)[f"note_kind.{note.kind.value}"],
        segments(note.text[lang], record, lang, page_href),
        plain_text(note.text[lang], record, lang),
        where,
        [urls.anchor("note", alias) for alias in aliases],
        "#" + urls.anchor("note", note.id),
    )


def _figure_note_view(record: Record, note: Note, figure: Figure, lang: str, page: PageContext) -> NoteView:
    """A note shown beside a figure, linking to where the note is written (another highlight's page or the about
    page when it is not the figure's own highlight)."""
    view = note_view(record, note, lang)
    here = urls.highlight_page(record.highlight_of(figure.id).id)
    owner = record.note_owner(note.id)
    home = urls.highlight_page(owner.id) if owner is not None else urls.ABOUT
    if home == here:
        return view
    return dataclasses.replace(view, href=page.at(here).href(home, view.anchor))


def _check_text(record: Record, figure: Figure, result: Recomputation, lang: str) -> str:
    text = words(lang)
    recomputed = format_number(result.recomputed, figure.decimals, lang)
    if result.kind == "share":
        count, total = (
            format_number(record.figure(ref).value, 0, lang) for ref in (figure.share_of.count, figure.share_of.total)
        )
        return text["share_check"].format(count=count, total=total, recomputed=recomputed + "%")
    return text["sum_check"].format(recomputed=recomputed)


def mismatch_notes(record: Record, figure: Figure) -> list[Note]:
    return [note for note in record.notes_on(figure.id) if note.kind is NoteKind.MISMATCH]


def checks_out(record: Record, figure: Figure) -> bool:
    """False when its share or sum, recomputed, differs from the published figure, or an editor's note on
    mismatching figures names it."""
    result = recompute_share(record, figure) or recompute_sum(record, figure)
    return (result is None or result.matches) and not mismatch_notes(record, figure)


def figure_view(record: Record, figure: Figure, lang: str, page: PageContext) -> FigureView:
    result = recompute_share(record, figure) or recompute_sum(record, figure)
    notes = record.notes_on(figure.id)
    return FigureView(
        anchor=urls.anchor("fig", figure.id),
        aliases=[urls.anchor("fig", alias) for alias in record.aliases_of("figure", figure.id)],
        display=format_figure(figure, lang),
        value=str(figure.value),
        label=figure.label[lang],
        check=_check_text(record, figure, result, lang) if result else None,
        check_matches=result.matches if result else True,
        notes=[_figure_note_view(record, note, figure, lang, page) for note in notes],
        flagged=not checks_out(record, figure),
    )


def _localized(value: Optional[Localized], lang: str) -> Optional[str]:
    return value[lang] if value is not None else None


def highlight_view(record: Record, highlight: Highlight, lang: str, page: PageContext) -> dict:
    """Everything one highlight page shows, in one language."""
    text = words(lang)
    documents = [record.document(ref) for ref in highlight.documents]
    cite_url = f"{page.cite_url}#{highlight.id}"
    return {
        "id": highlight.id,
        "aliases": record.aliases_of("highlight", highlight.id),
        "url": page.absolute_url,
        "order": highlight.order,
        "last_updated": format_full_date(record.last_updated(highlight.id), lang),
        "changes_href": page.changes_href,
        "figures_csv": f"{page.data_href}figures/{highlight.id}.csv",
        "cite_plain": plain_citation(record, highlight, lang, cite_url, page.version),
        "cite_bibtex": bibtex_citation(record, highlight, lang, cite_url, page.version),
        "title": highlight.title[lang],
        "summary": segments(highlight.summary[lang], record, lang),
        "body": [segments(paragraph[lang], record, lang) for paragraph in highlight.body],
        "figures": [figure_view(record, figure, lang, page) for figure in highlight.figures],
        "charts": [
            chart_view(record, chart, lang)
            | {
                "aliases": [  # a chart's title and description were published as anchors too (permalinks.lock)
                    urls.anchor("chart", alias) + suffix
                    for alias in record.aliases_of("chart", chart.id)
                    for suffix in CHART_ANCHOR_SUFFIXES
                ]
            }
            for chart in highlight.charts
        ],
        # what the language build adds (tayho/site.py): the files to take away and the correction reports
        "chart_tools": [None for _ in highlight.charts],
        "press": {"pdf": None, "feed": None},
        "corrections": {},
        "photos": [
            {
                "anchor": urls.anchor("photo", photo.id),
                "caption": segments(photo.caption[lang], record, lang),
                "aliases": [urls.anchor("photo", alias) for alias in record.aliases_of("photo", photo.id)],
            }
            for photo in highlight.photos
        ],
        "documents": [
            {
                "anchor": urls.anchor("doc", doc.id),
                "kind": doc.kind[lang],
                "number": doc.number,
                "aliases": [urls.anchor("doc", alias) for alias in record.aliases_of("document", doc.id)],
                "title": _localized(doc.title, lang),
                "issuer": doc.issuer[lang],
                "date": format_full_date(doc.date, lang) if doc.date else text["date_unknown"],
            }
            for doc in documents
        ],
        "places": [
            {
                "anchor": urls.anchor("place", ref),
                "name": record.place(ref).name[lang],
                "aliases": [urls.anchor("place", alias) for alias in record.aliases_of("place", ref)],
            }
            for ref in highlight.places
        ],
        "people": [
            {
                "anchor": urls.anchor("person", ref),
                "name": record.person(ref).name,
                "aliases": [urls.anchor("person", alias) for alias in record.aliases_of("person", ref)],
                "role": record.person(ref).role[lang],
            }
            for ref in highlight.people
        ],
        "events": [
            {
                "anchor": urls.anchor("event", event.id),
                "dates": event_dates(event, lang),
                "title": event.title[lang],
                "aliases": [urls.anchor("event", alias) for alias in record.aliases_of("event", event.id)],
            }
            for event in highlight.events
        ],
        "notes": [
            note_view(record, note, lang, aliases=tuple(record.aliases_of("note", note.id))) for note in highlight.notes
        ],
        "sections": [Section(section, text[section]) for section in SECTIONS if _has_section(highlight, section)],
        "words": text,
    }


def _has_section(highlight: Highlight, section: str) -> bool:
    return section in ("summary", "text", "cite") or bool(getattr(highlight, section))


def about_view(record: Record, lang: str, source_text: str, page: PageContext) -> dict:
    """The provenance shown on the about page: the source, what was left out, every editorial note."""
    source = record.term.source
    text = words(lang)
    notes = []
    for highlight, note in record.all_notes():
        if highlight is None:
            notes.append(note_view(record, note, lang, Link(text["record_wide"], "")))
            continue
        page_href = page.href(urls.highlight_page(highlight.id))
        where = Link(f"{highlight.order}. {highlight.title[lang]}", page_href + "#" + urls.anchor("note", note.id))
        notes.append(note_view(record, note, lang, where, page_href=page_href))
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
        "downloads": [{"href": page.data_href + name, "name": name} for name in DOWNLOADS],
        "version": version_text(page.version, lang),
        "changes_href": page.changes_href,
        "words": text,
    }


DOWNLOADS = ("record.json", "figures.csv", "datapackage.json")


def changes_view(record: Record, lang: str, page: PageContext, diff_for=lambda index: None) -> dict:
    """The change history, newest first, each change linking to the highlights it touched and to the page of what
    changed in the release that published it (`diff_for`: a change's position in the history → that page)."""
    text = words(lang)
    items = []
    for index, change in sorted(enumerate(record.changes), key=lambda item: (item[1].date, item[0]), reverse=True):
        touched = [
            Link(
                f"{record.highlight(ref).order}. {record.highlight(ref).title[lang]}",
                page.href(urls.highlight_page(ref)),
            )
            for ref in change.highlights
        ]
        items.append(
            {
                "anchor": f"change-{index + 1}",
                "date": format_full_date(change.date, lang),
                "iso_date": change.date.isoformat(),
                "text": change.text[lang],
                "touched": touched,
                "diff_href": page.href(diff_for(index)) if diff_for(index) else None,
            }
        )
    return {
        "changes": items,
        "version": version_text(page.version, lang),
        "feed_href": page.links.file(urls.FEED_FILE, page.url),
        "words": text,
    }


def print_view(record: Record, lang: str, page: PageContext) -> dict:
    """Every highlight on one page; inline figures link to the figure rows of each highlight's own page."""
    highlights = []
    for highlight in record.highlights:
        href = page.href(urls.highlight_page(highlight.id))
        view = highlight_view(record, highlight, lang, page.at(urls.highlight_page(highlight.id)))
        view["summary"] = segments(highlight.summary[lang], record, lang, href)
        view["body"] = [segments(paragraph[lang], record, lang, href) for paragraph in highlight.body]
        view["photos"] = [{"caption": segments(photo.caption[lang], record, lang, href)} for photo in highlight.photos]
        view["notes"] = [note_view(record, note, lang, page_href=href) for note in highlight.notes]
        view["href"] = href
        view["qr"] = qr_image(view["url"])
        highlights.append(view)
    return {"highlights": highlights, "words": words(lang)}
