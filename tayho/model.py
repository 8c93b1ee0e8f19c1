"""The typed model of the term record: what a valid record is, and queries over it. No I/O, no MkDocs."""

from __future__ import annotations

import datetime as dt
import enum
import re
from functools import cached_property
from typing import Annotated, Literal, Optional, Union
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    StrictBool,
    StrictInt,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    create_model,
    field_validator,
    model_serializer,
    model_validator,
)

from .languages import REGISTRY
from .limits import (
    MAX_FIGURES_PER_HIGHLIGHT,
    MAX_HIGHLIGHTS,
    MAX_PARAGRAPHS_PER_HIGHLIGHT,
    MAX_TEXT_CHARACTERS,
    within_limit,
)
from .text_rules import MAX_DECIMALS, MAX_NUMBER, number_problem, text_problem

FIGURE_TOKEN = re.compile(r"\{fig:([^{}]*)\}")


def _plain_text(value: str) -> str:
    """Accept one line of plain NFC text; say exactly what is wrong otherwise (tayho/text_rules.py)."""
    problem = text_problem(value)
    if problem:
        raise ValueError(problem)
    return value


def _number(value: object) -> int | float:
    """Accept a real, finite, non-negative number of a size every output can format (tayho/text_rules.py)."""
    problem = number_problem(value)
    if problem:
        raise ValueError(problem)
    return value


def _calendar_date(value: str) -> str:
    """A date known to the year, the month or the day must exist on the calendar (no 30 February)."""
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 3:
        try:
            dt.date(*parts)
        except ValueError:
            raise ValueError(f"{value} is not a date on the calendar") from None
    return value


