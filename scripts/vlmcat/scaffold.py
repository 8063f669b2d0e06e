"""`vlmcat new`: a new entry skeleton with every key and the body sections, valid as written."""

from __future__ import annotations

import datetime as dt

import yaml

from .markup import slugify  # noqa: F401  (part of the scaffold's interface: `vlmcat new` makes slugs)

HEADER = """\
# Replace every placeholder. `vlmcat validate` says what each key allows; the schema is
# entries/_data/entry.schema.json and the terms are in entries/_data/*.yml.
"""

BODY = """
One paragraph, mechanism first: what {name} does differently from the models before it.

??? info "Architecture"

    Components, how visual information reaches the language model, resolution and token budget,
    and what is new compared with its predecessors.

??? info "Training procedure"

    Stages in order: what is trained, what is frozen, and the objective of each.

??? info "Data"

    Which datasets are used in which role, with sizes where the authors give them.
"""




def skeleton(name: str, arxiv: str | None = None, today: dt.date | None = None) -> str:
    day = (today or dt.date.today()).isoformat()
    front = {
        "name": name,
        "title": f"Title of the {name} paper or report (replace)",
        "summary": f"One sentence of our own on what is distinctive about {name} (replace).",
        "aliases": [],
        "released": day, "reviewed": day, "added": day,
        "arxiv": [arxiv] if arxiv else [],
        "links": {"paper": f"https://arxiv.org/abs/{arxiv}"} if arxiv else {},
        "authors": [], "organizations": [], "family": name, "builds_on": [],
        "vision_encoder": ["not yet described"], "language_model": ["not yet described"],
        "connector": "not yet described", "fusion": "undisclosed", "params": [],
        "modalities": {"input": ["image", "text"], "output": ["text"]},
        "tasks": ["vqa"], "training": [],
        "datasets": {"pretraining": [], "instruction": [], "evaluation": []},
    }
    dumped = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, default_flow_style=None, width=100)
    return "---\n" + HEADER + dumped + "---\n" + BODY.format(name=name)
