"""Architecture and lineage drawings, rendered to inline SVG at build time (no script, no network).

The drawings use CSS classes only (docs/assets/extra.css colours them with Material's variables), so
they follow the light and dark themes; a viewBox makes them scale down to phone width. Links inside
the drawings use xlink:href: Material's instant navigation rewrites the `href` of every link it
finds, which an SVG link cannot take.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from .model import Catalog, Entry

# ------------------------------------------------------------------------------------------------
# A tiny layered-graph model: rows of boxes, arrows between them.

BOX_W, BOX_H, ROW_H, WIDTH, PAD = 176, 50, 84, 420, 14


@dataclass
class Node:
    id: str
    row: int
    x: float  # centre, as a fraction of the width
    title: str
    detail: str = ""
    kind: str = "part"  # part | io | frozen
    href: str | None = None


@dataclass
class Drawing:
    nodes: list[Node] = field(default_factory=list)
    edges: list[tuple[str, str, str]] = field(default_factory=list)  # (from, to, label)

    def add(self, *nodes: Node) -> None:
        self.nodes.extend(nodes)

    def link(self, a: str, b: str, label: str = "") -> None:
        self.edges.append((a, b, label))


def clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def wrap(text: str, width: int, lines: int) -> list[str]:
    words, out, current = text.split(), [], ""
    for w in words:
        if current and len(current) + 1 + len(w) > width:
            out.append(current)
            current = w
        else:
            current = f"{current} {w}".strip()
    out.append(current)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = clip(out[-1] + " …", width)
    return [line for line in out if line]


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def render_svg(d: Drawing, title: str, desc: str, css_class: str = "vlm-diagram", ident: str = "arch") -> str:
    rows = max(n.row for n in d.nodes) + 1
    height = PAD * 2 + (rows - 1) * ROW_H + BOX_H
    widest = max(sum(1 for n in d.nodes if n.row == r) for r in range(rows))
    width = max(WIDTH, widest * (BOX_W + 20) + 2 * PAD)  # three boxes in a row need a wider canvas
    pos = {n.id: (PAD + BOX_W / 2 + n.x * (width - 2 * PAD - BOX_W), PAD + n.row * ROW_H) for n in d.nodes}
    parts = [
        f'<svg class="{css_class}" viewBox="0 0 {width} {height}" role="img" aria-labelledby="{ident}-t {ident}-d" '
        f'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        f'<title id="{ident}-t">{esc(title)}</title><desc id="{ident}-d">{esc(desc)}</desc>',
        f'<defs><marker id="{ident}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path class="vlm-arrowhead" d="M0,0 L10,5 L0,10 z"/></marker></defs>',
    ]
    for a, b, label in d.edges:
        (xa, ya), (xb, yb) = pos[a], pos[b]
        y1, y2 = ya + BOX_H, yb
        parts.append(f'<line class="vlm-edge" x1="{xa:.0f}" y1="{y1:.0f}" x2="{xb:.0f}" y2="{y2 - 2:.0f}" marker-end="url(#{ident}-arrow)"/>')
        if label:
            lx, ly = (xa + xb) / 2 + 6, (y1 + y2) / 2 + 4
            parts.append(f'<text class="vlm-edge-label" x="{lx:.0f}" y="{ly:.0f}">{esc(label)}</text>')
    for n in d.nodes:
        x, y = pos[n.id]
        box = (f'<g class="vlm-node vlm-{n.kind}"><rect x="{x - BOX_W / 2:.0f}" y="{y:.0f}" width="{BOX_W}" '
               f'height="{BOX_H}" rx="6"/>')
        lines = wrap(n.title, 26, 1 if n.detail else 2)
        detail = wrap(n.detail, 30, 2 if len(lines) == 1 else 1) if n.detail else []
        total = len(lines) + len(detail)
        ty = y + BOX_H / 2 - (total - 1) * 7 + 4
        for i, line in enumerate(lines):
            box += f'<text class="vlm-title" x="{x:.0f}" y="{ty + i * 14:.0f}">{esc(line)}</text>'
        for j, line in enumerate(detail):
            box += f'<text class="vlm-detail" x="{x:.0f}" y="{ty + (len(lines) + j) * 14:.0f}">{esc(line)}</text>'
        box += "</g>"
        if n.href:
            box = f'<a xlink:href="{esc(n.href)}">{box}</a>'
        parts.append(box)
    parts.append("</svg>")
    return "".join(parts)


# ------------------------------------------------------------------------------------------------
# Architecture of one model

MODALITY_WORDS = {"image": "Image", "video": "Video", "audio": "Audio", "speech": "Speech", "3d": "3D",
                  "action": "Actions", "box": "Boxes", "mask": "Masks", "embedding": "Embedding", "other": "Other",
                  "text": "Text"}


def names(items: tuple[str, ...], fallback: str) -> str:
    if not items:
        return fallback
    return items[0] if len(items) == 1 else f"{items[0]} (+{len(items) - 1} more)"


def frozen_parts(entry: Entry) -> set[str]:
    """Which drawn parts the final training stage keeps frozen: 'vision', 'audio', 'connector', 'llm'."""
    if not entry.training:
        return set()
    out: set[str] = set()
    for item in (s.lower() for s in entry.training[-1].frozen):
        if item in ("none", "nothing", "-"):
            continue
        if re.search(r"audio|speech|whisper", item):
            out.add("audio")
        elif re.search(r"projector|projection|connector|adapter|resampler|q-former|merger", item):
            out.add("connector")
        elif re.search(r"vision|visual|image encoder|vit\b|clip|siglip|encoder", item) and "text encoder" not in item:
            out.add("vision")
        elif re.search(r"language model|\bllm\b|\blm\b|decoder|backbone", item) or any(
                lm.lower().split()[0] in item for lm in entry.language_model if lm.split()):
            out.add("llm")
    return out


def _modalities(items: tuple[str, ...], keep) -> str:
    return " · ".join(MODALITY_WORDS.get(m, m) for m in items if keep(m))


def architecture(entry: Entry) -> Drawing:
    """The drawing for one entry, its shape chosen by the fusion method."""
    d = Drawing()
    frozen = frozen_parts(entry)
    kind = {part: ("frozen" if part in frozen else "part") for part in ("vision", "audio", "connector", "llm")}
    visual_in = _modalities(entry.modalities_in, lambda m: m not in ("text", "audio", "speech")) or "Image"
    has_audio = bool(entry.audio_encoder) or any(m in ("audio", "speech") for m in entry.modalities_in)
    outputs = _modalities(entry.modalities_out, lambda m: True) or "Text"
    vision = names(entry.vision_encoder, "vision encoder")
    llm = names(entry.language_model, "language model")
    fusion = entry.fusion

    if fusion == "contrastive-dual-encoder":
        d.add(Node("img", 0, 0.0, visual_in, kind="io"), Node("txt", 0, 1.0, "Text", kind="io"),
              Node("venc", 1, 0.0, "Image encoder", vision, kind["vision"]),
              Node("tenc", 1, 1.0, "Text encoder", names(entry.language_model, ""), kind["llm"]),
              Node("space", 2, 0.5, "Shared embedding space", "similarity of the two vectors", "io"))
        d.link("img", "venc"), d.link("txt", "tenc"), d.link("venc", "space"), d.link("tenc", "space")
        return d
    if fusion == "vision-encoder":
        d.add(Node("img", 0, 0.5, visual_in, kind="io"), Node("venc", 1, 0.5, "Vision encoder", vision, kind["vision"]),
              Node("out", 2, 0.5, outputs, "features reused by VLMs", "io"))
        d.link("img", "venc"), d.link("venc", "out")
        return d

    d.add(Node("img", 0, 0.0, visual_in, kind="io"), Node("txt", 0, 1.0, "Text", kind="io"))
    if fusion == "encoder-free":
        d.add(Node("venc", 1, 0.0, "Patch embedding", "linear, no vision encoder", kind["vision"]))
    elif fusion == "discrete-token-early-fusion":
        d.add(Node("venc", 1, 0.0, "Image tokenizer", vision, kind["vision"]))
    else:
        d.add(Node("venc", 1, 0.0, "Vision encoder", vision, kind["vision"]))
    d.link("img", "venc")
    if has_audio:
        d.add(Node("aud", 0, 0.5, "Audio", kind="io"),
              Node("aenc", 1, 0.5, "Audio encoder", names(entry.audio_encoder, "not described"), kind["audio"]))
        d.link("aud", "aenc")

    core_title = {"fusion-encoder": "Fusion encoder", "discrete-token-early-fusion": "Transformer (shared vocabulary)",
                  "encoder-free": "Decoder"}.get(fusion, "Language model")
    core_detail = llm if entry.language_model else clip(entry.connector, 40)
    connector_title = {
        "query-resampler": "Learned-query resampler", "cross-attention-into-llm": "Cross-attention path",
        "visual-expert": "Adapter + visual expert", "mixture-of-modality-experts": "Modality experts",
        "discrete-token-early-fusion": "Discrete image codes", "encoder-free": "",
    }.get(fusion, "Connector")
    core_row = 3 if connector_title else 2
    if connector_title:
        d.add(Node("conn", 2, 0.0, connector_title, clip(entry.connector, 60), kind["connector"]))
        d.link("venc", "conn")
        d.link("conn", "core", "cross-attention" if fusion == "cross-attention-into-llm" else "")
    else:
        d.link("venc", "core")
    if fusion == "visual-expert":
        core_detail = f"{llm}; image tokens use their own weights"
    d.add(Node("core", core_row, 0.5, core_title, core_detail, kind["llm"]))
    d.link("txt", "core")
    if has_audio:
        d.link("aenc", "core")
    if entry.output_decoder:
        d.add(Node("dec", core_row + 1, 1.0, "Output decoder", names(entry.output_decoder, ""), "part"),
              Node("out", core_row + 2, 0.5, outputs, kind="io"))
        d.link("core", "dec"), d.link("dec", "out"), d.link("core", "out")
    else:
        d.add(Node("out", core_row + 1, 0.5, outputs, kind="io"))
        d.link("core", "out")
    return d


def describe(d: Drawing) -> str:
    label = {n.id: (f"{n.title} ({n.detail})" if n.detail else n.title) + (" [frozen]" if n.kind == "frozen" else "")
             for n in d.nodes}
    return "; ".join(f"{label[a]} → {label[b]}" for a, b, _ in d.edges)


def architecture_figure(entry: Entry) -> str:
    """A <figure> with the SVG and a caption, ready to sit in a markdown page as raw HTML."""
    d = architecture(entry)
    svg = render_svg(d, f"Architecture of {entry.name}", describe(d))
    frozen = any(n.kind == "frozen" for n in d.nodes)
    caption = "Drawn from the entry's data."
    if frozen:
        caption += " Dashed boxes stay frozen in the final training stage."
    return f'<figure class="vlm-figure">{svg}<figcaption>{esc(caption)}</figcaption></figure>'


# ------------------------------------------------------------------------------------------------
# Lineage graphs (families and the whole catalog)


def lineage_drawing(entries: list[Entry], catalog: Catalog, href) -> Drawing:
    """Entries laid out in rows by release order; arrows follow builds_on within the set."""
    d = Drawing()
    chosen = sorted(entries, key=lambda e: (e.released, e.name.lower()))
    slugs = {e.slug for e in chosen}
    for row, e in enumerate(chosen):  # one per row, zig-zag, so every arrow points down
        x = 0.0 if row % 2 == 0 else 1.0
        d.add(Node(e.slug, row, x, e.name, f"{e.released.isoformat()} · {catalog.fusion[e.fusion].name}", "part", href(e.slug)))
    for e in chosen:
        for ref in e.builds_on:
            if ref in slugs:
                d.link(ref, e.slug)
    return d


def lineage_svg(entries: list[Entry], catalog: Catalog, title: str, href) -> str:
    d = lineage_drawing(entries, catalog, href)
    desc = "; ".join(f"{a} → {b}" for a, b, _ in d.edges) or "no links within this set"
    return render_svg(d, title, desc, "vlm-diagram vlm-lineage", "lineage")


# ------------------------------------------------------------------------------------------------
# The whole catalog: time runs left to right, one lane per fusion method


def catalog_graph(catalog: Catalog, href) -> str:
    entries = sorted(catalog.entries, key=lambda e: (e.released, e.name.lower()))
    if not entries:
        return ""
    first, last = entries[0].released, entries[-1].released
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    px, left, lane_gap, sub_h = 22, 150, 14, 20
    width = left + months * px + 140

    def x_of(e: Entry) -> float:
        return left + ((e.released.year - first.year) * 12 + e.released.month - first.month + e.released.day / 31) * px

    lanes, pos, y = [], {}, 30
    for term in catalog.fusions:
        members = [e for e in entries if e.fusion == term.id]
        if not members:
            continue
        ends: list[float] = []
        for e in members:
            x = x_of(e)
            label_w = 6.2 * len(clip(e.name, 24)) + 10
            sub = next((i for i, end in enumerate(ends) if end < x), len(ends))
            if sub == len(ends):
                ends.append(0)
            ends[sub] = x + label_w
            pos[e.slug] = (x, y + sub * sub_h + 10)
        height = max(1, len(ends)) * sub_h
        lanes.append((term, y, height))
        y += height + lane_gap
    total_h = y + 10
    parts = [f'<svg class="vlm-graph" viewBox="0 0 {width:.0f} {total_h:.0f}" width="{width:.0f}" height="{total_h:.0f}" '
             'role="img" aria-labelledby="gt gd" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
             '<title id="gt">Lineage of the whole catalog</title>'
             '<desc id="gd">Each dot is a model, placed by release date and grouped in lanes by fusion method; '
             'lines join a model to the catalog models it builds on.</desc>']
    for year in range(first.year, last.year + 1):
        gx = left + ((year - first.year) * 12 + 1 - first.month) * px
        if gx >= left:
            parts.append(f'<line class="vlm-grid" x1="{gx:.0f}" y1="16" x2="{gx:.0f}" y2="{total_h:.0f}"/>'
                         f'<text class="vlm-axis" x="{gx + 3:.0f}" y="14">{year}</text>')
    for term, ly, lh in lanes:
        parts.append(f'<rect class="vlm-lane" x="0" y="{ly:.0f}" width="{width:.0f}" height="{lh:.0f}"/>'
                     f'<text class="vlm-lane-label" x="6" y="{ly + 14:.0f}">{esc(clip(term.name, 22))}</text>')
    for e in entries:
        for ref in e.builds_on:
            if ref in pos:
                (x1, y1), (x2, y2) = pos[ref], pos[e.slug]
                mid = (x1 + x2) / 2
                parts.append(f'<path class="vlm-link" d="M{x1:.0f},{y1:.0f} C{mid:.0f},{y1:.0f} {mid:.0f},{y2:.0f} {x2:.0f},{y2:.0f}"/>')
    for e in entries:
        x, y2 = pos[e.slug]
        parts.append(f'<a xlink:href="{esc(href(e.slug))}"><g class="vlm-dot"><circle cx="{x:.0f}" cy="{y2:.0f}" r="4"/>'
                     f'<text x="{x + 7:.0f}" y="{y2 + 4:.0f}">{esc(clip(e.name, 24))}</text></g></a>')
    parts.append("</svg>")
    return "".join(parts)
