"""The archive's own scripts as the site serves them: minified with rjsmin, so a reader's browser downloads no
comments or indentation, while the sources in tayho/theme/assets/javascripts/ stay commented for whoever reads them.

Only the archive's own files (tayho-*.js) are minified: Material's are minified already, and the offline copy's
vendored iframe-worker shim keeps its licence notice as published. The output is the same from one build to the next.
"""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import Path

import rjsmin
from mkdocs.structure.files import File, Files

OWN_SCRIPTS = Path(__file__).resolve().parent / "theme" / "assets" / "javascripts"
OWN_NAMES = "tayho-*.js"


def minify_own_scripts(files: Files, config) -> Files:
    """Replace each of the theme's own scripts among `files` by its minified text, at the same address."""
    for file in list(files):
        source = Path(file.abs_src_path) if file.abs_src_path else None
        if source is None or source.parent != OWN_SCRIPTS or not fnmatch(source.name, OWN_NAMES):
            continue
        files.remove(file)
        files.append(File.generated(config, file.src_uri, content=rjsmin.jsmin(source.read_text(encoding="utf-8"))))
    return files
