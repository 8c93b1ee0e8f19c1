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

RECORD = load_record(FIXTURES / "minimal" / "data" / "achievements.yaml", FIXTURES / "minimal")
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture
def site_url(minimal_served) -> str:
    """The address the fixture site was built for (and is served at)."""
    return minimal_served.base


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


@pytest.mark.parametrize("prefix,lang,locale", [("", "vi", "vi_VN"), ("en/", "en", "en_GB")])
def test_canonical_link_and_open_graph(minimal_site, site_url, prefix, lang, locale):
    tags, _ = head_tags(page(minimal_site, prefix + "supervision/"))
    links = {(a.get("rel"), a.get("hreflang")): a["href"] for tag, a in tags if tag == "link"}
    assert links[("canonical", None)] == f"{site_url}{prefix}supervision/"
    # The other languages are declared in sitemap.xml (tested below): Material fetches sitemap.xml beside every
    # <link rel="alternate">, and a page's folder has none, so each such link cost two 404s per page view.
    assert [key for key in links if key[0] == "alternate" and key[1] is not None] == []
    og = {a["property"]: a["content"] for tag, a in tags if tag == "meta" and "property" in a}
    assert og["og:url"] == f"{site_url}{prefix}supervision/"
    assert og["og:type"] == "article" and og["og:locale"] == locale
    assert og["og:title"] == f"1. {RECORD.highlight('supervision').title[lang]}"
    assert og["og:description"] and og["og:site_name"]
    assert og["og:locale:alternate"] == ("en_GB" if lang == "vi" else "vi_VN")


def graph_of(path) -> dict[str, dict]:
    """The top-level nodes of a page's JSON-LD graph, by type."""
    _, (document,) = head_tags(path)
    assert document["@context"] == "https://schema.org"
    return {node["@type"]: node for node in document["@graph"]}


def test_json_ld_describes_the_term_its_highlights_translation_source_and_dataset(minimal_site, site_url):
    home = graph_of(page(minimal_site, ""))
    report = home["Report"]
    assert home["WebPage"]["mainEntity"] == {"@id": report["@id"]} and report["inLanguage"] == "vi"
    assert report["temporalCoverage"] == "2019/2024"
    assert report["editor"]["name"] == "Nhóm biên tập hồ sơ nhiệm kỳ Tây Hồ"
    assert "publisher" not in report and "author" not in report  # the archived copy names neither
    assert [part["url"] for part in report["hasPart"]] == [f"{site_url}supervision/", f"{site_url}congress/"]
    assert [work["@id"] for work in report["workTranslation"]] == [f"{site_url}en/#record"]
    assert report["isBasedOn"]["name"] == RECORD.term.source.title.vi and "datePublished" not in report["isBasedOn"]
    english = graph_of(page(minimal_site, "en/"))["Report"]
    assert english["translationOfWork"]["@id"] == f"{site_url}#record"
    assert english["translator"]["name"] == "Tây Hồ term archive editors" and english["license"]
    part = graph_of(page(minimal_site, "en/supervision/"))["Article"]
    assert part["@id"] == f"{site_url}en/supervision/#supervision" and part["headline"] == "1. Supervision"
    assert part["isPartOf"]["@id"] == f"{site_url}en/#record" and part["dateModified"] == "2024-06-01"
    assert part["translationOfWork"]["@id"] == f"{site_url}supervision/#supervision"
    dataset = graph_of(page(minimal_site, "en/about/"))["Dataset"]
    assert dataset["@id"] == graph_of(page(minimal_site, "about/"))["Dataset"]["@id"] == f"{site_url}about/#downloads"
    assert f"{site_url}data/figures.csv" in [d["contentUrl"] for d in dataset["distribution"]]


