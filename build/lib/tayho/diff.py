"""What changed between two versions of the record, computed from their data (record.json as each published it),
never typed: figures whose value, unit or qualifier changed, texts changed (word by word), and items added,
removed or renamed. Old versions are read as plain data, so a change of today's model cannot stop a diff."""

from __future__ import annotations

import dataclasses
import difflib
import re

ITEM_LISTS = ("photos", "events", "notes", "charts")
NAMED_LISTS = ("documents", "places", "people")
FIGURE_FIELDS = ("value", "unit", "qualifier", "decimals", "scale", "share_of", "parts")
WORD = re.compile(r"\s+|[^\s]+")


@dataclasses.dataclass(frozen=True)
class TextChange:
    field: str  # "title", "summary", "body", "photos", "notes", "events", "term intro"…
    detail: str  # which one: the paragraph's number, the item's id, or ""
    lang: str
    old: str
    new: str

    def pieces(self) -> list[tuple[str, str]]:
        """The new text as (kind, words): kind is "same", "removed" or "added"."""
        old, new = WORD.findall(self.old), WORD.findall(self.new)
        pieces = []
        for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
            if op == "equal":
                pieces.append(("same", "".join(old[a1:a2])))
                continue
            if a2 > a1:
                pieces.append(("removed", "".join(old[a1:a2])))
            if b2 > b1:
                pieces.append(("added", "".join(new[b1:b2])))
        return pieces


@dataclasses.dataclass(frozen=True)
class FigureChange:
    figure_id: str
    old: dict | None  # None: added
    new: dict | None  # None: removed


@dataclasses.dataclass
class HighlightDiff:
    """What changed in one highlight (matched across versions by id, following declared renames)."""

    new_id: str | None
    old_id: str | None
    texts: list[TextChange] = dataclasses.field(default_factory=list)
    figures: list[FigureChange] = dataclasses.field(default_factory=list)
    added: dict[str, list[str]] = dataclasses.field(default_factory=dict)
    removed: dict[str, list[str]] = dataclasses.field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(self.texts or self.figures or self.added or self.removed or self.new_id != self.old_id)


@dataclasses.dataclass
class RecordDiff:
    highlights: list[HighlightDiff]
    texts: list[TextChange]  # the term's texts and the record-wide notes
    added: dict[str, list[str]]
    removed: dict[str, list[str]]
    redirects: list[dict]


def _renamed(new: dict, kind: str) -> dict[str, str]:
    """old id → current id, following chains of renames declared in the newer record."""
    edges = {r["from"]: r["to"] for r in new.get("redirects", []) if r["kind"] == kind}
    resolved = {}
    for old in edges:
        seen, current = {old}, edges[old]
        while current in edges and current not in seen:
            seen.add(current)
            current = edges[current]
        resolved[old] = current
    return resolved


def _texts(
    old: dict | None, new: dict | None, field: str, languages: tuple[str, ...], detail: str = ""
) -> list[TextChange]:
    old, new = old or {}, new or {}
    return [
        TextChange(field, detail, lang, old.get(lang) or "", new.get(lang) or "")
        for lang in languages
        if (old.get(lang) or "") != (new.get(lang) or "")
    ]


def _ids(items: list) -> list[str]:
    return [item["id"] if isinstance(item, dict) else item for item in items]


def highlight_diff(old: dict | None, new: dict | None, newer: dict, languages: tuple[str, ...]) -> HighlightDiff:
    result = HighlightDiff(new["id"] if new else None, old["id"] if old else None)
    old, new = old or {}, new or {}
    for field in ("title", "summary"):
        result.texts += _texts(old.get(field), new.get(field), field, languages)
    paragraphs = max(len(old.get("body", [])), len(new.get("body", [])))
    for index in range(paragraphs):
        before = old.get("body", [])[index] if index < len(old.get("body", [])) else None
        after = new.get("body", [])[index] if index < len(new.get("body", [])) else None
        result.texts += _texts(before, after, "body", languages, str(index + 1))
    result.figures = _figure_changes(old.get("figures", []), new.get("figures", []), _renamed(newer, "figure"))
    for field, text_key in (("photos", "caption"), ("notes", "text"), ("events", "title")):
        renamed = _renamed(newer, field.rstrip("s"))
        before = {renamed.get(item["id"], item["id"]): item for item in old.get(field, [])}
        for item in new.get(field, []):
            if item["id"] in before:
                result.texts += _texts(
                    before[item["id"]].get(text_key), item.get(text_key), field, languages, item["id"]
                )
    for field in (*ITEM_LISTS, *NAMED_LISTS):
        renamed = _renamed(newer, {"people": "person"}.get(field, field.rstrip("s")))
        before = {renamed.get(item, item) for item in _ids(old.get(field, []))}
        after = set(_ids(new.get(field, [])))
        if after - before:
            result.added[field] = sorted(after - before)
        if before - after:
            result.removed[field] = sorted(before - after)
    return result


def _figure_changes(old: list[dict], new: list[dict], renamed: dict[str, str]) -> list[FigureChange]:
    before = {renamed.get(figure["id"], figure["id"]): figure for figure in old}
    after = {figure["id"]: figure for figure in new}
    changes = []
    for figure_id, figure in after.items():
        previous = before.get(figure_id)
        fields = FIGURE_FIELDS + ("label",)
        if previous is None or any(previous.get(field) != figure.get(field) for field in fields):
            changes.append(FigureChange(figure_id, previous, figure))
    changes += [FigureChange(figure_id, figure, None) for figure_id, figure in before.items() if figure_id not in after]
    return changes


def record_diff(old: dict, new: dict, languages: tuple[str, ...]) -> RecordDiff:
    """Everything that changed from record `old` to record `new` (both as record.json holds them)."""
    renamed = _renamed(new, "highlight")
    before = {renamed.get(h["id"], h["id"]): h for h in old.get("highlights", [])}
    after = {h["id"]: h for h in new.get("highlights", [])}
    highlights = [highlight_diff(before.get(hid), h, new, languages) for hid, h in after.items()]
    highlights += [highlight_diff(h, None, new, languages) for hid, h in before.items() if hid not in after]
    texts = []
    for field, value in new.get("term", {}).items():
        if isinstance(value, dict) and set(value) <= set(languages) | {"vi", "en", "fr"}:
            texts += _texts(old.get("term", {}).get(field), value, "term", languages, field)
    old_notes = {n["id"]: n for n in old.get("notes", [])}
    for note in new.get("notes", []):
        texts += _texts(old_notes.get(note["id"], {}).get("text"), note.get("text"), "notes", languages, note["id"])
    added, removed = {}, {}
    for field in NAMED_LISTS:
        before_ids, after_ids = set(_ids(old.get(field, []))), set(_ids(new.get(field, [])))
        if after_ids - before_ids:
            added[field] = sorted(after_ids - before_ids)
        if before_ids - after_ids:
            removed[field] = sorted(before_ids - after_ids)
    old_redirects = {tuple(sorted(r.items())) for r in old.get("redirects", [])}
    redirects = [r for r in new.get("redirects", []) if tuple(sorted(r.items())) not in old_redirects]
    return RecordDiff(highlights, texts, added, removed, redirects)
