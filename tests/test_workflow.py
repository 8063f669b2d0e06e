"""The contribution workflow: scaffold, linters, pre-commit, GitHub workflows and templates."""

from __future__ import annotations

import re
import subprocess
import sys

import yaml

from conftest import ROOT
from vlmcat.cli import main as cli
from vlmcat.scaffold import skeleton, slugify
from vlmcat.validate import load_catalog


def readme_commands() -> list[str]:
    """The README's two commands: the code blocks of its 'Two commands' section."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```bash\n(.*?)```", section, re.S)]


def test_readme_gives_exactly_two_commands_and_ci_runs_the_test_one():
    serve, test = readme_commands()
    assert serve == "./scripts/serve.sh" and test == "./scripts/test.sh"
    ci = (ROOT / ".ci" / "run").read_text()
    assert "scripts/test.sh" in ci


def test_scaffold_output_passes_validation_unchanged(scratch):
    assert slugify("Qwen2.5-VL (72B)") == "qwen2-5-vl-72b"
    assert cli(["new", "Nova-VL 2: Ünïcode", "--arxiv", "2501.12345", "--root", str(scratch.root)]) == 0
    path = scratch.root / "entries" / "nova-vl-2-unicode.md"
    text = path.read_text(encoding="utf-8")
    for key in ("name", "title", "summary", "released", "reviewed", "added", "arxiv", "links", "authors",
                "organizations", "family", "builds_on", "vision_encoder", "language_model", "connector", "fusion",
                "params", "modalities", "tasks", "training", "datasets"):
        assert re.search(rf"^{key}:", text, re.M), key
    for section in ("Architecture", "Training procedure", "Data"):
        assert f'??? info "{section}"' in text
    entry = load_catalog(scratch.root).by_slug["nova-vl-2-unicode"]
    assert entry.name == "Nova-VL 2: Ünïcode" and entry.links["paper"] == "https://arxiv.org/abs/2501.12345"
    # refuses to overwrite, and rejects a malformed arXiv id
    assert cli(["new", "Nova-VL 2: Ünïcode", "--root", str(scratch.root)]) == 1
    assert cli(["new", "Other", "--arxiv", "arXiv:1", "--root", str(scratch.root)]) == 2


def test_skeleton_without_arxiv_is_valid_too(scratch):
    scratch.write("plain-vl", skeleton("Plain-VL"))
    assert load_catalog(scratch.root).by_slug["plain-vl"].arxiv == ()


def test_python_passes_ruff():
    run = subprocess.run([sys.executable, "-m", "ruff", "check", "scripts", "tests"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_markdown_passes_pymarkdown():
    files = [str(p.relative_to(ROOT)) for p in [*ROOT.glob("entries/*.md"), *ROOT.glob("docs/*.md"), *ROOT.glob("*.md")]]
    run = subprocess.run([sys.executable, "-m", "pymarkdown", "--config", ".pymarkdown.json", "scan", *files],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_pre_commit_runs_the_validator_and_both_linters():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    entries = {h["id"]: h["entry"] for repo in config["repos"] for h in repo["hooks"]}
    assert entries["vlmcat-validate"] == ".venv/bin/vlmcat validate"
    assert entries["ruff"].startswith(".venv/bin/ruff check")
    assert entries["pymarkdown"].startswith(".venv/bin/pymarkdown --config .pymarkdown.json scan")


def workflow(name: str) -> dict:
    return yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text())


def run_steps(wf: dict) -> list[str]:
    return [step["run"] for job in wf["jobs"].values() for step in job.get("steps", []) if "run" in step]


def test_ci_workflow_runs_the_readme_test_command():
    wf = workflow("ci.yml")
    _, test = readme_commands()
    assert test in run_steps(wf)
    assert set(wf[True]) >= {"push", "pull_request"}  # YAML 1.1 reads the key `on` as True


def test_deploy_workflow_builds_strictly_and_publishes_to_pages():
    wf = workflow("deploy.yml")
    assert any("mkdocs build --strict" in run for run in run_steps(wf))
    uses = [step.get("uses", "") for job in wf["jobs"].values() for step in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert wf[True]["push"]["branches"] == ["main"] and wf["permissions"]["pages"] == "write"


def test_issue_forms_and_pull_request_template():
    for name in ("suggest-model.yml", "correct-entry.yml"):
        form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / name).read_text())
        assert form["name"] and form["description"] and form["body"]
        assert any(item.get("validations", {}).get("required") for item in form["body"])
    template = (ROOT / ".github" / "pull_request_template.md").read_text()
    assert template.count("- [ ]") >= 5 and "./scripts/test.sh" in template


def test_citation_cff_has_the_required_fields():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert cff["cff-version"] == "1.2.0"
    assert cff["message"] and cff["title"] and cff["authors"]
    assert cff["repository-code"].startswith("https://github.com/")
