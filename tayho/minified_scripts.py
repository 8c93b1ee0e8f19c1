"""The archive's own scripts as the site serves them: minified with rjsmin, so a reader's browser downloads no
comments or indentation, while the sources in tayho/theme/assets/javascripts/ stay commented for whoever reads them.

Only the theme's own files are minified (Material's are minified already); the result is plain text again, so the
build's output stays byte-identical from one build to the next.
"""

from __future__ import annotations

from pathlib import Path

import rjsmin
from mkdocs.structure.files import File, Files

OWN_SCRIPTS = Path(__file__).resolve().parent / "theme" / "assets" / "javascripts"


def minify_own_scripts(files: Files, config) -> Files:
    """Replace each of the theme's own scripts among `files` by its minified text, at the same address."""
    for file in list(files):
        source = Path(file.abs_src_path) if file.abs_src_path else None
        if source is None or source.suffix != ".js" or source.parent != OWN_SCRIPTS:
            continue
        files.remove(file)
        files.append(File.generated(config, file.src_uri, content=rjsmin.jsmin(source.read_text(encoding="utf-8"))))
    return files
