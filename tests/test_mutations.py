"""Random mutations of the real record (hypothesis): change a scalar, delete a key, duplicate a list item, insert
any Unicode text. Whatever the edit, loading either refuses the record with problems that name the file, a line
and a field, or accepts it, and then every output it renders is valid: HTML without duplicate ids, the feed and
sitemap as XML, the open data as JSON and CSV, the JSON-LD, the charts' SVG and the BibTeX citations. A few
mutations also go through the build command, which must end in a site or a clear message, never a traceback.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import html
import io
import json
import re
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tayho import datapackage, opendata, urls
from tayho.errors import RecordError
from tayho.feed import feed_view
from tayho.languages import THIS_SITE
from tayho.load import load_record
from tayho.outputs import sitemap_view
from tayho.page_ids import duplicate_ids
from tayho.render import call_macro
from tayho.site import PROSE_MARKERS, LanguageSite
from tayho.version import RecordVersion

from .commands import build_command
from .conftest import ROOT, make_project

REAL = yaml.safe_load((ROOT / "data" / "achievements.yaml").read_text(encoding="utf-8"))
FRAGMENTS = ROOT / "tayho" / "theme" / "fragments"
VERSION = RecordVersion("0123456789", dt.date(2026, 12, 1))
SVG = re.compile(r"<svg\b.*?</svg>", re.S)
BIBTEX = re.compile(r'<pre id="cite-bibtex"[^>]*>(.*?)</pre>', re.S)
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
# an id changed: the published links it would break (with the line of the list they came from, where the record
# still holds their highlight), and the cure
BROKEN_LINKS = re.compile(
    r"published link\(s\) would break; declare a redirect in data/achievements\.yaml .*\n"
    r"  (data/achievements\.yaml:\d+: highlights\[\d+\]\S*: )?/\S+"
)

SCALARS = st.one_of(
    st.text(max_size=30),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.sampled_from(["2024-02-30", "2023", "0242", "yes", "1:30", ".inf", "{fig:nope}", "summary", "en", "assets"]),
)


def _places(node, path=()):
    """Every (path, value) of the data tree, containers included."""
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _places(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _places(value, (*path, index))


def _parent(data, path):
    for part in path[:-1]:
        data = data[part]
    return data


@st.composite
def mutated(draw) -> dict:
    data = copy.deepcopy(REAL)
    places = list(_places(data))
    kind = draw(st.sampled_from(["scalar", "delete", "duplicate", "insert"]))
    if kind == "scalar":
        path, _ = draw(st.sampled_from([(p, v) for p, v in places if p and not isinstance(v, dict | list)]))
        _parent(data, path)[path[-1]] = draw(SCALARS)
    elif kind == "delete":
        path, node = draw(st.sampled_from([(p, v) for p, v in places if isinstance(v, dict) and v]))
        del node[draw(st.sampled_from(sorted(node)))]
    elif kind == "duplicate":
        path, node = draw(st.sampled_from([(p, v) for p, v in places if isinstance(v, list) and v]))
        node.insert(draw(st.integers(0, len(node))), copy.deepcopy(draw(st.sampled_from(node))))
    else:
        path, text = draw(st.sampled_from([(p, v) for p, v in places if p and isinstance(v, str)]))
        at = draw(st.integers(0, len(text)))
        _parent(data, path)[path[-1]] = text[:at] + draw(st.text(min_size=1, max_size=8)) + text[at:]
    return data


def _write(project: Path, data: dict) -> str:
    text = "# yaml-language-server: $schema=./achievements.schema.json\n" + yaml.safe_dump(
        data, allow_unicode=True, sort_keys=False, width=10_000
    )
    (project / "data" / "achievements.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
    return text


def _renders_valid_outputs(record, project: Path) -> None:
    for lang in THIS_SITE:
        links = urls.Links(THIS_SITE, lang, "https://archive.test/")
        site = LanguageSite.create(record, links, FRAGMENTS, project, VERSION)
        pages = [str(site.highlight_html(highlight.id)) for highlight in record.highlights]
        pages += [str(site.prose_part(marker, "./")) for marker in PROSE_MARKERS]
        pages += [str(site.head_html("./", urls.HOME, record.term.title[lang], "d", "s"))]
        for page in pages:
            assert duplicate_ids(page) == []
            for svg in SVG.findall(page):
                ElementTree.fromstring(svg.replace("&nbsp;", " "))
            for entry in BIBTEX.findall(page):
                _balanced(html.unescape(entry))
            for script in JSON_LD.findall(page):
                json.loads(script)
        for highlight_id in [None] + [highlight.id for highlight in record.highlights]:
            feed = feed_view(record, links, highlight_id)
            ElementTree.fromstring(str(call_macro(site.env, "feed.html", "atom", feed)))
        sitemap = sitemap_view(site, [urls.HOME] + [urls.highlight_page(h.id) for h in record.highlights])
        ElementTree.fromstring(str(call_macro(site.env, "outputs.html", "sitemap", sitemap)))
    json.loads(opendata.record_json(record))
    json.loads(datapackage.datapackage(record, urls.Links(THIS_SITE, THIS_SITE.root, "https://archive.test/"), VERSION))
    rows = list(csv.reader(io.StringIO(opendata.figures_csv(record, tuple(THIS_SITE)))))
    assert len({len(row) for row in rows}) == 1


def _balanced(bibtex: str) -> None:
    depth = 0
    for index, char in enumerate(bibtex):
        if char in "{}" and (index == 0 or bibtex[index - 1] != "\\"):
            depth += 1 if char == "{" else -1
            assert depth >= 0, bibtex
    assert depth == 0, bibtex


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    return make_project(tmp_path_factory.mktemp("mutations"), ROOT / "data")


@pytest.mark.slow  # 50 mutated copies of the real record: `make test` only
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=mutated())
def test_any_mutation_is_refused_with_its_line_or_renders_valid_outputs(scratch, data):
    text = _write(scratch, data)
    try:
        record = load_record(scratch / "data" / "achievements.yaml", scratch, THIS_SITE)
    except RecordError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.file == "data/achievements.yaml" and problem.message
            assert 1 <= problem.line <= text.count("\n") + 1
        return
    _renders_valid_outputs(record, scratch)


@pytest.mark.build
@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=mutated())
def test_any_mutation_builds_or_fails_with_a_clear_message(tmp_path, data):
    project = make_project(Path(tempfile.mkdtemp(dir=tmp_path)), ROOT / "data")  # hypothesis may replay an example
    _write(project, data)
    result = build_command(project, "--no-pdf")
    assert "Traceback" not in result.stdout + result.stderr, result.stderr[-3000:]
    if result.returncode != 0:
        assert result.stderr.startswith("Build failed; the previous site/ is unchanged.\n"), result.stderr[-3000:]
        assert (
            "data/achievements.yaml:" in result.stderr  # a problem of the record, with its line
            or "permalinks.lock" in result.stderr
            or BROKEN_LINKS.search(result.stderr)
        ), result.stderr
