"""The glossary of the field (data/glossary.yaml): each Vietnamese term with its one English rendering, loaded and
validated like the record, and the check that every English text renders the glossary's terms its way.

Two findings: a Vietnamese text names a term and its English counterpart has none of the term's renderings (the
rendering, or one of its declared other forms); or an English text uses a rendering the glossary lists as wrong
(`avoid`). An `exceptions:` entry excuses one term in one text, with its reason; an exception that excuses nothing
is itself a finding, so the list never outlives its texts. Vietnamese is matched across the source's spelling
variants (Uỷ/Ủy, hoá/hóa: the tone mark on either vowel), both languages from word boundary to word boundary; a form
written in lower case also matches with a capital (it may open a sentence), a capitalised one only as written, and
an avoided rendering only exactly as written. A Vietnamese passage the English quotes as written needs no rendering.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal, Optional

import pydantic
from pydantic import Field

from .errors import Problem, RecordError, format_path
from .model import Id, Node, Text
from .yamlsource import MAX_BYTES, LineMap, decode, parse, read_regular_file

TermKind = Literal[
    "body", "office", "administrative-unit", "meeting", "campaign", "document", "fund", "award", "activity", "general"
]


class GlossaryTerm(Node):
    """One term of the field: the Vietnamese forms the source writes, and the one English rendering."""

    id: Id
    kind: TermKind
    vi: Annotated[list[Text], Field(min_length=1)]  # the first is the term; the others are forms of it in the source
    en: Optional[Text]  # the one rendering; null: left untranslated (the honorific "đồng chí" before a name)
    # other accepted English forms: the abbreviation, the plural, the short form after a first use
    also: list[Text] = []
    avoid: list[Text] = []  # renderings that are wrong here; an English text using one is refused
    note: Text

    def renderings(self) -> list[str]:
        return ([self.en] if self.en else []) + list(self.also)


class GlossaryException(Node):
    """A text where a term is rightly left without its rendering (or with an avoided one), and why."""

    term: Id
    at: Text  # a text of the record by its field path (highlights[4].body[1]) or a prose page (docs/en/about.md)
    reason: Text


class Glossary(Node):
    """The whole glossary file."""

    terms: Annotated[list[GlossaryTerm], Field(min_length=1)]
    exceptions: list[GlossaryException] = []

    @cached_property
    def _vietnamese(self) -> tuple[re.Pattern, dict[str, GlossaryTerm]]:
        forms = {fold(form): term for term in self.terms for form in term.vi}
        return _alternation(tuple(sorted(forms, key=len, reverse=True))), forms

    @cached_property
    def _avoided(self) -> tuple[re.Pattern, dict[str, GlossaryTerm]]:
        forms = {form: term for term in self.terms for form in term.avoid}
        return _alternation(tuple(sorted(forms, key=len, reverse=True)), exact=True), forms

    def avoided_in(self, english: str) -> Iterator[tuple[GlossaryTerm, str]]:
        """The avoided renderings an English text uses, each with its term (one pass over the text)."""
        if not any(term.avoid for term in self.terms):
            return
        pattern, by_form = self._avoided
        for match in pattern.finditer(english):
            yield by_form[match.group(0)], match.group(0)

    def terms_in(self, vietnamese: str) -> list[tuple[GlossaryTerm, str]]:
        """The terms a Vietnamese text names, each once, with the form it is written in (longest match first: the
        words of "Ban Thường vụ Quận uỷ" are not also read as "Quận uỷ")."""
        pattern, by_form = self._vietnamese
        folded = fold(vietnamese)
        same_length = len(folded) == len(vietnamese)  # to quote the form as written, not as folded
        found: dict[str, tuple[GlossaryTerm, str]] = {}
        for match in pattern.finditer(folded):
            term = by_form.get(match.group(0)) or by_form[_key(match.group(0))]
            written = vietnamese[match.start() : match.end()] if same_length else match.group(0)
            found.setdefault(term.id, (term, written))
        return list(found.values())


def fold(text: str) -> str:
    """Vietnamese with the tone mark of oa, oe and uy on the first vowel (hoá → hóa, Uỷ → Ủy), so that the old and
    the new placement, which the source mixes, read alike."""
    decomposed = unicodedata.normalize("NFD", text)
    moved = _OLD_TONE_PLACE.sub(r"\1\3\2", decomposed)
    return unicodedata.normalize("NFC", moved)


# A tone mark on the second vowel of oa, oe, uy at the end of a syllable (no other mark, no letter after it).
_OLD_TONE_PLACE = re.compile(r"([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?![\u0300-\u036f\w])")
_QUOTATION = re.compile(r"“([^“”]*)”")


def _key(form: str) -> str:
    """What a form is looked up by once matched: a capital that only opens a sentence is lowered again."""
    return form[:1].lower() + form[1:]


def _either_case(form: str) -> str:
    """A form that starts in lower case may open a sentence; one that starts with a capital keeps it."""
    first = form[:1]
    head = f"[{first.upper()}{first}]" if first.islower() else re.escape(first)
    return head + re.escape(form[1:])


@functools.lru_cache(maxsize=1024)
def _alternation(forms: tuple[str, ...], exact: bool = False) -> re.Pattern:
    written = (re.escape(form) if exact else _either_case(form) for form in forms)
    return re.compile(r"(?<!\w)(?:" + "|".join(written) + r")(?!\w)")


def uses(english: str, forms: Iterable[str], exact: bool = False) -> Optional[str]:
    """The first of `forms` the English text uses (whole words; a form in lower case also with a capital, unless
    `exact`), or None."""
    forms = tuple(sorted(forms, key=len, reverse=True))
    if not forms:
        return None
    match = _alternation(forms, exact).search(english)
    return match.group(0) if match else None


@dataclasses.dataclass(frozen=True)
class Finding:
    """One text that breaks the glossary: where (a record path or a prose page), what, and the English form to
    point at (for the line of a prose page)."""

    at: str
    term: str
    message: str
    form: str = ""


def quoted_in_both(vietnamese: str, english: str) -> str:
    """The Vietnamese text without the quotations the English quotes too, in Vietnamese: a passage the English
    cites as written needs no rendering (“TP. Hà Nội”, a quoted alternative text)."""
    return _QUOTATION.sub(
        lambda match: " " * len(match.group(0)) if match.group(0) in english else match.group(0), vietnamese
    )


def check_pair(glossary: Glossary, at: str, vietnamese: str, english: str) -> Iterator[Finding]:
    """The glossary's findings for one text and its translation."""
    for term, written in glossary.terms_in(quoted_in_both(vietnamese, english)):
        if term.en is not None and uses(english, term.renderings()) is None:
            wanted = " or ".join(f"“{form}”" for form in term.renderings())
            yield Finding(at, term.id, f"“{written}” is not rendered as the glossary has it ({term.id}): {wanted}")
    yield from check_english(glossary, at, english)


