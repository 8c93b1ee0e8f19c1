"""Rules across fields that the model alone cannot state: unique ids, references, figure tokens, arithmetic.

Each check yields (field path, message); the loader turns paths into file lines.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator, Mapping
from types import MappingProxyType

from pydantic import BaseModel

from . import anchors
from .consistency import recompute_share, recompute_sum
from .errors import Path
from .limits import MAX_BARS_PER_CHART, MAX_CHART_LABEL_CHARACTERS
from .model import FIGURE_TOKEN, Figure, Highlight, Localized, NoteKind, Record, Unit
from .numbers import scaled_value

Finding = tuple[Path, str]


def check_record(record: Record, reserved: Mapping[str, str] = MappingProxyType({})) -> list[Finding]:
    """Every finding of every rule; empty when the record is consistent. `reserved` maps names of the site's own
    (folders, prose pages) that no highlight may take as its id to what holds them."""
    findings: list[Finding] = []
    for rule in (
        _unique_ids,
        _order,
        _references,
        _tokens,
        _tokens_elsewhere,
        _figure_forms,
        _arithmetic,
        _changes,
        _redirects,
        _charts,
        _record_note_tokens,
        _dates_in_order,
        anchors.collisions,
    ):
        findings.extend(rule(record))
    findings.extend(_reserved_ids(record, reserved))
    return findings


def _reserved_ids(record: Record, reserved: Mapping[str, str]) -> Iterator[Finding]:
    for i, highlight in enumerate(record.highlights):
        if highlight.id in reserved:
            yield (
                ("highlights", i, "id"),
                (
                    f"{highlight.id!r} is taken by {reserved[highlight.id]} "
                    f"(the page /{highlight.id}/ would hide it); choose another id"
                ),
            )
    for i, redirect in enumerate(record.redirects):
        if redirect.kind == "highlight" and redirect.from_id in reserved:
            yield (
                ("redirects", i, "from"),
                (f"{redirect.from_id!r} is taken by {reserved[redirect.from_id]}; a redirect page there would hide it"),
            )


def _duplicates(items: list[tuple[Path, str]], what: str) -> Iterator[Finding]:
    counts = Counter(item_id for _, item_id in items)
    for where, item_id in items:
        if counts[item_id] > 1:
            yield where + ("id",), f"{what} id {item_id!r} is used {counts[item_id]} times; ids must be unique"


def _unique_ids(record: Record) -> Iterator[Finding]:
    yield from _duplicates([(("highlights", i), h.id) for i, h in enumerate(record.highlights)], "highlight")
    for kind in ("places", "people", "documents"):
        yield from _duplicates([((kind, i), item.id) for i, item in enumerate(getattr(record, kind))], kind[:-1])
    for kind in ("figures", "photos", "events", "notes", "charts"):
        items = [
            (("highlights", i, kind, j), item.id)
            for i, h in enumerate(record.highlights)
            for j, item in enumerate(getattr(h, kind))
        ]
        if kind == "notes":
            items += [(("notes", j), note.id) for j, note in enumerate(record.notes)]
        yield from _duplicates(items, kind.rstrip("s"))


def _order(record: Record) -> Iterator[Finding]:
    for index, highlight in enumerate(record.highlights):
        if highlight.order != index + 1:
            yield ("highlights", index, "order"), f"is {highlight.order} but this is highlight number {index + 1}"


def _references(record: Record) -> Iterator[Finding]:
    known = {kind: {item.id for item in getattr(record, kind)} for kind in ("places", "people", "documents")}
    for i, highlight in enumerate(record.highlights):
        for kind, ids in known.items():
            refs = getattr(highlight, kind)
            for j, ref in enumerate(refs):
                if ref not in ids:
                    yield ("highlights", i, kind, j), f"{ref!r} is not an id in the record's {kind}"
                elif refs.index(ref) != j:
                    yield ("highlights", i, kind, j), f"{ref!r} is listed twice"
        for j, figure in enumerate(highlight.figures):
            yield from _figure_references(record, figure, ("highlights", i, "figures", j))
        for j, note in enumerate(highlight.notes):
            yield from _note_references(record, note.figures, ("highlights", i, "notes", j, "figures"))
    for j, note in enumerate(record.notes):
        yield from _note_references(record, note.figures, ("notes", j, "figures"))
    for j, place in enumerate(record.places):
        if place.ward is not None and place.ward not in known["places"]:
            yield ("places", j, "ward"), f"{place.ward!r} is not a place id"
    if not record.has_figure(record.term.next_congress.delegates):
        yield ("term", "next_congress", "delegates"), "is not a figure id"


def _figure_references(record: Record, figure: Figure, where: Path) -> Iterator[Finding]:
    if figure.share_of is not None:
        for field in ("count", "total"):
            if not record.has_figure(getattr(figure.share_of, field)):
                yield where + ("share_of", field), f"{getattr(figure.share_of, field)!r} is not a figure id"
    for k, part in enumerate(figure.parts or []):
        if not record.has_figure(part):
            yield where + ("parts", k), f"{part!r} is not a figure id"


def _note_references(record: Record, figure_ids: list[str], where: Path) -> Iterator[Finding]:
    for k, figure_id in enumerate(figure_ids):
        if not record.has_figure(figure_id):
            yield where + (k,), f"{figure_id!r} is not a figure id"


def _texts_with_tokens(highlight: Highlight) -> Iterator[tuple[tuple, Localized]]:
    yield ("summary",), highlight.summary
    for j, paragraph in enumerate(highlight.body):
        yield ("body", j), paragraph
    for j, photo in enumerate(highlight.photos):
        yield ("photos", j, "caption"), photo.caption
    for j, note in enumerate(highlight.notes):
        yield ("notes", j, "text"), note.text


def _tokens(record: Record) -> Iterator[Finding]:
    for i, highlight in enumerate(record.highlights):
        own = {figure.id for figure in highlight.figures}
        used: set[str] = set()
        for where, text in _texts_with_tokens(highlight):
            tokens = {lang: FIGURE_TOKEN.findall(text[lang]) for lang in ("vi", "en")}
            for lang, found in tokens.items():
                for token in found:
                    if token not in own:
                        yield ("highlights", i, *where, lang), f"{{fig:{token}}} names no figure of this highlight"
            if Counter(tokens["vi"]) != Counter(tokens["en"]):
                yield ("highlights", i, *where), "vi and en must use the same {fig:…} tokens"
            used.update(tokens["vi"])
        for j, figure in enumerate(highlight.figures):
            if figure.id not in used:
                yield (
                    ("highlights", i, "figures", j, "id"),
                    f"figure {figure.id!r} is never shown: put {{fig:{figure.id}}} in the text",
                )


# Where a {fig:…} token is replaced by its figure; anywhere else it would be printed as it is.
_TOKEN_FIELDS = {("summary",), ("body",), ("photos", "caption"), ("notes", "text")}


def _texts(node, path: Path) -> Iterator[tuple[Path, str]]:
    """Every text of the record with its field path (each language of a Localized text on its own)."""
    if isinstance(node, BaseModel):
        for name, field in type(node).model_fields.items():
            yield from _texts(getattr(node, name), path + (field.alias or name,))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _texts(item, path + (index,))
    elif isinstance(node, str):
        yield path, node


def _tokens_elsewhere(record: Record) -> Iterator[Finding]:
    for where, text in _texts(record, ()):
        if FIGURE_TOKEN.search(text) and where[:1] != ("notes",):
            named = tuple(part for part in where[2:-1] if isinstance(part, str))
            if where[:1] != ("highlights",) or named not in _TOKEN_FIELDS:
                yield (
                    where,
                    (
                        "a {fig:…} reference is shown as a figure only in a highlight's summary, text, photo "
                        "captions and notes; here it would be printed as it is"
                    ),
                )


def _dates_in_order(record: Record) -> Iterator[Finding]:
    term, congress = record.term, record.term.next_congress
    if term.end_year <= term.start_year:
        yield ("term", "end_year"), f"is {term.end_year}, not after the start year {term.start_year}"
    if congress.end_year <= congress.start_year:
        yield ("term", "next_congress", "end_year"), f"is {congress.end_year}, not after {congress.start_year}"
    if congress.end_date < congress.start_date:
        yield ("term", "next_congress", "end_date"), f"is before the start date {congress.start_date.isoformat()}"
    for i, highlight in enumerate(record.highlights):
        for j, event in enumerate(highlight.events):
            if event.end is not None and not _ends_after(event.date, event.end):
                yield ("highlights", i, "events", j, "end"), f"{event.end} does not come after the start {event.date}"
    today = dt.date.today()
    for i, change in enumerate(record.changes):
        if change.date > today:
            yield ("changes", i, "date"), f"{change.date.isoformat()} is in the future; a change is dated when made"


def _ends_after(start: str, end: str) -> bool:
    """A range of partial dates (2023, 2023-04, 2023-04-02) ends after it starts: the last day of its end is on or
    after the first day of its start, and the two differ."""

    def first(text: str) -> tuple:
        parts = [int(part) for part in text.split("-")]
        return tuple(parts + [1] * (3 - len(parts)))

    def last(text: str) -> tuple:
        parts = [int(part) for part in text.split("-")]
        return tuple(parts + [12, 31][len(parts) - 1 :] if len(parts) < 3 else parts)

    return start != end and last(end) >= first(start)


def _record_note_tokens(record: Record) -> Iterator[Finding]:
    for j, note in enumerate(record.notes):
        if any(FIGURE_TOKEN.search(text) for text in note.text.texts()):
            yield (
                ("notes", j, "text"),
                "a record-wide note cannot show a figure; put the note in the figure's highlight",
            )


def _figure_forms(record: Record) -> Iterator[Finding]:
    for i, highlight in enumerate(record.highlights):
        for j, figure in enumerate(highlight.figures):
            where = ("highlights", i, "figures", j)
            if figure.unit is Unit.PERCENT and figure.value > 100:
                yield where + ("value",), f"a percentage cannot exceed 100 (got {figure.value})"
            if figure.share_of is not None and figure.unit is not Unit.PERCENT:
                yield where + ("share_of",), "only a percentage can be a share of a count and a total"
            if figure.scale is not None and figure.unit is not Unit.VND:
                yield where + ("scale",), "only a money amount (unit VND) can have a scale"
            if scaled_value(figure) != round(scaled_value(figure), figure.decimals):
                yield (
                    where + ("value",),
                    (
                        f"has more decimals than decimals: {figure.decimals} says (as published: "
                        f"{scaled_value(figure).normalize():f}{' ' + figure.scale.value if figure.scale else ''})"
                    ),
                )
            yield from _basis_problems(record, figure, where)


def _basis_problems(record: Record, figure: Figure, where: Path) -> Iterator[Finding]:
    """A share is of two counts, not of itself or of percentages; a total is of distinct other figures."""
    if figure.share_of is not None:
        for field in ("count", "total"):
            ref = getattr(figure.share_of, field)
            if ref == figure.id:
                yield where + ("share_of", field), "a share cannot be computed from itself"
            elif record.has_figure(ref) and record.figure(ref).unit is Unit.PERCENT:
                yield where + ("share_of", field), f"{ref!r} is a percentage; a share is computed from counts"
        total = figure.share_of.total
        if record.has_figure(total) and record.figure(total).value == 0:
            yield where + ("share_of", "total"), f"{total!r} is 0: no share of it can be computed"
    parts = figure.parts or []
    for k, part in enumerate(parts):
        if part == figure.id:
            yield where + ("parts", k), "a total cannot be one of its own parts"
        elif parts.index(part) != k:
            yield where + ("parts", k), f"{part!r} is listed twice"


def _arithmetic(record: Record) -> Iterator[Finding]:
    noted = {
        figure_id for _, note in record.all_notes() if note.kind is NoteKind.MISMATCH for figure_id in note.figures
    }
    mismatched, unchecked = set(), set()
    for i, highlight in enumerate(record.highlights):
        for j, figure in enumerate(highlight.figures):
            if any(True for _ in _basis_problems(record, figure, ())):
                unchecked.add(figure.id)  # its basis is wrong (reported by _figure_forms): nothing to recompute
                continue
            try:
                results = [r for r in (recompute_share(record, figure), recompute_sum(record, figure)) if r]
            except KeyError:
                continue  # a dangling reference, reported by _references
            for result in results:
                if result.matches:
                    continue
                mismatched.add(figure.id)
                if figure.id not in noted:
                    yield (
                        ("highlights", i, "figures", j, "value"),
                        f"the {result.kind} does not add up: stated {result.stated}, recomputed {result.recomputed}; "
                        "keep the published value and add a mismatch note listing this figure",
                    )
    for highlight, note in record.all_notes():
        if note.kind is NoteKind.MISMATCH:
            for figure_id in note.figures:
                if record.has_figure(figure_id) and figure_id not in mismatched | unchecked:
                    yield _note_path(record, highlight, note), f"mismatch note lists {figure_id!r}, which adds up"


def _note_path(record: Record, highlight: Highlight | None, note) -> Path:
    if highlight is None:
        return ("notes", record.notes.index(note))
    index = record.highlights.index(highlight)
    return ("highlights", index, "notes", highlight.notes.index(note))


def _changes(record: Record) -> Iterator[Finding]:
    ids = {highlight.id for highlight in record.highlights}
    for i, change in enumerate(record.changes):
        for j, ref in enumerate(change.highlights):
            if ref not in ids:
                yield ("changes", i, "highlights", j), f"{ref!r} is not a highlight id"
    dates = [change.date for change in record.changes]
    if dates != sorted(dates):
        yield ("changes",), "list the changes oldest first"


_GLOBAL_KINDS = {"document": "documents", "place": "places", "person": "people"}


def _current_ids(record: Record, kind: str) -> set[str]:
    if kind == "highlight":
        return {highlight.id for highlight in record.highlights}
    if kind in _GLOBAL_KINDS:
        return {item.id for item in getattr(record, _GLOBAL_KINDS[kind])}
    return {item.id for highlight in record.highlights for item in getattr(highlight, kind + "s")}


def _redirects(record: Record) -> Iterator[Finding]:
    seen: set[tuple[str, str]] = set()
    for i, redirect in enumerate(record.redirects):
        current = _current_ids(record, redirect.kind)
        if redirect.from_id in current:
            yield (
                ("redirects", i, "from"),
                f"{redirect.from_id!r} is still a {redirect.kind} id; a redirect is for an id that is gone",
            )
        if redirect.to_id not in current:
            yield ("redirects", i, "to"), f"{redirect.to_id!r} is not a current {redirect.kind} id"
        if (redirect.kind, redirect.from_id) in seen:
            yield ("redirects", i, "from"), f"{redirect.from_id!r} is redirected twice"
        seen.add((redirect.kind, redirect.from_id))


def _scale_of(unit: Unit) -> str:
    return {Unit.PERCENT: "percentages", Unit.VND: "money"}.get(unit, "counts")


def _charts(record: Record) -> Iterator[Finding]:
    for i, highlight in enumerate(record.highlights):
        for j, chart in enumerate(highlight.charts):
            where = ("highlights", i, "charts", j, "figures")
            known = [ref for ref in chart.figures if record.has_figure(ref)]
            for k, ref in enumerate(chart.figures):
                if not record.has_figure(ref):
                    yield where + (k,), f"{ref!r} is not a figure id"
            if len(chart.figures) > MAX_BARS_PER_CHART:
                yield (
                    where,
                    (
                        f"has {len(chart.figures)} figures; a chart draws at most {MAX_BARS_PER_CHART} bars "
                        "(tayho/limits.py): split it in two"
                    ),
                )
            for ref in known:
                for label in record.figure(ref).label.texts():
                    if len(label) > MAX_CHART_LABEL_CHARACTERS:
                        yield (
                            where + (chart.figures.index(ref),),
                            (
                                f"figure {ref!r} is drawn on a bar, and its label has {len(label)} characters; "
                                f"a bar's label may have at most {MAX_CHART_LABEL_CHARACTERS} (tayho/limits.py): "
                                "shorten the label or leave the figure out of the chart"
                            ),
                        )
            scales = {_scale_of(record.figure(ref).unit) for ref in known}
            if len(scales) > 1:
                yield (
                    where,
                    "a chart draws figures on one scale: counts, percentages or money, not a mix of "
                    + ", ".join(sorted(scales)),
                )
