"""Each kind of bad input gives one clear line naming file, line, field and what is allowed."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import BODY, ROOT, VALID, entry_text
from vlmcat.validate import CatalogError, load_catalog


def problems(scratch) -> list[str]:
    with pytest.raises(CatalogError) as exc:
        load_catalog(scratch.root)
    return [str(p) for p in exc.value.problems]


def only(scratch) -> str:
    found = problems(scratch)
    assert len(found) == 1, found
    return found[0]


def test_the_real_catalog_is_valid():
    catalog = load_catalog(ROOT)
    assert len(catalog.entries) >= 12
    assert {"llava", "llava-1-5", "clip", "blip-2", "qwen2-vl"} <= set(catalog.by_slug)


def test_a_valid_scratch_entry_loads(scratch):
    scratch.write("alpha-vl")
    catalog = load_catalog(scratch.root)
    entry = catalog.by_slug["alpha-vl"]
    assert entry.released.isoformat() == "2024-01-30"
    assert entry.params[1].label() == "Max: 30B total, 3B active"
    assert catalog.by_dataset["cc3m"] == (entry,)


def test_malformed_yaml_names_file_and_line(scratch):
    scratch.write("alpha-vl", "---\nname: Alpha\ntasks: [vqa\n---\n" + BODY)
    line = only(scratch)
    assert line.startswith("entries/alpha-vl.md:")
    assert "invalid YAML" in line


def test_missing_required_key(scratch):
    scratch.write("alpha-vl", fusion=None)
    assert only(scratch) == "entries/alpha-vl.md:2: fusion: is required but missing"


def test_unknown_task_suggests_the_closest_term(scratch):
    scratch.write("alpha-vl", tasks=["vqa", "captoning"])
    line = only(scratch)
    assert "tasks[1]: 'captoning' is not a known task (did you mean 'captioning'?)" in line
    assert "entries/_data/tasks.yml" in line


def test_unknown_fusion_method(scratch):
    scratch.write("alpha-vl", fusion="projection")
    line = only(scratch)
    assert "fusion: 'projection' is not a known fusion method (did you mean 'projection-into-llm'?)" in line


def test_unknown_modality(scratch):
    scratch.write("alpha-vl", modalities={"input": ["image", "pictures"], "output": ["text"]})
    assert "modalities.input[1]: 'pictures' is not a known modality" in only(scratch)


def test_dataset_alias_points_to_its_id(scratch):
    scratch.write("alpha-vl", datasets={"pretraining": ["Conceptual Captions"]})
    assert "datasets.pretraining[0]: 'Conceptual Captions' is a name of dataset 'cc3m'; refer to it by its id 'cc3m'" in only(scratch)


def test_unknown_dataset_id_in_a_training_stage(scratch):
    stage = dict(VALID["training"][0], datasets=["laion-400"])
    scratch.write("alpha-vl", training=[stage])
    line = only(scratch)
    assert "training[0].datasets[0]: 'laion-400' is not a dataset id (did you mean 'laion-400m'?)" in line


@pytest.mark.parametrize("value, expected", [
    ("2024-02-30", "'2024-02-30' is not a real calendar date"),
    ("2024/01/30", "must be a date written YYYY-MM-DD (got '2024/01/30')"),
    ("1970-01-01", "before 1990"),
])
def test_bad_dates(scratch, value, expected):
    scratch.write("alpha-vl", released=value)
    line = only(scratch)
    assert line.startswith("entries/alpha-vl.md:7: released: ")
    assert expected in line


@pytest.mark.parametrize("url", ["http://arxiv.org/abs/2401.00001", "javascript:alert(1)", "arxiv.org/abs/1"])
def test_links_must_be_https(scratch, url):
    scratch.write("alpha-vl", links={"paper": url})
    assert f"links.paper: must be an https:// URL (got '{url}')" in only(scratch)


def test_unknown_key_suggests_the_allowed_one(scratch):
    scratch.write("alpha-vl", relased="2024-01-01")
    assert "relased: unknown key" in only(scratch)
    assert "(did you mean 'released'?)" in only(scratch)


def test_html_in_a_field_is_rejected(scratch):
    scratch.write("alpha-vl", connector="<script>alert(1)</script> MLP")
    assert "connector: HTML tags and entities are not allowed" in only(scratch)


def test_bad_size_and_arxiv_id(scratch):
    scratch.write("alpha-vl", params=["seven billion"], arxiv=["arXiv:2401.00001v2"])
    found = problems(scratch)
    assert any("params[0]: must be a size like 7B" in p for p in found)
    assert any("arxiv[0]: must be an arXiv id like 2304.08485" in p for p in found)


def test_duplicate_names_aliases_and_arxiv_ids(scratch):
    scratch.write("alpha-vl")
    scratch.write("beta-vl", name="Beta", aliases=["ALPHA-VL"])
    found = problems(scratch)
    assert any(p.startswith("entries/beta-vl.md") and "'ALPHA-VL' is already the name or an alias of entries/alpha-vl.md" in p for p in found)
    assert any(p.startswith("entries/beta-vl.md") and "arXiv id 2401.00001 is already used by entries/alpha-vl.md" in p for p in found)


def test_builds_on_a_missing_slug(scratch):
    scratch.write("alpha-vl")
    scratch.write("beta-vl", name="Beta", aliases=[], arxiv=[], builds_on=["alpha-v"])
    line = only(scratch)
    assert "builds_on[0]: 'alpha-v' looks like a catalog slug but no entries/alpha-v.md exists (did you mean 'alpha-vl'?)" in line


def test_builds_on_a_catalog_model_by_name_asks_for_its_slug(scratch):
    scratch.write("alpha-vl")
    scratch.write("beta-vl", name="Beta", aliases=[], arxiv=[], builds_on=["Alpha-VL"])
    assert "refer to it by its slug 'alpha-vl'" in only(scratch)


def test_body_needs_the_collapsible_sections(scratch):
    scratch.write("alpha-vl", entry_text(body="\nJust an overview.\n"))
    found = problems(scratch)
    assert len(found) == 3
    assert all('needs a collapsible section whose title starts with' in p for p in found)


def test_file_name_must_be_a_slug(scratch):
    scratch.write("Alpha_VL")
    assert "file name: 'Alpha_VL.md' must be <slug>.md" in only(scratch)


def test_duplicate_key_in_front_matter(scratch):
    scratch.write("alpha-vl", entry_text().replace("family: Alpha\n", "family: Alpha\nfamily: Beta\n"))
    assert "family: key appears twice" in only(scratch)


def test_all_problems_are_reported_at_once(scratch):
    scratch.write("alpha-vl", fusion="nope", released="2024-13-01")
    scratch.write("beta-vl", "no front matter here\n")
    found = problems(scratch)
    assert len(found) == 3
    assert {p.split(":")[0] for p in found} == {"entries/alpha-vl.md", "entries/beta-vl.md"}


def test_registry_rejects_one_name_for_two_datasets(scratch):
    registry = scratch.root / "entries/_data/datasets.yml"
    registry.write_text(registry.read_text() + "- id: cc3m-filtered\n  name: CC3M (filtered)\n  kind: image-text\n")
    scratch.write("alpha-vl")
    line = only(scratch)
    assert line.startswith("entries/_data/datasets.yml:")
    assert "'CC3M (filtered)' already names dataset 'cc3m'" in line


def test_cc3m_spellings_are_one_dataset():
    catalog = load_catalog(ROOT)
    cc3m = catalog.dataset["cc3m"]
    assert {"CC3M", "Conceptual Captions", "CC3M (filtered)"} <= set(cc3m.aliases) | {cc3m.name}
    assert not any(d.id != "cc3m" and "CC3M" in (d.name, *d.aliases) for d in catalog.datasets)


def test_cli_reports_problems_without_a_traceback(scratch):
    scratch.write("alpha-vl", fusion="nope")
    run = subprocess.run([sys.executable, "-m", "vlmcat.cli", "validate", str(scratch.root)],
                         capture_output=True, text=True, cwd=ROOT / "scripts")
    assert run.returncode == 1
    assert "entries/alpha-vl.md:" in run.stderr and "fusion: 'nope'" in run.stderr
    assert "Traceback" not in run.stderr + run.stdout


def test_cli_says_ok_for_the_real_catalog():
    run = subprocess.run([sys.executable, "-m", "vlmcat.cli", "validate"], capture_output=True, text=True, cwd=ROOT / "scripts")
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("ok: ")


def test_names_that_differ_only_in_case_and_punctuation_are_one_name(scratch):
    registry = scratch.root / "entries/_data/datasets.yml"
    registry.write_text(registry.read_text() + "- id: llava-instruct-copy\n  name: llava instruct 158k\n  kind: instruction\n")
    scratch.write("alpha-vl")
    line = only(scratch)
    assert "'llava instruct 158k' already names dataset 'llava-instruct-158k'" in line


def test_plus_is_significant_in_dataset_names():
    from vlmcat.validate import name_key
    assert name_key("RefCOCO+") != name_key("RefCOCO")
    assert name_key("LLaVA-Instruct-158K") == name_key("llava instruct 158k")
    assert name_key("VILA²") == name_key("VILA2") != name_key("VILA")


def test_a_dataset_spelled_loosely_points_to_its_id(scratch):
    scratch.write("alpha-vl", datasets={"evaluation": ["vqa v2"]})
    assert "'vqa v2' is a name of dataset 'vqav2'; refer to it by its id 'vqav2'" in only(scratch)
