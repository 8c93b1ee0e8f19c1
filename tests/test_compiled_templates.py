"""Compiled templates kept between builds (tayho/compiled_templates.py): a second environment renders from the
cache without compiling, an edited template is compiled again, and a damaged or unwritable cache only costs time."""

from __future__ import annotations

import pytest
from jinja2 import Environment, FileSystemLoader

from tayho.compiled_templates import TEMPLATES_CACHE, CompiledTemplates

from .cache_damage import damage_entry


def environment(templates, root) -> Environment:
    return Environment(loader=FileSystemLoader(str(templates)), bytecode_cache=CompiledTemplates(root, "tests"))


@pytest.fixture
def templates(tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "page.html").write_text("{% for word in words %}<b>{{ word }}</b>{% endfor %}", encoding="utf-8")
    return folder


def entries(root):
    return sorted(path for path in (root / TEMPLATES_CACHE).rglob("*") if path.is_file())


def refuse_to_compile(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("compiled although the cache holds the template")

    monkeypatch.setattr(Environment, "_compile", refuse)


def test_a_second_environment_renders_from_the_cache_without_compiling(tmp_path, templates, monkeypatch):
    assert environment(templates, tmp_path).get_template("page.html").render(words=["a"]) == "<b>a</b>"
    assert len(entries(tmp_path)) == 1 and not list((tmp_path / TEMPLATES_CACHE).rglob("*.partial"))
    refuse_to_compile(monkeypatch)
    assert environment(templates, tmp_path).get_template("page.html").render(words=["a", "b"]) == "<b>a</b><b>b</b>"


def test_an_edited_template_is_compiled_again(tmp_path, templates):
    environment(templates, tmp_path).get_template("page.html").render(words=[])
    (templates / "page.html").write_text("{{ words | join(', ') }}", encoding="utf-8")
    assert environment(templates, tmp_path).get_template("page.html").render(words=["a", "b"]) == "a, b"


@pytest.mark.parametrize(
    "damage",
    [b"", "half", b"not a cache entry at all" * 10, "folder", "fifo", "one-byte"],
    ids=["empty", "cut", "garbage", "a-folder", "a-fifo", "one-byte-changed"],
)
def test_a_damaged_entry_is_compiled_again(tmp_path, templates, damage):
    environment(templates, tmp_path).get_template("page.html").render(words=[])
    (entry,) = entries(tmp_path)
    damage_entry(entry, damage)
    assert environment(templates, tmp_path).get_template("page.html").render(words=["c"]) == "<b>c</b>"


def test_an_environment_with_other_settings_compiles_its_own_code(tmp_path, templates):
    """The same template under trim_blocks compiles to other code: a cached entry of the other settings is not used."""
    (templates / "page.html").write_text("{% if true %}\n<b>x</b>\n{% endif %}\n", encoding="utf-8")
    assert environment(templates, tmp_path).get_template("page.html").render() == "\n<b>x</b>\n"
    trimmed = Environment(
        loader=FileSystemLoader(str(templates)), bytecode_cache=CompiledTemplates(tmp_path, "tests"), trim_blocks=True
    )
    assert trimmed.get_template("page.html").render() == "<b>x</b>\n"
    assert len(entries(tmp_path)) == 2


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path, templates):
    (tmp_path / ".tayho-cache").write_text("a file where the cache folder would be", encoding="utf-8")
    assert environment(templates, tmp_path).get_template("page.html").render(words=["d"]) == "<b>d</b>"
