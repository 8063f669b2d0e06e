"""A real `mkdocs build --strict` of the catalog, with assertions on the generated site."""

from __future__ import annotations

import html
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

from conftest import ROOT, mkdocs_build
from vlmcat.validate import load_catalog

CATALOG = load_catalog(ROOT)


def repo_settings() -> tuple[str, str]:
    text = (ROOT / "mkdocs.yml").read_text()
    repo = re.search(r"^repo_url: (\S+)$", text, re.M).group(1)
    edit = re.search(r"^edit_uri: (\S+)$", text, re.M).group(1)
    return repo.rstrip("/"), edit


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.edit: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])
            if "md-content__button" in (a.get("class") or "") and a.get("title", "").lower().startswith("edit"):
                self.edit = a["href"]


def parse(site: Path, page: str) -> Links:
    p = Links()
    p.feed((site / page / "index.html").read_text(encoding="utf-8"))
    return p


def links_to_models(site: Path, page: str) -> set[str]:
    """Slugs of the model pages that `page` links to, resolved the way a browser would."""
    base = f"https://x/{page}/"
    out = set()
    for href in parse(site, page).hrefs:
        path = urlparse(urljoin(base, href)).path
        m = re.fullmatch(r"/models/([a-z0-9-]+)/", path)
        if m:
            out.add(m.group(1))
    return out


def test_every_model_has_a_page(built_site):
    for e in CATALOG.entries:
        html = (built_site / "models" / e.slug / "index.html").read_text(encoding="utf-8")
        assert "<h1 id=" in html and e.name.split()[0] in html


def test_every_model_is_reachable_from_its_task_fusion_and_dataset_pages(built_site):
    for e in CATALOG.entries:
        for t in e.tasks:
            assert e.slug in links_to_models(built_site, f"tasks/{t}"), (e.slug, t)
        assert e.slug in links_to_models(built_site, f"fusion/{e.fusion}"), e.slug
        for d in e.dataset_ids():
            assert e.slug in links_to_models(built_site, f"datasets/{d}"), (e.slug, d)
        assert e.slug in links_to_models(built_site, "models")
        assert e.slug in links_to_models(built_site, "timeline")


def test_lineage_links_both_ways(built_site):
    pairs = [(e.slug, ref) for e in CATALOG.entries for ref in e.builds_on if ref in CATALOG.by_slug]
    assert pairs, "the first entries should link each other"
    for child, parent in pairs:
        assert parent in links_to_models(built_site, f"models/{child}")
        assert child in links_to_models(built_site, f"models/{parent}")


def test_edit_buttons_open_the_entry_file_in_the_repository(built_site):
    repo, edit_uri = repo_settings()
    branch_root = urljoin(repo + "/", edit_uri).rsplit("/docs/", 1)[0]
    for e in CATALOG.entries:
        edit = parse(built_site, f"models/{e.slug}").edit
        assert edit == f"{branch_root}/entries/{e.slug}.md", edit
        assert (ROOT / "entries" / f"{e.slug}.md").is_file()
    # index pages point at the data file or script that produced them
    assert parse(built_site, "tasks/vqa").edit == f"{branch_root}/entries/_data/tasks.yml"
    assert parse(built_site, "fusion").edit == f"{branch_root}/entries/_data/fusion.yml"
    assert parse(built_site, "datasets/cc3m").edit == f"{branch_root}/entries/_data/datasets.yml"
    for page in ("", "models", "timeline"):
        edit = parse(built_site, page).edit if page else None
        if page:
            assert edit == f"{branch_root}/scripts/vlmcat/render.py"


def search_docs(site: Path) -> dict[str, dict]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {d["location"]: d for d in index["docs"]}


def page_text(docs: dict[str, dict], location: str) -> str:
    """The searchable text of one page (all its sections), as a reader would read it."""
    raw = " ".join(d["title"] + " " + d["text"] for loc, d in docs.items() if loc.split("#")[0] == location)
    return html.unescape(re.sub(r"<[^>]+>", " ", raw))


def test_search_index_holds_every_model_with_names_aliases_components_and_datasets(built_site):
    docs = search_docs(built_site)
    for e in CATALOG.entries:
        text = page_text(docs, f"models/{e.slug}/")
        assert text, f"models/{e.slug}/ is missing from the search index"
        for needle in (e.name, *e.aliases, *e.vision_encoder, *e.language_model):
            assert needle in text, (e.slug, needle)
        for d in e.dataset_ids():
            assert CATALOG.dataset[d].name in text, (e.slug, d)
    assert "Q-Former" in page_text(docs, "models/blip-2/")
    assert "SigLIP" in page_text(docs, "models/paligemma/")


def test_nav_file_is_not_published(built_site):
    assert not (built_site / "SUMMARY").exists()
    assert not any("SUMMARY" in loc for loc in search_docs(built_site))
    assert "SUMMARY" not in (built_site / "sitemap.xml").read_text()


def test_home_page_shows_counts_from_the_data(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert re.search(rf"<strong>{len(CATALOG.entries)}</strong> architectures", html)


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for name in ("mkdocs.yml", "CONTRIBUTING.md"):
        shutil.copy(ROOT / name, dest / name)
    for name in ("docs", "entries", "scripts"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def test_a_bad_entry_stops_the_build_before_anything_is_written(tmp_path):
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous good site")
    entry = project / "entries" / "llava.md"
    entry.write_text(entry.read_text().replace("fusion: projection-into-llm", "fusion: projecton-into-llm"))
    run = mkdocs_build(project, site)
    output = run.stdout + run.stderr
    assert run.returncode != 0
    assert "entries/llava.md:" in output and "'projecton-into-llm' is not a known fusion method" in output
    assert "(did you mean 'projection-into-llm'?)" in output
    assert "Traceback" not in output
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]
    assert (site / "index.html").read_text() == "previous good site"


class Anchors(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if a.get("name") and tag == "a":
            self.ids.add(a["name"])
        for key in ("href", "src"):
            if a.get(key) and not (tag == "link" and a.get("rel") in ("canonical", "alternate")):
                self.refs.append(a[key])


def test_every_internal_link_and_anchor_resolves(built_site):
    """Crawl the output folder: every relative href/src must reach a file, every #anchor an id."""
    pages: dict[Path, Anchors] = {}
    for path in built_site.rglob("*.html"):
        parser = Anchors()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path] = parser
    site_path = urlparse(re.search(r"^site_url: (\S+)$", (ROOT / "mkdocs.yml").read_text(), re.M).group(1)).path
    broken = []
    for page, parser in pages.items():
        for ref in parser.refs:
            if re.match(r"^(?:[a-z][a-z0-9+.-]*:|//)", ref, re.I):
                continue  # external, mailto:, data: ... not ours to crawl
            path, _, fragment = ref.partition("#")
            path = path.split("?")[0]
            if path.startswith("/"):  # absolute links (the 404 page) are rooted at site_url's path
                assert path.startswith(site_path), f"{page}: {ref} is outside the site"
                target = (built_site / path[len(site_path):]).resolve()
            else:
                target = (page.parent / path).resolve() if path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(built_site)} -> {ref}")
                continue
            if fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else set()
                if fragment not in ids:
                    broken.append(f"{page.relative_to(built_site)} -> {ref} (no such anchor)")
    assert broken == [], broken[:20]