Number = Annotated[
    Union[int, float], PlainValidator(_number), WithJsonSchema({"type": "number", "minimum": 0, "maximum": MAX_NUMBER})
]
Text = Annotated[str, StringConstraints(strict=True, max_length=MAX_TEXT_CHARACTERS), AfterValidator(_plain_text)]
Id = Annotated[str, StringConstraints(strict=True, pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=64)]
PartialDate = Annotated[
    str,
    StringConstraints(strict=True, pattern=r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"),
    AfterValidator(_calendar_date),
]
Date = Annotated[dt.date, Field(strict=True)]  # written 2024-04-02; YAML's numbers are not dates
Count = Annotated[StrictInt, Field(ge=0)]
Year = Annotated[StrictInt, Field(ge=1900, le=2100)]


class Node(BaseModel):
    """Base of every record type: unknown keys are errors and values never change after loading."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class _LocalizedText(Node):
    """A human-readable text in each language the site publishes. Every one of them is required (the loader checks
    it against the site's languages): there is no fallback."""

    def __getitem__(self, lang: str) -> str:
        text = getattr(self, lang, None) if lang in REGISTRY else None
        if text is None:
            raise KeyError(f"no text in language {lang!r}")
        return text

    def texts(self) -> tuple[str, ...]:
        """The text in every language it is written in, in the registry's order."""
        return tuple(text for code in REGISTRY if (text := getattr(self, code)) is not None)

    @model_serializer(mode="wrap")
    def _written_languages_only(self, handler):
        return {code: text for code, text in handler(self).items() if text is not None}


# One optional field per language of the registry; the loader requires exactly the site's languages.
Localized = create_model(
    "Localized", __base__=_LocalizedText, __module__=__name__, **{code: (Optional[Text], None) for code in REGISTRY}
)


class Unit(str, enum.Enum):
    """What a figure counts or measures."""

    PERSONS = "persons"
    PERSON_TIMES = "person-times"
    CONFERENCES = "conferences"
    ITEMS = "items"
    TEAMS = "teams"
    HOUSEHOLDS = "households"
    HOUSEHOLD_TIMES = "household-times"
    RESIDENTIAL_GROUPS = "residential-groups"
    RESIDENTIAL_GROUP_TIMES = "residential-group-times"
    FAMILY_TIMES = "family-times"
    HOUSES = "houses"
    WARDS = "wards"
    DEPUTIES = "deputies"
    DELEGATES = "delegates"
    PERFORMERS = "performers"
    PROGRAMMES = "programmes"
    FIELDS = "fields"
    UNITS = "units"
    YEARS = "years"
    DAYS = "days"
    PERCENT = "percent"
    VND = "VND"


class Qualifier(str, enum.Enum):
    """The source's hedge word before a number."""

    MORE_THAN = "more-than"  # hơn
    OVER = "over"  # trên
    NEARLY = "nearly"  # gần
    ABOUT = "about"  # khoảng


class Scale(str, enum.Enum):
    """How the source scaled a money amount (29,004 tỷ đồng = 29.004 × 10^9 VND)."""

    BILLION = "billion"


class ShareBasis(Node):
    """The count and the total a stated percentage is computed from (figure ids)."""

    count: Id
    total: Id


class Figure(Node):
    """One number the source states, typed, with what it counts."""

    id: Id
    unit: Unit  # before value, so that the value's validator can see it
    value: Number
    label: Localized
    qualifier: Optional[Qualifier] = None
    decimals: Annotated[StrictInt, Field(ge=0, le=MAX_DECIMALS)] = 0
    scale: Optional[Scale] = None
    share_of: Optional[ShareBasis] = None
    parts: Optional[list[Id]] = None
    headline: StrictBool = False

    @field_validator("value")
    @classmethod
    def _whole_unless_percent(cls, value: int | float, info: ValidationInfo) -> int | float:
        if info.data.get("unit") not in (None, Unit.PERCENT) and not isinstance(value, int):
            raise ValueError(
                f"a count or an amount must be a whole number, not {value!r}; in YAML write 5736 for "
                "5.736 (no thousands separator)"
            )
        return value


class Photo(Node):
    """A photo the source showed. Only its caption is kept; no image file is archived."""

    id: Id
    caption: Localized
    archived: Literal[False]


class Place(Node):
    """A place named by the source."""

    id: Id
    kind: Literal["ward", "residential-group", "polling-area", "venue", "district", "city"]
    name: Localized
    ward: Optional[Id] = None


class Person(Node):
    """A person named by the source, with the role as the source gives it."""

    id: Id
    name: Text
    role: Localized


class Document(Node):
    """A document the source cites."""

    id: Id
    kind: Localized
    number: Optional[Text]
    title: Optional[Localized]
    issuer: Localized
    date: Optional[Date]


class Event(Node):
    """An event of the term, dated as far as the source dates it (a year, a month or a day; `end` for a span).

    When the source gives no date, `date: null` (written out: an event never loses its date by omission) and
    `period` says, in each language, the period it belongs to as far as the source tells ("2019–2024 term, date
    not given"); the timeline lists undated events after the dated ones.
    """

    id: Id
    date: Optional[PartialDate]
    end: Optional[PartialDate] = None
    period: Optional[Localized] = None
    title: Localized

    @model_validator(mode="after")
    def _dated_or_placed_in_a_period(self) -> Event:
        if self.date is None and self.period is None:
            raise ValueError(
                "an undated event (date: null) needs a period: when it happened, as far as the source says"
            )
        if self.date is None and self.end is not None:
            raise ValueError("an undated event (date: null) cannot have an end date")
        if self.date is not None and self.period is not None:
            raise ValueError("period is only for an undated event (date: null); a dated event has its date")
        return self


class NoteKind(str, enum.Enum):
    """Why an editorial note exists."""

    MISMATCH = "mismatch"
    AMBIGUITY = "ambiguity"
    SOURCE_FORM = "source-form"
    CHECK = "check"  # a cross-check the editors made (5,568 × 300,000 = 1,670,400,000), not a choice
    EDITORIAL = "editorial"


class Note(Node):
    """An editor's note: a mismatch kept as published, an ambiguity, how the source wrote something, a cross-check
    the editors made, or a choice they made."""

    id: Id
    kind: NoteKind
    figures: list[Id] = []
    text: Localized


class Chart(Node):
    """A bar chart of figures that compare or add up, drawn at build time from their typed values."""

    id: Id
    title: Localized
    description: Localized
    figures: Annotated[list[Id], Field(min_length=2)]


class Highlight(Node):
    """One of the term's highlights, in source order."""

    id: Id
    order: Annotated[StrictInt, Field(ge=1)]
    title: Localized
    summary: Localized
    body: Annotated[list[Localized], Field(min_length=1)]
    figures: list[Figure] = []
    charts: list[Chart] = []
    photos: list[Photo] = []
    documents: list[Id] = []
    places: list[Id] = []
    people: list[Id] = []
    events: list[Event] = []
    notes: list[Note] = []

    @field_validator("body")
    @classmethod
    def _paragraphs_within_limit(cls, value: list, info: ValidationInfo) -> list:
        return within_limit(value, MAX_PARAGRAPHS_PER_HIGHLIGHT, info)

    @field_validator("figures")
    @classmethod
    def _figures_within_limit(cls, value: list, info: ValidationInfo) -> list:
        return within_limit(value, MAX_FIGURES_PER_HIGHLIGHT, info)


class Congress(Node):
    """The congress that opens the next term."""

    name: Localized
    ordinal: Annotated[str, StringConstraints(strict=True, pattern=r"^[IVXLC]+$")]
    start_year: Year
    end_year: Year
    start_date: Date
    end_date: Date
    delegates: Id


class Omission(Node):
    """Text of the scrape left out of the record, verbatim, and why."""

    text: Text
    reason: Localized


def _web_address(value: str) -> str:
    """Only http(s) addresses: a javascript:, data: or file: URL from the data must never become a link."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError("must be an http:// or https:// address")
    return value


WebAddress = Annotated[
    str, StringConstraints(strict=True, max_length=2000), AfterValidator(_plain_text), AfterValidator(_web_address)
]


class Source(Node):
    """The article the record is made from, and what is (not) known about it."""

    title: Localized
    url: Optional[WebAddress]
    file: Annotated[str, StringConstraints(strict=True, pattern=r"^data/source/[A-Za-z0-9_.-]+$")]
    sha256: Annotated[str, StringConstraints(strict=True, pattern=r"^[0-9a-f]{64}$")]
    publisher: Optional[Text]
    published: Optional[Date]
    written_before: Date
    about: Localized
    omitted: list[Omission] = []


class Term(Node):
    """The body, the place and the years the record covers."""

    title: Localized
    intro: Localized
    body: Localized
    short_name: Localized
    district: Localized
    city: Localized
    start_year: Year
    end_year: Year
    next_congress: Congress
    source: Source


class Change(Node):
    """A dated change to the record; `highlights` names those it touched (empty: the whole record)."""

    date: Date
    text: Localized
    highlights: list[Id] = []


class Redirect(Node):
    """A published id that was renamed: links to the old id keep working and lead to the new one.

    `kind: highlight` renames a page (/<from>/ → /<to>/); other kinds rename an anchor on a highlight page (its
    figures, charts, photos, notes and events, and the documents, places and people it names).
    """

    kind: Literal["highlight", "figure", "chart", "photo", "note", "event", "document", "place", "person"]
    from_id: Annotated[Id, Field(alias="from")]
    to_id: Annotated[Id, Field(alias="to")]


class Record(Node):
    """The whole record: the term, its highlights, and the people, places and documents they mention."""

    term: Term
    highlights: Annotated[list[Highlight], Field(min_length=1)]
    places: list[Place] = []
    people: list[Person] = []
    documents: list[Document] = []
    notes: list[Note] = []
    changes: Annotated[list[Change], Field(min_length=1)]
    redirects: list[Redirect] = []

    @field_validator("highlights")
    @classmethod
    def _highlights_within_limit(cls, value: list, info: ValidationInfo) -> list:
        return within_limit(value, MAX_HIGHLIGHTS, info)

    @cached_property
    def _figures_by_id(self) -> dict[str, Figure]:
        return {figure.id: figure for figure in self.figures()}

    def figures(self) -> list[Figure]:
        """Every figure of the record, in source order."""
        return [figure for highlight in self.highlights for figure in highlight.figures]

    def figure(self, figure_id: str) -> Figure:
        return self._figures_by_id[figure_id]

    def has_figure(self, figure_id: str) -> bool:
        return figure_id in self._figures_by_id

    @cached_property
    def _highlights_by_id(self) -> dict[str, Highlight]:
        return {highlight.id: highlight for highlight in self.highlights}

    def highlight(self, highlight_id: str) -> Highlight:
        return self._highlights_by_id[highlight_id]

    def has_highlight(self, highlight_id: str) -> bool:
        return highlight_id in self._highlights_by_id

    @cached_property
    def _by_id(self) -> dict[str, dict]:
        """Places, people and documents by id (looked up once per mention on every page)."""
        return {kind: {item.id: item for item in getattr(self, kind)} for kind in ("places", "people", "documents")}

    def place(self, place_id: str) -> Place:
        return self._by_id["places"][place_id]

    def person(self, person_id: str) -> Person:
        return self._by_id["people"][person_id]

    def document(self, document_id: str) -> Document:
        return self._by_id["documents"][document_id]

    @cached_property
    def _highlight_of_figure(self) -> dict[str, Highlight]:
        return {figure.id: highlight for highlight in self.highlights for figure in highlight.figures}

    def highlight_of(self, figure_id: str) -> Highlight:
        return self._highlight_of_figure[figure_id]

    def all_notes(self) -> list[tuple[Optional[Highlight], Note]]:
        """Every editorial note with the highlight it belongs to (None for record-wide notes)."""
        return [(None, note) for note in self.notes] + [
            (highlight, note) for highlight in self.highlights for note in highlight.notes
        ]

    def changes_to(self, highlight_id: str) -> list[Change]:
        """The changes that touched a highlight (record-wide changes included), newest first."""
        found = [c for c in self.changes if not c.highlights or highlight_id in c.highlights]
        return sorted(found, key=lambda change: change.date, reverse=True)

    def last_updated(self, highlight_id: str) -> dt.date:
        return self.changes_to(highlight_id)[0].date

    @cached_property
    def _renamed_from(self) -> dict[tuple[str, str], set[str]]:
        found: dict[tuple[str, str], set[str]] = {}
        for redirect in self.redirects:
            found.setdefault((redirect.kind, redirect.to_id), set()).add(redirect.from_id)
        return found

    def aliases_of(self, kind: str, item_id: str) -> list[str]:
        """Earlier ids of an item, from the redirects (followed through chains of renames)."""
        found, frontier = [], {item_id}
        while frontier:
            earlier = set().union(*(self._renamed_from.get((kind, ref), set()) for ref in frontier)) - set(found)
            earlier.discard(item_id)
            found.extend(sorted(earlier))
            frontier = earlier
        return found

    @cached_property
    def _note_owners(self) -> dict[str, Optional[Highlight]]:
        return {note.id: owner for owner, note in self.all_notes()}

    def note_owner(self, note_id: str) -> Optional[Highlight]:
        """The highlight a note is written in (None for a record-wide note)."""
        return self._note_owners[note_id]

    @cached_property
    def _notes_by_figure(self) -> dict[str, list[Note]]:
        found: dict[str, list[Note]] = {}
        for _, note in self.all_notes():
            for figure_id in dict.fromkeys(note.figures):
                found.setdefault(figure_id, []).append(note)
        return found

    def notes_on(self, figure_id: str) -> list[Note]:
        return list(self._notes_by_figure.get(figure_id, []))
