"""The glossary (data/glossary.yaml, tayho/glossary.py) and its check on the record's texts and the prose pages
(tayho/editorial.py): what it finds, where it reports it, and what it lets through."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tayho.editorial import EditorialError, check_editorial, editorial_problems, glossary_of, localized_texts
from tayho.errors import RecordError
from tayho.glossary import Glossary, check_pair, fold, load_glossary
from tayho.languages import SiteLanguages
from tayho.load import load_record

from .commands import tayho
from .conftest import ROOT

RECORD_PATH = ROOT / "data" / "achievements.yaml"
RECORD = load_record(RECORD_PATH, ROOT)
GLOSSARY = glossary_of(RECORD_PATH)
BOTH = SiteLanguages(("vi", "en"))


def small_glossary(*terms: dict, exceptions: tuple = ()) -> Glossary:
    return Glossary.model_validate({"terms": list(terms), "exceptions": list(exceptions)})


def term(id: str, vi: list[str], en: str | None, **more) -> dict:
    return {"id": id, "kind": "body", "vi": vi, "en": en, "note": "A note.", **more}


def findings(glossary: Glossary, vietnamese: str, english: str) -> list[str]:
    return [finding.term for finding in check_pair(glossary, "here", vietnamese, english)]


def project_copy(tmp_path: Path) -> Path:
    """The real project's record, glossary, source and prose pages, to edit."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "data", project / "data")
    shutil.copytree(ROOT / "docs", project / "docs")
    return project


