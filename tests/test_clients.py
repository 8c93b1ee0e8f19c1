"""The real site read by independent clients, in both languages, as its consumers read it: a feed reader
(feedparser), data tools (Frictionless, under Data Package v2 and v1), the Citation File Format's schema (what
`cffconvert --validate` checks), a bibliography processor (pybtex, BibTeX's plain style), a linked-data processor (PyLD
with schema.org's own context, offline) and Google's rules for each structured-data type the pages use."""

from __future__ import annotations

import json
import re
import shutil
import urllib.request
import xml.etree.ElementTree as ElementTree
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import jsonschema
import pytest
import yaml
from frictionless import Package
from pybtex.database import parse_string
from pybtex.plugin import find_plugin

from tayho import opendata
from tayho.i18n import words
from tayho.load import load_record

from .conftest import FIXTURES, ROOT
from .html import facts, page
from .linked_data import expand, nodes, page_json_ld, vocabulary_problems

RECORD = load_record(ROOT / "data" / "achievements.yaml", ROOT)
LANGUAGES = [("", "vi"), ("en/", "en")]
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BIBTEX = re.compile(r'<pre id="cite-bibtex"[^>]*>(.*?)</pre>', re.DOTALL)


def language_pages(site: Path, prefix: str) -> list[Path]:
    """Every page of one language (not the search or asset files, the embeddable charts (test_embeds), nor another
    language's folder)."""
    root = site / prefix
    found = [p for p in root.rglob("index.html") if not {"assets", "search", "embed"} & set(p.relative_to(site).parts)]
    return sorted(p for p in found if prefix or p.relative_to(site).parts[0] != "en")


def local_file(site: Path, base: str, url: str) -> Path:
    """The file of the site that serves an absolute URL of it."""
    assert url.startswith(base), url
    return page(site, urlsplit(url).path.removeprefix("/"))


