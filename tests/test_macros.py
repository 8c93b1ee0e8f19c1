"""Golden HTML for each macro file, rendered from the fixture record: review changes as diffs.

Rewrite the golden files with: .venv/bin/python -m pytest tests/test_macros.py --update-golden
"""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import UndefinedError

from tayho import views
from tayho.load import load_record
from tayho.render import call_macro, make_environment

from .conftest import FIXTURES, ROOT

GOLDEN = Path(__file__).resolve().parent / "golden"
RECORD = load_record(FIXTURES / "minimal" / "data" / "achievements.yaml", FIXTURES / "minimal")
ENV = make_environment(ROOT / "overrides" / "fragments")

CASES = {
    "highlight-page": ("highlight.html", "page", lambda lang: views.highlight_view(RECORD, RECORD.highlights[0], lang)),
    "home-term": ("home.html", "term", lambda lang: views.term_view(RECORD, lang)),
    "home-cards": ("home.html", "cards", lambda lang: views.highlight_cards(RECORD, lang, "")),
    "about-source": ("about.html", "source", lambda lang: views.about_view(RECORD, lang, "about/", "Bài <mẫu>")),
    "about-omitted": ("about.html", "omitted", lambda lang: views.about_view(RECORD, lang, "about/", "")),
    "about-notes": ("about.html", "notes", lambda lang: views.about_view(RECORD, lang, "about/", "")),
    "about-verbatim": ("about.html", "verbatim", lambda lang: views.about_view(RECORD, lang, "about/", "Bài <mẫu> & co")),
}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_macro_output_matches_golden(case, lang, update_golden):
    template, macro, make_view = CASES[case]
    html = str(call_macro(ENV, template, macro, make_view(lang))) + "\n"
    golden = GOLDEN / f"{case}.{lang}.html"
    if update_golden:
        golden.write_text(html, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden.name}; run pytest --update-golden and review it"
    assert html == golden.read_text(encoding="utf-8")


def test_data_text_is_escaped():
    html = str(call_macro(ENV, "about.html", "verbatim", views.about_view(RECORD, "en", "about/", "<script>x</script>")))
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html


def test_a_misspelt_name_in_a_template_fails_instead_of_printing_nothing():
    with pytest.raises(UndefinedError):
        call_macro(ENV, "home.html", "term", {"words": {}})
