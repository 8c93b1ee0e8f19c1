"""How to cite one highlight: a plain-text reference and a BibTeX entry, in the page's language.

A citation claims only what is known. The source is an archived copy of an article that gives no author (and, in this
record, no publisher or date): the citation says so, and gives the date the article was written before. The record is
compiled by its editors, and a page in another language than the source's is the editors' translation: the citation
names them for that, and gives the source's own titles with the translated ones in brackets, never a translated title
as the article's.
"""

from __future__ import annotations

import re

from babel.lists import format_list

from .i18n import words
from .languages import REGISTRY
from .model import Highlight, Record
from .numbers import format_full_date
from .version import RecordVersion

SOURCE_LANGUAGE = "vi"  # the record's texts in this language are the source's words; the others are translations

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


def editors(lang: str) -> str:
    """Who compiled the record (and translated it): its editors, never the body the record is about."""
    return words(lang)["editors"]


def source_statement(record: Record, lang: str) -> str:
    """What is known and what is not of the source: "archived copy of a news article; author, publisher, and date not
    given; written before 2 April 2024"."""
    source, text = record.term.source, words(lang)
    known = [text["citation_archived"]] + ([source.publisher] if source.publisher else [])
    unknown = [text["citation_author"]]  # the record has no author field: the archived copy names none
    unknown += [] if source.publisher else [text["citation_publisher"]]
    unknown += [] if source.published else [text["citation_date"]]
    if source.published:
        known.append(format_full_date(source.published, lang))
    parts = known + [text["citation_unknown"].format(what=format_list(unknown, locale=REGISTRY[lang].babel_locale))]
    if not source.published:
        parts.append(text["citation_written_before"].format(date=format_full_date(source.written_before, lang)))
    return "; ".join(parts)


def _titles(record: Record, highlight: Highlight, lang: str) -> dict:
    """The highlight's and the article's titles in the page's language and in the source's."""
    source = record.term.source
    return {
        "title": f"{highlight.order}. {highlight.title[lang]}",
        "container": source.title[lang],
        "original_title": f"{highlight.order}. {highlight.title[SOURCE_LANGUAGE]}",
        "original_container": source.title[SOURCE_LANGUAGE],
    }


def is_translation(lang: str) -> bool:
    return lang != SOURCE_LANGUAGE


def _parts(record: Record, highlight: Highlight, lang: str, version: RecordVersion) -> dict:
    """The pieces both forms of the citation are made of, as plain text."""
    text, titles = words(lang), _titles(record, highlight, lang)
    translated = is_translation(lang)
    container = f"{titles['original_container']} [{titles['container']}]" if translated else titles["container"]
    credit = text["citation_translated_by" if translated else "citation_compiled_by"]
    return titles | {
        "published_in": text["citation_in"].format(container=container, source=source_statement(record, lang)),
        "credit": credit.format(editors=editors(lang)),
        "version": version_text(version, lang),
    }


def plain_citation(record: Record, highlight: Highlight, lang: str, url: str, version: RecordVersion) -> str:
    """One line, the highlight's title in quotes; in a translation, the source's title with the translated one in
    brackets."""
    key = "citation_translation" if is_translation(lang) else "citation"
    parts = _parts(record, highlight, lang, version)
    quoted = "original_title" if is_translation(lang) else "title"
    parts[quoted] = inner_quotes(parts[quoted])
    return words(lang)[key].format(**parts, url=url)


def inner_quotes(text: str) -> str:
    """Double quotes inside a title the citation puts in double quotes become single ones: “6. … ‘Ngày hội …’”."""
    return text.replace("“", "‘").replace("”", "’")


def bibtex_fields(record: Record, highlight: Highlight, lang: str, url: str, version: RecordVersion) -> list:
    """(name, value) of the entry's fields, values as plain text. An @misc entry: BibTeX's standard styles and
    biblatex print its title, howpublished (the article it is part of) and note (and url where the style knows URLs);
    it needs no author. No year: the article's date is not known (author-year styles print "n.d."), and the record's
    version date is in the note."""
    parts = _parts(record, highlight, lang, version)
    title = f"{parts['original_title']} [{parts['title']}]" if is_translation(lang) else parts["title"]
    return [
        ("title", title),
        ("howpublished", parts["published_in"]),
        ("note", f"{parts['credit']}. {parts['version']}"),
        ("url", url),
        ("language", REGISTRY[lang].bibtex_language),
    ]


def bibtex_citation(record: Record, highlight: Highlight, lang: str, url: str, version: RecordVersion) -> str:
    term = record.term
    lines = []
    for name, value in bibtex_fields(record, highlight, lang, url, version):
        if name == "url":
            body = value  # a URL is read verbatim (url package), not as TeX
        elif name == "title":
            body = "{" + bibtex_escape(value) + "}"  # double braces: styles must not change its case
        else:
            body = bibtex_escape(value)
        lines.append(f"  {name} = {{{body}}}")
    key = f"tayho-{term.start_year}-{term.end_year}-{highlight.id}-{lang}"
    return f"@misc{{{key},\n" + ",\n".join(lines) + "\n}"
