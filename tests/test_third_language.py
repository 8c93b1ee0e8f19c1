"""A site in a third language (French), built from the language registry with no code of its own: a short
record with French texts, French prose pages and `languages: [vi, en, fr]` in mkdocs.yml. Its pages, switcher,
sitemaps, metadata and search come out in French, and the other two languages link to it."""

from __future__ import annotations

import json
import posixpath
import shutil
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from .conftest import FIXTURES, Served, make_project, served_build
from .html import facts, page
from .serving import search_results

TRILINGUAL = FIXTURES / "trilingual"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
PREFIX = {"vi": "", "en": "en/", "fr": "fr/"}

pytestmark = [pytest.mark.build]


@pytest.fixture(scope="module")
def trilingual(tmp_path_factory) -> Iterator[Served]:
    project = make_project(tmp_path_factory.mktemp("trilingual"), TRILINGUAL / "data")
    shutil.copytree(TRILINGUAL / "docs" / "fr", project / "docs" / "fr")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("languages: [vi, en]", "languages: [vi, en, fr]"))
    yield from served_build(project, project / "site")


def test_each_language_has_its_pages_in_its_own_words(trilingual):
    site = trilingual.site
    french = facts(page(site, "fr/supervision/"))
    assert french.lang == "fr"
    assert "1. Surveillance" in french.text and "Chiffres" in french.text and "Notes de la rédaction" in french.text
    assert ("29004000000", "plus de 29,004 milliards de VND") in facts(page(site, "fr/congress/")).data_values
    assert facts(page(site, "fr/")).lang == "fr" and facts(site / "fr" / "404.html").lang == "fr"
    assert "Page introuvable" in facts(site / "fr" / "404.html").text
    assert facts(page(site, "en/supervision/")).lang == "en"


@pytest.mark.parametrize("here", ["", "en/", "fr/"])
def test_the_switcher_leads_to_the_same_page_in_every_language(trilingual, here):
    links = facts(page(trilingual.site, here + "supervision/")).links
    switch = {link["hreflang"]: link["href"] for link in links if "md-select__link" in link.get("class", "")}
    assert set(switch) == {"vi", "en", "fr"}
    for lang, href in switch.items():
        resolved = posixpath.normpath(posixpath.join(here + "supervision/", href))
        assert resolved == posixpath.normpath(PREFIX[lang] + "supervision/")


def test_the_sitemaps_list_each_language_and_its_alternates(trilingual):
    site, base = trilingual.site, trilingual.base
    index = ElementTree.fromstring((site / "sitemap.xml").read_bytes())
    assert [loc.text for loc in index.iter(f"{SITEMAP}loc")] == [f"{base}{p}sitemap-pages.xml" for p in PREFIX.values()]
    french = ElementTree.fromstring((site / "fr" / "sitemap-pages.xml").read_bytes())
    urls = {url.find(f"{SITEMAP}loc").text: url for url in french}
    assert all(loc.startswith(base + "fr/") for loc in urls)
    alternates = {link.get("hreflang"): link.get("href") for link in urls[f"{base}fr/congress/"].iter(f"{XHTML}link")}
    assert alternates == {
        "vi": f"{base}congress/",
        "en": f"{base}en/congress/",
        "fr": f"{base}fr/congress/",
        "x-default": f"{base}congress/",
    }


def test_metadata_and_open_data_know_the_third_language(trilingual):
    site = trilingual.site
    head = (page(site, "fr/supervision/")).read_text(encoding="utf-8")
    assert '<meta property="og:locale" content="fr_FR">' in head
    home = page(site, "").read_text(encoding="utf-8")
    graph = json.loads(home.split('<script type="application/ld+json">')[1].split("</script>")[0])["@graph"]
    (report,) = [node for node in graph if node["@type"] == "Report"]
    assert {work["inLanguage"] for work in report["workTranslation"]} == {"en", "fr"}
    header = (site / "data" / "figures.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert {"label_vi", "label_en", "label_fr", "editorial_note_fr"} <= set(header)
    bibtex = facts(page(site, "fr/supervision/")).text
    assert "language = {french}" in bibtex


@pytest.mark.browser
def test_search_in_french_finds_french_pages_only(trilingual, browser):
    tab = browser.new_page()
    tab.set_default_timeout(15_000)
    tab.goto(trilingual.base + "fr/")
    results = [urlsplit(link).path for link in search_results(tab, "surveillance")]
    tab.close()
    assert results[0] == "/fr/supervision/" and all(path.startswith("/fr/") for path in results)
