"""No injection: hostile text in every text field of the record stays inert text on every page.

The hostile record is the minimal fixture with payloads (tests/fixtures/hostile/payloads.txt) placed in every field
the model types as text, found from the model itself so that a new text field is covered without editing this file.
{fig:…} tokens are kept, so the record stays valid and builds. The built pages are read twice: as files (no markup,
handler or URL from the data) and in Chromium (no dialog, no injected element, the payload visible as text).
"""

from __future__ import annotations

import html.parser
import json
import re
import typing
import unicodedata
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml
from pydantic import BaseModel

from tayho import model
from tayho.load import load_record

from .conftest import FIXTURES, build, make_project, served_build

LANGUAGES = ("vi", "en")
MINIMAL = FIXTURES / "minimal" / "data"
PAYLOADS = [
    line
    for line in (FIXTURES / "hostile" / "payloads.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("# ")
]
# What titles always carry, whatever the rotation gives them: titles reach <title>, the nav, JSON-LD and the feed.
TITLE_PAYLOADS = ("</title><script>alert(1)</script>", "{{ 7*7 }}", "<!-- tayho:cards -->")
# Element and attribute names that only a payload could have brought into a page.
EVENT_ATTRIBUTE = re.compile(r"^on[a-z]+$")
# An address the model accepts (https) that carries markup, quotes and a script in its path and query.
WEB_PAYLOAD = "https://example.org/\"><script>alert(1)</script>?q='onmouseover=alert(1)&r=<img src=x onerror=alert(1)>"
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "srcdoc", "xlink:href", "poster", "background")


# --- the hostile record -----------------------------------------------------------------------------------------


def _kind(annotation) -> object:
    """'text', 'web', 'localized', ('model', cls), ('list', kind) or None for a field annotation of the model."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *metadata = typing.get_args(annotation)
        if any(getattr(item, "func", None) is model._web_address for item in metadata):
            return "web"
        if any(getattr(item, "func", None) is model._plain_text for item in metadata):
            return "text"
        return _kind(base)
    if origin is typing.Union:
        kinds = [_kind(arg) for arg in typing.get_args(annotation) if arg is not type(None)]
        return kinds[0] if len(kinds) == 1 else None
    if origin is list:
        inner = _kind(typing.get_args(annotation)[0])
        return ("list", inner) if inner else None
    if isinstance(annotation, type) and issubclass(annotation, model.Localized):
        return "localized"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return ("model", annotation)
    return None


class _Filler:
    """Puts three payloads around the text of every text field of raw record data, in a fixed rotation."""

    def __init__(self, payloads: list[str], title_payloads: tuple[str, ...]):
        self.payloads, self.title_payloads = payloads, title_payloads
        self.turn = 0

    def text(self, original: str | None, field: str) -> str:
        first, second, third = (self.payloads[(self.turn * 3 + k) % len(self.payloads)] for k in range(3))
        extra = self.title_payloads if field == "title" else ()
        return " ".join(part for part in (first, second, *extra, original or "", third) if part)

    def fill(self, value, kind, field: str):
        if kind == "text":
            result = self.text(value, field)
            self.turn += 1
            return result
        if kind == "web":  # only http(s) is accepted (test_validation); the payload rides in the address itself
            return WEB_PAYLOAD
        if kind == "localized":
            # The same payloads in both languages, so that the {fig:…} tokens (kept as they are) still match.
            result = {lang: self.text((value or {}).get(lang), field) for lang in LANGUAGES}
            self.turn += 1
            return result
        if isinstance(kind, tuple) and kind[0] == "list":
            return [self.fill(item, kind[1], field) for item in value or []]
        if isinstance(kind, tuple) and kind[0] == "model" and isinstance(value, dict):
            for name, info in kind[1].model_fields.items():
                key = info.alias or name
                inner = _kind(info.annotation)
                if inner is not None and (key in value or inner in ("text", "web", "localized")):
                    value[key] = self.fill(value.get(key), inner, key)
            return value
        return value


def filled_yaml(payloads: list[str], title_payloads: tuple[str, ...]) -> str:
    """The fixture record with the payloads put into every text field."""
    data = yaml.safe_load((MINIMAL / "achievements.yaml").read_text(encoding="utf-8"))
    for highlight in data["highlights"]:  # undated, so that each event's period (text for a missing date) is filled
        for event in highlight.get("events", []):
            event.update(date=None, end=None)
    _Filler(payloads, title_payloads).fill(data, ("model", model.Record), "")
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000)


def text_values(node, kind=("model", model.Record), where="") -> typing.Iterator[tuple[str, object]]:
    """(field path, value) of every text field of a loaded record, None included."""
    if kind == "text":
        yield where, node
    elif kind == "localized":
        if node is None:
            yield where, None
        else:
            for lang in LANGUAGES:
                yield f"{where}.{lang}", node[lang]
    elif isinstance(kind, tuple) and kind[0] == "list":
        for index, item in enumerate(node or []):
            yield from text_values(item, kind[1], f"{where}[{index}]")
    elif isinstance(kind, tuple) and kind[0] == "model" and node is not None:
        for name, info in kind[1].model_fields.items():
            inner = _kind(info.annotation)
            if inner is not None:
                yield from text_values(getattr(node, name), inner, f"{where}.{name}" if where else name)


# --- reading built pages ----------------------------------------------------------------------------------------


class _Markup(html.parser.HTMLParser):
    """Every start tag with its attributes, every comment, and the text of <body> (outside script and style)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.comments: list[str] = []
        self.body_text: list[str] = []
        self._in_body = False
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "body":
            self._in_body = True
        if tag in ("script", "style"):
            self._skip += 1

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_comment(self, data):
        self.comments.append(data)

    def handle_data(self, data):
        if self._in_body and not self._skip:
            self.body_text.append(data)

    @property
    def text(self) -> str:
        return squeeze("".join(self.body_text))


