"""Accent folding for Vietnamese search: "Đại đoàn kết" and "Dai doan ket" are the same words to the search.

Material's search (lunr) does no accent folding, so "giam sat" would not find "giám sát". Entries of the single
index (the offline copy) carry two more fields, `title_folded` and `text_folded`, declared with the same boosts as
`title` and `text`: lunr indexes them, Material still displays the original title and text, and a query typed
without marks ranks pages exactly as the same query typed with them. The chunked index folds every word.
"""

from __future__ import annotations

import unicodedata


def _folded_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFD", {"Đ": "D", "đ": "d"}.get(char, char))
    return "".join(part for part in decomposed if not unicodedata.combining(part))


# Latin (Vietnamese included), Greek and Cyrillic letters with marks, and the combining marks themselves (for text
# that arrives decomposed): one table, so that folding a whole search index is a single str.translate per entry.
_RANGES = (range(0x00C0, 0x0530), range(0x1E00, 0x2000))
_TABLE = {code: _folded_char(chr(code)) for block in _RANGES for code in block if _folded_char(chr(code)) != chr(code)}


def fold(text: str) -> str:
    """Remove Vietnamese tone and vowel marks and map đ to d: "Đại đoàn kết" → "Dai doan ket"."""
    return text.translate(_TABLE)


FOLDED_FIELDS = {"title": "title_folded", "text": "text_folded"}
