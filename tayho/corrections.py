"""Where readers report a correction: the target mkdocs.yml sets (`plugins: - tayho: corrections:`), an issue
tracker's new-issue address with {title} and {body} placeholders or a mailto: address, filled per highlight page and
per figure with a title that names what is wrong and a body that links it.

Placeholders are percent-encoded into the address; a mailto: address without them gets ?subject=…&body=….
"""

from __future__ import annotations

import dataclasses
import string
from urllib.parse import quote, urlsplit

from .i18n import words

PLACEHOLDERS = ("title", "body", "url")


class CorrectionsError(ValueError):
    """A corrections target that cannot be filled in: its message says what to write instead."""


@dataclasses.dataclass(frozen=True)
class CorrectionTarget:
    """The checked corrections setting."""

    template: str

    @classmethod
    def parse(cls, text: str) -> CorrectionTarget:
        parts = urlsplit(text)
        if parts.scheme == "mailto":
            if not parts.path or "@" not in parts.path:
                raise CorrectionsError(f"the corrections address {text!r} names no e-mail address after mailto:")
        elif parts.scheme != "https" or not parts.netloc:
            raise CorrectionsError(
                f"the corrections address {text!r} must be an https:// address (such as an issue tracker's "
                "https://github.com/OWNER/REPO/issues/new?title={title}&body={body}) or a mailto: address"
            )
        if any(char in text for char in "\"<>'`\\") or any(c.isspace() or not c.isprintable() for c in text):
            raise CorrectionsError(
                f"the corrections address {text!r} holds a space or a quote (or an invisible character); "
                "encode it (%20)"
            )
        try:
            parsed = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(text)]
        except ValueError as error:
            raise CorrectionsError(f"the corrections address {text!r} has an unbalanced brace: {error}") from None
        fields = [name for name, _, _ in parsed if name is not None]
        if any(spec or conversion for name, spec, conversion in parsed if name is not None):
            # {title!r} would put quotes in the address, {title:9999999999} fill the memory, {title:%} fail
            raise CorrectionsError(
                f"the corrections address {text!r} has a placeholder with a format (after : or !); write "
                "{title}, {body} or {url} alone"
            )
        unknown = sorted({name for name in fields if name not in PLACEHOLDERS})
        if unknown:
            raise CorrectionsError(
                f"the corrections address {text!r} has the unknown placeholder(s) {', '.join(unknown)}; "
                f"use {', '.join('{' + name + '}' for name in PLACEHOLDERS)}"
            )
        return cls(text)

    def href(self, title: str, body: str, url: str) -> str:
        """The address to open for one report."""
        values = {name: quote(value, safe="") for name, value in (("title", title), ("body", body), ("url", url))}
        if self.template.startswith("mailto:") and not any(f"{{{name}}}" in self.template for name in PLACEHOLDERS):
            joiner = "&" if "?" in self.template else "?"
            return f"{self.template}{joiner}subject={values['title']}&body={values['body']}"
        return self.template.format(**values)


def report_links(target: CorrectionTarget | None, view: dict, lang: str) -> dict:
    """The correction links of one highlight page (its view from views.highlight_view): the page's, and each
    figure's by its anchor. Empty when no target is set."""
    if target is None:
        return {}
    text = words(lang)
    page_name = f"{view['order']}. {view['title']}"

    def link(what: str, url: str) -> str:
        title = text.correction_title.format(what=what)
        return target.href(title, text.correction_body.format(url=url), url)

    return {
        "page": link(page_name, view["url"]),
        "figures": {
            figure.anchor: link(f"{page_name} — {figure.display} ({figure.label})", f"{view['url']}#{figure.anchor}")
            for figure in view["figures"]
        },
    }
