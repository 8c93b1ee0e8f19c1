"""Property-based tests (hypothesis): formatting round-trips, escaping holds, and valid records load and render."""

from __future__ import annotations

import datetime as dt
import html
import unicodedata
from decimal import Decimal

import yaml
from babel.numbers import parse_decimal
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tayho import home as home_views
from tayho import urls, views
from tayho.languages import SiteLanguages
from tayho.model import Record
from tayho.numbers import format_number
from tayho.render import call_macro, make_environment
from tayho.text_rules import REFUSED_CATEGORIES, text_problem
from tayho.version import RecordVersion

from .conftest import FIXTURES, ROOT

ENV = make_environment(ROOT / "tayho" / "theme" / "fragments")
FIXTURE = yaml.safe_load((FIXTURES / "minimal" / "data" / "achievements.yaml").read_text(encoding="utf-8"))


def plain_text() -> st.SearchStrategy[str]:
    """Any text the model accepts: one line of NFC text with no control characters, not blank."""
    letters = st.characters(blacklist_categories=tuple(REFUSED_CATEGORIES))
    return (
        st.text(letters, min_size=1, max_size=80)
        .map(lambda text: unicodedata.normalize("NFC", text).strip())
        .filter(lambda text: text_problem(text) is None and "{fig:" not in text)
    )


@given(
    value=st.decimals(min_value=0, max_value=Decimal("1e12"), allow_nan=False, allow_infinity=False, places=3),
    decimals=st.integers(min_value=0, max_value=3),
    lang=st.sampled_from(["vi", "en"]),
)
def test_numbers_parse_back_to_the_same_value(value, decimals, lang):
    quantized = value.quantize(Decimal(1).scaleb(-decimals))
    text = format_number(quantized, decimals, lang)
    assert parse_decimal(text, locale=lang, strict=True) == quantized


@given(text=plain_text())
def test_any_text_is_escaped_and_shown_literally(text):
    rendered = str(call_macro(ENV, "common.html", "segments", [views.Segment(text)]))
    assert html.unescape(rendered) == text
    assert "<" not in rendered.replace("&lt;", "") and ">" not in rendered.replace("&gt;", "")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=plain_text(), label=plain_text(), caption=plain_text(), value=st.integers(min_value=0, max_value=10**9))
def test_any_valid_record_loads_and_renders(title, label, caption, value):
    data = yaml.safe_load(yaml.safe_dump(FIXTURE, allow_unicode=True))
    congress = data["highlights"][1]
    congress["title"]["vi"] = title
    congress["figures"][0]["label"]["en"] = label
    congress["figures"][0]["value"] = value
    data["highlights"][0]["photos"][0]["caption"]["en"] = caption
    record = Record.model_validate(data)
    version = RecordVersion("abc", dt.date(2026, 1, 1))
    for lang in ("vi", "en"):
        links = urls.Links(SiteLanguages(), lang, "https://archive.test/")
        page = views.PageContext(links, links.url("congress.md"), version)
        home = views.PageContext(links, links.url(urls.HOME), version)
        out = str(
            call_macro(ENV, "highlight.html", "page", views.highlight_view(record, record.highlights[1], lang, page))
        )
        shown = html.unescape(out)
        assert (title if lang == "vi" else congress["title"]["en"]) in shown
        if lang == "en":
            assert label in shown
        cards = str(call_macro(ENV, "home.html", "cards", home_views.highlight_cards(record, lang, home)))
        assert f'<data value="{value}">{format_number(value, 0, lang)}</data>' in cards