# --- Atom feeds: feedparser -------------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix,lang", LANGUAGES)
def test_feedparser_reads_each_feed_and_every_entry_links_to_what_it_describes(real_served, prefix, lang):
    site, base = real_served.site, real_served.base
    feed = feedparser.parse((site / prefix / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10" and len(feed.entries) == len(RECORD.changes)
    assert feed.feed.author == words(lang)["editors"] != RECORD.term.body[lang]  # the editors change the record
    for entry in feed.entries:
        assert entry.id and entry.updated_parsed and entry.title and entry.link
        target = urlsplit(entry.link)
        assert entry.link == entry.id and target.fragment  # the change's own entry on the changes page
        assert target.fragment in facts(local_file(site, base, entry.link)).ids
        for link in entry.links:
            assert local_file(site, base, link.href).is_file(), link.href


@pytest.mark.parametrize("prefix,lang", LANGUAGES)
def test_feedparser_finds_and_reads_each_highlight_feed_from_its_page(real_served, prefix, lang):
    site, base = real_served.site, real_served.base
    for highlight in RECORD.highlights:
        page_file = page(site, f"{prefix}{highlight.id}/")
        announced = [link for link in facts(page_file).head_links if link.get("type") == "application/atom+xml"]
        feed_url = urljoin(f"{base}{prefix}{highlight.id}/", announced[0]["href"])
        feed = feedparser.parse(urllib.request.urlopen(feed_url).read())
        assert not feed.bozo, feed.get("bozo_exception")
        assert feed.feed.link == f"{base}{prefix}{highlight.id}/"
        concerning = [c for c in RECORD.changes if not c.highlights or highlight.id in c.highlights]
        assert sorted(entry.title for entry in feed.entries) == sorted(c.text[lang] for c in concerning)


# --- Sitemaps, as a crawler fetches them ------------------------------------------------------------------------


@pytest.mark.parametrize("prefix,lang", LANGUAGES)
def test_every_url_of_each_sitemap_and_its_alternates_is_served(real_served, prefix, lang):
    base = real_served.base
    index = ElementTree.fromstring(urllib.request.urlopen(f"{base}{prefix}sitemap.xml").read())
    for sitemap in index.iter(f"{SITEMAP}loc"):
        urls = ElementTree.fromstring(urllib.request.urlopen(sitemap.text).read())
        for url in urls.iter(f"{SITEMAP}url"):
            loc = url.find(f"{SITEMAP}loc").text
            assert urllib.request.urlopen(loc).status == 200
            alternates = [link.get("href") for link in url.iter("{http://www.w3.org/1999/xhtml}link")]
            assert all(urllib.request.urlopen(href).status == 200 for href in alternates)
    own = ElementTree.fromstring(urllib.request.urlopen(f"{base}{prefix}sitemap-pages.xml").read())
    locs = [loc.text for loc in own.iter(f"{SITEMAP}loc")]
    assert len(locs) == len(language_pages(real_served.site, prefix))
    assert all(loc.startswith(base + prefix) and (prefix or not loc.startswith(base + "en/")) for loc in locs)


# --- The Data Package: Frictionless -----------------------------------------------------------------------------


def _validate(descriptor: Path, version: str):
    """Frictionless validates metadata and data; the standard follows the descriptor's $schema (none: v1)."""
    data = json.loads(descriptor.read_text(encoding="utf-8"))
    if version == "v1":
        data.pop("$schema")
    return Package(data, basepath=str(descriptor.parent)).validate()


@pytest.mark.parametrize("version", ["v2", "v1"])
def test_frictionless_finds_the_data_package_valid_under_both_standards(real_site, version):
    report = _validate(real_site / "data" / opendata.DESCRIPTOR, version)
    assert report.valid, report.flatten(["resource_name", "type", "note"])
    assert report.stats["tasks"] == len(opendata.highlights_with_figures(RECORD)) + 3  # CSVs, record, source


def test_the_data_package_stands_alone(real_site):
    data = real_site / "data"
    package = json.loads((data / opendata.DESCRIPTOR).read_text(encoding="utf-8"))
    assert package["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    declared = {resource["path"] for resource in package["resources"]}
    published = {p.relative_to(data).as_posix() for p in data.rglob("*") if p.is_file()}
    assert published - declared == {opendata.DESCRIPTOR, opendata.FIGURES_SCHEMA}  # every data file is declared
    for source in package["sources"]:
        assert source["path"].startswith("https://") or (data / source["path"]).is_file()
    assert not package["description"].rstrip().endswith(":") and len(package["description"]) > 200
    schema = json.loads((data / opendata.FIGURES_SCHEMA).read_text(encoding="utf-8"))
    assert all(field.get("description") for field in schema["fields"])
    tables = [r for r in package["resources"] if r.get("type") == "table"]
    assert all(r["schema"] == opendata.FIGURES_SCHEMA for r in tables)
    assert not (data / "figures" / "people-to-people-diplomacy.csv").exists()  # no figures, no CSV


def test_frictionless_reports_a_wrong_cell_and_a_changed_source(real_site, tmp_path):
    """Negative control: the same validation fails on a typed cell that is not a number and on an edited source."""
    data = shutil.copytree(real_site / "data", tmp_path / "data")
    figures = data / opendata.FIGURES_CSV
    figures.write_text(figures.read_text(encoding="utf-8").replace(",67,0,", ",sixty-seven,0,", 1), encoding="utf-8")
    source = data / opendata.source_path(RECORD)
    source.write_text(source.read_text(encoding="utf-8") + " ", encoding="utf-8")
    for version in ("v2", "v1"):
        errors = {error[0] for error in _validate(data / opendata.DESCRIPTOR, version).flatten(["type"])}
        assert {"type-error", "hash-count"} <= errors, errors


# --- CITATION.cff: the Citation File Format 1.2.0 schema --------------------------------------------------------

CFF_SCHEMA = json.loads((FIXTURES / "citation-file-format" / "schema-1.2.0.json").read_text(encoding="utf-8"))


class _TimestampsAsText(yaml.SafeLoader):
    """cffconvert reads YAML timestamps as strings, as the schema expects."""


_TimestampsAsText.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def cff_errors(text: str) -> list[str]:
    """What `cffconvert --validate` reports: JSON Schema validation with format checks."""
    validator = jsonschema.Draft7Validator(CFF_SCHEMA, format_checker=jsonschema.FormatChecker())
    return [error.message for error in validator.iter_errors(yaml.load(text, Loader=_TimestampsAsText))]


def test_citation_cff_is_valid_and_says_what_the_site_says(real_site):
    text = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert cff_errors(text) == []
    assert cff_errors(text.replace("authors:\n  - name:", "editors:\n  - name:", 1))  # negative control
    cff = yaml.safe_load(text)
    assert [author["name"] for author in cff["authors"]] == [words("en")["editors"]]
    assert cff["license"] == opendata.LICENCE["name"]
    assert cff["url"] == yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    (source,) = cff["references"]
    assert source["title"] == RECORD.term.source.title.vi and source["authors"] == [{"name": "anonymous"}]
    assert RECORD.term.source.sha256 in source["notes"]
    package = json.loads((real_site / "data" / opendata.DESCRIPTOR).read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == cff["license"]
    assert package["contributors"][0]["title"] == cff["authors"][0]["name"]


# --- BibTeX: pybtex's plain style -------------------------------------------------------------------------------

PLAIN = find_plugin("pybtex.style.formatting", "plain")()
TEXT = find_plugin("pybtex.backends", "text")()


def formatted(bibtex: str) -> tuple[dict, str]:
    """The entry's fields as pybtex reads them, and the reference its plain style prints."""
    (entry,) = parse_string(bibtex, "bibtex").entries.values()
    (reference,) = PLAIN.format_entries([entry])
    fields = {name.lower(): value for name, value in entry.fields.items()}
    fields |= {role.lower(): " and ".join(map(str, people)) for role, people in entry.persons.items()}
    return {name: re.sub(r"[{}]", "", value) for name, value in fields.items()}, reference.text.render(TEXT)


def unprinted(fields: dict, printed: str) -> list[str]:
    return [name for name, value in fields.items() if name != "language" and value not in printed]


def test_pybtex_check_catches_a_field_the_style_drops():
    """Negative control: the former @misc with a booktitle printed the highlight without the record it belongs to."""
    old = "@misc{k,\n  author = {{Ủy ban}},\n  title = {{1. T}},\n  booktitle = {Ten highlights},\n  year = {2024}\n}"
    assert unprinted(*formatted(old)) == ["booktitle"]


@pytest.mark.parametrize("prefix,lang", LANGUAGES)
def test_pybtex_prints_every_field_of_every_highlight_citation(real_site, prefix, lang):
    text = words(lang)
    for highlight in RECORD.highlights:
        html = page(real_site, f"{prefix}{highlight.id}/").read_text(encoding="utf-8")
        (bibtex,) = (unescape(block) for block in BIBTEX.findall(html))
        fields, printed = formatted(bibtex)
        assert unprinted(fields, printed) == [], printed
        assert "author" not in fields and "year" not in fields  # the archived copy gives neither
        assert RECORD.term.source.title.vi in printed and text["editors"] in printed
        assert RECORD.term.body[lang] not in printed  # the Front's Committee is what the record is about
        if lang != "vi":  # the source's own titles, the editors' translation in brackets
            assert f"{highlight.order}. {highlight.title.vi} [{highlight.order}. {highlight.title[lang]}]" in printed


# --- JSON-LD: PyLD against schema.org's context -----------------------------------------------------------------


@pytest.mark.parametrize("prefix,lang", LANGUAGES)
def test_pyld_expands_every_page_to_schema_org_terms_only(real_site, prefix, lang):
    pages = language_pages(real_site, prefix)
    for path in pages:
        (document,) = page_json_ld(path)
        expanded = expand(document)
        assert expanded and vocabulary_problems(expanded) == [], path
    assert vocabulary_problems(expand({"@context": "https://schema.org", "@type": "Dataset", "descripton": "x"}))


def _main_nodes(path: Path) -> dict[str, dict]:
    """The top-level nodes of a page's graph, by type."""
    (document,) = page_json_ld(path)
    return {node["@type"]: node for node in document["@graph"]}


@pytest.mark.parametrize("prefix,lang", LANGUAGES)
def test_each_page_describes_itself(real_served, prefix, lang):
    site, base = real_served.site, real_served.base
    home = _main_nodes(page(site, prefix))["Report"]
    assert home["@id"] == f"{base}{prefix}#record" and "author" not in home and "publisher" not in home
    for part, highlight in zip(home["hasPart"], RECORD.highlights, strict=True):
        article = _main_nodes(page(site, f"{prefix}{highlight.id}/"))["Article"]
        assert article["@id"] == part["@id"] == f"{base}{prefix}{highlight.id}/#{highlight.id}"
        assert article["headline"] == f"{highlight.order}. {highlight.title[lang]}" and article["inLanguage"] == lang
        assert article["isPartOf"]["@id"] == home["@id"]
        assert article["dateModified"] == RECORD.last_updated(highlight.id).isoformat()
        named = {node["name"] for node in article["about"]}
        assert {RECORD.place(ref).name[lang] for ref in highlight.places} < named
    for name, kind in (("timeline/", "CollectionPage"), ("places/", "CollectionPage"), ("about/", "AboutPage")):
        assert _main_nodes(page(site, prefix + name))[kind]["@id"] == f"{base}{prefix}{name}"
    others = [p for p in language_pages(site, prefix) if p != page(site, prefix)]
    assert not [p for p in others if "Report" in _main_nodes(p)]  # the record is described on its home page only


# --- Google's structured-data rules -----------------------------------------------------------------------------

# Google's required properties for the types it reads (Article has none; the others used here have no Google
# feature): a type the pages start to use must be added here, with what Google says it needs.
GOOGLE_REQUIRED = {
    "Dataset": ("name", "description"),
    "BreadcrumbList": ("itemListElement",),
    "ListItem": ("position", "name"),
    "DataDownload": ("contentUrl", "encodingFormat"),
    "Article": (),
    **dict.fromkeys(
        (
            "Report",
            "WebPage",
            "AboutPage",
            "CollectionPage",
            "WebSite",
            "Organization",
            "NewsArticle",
            "Place",
            "AdministrativeArea",
            "Person",
            "CreativeWork",
        ),
        (),
    ),
}


@pytest.mark.parametrize("prefix,lang", LANGUAGES)
def test_google_required_properties_of_every_type_used(real_site, prefix, lang):
    for path in language_pages(real_site, prefix):
        for node in nodes(page_json_ld(path)):
            assert node["@type"] in GOOGLE_REQUIRED, f"{path}: {node['@type']} has no entry"
            missing = [name for name in GOOGLE_REQUIRED[node["@type"]] if not node.get(name)]
            assert missing == [], f"{path}: {node['@type']} lacks {missing}"
        (crumbs,) = [node for node in page_json_ld(path)[0]["@graph"] if node["@type"] == "BreadcrumbList"]
        assert all("item" in item for item in crumbs["itemListElement"][:-1])
    dataset = _main_nodes(page(real_site, prefix + "about/"))["Dataset"]
    assert 50 <= len(dataset["description"]) <= 5000
    for name in ("license", "creator", "version", "dateModified", "distribution"):
        assert dataset[name], name
    package = json.loads((real_site / "data" / opendata.DESCRIPTOR).read_text(encoding="utf-8"))
    assert dataset["license"] == package["licenses"][0]["path"]  # one licence in the JSON-LD, package and CFF
    assert dataset["creator"]["name"] == words(lang)["editors"] and dataset["version"] == package["version"]
    formats = {d["contentUrl"].rsplit("/", 1)[-1]: d["encodingFormat"] for d in dataset["distribution"]}
    assert formats == dict(opendata.DISTRIBUTIONS)


def test_a_quoted_title_inside_the_citation_takes_single_quotes(real_site):
    """Highlight 6's title quotes the festival's name; inside the citation's own quotes it is ‘…’, not “…” twice."""
    title = RECORD.highlight("great-unity-festival").title["vi"]
    assert "“" in title
    source = page(real_site, "great-unity-festival/").read_text(encoding="utf-8")
    cited = unescape(re.search(r'<p id="cite-plain"[^>]*>(.*?)</p>', source, re.S).group(1))
    assert cited.startswith("“6. " + title.replace("“", "‘").replace("”", "’") + "”. ")
