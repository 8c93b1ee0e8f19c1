"""MkDocs hook: load and validate the record on every (re)build and bind it to this build's language."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import Abort

from tayho.errors import RecordError
from tayho.load import load_record
from tayho.site import LanguageSite
from tayho.version import record_version


def on_config(config, **kwargs):
    root = Path(config.config_file_path).resolve().parent
    try:
        record = load_record(root / config.extra["record_file"], root)
    except RecordError as error:
        raise Abort(error.report()) from None
    site_url = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
    site = LanguageSite.create(record, config.theme["language"], Path(config.theme.custom_dir) / "fragments", root,
                               site_url, record_version(root))
    config.extra["tayho_site"] = site
    config.nav = site.nav()
    return config
