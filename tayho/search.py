"""Accent-insensitive search for Vietnamese: each search entry also carries a copy with tone marks removed.

Material's search (lunr) does no accent folding, so "giam sat" would not find "giám sát". Appending the
folded text to every entry after the build lets both spellings match with no change to the search box.
"""

from __future__ import annotations

import json
import unicodedata

_D_STROKE = str.maketrans({"Đ": "D", "đ": "d"})


def fold(text: str) -> str:
    """Remove Vietnamese tone and vowel marks and map đ to d: "Đại đoàn kết" → "Dai doan ket"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_STROKE))
    return unicodedata.normalize("NFC", "".join(char for char in decomposed if not unicodedata.combining(char)))


def fold_index(index_json: str) -> str:
    """The search index with a folded copy of each entry's title and text appended to its text."""
    index = json.loads(index_json)
    for entry in index["docs"]:
        extra = " ".join(part for part in (fold(entry.get("title", "")), fold(entry.get("text", "")))
                         if part and part not in (entry.get("title"), entry.get("text")))
        if extra:
            entry["text"] = f"{entry.get('text', '')} {extra}".strip()
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))
