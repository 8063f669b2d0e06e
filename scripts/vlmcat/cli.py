"""Command line: `vlmcat validate [ROOT]` checks every entry and data file without building the site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .build import ROOT
from .validate import CatalogError, load_catalog


def validate(root: Path) -> int:
    try:
        catalog = load_catalog(root)
    except CatalogError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    used = sum(1 for d in catalog.datasets if catalog.by_dataset[d.id])
    print(f"ok: {len(catalog.entries)} entries, {len(catalog.tasks)} tasks, {len(catalog.fusions)} fusion methods, "
          f"{len(catalog.datasets)} datasets ({used} in use)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="vlmcat", description="Tools for the Awesome VLM Architectures catalog.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("validate", help="check entries/ and entries/_data/ and report every problem")
    p.add_argument("root", nargs="?", type=Path, default=ROOT, help="project folder (default: this checkout)")
    args = parser.parse_args(argv)
    if args.command == "validate":
        return validate(args.root)
    return 2  # pragma: no cover


if __name__ == "__main__":
    sys.exit(main())
