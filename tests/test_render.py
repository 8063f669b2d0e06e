"""The page generators are pure functions: tested here on scratch catalogs, without MkDocs."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest

from conftest import ROOT
from vlmcat.render import build_pages, md, rel, summary_nav
from vlmcat.validate import load_catalog


@pytest.fixture
def catalog(scratch):
    scratch.write("alpha-vl")
    scratch.write("beta-vl", name="Beta-VL", aliases=["Beta"], arxiv=["2402.00002"], released="2024-06-01",
                  builds_on=["alpha-vl", "Gemma 2"], fusion="query-resampler", tasks=["vqa", "ocr-document"],
                  connector="Q-Former with 32 queries | *not bold* [x](https://evil.example)")
    return load_catalog(scratch.root)


def pages_by_path(catalog):
    return {p.path: p for p in build_pages(catalog)}


def render_html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "attr_list", "md_in_html", "pymdownx.escapeall"])


def test_md_escapes_markup_so_text_renders_as_itself():
    text = "<script>alert(1)</script> **bold** [a](javascript:x) a|b &amp;"
    html = render_html(md(text))
    assert "<script>" not in html and "<strong>" not in html and "<a " not in html
    assert "&lt;script&gt;" in html and "**bold**" in html and "&amp;amp;" in html


def test_model_page_has_header_glance_table_and_lineage_both_ways(catalog):
    pages = pages_by_path(catalog)
    alpha = pages["models/alpha-vl.md"].content
    beta = pages["models/beta-vl.md"].content
    assert alpha.startswith("---\ntitle: Alpha-VL\n")
    assert "search:\n  boost: 3" in alpha
    assert "Released **2024-01-30**" in alpha
    assert "[:material-file-document-outline: Paper](<https://arxiv.org/abs/2401.00001>)" in alpha
    assert "| Vision encoder | SigLIP\\-So400m |" in alpha
    assert "Audio encoder" not in alpha and "Output decoder" not in alpha
    assert "| Fusion | [Projection into the LLM](../fusion/projection-into-llm.md) |" in alpha
    assert "| Parameters | 3B, Max\\: 30B total, 3B active |" in alpha
    assert "[Visual question answering](../tasks/vqa.md)" in alpha
    # lineage: beta builds on alpha (a link) and on an outside model (plain text); alpha lists beta back
    assert "Builds on: [Beta\\-VL]" not in beta
    assert "Builds on: [Alpha\\-VL](alpha-vl.md), Gemma 2" in beta
    assert "Built upon by: [Beta\\-VL](beta-vl.md)" in alpha
    # body and generated data sections
    assert '??? info "Architecture"' in alpha
    assert "[LLaVA\\-Pretrain 558K" in alpha and "(../datasets/llava-pretrain-558k.md)" in alpha
    assert "- **Evaluation:** [VQAv2](../datasets/vqav2.md)" in alpha


def test_text_from_fields_cannot_inject_markup(catalog):
    html = render_html(pages_by_path(catalog)["models/beta-vl.md"].content.split("---\n", 2)[2])
    assert "evil.example" in html and 'href="https://evil.example"' not in html
    assert "<em>not bold</em>" not in html
    # the pipe stays inside its cell: the connector row still has exactly two cells
    row = next(r for r in re.findall(r"<tr>.*?</tr>", html, re.S) if "Connector" in r)
    assert row.count("<td") == 2


def test_index_pages_list_the_right_models(catalog):
    pages = pages_by_path(catalog)
    vqa = pages["tasks/vqa.md"].content
    assert "[Alpha\\-VL](../models/alpha-vl.md)" in vqa and "[Beta\\-VL](../models/beta-vl.md)" in vqa
    ocr = pages["tasks/ocr-document.md"].content
    assert "beta-vl.md" in ocr and "alpha-vl.md" not in ocr
    resampler = pages["fusion/query-resampler.md"].content
    assert "A fixed set of learned queries" in resampler and "beta-vl.md" in resampler and "alpha-vl.md" not in resampler
    cc3m = pages["datasets/cc3m.md"].content
    assert "## Pretraining" in cc3m and "alpha-vl.md" in cc3m and "## Evaluation" not in cc3m
    assert "**Also written:** CC3M" in cc3m
    staged = pages["datasets/llava-pretrain-558k.md"].content
    assert "## Training (stage data)" in staged
    unused = pages["datasets/nocaps.md"].content
    assert "No entry in the catalog uses this dataset yet." in unused


def test_timeline_and_table_are_newest_first(catalog):
    pages = pages_by_path(catalog)
    timeline = pages["timeline.md"].content
    assert timeline.index("beta-vl.md") < timeline.index("alpha-vl.md")
    assert "## 2024\n\n2 architectures." in timeline
    table = pages["models/index.md"].content
    assert "All 2 architectures" in table and table.index("beta-vl") < table.index("alpha-vl")


def test_home_page_counts_come_from_the_data(catalog):
    home = pages_by_path(catalog)["index.md"].content
    assert "[**2** architectures](models/index.md)" in home
    assert f"[**{len(catalog.tasks)}** tasks](tasks/index.md)" in home
    assert "[**4** datasets in use](datasets/index.md)" in home


def test_nav_lists_indexes_but_not_model_pages(catalog):
    nav = summary_nav(catalog)
    assert "- [Tasks](tasks/index.md)" in nav and "    - [Visual question answering](tasks/vqa.md)" in nav
    assert "models/alpha-vl.md" not in nav and "datasets/cc3m.md" not in nav


def test_every_page_edits_an_existing_source_file():
    catalog = load_catalog(ROOT)
    for page in build_pages(catalog):
        if page.path == "SUMMARY.md":
            assert page.edit_path is None
            continue
        source = (ROOT / "docs" / page.edit_path).resolve()
        assert source.is_file(), (page.path, page.edit_path)
        if page.path.startswith("models/") and page.path != "models/index.md":
            assert page.edit_path == f"../entries/{Path(page.path).stem}.md"


def test_relative_links():
    assert rel("models/a.md", "fusion/b.md") == "../fusion/b.md"
    assert rel("index.md", "tasks/index.md") == "tasks/index.md"
    assert rel("models/a.md", "models/b.md") == "b.md"


def test_search_keys_keep_each_name_word_once(scratch):
    scratch.write("alpha-vl", name="PaliGemma", aliases=["PaliGemma 1", "PaliGemma-3B", "PaliGemma2", "PaliGemma Mix"])
    entry = load_catalog(scratch.root).by_slug["alpha-vl"]
    from vlmcat.render import search_keys
    assert search_keys(entry) == ["PaliGemma", "Mix"]


def test_models_whose_name_another_extends_get_the_higher_boost(scratch):
    from vlmcat.render import BOOST_MODEL, BOOST_SHORT_NAME, short_names
    scratch.write("alpha-vl", name="LLaVA", aliases=[])
    scratch.write("beta-vl", name="LLaVA-1.6", aliases=["LLaVA-NeXT"], arxiv=[])
    scratch.write("gamma-vl", name="Qwen2-VL", aliases=[], arxiv=["2409.12191"])
    scratch.write("delta-vl", name="Qwen2.5-VL", aliases=[], arxiv=["2502.13923"])
    catalog = load_catalog(scratch.root)
    assert short_names(catalog) == {"alpha-vl", "gamma-vl"}
    pages = pages_by_path(catalog)
    assert f"boost: {BOOST_SHORT_NAME}" in pages["models/alpha-vl.md"].content
    assert f"boost: {BOOST_MODEL}" in pages["models/beta-vl.md"].content
    assert "tags:\n- LLaVA-1.6\n- NeXT\n" in pages["models/beta-vl.md"].content


def test_audio_encoder_and_output_decoder_rows_appear_when_given(scratch):
    scratch.write("alpha-vl", audio_encoder=["Whisper-large-v3 encoder"], output_decoder=["streaming speech decoder"],
                  modalities={"input": ["image", "audio", "text"], "output": ["text", "speech"]})
    page = pages_by_path(load_catalog(scratch.root))["models/alpha-vl.md"].content
    assert "| Audio encoder | Whisper\\-large\\-v3 encoder |" in page
    assert "| Output decoder | streaming speech decoder |" in page
    assert "Image, Audio, Text → Text, Speech" in page
