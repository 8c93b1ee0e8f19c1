"""A built page without its templates' indentation: Material's templates indent deeply, and every first view
downloads the page (about 0.7 KB gzip of a highlight page's 9). Each run of line breaks and indentation becomes one
line break, which a browser draws as the same single space; <pre>, <textarea> and <script> keep every character."""

from __future__ import annotations

import re

_KEPT_OR_INDENT = re.compile(r"(<(pre|textarea|script)\b.*?</\2\s*>)|\n[ \t\n]*", re.IGNORECASE | re.DOTALL)


def compact(page: str) -> str:
    return _KEPT_OR_INDENT.sub(lambda match: match.group(1) or "\n", page)