@pytest.mark.parametrize(
    "path,kind,crumbs",
    [
        ("", "WebPage", ["Trang chủ"]),
        ("timeline/", "CollectionPage", ["Trang chủ", "Dòng thời gian"]),
        ("en/places/", "CollectionPage", ["Home", "Places"]),
        ("en/about/", "AboutPage", ["Home", "About this record"]),
        ("en/print/", "WebPage", ["Home", "Printable record"]),
        ("congress/", "WebPage", ["Trang chủ", "2. Đại hội"]),
    ],
)
def test_every_page_has_its_type_and_breadcrumbs(minimal_site, site_url, path, kind, crumbs):
    graph = graph_of(page(minimal_site, path))
    assert graph[kind]["@id"] == graph[kind]["url"] == site_url + path
    trail = graph["BreadcrumbList"]["itemListElement"]
    assert [item["name"] for item in trail] == crumbs and [item["position"] for item in trail] == [1, 2][: len(crumbs)]
    assert trail[-1]["item"] == site_url + path and graph[kind]["breadcrumb"]["@id"] == graph["BreadcrumbList"]["@id"]


@pytest.mark.parametrize("prefix,named", [("", ["", "en/"]), ("en/", ["en/"])])
def test_sitemap_index_names_the_sitemaps_of_the_pages_in_its_scope(minimal_site, site_url, prefix, named):
    index_file = minimal_site / prefix / "sitemap.xml"
    index = ElementTree.fromstring(index_file.read_bytes())
    assert index.tag == f"{SITEMAP}sitemapindex"
    assert [entry.find(f"{SITEMAP}loc").text for entry in index] == [f"{site_url}{n}sitemap-pages.xml" for n in named]
    assert gzip.decompress(index_file.with_name("sitemap.xml.gz").read_bytes()) == index_file.read_bytes()
    assert (minimal_site / prefix / "sitemap-pages.xml").is_file()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_each_language_sitemap_lists_only_its_own_pages_with_alternates(minimal_site, site_url, prefix):
    pages = minimal_site / prefix / "sitemap-pages.xml"
    urls = {url.find(f"{SITEMAP}loc").text: url for url in ElementTree.fromstring(pages.read_bytes())}
    assert f"{site_url}{prefix}supervision/" in urls and f"{site_url}{prefix}congress/" in urls
    in_scope = [url for url in urls if url.startswith(site_url + prefix)]
    assert in_scope == list(urls) and not any(url.startswith(f"{site_url}en/") for url in urls if not prefix)
    alternates = {
        link.get("hreflang"): link.get("href") for link in urls[f"{site_url}{prefix}congress/"].iter(f"{XHTML}link")
    }
    assert alternates == {
        "vi": f"{site_url}congress/",
        "en": f"{site_url}en/congress/",
        "x-default": f"{site_url}congress/",
    }
    assert gzip.decompress(pages.with_name(pages.name + ".gz").read_bytes()) == pages.read_bytes()


def test_robots_points_to_the_sitemap_index(minimal_site, site_url):
    assert f"Sitemap: {site_url}sitemap.xml" in (minimal_site / "robots.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix,lang", [("", "vi"), ("en/", "en")])
def test_atom_feed_per_language_from_the_change_history(minimal_site, site_url, prefix, lang):
    feed = ElementTree.fromstring((minimal_site / prefix / "feed.xml").read_bytes())
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.find(f"{ATOM}title").text for entry in entries] == [c.text[lang] for c in reversed(RECORD.changes)]
    assert feed.find(f"{ATOM}updated").text == "2024-06-01T00:00:00Z"
    links = [{link.get("rel"): link.get("href") for link in entry.findall(f"{ATOM}link")} for entry in entries]
    # the newest change touched the supervision page: its entry is the change, the page a related link
    assert links == [
        {"alternate": f"{site_url}{prefix}changes/#change-2", "related": f"{site_url}{prefix}supervision/"},
        {"alternate": f"{site_url}{prefix}changes/#change-1"},
    ]


