#!/usr/bin/env python3
"""Build-time benchmark: does the build stay linear in the number of entries, and how much does the
catalog machinery cost over plain Material?

For each size N it makes a synthetic project: the real entries plus copies of them under new slugs
(new names, no aliases or arXiv ids, so validation passes), then times

  * ours:     `mkdocs build` of that project (validation, gen-files, literate-nav, hooks, Material);
  * baseline: the very same generated pages written out as plain markdown and built by bare Material
              (same theme, extensions and navigation, only the search plugin).

It prints one markdown table; `--write FILE` also stores it (the README points at docs/benchmark.md).
Timing goals are read from the printed figures, never asserted by a test.

usage: python scripts/benchmark.py [--sizes 155 500 2000] [--write docs/benchmark.md]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from vlmcat.render import build_pages  # noqa: E402
from vlmcat.validate import load_catalog  # noqa: E402
from vlmcat.yamlio import split_front_matter  # noqa: E402

ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")


def make_project(dest: Path, size: int) -> Path:
    """A copy of this project whose entries/ holds `size` entries: the real ones, then copies."""
    for name in ("mkdocs.yml", "CONTRIBUTING.md"):
        shutil.copy(ROOT / name, dest / name)
    for name in ("docs", "scripts"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "entries" / "_data", dest / "entries" / "_data")
    real = sorted((ROOT / "entries").glob("*.md"))
    for path in real[:size]:
        shutil.copy(path, dest / "entries" / path.name)
    for i in range(max(0, size - len(real))):
        source = real[i % len(real)]
        yaml_text, body, _ = split_front_matter(source.read_text(encoding="utf-8"))
        fm = yaml.safe_load(yaml_text)
        n = i // len(real) + 1
        fm["name"] = f"{fm['name']} (synthetic {n})"
        fm["aliases"] = []
        fm["arxiv"] = []
        text = "---\n" + yaml.safe_dump(fm, sort_keys=False, allow_unicode=True) + "---\n" + body
        (dest / "entries" / f"{source.stem}-synthetic-{n}.md").write_text(text, encoding="utf-8")
    return dest


def nav_from_summary(summary: str) -> list:
    """Turn our literate-nav SUMMARY.md into a `nav:` list, so the baseline has the same navigation."""
    nav: list = []
    stack: list[tuple[int, list]] = [(-1, nav)]
    for line in summary.splitlines():
        m = re.match(r"^( *)- (?:\[(.+)\]\((.+)\)|(.+))$", line)
        if not m:
            continue
        depth = len(m.group(1)) // 4
        while stack[-1][0] >= depth:
            stack.pop()
        title = (m.group(2) or m.group(4)).replace("\\", "")
        if m.group(3) and not m.group(4):
            item: dict = {title: m.group(3)}
            stack[-1][1].append(item)
            children: list = []
            stack.append((depth, children))
            item["_children"] = children  # resolved below
        else:
            children = []
            stack[-1][1].append({title: children})
            stack.append((depth, children))

    def resolve(items: list) -> list:
        out = []
        for item in items:
            children = item.pop("_children", None)
            (title, value), = item.items()
            if isinstance(value, list):
                out.append({title: resolve(value)})
            elif children:
                out.append({title: [value, *resolve(children)]})
            else:
                out.append({title: value})
        return out

    return resolve(nav)


def make_baseline(project: Path, dest: Path) -> Path:
    """The same pages as plain markdown, built by bare Material."""
    catalog = load_catalog(project)
    docs = dest / "docs"
    shutil.copytree(project / "docs", docs)
    summary = ""
    for page in build_pages(catalog):
        if page.path == "SUMMARY.md":
            summary = page.content
            continue
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.content, encoding="utf-8")
    shutil.copy(project / "CONTRIBUTING.md", dest / "CONTRIBUTING.md")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\nplugins:\n(?:  .*\n)+", "\nplugins:\n  - search\n", config)
    config = re.sub(r"\nhooks:\n(?:  .*\n)+", "\n", config)
    config = re.sub(r"\nwatch:\n(?:  .*\n)+", "\n", config)
    config += "\nnot_in_nav: |\n  /models/*.md\n  /datasets/*.md\n"
    config += yaml.safe_dump({"nav": nav_from_summary(summary)}, sort_keys=False, allow_unicode=True)
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    return dest


def build(project: Path) -> tuple[float, Path]:
    site = project / "site"
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-d", str(site)],
                         cwd=project, capture_output=True, text=True, env=ENV)
    seconds = time.perf_counter() - start
    if run.returncode != 0:
        sys.exit(f"build failed in {project}:\n{run.stdout}{run.stderr}")
    return seconds, site


def size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def measure(size: int, work: Path) -> dict:
    (work / f"ours-{size}").mkdir(parents=True)
    project = make_project(work / f"ours-{size}", size)
    ours_s, site = build(project)
    pages = sum(1 for _ in site.rglob("index.html"))
    baseline = make_baseline(project, work / f"baseline-{size}")
    base_s, base_site = build(baseline)
    return {
        "entries": size, "pages": pages, "ours_s": ours_s, "base_s": base_s,
        "site_mb": size_mb(site), "search_mb": (site / "search" / "search_index.json").stat().st_size / 1e6,
        "base_pages": sum(1 for _ in base_site.rglob("index.html")),
    }


def report(rows: list[dict]) -> str:
    first = rows[0]
    lines = [
        f"Measured {dt.date.today().isoformat()} on {platform.machine()} with {os.cpu_count()} cores, "
        f"Python {platform.python_version()}. Each figure is one wall-clock `mkdocs build`, process start included.",
        "",
        "| Entries | Pages | Our build (s) | s / page | Baseline (s) | Ours / baseline | Time vs smallest | Site (MB) | Search index (MB) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r['entries']} | {r['pages']} | {r['ours_s']:.1f} | {r['ours_s'] / r['pages']:.4f} | {r['base_s']:.1f} | "
            f"{r['ours_s'] / r['base_s']:.2f}x | {r['ours_s'] / first['ours_s']:.1f}x | {r['site_mb']:.1f} | {r['search_mb']:.1f} |"
        )
    last = rows[-1]
    lines += [
        "",
        f"Targets: {last['entries']} entries in at most 12x the time of {first['entries']} "
        f"(measured {last['ours_s'] / first['ours_s']:.1f}x for {last['entries'] / first['entries']:.1f}x the entries), "
        f"and our build at most 1.3x the baseline (measured {max(r['ours_s'] / r['base_s'] for r in rows):.2f}x at worst).",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[155, 500, 2000])
    parser.add_argument("--write", type=Path, help="also write the table into this markdown file")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="vlm-bench-") as tmp:
        for size in args.sizes:
            rows.append(measure(size, Path(tmp)))
            r = rows[-1]
            print(f"{size} entries: ours {r['ours_s']:.1f}s, baseline {r['base_s']:.1f}s", file=sys.stderr)
    table = report(rows)
    print(table)
    if args.write:
        page = ("# Build benchmark\n\n"
                "How long the site takes to build as the catalog grows, written by `scripts/benchmark.py`. "
                "Synthetic catalogs are copies of the real entries under new slugs; the baseline builds the same "
                "generated pages as plain markdown with bare Material (same navigation, search plugin only).\n\n")
        args.write.write_text(page + table.rstrip() + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