def replace_in(path: Path, old: str, new: str) -> int:
    """Replace the one occurrence of `old`; return its 1-based line."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


# --- the real record ---------------------------------------------------------------------------------------------


def test_the_real_glossary_names_each_term_once_with_a_rendering_and_a_note():
    assert GLOSSARY is not None and len(GLOSSARY.terms) >= 90
    assert len({t.id for t in GLOSSARY.terms}) == len(GLOSSARY.terms)
    assert all(t.note for t in GLOSSARY.terms)
    assert {"ban-thuong-truc", "ban-thuong-vu-quan-uy", "thanh-uy", "quy-phong-chong-dich"} <= {
        t.id for t in GLOSSARY.terms
    }


def test_the_real_record_and_prose_pages_follow_the_glossary_and_the_style_sheet():
    assert editorial_problems(ROOT, RECORD_PATH, RECORD, BOTH) == []


def test_the_two_standing_bodies_have_different_renderings():
    by_id = {t.id: t for t in GLOSSARY.terms}
    assert by_id["ban-thuong-truc"].en == "Standing Board"
    assert "Standing Board" not in by_id["ban-thuong-vu-quan-uy"].en
    for _, text in localized_texts(RECORD):
        if "Ban Thường vụ" in text["vi"]:
            assert "Standing Committee" in text["en"] and "Standing Board" not in text["en"], text["en"]


# --- what the check finds -----------------------------------------------------------------------------------------


def test_a_term_without_its_rendering_is_found_and_one_with_it_is_not():
    glossary = small_glossary(term("thanh-uy", ["Thành ủy"], "Hanoi Party Committee"))
    assert findings(glossary, "Thành ủy chỉ đạo.", "The City Party Committee directed.") == ["thanh-uy"]
    assert findings(glossary, "Thành ủy chỉ đạo.", "The Hanoi Party Committee directed.") == []
    assert findings(glossary, "Quận chỉ đạo.", "The district directed.") == []


def test_an_avoided_rendering_is_found_in_any_english_text_with_its_capitals():
    glossary = small_glossary(
        term("quan-uy", ["Quận ủy"], "District Party Committee", avoid=["district Party committee"])
    )
    assert findings(glossary, "Không có thuật ngữ.", "the district Party committee met") == ["quan-uy"]
    assert findings(glossary, "Không có thuật ngữ.", "the District Party Committee met") == []


def test_the_source_spelling_variants_match_one_form():
    glossary = small_glossary(term("quan-uy", ["Quận ủy"], "District Party Committee"))
    for written in ("Quận ủy", "Quận uỷ"):
        assert findings(glossary, f"{written} Tây Hồ", "Tây Hồ") == ["quan-uy"], written
    assert fold("hoá, khoá, Uỷ ban") == "hóa, khóa, Ủy ban"
    assert fold("hoàn") == fold("hoàn")  # a tone before a final consonant is not moved: only end-of-syllable marks


def test_the_longest_form_is_read_first():
    glossary = small_glossary(
        term("ban-thuong-vu", ["Ban Thường vụ Quận ủy"], "Standing Committee"),
        term("quan-uy", ["Quận ủy"], "District Party Committee"),
    )
    assert findings(glossary, "Ban Thường vụ Quận ủy Tây Hồ", "the Standing Committee") == []
    assert findings(glossary, "Ban Thường vụ Quận ủy và Quận ủy", "the Standing Committee") == ["quan-uy"]


def test_a_lower_case_form_may_open_a_sentence_but_a_capitalised_one_stays_capitalised():
    glossary = small_glossary(term("mat-tran", ["mặt trận"], "Front"), term("quy-dinh", ["Quy định"], "Regulation"))
    assert findings(glossary, "Mặt trận các cấp.", "At all levels.") == ["mat-tran"]
    assert findings(glossary, "đúng quy định", "in accordance with the rules") == []
    assert findings(glossary, "Quy định 213", "Rule 213") == ["quy-dinh"]


def test_a_vietnamese_quotation_the_english_quotes_too_needs_no_rendering():
    glossary = small_glossary(term("thanh-pho", ["TP. Hà Nội"], "Hanoi"))
    assert findings(glossary, "cách viết tắt “TP. Hà Nội”", "the abbreviation “TP. Hà Nội”") == []
    assert findings(glossary, "cách viết tắt “TP. Hà Nội”", "the abbreviation TP") == ["thanh-pho"]


def test_a_term_left_untranslated_only_refuses_its_avoided_forms():
    glossary = small_glossary(term("dong-chi", ["đồng chí"], None, avoid=["Comrade"]))
    assert findings(glossary, "Đồng chí Nguyễn Văn Phong", "Nguyễn Văn Phong") == []
    assert findings(glossary, "Đồng chí Nguyễn Văn Phong", "Comrade Nguyễn Văn Phong") == ["dong-chi"]


# --- where it reports, in the record and the prose pages ----------------------------------------------------------


def test_a_broken_rendering_in_the_record_is_reported_at_its_line_and_path(tmp_path):
    project = project_copy(tmp_path)
    record_path = project / "data" / "achievements.yaml"
    line = replace_in(
        record_path,
        "the Standing Committee of the Tây Hồ District Party Committee introduced",
        "the Standing Board of the Tây Hồ District Party Committee introduced",
    )
    record = load_record(record_path, project)
    problems = editorial_problems(project, record_path, record, BOTH)
    assert {(p.file, p.line, p.path) for p in problems} == {
        ("data/achievements.yaml", line, "highlights[0].body[0].en")
    }
    messages = " ".join(p.message for p in problems)
    assert "ban-thuong-vu-quan-uy" in messages and "Standing Committee of the District Party Committee" in messages


def test_a_broken_rendering_in_a_prose_page_is_reported_at_its_line(tmp_path):
    project = project_copy(tmp_path)
    page = project / "docs" / "en" / "about.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\nThe City Party Committee is not named here.\n", encoding="utf-8")
    record_path = project / "data" / "achievements.yaml"
    problems = editorial_problems(project, record_path, load_record(record_path, project), BOTH)
    assert [(p.file, p.line) for p in problems] == [("docs/en/about.md", text.count("\n") + 2)]
    assert "thanh-uy" in problems[0].message


def test_an_exception_excuses_one_term_in_one_text_and_a_needless_one_is_reported(tmp_path):
    project = project_copy(tmp_path)
    glossary_path = project / "data" / "glossary.yaml"
    record_path = project / "data" / "achievements.yaml"
    replace_in(record_path, "Nguyễn Văn Phong, Deputy Secretary", "Comrade Nguyễn Văn Phong, Deputy Secretary")
    record = load_record(record_path, project)
    assert [p.message.split("(")[1].split(")")[0] for p in editorial_problems(project, record_path, record, BOTH)] == [
        "dong-chi"
    ]
    with glossary_path.open("a", encoding="utf-8") as file:
        file.write(
            '  - term: dong-chi\n    at: highlights[6].photos[0].caption\n    reason: "A test."\n'
            '  - term: thanh-uy\n    at: highlights[0].title\n    reason: "Excuses nothing."\n'
        )
    problems = editorial_problems(project, record_path, record, BOTH)
    assert [(p.file, p.path) for p in problems] == [("data/glossary.yaml", "exceptions[2].term")]
    assert "needs no exception" in problems[0].message


def test_the_glossary_file_is_validated_with_its_lines(tmp_path):
    path = tmp_path / "glossary.yaml"
    path.write_text(
        "terms:\n"
        '  - id: a\n    kind: body\n    vi: ["Thành ủy"]\n    en: "Hanoi Party Committee"\n    note: "n"\n'
        '  - id: a\n    kind: body\n    vi: ["Thành uỷ"]\n    en: "x"\n    avoid: ["X", "y"]\n    note: "n"\n'
        '  - id: c\n    kind: colour\n    vi: ["x"]\n    en: "y"\n    nota: "n"\n'
        'exceptions:\n  - term: missing\n    at: here\n    reason: "r"\n',
        encoding="utf-8",
    )
    with pytest.raises(RecordError) as raised:
        load_glossary(path, "data/glossary.yaml")
    found = {(p.line, p.path) for p in raised.value.problems}
    assert {(14, "terms[2].kind"), (17, "terms[2].nota"), (13, "terms[2].note")} == found
    with pytest.raises(RecordError) as raised:  # once the model is satisfied, the rules across terms
        path.write_text(path.read_text(encoding="utf-8").replace("colour", "body").replace("nota", "note"))
        load_glossary(path, "data/glossary.yaml")
    found = {(p.line, p.path, p.message.split(" ")[0]) for p in raised.value.problems}
    assert (7, "terms[1].id", "term") in found  # the id used twice
    assert (9, "terms[1].vi[0]", "“Thành") in found  # Thành uỷ is Thành ủy in the other placement of the tone
    assert (11, "terms[1].avoid[0]", "“X”") in found  # “x” opening a sentence is the rendering itself
    assert (11, "terms[1].avoid[1]", "“y”") not in found
    assert (19, "exceptions[0].term", "'missing'") in found


def test_check_editorial_raises_one_error_listing_every_problem(tmp_path):
    project = project_copy(tmp_path)
    record_path = project / "data" / "achievements.yaml"
    replace_in(
        record_path,
        "for the COVID-19 Prevention and Control Fund, the most in the city, and ran",
        "for the epidemic prevention fund, the most in the city, and ran",
    )
    replace_in(project / "docs" / "en" / "changes.md", "“last updated”", '"last updated"')
    with pytest.raises(EditorialError) as raised:
        check_editorial(project, record_path, load_record(record_path, project), BOTH)
    report = str(raised.value)
    assert report.startswith("The texts have 3 editorial problems")
    assert "quy-phong-chong-dich" in report and "docs/en/changes.md:3: style (straight-quotes)" in report


def test_a_project_without_a_glossary_has_no_editorial_checks(tmp_path):
    project = project_copy(tmp_path)
    record_path = project / "data" / "achievements.yaml"
    replace_in(project / "docs" / "en" / "changes.md", "“last updated”", '"last updated"')
    record = load_record(record_path, project)
    assert editorial_problems(project, record_path, record, BOTH) != []
    (project / "data" / "glossary.yaml").unlink()
    assert editorial_problems(project, record_path, record, BOTH) == []


@pytest.mark.build
def test_tayho_check_fails_with_the_file_and_line_and_no_traceback(tmp_path):
    project = project_copy(tmp_path)
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    line = replace_in(
        project / "data" / "achievements.yaml",
        "the Hanoi Party Committee's {fig:city-work-programmes}",
        "the City Party Committee's {fig:city-work-programmes}",
    )
    result = tayho("check", "--root", str(project))
    assert result.returncode == 1
    assert f"data/achievements.yaml:{line} highlights[3].body[0].en: glossary: “City Party Committee”" in result.stderr
    assert "Traceback" not in result.stderr
