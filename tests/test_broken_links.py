"""Where a published link that a build would break comes from in the record (tayho/broken_links.py), as the
build's failure lists it; read from a small record, without building."""

from __future__ import annotations

import os

from tayho.broken_links import SHOWN, listed, located
from tayho.languages import THIS_SITE

RECORD = """\
term: {}
highlights:
  - id: supervision
    figures:
      - id: tasks
      - id: rest
    photos:
      - id: conference
    charts: [{id: ratings}]
  - id: congress
    notes:
      - id: delegates
"""
SHOWN_AS = "data/achievements.yaml"


def locate(tmp_path, *links: str, text: str = RECORD) -> list[str]:
    record = tmp_path / "achievements.yaml"
    record.write_text(text, encoding="utf-8")
    return located(links, record, SHOWN_AS, THIS_SITE)


def test_an_anchor_of_an_item_names_the_list_of_its_highlight_at_the_line_of_its_key(tmp_path):
    assert locate(tmp_path, "/supervision/#fig-rest-old", "/en/supervision/#photo-old", "/congress/#note-old") == [
        "data/achievements.yaml:4: highlights[0].figures: /supervision/#fig-rest-old",
        "data/achievements.yaml:7: highlights[0].photos: /en/supervision/#photo-old",
        "data/achievements.yaml:11: highlights[1].notes: /congress/#note-old",
    ]


def test_a_chart_anchor_or_embed_names_the_charts_of_its_highlight(tmp_path):
    assert locate(tmp_path, "/supervision/#chart-old-title", "/en/embed/supervision/old/figures.csv") == [
        "data/achievements.yaml:9: highlights[0].charts: /supervision/#chart-old-title",
        "data/achievements.yaml:9: highlights[0].charts: /en/embed/supervision/old/figures.csv",
    ]


def test_a_section_or_a_file_of_a_highlight_names_the_highlight(tmp_path):
    assert locate(tmp_path, "/congress/#figures", "/en/congress/tayho-archive-congress-en.pdf") == [
        "data/achievements.yaml:10: highlights[1]: /congress/#figures",
        "data/achievements.yaml:10: highlights[1]: /en/congress/tayho-archive-congress-en.pdf",
    ]


def test_a_page_no_highlight_holds_any_more_is_listed_alone(tmp_path):
    assert locate(tmp_path, "/congress-vii/", "/en/congress-vii/#fig-fund", "/", "/en/", "/about/#note-x") == [
        "/congress-vii/",
        "/en/congress-vii/#fig-fund",
        "/",
        "/en/",
        "/about/#note-x",
    ]


def test_the_page_of_a_renamed_highlight_is_found_through_its_redirects(tmp_path):
    renamed = RECORD.replace("- id: congress\n", "- id: congress-viii\n") + (
        "redirects:\n"
        "  - {kind: highlight, from: congress, to: congress-vii}\n"
        "  - {kind: highlight, from: congress-vii, to: congress-viii}\n"
        "  - {kind: highlight, from: loop-a, to: loop-b}\n"
        "  - {kind: highlight, from: loop-b, to: loop-a}\n"
        "  - {kind: figure, from: supervision, to: congress-viii}\n"
    )
    assert locate(tmp_path, "/en/congress/#note-old", "/congress-vii/#note-old", "/loop-a/", text=renamed) == [
        "data/achievements.yaml:11: highlights[1].notes: /en/congress/#note-old",
        "data/achievements.yaml:11: highlights[1].notes: /congress-vii/#note-old",
        "/loop-a/",
    ]


def test_a_record_that_cannot_be_read_again_as_the_build_reads_it_lists_the_links_alone(tmp_path):
    assert locate(tmp_path, "/supervision/#fig-x", text="highlights: [") == ["/supervision/#fig-x"]
    assert locate(tmp_path, "/supervision/#fig-x", text="- just a list\n") == ["/supervision/#fig-x"]
    gone = tmp_path / "gone.yaml"
    assert located(["/supervision/#fig-x"], gone, SHOWN_AS, THIS_SITE) == ["/supervision/#fig-x"]
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)  # opened, it would block the build until something writes to it
    assert located(["/supervision/#fig-x"], fifo, SHOWN_AS, THIS_SITE) == ["/supervision/#fig-x"]
    big = tmp_path / "big.yaml"
    big.write_text(RECORD + "# " + "x" * 200 + "\n", encoding="utf-8")
    assert located(["/supervision/#fig-x"], big, SHOWN_AS, THIS_SITE, max_bytes=len(RECORD)) == ["/supervision/#fig-x"]
    assert located(["/supervision/#fig-x"], big, SHOWN_AS, THIS_SITE)[0].startswith("data/achievements.yaml:4: ")


def test_a_long_list_shows_the_located_links_first_and_counts_what_it_leaves_out(tmp_path):
    record = tmp_path / "achievements.yaml"
    record.write_text(RECORD, encoding="utf-8")
    lost = [f"/gone-{number}/" for number in range(SHOWN + 5)] + ["/supervision/#photo-old"]
    lines = listed(lost, record, SHOWN_AS, THIS_SITE)
    assert lines[0] == "data/achievements.yaml:7: highlights[0].photos: /supervision/#photo-old"
    assert lines[1:SHOWN] == lost[: SHOWN - 1]
    assert lines[SHOWN:] == ["… and 6 more"]
    assert listed(lost[:3], record, SHOWN_AS, THIS_SITE) == lost[:3]
