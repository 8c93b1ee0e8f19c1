"""Accent-insensitive search for Vietnamese: each search entry also carries its title and text with tone marks removed.

Material's search (lunr) does no accent folding, so "giam sat" would not find "giám sát". After the build, every
entry gets two more fields, `title_folded` and `text_folded`, declared in the index's own field list with the
same boosts as `title` and `text`: lunr indexes them, Material still displays the original title and text, and a
query typed without marks ranks pages exactly as the same query typed with them.
"""

from __future__ import annotations

import json
import unicodedata

def _folded_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFD", {"Đ": "D", "đ": "d"}.get(char, char))
    return "".join(part for part in decomposed if not unicodedata.combining(part))


# Latin (Vietnamese included), Greek and Cyrillic letters with marks, and the combining marks themselves (for text
# that arrives decomposed): one table, so that folding a whole search index is a single str.translate per entry.
_RANGES = (range(0x00C0, 0x0530), range(0x1E00, 0x2000))
_TABLE = {code: _folded_char(chr(code)) for block in _RANGES for code in block
          if _folded_char(chr(code)) != chr(code)}


def fold(text: str) -> str:
    """Remove Vietnamese tone and vowel marks and map đ to d: "Đại đoàn kết" → "Dai doan ket"."""
    return text.translate(_TABLE)


FOLDED_FIELDS = {"title": "title_folded", "text": "text_folded"}


def fold_index(index_json: str) -> str:
    """The search index with folded copies of each entry's title and text, indexed with the originals' boosts."""
    index = json.loads(index_json)
    fields = index["config"]["fields"]
    for original, folded in FOLDED_FIELDS.items():
        fields[folded] = dict(fields.get(original, {"boost": 1.0}))
    for entry in index["docs"]:
        for original, folded in FOLDED_FIELDS.items():
            value = entry.get(original, "")
            if fold(value) != value:
                entry[folded] = fold(value)
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))
