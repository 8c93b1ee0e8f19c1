"""The language registry and its words: every language has the same words, and a site's languages are checked."""

from __future__ import annotations

import pytest
import yaml

from tayho.i18n import locale_text
from tayho.languages import REGISTRY, SiteLanguages


def test_every_language_of_the_registry_has_every_word():
    keys = {code: list(yaml.safe_load(locale_text(code))) for code in REGISTRY}
    reference = keys["en"]
    for code, words in keys.items():
        assert sorted(words) == sorted(reference), code
        assert len(words) == len(set(words)), code


def test_placeholders_are_the_same_in_every_language():
    import string

    def fields(text):
        return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name)

    words = {code: yaml.safe_load(locale_text(code)) for code in REGISTRY}
    for key, english in words["en"].items():
        for code in REGISTRY:
            assert fields(words[code][key]) == fields(english), (code, key)


def test_a_site_publishes_its_first_language_at_the_root_and_the_others_in_folders():
    site = SiteLanguages(("vi", "en", "fr"))
    assert [site.prefix(code) for code in site] == ["", "en/", "fr/"]
    assert site.folders() == ("en", "fr") and site.language_of_path("/fr/supervision/") == "fr"
    assert site.language_of_path("/supervision/") == "vi"


@pytest.mark.parametrize("codes", [(), ("vi", "vi"), ("vi", "xx")])
def test_a_site_of_unknown_or_repeated_languages_is_refused(codes):
    with pytest.raises(ValueError, match="distinct codes from the registry"):
        SiteLanguages(codes)
