"""The accent folding behind Vietnamese search (tayho/search.py), without a browser."""

from __future__ import annotations

import json
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from tayho.search import FOLDED_FIELDS, fold
from tayho.search_index import Entry, write_index

VIETNAMESE_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
vietnamese_text = st.text(alphabet=VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper() + " ,.-0123456789", max_size=80)


def test_tone_marks_and_d_stroke_are_removed():
    assert fold("Đại đoàn kết toàn dân tộc") == "Dai doan ket toan dan toc"
    assert fold("Giám sát, phản biện xã hội") == "Giam sat, phan bien xa hoi"
    assert fold("Tây Hồ 2019–2024") == "Tay Ho 2019–2024"


@given(vietnamese_text)
def test_folding_leaves_only_unmarked_letters_and_keeps_every_position(text):
    folded = fold(text)
    assert len(folded) == len(text)  # so a match in the folded copy sits where it sits in the original
    assert all(char in "abcdeghiklmnopqrstuvxy ,.-0123456789" for char in folded.lower())
    assert fold(folded) == folded


@given(vietnamese_text)
def test_decomposed_text_folds_like_composed_text(text):
    assert fold(unicodedata.normalize("NFD", text)) == fold(text)


def test_the_single_index_gets_folded_fields_with_the_originals_boosts_and_escaped_originals(tmp_path):
    entries = [Entry("supervision/", "Giám sát", "Đại hội <b>"), Entry("en/", "Supervision", "plain")]
    write_index(entries, tmp_path, "vi", chunked=False, inline=True)
    index = json.loads((tmp_path / "search_index.json").read_text(encoding="utf-8"))
    fields = index["config"]["fields"]
    assert fields[FOLDED_FIELDS["title"]] == fields["title"] and fields[FOLDED_FIELDS["text"]] == fields["text"]
    first, second = index["docs"]
    assert (first["title"], first["text"]) == ("Giám sát", "Đại hội &lt;b&gt;")  # Material shows these as HTML
    assert (first["title_folded"], first["text_folded"]) == ("Giam sat", "Dai hoi &lt;b&gt;")
    assert second == {"location": "en/", "title": "Supervision", "text": "plain"}  # nothing to fold: no copy
    script = (tmp_path / "search_index.js").read_text(encoding="utf-8")
    assert script == "var __index = " + (tmp_path / "search_index.json").read_text(encoding="utf-8")
