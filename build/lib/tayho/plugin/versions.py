"""The plugin's part in versions: the pages it adds (the list of releases, what changed between consecutive ones,
for the record and for each highlight that changed), the banner of a released snapshot and the version menu."""

from __future__ import annotations

import dataclasses
import html
import json
from pathlib import Path

import yaml
from markupsafe import Markup

from ..diff import RecordDiff, record_diff
from ..render import call_macro
from ..version_views import (
    CURRENT,
    VersionInfo,
    banner_view,
    diff_page,
    highlight_diff_page,
    highlight_diff_view,
    record_diff_view,
    selector_view,
    versions_view,
)

VERSIONS_PAGE = "versions.md"


@dataclasses.dataclass
class Versions:
    """What one language build knows of the record's releases, and the pages it makes of them."""

    site: object  # the LanguageSite
    releases: tuple[VersionInfo, ...]  # built releases, oldest first (none in a release's own build)
    folders: dict[str, str]  # version → its built site (for its record.json)
    banner: tuple[str, str, str] | None  # (version, date, current site's address) in a release's own build
    diffs: dict[str, tuple[str, str, object]] = dataclasses.field(default_factory=dict)  # page → (old, new, diff)
    figures: dict[tuple[str, str], tuple[dict, dict]] = dataclasses.field(default_factory=dict)

    def pairs(self) -> list[tuple[str, str]]:
        """Every two releases (older, newer), and each release against the site as it is now, when it has changes
        not yet released."""
        names = [info.version for info in self.releases]
        pairs = [(old, new) for index, new in enumerate(names) for old in names[:index]]
        if names and self.site.version.release != names[-1]:
            pairs += [(old, CURRENT) for old in names]
        return pairs

    def _record(self, version: str) -> dict:
        if version == CURRENT:
            return json.loads(self.site.record.model_dump_json(by_alias=True))
        return json.loads((Path(self.folders[version]) / "data" / "record.json").read_text(encoding="utf-8"))

    def sources(self) -> dict[str, str]:
        """The generated pages' Markdown (front matter only): the versions page and the pages of changes."""
        text = self.site.words
        pages = {VERSIONS_PAGE: _front(text.versions, excluded=False)}
        languages = tuple(self.site.links.languages)
        for old, new in self.pairs():
            records = self._record(old), self._record(new)
            figures = tuple({f["id"]: f for h in r["highlights"] for f in h.get("figures", [])} for r in records)
            self.figures[(old, new)] = figures
            diff = record_diff(*records, languages)
            label = text.diff_between.format(old=old, new=self._label(new))
            pages[diff_page(old, new)] = _front(label)
            self.diffs[diff_page(old, new)] = (old, new, diff)
            for item in diff.highlights:
                if item.changed and item.new_id:
                    page = highlight_diff_page(old, new, item.new_id)
                    pages[page] = _front(f"{self._title(item.new_id)} — {label}")
                    self.diffs[page] = (old, new, item)
        return pages

    def _label(self, version: str) -> str:
        return self.site.words.version_current if version == CURRENT else version

    def _title(self, highlight_id: str) -> str:
        if self.site.record.has_highlight(highlight_id):
            highlight = self.site.record.highlight(highlight_id)
            return f"{highlight.order}. {highlight.title[self.site.lang]}"
        return highlight_id

    def page_html(self, src_uri: str, page) -> Markup | None:
        """The content of a generated versions page, or None for any other page."""
        env = self.site.env
        if src_uri == VERSIONS_PAGE:
            view = versions_view(
                list(self.releases),
                page,
                (self.releases[-1].version, CURRENT) in self.pairs() if self.releases else False,
            )
            return call_macro(env, "versions.html", "versions_list", view)
        if src_uri not in self.diffs:
            return None
        old, new, diff = self.diffs[src_uri]
        languages = tuple(self.site.links.languages)
        if isinstance(diff, RecordDiff):
            titles = {h.id: f"{h.order}. {h.title[self.site.lang]}" for h in self.site.record.highlights}
            view = record_diff_view(diff, old, self._label(new), titles, (old, new), page, self.figures[(old, new)])
            return call_macro(env, "versions.html", "record_diff", view)
        view = highlight_diff_view(
            diff, old, self._label(new), languages, page, self._title(diff.new_id), self.figures[(old, new)]
        )
        return call_macro(env, "versions.html", "highlight_diff", view)

    def banner_html(self, page_url: str) -> Markup | None:
        if self.banner is None:
            return None
        version, date, current = self.banner
        prefix = self.site.links.languages.prefix(self.site.lang)
        view = banner_view(
            version, date, current + prefix + ("" if page_url in ("", "./") else page_url), self.site.lang
        )
        return call_macro(self.site.env, "versions.html", "banner", view)

    def selector_html(self, page) -> Markup | None:
        if not self.releases or self.banner is not None:
            return None
        path = self.site.links.languages.prefix(self.site.lang) + page.url
        view = selector_view(list(self.releases), path, page, self.site.version.release)
        return call_macro(self.site.env, "versions.html", "selector", view)

    def diff_for(self, index: int) -> str | None:
        """The page of changes of the release that first published change number `index` (from 0) of the history:
        the first release whose record holds more changes than that, else the changes not yet released."""
        if not self.releases:
            return None
        counts = {info.version: len(self._record(info.version).get("changes", [])) for info in self.releases}
        names = [info.version for info in self.releases]
        for previous, version in zip(names, names[1:], strict=False):  # consecutive releases
            if counts[previous] <= index < counts[version]:
                return diff_page(previous, version)
        if index >= counts[names[-1]] and (names[-1], CURRENT) in self.pairs():
            return diff_page(names[-1], CURRENT)
        return None


def _front(title: str, excluded: bool = True) -> str:
    meta = {"title": html.escape(title, quote=False)}
    if excluded:
        meta["search"] = {"exclude": True}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n"
