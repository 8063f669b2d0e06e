"""Command line: `vlmcat validate [ROOT]` checks every entry and data file without building the site;
`vlmcat new NAME [--arxiv ID]` writes a skeleton entry."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from .build import ROOT, entry_schema
from .markup import slugify
from .scaffold import skeleton
from .validate import SLUG_RE, CatalogError, load_catalog


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


def new(name: str, arxiv: str | None, slug: str | None, root: Path) -> int:
    slug = slug or slugify(name)
    if not SLUG_RE.match(slug or ""):
        print(f"error: cannot make a slug from {name!r}; pass --slug like llava-1-5", file=sys.stderr)
        return 2
    arxiv_pattern = entry_schema(root)["properties"]["arxiv"]["items"]["pattern"]  # one definition, in the schema
    if arxiv and not re.search(arxiv_pattern, arxiv):
        print(f"error: --arxiv must be an id like 2304.08485, got {arxiv!r}", file=sys.stderr)
        return 2
    path = root / "entries" / f"{slug}.md"
    if path.exists():
        print(f"error: {path.relative_to(root)} already exists", file=sys.stderr)
        return 1
    path.write_text(skeleton(name, arxiv), encoding="utf-8")
    print(f"wrote {path.relative_to(root)}: fill it in, then run `vlmcat validate`")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="vlmcat", description="Tools for the Awesome VLM Architectures catalog.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("validate", help="check entries/ and entries/_data/ and report every problem")
    p.add_argument("root", nargs="?", type=Path, default=ROOT, help="project folder (default: this checkout)")
    p = sub.add_parser("new", help="write a skeleton entry with every key, ready to fill in")
    p.add_argument("name", help="the model's display name, e.g. 'LLaVA-1.5'")
    p.add_argument("--arxiv", help="arXiv id of its paper, e.g. 2310.03744")
    p.add_argument("--slug", help="file name without .md (default: made from the name)")
    p.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this checkout)")
    args = parser.parse_args(argv)
    if args.command == "validate":
        return validate(args.root)
    if args.command == "new":
        return new(args.name, args.arxiv, args.slug, args.root)
    return 2  # pragma: no cover


if __name__ == "__main__":
    sys.exit(main())
