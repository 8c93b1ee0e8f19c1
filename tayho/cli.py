"""The `tayho` command: build, preview, check and package the archive (the Makefile's targets call it).

Every subcommand ends with one clear message and a non-zero exit on failure, never a traceback: a problem of the
project (the record, a prose page, mkdocs.yml) is listed with its file and line; a problem of the machine (a full
disk, a read-only folder) names the path and the system's reason. `--debug` shows the traceback of an
unexpected error, for a bug report.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path

from . import engine


def _project(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder (default: here)")


def _site_url(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--site-url", default=None, help="the address the site will be published at (default: site_url in mkdocs.yml)"
    )


def cmd_build(args) -> int:
    from .build import SiteBuild, build_site

    root = args.root.resolve()
    build_site(
        SiteBuild(
            root,
            (args.site_dir or root / "site").resolve(),
            site_url=args.site_url,
            pdf=not args.no_pdf,
            search=args.search,
            progress=on_a_terminal(),
            as_version=args.as_version,
            current_url=args.current_url,
        )
    )
    return 0


def on_a_terminal() -> bool:
    """Progress lines help on a terminal; in CI logs and pipes they are noise."""
    return sys.stderr.isatty() and not os.environ.get("CI")


def cmd_serve(args) -> int:
    from .serve import serve

    return serve(args.root.resolve(), args.port, pdf=not args.no_pdf)


def cmd_offline(args) -> int:
    from .offline import write_offline_copy

    target = write_offline_copy(args.root.resolve(), args.output.resolve() if args.output else None)
    print(f"{target}: unzip it and open tayho-archive/index.html")
    return 0


def cmd_check(args) -> int:
    from .build import project_plugin

    root = args.root.resolve()
    plugin = project_plugin(root)
    plugin.corrections()
    record = plugin.load(root)
    print(
        f"{plugin.config.record}: {len(record.highlights)} highlights, {len(record.figures())} figures; "
        "no problem found"
    )
    return 0


def cmd_schema(args) -> int:
    import json

    from .schema import record_schema

    json.dump(record_schema(), sys.stdout, ensure_ascii=False, indent=2, sort_keys=True)
    sys.stdout.write("\n")
    return 0


def cmd_permalinks(args) -> int:
    from .permalinks import update_lock

    count, added = update_lock(args.root.resolve())
    print(f"permalinks.lock: {count} links ({added} new)")
    return 0


def cmd_publish(args) -> int:
    from .publish import publish

    message = publish(args.root.resolve(), args.site_url, args.remote, args.branch, push=not args.no_push)
    where = args.branch if args.no_push else f"{args.remote}/{args.branch}"
    print(f"{where}: {message}")
    return 0


def cmd_release(args) -> int:
    from .build import SiteBuild, build_site, plugin_site_url, project_plugin
    from .plugin.config import site_address
    from .preserve import write_package
    from .release import make_release

    root = args.root.resolve()
    plugin = project_plugin(root)
    site_url = site_address(args.site_url or plugin_site_url(root))
    release = make_release(root, args.version, plugin.config.record, tuple(plugin.languages()), site_url)
    build_site(SiteBuild(root, root / "site", site_url=site_url, progress=on_a_terminal()))
    bag, wacz = write_package(root, root / "site", plugin.load(root), release, site_url)
    print(
        f"Released {release.version} (commit {release.commit[:10]}, tag v{release.version}); the site is in site/, "
        f"its snapshot under site/v/{release.version}/; bag: {bag.relative_to(root)}; web archive: "
        f"{wacz.relative_to(root)}. Push the commits and the tag: git push --follow-tags"
    )
    return 0


def cmd_version(args) -> int:
    from importlib.metadata import version

    built_by = engine.current()
    print(
        f"tayho-archive {version('tayho-archive')}; built by {built_by} {version(built_by)} "
        f"with mkdocs-material {version('mkdocs-material')}"
    )
    return 0


COMMANDS: dict[str, tuple[Callable, str, list[Callable]]] = {
    "build": (cmd_build, "write the whole site (every language, PDFs, open data) to site/", [_project, _site_url]),
    "serve": (cmd_serve, "build, serve on 127.0.0.1 and rebuild after every edit", [_project]),
    "offline": (cmd_offline, "write the offline copy (a zip browsable from file://)", [_project]),
    "check": (cmd_check, "validate the record and report every problem, without building", [_project]),
    "schema": (cmd_schema, "print the record's JSON Schema (for editors' YAML language servers)", []),
    "publish": (
        cmd_publish,
        "build for --site-url and commit the site to the gh-pages branch, then push it",
        [_project, _site_url],
    ),
    "release": (
        cmd_release,
        "release VERSION of the record: commit, tag, build every version and the preservation "
        "package (make release runs the tests first)",
        [_project, _site_url],
    ),
    "version": (cmd_version, "print the versions of the archive and of the engine that builds it", []),
    "permalinks": (cmd_permalinks, "build, then add the site's new pages and anchors to permalinks.lock", [_project]),
}


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="tayho", description=__doc__.splitlines()[0])
    main.add_argument("--debug", action="store_true", help="show the traceback of an unexpected error")
    main.add_argument(
        "--engine",
        choices=engine.ENGINES,
        default=engine.DEFAULT,
        help=f"what builds the site (default: {engine.DEFAULT}; see docs/decisions/0001-engine.md)",
    )
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (function, help_text, options) in COMMANDS.items():
        sub = commands.add_parser(name, help=help_text, description=help_text)
        for option in options:
            option(sub)
        sub.set_defaults(run=function)
    build = commands.choices["build"]
    build.add_argument("--site-dir", type=Path, default=None, help="where to write the site (default: site/)")
    build.add_argument(
        "--no-pdf", action="store_true", help="skip the PDFs and share images (a quick preview; not for publishing)"
    )
    build.add_argument("--as-version", default=None, help=argparse.SUPPRESS)  # a release's snapshot (versions.py)
    build.add_argument("--current-url", default=None, help=argparse.SUPPRESS)  # …and the current site's address
    build.add_argument(
        "--search",
        choices=("auto", "chunked", "single"),
        default="auto",
        help="the online search index: chunked (fetched when searching) or Material's single index",
    )
    commands.choices["serve"].add_argument("--port", type=int, default=8000)
    commands.choices["serve"].add_argument(
        "--no-pdf", action="store_true", help="never draw the PDFs and share images (the quickest preview)"
    )
    commands.choices["release"].add_argument(
        "version", help="MAJOR.MINOR.PATCH, after the last release (docs/releases.md)"
    )
    publishing = commands.choices["publish"]
    publishing.add_argument("--remote", default="origin", help="the git remote to push to (default: origin)")
    publishing.add_argument("--branch", default="gh-pages", help="the branch to publish to (default: gh-pages)")
    publishing.add_argument("--no-push", action="store_true", help="commit the branch locally, do not push it")
    commands.choices["offline"].add_argument(
        "--output", type=Path, default=None, help="the zip to write (default: offline/tayho-archive-offline.zip)"
    )
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    engine.select(args.engine)  # before anything imports MkDocs
    signal.signal(signal.SIGTERM, _terminated)  # stopped (by `make serve`, a service manager): clean up as on Ctrl+C
    from mkdocs.exceptions import MkDocsException

    logging.basicConfig(level=logging.WARNING, format="%(levelname)-7s -  %(message)s")
    failed = (
        "Build failed; the previous site/ is unchanged."
        if args.command in ("build", "permalinks")
        else f"tayho {args.command} failed."
    )
    try:
        return args.run(args)
    except MkDocsException as error:
        print(f"{failed}\n{error}", file=sys.stderr)
    except _record_error() as error:
        print(f"{failed}\n{error.report()}", file=sys.stderr)
    except OSError as error:
        print(f"{failed}\n{_os_problem(error)}", file=sys.stderr)
    except KeyboardInterrupt:
        print(f"{failed} (interrupted)", file=sys.stderr)
        return 130
    except Exception as error:  # a bug: say what and how to see more, never a bare traceback
        if args.debug:
            raise
        print(
            f"{failed}\nUnexpected error {type(error).__name__}: {error}\n"
            f"Run `tayho --debug {args.command} …` for the traceback, and report it.",
            file=sys.stderr,
        )
    return 1


def _terminated(signum, frame):
    raise KeyboardInterrupt


def _record_error():
    from .errors import RecordError

    return RecordError


def _os_problem(error: OSError) -> str:
    """A machine problem as an editor can act on it: the path and the system's reason."""
    paths = " → ".join(str(path) for path in (error.filename, error.filename2) if path)
    reason = error.strerror or str(error)
    return f"{paths}: {reason}" if paths else reason


if __name__ == "__main__":
    sys.exit(main())
