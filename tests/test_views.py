"""Diagrams, lineage, explore data, trends and Learn pages: pure functions, tested without MkDocs."""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

import pytest

from conftest import ROOT
from vlmcat import charts, diagrams, facets, views
from vlmcat.render import build_pages
from vlmcat.validate import CatalogError, load_catalog

SVG = "{http://www.w3.org/2000/svg}"
REAL = load_catalog(ROOT)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # raises if the markup is not well-formed XML


def titles(d: diagrams.Drawing) -> dict[str, diagrams.Node]:
    return {n.title: n for n in d.nodes}


@pytest.mark.parametrize("names, table, expected", [
    (("CLIP ViT-L/14 (336 px)",), facets.VISION_FAMILIES, ["CLIP"]),
    (("EVA-CLIP ViT-g/14", "CLIP ViT-L/14"), facets.VISION_FAMILIES, ["EVA-CLIP", "CLIP"]),
    (("SigLIP 2 So400m",), facets.VISION_FAMILIES, ["SigLIP 2"]),
    (("Vicuna v1.5 13B", "Llama 3 8B"), facets.LLM_FAMILIES, ["Vicuna", "Llama"]),
    (("a custom decoder",), facets.LLM_FAMILIES, [facets.OTHER]),
])
def test_component_families(names, table, expected):
    assert facets.families(names, table) == expected


def test_projection_diagram_marks_what_the_final_stage_freezes(scratch):
    stages = [{"stage": "Align", "trainable": ["projector"], "frozen": ["vision encoder", "LLM"]},
              {"stage": "Tune", "trainable": ["projector", "LLM"], "frozen": ["vision encoder"]}]
    scratch.write("alpha-vl", training=stages)
    entry = load_catalog(scratch.root).by_slug["alpha-vl"]
    d = diagrams.architecture(entry)
    nodes = titles(d)
    assert nodes["Vision encoder"].kind == "frozen" and nodes["Language model"].kind == "part"
    assert nodes["Vision encoder"].detail == "SigLIP-So400m" and nodes["Connector"].detail == "two-layer MLP"
    assert ("venc", "conn", "") in d.edges and ("txt", "core", "") in d.edges
    figure = diagrams.architecture_figure(entry)
    svg = parse(figure.removeprefix('<figure class="vlm-figure">').split("<figcaption>")[0])
    assert svg.find(f"{SVG}title").text == "Architecture of Alpha-VL"
    assert "Dashed boxes stay frozen" in figure


@pytest.mark.parametrize("fusion, present, absent", [
    ("encoder-free", {"Patch embedding", "Decoder"}, {"Vision encoder", "Connector"}),
    ("contrastive-dual-encoder", {"Image encoder", "Text encoder", "Shared embedding space"}, {"Language model"}),
    ("discrete-token-early-fusion", {"Image tokenizer", "Transformer (shared vocabulary)"}, {"Vision encoder"}),
    ("cross-attention-into-llm", {"Cross-attention path", "Language model"}, set()),
    ("fusion-encoder", {"Fusion encoder"}, {"Language model"}),
])
def test_layout_follows_the_fusion_method(scratch, fusion, present, absent):
    scratch.write("alpha-vl", fusion=fusion)
    d = diagrams.architecture(load_catalog(scratch.root).by_slug["alpha-vl"])
    names = set(titles(d))
    assert present <= names and not (absent & names)
    if fusion == "cross-attention-into-llm":
        assert any(label == "cross-attention" for _, _, label in d.edges)


def test_audio_encoder_and_output_decoder_are_drawn(scratch):
    scratch.write("alpha-vl", audio_encoder=["Whisper encoder"], output_decoder=["VAE decoder"],
                  modalities={"input": ["image", "audio", "text"], "output": ["text", "image"]})
    nodes = titles(diagrams.architecture(load_catalog(scratch.root).by_slug["alpha-vl"]))
    assert nodes["Audio encoder"].detail == "Whisper encoder" and nodes["Output decoder"].detail == "VAE decoder"
    assert "Text · Image" in nodes


def test_svg_text_is_escaped(scratch):
    scratch.write("alpha-vl", name="A&B-VL", aliases=[], connector="MLP & gate")
    figure = diagrams.architecture_figure(load_catalog(scratch.root).by_slug["alpha-vl"])
    assert "MLP &amp; gate" in figure and "A&amp;B-VL" in figure


def test_every_real_entry_gets_a_well_formed_diagram():
    for e in REAL.entries:
        d = diagrams.architecture(e)
        parse(diagrams.render_svg(d, e.name, diagrams.describe(d)))
        assert {a for a, _, _ in d.edges} | {b for _, b, _ in d.edges} <= {n.id for n in d.nodes}


