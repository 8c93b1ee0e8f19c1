"""Build the real record with MkDocs and check that the whole record reaches both languages."""

from __future__ import annotations

import pytest

from tayho.load import load_record
from tayho.numbers import format_figure
from tayho.views import SECTIONS, plain_text

from .conftest import ROOT
from .html import facts, page

RECORD = load_record(ROOT / "data" / "achievements.yaml", ROOT)
PREFIX = {"vi": "", "en": "en/"}


def test_the_record_has_ten_highlights_in_source_order():
    assert [h.order for h in RECORD.highlights] == list(range(1, 11))
    assert len({h.id for h in RECORD.highlights}) == 10


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_page_set(real_site, lang):
    prose = {"", "about/", "changes/", "timeline/", "places/", "documents/", "print/", "versions/"}
    expected = prose | {f"{h.id}/" for h in RECORD.highlights}
    root = real_site / PREFIX[lang]
    built = {path.parent.relative_to(root).as_posix() + "/" for path in root.glob("*/index.html")} | {""}
    assert built - {"en/", "search/"} == expected
    for url in expected:
        assert facts(page(real_site, PREFIX[lang] + url)).lang == lang


@pytest.mark.parametrize("highlight", RECORD.highlights, ids=lambda h: h.id)
def test_every_figure_is_on_its_page_in_both_languages(real_site, highlight):
    for lang in ("vi", "en"):
        values = facts(page(real_site, f"{PREFIX[lang]}{highlight.id}/")).data_values
        for figure in highlight.figures:
            assert (str(figure.value), format_figure(figure, lang)) in values, (lang, figure.id)


@pytest.mark.parametrize("highlight", RECORD.highlights, ids=lambda h: h.id)
def test_explicit_ids_are_identical_across_languages(real_site, highlight):
    def content_ids(lang):
        ids = facts(page(real_site, f"{PREFIX[lang]}{highlight.id}/")).ids
        return [
            i
            for i in ids
            if i == highlight.id
            or i in SECTIONS
            or i.split("-")[0] in {"fig", "photo", "doc", "place", "person", "event", "note"}
        ]

    assert content_ids("vi") == content_ids("en")
    assert all(i.isascii() for i in content_ids("vi"))
    assert {f"fig-{figure.id}" for figure in highlight.figures} <= set(content_ids("vi"))


def test_every_caption_document_place_person_event_and_note_is_shown(real_site):
    for lang in ("vi", "en"):
        for highlight in RECORD.highlights:
            text = facts(page(real_site, f"{PREFIX[lang]}{highlight.id}/")).text
            for note in highlight.notes:
                assert " ".join(plain_text(note.text[lang], RECORD, lang).split()) in text
            for ref in highlight.places:
                assert RECORD.place(ref).name[lang] in text
            for ref in highlight.people:
                assert RECORD.person(ref).name in text and RECORD.person(ref).role[lang] in text
            for event in highlight.events:
                assert event.title[lang] in text
        about = facts(page(real_site, f"{PREFIX[lang]}about/")).text
        for _, note in RECORD.all_notes():
            assert " ".join(plain_text(note.text[lang], RECORD, lang).split()) in about
        for item in RECORD.term.source.omitted:
            assert item.text in about
        assert RECORD.term.source.sha256 in about


def test_the_permalink_lock_matches_the_built_site(real_site_with_pdf):
    from tayho.permalinks import collect, read_lock

    served, locked = set(collect(real_site_with_pdf)), set(read_lock(ROOT / "permalinks.lock"))
    assert sorted(locked - served) == [], "published links that no longer work: add redirects"
    assert sorted(served - locked) == [], "new pages, anchors or files: run `make permalinks` and commit the lock"
    assert {link for link in locked if link.endswith((".pdf", ".png", ".svg", ".csv", "feed.xml"))}


def test_a_quick_preview_is_checked_against_the_lock_but_for_what_it_does_not_draw(real_site):
    from tayho.permalinks import drawn_only, missing, read_lock

    locked = read_lock(ROOT / "permalinks.lock")
    gone = missing(real_site, locked, drawn=True)
    assert gone and all(drawn_only(link) for link in gone)  # the PDFs and share images, not drawn here
    assert missing(real_site, locked, drawn=False) == []


def test_footer_shows_the_commit_the_site_was_built_from(real_site):
    import subprocess

    commit = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--abbrev=10", "--format=%h"], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert f"Record version {commit}," in facts(page(real_site, "en/")).text
    assert f"Phiên bản hồ sơ {commit}," in facts(page(real_site, "")).text
