"""The style sheet's automated rules (docs/style.md, tayho/style.py), dates and date ranges through Babel's interval
formats, small counts in English running text (tayho/numbers.py), and one name for the archive per language."""

from __future__ import annotations

import re

import pytest

from tayho.editorial import localized_texts
from tayho.load import load_record
from tayho.model import Figure, Unit
from tayho.numbers import date_span, format_date_span, format_figure, format_in_text
from tayho.style import RULES, style_findings

from .conftest import ROOT

RECORD = load_record(ROOT / "data" / "achievements.yaml", ROOT)
SOURCE = " ".join((ROOT / RECORD.term.source.file).read_text(encoding="utf-8").split())


def from_source(passage: str) -> bool:
    return " ".join(passage.split()) in SOURCE


def rules_broken(text: str, lang: str = "en") -> list[str]:
    return [rule for rule, _, _ in style_findings(text, lang, from_source)]


# --- the rules, each with what it refuses and what it lets through --------------------------------------------------


@pytest.mark.parametrize(
    "rule,wrong,right",
    [
        ("year-range", "the 2019-2024 term", "the 2019–2024 term"),
        ("year-range", "the 2021 - 2026 term", "the 2021–2026 term"),
        ("year-range", "2022 – 2023", "2022–2023"),
        ("day-range", "on 2 and 3 April 2024", "on 2–3 April 2024"),
        ("day-range", "2 April 2024 – 3 April 2024", "2–3 April 2024"),
        ("day-range", "the congress of 2-3 April", "the congress of 2–3 April"),
        ("sentence-start", "Done. {fig:teams} teams were set up.", "Done. In all, {fig:teams} teams were set up."),
        ("sentence-start", "156 teams were set up.", "In all, 156 teams were set up."),
        ("figure-fraction", "{fig:a}/{fig:b} wards", "{fig:a} of the {fig:b} wards"),
        ("small-numeral", "the 5-year plan", "the five-year plan"),
        ("small-numeral", "in 3 fields", "in {fig:fields} fields"),
        ("spaced-hyphen", "Democracy - Unity", "Democracy – Unity"),
        ("straight-quotes", 'the "Cultural Ward" certificate', "the “Cultural Ward” certificate"),
    ],
)
def test_each_rule_refuses_the_wrong_form_and_accepts_the_right_one(rule, wrong, right):
    assert rule in rules_broken(wrong)
    assert rule not in rules_broken(right)


@pytest.mark.parametrize(
    "text",
    [
        "Front Work Board No. 7, Phú Thượng Ward",  # a number after No.
        "Polling area No. 11. Phú Thượng Ward",  # after the abbreviation No., not a new sentence
        "the photo of highlight 4 is printed twice",  # a highlight's number
        "the 9th session of the 6th-term District People's Council",  # ordinals
        "13th National Party Congress",  # a name opening with an ordinal
        "a detailed 1/500-scale plan",  # a scale
        "Resolution No. 97/2019/QH14 of 27 November 2019",  # a document number and a date
        "COVID-19 and F0 patients",
    ],
)
def test_numbers_that_are_names_dates_or_labels_pass(text):
    assert rules_broken(text) == []


def test_a_passage_quoted_from_the_source_keeps_the_source_form():
    assert rules_broken("The source gives the period as “2021-2026”.") == []  # in the source
    assert rules_broken("The source gives the period as “2019-2023”.") == ["year-range"]  # not in the source
    assert rules_broken('the caption "Phường văn hóa"', "vi") == []
    assert rules_broken('nhãn "Phường mới"', "vi") == ["straight-quotes"]


def test_vietnamese_is_read_by_the_rules_of_vietnamese_only():
    assert rules_broken("nhiệm kỳ 2019 - 2024, 3 hội nghị; 7/8 phường", "vi") == []


def test_every_automated_rule_is_described_in_the_style_sheet():
    style_sheet = (ROOT / "docs" / "style.md").read_text(encoding="utf-8")
    for rule in RULES:
        assert f"`{rule.name}`" in style_sheet, rule.name


