"""Serve site/ on http://127.0.0.1:8000 and rebuild both languages whenever the record, pages or code change.

A failed rebuild prints its problems and the last good site stays served.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

ROOT = Path(__file__).resolve().parent.parent
WATCHED = ("data", "docs", "overrides", "hooks", "tayho", "mkdocs.yml", "mkdocs.en.yml")


def rebuild() -> bool:
    started = time.monotonic()
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "build.py"), "--root", str(ROOT)], env=_ENV)
    state = "built" if result.returncode == 0 else "FAILED (still serving the last good build)"
    print(f"[serve] {state} in {time.monotonic() - started:.1f} s", flush=True)
    return result.returncode == 0


class _Debounced(FileSystemEventHandler):
    """Coalesce bursts of file events (editors write several times per save) into one rebuild."""

    def __init__(self, delay: float = 0.3):
        self._timer: threading.Timer | None = None
        self._delay = delay

    def on_any_event(self, event):
        parts = Path(event.src_path).relative_to(ROOT).parts
        if event.is_directory or not parts or parts[0] not in WATCHED:
            return
        if self._timer:
            self._timer.cancel()
        self._timer = threading.Timer(self._delay, rebuild)
        self._timer.start()


_ENV = dict(os.environ)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    # Absolute links (canonical, language alternates) point at this server, so nothing is fetched elsewhere.
    _ENV["SITE_URL"] = f"http://127.0.0.1:{args.port}/"
    _ENV["SITE_URL_EN"] = f"http://127.0.0.1:{args.port}/en/"
    rebuild()
    if not (ROOT / "site").is_dir():
        print("[serve] no site to serve yet: fix the problems above and save; serving starts with the first good build")
    observer = Observer()
    handler = _Debounced()
    for name in WATCHED:
        path = ROOT / name
        observer.schedule(handler, str(path if path.is_dir() else path.parent), recursive=path.is_dir())
    observer.start()
    handler_class = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(ROOT / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler_class)
    print(f"[serve] http://127.0.0.1:{args.port}/ (Vietnamese) and http://127.0.0.1:{args.port}/en/ (English); Ctrl+C stops")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        observer.stop()
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
