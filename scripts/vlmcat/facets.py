"""Facets for exploring and comparing: component families, open weights, the explore data file.

Entries name components as the papers do ("CLIP ViT-L/14 (336 px)", "Vicuna v1.5 13B"); a facet needs
the family behind the name. The families are matched by keyword, most specific first; a name that
matches none counts as "Other" rather than being guessed.
"""

from __future__ import annotations

import json
import re

from .model import Catalog, Entry

VISION_FAMILIES = (
    ("SigLIP 2", r"siglip[\s-]?2"), ("SigLIP", r"siglip"), ("EVA-CLIP", r"eva[\s-]?0?2?[\s-]?clip|eva0?2"),
    ("InternViT", r"internvit"), ("MetaCLIP", r"metaclip"), ("OpenCLIP", r"openclip|open_clip"),
    ("DINOv2", r"dino"), ("CLIP", r"\bclip\b"), ("ConvNeXt", r"convnext"), ("NFNet", r"nfnet"),
    ("Qwen ViT", r"qwen"), ("MoonViT", r"moonvit"), ("AIMv2", r"aimv2"), ("SAM", r"\bsam\b"),
    ("VQ tokenizer", r"\bvq|quantis|quantiz|tokenizer"), ("ResNet", r"resnet"), ("ViT", r"\bvit\b|vision transformer"),
)
LLM_FAMILIES = (
    ("Vicuna", r"vicuna"), ("Llama", r"llama"), ("Qwen", r"qwen"), ("Mistral", r"mistral|mixtral"),
    ("Gemma", r"gemma"), ("Phi", r"\bphi"), ("InternLM", r"internlm"), ("DeepSeek", r"deepseek"),
    ("MiniCPM", r"minicpm"), ("Yi", r"\byi\b|yi-"), ("GLM", r"\bglm"), ("OPT", r"\bopt\b|opt-"),
    ("T5", r"t5\b|flan"), ("Chinchilla", r"chinchilla"), ("PaLM", r"palm"), ("Pythia", r"pythia"),
    ("MPT", r"\bmpt"), ("Command / Aya", r"command|aya"), ("ERNIE", r"ernie"), ("MiMo", r"mimo"),
    ("Kimi", r"kimi|moonlight"), ("Hunyuan", r"hunyuan"), ("BERT", r"\bbert"), ("Gemini", r"gemini"),
)
OTHER = "Other"


def families(names: tuple[str, ...], table: tuple[tuple[str, str], ...]) -> list[str]:
    """The families of a list of component names, in table order, each once."""
    found: list[str] = []
    for name in names:
        low = name.lower()
        fam = next((fam for fam, pattern in table if re.search(pattern, low)), OTHER)
        if fam not in found:
            found.append(fam)
    return found


def vision_families(e: Entry) -> list[str]:
    return families(e.vision_encoder, VISION_FAMILIES) if e.vision_encoder else ["None (encoder-free)"]


def llm_families(e: Entry) -> list[str]:
    return families(e.language_model, LLM_FAMILIES) if e.language_model else ["None"]


def open_weights(e: Entry) -> bool:
    return "weights" in e.links


def explore_records(catalog: Catalog, page_url) -> list[dict]:
    return [{
        "slug": e.slug, "name": e.name, "url": page_url(e.slug), "released": e.released.isoformat(),
        "year": e.released.year, "fusion": catalog.fusion[e.fusion].name,
        "tasks": [catalog.task[t].name for t in e.tasks], "vision": vision_families(e), "llm": llm_families(e),
        "organizations": list(e.organizations), "open_weights": open_weights(e),
        "params": [p.label() for p in e.params], "summary": e.summary,
        "search": " ".join([e.name, *e.aliases, *e.vision_encoder, *e.language_model, e.connector, e.summary]).lower(),
    } for e in catalog.entries]


def explore_json(catalog: Catalog, page_url) -> str:
    return json.dumps({"entries": explore_records(catalog, page_url)}, ensure_ascii=False, separators=(",", ":")) + "\n"
