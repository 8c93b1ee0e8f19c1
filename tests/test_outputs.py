"""What the built site tells crawlers, feed readers and data users, checked on the fixture site."""

from __future__ import annotations

import csv
import gzip
import io
import json
import xml.etree.ElementTree as ElementTree

import pytest

from tayho.load import load_record

from .conftest import FIXTURES
from .html import facts, page

SITE = "https://tayho-archive.github.io/"
RECORD = load_record(FIXTURES / "minimal" / "data" / "achievements.yaml", FIXTURES / "minimal")
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def head_tags(path):
    """(tag, attributes) of every <link> and <meta> of a page, and its JSON-LD objects."""
    text = path.read_text(encoding="utf-8")
    head = text[: text.index("</head>")]
    tags = []
    import html.parser

    class Collector(html.parser.HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag in ("link", "meta"):
                tags.append((tag, dict(attrs)))

    Collector().feed(head)
    scripts = head.split('<script type="application/ld+json">')[1:]
    return tags, [json.loads(script.split("</script>")[0]) for script in scripts]


@pytest.mark.parametrize("prefix,lang,locale", [("", "vi", "vi_VN"), ("en/", "en", "en_US")])
def test_canonical_link_and_open_graph(minimal_site, prefix, lang, locale):
    tags, _ = head_tags(page(minimal_site, prefix + "supervision/"))
    links = {(a.get("rel"), a.get("hreflang")): a["href"] for tag, a in tags if tag == "link"}
    assert links[("canonical", None)] == f"{SITE}{prefix}supervision/"
    # The other languages are declared in sitemap.xml (tested below): Material fetches sitemap.xml beside every
    # <link rel="alternate">, and a page's folder has none, so each such link cost two 404s per page view.
    assert [key for key in links if key[0] == "alternate" and key[1] is not None] == []
    og = {a["property"]: a["content"] for tag, a in tags if tag == "meta" and "property" in a}
    assert og["og:url"] == f"{SITE}{prefix}supervision/"
    assert og["og:type"] == "article" and og["og:locale"] == locale
    assert og["og:title"] == f"1. {RECORD.highlight('supervision').title[lang]}"
    assert og["og:description"] and og["og:site_name"]
    assert og["og:locale:alternate"] == ("en_US" if lang == "vi" else "vi_VN")


def test_json_ld_describes_the_term_its_highlights_translation_source_and_dataset(minimal_site):
    _, (report,) = head_tags(page(minimal_site, ""))
    assert report["@type"] == "Report" and report["inLanguage"] == "vi"
    assert report["temporalCoverage"] == "2019/2024"
    assert report["publisher"]["@type"] == "GovernmentOrganization"
    assert [part["url"] for part in report["hasPart"]] == [f"{SITE}supervision/", f"{SITE}congress/"]
    assert report["workTranslation"]["@id"] == f"{SITE}en/#record"
    assert report["isBasedOn"]["name"] == RECORD.term.source.title.vi
    downloads = [d["contentUrl"] for d in report["subjectOf"]["distribution"]]
    assert f"{SITE}data/figures.csv" in downloads
    _, (english,) = head_tags(page(minimal_site, "en/"))
    assert english["translationOfWork"]["@id"] == f"{SITE}#record"
    _, (part,) = head_tags(page(minimal_site, "en/supervision/"))
    assert part["isPartOf"]["@id"] == f"{SITE}en/#record" and part["dateModified"] == "2024-06-01"


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_sitemap_index_names_the_sitemap_of_the_pages(minimal_site, prefix):
    index = ElementTree.fromstring((minimal_site / prefix / "sitemap.xml").read_bytes())
    assert index.tag == f"{SITEMAP}sitemapindex"
    assert [entry.find(f"{SITEMAP}loc").text for entry in index] == [f"{SITE}{prefix}sitemap-pages.xml"]
    assert (minimal_site / prefix / "sitemap-pages.xml").is_file()


def test_sitemap_lists_both_languages_with_alternates_and_robots_points_to_it(minimal_site):
    root = ElementTree.fromstring((minimal_site / "sitemap-pages.xml").read_bytes())
    urls = {url.find(f"{SITEMAP}loc").text: url for url in root}
    assert f"{SITE}supervision/" in urls and f"{SITE}en/supervision/" in urls
    alternates = {link.get("hreflang"): link.get("href") for link in urls[f"{SITE}en/congress/"].iter(f"{XHTML}link")}
    assert alternates == {"vi": f"{SITE}congress/", "en": f"{SITE}en/congress/", "x-default": f"{SITE}congress/"}
    pages = minimal_site / "sitemap-pages.xml"
    assert gzip.decompress(pages.with_name(pages.name + ".gz").read_bytes()) == pages.read_bytes()
    assert f"Sitemap: {SITE}sitemap.xml" in (minimal_site / "robots.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix,lang", [("", "vi"), ("en/", "en")])
def test_atom_feed_per_language_from_the_change_history(minimal_site, prefix, lang):
    feed = ElementTree.fromstring((minimal_site / prefix / "feed.xml").read_bytes())
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.find(f"{ATOM}title").text for entry in entries] == [c.text[lang] for c in reversed(RECORD.changes)]
    assert feed.find(f"{ATOM}updated").text == "2024-06-01T00:00:00Z"


