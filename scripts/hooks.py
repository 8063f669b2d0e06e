"""MkDocs hooks: validate before anything is written, and keep the nav file out of the site."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # import vlmcat from this checkout, installed or not

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import InclusionLevel

from vlmcat.build import catalog_for_build
from vlmcat.validate import CatalogError


def on_pre_build(config) -> None:
    # Runs before MkDocs cleans site/: a catalog with problems leaves the previous site untouched.
    try:
        catalog_for_build()
    except CatalogError as exc:
        raise PluginError("the catalog has problems:\n" + exc.report()) from None


@event_priority(-100)  # after mkdocs-gen-files has added the generated pages
def on_files(files, config):
    for f in files.documentation_pages():
        # Model and dataset pages are reached through index pages and search, never the sidebar
        # (keeps the build linear in the number of entries); say so, so MkDocs does not report them.
        if f.src_uri.startswith(("models/", "datasets/")) and not f.src_uri.endswith("/index.md"):
            f.inclusion = InclusionLevel.NOT_IN_NAV
    summary = files.get_file_from_path("SUMMARY.md")
    if summary is not None:
        summary.inclusion = InclusionLevel.EXCLUDED
    return files
