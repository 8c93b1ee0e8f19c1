"""The accent folding behind Vietnamese search (tayho/search.py), without a browser."""

from __future__ import annotations

import json
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from tayho.search import FOLDED_FIELDS, fold, fold_index

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


def test_the_index_gets_folded_fields_with_the_originals_boosts_and_keeps_the_originals():
    index = {"config": {"lang": ["vi"], "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
             "docs": [{"location": "supervision/", "title": "Giám sát", "text": "<p>Đại hội</p>"},
                      {"location": "en/", "title": "Supervision", "text": "plain"}]}
    folded = json.loads(fold_index(json.dumps(index)))
    assert folded["config"]["fields"][FOLDED_FIELDS["title"]] == {"boost": 1000.0}
    assert folded["config"]["fields"][FOLDED_FIELDS["text"]] == {"boost": 1.0}
    first, second = folded["docs"]
    assert (first["title"], first["text"]) == ("Giám sát", "<p>Đại hội</p>")
    assert (first["title_folded"], first["text_folded"]) == ("Giam sat", "<p>Dai hoi</p>")
    assert second == index["docs"][1]  # nothing to fold: no copy
