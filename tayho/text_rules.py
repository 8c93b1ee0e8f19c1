"""What a text of the record may hold, and what a number may be: the rules, and a message that says what is wrong.

A text is one line of visible, NFC-normalised Unicode. Refused, with the character's code point, name and
position: control characters (Cc), format characters (Cf: zero-width spaces and joiners, bidirectional controls,
the soft hyphen, tag characters, the byte-order mark), line and paragraph separators (Zl, Zp), surrogates (Cs),
private-use characters (Co) and unassigned code points and noncharacters (Cn, such as U+FFFE). A text may not
begin with a combining mark (it would sit on nothing) and may not be empty once invisible characters are removed.

A figure's number is finite, not negative (not even -0.0) and at most MAX_NUMBER, which every output can format.
"""

from __future__ import annotations

import math
import unicodedata

REFUSED_CATEGORIES = {
    "Cc": "a control character",
    "Cf": "an invisible format character",
    "Zl": "a line separator",
    "Zp": "a paragraph separator",
    "Cs": "a surrogate",
    "Co": "a private-use character",
    "Cn": "an unassigned code point or noncharacter",
}
MAX_NUMBER = 10**15  # a thousand trillion: more than any count or amount in đồng a district reports
MAX_DECIMALS = 4


def describe(char: str) -> str:
    """U+202E (RIGHT-TO-LEFT OVERRIDE), for messages: a code point and its name, never the character itself."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def text_problem(value: str) -> str | None:
    """What is wrong with a text of the record, or None."""
    # str.isprintable() is false for every character of the refused categories (Unicode's "Other" and
    # "Separator", but for the space): only a text it refuses needs looking at character by character.
    for position, char in enumerate(() if value.isprintable() else value, start=1):
        category = unicodedata.category(char)
        if category in REFUSED_CATEGORIES:
            return f"contains {describe(char)}, {REFUSED_CATEGORIES[category]}, at character {position}; remove it"
    if not value.strip():
        return "text must not be empty"
    if unicodedata.normalize("NFC", value) != value:
        return (
            "text is not in Unicode NFC form (decomposed accents, as pasted from some editors); retype it or "
            "normalise it to NFC"
        )
    if value != value.strip():
        return "text starts or ends with white space"
    if unicodedata.combining(value[0]):
        return f"text starts with the combining mark {describe(value[0])}, which has no letter to sit on"
    return None


def number_problem(value: object) -> str | None:
    """What is wrong with a figure's number as YAML typed it (not text, not true/false), or None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"must be a number, not {type(value).__name__} {value!r:.40}"
    if isinstance(value, float) and not math.isfinite(value):
        return "must be a finite number"
    if value < 0 or (isinstance(value, float) and math.copysign(1.0, value) < 0):
        return "must not be negative"
    if value > MAX_NUMBER:
        return f"is larger than {MAX_NUMBER:,}, the largest number the archive formats"
    return None