def test_the_real_english_texts_break_no_rule():
    broken = [
        (where, rule)
        for where, text in localized_texts(RECORD)
        for lang in ("vi", "en")
        for rule, _, _ in style_findings(text[lang], lang, from_source)
    ]
    assert broken == []


# --- dates and date ranges ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "start,end,vi,en",
    [
        ("2024-04-02", "2024-04-03", "2–3/4/2024", "2–3 April 2024"),
        ("2024-04-02", "2024-05-30", "2/4\u2009–\u200930/5/2024", "2 April\u2009–\u200930 May 2024"),
        ("2023-12-30", "2024-01-02", "30/12/2023\u2009–\u20092/1/2024", "30 December 2023\u2009–\u20092 January 2024"),
        ("2022", "2023", "2022–2023", "2022–2023"),
        ("2023-04", "2023-06", "tháng 4\u2009–\u2009tháng 6 năm 2023", "April\u2009–\u2009June 2023"),
        ("2022", "2023-04", "2022\u2009–\u2009tháng 4 năm 2023", "2022\u2009–\u2009April 2023"),
        ("2021-10-28", None, "28/10/2021", "28 October 2021"),
        ("2024-04-02", "2024-04-02", "2/4/2024", "2 April 2024"),
    ],
)
def test_dates_and_ranges_follow_each_language(start, end, vi, en):
    assert format_date_span(start, end, "vi") == vi
    assert format_date_span(start, end, "en") == en


def test_a_range_is_two_times_with_the_separator_between_them():
    assert date_span("2024-04-02", "2024-04-03", "en") == [
        {"iso": "2024-04-02", "text": "2", "after": "–"},
        {"iso": "2024-04-03", "text": "3 April 2024", "after": ""},
    ]
    assert format_date_span("2024-04-02", "2024-04-03", "fr") == "2–3 avril 2024"  # CLDR's data, any language


def test_the_next_congress_reads_as_the_style_sheet_says():
    congress = RECORD.term.next_congress
    dates = (congress.start_date.isoformat(), congress.end_date.isoformat())
    assert format_date_span(*dates, "vi") == "2–3/4/2024"
    assert format_date_span(*dates, "en") == "2–3 April 2024"


# --- small counts in running text -----------------------------------------------------------------------------------


def figure(value, unit=Unit.ITEMS, **more) -> Figure:
    return Figure.model_validate({"id": "f", "unit": unit, "value": value, "label": {"vi": "x", "en": "x"}, **more})


def test_english_running_text_spells_out_a_whole_count_under_ten():
    assert [format_in_text(figure(n), "en") for n in (0, 1, 3, 9, 10, 156)] == [
        "zero",
        "one",
        "three",
        "nine",
        "10",
        "156",
    ]
    assert format_in_text(figure(3, qualifier="nearly"), "en") == "nearly three"
    assert format_in_text(figure(3, Unit.PERCENT), "en") == "3%"
    assert format_in_text(figure(3.5, Unit.PERCENT, decimals=1), "en") == "3.5%"
    assert format_in_text(figure(3, Unit.VND), "en") == "VND 3"


def test_vietnamese_and_tables_keep_numerals():
    assert format_in_text(figure(3), "vi") == "3"
    assert format_figure(figure(3), "en") == "3"


# --- one name for the archive ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_home_heading_is_the_records_title(lang):
    lines = (ROOT / "docs" / lang / "index.md").read_text(encoding="utf-8").splitlines()
    heading = next(line for line in lines if line.startswith("# "))  # after the front matter
    assert re.sub(r"^# | \{ #home \}$", "", heading) == RECORD.term.title[lang]


def test_the_archive_is_named_after_the_source_title_in_each_language():
    assert RECORD.term.title.vi == RECORD.term.source.title.vi
    assert RECORD.term.title.en == RECORD.term.source.title.en
