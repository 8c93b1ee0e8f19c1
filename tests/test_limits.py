"""The record size limits (tayho/limits.py): a record at the limit is read, one past it is refused with the limit
named, on the benchmark's own synthetic records (bench/synth.py), so the limits the benchmark measured are the ones
enforced."""

from __future__ import annotations

import shutil

import pytest

from bench.synth import write_synthetic
from tayho.errors import RecordError
from tayho.limits import MAX_HIGHLIGHTS
from tayho.load import load_record

from .conftest import ROOT

pytestmark = pytest.mark.slow  # records of 500 highlights: seconds each, so `make test` only

RECORD = "data/achievements.yaml"


def project_of(tmp_path, highlights: int):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    write_synthetic(ROOT / RECORD, highlights, tmp_path / RECORD)
    return tmp_path / RECORD


@pytest.fixture(scope="module")
def at_the_limit(tmp_path_factory):
    """A synthetic record of MAX_HIGHLIGHTS highlights, written once for the tests that read it."""
    return project_of(tmp_path_factory.mktemp("at-the-limit"), MAX_HIGHLIGHTS)


@pytest.fixture(scope="module")
def past_the_limit(tmp_path_factory):
    """A synthetic record of one highlight more."""
    return project_of(tmp_path_factory.mktemp("past-the-limit"), MAX_HIGHLIGHTS + 1)


def test_a_record_of_as_many_highlights_as_the_limit_is_read(at_the_limit):
    record = load_record(at_the_limit, at_the_limit.parent.parent, max_bytes=10**9)  # the count alone
    assert len(record.highlights) == MAX_HIGHLIGHTS


def test_one_highlight_more_is_refused_with_the_limit_named(past_the_limit):
    with pytest.raises(RecordError) as refused:
        load_record(past_the_limit, past_the_limit.parent.parent, max_bytes=10**9)
    (problem,) = refused.value.problems
    assert problem.path == "highlights" and problem.file == RECORD
    assert f"has {MAX_HIGHLIGHTS + 1} items" in problem.message and f"at most {MAX_HIGHLIGHTS}" in problem.message


def test_a_change_that_names_highlights_names_their_copies_in_the_synthetic_record(tmp_path):
    """The second review found that a change naming a highlight broke the benchmark's records."""
    import yaml

    shutil.copytree(ROOT / "data", tmp_path / "data")
    record = yaml.safe_load((ROOT / RECORD).read_text(encoding="utf-8"))
    record["changes"][-1]["highlights"] = ["covid-19", "supervision"]
    real = tmp_path / "tagged.yaml"
    real.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")
    write_synthetic(real, 20, tmp_path / RECORD)
    loaded = load_record(tmp_path / RECORD, tmp_path)
    assert loaded.changes[-1].highlights == ["covid-19-n5", "supervision-n1"]


def test_the_benchmark_turns_the_limits_off_to_measure_past_them(past_the_limit):
    from bench.project import with_record_limit

    record = load_record(past_the_limit, past_the_limit.parent.parent, max_bytes=10**9, size_limits=False)
    assert len(record.highlights) == MAX_HIGHLIGHTS + 1
    assert "record_size_limits: false" in with_record_limit((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
