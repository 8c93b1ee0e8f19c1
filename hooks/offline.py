"""MkDocs hook: in the offline build (TAYHO_OFFLINE=true), keep directory URLs and serve the Worker shim locally.

Material's offline plugin turns directory URLs off and loads its Worker shim from a CDN; the archive keeps its
URLs (tools/offline.py points links at index.html afterwards) and never loads anything from another host.
"""

from __future__ import annotations

SHIM = "assets/javascripts/iframe-worker-shim.js"


def on_config(config, **kwargs):
    offline = config.plugins.get("material/offline")
    if offline is not None and offline.config.enabled:
        config.use_directory_urls = True
        config.extra["polyfills"] = [SHIM]
        config.extra["tayho_site"].offline = True  # no links to the published site in a copy read offline
    return config
