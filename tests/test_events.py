"""Events the source gives no date for (`date: null` with the period they belong to): how they are validated, where
the timeline puts them, and how the pages show them."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tayho import indexes, urls, views
from tayho.errors import RecordError
from tayho.languages import SiteLanguages
from tayho.load import load_record
from tayho.model import Record
from tayho.render import call_macro, make_environment
from tayho.version import RecordVersion

from .conftest import FIXTURES, ROOT

ENV = make_environment(ROOT / "tayho" / "theme" / "fragments")
REAL = load_record(ROOT / "data" / "achievements.yaml", ROOT)
UNDATED = {
    "id": "visit",
    "date": None,
    "period": {"vi": "Không rõ ngày", "en": "Date not given"},
    "title": {"vi": "Đón đoàn", "en": "A visit"},
}


def page(lang: str, source: str) -> views.PageContext:
    links = urls.Links(SiteLanguages(("vi", "en")), lang, "https://archive.test/")
    return views.PageContext(links, links.url(source), RecordVersion("0123456789", dt.date(2026, 11, 24)))


def fixture_with(event: dict) -> Record:
    record = load_record(FIXTURES / "minimal" / "data" / "achievements.yaml", FIXTURES / "minimal")
    data = record.model_dump(by_alias=True, exclude_none=False)
    data["highlights"][1]["events"] = [event]
    return Record.model_validate(data)


def load_edited(tmp_path: Path, old: str, new: str) -> Record:
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "minimal", project)
    path = project / "data" / "achievements.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return load_record(path, project)


def test_the_real_timeline_lists_the_undated_events_after_the_dated_ones():
    view = indexes.timeline_view(REAL, "en", page("en", urls.TIMELINE))
    undated = {item["anchor"] for item in view["undated"]}
    assert {"event-singapore-delegation-visit", "event-korea-friendship-congress", "event-council-session-9",
            "event-phu-thuong-pilot-congress", "event-elections-2021"} == undated  # fmt: skip
    assert all(part["iso"] for item in view["events"] for part in item["dates"])
    assert all(
        item["dates"] == [{"iso": None, "text": item["dates"][0]["text"], "after": ""}] for item in view["undated"]
    )
    dated = [item["dates"][0]["iso"] for item in view["events"]]
    assert dated == sorted(dated)


def test_the_timeline_shows_the_period_where_a_date_would_be():
    record = fixture_with(UNDATED)
    html = str(
        call_macro(ENV, "indexes.html", "timeline", indexes.timeline_view(record, "en", page("en", urls.TIMELINE)))
    )
    items = [" ".join(item.split()) for item in html.split("<li ")[1:]]
    assert items[-1].startswith(
        'id="event-visit" class="tayho-timeline__undated"> <p class="tayho-timeline__date">Date not given</p> '
        '<p class="tayho-timeline__title">A visit</p> '
        '<p class="tayho-timeline__where"><a href="../congress/#event-visit">'
    )
    assert '<time datetime="2023">2023</time></p> <p class="tayho-timeline__title">Supervision conference' in items[0]
    assert "None" not in html


def test_a_highlight_page_shows_an_undated_event_with_its_period():
    record = fixture_with(UNDATED)
    view = views.highlight_view(record, record.highlights[1], "vi", page("vi", "congress.md"))
    html = str(call_macro(ENV, "highlight.html", "page", view))
    assert '<li id="event-visit">Không rõ ngày: Đón đoàn</li>' in html


def test_a_range_of_dates_is_two_time_elements_joined_by_the_languages_separator():
    record = fixture_with(
        {"id": "span", "date": "2024-04-02", "end": "2024-04-03", "title": {"vi": "Đại hội", "en": "Congress"}}
    )
    html = str(
        call_macro(ENV, "indexes.html", "timeline", indexes.timeline_view(record, "vi", page("vi", urls.TIMELINE)))
    )
    assert '<time datetime="2024-04-02">2</time>–<time datetime="2024-04-03">3/4/2024</time></p>' in html


@pytest.mark.parametrize(
    "event,message",
    [
        ("date: null\n        title:", "an undated event (date: null) needs a period"),
        (
            'date: null\n        end: "2024"\n        period: {vi: "a", en: "b"}\n        title:',
            "cannot have an end date",
        ),
        ('date: "2023"\n        period: {vi: "a", en: "b"}\n        title:', "period is only for an undated event"),
        ("title:", "date: is required but missing"),
    ],
)
def test_an_event_is_dated_or_placed_in_a_period_and_never_both(tmp_path, event, message):
    with pytest.raises(RecordError) as raised:
        load_edited(tmp_path, 'date: "2023"\n        title:', event)
    (problem,) = raised.value.problems
    assert problem.path.startswith("highlights[0].events[0]")
    assert message in f"{problem.path.rsplit('.', 1)[-1]}: {problem.message}" or message in problem.message
    assert problem.line >= 77  # the event's own lines, not the top of the file


def test_a_missing_period_translation_is_reported_like_any_other(tmp_path):
    with pytest.raises(RecordError) as raised:
        load_edited(tmp_path, 'date: "2023"\n        title:', 'date: null\n        period: {vi: "a"}\n        title:')
    assert [problem.path for problem in raised.value.problems] == ["highlights[0].events[0].period.en"]
