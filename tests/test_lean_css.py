"""Material's stylesheet cut to the rules the site can use (tayho/lean_css.py): what is kept and dropped, and on the
real site that no rule a page can use is lost. (That the pages look the same: tests/test_every_page.py
runs on the cut stylesheet.)"""

from __future__ import annotations

import json

import pytest
import tinycss2

from tayho.file_cache import write_entry
from tayho.lean_css import (
    ANALYSES_CACHE,
    LEAN_STYLESHEET,
    MATERIAL_STYLESHEET,
    analyse,
    cached_analysis,
    classes_in_html,
    lean_stylesheet,
    theme_scripts,
    words_in_scripts,
)

from .cache_damage import damage_entry
from .html import facts

CSS = (
    "@font-face{font-family:x;src:url(x.woff2)}"
    ".used{color:red}"
    ".unused{color:blue}"
    ".unused,.used>p{margin:0}"
    ".used:not(.unused){padding:0}"
    ".unused:not(.used){padding:1px}"
    ":is(.unused,.used) a{border:0}"
    "a[href]{color:green}"
    "@media screen{.unused{top:0}.used .script-added{top:1px}}"
    "@media print{.unused{display:none}}"
    "@keyframes spin{0%{opacity:0}to{opacity:1}}"
    ":root{--md-x:1}"
)


def _rules(css: str) -> list[str]:
    return [rule.serialize() for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)]


def _flat_rules(css: str) -> set[str]:
    """Each rule, those inside @media or @supports prefixed with their condition."""
    flat = set()
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content is not None:
            condition = f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}"
            inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
            flat |= {f"{condition} {item.serialize()}" for item in inner}
        else:
            flat.add(rule.serialize())
    return flat


def test_rules_are_kept_exactly_when_a_selector_can_match_a_known_class():
    lean = lean_stylesheet(CSS, {"used", "script-added"})
    assert _rules(lean) == [
        "@font-face{font-family:x;src:url(x.woff2)}",
        ".used{color:red}",
        ".unused,.used>p{margin:0}",  # one selector of the list can match: the whole rule stays
        ".used:not(.unused){padding:0}",  # a class under :not() need not be present
        ":is(.unused,.used) a{border:0}",  # :is() is kept as it is
        "a[href]{color:green}",
        "@media screen{.used .script-added{top:1px}}",
        "@keyframes spin{0%{opacity:0}to{opacity:1}}",
        ":root{--md-x:1}",
    ]
    assert ".unused{" not in lean and "@media print" not in lean


def test_the_analysis_is_kept_in_the_project_and_read_back_the_same(tmp_path, monkeypatch):
    first = cached_analysis(CSS, tmp_path)
    entries = list((tmp_path / ANALYSES_CACHE).iterdir())
    assert first == analyse(CSS) and len(entries) == 1 and entries[0].suffix == ".json"
    monkeypatch.setattr("tayho.lean_css.analyse", lambda css: pytest.fail("analysed again"))
    assert cached_analysis(CSS, tmp_path) == first  # read back, not analysed again
    monkeypatch.undo()
    assert cached_analysis(CSS + ".other{top:0}", tmp_path) == analyse(CSS + ".other{top:0}")  # another entry
    assert len(list((tmp_path / ANALYSES_CACHE).iterdir())) == 2


def _damaged(entry, damage) -> None:
    if isinstance(damage, list):  # an entry with its right digest that is not an analysis
        write_entry(entry, json.dumps(damage).encode("utf-8"))
    else:
        damage_entry(entry, damage)


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"[",
        "one-byte",
        "folder",
        "fifo",
        [["rule"]],
        [["x", 1]],
        [["rule", "a{}", 5]],
        [["group", "@media x", None]],
        [["other", "a{}", "more"]],
        [[[[[]]]]],
    ],
    ids=[
        "empty",
        "truncated",
        "one-byte-changed",
        "a-folder",
        "a-fifo",
        "rule-cut",
        "not-text",
        "classes-not-a-list",
        "group-without-rules",
        "other-with-more",
        "nested-lists",
    ],
)
def test_a_damaged_analysis_is_made_again(tmp_path, damage):
    cached_analysis(CSS, tmp_path)
    (entry,) = (tmp_path / ANALYSES_CACHE).iterdir()
    _damaged(entry, damage)
    assert cached_analysis(CSS, tmp_path) == analyse(CSS)


def test_a_deeply_nested_entry_is_made_again(tmp_path):
    cached_analysis(CSS, tmp_path)
    (entry,) = (tmp_path / ANALYSES_CACHE).iterdir()
    write_entry(entry, b"[" * 200_000)
    assert cached_analysis(CSS, tmp_path) == analyse(CSS)


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path):
    (tmp_path / ".tayho-cache").write_text("a file where the cache folder would be", encoding="utf-8")
    assert lean_stylesheet(CSS, {"used"}, cached_analysis(CSS, tmp_path)) == lean_stylesheet(CSS, {"used"})


def test_class_names_come_from_class_attributes_in_any_quoting_and_from_every_word_of_the_scripts():
    html = '<p class="a  b">x</p><div class=\'c\'></div><span class=d data-class="not-this">'
    assert classes_in_html(html) == {"a", "b", "c", "d"}
    assert {"md-tooltip--active", "md-dialog"} <= words_in_scripts(
        ['e.classList.toggle("md-tooltip--active");x("md-dialog")']
    )


def test_the_real_site_uses_the_cut_stylesheet_and_keeps_every_rule_its_pages_and_scripts_can_use(real_site):
    for prefix in ("", "en/"):
        folder = real_site / prefix
        page = facts(folder / "supervision" / "index.html")
        sheets = [link["href"] for link in page.head_links if link.get("rel") == "stylesheet"]
        assert sheets == ["../assets/stylesheets/material.css", "../assets/stylesheets/tayho.css"], sheets
        material = (folder / MATERIAL_STYLESHEET).read_text(encoding="utf-8")
        lean = (folder / LEAN_STYLESHEET).read_text(encoding="utf-8")
        assert len(lean) < 0.8 * len(material)
        used = set()  # every class of every page of the language (whoever wrote it), and every word of its scripts
        for html in folder.rglob("*.html"):
            if prefix or not html.relative_to(folder).as_posix().startswith("en/"):
                used |= classes_in_html(html.read_text(encoding="utf-8"))
        scripts = [path.read_text(encoding="utf-8") for path in theme_scripts(folder)]
        needed = _flat_rules(lean_stylesheet(material, used | words_in_scripts(scripts)))
        assert needed - _flat_rules(lean) == set()
        assert _flat_rules(lean) <= _flat_rules(material)
        for name in ("md-header", "md-search-result__item", "md-nav__link--active", "md-typeset", "md-footer"):
            assert f".{name}" in lean, name
