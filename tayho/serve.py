"""Serve site/ on http://127.0.0.1:8000 and rebuild both languages whenever the record, pages or code change.

The pages are built first without the PDFs, so the site (and after an edit, the change) shows quickly; then the
whole site (PDFs and share images included) is built again unless another edit came in meanwhile, or never with
--no-pdf. Rebuilds run one at a time, and a burst of edits makes one rebuild. Only edits count: a file created,
modified, deleted or moved; opening or reading a file (as the build itself does) never starts a rebuild. A failed
rebuild prints its problems, the last good site stays served, and open pages show a banner with the first problem
until a build succeeds. Pages served here (never the files in site/) carry a small script that reloads the page
once a rebuild shows a change. A missing page gets the site's own 404 page in the language of its address.
Stopping the server (Ctrl+C, SIGTERM) ends the build under way.
"""

from __future__ import annotations

import errno
import functools
import http.server
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from watchdog.events import (
    EVENT_TYPE_CREATED,
    EVENT_TYPE_DELETED,
    EVENT_TYPE_MODIFIED,
    EVENT_TYPE_MOVED,
    FileSystemEventHandler,
)
from watchdog.observers import Observer

from .static_host import StaticSiteHandler

PACKAGE = Path(__file__).resolve().parent
WATCHED = ("data", "docs", "mkdocs.yml", "permalinks.lock")  # in the project; the package's own folder too
MAX_WAIT = 2.0  # seconds an edit waits for the files to be quiet before its rebuild starts anyway
EDITS = {EVENT_TYPE_CREATED, EVENT_TYPE_MODIFIED, EVENT_TYPE_DELETED, EVENT_TYPE_MOVED}

STATUS_PATH = "/.tayho-serve/status"
# Polls the build status: reloads the page (keeping its #anchor) after a good rebuild, and shows a banner with
# the first problem while the last rebuild failed. The problem is set as text, never as markup.
RELOAD_SCRIPT = b"""<script>(function () {
  var seen = null, banner = null;
  function show(problem) {
    if (!problem) { if (banner) { banner.remove(); banner = null; } return; }
    if (!banner) {
      banner = document.createElement("div");
      banner.setAttribute("role", "alert");
      banner.style.cssText = "position:fixed;left:0;right:0;bottom:0;z-index:9999;padding:.6em 1em;" +
        "background:#8c1d18;color:#fff;font:14px/1.4 sans-serif;white-space:pre-wrap";
      document.body.appendChild(banner);
    }
    banner.textContent = "This page is out of date: the last rebuild failed.\\n" + problem;
  }
  setInterval(function () {
    fetch("/.tayho-serve/status", {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (s) {
      if (seen !== null && s.good !== seen) { location.reload(); }
      seen = s.good;
      show(s.problem);
    }).catch(function () {});
  }, 500);
})();</script>"""


class PreviewHandler(StaticSiteHandler):
    """Serves site/ as a static host would, answers the reload script's question, and adds that script to every
    HTML page it sends (never to the files in site/)."""

    rebuilder: Rebuilder

    def do_GET(self):
        if self.path == STATUS_PATH:
            return self._send(200, json.dumps(self.rebuilder.status()).encode(), "application/json")
        if not Path(self.directory).is_dir():
            problem = self.rebuilder.problem or "the first build has not finished"
            return self._send(503, f"No site to serve yet: {problem}\n".encode(), "text/plain; charset=utf-8")
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            return self._send(200, self._with_script(path.read_bytes()), "text/html; charset=utf-8")
        if not path.exists():
            page = self.not_found_page() or b"<!doctype html><title>404</title><h1>404</h1></html>"
            return self._send(404, self._with_script(page), "text/html; charset=utf-8")
        return super().do_GET()

    @staticmethod
    def _with_script(page: bytes) -> bytes:
        return page.replace(b"</body>", RELOAD_SCRIPT + b"</body>", 1)

    def _send(self, status: int, body: bytes, kind: str) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser went away (a reload, a closed tab): nothing to tell the editor


def first_problem(output: str) -> str:
    """The line of a failed build's report an editor needs first: the first listed (indented) problem, else the
    last line."""
    listed = [line.strip() for line in output.splitlines() if line.startswith("  ") and line.strip()]
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    return listed[0] if listed else lines[-1] if lines else "the build failed"


