"""`mkdocs serve` (the README's main command) rebuilds when an entry, a data file or the generator changes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from test_site import copy_project


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as r:
        return r.read().decode("utf-8")


def wait_for(url: str, needle: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    last = ""
    while time.monotonic() < deadline:
        try:
            last = fetch(url)
            if needle in last:
                return last
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{needle!r} never appeared at {url}")


@pytest.fixture
def served(tmp_path):
    project = copy_project(tmp_path / "project")
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                            cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}/awesome-vlm-architectures/"
    try:
        wait_for(base + "models/llava/", "Visual Instruction Tuning", seconds=120)
        yield project, base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_serve_rebuilds_on_entry_data_and_generator_changes(served):
    project, base = served
    entry = project / "entries" / "llava.md"
    entry.write_text(entry.read_text().replace("title: Visual Instruction Tuning", "title: Visual Instruction Tuning, revised"))
    wait_for(base + "models/llava/", "Visual Instruction Tuning, revised")

    fusion = project / "entries" / "_data" / "fusion.yml"
    fusion.write_text(fusion.read_text().replace("name: Projection into the LLM", "name: Projection into the language model"))
    wait_for(base + "fusion/projection-into-llm/", "Projection into the language model")

    render = project / "scripts" / "vlmcat" / "render.py"
    render.write_text(render.read_text().replace('"## At a glance\\n\\n"', '"## Quick facts\\n\\n"'))
    wait_for(base + "models/clip/", "Quick facts")
