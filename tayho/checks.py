"""Rules across fields that the model alone cannot state: unique ids, references, figure tokens, arithmetic.

Each check yields (field path, message); the loader turns paths into file lines.
"""

from __future__ import annotations

from collections import Counter
from types import MappingProxyType
from typing import Iterator, Mapping

from .consistency import recompute_share, recompute_sum
from .errors import Path
from .model import FIGURE_TOKEN, Figure, Highlight, Localized, NoteKind, Record, Unit

Finding = tuple[Path, str]


def check_record(record: Record, reserved: Mapping[str, str] = MappingProxyType({})) -> list[Finding]:
    """Every finding of every rule; empty when the record is consistent. `reserved` maps names of the site's own
    (folders, prose pages) that no highlight may take as its id to what holds them."""
    findings: list[Finding] = []
    for rule in (_unique_ids, _order, _references, _tokens, _figure_forms, _arithmetic, _changes, _redirects, _charts,
                 _record_note_tokens):
        findings.extend(rule(record))
    findings.extend(_reserved_ids(record, reserved))
    return findings


def _reserved_ids(record: Record, reserved: Mapping[str, str]) -> Iterator[Finding]:
    for i, highlight in enumerate(record.highlights):
        if highlight.id in reserved:
            yield ("highlights", i, "id"), (f"{highlight.id!r} is taken by {reserved[highlight.id]} "
                                            f"(the page /{highlight.id}/ would hide it); choose another id")
    for i, redirect in enumerate(record.redirects):
        if redirect.kind == "highlight" and redirect.from_id in reserved:
            yield ("redirects", i, "from"), (f"{redirect.from_id!r} is taken by {reserved[redirect.from_id]}; "
                                             "a redirect page there would hide it")


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
        items = [(("highlights", i, kind, j), item.id)
                 for i, h in enumerate(record.highlights) for j, item in enumerate(getattr(h, kind))]
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
            for j, ref in enumerate(getattr(highlight, kind)):
                if ref not in ids:
                    yield ("highlights", i, kind, j), f"{ref!r} is not an id in the record's {kind}"
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
                yield ("highlights", i, "figures", j, "id"), f"figure {figure.id!r} is never shown: put {{fig:{figure.id}}} in the text"


def _record_note_tokens(record: Record) -> Iterator[Finding]:
    for j, note in enumerate(record.notes):
        if any(FIGURE_TOKEN.search(text) for text in note.text.texts()):
            yield ("notes", j, "text"), "a record-wide note cannot show a figure; put the note in the figure's highlight"


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
            if round(figure.value, figure.decimals) != figure.value:
                yield where + ("value",), f"has more decimals than decimals: {figure.decimals} says"


def _arithmetic(record: Record) -> Iterator[Finding]:
    noted = {figure_id for _, note in record.all_notes() if note.kind is NoteKind.MISMATCH for figure_id in note.figures}
    mismatched = set()
    for i, highlight in enumerate(record.highlights):
        for j, figure in enumerate(highlight.figures):
            try:
                results = [r for r in (recompute_share(record, figure), recompute_sum(record, figure)) if r]
            except KeyError:
                continue  # a dangling reference, reported by _references
            for result in results:
                if result.matches:
                    continue
                mismatched.add(figure.id)
                if figure.id not in noted:
                    yield (("highlights", i, "figures", j, "value"),
                           f"the {result.kind} does not add up: stated {result.stated}, recomputed {result.recomputed}; "
                           "keep the published value and add a mismatch note listing this figure")
    for highlight, note in record.all_notes():
        if note.kind is NoteKind.MISMATCH:
            for figure_id in note.figures:
                if record.has_figure(figure_id) and figure_id not in mismatched:
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


def _current_ids(record: Record, kind: str) -> set[str]:
    if kind == "highlight":
        return {highlight.id for highlight in record.highlights}
    return {item.id for highlight in record.highlights for item in getattr(highlight, kind + "s")}


def _redirects(record: Record) -> Iterator[Finding]:
    seen: set[tuple[str, str]] = set()
    for i, redirect in enumerate(record.redirects):
        current = _current_ids(record, redirect.kind)
        if redirect.from_id in current:
            yield ("redirects", i, "from"), f"{redirect.from_id!r} is still a {redirect.kind} id; a redirect is for an id that is gone"
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
            scales = {_scale_of(record.figure(ref).unit) for ref in known}
            if len(scales) > 1:
                yield where, "a chart draws figures on one scale: counts, percentages or money, not a mix of " + \
                    ", ".join(sorted(scales))
