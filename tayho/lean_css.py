"""Material's stylesheet cut to the rules this site's pages can use, written as assets/stylesheets/material.css.

Material ships one stylesheet for every feature it has (tabs, annotations, code blocks, tags, banners…): 22.7 KB
gzip, a third of a page's first view. A rule is kept when one of its selectors names only classes that a page of
the build uses (its class attributes) or that the theme's scripts may add while a reader uses the page (any word
of the scripts: search results, tooltips, the copy button). Classes under :not() need not be present; a selector
with :is(), :where() or :has() is kept as it is. Everything else (@font-face, @keyframes, custom properties,
attribute and element selectors) is kept. The cut depends only on the pages and scripts, so builds stay
reproducible.

Reading Material's stylesheet (about 0.2 s per language) is done once: its rules, each with the classes its
selectors need, are kept in .tayho-cache/stylesheets/ under the hash of the stylesheet, of this module and of
tinycss2's version, checked against their digest; a missing or damaged entry is made again, and each build still
cuts the stylesheet for its own pages.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from pathlib import Path

import tinycss2

from .file_cache import read_entry, write_entry

MATERIAL_STYLESHEET = "assets/stylesheets/main.57a0d79d.min.css"  # as Material 9.8.1 names it
LEAN_STYLESHEET = "assets/stylesheets/material.css"
CLASS_ATTRIBUTE = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""")
SCRIPT_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
CLASS_IN_SELECTOR = re.compile(r"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)")
KEPT_AS_IS = re.compile(r":(?:is|where|has|matches|-webkit-any|-moz-any)\(")
NEGATION = ":not("
FILTERED_AT_RULES = {"media", "supports"}
ANALYSES_CACHE = Path(".tayho-cache") / "stylesheets"


def classes_in_html(html: str) -> set[str]:
    """The class names of every element of a page."""
    found: set[str] = set()
    for match in CLASS_ATTRIBUTE.finditer(html):
        found.update(next(value for value in match.groups() if value is not None).split())
    return found


def words_in_scripts(scripts: Iterable[str]) -> set[str]:
    """Every word of the theme's scripts: the class names they may add are among them."""
    found: set[str] = set()
    for script in scripts:
        found.update(SCRIPT_WORD.findall(script))
    return found


def _without_negations(selector: str) -> str:
    """The selector with every :not(…) removed (balanced parentheses)."""
    while (start := selector.find(NEGATION)) >= 0:
        depth, end = 0, start + len(NEGATION) - 1
        for end in range(start + len(NEGATION) - 1, len(selector)):
            depth += {"(": 1, ")": -1}.get(selector[end], 0)
            if depth == 0:
                break
        selector = selector[:start] + selector[end + 1 :]
    return selector


def _needed_classes(selector: str) -> list[str] | None:
    """The classes an element must have for `selector` to match it, or None when it is kept as it is."""
    if KEPT_AS_IS.search(selector):
        return None
    return sorted(set(CLASS_IN_SELECTOR.findall(_without_negations(selector))))


def _selectors(prelude: list) -> list[str]:
    """The selectors of a rule's prelude (split at top-level commas)."""
    selectors, current = [], []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append(tinycss2.serialize(current))
            current = []
        else:
            current.append(token)
    selectors.append(tinycss2.serialize(current))
    return selectors


def _analysed(rules: list) -> list:
    """The rules as plain data: ["rule", text, classes needed by each selector], ["group", "@media …", rules] or
    ["other", text] (kept whatever the pages use)."""
    items = []
    for rule in rules:
        if rule.type == "qualified-rule":
            needed = [_needed_classes(selector) for selector in _selectors(rule.prelude)]
            items.append(["rule", rule.serialize(), needed])
        elif rule.type == "at-rule" and rule.lower_at_keyword in FILTERED_AT_RULES and rule.content is not None:
            inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
            items.append(["group", f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}", _analysed(inner)])
        elif rule.type != "error":
            items.append(["other", rule.serialize()])
    return items


def analyse(css: str) -> list:
    """Every rule of `css` with the classes its selectors need (see _analysed)."""
    return _analysed(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))


def _kept(items: list, known: set[str]) -> list[str]:
    kept = []
    for kind, text, *rest in items:
        if kind == "rule":
            if any(needed is None or known.issuperset(needed) for needed in rest[0]):
                kept.append(text)
        elif kind == "group":
            inner = _kept(rest[0], known)
            if inner:
                kept.append(f"{text}{{{''.join(inner)}}}")
        else:
            kept.append(text)
    return kept


def lean_stylesheet(css: str, known: set[str], analysis: list | None = None) -> str:
    """`css` without the rules none of whose selectors can match an element with only `known` classes
    (`analysis`: analyse(css), when already at hand)."""
    return "".join(_kept(analyse(css) if analysis is None else analysis, known))


def _is_analysis(items) -> bool:
    """Whether `items` has the shape analyse() gives (see _analysed)."""
    if not isinstance(items, list):
        return False
    for item in items:
        if not (isinstance(item, list) and len(item) in (2, 3) and all(isinstance(part, str) for part in item[:2])):
            return False
        kind, rest = item[0], item[2:]
        if kind == "rule" and not (
            rest
            and isinstance(rest[0], list)
            and all(
                needed is None or (isinstance(needed, list) and all(isinstance(name, str) for name in needed))
                for needed in rest[0]
            )
        ):
            return False
        if kind == "group" and not (rest and _is_analysis(rest[0])):
            return False
        if kind not in ("rule", "group", "other") or (kind == "other" and rest):
            return False
    return True


def cached_analysis(css: str, root: Path) -> list:
    """analyse(css), read from the project's cache when this stylesheet was analysed before by this code (an entry
    that is damaged, or not an analysis, is made again)."""
    digest = hashlib.sha256(css.encode("utf-8"))
    digest.update(Path(__file__).read_bytes())
    digest.update(tinycss2.__version__.encode("ascii"))
    entry = root / ANALYSES_CACHE / f"{digest.hexdigest()}.json"
    data = read_entry(entry)
    if data is not None:
        try:
            analysis = json.loads(data)
            if _is_analysis(analysis):
                return analysis
        except (ValueError, RecursionError):
            pass  # made again below
    analysis = analyse(css)
    write_entry(entry, json.dumps(analysis, separators=(",", ":")).encode("utf-8"))
    return analysis


def theme_scripts(site_dir: Path) -> list[Path]:
    """The scripts a page of site_dir may run: Material's bundle, its search worker and the archive's own."""
    folder = site_dir / "assets" / "javascripts"
    return sorted(folder.glob("*.js")) + sorted((folder / "workers").glob("*.js"))


def write_lean_stylesheet(site_dir: Path, page_classes: set[str], scripts: Iterable[Path], root: Path) -> Path:
    """Write material.css beside Material's stylesheet in site_dir, for the pages' classes and the scripts (the
    stylesheet's analysis cached in the project at `root`)."""
    known = page_classes | words_in_scripts(script.read_text(encoding="utf-8") for script in scripts)
    material = (site_dir / MATERIAL_STYLESHEET).read_text(encoding="utf-8")
    target = site_dir / LEAN_STYLESHEET
    target.write_text(lean_stylesheet(material, known, cached_analysis(material, root)), encoding="utf-8")
    return target
