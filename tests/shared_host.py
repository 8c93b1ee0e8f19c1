"""A static host that the processes of one `make test` share (pytest-xdist runs the tests in several): the first
process that needs a served site starts it, builds the site for its address, and every process then reads the same
site at the same address. It serves until the pytest session that started those processes ends.

Run as `python -m tests.shared_host SITE ADDRESS_FILE SESSION_PID`; the address is written to ADDRESS_FILE once the
host answers."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from tayho.static_host import hosting

ROOT = Path(__file__).resolve().parent.parent
STARTUP_LIMIT = 60  # seconds for the host to answer; generous for a loaded machine
_HOSTS: list[subprocess.Popen] = []


def start(site: Path, address_file: Path, session_pid: int | None = None) -> str:
    """Start a host for `site` that lives as long as the process `session_pid` (by default this process's parent:
    the pytest session of a test process); its address."""
    log = address_file.with_name(address_file.name + ".log")
    with log.open("wb") as errors:
        host = subprocess.Popen(
            [sys.executable, "-m", "tests.shared_host", str(site), str(address_file), str(session_pid or os.getppid())],
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            start_new_session=True,  # a Ctrl+C reaches the session only; the host outlives it by at most 0.5 s
        )
    _HOSTS.append(host)  # kept, not collected while it serves
    deadline = time.monotonic() + STARTUP_LIMIT
    while not address_file.is_file():
        if host.poll() is not None:
            raise RuntimeError(f"the shared host for {site} ended: {log.read_text(errors='replace')}")
        if time.monotonic() > deadline:
            host.kill()
            raise RuntimeError(f"the shared host for {site} did not answer in {STARTUP_LIMIT} s")
        time.sleep(0.05)
    return address_file.read_text(encoding="utf-8")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def main(site: str, address_file: str, session_pid: str) -> None:
    with hosting(Path(site)) as base:
        partial = Path(address_file + ".partial")
        partial.write_text(base, encoding="utf-8")
        partial.rename(address_file)  # whole or absent: a reader never sees half an address
        while _alive(int(session_pid)):
            time.sleep(0.5)


if __name__ == "__main__":
    main(*sys.argv[1:])
