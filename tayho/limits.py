"""How large a record the archive builds within its bounds: the whole build (both languages, their PDFs and
images) within 2 GiB of memory for its process tree, on the machine BENCHMARKS.md describes. The limits come from
that benchmark (`python -m bench.run --limits N,N`), not from a guess; a record
past one of them is refused when it is read, with the limit named, instead of exhausting the machine mid-build.
"""

from __future__ import annotations

from pydantic import ValidationInfo
from pydantic_core import PydanticCustomError

MAX_RECORD_BYTES = 4_000_000  # the benchmark's N = 500 record is 3.9 MB
MAX_HIGHLIGHTS = 500  # N = 500 with every PDF peaked at 1.84 GB (PSS); N = 1000 passed 2 GiB
MAX_FIGURES_PER_HIGHLIGHT = 200
MAX_PARAGRAPHS_PER_HIGHLIGHT = 100
MAX_TEXT_CHARACTERS = 5000  # one text in one language: a paragraph, a title, a note
# A chart is drawn as an SVG and a PNG three times its size: 60 bars with 5,000-character labels made a PNG a
# million pixels tall and took 8.4 GB. With these, the tallest chart is about 4,000 px of SVG.
MAX_BARS_PER_CHART = 20
MAX_CHART_LABEL_CHARACTERS = 200


def within_limit(items: list, limit: int, info: ValidationInfo) -> list:
    """`items` when there are at most `limit` of them, or when the validation context turns the limits off (the
    plugin's `record_size_limits: false`, for the benchmark's deliberately large records); else a `too_long` error."""
    if len(items) > limit and (info.context or {}).get("size_limits", True):
        raise PydanticCustomError("too_long", "has more than {max_length} items", {"max_length": limit})
    return items
