"""The same pages as plain Markdown with the same theme and no hooks: the benchmark's baseline for MkDocs itself."""

from __future__ import annotations

from pathlib import Path

import yaml

from tayho.load import load_record
from tayho.navigation import grouped_highlights
from tayho.numbers import format_figure
from tayho.views import plain_text

CONFIG = """site_name: Plain baseline
site_url: https://example.invalid/
docs_dir: docs/vi
site_dir: site
theme:
  name: material
  language: vi
  font: false
  features: [navigation.sections, navigation.prune, navigation.top, navigation.footer, search.highlight, toc.follow]
plugins:
  - search:
      lang: vi
markdown_extensions: [attr_list, md_in_html, admonition, {toc: {permalink: true}}]
"""
CONFIG_EN = """INHERIT: mkdocs.yml
docs_dir: docs/en
site_dir: site/en
theme:
  language: en
plugins:
  - search:
      lang: en
"""


def _page(record, highlight, lang: str) -> str:
    lines = [f"# {highlight.order}. {highlight.title[lang]} {{ #{highlight.id} }}", "",
             plain_text(highlight.summary[lang], record, lang), "", "## Text { #text }", ""]
    lines += [plain_text(paragraph[lang], record, lang) + "\n" for paragraph in highlight.body]
    if highlight.figures:
        lines += ["## Figures { #figures }", "", "| Figure | What it counts |", "|---|---|"]
        lines += [f"| {format_figure(f, lang)} | {f.label[lang]} |" for f in highlight.figures]
        lines.append("")
    for photo in highlight.photos:
        lines += [f"*{plain_text(photo.caption[lang], record, lang)}*", ""]
    for note in highlight.notes:
        lines += ["!!! note", "", f"    {plain_text(note.text[lang], record, lang)}", ""]
    return "\n".join(lines)


def write_plain_project(archive_project: Path, target: Path) -> Path:
    """A plain MkDocs project with one Markdown page per highlight per language, and a home page; the navigation
    groups the highlights as the archive's does (tayho/navigation.py), so both build the same sidebar."""
    record = load_record(archive_project / "data" / "achievements.yaml", archive_project)
    navs = {}
    for lang in ("vi", "en"):
        highlights = grouped_highlights([(h.order, f"{h.id}.md") for h in record.highlights], lang)
        navs[lang] = yaml.safe_dump({"nav": [{"Home": "index.md"}, {"Highlights": highlights}]}, allow_unicode=True)
        docs = target / "docs" / lang
        docs.mkdir(parents=True)
        home = [f"# {record.term.title[lang]}", ""]
        for highlight in record.highlights:
            (docs / f"{highlight.id}.md").write_text(_page(record, highlight, lang), encoding="utf-8")
            home.append(f"- [{highlight.order}. {highlight.title[lang]}]({highlight.id}.md)")
        (docs / "index.md").write_text("\n".join(home) + "\n", encoding="utf-8")
    (target / "mkdocs.yml").write_text(CONFIG + navs["vi"], encoding="utf-8")
    (target / "mkdocs.en.yml").write_text(CONFIG_EN + navs["en"], encoding="utf-8")
    return target
