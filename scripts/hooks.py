"""MkDocs hooks: validate before anything is written, and keep the nav file out of the site."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import InclusionLevel

SCRIPTS = str(Path(__file__).resolve().parent)


def _fresh_engine():
    """Import the catalog engine of this checkout anew, so `mkdocs serve` picks up edits to
    scripts/vlmcat/ on reload (gen-files re-runs its script each build, but Python would keep the old
    modules). MkDocs restores sys.path after loading a hook file, so the path is set here."""
    if sys.path[0] != SCRIPTS:
        sys.path.insert(0, SCRIPTS)
    for name in [m for m in sys.modules if m == "vlmcat" or m.startswith("vlmcat.")]:
        del sys.modules[name]
    return importlib.import_module("vlmcat.build"), importlib.import_module("vlmcat.validate")


def on_pre_build(config) -> None:
    # Runs before MkDocs cleans site/: a catalog with problems leaves the previous site untouched.
    build, validate = _fresh_engine()
    try:
        build.catalog_for_build()
    except validate.CatalogError as exc:
        raise PluginError("the catalog has problems:\n" + exc.report()) from None


@event_priority(-100)  # after mkdocs-gen-files has added the generated pages
def on_files(files, config):
    for f in files.documentation_pages():
        # Model, dataset and family pages are reached through index pages and search, never the sidebar
        # (keeps the build linear in the number of entries); say so, so MkDocs does not report them.
        if f.src_uri.startswith(("models/", "datasets/", "lineage/")) and not f.src_uri.endswith("/index.md"):
            f.inclusion = InclusionLevel.NOT_IN_NAV
    summary = files.get_file_from_path("SUMMARY.md")
    if summary is not None:
        summary.inclusion = InclusionLevel.EXCLUDED
    return files