@pytest.mark.parametrize("prefix,lang", [("", "vi"), ("en/", "en")])
def test_each_highlight_has_a_feed_of_the_changes_that_concern_it(minimal_site, site_url, prefix, lang):
    """The newest change names the supervision page: its feed holds it and the record-wide first change; the
    congress page's feed holds only the record-wide change."""

    def entries(highlight_id):
        feed = ElementTree.fromstring((minimal_site / prefix / highlight_id / "feed.xml").read_bytes())
        self_link = next(link for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self")
        assert self_link.get("href") == f"{site_url}{prefix}{highlight_id}/feed.xml"
        assert feed.find(f"{ATOM}title").text.startswith(f"{RECORD.highlight(highlight_id).order}. ")
        return [entry.find(f"{ATOM}id").text for entry in feed.findall(f"{ATOM}entry")], feed.find(
            f"{ATOM}updated"
        ).text

    assert entries("supervision") == (
        [f"{site_url}{prefix}changes/#change-2", f"{site_url}{prefix}changes/#change-1"],
        "2024-06-01T00:00:00Z",
    )
    congress, updated = entries("congress")
    assert congress == [f"{site_url}{prefix}changes/#change-1"]
    assert updated == f"{RECORD.changes[0].date.isoformat()}T00:00:00Z"


def test_a_highlight_page_announces_only_its_own_feed_and_other_pages_the_record_feed(minimal_site):
    links = [link for link in facts(minimal_site / "en" / "supervision" / "index.html").head_links]
    feeds = [link for link in links if link.get("type") == "application/atom+xml"]
    assert [link["href"] for link in feeds] == ["feed.xml"]
    assert feeds[0]["title"] == "Atom feed: 1. Supervision"
    home = [
        link
        for link in facts(minimal_site / "en" / "index.html").head_links
        if link.get("type") == "application/atom+xml"
    ]
    assert [link["href"] for link in home] == ["feed.xml"]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_folder_with_an_announced_feed_has_a_sitemap_of_its_page(minimal_site, site_url, prefix):
    """Material's script downloads the sitemap.xml beside each <link rel="alternate"> of a page; a highlight's
    folder holds one naming its page and the page's other languages, and nothing outside the folder."""
    for highlight in RECORD.highlights:
        folder = f"{site_url}{prefix}{highlight.id}/"
        urls = ElementTree.fromstring((minimal_site / prefix / highlight.id / "sitemap.xml").read_bytes())
        assert [url.find(f"{SITEMAP}loc").text for url in urls] == [folder]
        assert {link.get("hreflang") for link in urls.iter(f"{XHTML}link")} == {"vi", "en", "x-default"}


def test_open_data_json_csv_and_datapackage(minimal_site, site_url):
    data = minimal_site / "data"
    record = json.loads((data / "record.json").read_bytes())
    assert record["highlights"][0]["figures"][4]["value"] == 31
    rows = list(csv.DictReader(io.StringIO((data / "figures.csv").read_text(encoding="utf-8"))))
    assert [row["id"] for row in rows] == [figure.id for figure in RECORD.figures()]
    share = next(row for row in rows if row["id"] == "tasks-rest-share")
    assert (share["count"], share["total"], share["stated_share"], share["recomputed_share"]) == ("3", "10", "31", "30")
    assert share["editorial_note_en"] == "3/10 is 30%; the source says 31%."
    assert next(row for row in rows if row["id"] == "fund")["value"] == "29004000000"  # whole đồng, not "….000"
    package = json.loads((data / "datapackage.json").read_bytes())
    schema = json.loads((data / "figures.schema.json").read_bytes())
    assert [field["name"] for field in schema["fields"]] == list(rows[0].keys())
    tables = {resource["path"]: resource for resource in package["resources"] if resource.get("type") == "table"}
    assert set(tables) == {"figures.csv", "figures/supervision.csv", "figures/congress.csv"}
    assert package["licenses"] and package["id"] == f"{site_url}data/datapackage.json"
    (source,) = package["sources"]
    assert (data / source["path"]).read_bytes() == (FIXTURES / "minimal" / RECORD.term.source.file).read_bytes()
    per_highlight = list(csv.DictReader(io.StringIO((data / "figures" / "congress.csv").read_text(encoding="utf-8"))))
    assert [row["id"] for row in per_highlight] == ["delegates", "fund"]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_highlight_page_links_its_downloads_and_shows_last_update_and_citation(minimal_site, site_url, prefix):
    facts_ = facts(page(minimal_site, prefix + "supervision/"))
    hrefs = [link.get("href") for link in facts_.links]
    target = "../../data/figures/supervision.csv" if prefix else "../data/figures/supervision.csv"
    assert target in hrefs
    assert (page(minimal_site, prefix + "supervision/").parent / target).resolve().is_file()
    text = facts_.text
    assert ("1/6/2024" if not prefix else "1 June 2024") in text
    assert f"{site_url}{prefix}supervision/#supervision" in text
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
