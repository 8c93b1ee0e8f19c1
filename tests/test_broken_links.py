"""Where a published link that a build would break comes from in the record (tayho/broken_links.py), as the
build's failure lists it; read from the fixture record, without building."""

from __future__ import annotations

import os

from tayho.broken_links import SHOWN, listed
from tayho.languages import THIS_SITE

from .conftest import FIXTURES, make_project


def locate(project, *links: str) -> list[str]:
    return listed(list(links), project / "data" / "achievements.yaml", project, THIS_SITE)


def fixture(tmp_path):
    return make_project(tmp_path, FIXTURES / "minimal" / "data")


def test_an_anchor_of_an_item_names_the_list_of_its_highlight_at_the_line_of_its_key(tmp_path):
    project = fixture(tmp_path)
    links = ["/supervision/#fig-old", "/en/supervision/#photo-old", "/supervision/#event-old", "/supervision/#note-x"]
    assert locate(project, *links) == [
        "data/achievements.yaml:40: highlights[0].figures: /supervision/#fig-old",
        "data/achievements.yaml:70: highlights[0].photos: /en/supervision/#photo-old",
        "data/achievements.yaml:77: highlights[0].events: /supervision/#event-old",
        "data/achievements.yaml:81: highlights[0].notes: /supervision/#note-x",
    ]


def test_a_chart_anchor_or_embed_names_the_charts_of_its_highlight(tmp_path):
    assert locate(fixture(tmp_path), "/supervision/#chart-old-title", "/en/embed/supervision/old/figures.csv") == [
        "data/achievements.yaml:65: highlights[0].charts: /supervision/#chart-old-title",
        "data/achievements.yaml:65: highlights[0].charts: /en/embed/supervision/old/figures.csv",
    ]


def test_a_section_or_a_file_of_a_highlight_names_the_highlight(tmp_path):
    assert locate(fixture(tmp_path), "/congress/#figures", "/en/congress/tayho-archive-congress-en.pdf") == [
        "data/achievements.yaml:86: highlights[1]: /congress/#figures",
        "data/achievements.yaml:86: highlights[1]: /en/congress/tayho-archive-congress-en.pdf",
    ]


def test_a_page_no_highlight_holds_any_more_is_listed_alone(tmp_path):
    links = ["/congress-vii/", "/en/congress-vii/#fig-fund", "/", "/en/", "/about/#note-x", "/embed/"]
    assert locate(fixture(tmp_path), *links) == links


def test_the_page_of_a_renamed_highlight_is_found_through_its_redirects(tmp_path):
    project = fixture(tmp_path)
    record = project / "data" / "achievements.yaml"
    text = record.read_text(encoding="utf-8").replace("- id: congress\n", "- id: congress-viii\n")
    record.write_text(
        text
        + "redirects:\n"
        + "  - {kind: highlight, from: congress, to: congress-viii}\n"
        + "  - {kind: highlight, from: congress-vii, to: congress-viii}\n",
        encoding="utf-8",
    )
    assert locate(project, "/en/congress/#fig-fund", "/congress-vii/#fig-old", "/congress-vi/") == [
        "data/achievements.yaml:93: highlights[1].figures: /en/congress/#fig-fund",
        "data/achievements.yaml:93: highlights[1].figures: /congress-vii/#fig-old",
        "/congress-vi/",
    ]


def test_a_record_that_no_longer_loads_as_the_build_loads_it_lists_the_links_alone(tmp_path):
    project = fixture(tmp_path)
    record = project / "data" / "achievements.yaml"
    text = record.read_text(encoding="utf-8")
    assert locate(project, "/supervision/#fig-x")[0].startswith("data/achievements.yaml:40: ")
    record.write_text(text.replace("order: 1", "order: first"), encoding="utf-8")  # changed since the build
    assert locate(project, "/supervision/#fig-x") == ["/supervision/#fig-x"]
    record.unlink()
    os.mkfifo(record)  # opened, it would block the build until something writes to it
    assert locate(project, "/supervision/#fig-x") == ["/supervision/#fig-x"]
    record.unlink()
    record.write_text(text, encoding="utf-8")
    assert listed(["/supervision/#fig-x"], record, project, THIS_SITE, max_bytes=len(text) // 2) == [
        "/supervision/#fig-x"  # larger than the limit: refused unread
    ]
    record.unlink()
    assert locate(project, "/supervision/#fig-x") == ["/supervision/#fig-x"]


def test_a_long_list_shows_the_located_links_first_and_counts_what_it_leaves_out(tmp_path):
    project = fixture(tmp_path)
    lost = [f"/gone-{number}/" for number in range(SHOWN + 5)] + ["/supervision/#photo-old"]
    lines = locate(project, *lost)
    assert lines[0] == "data/achievements.yaml:70: highlights[0].photos: /supervision/#photo-old"
    assert lines[1:SHOWN] == lost[: SHOWN - 1]
    assert lines[SHOWN:] == ["… and 6 more"]
    assert locate(project, *lost[:3]) == lost[:3]
    unreadable = listed(lost, tmp_path / "gone.yaml", project, THIS_SITE)
    assert unreadable[:SHOWN] == lost[:SHOWN] and unreadable[SHOWN:] == ["… and 6 more"]
