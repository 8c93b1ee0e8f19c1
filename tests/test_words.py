"""Reader's words on reader's pages (the real record, built): a highlight page speaks of the record, not of the
build (no version, checksum or "typed record" outside its citation; the footer and the about page carry them), and
no two words run together in what search shows where markup joined two elements ("151nội dung")."""

from __future__ import annotations

import html
import json
import re

import pytest
import yaml

from .conftest import ROOT

BUILD_WORDS = ("SHA-256", "Record version", "Phiên bản hồ sơ", "typed record")
CITATION = re.compile(r'<div class="tayho-cite"[^>]*>.*?</pre>\s*</div>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")
# A number run into a word ("151nội"); ordinals (15th) and hexadecimal ids (the record's commit, its SHA-256) aside.
JOINED = re.compile(r"(?<![\w-])\d+(?!st\b|nd\b|rd\b|th\b)[^\W\d_]{2,}")
HEXADECIMAL = re.compile(r"\b[0-9a-f]{7,}\b")
RECORD = yaml.safe_load((ROOT / "data" / "achievements.yaml").read_text(encoding="utf-8"))
HIGHLIGHTS = [highlight["id"] for highlight in RECORD["highlights"]]


def article_text(page_html: str) -> str:
    article = page_html.split("<article", 1)[1].split("</article>", 1)[0]
    return html.unescape(TAG.sub(" ", CITATION.sub("", article)))


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_highlight_pages_speak_of_the_record_not_of_the_build(real_site, prefix):
    for highlight in HIGHLIGHTS:
        page = (real_site / prefix / highlight / "index.html").read_text(encoding="utf-8")
        text = article_text(page)
        assert [word for word in BUILD_WORDS if word in text] == [], f"{prefix}{highlight}/"
        assert 'class="tayho-version"' in page  # the footer shows the record version
    about = (real_site / prefix / "about" / "index.html").read_text(encoding="utf-8")
    assert "SHA-256" in article_text(about) and 'class="tayho-build"' in about


def test_the_check_finds_a_build_word_and_a_joined_number():
    """Negative controls: the meta line of the old highlight pages, and a home card read without its spaces."""
    old = '<article><p class="tayho-meta">Last updated: 1 June 2024 · Record version 191672153b</p></article>'
    assert "Record version" in article_text(old)
    assert JOINED.findall("trong 151nội dung, 15th, QH14, 2023") == ["151nội"]


def test_search_never_shows_two_words_run_together(real_site):
    rows = [
        row for chunks in sorted(real_site.glob("**/search/chunks/d-*.json")) for row in json.loads(chunks.read_bytes())
    ]
    assert len(rows) > 100
    joined = [(location, match) for location, _, text in rows for match in JOINED.findall(HEXADECIMAL.sub(" ", text))]
    assert joined == []