def test_open_data_json_csv_and_datapackage(minimal_site):
    data = minimal_site / "data"
    record = json.loads((data / "record.json").read_bytes())
    assert record["highlights"][0]["figures"][4]["value"] == 31
    rows = list(csv.DictReader(io.StringIO((data / "figures.csv").read_text(encoding="utf-8"))))
    assert [row["id"] for row in rows] == [figure.id for figure in RECORD.figures()]
    share = next(row for row in rows if row["id"] == "tasks-rest-share")
    assert (share["count"], share["total"], share["stated_share"], share["recomputed_share"]) == ("3", "10", "31", "30")
    assert share["editorial_note_en"] == "3/10 is 30%; the source says 31%."
    package = json.loads((data / "datapackage.json").read_bytes())
    figures = next(resource for resource in package["resources"] if resource["name"] == "figures")
    assert [field["name"] for field in figures["schema"]["fields"]] == list(rows[0].keys())
    assert package["licenses"] and package["sources"]
    per_highlight = list(csv.DictReader(io.StringIO((data / "figures" / "congress.csv").read_text(encoding="utf-8"))))
    assert [row["id"] for row in per_highlight] == ["delegates", "fund"]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_highlight_page_links_its_downloads_and_shows_last_update_and_citation(minimal_site, prefix):
    facts_ = facts(page(minimal_site, prefix + "supervision/"))
    hrefs = [link.get("href") for link in facts_.links]
    target = "../../data/figures/supervision.csv" if prefix else "../data/figures/supervision.csv"
    assert target in hrefs
    assert (page(minimal_site, prefix + "supervision/").parent / target).resolve().is_file()
    text = facts_.text
    assert ("01-06-2024" if not prefix else "1 June 2024") in text
    assert f"{SITE}{prefix}supervision/#supervision" in text
    assert "@misc{tayho-2019-2024-supervision-" in text


def test_about_page_links_all_downloads(minimal_site):
    for prefix in ("", "en/"):
        about = page(minimal_site, prefix + "about/")
        hrefs = [link.get("href") for link in facts(about).links if link.get("href", "").endswith((".json", ".csv"))]
        assert len(hrefs) == 3 and all((about.parent / href).resolve().is_file() for href in hrefs)


def test_footer_shows_the_record_version_and_links_the_change_history(minimal_site):
    footer = facts(page(minimal_site, "en/supervision/"))
    assert "Record version unknown (built outside git)" in footer.text  # the fixture project is not a git checkout
    assert "../changes/" in [link.get("href") for link in footer.links]
