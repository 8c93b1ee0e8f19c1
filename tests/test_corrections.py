"""The corrections target of mkdocs.yml: checked with a clear message, and filled per page and per figure with a
title that names what is wrong and a body that links it, percent-encoded (Vietnamese letters, &, #, spaces)."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tayho.corrections import CorrectionsError, CorrectionTarget, report_links
from tayho.views import FigureView

from .commands import tayho
from .conftest import FIXTURES, make_project

TRACKER = "https://github.com/owner/repo/issues/new?title={title}&body={body}"


def view(title="Giám sát & phản biện #1", url="https://archive.test/giam-sat/"):
    figure = FigureView(anchor="fig-tasks", aliases=[], display="1.234", label="nội dung", value="1234", check=None,
                        check_matches=True, notes=[], flagged=False)  # fmt: skip
    return {"order": 3, "title": title, "url": url, "figures": [figure]}


def test_a_tracker_address_gets_the_page_title_and_a_body_linking_the_page():
    links = report_links(CorrectionTarget.parse(TRACKER), view(), "vi")
    query = parse_qs(urlsplit(links["page"]).query)
    assert query["title"] == ["Đính chính: 3. Giám sát & phản biện #1"]
    assert query["body"][0].startswith("Trang: https://archive.test/giam-sat/\n")
    assert urlsplit(links["page"]).fragment == ""  # the '#' of the title is encoded, not a fragment


def test_each_figure_gets_its_own_report_naming_it_and_linking_its_anchor():
    links = report_links(CorrectionTarget.parse(TRACKER), view(), "en")
    query = parse_qs(urlsplit(links["figures"]["fig-tasks"]).query)
    assert query["title"] == ["Correction: 3. Giám sát & phản biện #1 — 1.234 (nội dung)"]
    assert "https://archive.test/giam-sat/#fig-tasks" in query["body"][0]


def test_a_mailto_address_gets_a_subject_and_a_body():
    href = report_links(CorrectionTarget.parse("mailto:editors@archive.test"), view(), "en")["page"]
    assert href.startswith("mailto:editors@archive.test?subject=Correction%3A%203.%20")
    assert parse_qs(urlsplit(href).query)["body"][0].startswith("Page: https://archive.test/giam-sat/")


def test_no_target_no_links():
    assert report_links(None, view(), "en") == {}


@pytest.mark.parametrize(
    "setting,phrase",
    [
        ("http://tracker.test/new?title={title}", "must be an https:// address"),
        ("javascript:alert(1)", "must be an https:// address"),
        ("tracker.test/new", "must be an https:// address"),
        ("mailto:", "names no e-mail address"),
        ("https://tracker.test/new?t={titel}", "unknown placeholder(s) titel"),
        ("https://tracker.test/new?t={title", "unbalanced brace"),
        ('https://tracker.test/new?t="x"', "holds a space or a quote"),
    ],
)
def test_a_corrections_setting_that_cannot_work_is_refused_with_what_to_write(setting, phrase):
    with pytest.raises(CorrectionsError) as caught:
        CorrectionTarget.parse(setting)
    assert phrase in str(caught.value)


def test_tayho_check_reports_a_bad_corrections_setting_in_mkdocs_yml(tmp_path):
    project = make_project(tmp_path, FIXTURES / "minimal" / "data")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      corrections: " in text
    config.write_text(text.replace("      corrections: ", '      corrections: "http://x.test/{nope}" #', 1))
    result = tayho("check", "--root", str(project))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "mkdocs.yml, plugins → tayho → corrections: the corrections address" in result.stderr


@pytest.mark.build
@pytest.mark.parametrize("prefix,lang", [("", "vi"), ("en/", "en")])
def test_each_highlight_page_links_a_report_for_itself_and_for_each_of_its_figures(real_site, prefix, lang):
    from tayho.i18n import words

    from .html import page
    from .test_build_real import RECORD

    text = words(lang)
    for highlight in RECORD.highlights:
        source = page(real_site, f"{prefix}{highlight.id}/").read_text(encoding="utf-8")
        links = re.findall(r'<a (?:class="tayho-report" )?href="([^"]+)" rel="nofollow"', source)
        reports = [html.unescape(href) for href in links]
        assert len(reports) == 1 + len(highlight.figures)
        titles = [parse_qs(urlsplit(report).query)["title"][0] for report in reports]
        assert titles[0] == text.correction_title.format(what=f"{highlight.order}. {highlight.title[lang]}")
        for figure, title in zip(highlight.figures, titles[1:], strict=True):
            assert title.startswith(titles[0]) and figure.label[lang] in title
        assert f">{text.correction_link}</a>" in source