class Rebuilder(FileSystemEventHandler):
    """Turns edits under the watched paths of a project into rebuilds, one at a time, on a worker thread."""

    def __init__(self, root: Path, site_url: str, settle: float = 0.2, pdf: bool = True):
        self.root, self.site_url, self.pdf = root, site_url, pdf
        self._edited = threading.Event()
        self._settle = settle
        self._draw_next = False  # the whole site (PDFs) is built next, unless an edit comes first
        self._running: subprocess.Popen | None = None
        self._stopped = False
        self.started = 0  # builds started (pages or whole site)
        self.builds = 0  # good rebuilds of the pages so far; the preview pages reload when it changes
        self.problem = ""  # the first problem of the last build, while it failed
        self.building = False

    def status(self) -> dict:
        return {"started": self.started, "good": self.builds, "building": self.building, "problem": self.problem}

    def start(self) -> None:
        """Watch for edits on a worker thread; after the first pages (build_pages), the PDFs follow."""
        threading.Thread(target=self._work, daemon=True).start()

    def build_pages(self) -> bool:
        """The pages alone, quickly (the PDFs follow unless another edit comes first)."""
        good = self.rebuild(pdf=False)
        if good:
            self.builds += 1
        self._draw_next = good and self.pdf
        return good

    def rebuild(self, pdf: bool = True) -> bool:
        if self._stopped:
            return False
        started = time.monotonic()
        self.started += 1
        self.building = True
        command = [sys.executable, "-m", "tayho", "build", "--root", str(self.root), "--site-url", self.site_url]
        self._running = subprocess.Popen(
            command + ([] if pdf else ["--no-pdf"]),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,  # its own process group: stop() ends the build and the processes it started
        )
        if self._stopped:  # stop() came while the build was starting: it did not see the process
            self.stop()
        output, _ = self._running.communicate()
        code = self._running.returncode
        self._running = None
        if self._stopped:
            return False
        sys.stdout.write(output)
        self.problem = "" if code == 0 else first_problem(output)
        self.building = False
        what = "site" if pdf else "pages" + (" (PDFs follow)" if self.pdf else "")
        state = f"{what} built" if code == 0 else "FAILED (still serving the last good build)"
        print(f"[serve] {state} in {time.monotonic() - started:.1f} s", flush=True)
        return code == 0

    def stop(self) -> None:
        """End the build under way, if any (the server is stopping): none is left running on its own."""
        self._stopped = True
        running = self._running
        if running is None:
            return
        for ending in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(running.pid, ending)
                running.wait(timeout=10)
                return
            except ProcessLookupError:
                return
            except subprocess.TimeoutExpired:
                continue

    def dispatch(self, event):
        """Only edits rebuild; Linux also reports opened and closed-without-writing files, which the build's own
        reads would turn into an endless loop."""
        if event.event_type in EDITS and self._is_watched(event):
            self._edited.set()

    def _is_watched(self, event) -> bool:
        if event.is_directory and event.event_type == EVENT_TYPE_MODIFIED:
            return False  # a folder's own time stamp; the file event inside it is what counts
        paths = [event.src_path] + ([event.dest_path] if getattr(event, "dest_path", "") else [])
        return any(self._is_source(Path(os.fsdecode(path))) for path in paths)

    def _is_source(self, path: Path) -> bool:
        for base, names in ((self.root, WATCHED), (PACKAGE, None)):
            try:
                parts = path.relative_to(base).parts
            except ValueError:
                continue
            name = parts[-1] if parts else ""
            return (
                bool(parts)
                and (names is None or parts[0] in names)
                and "__pycache__" not in parts
                and not name.startswith(".")
                and not name.endswith(("~", ".swp", ".swx", ".pyc"))
            )
        return False

    def _work(self):
        while not self._stopped:
            if self._draw_next and not self._edited.is_set():
                self._draw_next = False
                self.rebuild(pdf=True)
                continue
            self._edited.wait()
            self._edited.clear()
            # Editors write a file several times per save: wait until the files are quiet, or at most MAX_WAIT
            # (a tool that writes a watched file over and over must not hold the preview back).
            first = time.monotonic()
            while time.monotonic() - first < MAX_WAIT and self._edited.wait(self._settle):
                self._edited.clear()
            self.build_pages()


def open_server(port: int, site: Path) -> http.server.ThreadingHTTPServer | None:
    """The preview server on 127.0.0.1:port, or None (with a one-line message) when the port is taken."""
    handler_class = functools.partial(PreviewHandler, directory=str(site))
    try:
        return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler_class)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            print(
                f"[serve] port {port} is already in use on 127.0.0.1; choose another with `make serve PORT={port + 1}`",
                file=sys.stderr,
            )
        else:
            print(f"[serve] cannot listen on 127.0.0.1:{port}: {error.strerror}", file=sys.stderr)
        return None


def serve(root: Path, port: int, pdf: bool = True) -> int:
    """Build the project at `root`, serve its site/ on 127.0.0.1:port and rebuild after every edit, until Ctrl+C
    (or SIGTERM, which the `tayho` command turns into the same); without `pdf`, the PDFs and share images are never
    drawn."""
    from .build import site_languages

    server = open_server(port, root / "site")
    if server is None:
        return 1
    PreviewHandler.language_folders = site_languages(root).folders()
    # Absolute links (canonical, Open Graph) point at this server, so nothing is fetched elsewhere.
    rebuilder = Rebuilder(root, f"http://127.0.0.1:{port}/", pdf=pdf)
    PreviewHandler.rebuilder = rebuilder
    try:
        return _serve(root, port, server, rebuilder)
    except KeyboardInterrupt:
        return 0
    finally:
        rebuilder.stop()
        server.server_close()


def _serve(root: Path, port: int, server, rebuilder: Rebuilder) -> int:
    rebuilder.build_pages()
    if not (root / "site").is_dir():
        print("[serve] no site to serve yet: fix the problems above and save; serving starts with the first good build")
    observer = Observer()
    for path in [root / name for name in WATCHED] + [PACKAGE]:
        if path.exists():
            observer.schedule(rebuilder, str(path if path.is_dir() else path.parent), recursive=path.is_dir())
    observer.start()
    rebuilder.start()
    print(f"[serve] http://127.0.0.1:{port}/ is the site; Ctrl+C stops", flush=True)
    try:
        server.serve_forever()
    finally:
        observer.stop()
    return 0
