"""The sidebar's list of highlights (tayho/navigation.py): flat for the real record, nested in numbered groups for a
long one, where each page carries only the groups on its own path (Material's navigation.prune)."""

from __future__ import annotations

import re
import shutil

import pytest

from bench.synth import write_synthetic
from tayho.load import load_record
from tayho.navigation import grouped_highlights, nav_pages

from .conftest import EMPTY_LOCK, ROOT, build, make_project

REAL = load_record(ROOT / "data" / "achievements.yaml", ROOT)
NAV_LINK = re.compile(r'<a href="([^"#]*)" class="md-nav__link[^"]*"')


def _entries(count: int) -> list[tuple[int, str]]:
    return [(number, f"h{number}.md") for number in range(1, count + 1)]


def _labels(items) -> list[str]:
    return [next(iter(item)) for item in items if isinstance(item, dict)]


def test_up_to_ten_highlights_are_listed_flat():
    assert grouped_highlights(_entries(10), "vi") == [f"h{n}.md" for n in range(1, 11)]


def test_more_than_ten_are_grouped_by_tens_and_keep_their_order():
    groups = grouped_highlights(_entries(25), "en")
    assert _labels(groups) == ["1–10", "11–20", "21–25"]
    assert nav_pages(groups) == [f"h{n}.md" for n in range(1, 26)]


@pytest.mark.parametrize(
    "lang,labels",
    [("vi", ["1–1.000", "1.001–2.000", "2.001–2.500"]), ("en", ["1–1,000", "1,001–2,000", "2,001–2,500"])],
)
def test_levels_grow_by_powers_of_ten_and_numbers_are_written_per_language(lang, labels):
    groups = grouped_highlights(_entries(2500), lang)
    assert _labels(groups) == labels
    hundreds = next(iter(groups[0].values()))
    assert len(hundreds) == 10 and _labels(hundreds)[:2] == ["1–100", "101–200"]
    tens = next(iter(hundreds[0].values()))
    assert len(tens) == 10 and tens[0] == {"1–10": [f"h{n}.md" for n in range(1, 11)]}
    assert nav_pages(groups) == [f"h{n}.md" for n in range(1, 2501)]


def _nav_links(page_html: str, page_id: str) -> set[str]:
    """The pages the sidebar links to, by folder name ("./", the page itself, as `page_id`)."""
    sidebar = page_html.split('<nav class="md-nav md-nav--primary"', 1)[1].split('<div class="md-content"', 1)[0]
    return {link.strip("./") or page_id for link in NAV_LINK.findall(sidebar)}


@pytest.fixture(scope="module")
def long_site(tmp_path_factory):
    """A synthetic record of 25 highlights (bench/synth.py), built by the archive."""
    project = make_project(tmp_path_factory.mktemp("long"), ROOT / "data")
    write_synthetic(ROOT / "data" / "achievements.yaml", 25, project / "data" / "achievements.yaml")
    (project / "permalinks.lock").write_text(EMPTY_LOCK, encoding="utf-8")  # a new site: nothing published
    build(project)
    yield project / "site"
    shutil.rmtree(project / "site", ignore_errors=True)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_page_of_a_long_record_lists_its_own_group_and_one_link_per_other_group(long_site, prefix):
    record_ids = {n: f"{h}-n{n}" for n, h in ((n, _real_id(n)) for n in range(1, 26))}
    page_html = (long_site / prefix / record_ids[13] / "index.html").read_text(encoding="utf-8")
    links = _nav_links(page_html, record_ids[13])
    listed = {n for n, highlight in record_ids.items() if highlight in links}
    assert listed == {1, *range(11, 21), 21}  # its group whole; the others by their first page
    for label in ("1–10", "11–20", "21–25"):
        assert label in page_html


def _real_id(number: int) -> str:
    return REAL.highlights[(number - 1) % len(REAL.highlights)].id


def test_the_real_record_lists_all_ten_highlights_on_every_highlight_page(real_site):
    ids = {h.id for h in REAL.highlights}
    for highlight in ids:
        links = _nav_links((real_site / highlight / "index.html").read_text("utf-8"), highlight)
        assert ids <= links, highlight
