"""Shared fixtures: a scratch catalog built from the real registries plus entries a test writes."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]

BODY = """
An overview paragraph of our own.

??? info "Architecture"

    Components.

??? info "Training procedure"

    Stages.

??? info "Data"

    Datasets.
"""

VALID = {
    "name": "Alpha-VL",
    "title": "Alpha-VL: A Test Model",
    "summary": "A test entry.",
    "aliases": ["Alpha"],
    "released": "2024-01-30",
    "reviewed": "2024-03-01",
    "added": "2024-02-15",
    "arxiv": ["2401.00001"],
    "links": {"paper": "https://arxiv.org/abs/2401.00001", "code": "https://github.com/example/alpha"},
    "authors": ["Ada Lovelace", "Alan Turing"],
    "organizations": ["Test Lab"],
    "family": "Alpha",
    "builds_on": ["Vicuna"],
    "vision_encoder": ["SigLIP-So400m"],
    "language_model": ["Gemma-2B"],
    "connector": "two-layer MLP",
    "fusion": "projection-into-llm",
    "params": ["3B", {"variant": "Max", "total": "30B", "active": "3B"}],
    "modalities": {"input": ["image", "text"], "output": ["text"]},
    "tasks": ["vqa", "captioning"],
    "training": [
        {"stage": "Alignment", "trainable": ["projector"], "frozen": ["vision encoder", "LLM"],
         "objective": "captioning", "data": "558K pairs", "datasets": ["llava-pretrain-558k"]},
    ],
    "datasets": {"pretraining": ["cc3m"], "instruction": ["llava-instruct-158k"], "evaluation": ["vqav2"]},
}


def entry_text(fm: dict | None = None, body: str = BODY, **changes) -> str:
    data = copy.deepcopy(fm if fm is not None else VALID)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return "---\n" + yaml.safe_dump(data, sort_keys=False, allow_unicode=True) + "---\n" + body


class Scratch:
    """A project folder with the real entries/_data and only the entries a test writes."""

    def __init__(self, root: Path):
        self.root = root
        # The registries, without the Learn data (it names real entries, which a scratch catalog lacks).
        shutil.copytree(ROOT / "entries" / "_data", root / "entries" / "_data", ignore=shutil.ignore_patterns("learn.yml"))

    def write(self, slug: str, text: str | None = None, **changes) -> Path:
        path = self.root / "entries" / f"{slug}.md"
        path.write_text(text if text is not None else entry_text(**changes), encoding="utf-8")
        return path


@pytest.fixture
def scratch(tmp_path: Path) -> Scratch:
    return Scratch(tmp_path)


def mkdocs_build(project: Path, site_dir: Path, *extra: str):
    """Run a real `mkdocs build --strict` of `project` into `site_dir`."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir), *extra],
                          cwd=project, capture_output=True, text=True, env=env)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real catalog, built once per test session."""
    site = tmp_path_factory.mktemp("site")
    run = mkdocs_build(ROOT, site)
    assert run.returncode == 0, run.stdout + run.stderr
    return site
