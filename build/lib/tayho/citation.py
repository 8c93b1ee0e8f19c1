"""How to cite one highlight: a plain-text reference and a BibTeX entry, in the page's language."""

from __future__ import annotations

import re

from .i18n import words
from .languages import REGISTRY
from .model import Highlight, Record
from .numbers import format_full_date
from .version import RecordVersion

_BIBTEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}
_BIBTEX_PATTERN = re.compile("|".join(re.escape(char) for char in _BIBTEX_SPECIALS))


def bibtex_escape(text: str) -> str:
    """Make plain text safe inside a BibTeX field: every TeX special character is escaped."""
    return _BIBTEX_PATTERN.sub(lambda match: _BIBTEX_SPECIALS[match.group()], text)


def version_text(version: RecordVersion, lang: str) -> str:
    text = words(lang)
    if not version.known:
        return text["version_unknown"]
    date = format_full_date(version.date, lang)
    if version.release:
        return text["version_release"].format(release=version.release, commit=version.commit, date=date)
    return text["version"].format(commit=version.commit, date=date)


def plain_citation(record: Record, highlight: Highlight, lang: str, url: str, version: RecordVersion) -> str:
    term = record.term
    text = words(lang)
    return text["citation"].format(
        body=term.body[lang],
        order=highlight.order,
        title=highlight.title[lang],
        record=term.title[lang],
        years=f"{term.start_year}–{term.end_year}",
        version=version_text(version, lang),
        url=url,
    )


def bibtex_citation(record: Record, highlight: Highlight, lang: str, url: str, version: RecordVersion) -> str:
    term = record.term
    fields = [
        ("author", "{" + bibtex_escape(term.body[lang]) + "}"),
        ("title", "{" + bibtex_escape(f"{highlight.order}. {highlight.title[lang]}") + "}"),
        ("booktitle", bibtex_escape(term.title[lang])),
        ("year", str(term.end_year)),
        ("note", bibtex_escape(f"{term.start_year}–{term.end_year}. {version_text(version, lang)}")),
        ("url", url),
        ("language", REGISTRY[lang].bibtex_language),
    ]
    key = f"tayho-{term.start_year}-{term.end_year}-{highlight.id}-{lang}"
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{key},\n{body}\n}}"