def squeeze(text: str) -> str:
    return " ".join(text.split())


def markup(path: Path) -> _Markup:
    parser = _Markup()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def html_pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html") if "assets" not in path.relative_to(site).parts)


def injected_markup(parser: _Markup) -> list[str]:
    """What in a parsed page could only have come from a payload: handlers, javascript: URLs, alert scripts."""
    found = []
    for tag, attributes in parser.tags:
        for name, value in attributes.items():
            if EVENT_ATTRIBUTE.match(name):
                found.append(f"<{tag} {name}={value!r}>")
            if (
                name in URL_ATTRIBUTES
                and value
                and re.sub(r"[\s\x00-\x1f]", "", value)
                .lower()
                .startswith(("javascript:", "vbscript:", "data:text/html"))
            ):
                found.append(f"<{tag} {name}={value!r}>")
            if name == "srcdoc":
                found.append(f"<{tag} srcdoc>")
        if tag in ("iframe", "object", "embed", "frame", "frameset", "base", "math"):
            found.append(f"<{tag}>")
    return found


# --- the built hostile site -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def twin(tmp_path_factory) -> Path:
    """The same record with a harmless word for every payload: the page structure the hostile site must keep."""
    project = make_project(tmp_path_factory.mktemp("twin"), MINIMAL)
    harmless = filled_yaml(["plain"] * len(PAYLOADS), ("plain",) * len(TITLE_PAYLOADS))
    (project / "data" / "achievements.yaml").write_text(harmless, encoding="utf-8")
    return build(project)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The hostile record built into a site, for the address a server on 127.0.0.1 will serve it at."""
    project = make_project(tmp_path_factory.mktemp("hostile"), MINIMAL)
    (project / "data" / "achievements.yaml").write_text(filled_yaml(PAYLOADS, TITLE_PAYLOADS), encoding="utf-8")
    for served in served_build(project, project / "site"):
        yield {"project": project, "site": served.site, "base": served.base}


@pytest.fixture(scope="module")
def record(hostile):
    return load_record(hostile["project"] / "data" / "achievements.yaml", hostile["project"])


# --- the record itself ------------------------------------------------------------------------------------------


def test_payloads_are_single_line_nfc_text_without_control_characters():
    assert len(PAYLOADS) >= 40
    for payload in PAYLOADS:
        assert payload == payload.strip() and "\n" not in payload
        assert unicodedata.is_normalized("NFC", payload), payload
        assert not any(unicodedata.category(char) in ("Cc", "Cf") for char in payload), payload


def test_every_text_field_of_the_record_carries_a_payload(record):
    values = list(text_values(record))
    assert len(values) >= 50, "the walk over the model found too few text fields"
    for where, value in values:
        assert value is not None, f"{where} is empty in the hostile record"
        assert any(payload in value for payload in PAYLOADS), f"{where} has no payload: {value!r}"
    used = {payload for payload in PAYLOADS if any(payload in value for _, value in values)}
    assert used == set(PAYLOADS)
    assert all(all(p in record.highlights[0].title[lang] for p in TITLE_PAYLOADS) for lang in LANGUAGES)


# --- the built files --------------------------------------------------------------------------------------------


def test_the_file_checks_detect_injected_markup():
    """Negative control: the parser-based checks flag payloads that arrive as markup, not as escaped text."""

    def parse(text: str) -> _Markup:
        parser = _Markup()
        parser.feed(f"<html><body>{text}</body></html>")
        return parser

    found = injected_markup(
        parse('<img src=x onerror=alert(1)><a href=" JaVa\tScRiPt:alert(1)">x</a><iframe srcdoc="y">')
    )
    assert any("onerror" in item for item in found) and any("href" in item for item in found)
    assert any("srcdoc" in item for item in found) and "<iframe>" in found
    assert injected_markup(parse("&lt;img src=x onerror=alert(1)&gt; javascript:alert(1)")) == []
    assert parse("&lt;!-- tayho:cards --&gt;").comments == [] and parse("<!-- tayho:cards -->").comments


def test_no_markup_handler_or_script_url_from_the_data_in_any_page(hostile, twin):
    pages = html_pages(hostile["site"])
    assert len(pages) >= 10 and any(p.parent.name == "en" for p in pages)
    for page in pages:
        raw = page.read_text(encoding="utf-8")
        assert "<script>alert" not in raw.lower(), page
        parsed = markup(page)
        assert injected_markup(parsed) == [], page
        assert not [c for c in parsed.comments if "tayho:" in c], f"{page}: a marker from the data became a comment"
        # The same record with harmless words gives the same elements and attributes: the payloads added none
        # (but for the lines a chart breaks its labels into, <tspan>, which follow the labels' lengths).
        harmless = twin / page.relative_to(hostile["site"])
        assert harmless.exists(), page
        assert [(tag, sorted(attributes)) for tag, attributes in parsed.tags if tag != "tspan"] == [
            (tag, sorted(attributes)) for tag, attributes in markup(harmless).tags if tag != "tspan"
        ], page
    assert sorted(p.relative_to(twin) for p in html_pages(twin)) == sorted(
        p.relative_to(hostile["site"]) for p in pages
    )


def test_template_syntax_from_the_data_is_printed_literally(hostile):
    home = markup(hostile["site"] / "index.html").text
    highlight = markup(hostile["site"] / "supervision" / "index.html").text
    for text in (home, highlight):
        assert "{{ 7*7 }}" in text
    everything = " ".join(markup(page).text for page in html_pages(hostile["site"]))
    for literal in (
        "{{ 7*7 }}",
        "${7*7}",
        "#{7*7}",
        "<%= 7*7 %>",
        "{{ config }}",
        "{% raw %}{{ 7*7 }}{% endraw %}",
        "{0} {what} {__class__} %s %(x)s",
    ):
        assert literal in everything, literal
    assert " 49 " not in f" {highlight} "


def test_a_marker_in_the_data_is_not_expanded(hostile, twin, record):
    for lang in ("", "en/"):
        home = hostile["site"] / lang / "index.html"
        text = markup(home).text
        assert "<!-- tayho:cards -->" in text and "<!-- tayho:term -->" in text
        cards = home.read_text(encoding="utf-8").count('class="tayho-card"')
        assert cards == (twin / lang / "index.html").read_text(encoding="utf-8").count('class="tayho-card"')
        assert cards == len(record.highlights)


def test_every_payload_is_shown_as_text(hostile):
    for lang in ("", "en/"):
        pages = (
            html_pages(hostile["site"] / lang)
            if lang
            else [p for p in html_pages(hostile["site"]) if p.relative_to(hostile["site"]).parts[0] != "en"]
        )
        shown = " ".join(markup(page).text for page in pages)
        missing = [payload for payload in PAYLOADS if squeeze(payload) not in shown]
        assert missing == [], f"not shown as text in {lang or 'vi/'}: {missing}"


def test_feeds_and_open_data_keep_the_text_exact(hostile, record):
    site = hostile["site"]
    for lang, folder in (("vi", site), ("en", site / "en")):
        feed = ElementTree.parse(folder / "feed.xml").getroot()
        atom = "{http://www.w3.org/2005/Atom}"
        titles = [entry.find(f"{atom}title").text for entry in feed.findall(f"{atom}entry")]
        assert sorted(titles) == sorted(change.text[lang] for change in record.changes)
        assert feed.find(f"{atom}title").text == record.term.title[lang]
        for highlight in record.highlights:  # each highlight's feed: its title exact, in XML that parses
            own = ElementTree.parse(folder / highlight.id / "feed.xml").getroot()
            assert own.find(f"{atom}title").text.startswith(f"{highlight.order}. {highlight.title[lang]} · ")
        ElementTree.parse(folder / "sitemap.xml")
    data = json.loads((site / "data" / "record.json").read_text(encoding="utf-8"))
    assert data["highlights"][0]["title"] == {"vi": record.highlights[0].title.vi, "en": record.highlights[0].title.en}


def test_json_ld_cannot_close_its_script_element(hostile):
    for page in html_pages(hostile["site"]):
        raw = page.read_text(encoding="utf-8")
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', raw, re.DOTALL):
            assert "<" not in block, page
            json.loads(block)


# --- in Chromium ------------------------------------------------------------------------------------------------

RECORD_CALLS = """
window.__tayhoCalls = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  const original = window[name];
  window[name] = function (...args) {
    window.__tayhoCalls.push(name + ":" + String(args[0]));
    if (name !== "print") return original.apply(window, args);  // so that the dialog listener sees it too
  };
}
"""

# Elements and attributes that only a payload could have put in the DOM (checked after Material's scripts ran).
FIND_INJECTED = r"""
() => {
  const found = [];
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.replace(/[\s\u0000-\u001f]/g, "").toLowerCase();
      if (/^on[a-z]+$/.test(name)) found.push(`${element.localName}[${name}]`);
      if (["href", "src", "action", "formaction", "data", "xlink:href"].includes(name)
          && /^(javascript|vbscript|data:text\/html)/.test(value)) found.push(`${element.localName}[${name}=${value}]`);
      if (name === "srcdoc") found.push(`${element.localName}[srcdoc]`);
    }
  }
  for (const element of document.querySelectorAll("iframe, object, embed, frame, base, math, details[open]"))
    found.push(element.localName);
  for (const script of document.querySelectorAll("script"))
    if (/^(|text\/javascript|module)$/i.test(script.type) && /alert|prompt|confirm/.test(script.textContent))
      found.push("script:" + script.textContent.slice(0, 60));
  return found;
}
"""


@pytest.fixture(scope="module")
def served(hostile):
    return hostile


@pytest.fixture(scope="module")
def reader(browser):
    """One page for the module's tests (opening a new page costs Chromium more than most of these tests): every
    document it opens records alert() and its kin, and every dialog is listed and dismissed."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_CALLS)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.dialogs = []

    def on_dialog(dialog):
        page.dialogs.append(f"{dialog.type}:{dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield page
    context.close()


@pytest.fixture
def tab(reader):
    """The module's page, blank, with no dialog listed yet."""
    reader.goto("about:blank")
    reader.dialogs.clear()
    return reader


def _visit(tab, url: str) -> None:
    tab.goto(url, wait_until="load")
    tab.wait_for_timeout(100)  # a handler (onerror of a broken image, autofocus) fires right after load


@pytest.mark.browser
def test_the_dom_checks_detect_an_injected_element(tab):
    """Negative control: the same checks fail on a page that does carry the payloads as markup."""
    tab.set_content(
        '<p>x</p><img src="x" onerror="alert(1)"><a href="javascript:alert(2)">y</a><script>alert(3)</script>'
    )
    tab.wait_for_timeout(200)
    assert tab.dialogs, "the dialog listener missed an alert"
    found = tab.evaluate(FIND_INJECTED)
    assert "img[onerror]" in found and any(item.startswith("a[href=javascript") for item in found)
    assert any(item.startswith("script:alert(3)") for item in found)
    tab.goto("about:blank")
    tab.evaluate("alert('x')")
    assert tab.evaluate("window.__tayhoCalls") == ["alert:x"], "the init script did not record alert"


@pytest.mark.browser
def test_no_payload_runs_or_becomes_markup_in_chromium(served, tab):
    site, base = served["site"], served["base"]
    pages = html_pages(site)
    assert len(pages) >= 10
    report = {}
    for path in pages:
        url = base + path.relative_to(site).as_posix().removesuffix("index.html")
        _visit(tab, url)
        calls = tab.evaluate("window.__tayhoCalls")
        injected = tab.evaluate(FIND_INJECTED)
        body = squeeze(tab.evaluate("document.body.textContent"))
        missing = [p for p in PAYLOADS if squeeze(p) in markup(path).text and squeeze(p) not in body]
        if calls or injected or tab.dialogs or missing:
            report[url] = {"calls": calls, "dialogs": list(tab.dialogs), "injected": injected, "missing": missing}
    assert report == {}


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_payloads_are_visible_text_on_a_highlight_page(served, record, tab, lang):
    highlight = record.highlights[0]
    _visit(tab, served["base"] + ("en/" if lang == "en" else "") + highlight.id + "/")
    heading = tab.locator("article h1")
    assert heading.is_visible()
    for payload in TITLE_PAYLOADS:
        assert payload in heading.inner_text(), payload
    assert "</title><script>alert(1)</script>" in tab.title()
    article = squeeze(tab.locator("article").inner_text())
    shown = " ".join([highlight.title[lang], highlight.summary[lang], *(p[lang] for p in highlight.body)])
    expected = [payload for payload in PAYLOADS if payload in shown]
    assert len(expected) >= 6
    assert [payload for payload in expected if squeeze(payload) not in article] == []
    assert tab.get_by_text("<script>alert(1)</script>").filter(visible=True).count() > 0
    assert tab.evaluate("window.__tayhoCalls") == [] and tab.dialogs == []


@pytest.fixture(scope="module")
def served_single(tmp_path_factory):
    """The hostile record with Material's single search index (what the offline copy uses)."""
    project = make_project(tmp_path_factory.mktemp("hostile-single"), MINIMAL)
    (project / "data" / "achievements.yaml").write_text(filled_yaml(PAYLOADS, TITLE_PAYLOADS), encoding="utf-8")
    for served in served_build(project, project / "site", search="single"):
        yield {"project": project, "site": served.site, "base": served.base}


@pytest.mark.browser
@pytest.mark.parametrize("lang,query", [("", "Giám"), ("en/", "Supervision")])
def test_search_results_and_search_highlighting_run_nothing(served_single, tab, lang, query):
    """Material's worker renders search results from search_index.json and Material marks the searched words on
    the page it opens."""
    assert not (served_single["site"] / "search" / "chunks").exists()
    _search_runs_nothing(served_single, tab, lang, query)


@pytest.mark.browser
@pytest.mark.parametrize("lang,query", [("", "Giám"), ("en/", "Supervision"), ("", "script alert")])
def test_chunked_search_results_run_nothing(served, tab, lang, query):
    """The same with the chunked index the site uses online, whose worker builds the result markup itself."""
    assert (served["site"] / "search" / "chunks" / "meta.json").is_file()
    _search_runs_nothing(served, tab, lang, query)


def _search_runs_nothing(served, tab, lang: str, query: str) -> None:
    _visit(tab, served["base"] + lang)
    tab.keyboard.press("s")  # Material's shortcut to the search field
    tab.locator("input.md-search__input").press_sequentially(query, delay=20)
    results = tab.locator(".md-search-result__item")
    results.first.wait_for(state="visible")
    assert "<script>alert(1)</script>" in tab.locator(".md-search-result").inner_text()
    assert tab.evaluate("window.__tayhoCalls") == [] and tab.dialogs == []
    assert tab.evaluate(FIND_INJECTED) == []
    # The page a result leads to, with the searched words marked (as a result link asks), and payload words too.
    _visit(tab, f"{served['base']}{lang}supervision/?h={quote(query + ' script onerror alert')}")
    assert tab.evaluate("window.__tayhoCalls") == [] and tab.dialogs == []
    assert tab.evaluate(FIND_INJECTED) == []
    marked = tab.evaluate("[...document.querySelectorAll('article mark')].map(mark => mark.textContent.toLowerCase())")
    assert {"script", "alert"} <= set(marked), "search highlighting did not mark the words, so it was not tested"
