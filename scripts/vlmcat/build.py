"""Glue between MkDocs and the catalog: where the project root is, and one validated load per build."""

from __future__ import annotations

import json
from pathlib import Path

from .model import Catalog
from .validate import SCHEMA_FILE, load_catalog

ROOT = Path(__file__).resolve().parents[2]

_cache: dict[str, object] = {}


def _stamp(root: Path) -> tuple:
    """Cheap fingerprint of every input file, so `mkdocs serve` reloads pick up edits."""
    files = sorted(p for p in (root / "entries").rglob("*") if p.is_file())
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)


def catalog_for_build(root: Path = ROOT) -> Catalog:
    """Load and validate once per set of inputs; the pre-build hook and the page generator share it."""
    stamp = _stamp(root)
    if _cache.get("stamp") != stamp:
        _cache["catalog"] = load_catalog(root)
        _cache["stamp"] = stamp
    return _cache["catalog"]  # type: ignore[return-value]


def entry_schema(root: Path = ROOT) -> dict:
    """The entry schema as written (with its $defs), for publishing."""
    return json.loads((root / SCHEMA_FILE).read_text(encoding="utf-8"))
