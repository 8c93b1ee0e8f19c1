"""One broken variant of the fixture record per validation rule: the error names the right line and field path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tayho.errors import RecordError
from tayho.load import load_record
from tayho.plugin.plugin import RESERVED_IDS

from .commands import tayho
from .conftest import FIXTURES, make_project

MINIMAL = FIXTURES / "minimal" / "data"
TEXT = (MINIMAL / "achievements.yaml").read_text(encoding="utf-8")


def load_variant(tmp_path: Path, text: str | bytes):
    """Load a variant of the fixture record written beside the fixture's source file."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    target = data / "achievements.yaml"
    target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return load_record(target, tmp_path)


def problems_of(tmp_path: Path, text: str | bytes) -> list:
    with pytest.raises(RecordError) as caught:
        load_variant(tmp_path, text)
    return caught.value.problems


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the n-th line containing needle."""
    hits = [number for number, line in enumerate(text.splitlines(), 1) if needle in line]
    return hits[occurrence - 1]


def replaced(old: str, new: str, count: int = 1) -> str:
    assert TEXT.count(old) >= count, f"fixture no longer contains {old!r}"
    return TEXT.replace(old, new, count)


def only(problems: list):
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def test_the_fixture_itself_is_valid(tmp_path):
    record = load_variant(tmp_path, TEXT)
    assert [h.id for h in record.highlights] == ["supervision", "congress"]


def test_unknown_key_is_reported_at_its_line(tmp_path):
    text = replaced("        headline: true\n", "        headline: true\n        colour: red\n")
    problem = only(problems_of(tmp_path, text))
    assert problem.path == "highlights[0].figures[0].colour"
    assert problem.line == line_of(text, "colour: red")
    assert "not a known field" in problem.message
    assert str(problem).startswith(f"data/achievements.yaml:{problem.line} highlights[0].figures[0].colour: ")


def test_missing_translation(tmp_path):
    text = replaced('label: {vi: "nội dung", en: "tasks"}', 'label: {vi: "nội dung"}')
    problem = only(problems_of(tmp_path, text))
    assert problem.path == "highlights[0].figures[0].label.en"
    assert problem.line == line_of(text, 'label: {vi: "nội dung"}')
    assert "required" in problem.message


def test_text_where_a_number_belongs(tmp_path):
    text = replaced("value: 156", 'value: "156"')
    problem = only(problems_of(tmp_path, text))
    assert problem.path == "highlights[1].figures[0].value"
    assert problem.line == line_of(text, 'value: "156"')
    assert "number" in problem.message


def test_negative_count(tmp_path):
    text = replaced("value: 7\n", "value: -7\n")
    problem = only(problems_of(tmp_path, text))
    assert problem.path == "highlights[0].figures[1].value"
    assert "must not be negative" in problem.message


def test_duplicate_yaml_key(tmp_path):
    text = replaced("    order: 1\n", "    order: 1\n    order: 1\n")
    problem = only(problems_of(tmp_path, text))
    assert problem.path == "highlights[0].order"
    assert problem.line == line_of(text, "order: 1", 2)
    assert "duplicate key 'order'" in problem.message


def test_duplicate_highlight_ids_are_both_reported(tmp_path):
    text = replaced("  - id: congress\n", "  - id: supervision\n")
    problems = problems_of(tmp_path, text)
    assert {p.path for p in problems} == {"highlights[0].id", "highlights[1].id"}
    id_lines = [n for n, line in enumerate(text.splitlines(), 1) if line == "  - id: supervision"]
    assert sorted(p.line for p in problems) == id_lines


def test_non_ascii_id(tmp_path):
    text = replaced("  - id: congress\n", "  - id: đại-hội\n")
    problem = only(problems_of(tmp_path, text))
    assert problem.path == "highlights[1].id"
    assert "lowercase ASCII" in problem.message


def test_share_contradicting_its_count_without_a_note(tmp_path):
    text = replaced("        figures: [tasks-rest-share]\n", "        figures: []\n")
    problem = only(problems_of(tmp_path, text))
    assert problem.path == "highlights[0].figures[4].value"
    assert problem.line == line_of(text, "value: 31")
    assert "stated 31, recomputed 30" in problem.message


def test_total_that_is_not_the_sum_of_its_parts(tmp_path):
    text = replaced("value: 10\n", "value: 11\n")
    problems = problems_of(tmp_path, text)
    messages = {p.path: p.message for p in problems}
    assert "stated 11, recomputed 10" in messages["highlights[0].figures[0].value"]


def test_stale_mismatch_note_is_reported(tmp_path):
    text = replaced("value: 31\n", "value: 30\n")
    problem = only(problems_of(tmp_path, text))
    assert problem.path == "highlights[0].notes[0]"
    assert "adds up" in problem.message


def test_share_over_100_percent(tmp_path):
    text = replaced("value: 70\n", "value: 170\n")
    problems = problems_of(tmp_path, text)
    assert any(p.path == "highlights[0].figures[2].value" and "cannot exceed 100" in p.message for p in problems)


def test_token_naming_no_figure(tmp_path):
    text = replaced("Quỹ đạt {fig:fund}", "Quỹ đạt {fig:fundd}")
    problems = problems_of(tmp_path, text)
    paths = {p.path for p in problems}
    assert "highlights[1].body[0].vi" in paths
    assert any("names no figure" in p.message for p in problems)


def test_tokens_must_match_across_languages(tmp_path):
    text = replaced("The fund reached {fig:fund}, with", "The fund reached a lot, with")
    problem = only(problems_of(tmp_path, text))
    assert problem.path == "highlights[1].body[0]"
    assert "same {fig:" in problem.message


def test_dangling_reference(tmp_path):
    text = replaced("places: [phu-thuong]", "places: [buoi]")
    problem = only(problems_of(tmp_path, text))
    assert problem.path == "highlights[0].places[0]"
    assert problem.line == line_of(text, "places: [buoi]")


def test_nfd_text_is_rejected_with_the_reason(tmp_path):
    import unicodedata

    text = replaced('"Giám sát"', '"' + unicodedata.normalize("NFD", "Giám sát") + '"')
    problem = only(problems_of(tmp_path, text))
    assert problem.path == "highlights[0].title.vi"
    assert "NFC" in problem.message


def test_control_character(tmp_path):
    text = replaced('"Supervision"', '"Super\\u0007vision"')
    problem = only(problems_of(tmp_path, text))
    assert problem.path == "highlights[0].title.en"
    assert "U+0007" in problem.message


def test_every_problem_is_reported_at_once(tmp_path):
    text = replaced("value: 156", 'value: "many"').replace("    order: 2\n", "    order: 2\n    extra: 1\n")
    assert len(problems_of(tmp_path, text)) == 2


def test_yaml_syntax_error_names_the_line(tmp_path):
    text = replaced("    order: 1\n", "    order: [1\n")
    problem = only(problems_of(tmp_path, text))
    assert "not valid YAML" in problem.message
    assert problem.line >= line_of(text, "order: [1")


def test_tab_indentation(tmp_path):
    text = replaced("    order: 1\n", "\torder: 1\n")
    problem = only(problems_of(tmp_path, text))
    assert problem.line == line_of(text, "\torder: 1")
    assert "tabs" in problem.message


def test_empty_file(tmp_path):
    assert "empty" in only(problems_of(tmp_path, "")).message


def test_byte_order_mark(tmp_path):
    assert "byte-order mark" in only(problems_of(tmp_path, b"\xef\xbb\xbf" + TEXT.encode())).message


def test_bytes_that_are_not_utf8(tmp_path):
    raw = TEXT.encode("utf-8").replace("Bài mẫu về".encode(), "B\xe0i".encode("latin-1"))
    problem = only(problems_of(tmp_path, raw))
    assert problem.line == line_of(TEXT, "Bài mẫu về")
    assert "not valid UTF-8" in problem.message


def test_aliases_are_refused(tmp_path):
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"
    assert "anchors" in only(problems_of(tmp_path, bomb)).message


def test_source_file_fingerprint_must_match(tmp_path):
    text = (
        "\n".join(
            line if "sha256:" not in line else line[: line.index("sha256:") + 8] + "a" * 64
            for line in TEXT.splitlines()
        )
        + "\n"
    )
    problem = only(problems_of(tmp_path, text))
    assert problem.path == "term.source.sha256"
    assert "does not match the source file" in problem.message


def test_thousands_grouping_typed_as_a_decimal_is_caught(tmp_path):
    text = replaced("value: 156", "value: 1.56")
    problem = only(problems_of(tmp_path, text))
    assert problem.path == "highlights[1].figures[0].value"
    assert "whole number" in problem.message and "5736" in problem.message


def test_only_http_and_https_addresses_are_accepted(tmp_path):
    for number, address in enumerate(
        ("javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "//example.org/x")
    ):
        text = replaced("    url: null\n", f'    url: "{address}"\n')
        problem = only(problems_of(tmp_path / str(number), text))
        assert problem.path == "term.source.url" and "http:// or https://" in problem.message
    assert load_variant(tmp_path / "ok", replaced("    url: null\n", '    url: "https://example.org/a"\n'))


@pytest.mark.parametrize(
    "taken,owner",
    list(RESERVED_IDS.items())
    + [
        ("en", "a language's folder"),
        ("fr", "a language's folder"),
        ("timeline", "the prose page docs/vi/timeline.md"),
    ],
)
def test_a_highlight_cannot_take_a_name_the_site_uses_for_its_own_files(tmp_path, taken, owner):
    """`tayho check` on a project whose first highlight is named like one of the site's folders or pages."""
    project = make_project(tmp_path, MINIMAL)
    record = project / "data" / "achievements.yaml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("  - id: supervision\n", f"  - id: '{taken}'\n", 1), encoding="utf-8")
    result = tayho("check", "--root", str(project))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    line = line_of(text, "  - id: supervision")
    assert f"data/achievements.yaml:{line} highlights[0].id: {taken!r} is taken by {owner}" in result.stderr