def check_english(glossary: Glossary, at: str, english: str) -> Iterator[Finding]:
    """An English text that uses a rendering the glossary lists as wrong, written exactly so (capitals matter:
    “district Party committee” is wrong where “District Party Committee” is right)."""
    reported: set[str] = set()
    for term, found in glossary.avoided_in(english):
        if term.id not in reported:
            reported.add(term.id)
            right = f"write “{term.en}”" if term.en else "leave it untranslated"
            yield Finding(at, term.id, f"“{found}” is not the glossary's rendering ({term.id}): {right}", found)


def apply_exceptions(glossary: Glossary, findings: list[Finding], places: set[str]) -> tuple[list[Finding], list]:
    """The findings no exception excuses, and the problems of the exceptions themselves: (index, field, message)."""
    excused = {(item.term, item.at) for item in glossary.exceptions}
    kept = [finding for finding in findings if (finding.term, finding.at) not in excused]
    raised = {(finding.term, finding.at) for finding in findings}
    problems = []
    for index, item in enumerate(glossary.exceptions):
        if item.at not in places:
            problems.append((index, "at", f"{item.at!r} is no text of the record and no prose page"))
        elif (item.term, item.at) not in raised:
            problems.append((index, "term", f"{item.term} at {item.at} needs no exception any more; remove it"))
    return kept, problems


# --- loading ---------------------------------------------------------------------------------------------------------


def load_glossary(path: Path, shown: str) -> tuple[Glossary, LineMap]:
    """The validated glossary and the line of each of its fields, or RecordError listing every problem."""
    data, lines = parse(decode(read_regular_file(path, shown, MAX_BYTES), shown), shown)
    try:
        glossary = Glossary.model_validate(data)
    except pydantic.ValidationError as error:
        raise RecordError(_validation_problem(item, lines, shown) for item in error.errors()) from None
    problems = [
        Problem(shown, lines.line_of(where), format_path(where), message) for where, message in _rules(glossary)
    ]
    if problems:
        raise RecordError(problems)
    return glossary, lines


def _validation_problem(item: dict, lines: LineMap, shown: str) -> Problem:
    where = tuple(part for part in item["loc"] if not (isinstance(part, str) and part.startswith("function-")))
    messages = {"missing": "is required but missing", "extra_forbidden": "is not a known field (check its spelling)"}
    message = messages.get(item["type"]) or item["msg"].removeprefix("Value error, ")
    return Problem(shown, lines.line_of(where), format_path(where), message)


def _rules(glossary: Glossary) -> Iterator[tuple[tuple, str]]:
    ids = Counter(term.id for term in glossary.terms)
    owner: dict[str, str] = {}
    for i, term in enumerate(glossary.terms):
        if ids[term.id] > 1:
            yield ("terms", i, "id"), f"term id {term.id!r} is used {ids[term.id]} times; ids must be unique"
        for j, form in enumerate(term.vi):
            folded = fold(form)
            capital, lower = folded[:1].upper() + folded[1:], _key(folded)  # a lower-case form also matches its capital
            clash = owner.get(folded) or owner.get(capital if folded[:1].islower() else lower)
            if clash:
                yield ("terms", i, "vi", j), f"“{form}” is already a form of {clash}"
            owner.setdefault(folded, term.id)
        for j, form in enumerate(term.avoid):
            if uses(form, term.renderings()) == form:  # the whole avoided form is a rendering the check accepts
                yield ("terms", i, "avoid", j), f"“{form}” is one of the term's own renderings"
    known = set(ids)
    for i, item in enumerate(glossary.exceptions):
        if item.term not in known:
            yield ("exceptions", i, "term"), f"{item.term!r} is not a term id of the glossary"
