"""The search rules that exist twice, in Python (the build) and in JavaScript (the browser's worker), checked
against one shared table of cases, so that the two cannot drift apart."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tayho.search import fold
from tayho.search_chunks import shard_key, words

from .conftest import FIXTURES, ROOT

CASES = json.loads((FIXTURES / "search_rules.json").read_text(encoding="utf-8"))["cases"]
WORKER = ROOT / "tayho" / "theme" / "assets" / "javascripts" / "tayho-search.js"


@pytest.mark.parametrize("case", CASES, ids=[case["text"] for case in CASES])
def test_the_build_folds_splits_and_shards_as_the_table_says(case):
    assert fold(case["text"]) == case["folded"]
    assert words(case["text"]) == case["words"]
    assert [shard_key(word) for word in words(case["text"])] == case["shards"]


def test_the_browsers_worker_folds_splits_and_shards_as_the_table_says():
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: the worker's rules cannot be checked")
    result = subprocess.run(
        [node, str(ROOT / "tests" / "js" / "search_rules.mjs"), str(WORKER), str(FIXTURES / "search_rules.json")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["checked"] == len(CASES) and report["differences"] == []
