"""The home page's record parts (tayho/home.py, fragments/home.html) on variants of the fixture record: any headline
figure that does not check out carries a visible mark leading to its explanation, one that does carries none; the
next congress is shown as planned; the entry points lead to the record's other pages."""

from __future__ import annotations

import datetime as dt
import html

import pytest
import yaml

from tayho import home, urls
from tayho.languages import SiteLanguages
from tayho.model import Record
from tayho.render import call_macro, make_environment
from tayho.version import RecordVersion
from tayho.views import PageContext

from .conftest import FIXTURES, ROOT

ENV = make_environment(ROOT / "tayho" / "theme" / "fragments")
FIXTURE = yaml.safe_load((FIXTURES / "minimal" / "data" / "achievements.yaml").read_text(encoding="utf-8"))
FLAG = {"vi": "Số liệu của nguồn không khớp ở đây", "en": "The source's figures do not add up here"}


def record_with(headlines: set[str], values: dict[str, int] | None = None, notes: bool = True) -> Record:
    """The fixture record with exactly `headlines` as headline figures, some values changed, with or without its
    editor's notes on the first highlight."""
    data = yaml.safe_load(yaml.safe_dump(FIXTURE, allow_unicode=True))
    for highlight in data["highlights"]:
        for figure in highlight["figures"]:
            figure["headline"] = figure["id"] in headlines
            figure["value"] = (values or {}).get(figure["id"], figure["value"])
    if not notes:
        data["highlights"][0]["notes"] = []
    return Record.model_validate(data)


def home_page(lang: str) -> PageContext:
    links = urls.Links(SiteLanguages(("vi", "en")), lang, "https://archive.test/")
    return PageContext(links, links.url(urls.HOME), RecordVersion("abc", dt.date(2026, 1, 1)))


def stats(record: Record, lang: str) -> dict[str, str]:
    """Each headline figure's block on the home cards (its <div class="tayho-stat…">), by figure id."""
    out = str(call_macro(ENV, "home.html", "cards", home.highlight_cards(record, lang, home_page(lang))))
    blocks = out.split('<div class="tayho-stat')[1:]
    return {block.split("#fig-", 1)[1].split('"', 1)[0]: html.unescape(block.split("</div>", 1)[0]) for block in blocks}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_headline_share_with_a_mismatch_note_is_marked_and_leads_to_the_note(lang):
    shown = stats(record_with({"tasks-total", "tasks-rest-share"}), lang)
    assert set(shown) == {"tasks-total", "tasks-rest-share"}
    flagged = shown["tasks-rest-share"]
    assert FLAG[lang] in flagged and 'href="supervision/#note-rest-share"' in flagged
    assert shown["tasks-rest-share"].startswith(" tayho-stat--flagged")
    assert FLAG[lang] not in shown["tasks-total"]  # negative control: 7 + 3 = 10 checks out


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_any_headline_figure_that_does_not_check_out_is_marked(lang):
    """A share that matches is shown bare; the same share with a wrong value and no editor's note is marked, and
    leads to its own row, where the recomputation is shown; so is a total that is not the sum of its parts."""
    assert FLAG[lang] not in stats(record_with({"tasks-done-share"}), lang)["tasks-done-share"]
    wrong_share = stats(record_with({"tasks-done-share"}, {"tasks-done-share": 71}, notes=False), lang)
    assert FLAG[lang] in wrong_share["tasks-done-share"]
    assert 'href="supervision/#fig-tasks-done-share"' in wrong_share["tasks-done-share"]
    wrong_total = stats(record_with({"tasks-total"}, {"tasks-total": 11}, notes=False), lang)
    assert FLAG[lang] in wrong_total["tasks-total"]


@pytest.mark.parametrize(
    "lang,planned",
    [("vi", ["Dự kiến", "Dự kiến diễn ra", "sẽ diễn ra"]), ("en", ["Planned", "Planned for", "future tense"])],
)
def test_the_next_congress_is_shown_as_planned(lang, planned):
    record = record_with(set())
    out = html.unescape(str(call_macro(ENV, "home.html", "term", home.term_view(record, lang, home_page(lang)))))
    congress = out.split('<section class="tayho-congress"', 1)[1].split("</section>", 1)[0]
    for words in planned:
        assert words in congress
    assert '<time datetime="2024-04-02">' in congress and 'href="congress/#fig-delegates"' in congress


def test_the_entry_points_lead_to_the_records_other_pages():
    view = home.term_view(record_with(set()), "en", home_page("en"))
    assert [item["link"].href for item in view["explore"]] == [
        "timeline/",
        "places/",
        "documents/",
        "about/#downloads",
        "print/",
    ]
