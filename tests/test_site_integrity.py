"""Integrity of the built site: every internal link and anchor resolves, the HTML is valid (Nu HTML Checker),
and every data, feed and sitemap file parses."""

from __future__ import annotations

import csv
import gzip
import html.parser
import io
import json
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from .conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SITE_HOSTS = {"tayho-archive.github.io", "127.0.0.1"}  # the default address and the test server: internal


class _Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.targets: list[tuple[str, str]] = []  # (attribute, url)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            self.ids.add(attributes["name"])
        for name in ("href", "src"):
            if attributes.get(name) is not None and not (
                tag == "link"
                and attributes.get("rel") in ("canonical", "alternate")
                and name == "href"
                and urlsplit(attributes[name]).scheme
            ):
                self.targets.append((f"{tag}[{name}]", attributes[name]))


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def broken_links(site: Path) -> list[str]:
    """Every link of every page that does not reach an existing file and, for a #fragment, an existing id."""
    pages = {path: _parse(path) for path in site.rglob("*.html")}
    problems = []
    for path, parsed in pages.items():
        for where, url in parsed.targets:
            parts = urlsplit(url)
            if parts.scheme in ("mailto", "data", "javascript") or (parts.scheme and parts.hostname not in SITE_HOSTS):
                if parts.scheme in ("http", "https") and where.endswith("[src]"):
                    problems.append(f"{path.relative_to(site)}: {where} loads {url} from another host")
                continue
            if parts.scheme or parts.path.startswith("/"):  # an absolute link to the site itself
                target = site / unquote(parts.path).lstrip("/")
            elif parts.path:
                target = (path.parent / unquote(parts.path)).resolve()
            else:
                target = path
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                problems.append(f"{path.relative_to(site)}: {where} {url} -> missing {target}")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = pages[target.resolve()].ids if target.resolve() in pages else _parse(target).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{path.relative_to(site)}: {where} {url} -> no id {parts.fragment!r}")
    return problems


def test_every_internal_link_and_anchor_resolves_in_the_real_site(real_site):
    assert broken_links(real_site) == []


def test_every_internal_link_and_anchor_resolves_in_the_fixture_site(minimal_site):
    assert broken_links(minimal_site) == []


def test_the_link_checker_finds_broken_links_and_anchors(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="x"></p>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="a/#x">ok</a><a href="a/#y">bad anchor</a><a href="b/">bad page</a>'
        '<img src="https://cdn.example/x.png">',
        encoding="utf-8",
    )
    problems = broken_links(tmp_path)
    assert len(problems) == 3
    assert any("no id 'y'" in p for p in problems) and any("missing" in p for p in problems)
    assert any("from another host" in p for p in problems)


def test_the_html_of_both_languages_passes_the_nu_html_checker(real_site, minimal_site):
    if not VNU.is_file():
        pytest.fail("node_modules is missing: run `npm ci --ignore-scripts` (make test does it)")
    pages = sorted(str(path) for site in (real_site, minimal_site) for path in site.rglob("*.html"))
    assert len(pages) > 40
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [
        f"{m.get('url', '').rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m.get('message')}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert errors == [], "\n".join(errors[:40])


def test_every_json_csv_xml_and_gzip_output_parses(real_site):
    counts = {"json": 0, "csv": 0, "xml": 0, "gz": 0}
    for path in sorted(real_site.rglob("*")):
        if path.suffix == ".json":
            json.loads(path.read_bytes())
        elif path.suffix == ".csv":
            rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
            assert len(rows) >= 1 and len({len(row) for row in rows}) == 1, path
        elif path.suffix == ".xml":
            ElementTree.fromstring(path.read_bytes())
        elif path.suffix == ".gz":
            gzip.decompress(path.read_bytes())
        else:
            continue
        counts[path.suffix.lstrip(".")] += 1
    assert counts["json"] >= 4 and counts["csv"] >= 10 and counts["xml"] >= 4 and counts["gz"] >= 2, counts
