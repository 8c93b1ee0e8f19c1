"""Accent folding for Vietnamese search: "Đại đoàn kết" and "Dai doan ket" are the same words to the search.

Material's search (lunr) does no accent folding, so "giam sat" would not find "giám sát". Entries of the single
index (the offline copy) carry two more fields, `title_folded` and `text_folded`, declared with the same boosts as
`title` and `text`: lunr indexes them, Material still displays the original title and text, and a query typed
without marks ranks pages exactly as the same query typed with them. The chunked index folds every word.
"""

from __future__ import annotations

import functools
import itertools
import unicodedata


@functools.cache
def _fold_table() -> dict[int, str | None]:
    """Combining marks (Vietnamese tone and vowel marks among them, once decomposed) and invisible format characters
    (joiners, soft hyphens) deleted, đ → d. Marks and format characters outside planes 0, 1 and 14 do not exist."""
    planes = itertools.chain(range(0x20000), range(0xE0000, 0xE1000))
    table: dict[int, str | None] = {code: None for code in planes if unicodedata.category(chr(code)) in ("Mn", "Cf")}
    table.update({ord("Đ"): "D", ord("đ"): "d"})
    return table


def fold(text: str) -> str:
    """Remove Vietnamese tone and vowel marks (every combining mark, in any script) and invisible format characters,
    and map đ to d: "Đại đoàn kết" → "Dai doan ket". The same as the worker's fold (tayho-search.js)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", text).translate(_fold_table()))


FOLDED_FIELDS = {"title": "title_folded", "text": "text_folded"}
