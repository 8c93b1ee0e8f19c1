"""Serve site/ on http://127.0.0.1:8000 and rebuild both languages whenever the record, pages or code change.

After an edit the pages are rebuilt first without the PDFs, so the change shows quickly, then the whole site
(PDFs included) is built again unless another edit came in meanwhile. Rebuilds run one at a time, and a burst of
edits makes one rebuild. A failed rebuild prints its problems and the last good site stays served. Pages served
here (never the files in site/) carry a small script that reloads the page once a rebuild shows a change.
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


BUILD_PATH = "/.tayho-serve/build"
# Polls the number of good rebuilds and reloads the page (keeping its #anchor) when it changes.
RELOAD_SCRIPT = b"""<script>(function () {
  var seen = null;
  setInterval(function () {
    fetch("/.tayho-serve/build", {cache: "no-store"}).then(function (r) { return r.text(); }).then(function (n) {
      if (seen !== null && n !== seen) { location.reload(); }
      seen = n;
    }).catch(function () {});
  }, 500);
})();</script>"""


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    """Serves site/, answers the reload script's question, and adds that script to every HTML page."""

    rebuilder: "Rebuilder"

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path == BUILD_PATH:
            return self._send(str(self.rebuilder.builds).encode(), "text/plain")
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            page = path.read_bytes()
            return self._send(page.replace(b"</body>", RELOAD_SCRIPT + b"</body>", 1), "text/html; charset=utf-8")
        return super().do_GET()

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


class Rebuilder(FileSystemEventHandler):
    """Turns file events under the watched paths of a project into rebuilds, one at a time, on a worker thread."""

    def __init__(self, root: Path, env: dict[str, str], settle: float = 0.2):
        self.root, self.env = root, env
        self._edited = threading.Event()
        self._settle = settle
        self.builds = 0  # good rebuilds of the pages so far; the preview pages reload when it changes

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
            if self.rebuild(pdf=False):
                self.builds += 1
                if not self._edited.is_set():
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
    PreviewHandler.rebuilder = rebuilder
    handler_class = functools.partial(PreviewHandler, directory=str(root / "site"))
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
