"""Where a published link that a build would break comes from in the record (tayho/broken_links.py), as the
build's failure lists it; read from a small record, without building."""

from __future__ import annotations

from tayho.broken_links import located
from tayho.languages import THIS_SITE

RECORD = """\
term: {}
highlights:
  - id: supervision
    figures:
      - id: tasks
    photos:
      - id: conference
    charts:
      - id: ratings
  - id: congress
    notes:
      - id: delegates
"""


def locate(tmp_path, *links: str, text: str = RECORD) -> list[str]:
    record = tmp_path / "achievements.yaml"
    record.write_text(text, encoding="utf-8")
    return located(links, record, "data/achievements.yaml", THIS_SITE)


def test_an_anchor_of_an_item_names_the_list_of_its_highlight_with_its_line(tmp_path):
    assert locate(tmp_path, "/supervision/#fig-tasks-old", "/en/supervision/#photo-old", "/congress/#note-old") == [
        "data/achievements.yaml:5: highlights[0].figures: /supervision/#fig-tasks-old",
        "data/achievements.yaml:7: highlights[0].photos: /en/supervision/#photo-old",
        "data/achievements.yaml:12: highlights[1].notes: /congress/#note-old",
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
    assert locate(tmp_path, "/congress-vii/", "/en/congress-vii/#fig-fund", "/", "/en/") == [
        "/congress-vii/",
        "/en/congress-vii/#fig-fund",
        "/",
        "/en/",
    ]


def test_a_record_that_cannot_be_read_again_lists_the_links_alone(tmp_path):
    assert locate(tmp_path, "/supervision/#fig-x", text="highlights: [") == ["/supervision/#fig-x"]
    assert located(["/supervision/#fig-x"], tmp_path / "gone.yaml", "data/achievements.yaml", THIS_SITE) == [
        "/supervision/#fig-x"
    ]
    assert locate(tmp_path, "/supervision/#fig-x", text="- just a list\n") == ["/supervision/#fig-x"]
