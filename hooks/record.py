"""MkDocs hook: load and validate the record on every (re)build and bind it to this build's language."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import Abort

from tayho.errors import RecordError
from tayho.load import load_record
from tayho.site import LanguageSite

log = logging.getLogger("mkdocs.hooks.record")


def on_config(config, **kwargs):
    root = Path(config.config_file_path).resolve().parent
    record_file = root / config.extra["record_file"]
    try:
        record = load_record(record_file, root)
    except RecordError as error:
        raise Abort(error.report()) from None
    lang = config.theme["language"]
    fragments = Path(config.theme.custom_dir) / "fragments"
    site = LanguageSite.create(record, lang, fragments, root)
    config.extra["tayho_site"] = site
    config.nav = site.nav()
    return config
