"""A static host for a built site on 127.0.0.1, answering as GitHub Pages and most static hosts do: a missing file
gets the site's own 404 page (the one of the language folder the address is in). Used by `tayho serve`, the
tests, the benchmark and the audit."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path


class StaticSiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a site folder; a missing file gets the 404.html of its language folder, with status 404."""

    language_folders: tuple[str, ...] = ()  # languages served under a prefix; the root language owns the rest

    def log_message(self, *args):
        pass

    def handle(self):
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the browser went away mid-answer
            super().handle()

    def language_folder(self) -> str:
        first = self.path.lstrip("/").split("/", 1)[0].split("?", 1)[0]
        return first if first in self.language_folders else ""

    def not_found_page(self) -> bytes | None:
        page = Path(self.directory) / self.language_folder() / "404.html"
        return page.read_bytes() if page.is_file() else None

    def send_error(self, code, message=None, explain=None):
        body = self.not_found_page() if code == 404 else None
        if body is None:
            return super().send_error(code, message, explain)
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextlib.contextmanager
def hosting(
    site: Path, language_folders: tuple[str, ...] = ("en",), port: int = 0, handler_class: type = StaticSiteHandler
) -> Iterator[str]:
    """Serve `site` on 127.0.0.1 (a free port by default) in a thread; yield its address, ending in "/"."""
    handler = type("Handler", (handler_class,), {"language_folders": language_folders})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
