"""The language registry: everything the archive needs to know about a language, in one entry per language.

A project publishes some of these languages (`languages:` of the tayho plugin in mkdocs.yml); the first is served
at the site root, each other one under its own folder (`en/`). Configurations, URLs, the language switcher,
metadata, PDFs and offline copies are all derived from these entries and that list. Interface words live beside
this file, in locales/<code>.yml, with the same keys for every language.

Adding a language: an entry here, its locales/<code>.yml, its prose pages in docs/<code>/, and its text in every
`{vi: …, en: …}` of the record (CONTRIBUTING.md walks through it).
"""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class Language:
    """One language the archive can be published in."""

    code: str  # BCP 47, as in lang="…" and in the record's texts
    name: str  # in the language itself, for the switcher: "Tiếng Việt"
    english_name: str
    babel_locale: str  # number and date formats
    open_graph_locale: str  # og:locale
    bibtex_language: str  # the `language` field of BibTeX entries (babel/polyglossia names)
    search_language: str  # the stemmer of Material's lunr search (offline copy)


REGISTRY: dict[str, Language] = {
    language.code: language
    for language in (
        Language("vi", "Tiếng Việt", "Vietnamese", "vi", "vi_VN", "vietnamese", "vi"),
        Language("en", "English", "English", "en_GB", "en_GB", "english", "en"),
        Language("fr", "Français", "French", "fr", "fr_FR", "french", "fr"),
    )
}

DEFAULT_LANGUAGES = ("vi", "en")


@dataclasses.dataclass(frozen=True)
class SiteLanguages:
    """The languages one project publishes, in order: the first at the site root, the others in folders."""

    codes: tuple[str, ...] = DEFAULT_LANGUAGES

    def __post_init__(self):
        unknown = [code for code in self.codes if code not in REGISTRY]
        if unknown or not self.codes or len(set(self.codes)) != len(self.codes):
            raise ValueError(
                f"languages must be distinct codes from the registry ({', '.join(REGISTRY)}); "
                f"got {', '.join(self.codes) or 'none'}"
            )

    @property
    def root(self) -> str:
        return self.codes[0]

    def __iter__(self):
        return iter(self.codes)

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def entry(self, code: str) -> Language:
        return REGISTRY[code]

    def prefix(self, code: str) -> str:
        """The folder of a language from the site root: "" for the root language, "en/" for the others."""
        if code not in self.codes:
            raise KeyError(f"{code!r} is not one of this site's languages ({', '.join(self.codes)})")
        return "" if code == self.root else f"{code}/"

    def folders(self) -> tuple[str, ...]:
        """The folder names the non-root languages occupy at the site root (reserved: no page may use them)."""
        return tuple(code for code in self.codes if code != self.root)

    def language_of_path(self, path: str) -> str:
        """The language a site path belongs to, from its first folder: "en/supervision/" → "en"."""
        first = path.lstrip("/").split("/", 1)[0]
        return first if first in self.folders() else self.root


THIS_SITE = SiteLanguages()  # the archive's own languages, for code that is not told another site's
