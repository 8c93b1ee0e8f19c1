"""Serve site/ on http://127.0.0.1:8000 and rebuild both languages whenever the record, pages or code change.

After an edit the pages are rebuilt first without the PDFs, so the change shows quickly, then the whole site
(PDFs included) is built again unless another edit came in meanwhile. Rebuilds run one at a time, and a burst of
edits makes one rebuild. A failed rebuild prints its problems and the last good site stays served.
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

TOOLS = Path(__file__).resolve().parent
WATCHED = ("data", "docs", "overrides", "hooks", "tayho", "mkdocs.yml", "mkdocs.en.yml")


class Rebuilder(FileSystemEventHandler):
    """Turns file events under the watched paths of a project into rebuilds, one at a time, on a worker thread."""

    def __init__(self, root: Path, env: dict[str, str], settle: float = 0.2):
        self.root, self.env = root, env
        self._edited = threading.Event()
        self._settle = settle

    def start(self) -> None:
        threading.Thread(target=self._work, daemon=True).start()

    def rebuild(self, pdf: bool = True) -> bool:
        started = time.monotonic()
        command = [sys.executable, str(TOOLS / "build.py"), "--root", str(self.root)] + ([] if pdf else ["--no-pdf"])
        result = subprocess.run(command, env=self.env)
        what = "site" if pdf else "pages (PDFs follow)"
        state = f"{what} built" if result.returncode == 0 else "FAILED (still serving the last good build)"
        print(f"[serve] {state} in {time.monotonic() - started:.1f} s", flush=True)
        return result.returncode == 0

    def on_any_event(self, event):
        try:
            parts = Path(event.src_path).relative_to(self.root).parts
        except ValueError:
            return
        if not event.is_directory and parts and parts[0] in WATCHED:
            self._edited.set()

    def _work(self):
        while True:
            self._edited.wait()
            time.sleep(self._settle)  # editors write a file several times per save
            self._edited.clear()
            if self.rebuild(pdf=False) and not self._edited.is_set():
                self.rebuild(pdf=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--root", type=Path, default=TOOLS.parent, help="the project to build (default: this one)")
    args = parser.parse_args()
    root = args.root.resolve()
    # Absolute links (canonical, language alternates) point at this server, so nothing is fetched elsewhere.
    env = dict(os.environ, SITE_URL=f"http://127.0.0.1:{args.port}/", SITE_URL_EN=f"http://127.0.0.1:{args.port}/en/")
    rebuilder = Rebuilder(root, env)
    rebuilder.rebuild()
    if not (root / "site").is_dir():
        print("[serve] no site to serve yet: fix the problems above and save; serving starts with the first good build")
    observer = Observer()
    for name in WATCHED:
        path = root / name
        if path.exists():
            observer.schedule(rebuilder, str(path if path.is_dir() else path.parent), recursive=path.is_dir())
    observer.start()
    rebuilder.start()
    handler_class = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler_class)
    print(f"[serve] http://127.0.0.1:{args.port}/ (Vietnamese) and http://127.0.0.1:{args.port}/en/ (English); "
          "Ctrl+C stops", flush=True)
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