def test_family_lineage_and_catalog_graph_link_every_model():
    fams = views.families(REAL)
    assert "LLaVA" in fams and all(len(m) >= 2 for m in fams.values())
    llava = fams["LLaVA"]
    d = diagrams.lineage_drawing(llava, REAL, lambda s: f"../../models/{s}/")
    slugs = {e.slug for e in llava}
    assert {n.id for n in d.nodes} == slugs
    assert ("llava", "llava-1-5", "") in d.edges
    assert all(ref in slugs for ref, _, _ in d.edges)
    graph = parse(diagrams.catalog_graph(REAL, lambda s: f"m/{s}/"))
    hrefs = {a.get("{http://www.w3.org/1999/xlink}href") for a in graph.iter(f"{SVG}a")}
    assert hrefs == {f"m/{e.slug}/" for e in REAL.entries}


def test_fusion_bars_add_up_to_the_models_of_each_year():
    svg = parse(charts.stacked_bars(REAL))
    per_year: dict[str, int] = {}
    for rect in svg.iter(f"{SVG}rect"):
        title = rect.find(f"{SVG}title")
        if title is not None:
            year, rest = title.text.split(": ", 1)
            per_year[year] = per_year.get(year, 0) + int(rest.rsplit(", ", 1)[1])
    assert per_year == {str(y): sum(1 for e in REAL.entries if e.year == y) for y in {e.year for e in REAL.entries}}


def test_heat_grids_count_models_per_family_and_year():
    svg = parse(charts.vision_over_time(REAL))
    cells = {t.text for t in svg.iter(f"{SVG}title") if t.text and ", " in t.text}
    clip_2023 = sum(1 for e in REAL.entries if e.year == 2023 and "CLIP" in facets.vision_families(e))
    assert f"CLIP, 2023: {clip_2023}" in cells
    tasks = parse(charts.tasks_over_time(REAL))
    assert any(t.text.startswith("Visual question answering, ") for t in tasks.iter(f"{SVG}title") if t.text)


def test_explore_data_has_every_model_and_facet():
    data = json.loads(facets.explore_json(REAL, lambda s: f"models/{s}/"))
    records = {r["slug"]: r for r in data["entries"]}
    assert set(records) == {e.slug for e in REAL.entries}
    llava = records["llava"]
    assert llava["url"] == "models/llava/" and llava["fusion"] == "Projection into the LLM"
    assert llava["vision"] == ["CLIP"] and "Vicuna" in llava["llm"] and llava["year"] == 2023
    assert "visual question answering" in " ".join(llava["tasks"]).lower()
    assert isinstance(llava["open_weights"], bool)


def test_model_page_has_the_diagram_compare_link_and_glossary_tooltips():
    pages = {p.path: p.content for p in build_pages(REAL)}
    page = pages["models/flamingo.md"]
    assert '<figure class="vlm-figure"><svg class="vlm-diagram"' in page
    assert 'href="../../compare/?m=flamingo"' in page
    assert "Family: [Flamingo lineage](../lineage/flamingo.md)" in page
    assert "\n*[Perceiver Resampler]: " in page  # the glossary term, as spelled in the body
    for path in ("explore.md", "compare.md", "trends.md", "lineage/index.md", "learn/index.md", "learn/glossary.md",
                 "learn/further-reading.md", "lineage/llava.md"):
        assert path in pages


def test_learn_pages_follow_the_data():
    pages = {p.path: p.content for p in build_pages(REAL)}
    start = pages["learn/index.md"]
    positions = [start.index(f"]({'../models/' + slug + '.md'})") for slug, _ in REAL.learn.path]
    assert positions == sorted(positions) and len(positions) >= 12
    glossary = pages["learn/glossary.md"]
    for term in ("Q-Former", "gated cross-attention", "visual expert", "AnyRes", "early fusion"):
        assert any(t.term.lower() == term.lower() for t in REAL.learn.glossary), term
    assert all(f"{{ #{views.term_anchor(t.term)} }}" in glossary for t in REAL.learn.glossary)
    reading = pages["learn/further-reading.md"]
    assert all(r.url in reading for r in REAL.learn.reading) and len(REAL.learn.reading) >= 4


def test_learn_data_is_validated(scratch):
    scratch.write("alpha-vl")
    (scratch.root / "entries/_data/learn.yml").write_text(
        "reading_path:\n  - {slug: alpha-v, introduced: x}\n"
        "glossary:\n  - {term: Q-Former, definition: d, see: nope}\n"
        "further_reading:\n  - {title: T, url: 'http://x.org', authors: A, year: 2024, kind: blog, note: n}\n")
    with pytest.raises(CatalogError) as exc:
        load_catalog(scratch.root)
    found = "\n".join(str(p) for p in exc.value.problems)
    assert "reading_path[0].slug: 'alpha-v' is not a catalog entry (did you mean 'alpha-vl'?)" in found
    assert "glossary[0].see: 'nope' is not a catalog entry" in found
    assert "further_reading[0].url: must be an https:// URL" in found
    assert "further_reading[0].kind: 'blog' is not a reading kind" in found
