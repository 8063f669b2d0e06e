"""Trend pictures drawn at build time as SVG: fusion methods per year, component families over time,
tasks over time. Colours come from CSS classes (docs/assets/extra.css), so both themes work."""

from __future__ import annotations

from collections import Counter

from .diagrams import clip, esc
from .facets import OTHER, llm_families, vision_families
from .model import Catalog, Entry

SERIES = 12  # distinct colour classes .vlm-s0 ... .vlm-s11


def years(catalog: Catalog) -> list[int]:
    ys = sorted({e.year for e in catalog.entries})
    return list(range(ys[0], ys[-1] + 1)) if ys else []


def stacked_bars(catalog: Catalog) -> str:
    """One horizontal bar per year, split by fusion method."""
    ys = years(catalog)
    terms = [t for t in catalog.fusions if catalog.by_fusion[t.id]]
    counts = {y: Counter(e.fusion for e in catalog.entries if e.year == y) for y in ys}
    most = max((sum(c.values()) for c in counts.values()), default=1)
    left, bar_h, gap, width = 48, 22, 8, 640
    scale = (width - left - 40) / most
    legend_rows = (len(terms) + 2) // 3
    top = 10 + legend_rows * 18 + 10
    height = top + len(ys) * (bar_h + gap) + 10
    parts = [f'<svg class="vlm-chart" viewBox="0 0 {width} {height}" role="img" aria-labelledby="c1t c1d" '
             'xmlns="http://www.w3.org/2000/svg"><title id="c1t">Fusion methods per year</title>'
             '<desc id="c1d">' + esc("; ".join(f"{y}: " + ", ".join(f"{catalog.fusion[f].name} {n}" for f, n in counts[y].most_common())
                                       for y in ys)) + "</desc>"]
    for i, t in enumerate(terms):
        lx, ly = 10 + (i % 3) * 210, 10 + (i // 3) * 18
        parts.append(f'<rect class="vlm-s{i % SERIES}" x="{lx}" y="{ly}" width="12" height="12" rx="2"/>'
                     f'<text class="vlm-legend" x="{lx + 17}" y="{ly + 10}">{esc(clip(t.name, 30))}</text>')
    for row, y in enumerate(ys):
        by = top + row * (bar_h + gap)
        parts.append(f'<text class="vlm-axis" x="4" y="{by + 15}">{y}</text>')
        x = left
        for i, t in enumerate(terms):
            n = counts[y].get(t.id, 0)
            if n:
                w = n * scale
                parts.append(f'<rect class="vlm-s{i % SERIES}" x="{x:.1f}" y="{by}" width="{w:.1f}" height="{bar_h}">'
                             f'<title>{y}: {esc(t.name)}, {n}</title></rect>')
                x += w
        parts.append(f'<text class="vlm-axis" x="{x + 6:.0f}" y="{by + 15}">{sum(counts[y].values())}</text>')
    parts.append("</svg>")
    return "".join(parts)


def heat_grid(catalog: Catalog, title: str, label_of, top_n: int, ident: str) -> str:
    """Rows = the most frequent labels, columns = years, cell shade = number of models that year."""
    ys = years(catalog)
    per_entry: list[tuple[Entry, list[str]]] = [(e, [lab for lab in label_of(e) if lab != OTHER]) for e in catalog.entries]
    totals = Counter(lab for _, labs in per_entry for lab in labs)
    rows = [lab for lab, _ in totals.most_common(top_n)]
    grid = {(lab, y): 0 for lab in rows for y in ys}
    for e, labs in per_entry:
        for lab in labs:
            if lab in rows:
                grid[(lab, e.year)] += 1
    most = max(grid.values(), default=1) or 1
    left, cell_w, cell_h, top = 170, 56, 24, 26
    width, height = left + len(ys) * cell_w + 10, top + len(rows) * cell_h + 10
    desc = "; ".join(f"{lab}: " + ", ".join(f"{y} {grid[(lab, y)]}" for y in ys if grid[(lab, y)]) for lab in rows)
    parts = [f'<svg class="vlm-chart" viewBox="0 0 {width} {height}" role="img" aria-labelledby="{ident}t {ident}d" '
             f'xmlns="http://www.w3.org/2000/svg"><title id="{ident}t">{esc(title)}</title><desc id="{ident}d">{esc(desc)}</desc>']
    for c, y in enumerate(ys):
        parts.append(f'<text class="vlm-axis" x="{left + c * cell_w + cell_w / 2:.0f}" y="18" text-anchor="middle">{y}</text>')
    for r, lab in enumerate(rows):
        cy = top + r * cell_h
        parts.append(f'<text class="vlm-axis" x="{left - 8}" y="{cy + 16}" text-anchor="end">{esc(clip(lab, 26))}</text>')
        for c, y in enumerate(ys):
            n = grid[(lab, y)]
            shade = 0 if not n else 0.15 + 0.85 * n / most
            parts.append(f'<rect class="vlm-cell" x="{left + c * cell_w + 2}" y="{cy + 2}" width="{cell_w - 4}" height="{cell_h - 4}" '
                         f'rx="3" fill-opacity="{shade:.2f}"><title>{esc(lab)}, {y}: {n}</title></rect>')
            if n:
                parts.append(f'<text class="vlm-cell-label" x="{left + c * cell_w + cell_w / 2:.0f}" y="{cy + 16}" '
                             f'text-anchor="middle">{n}</text>')
    parts.append("</svg>")
    return "".join(parts)


def vision_over_time(catalog: Catalog) -> str:
    return heat_grid(catalog, "Vision encoder families per year", vision_families, 10, "c2")


def llm_over_time(catalog: Catalog) -> str:
    return heat_grid(catalog, "Language model families per year", llm_families, 10, "c3")


def tasks_over_time(catalog: Catalog) -> str:
    return heat_grid(catalog, "Tasks covered per year", lambda e: [catalog.task[t].name for t in e.tasks], 24, "c4")
