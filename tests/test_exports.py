"""Take-away data: generated at build time from the entries, parsed back and compared with them."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import bibtexparser
import feedparser
import jsonschema
import pytest

from conftest import ROOT
from vlmcat import exports
from vlmcat.build import entry_schema
from vlmcat.validate import load_catalog
from vlmcat.yamlio import read_front_matter

CATALOG = load_catalog(ROOT)
SITE_URL = re.search(r"^site_url: (\S+)$", (ROOT / "mkdocs.yml").read_text(), re.M).group(1)


def front_matter_of(slug: str) -> dict:
    return read_front_matter((ROOT / "entries" / f"{slug}.md").read_text(encoding="utf-8")).front.data


# ---- unit tests of the pure functions ------------------------------------------------------------

def test_bibtex_escapes_latex_and_keeps_teams_whole(scratch):
    scratch.write("alpha-vl", title="Alpha & Omega: 100% {Fast}_VL", authors=["Ada Lovelace", "Gemma Team", "et al."])
    entry = load_catalog(scratch.root).by_slug["alpha-vl"]
    record = exports.bibtex(entry)
    assert record.startswith("@misc{alpha-vl,\n")
    assert r"title = {{Alpha \& Omega: 100\% \{Fast\}\_VL}}" in record
    assert "author = {Ada Lovelace and {Gemma Team} and others}" in record
    assert "eprint = {2401.00001}" in record and "archivePrefix = {arXiv}" in record and "year = {2024}" in record
    library = bibtexparser.parse_string(record)
    assert not library.failed_blocks and library.entries[0].key == "alpha-vl"


def test_bibtex_without_arxiv_points_at_the_primary_link(scratch):
    scratch.write("alpha-vl", arxiv=[], links={"blog": "https://example.org/post"})
    record = exports.bibtex(load_catalog(scratch.root).by_slug["alpha-vl"])
    assert "eprint" not in record and r"howpublished = {\url{https://example.org/post}}" in record


def test_changes_are_newest_first_with_revisions(scratch):
    scratch.write("alpha-vl", revisions=[{"date": "2024-05-01", "note": "Training stages corrected"}])
    scratch.write("beta-vl", name="Beta", aliases=[], arxiv=[], added="2024-03-01")
    changes = exports.changes(load_catalog(scratch.root))
    assert [(c.date.isoformat(), c.entry.slug, c.kind) for c in changes] == [
        ("2024-05-01", "alpha-vl", "revised"), ("2024-03-01", "beta-vl", "added"), ("2024-02-15", "alpha-vl", "added")]


def test_feed_is_atom_that_feedparser_reads_cleanly(scratch):
    scratch.write("alpha-vl", revisions=[{"date": "2024-05-01", "note": "Data section rewritten & extended"}])
    feed = feedparser.parse(exports.atom_feed(load_catalog(scratch.root), "https://example.org/site/"))
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert [e.title for e in feed.entries] == ["Revised: Alpha-VL", "Added: Alpha-VL"]
    assert feed.entries[0].summary == "Data section rewritten & extended"
    assert feed.entries[0].link == "https://example.org/site/models/alpha-vl/"


# ---- the files published with the real site -------------------------------------------------------

def test_catalog_json_round_trips_every_entry(built_site):
    data = json.loads((built_site / exports.CATALOG_JSON).read_text(encoding="utf-8"))
    assert data["count"] == len(CATALOG.entries) == len(data["entries"])
    for item in data["entries"]:
        slug = item.pop("slug")
        assert item.pop("url") == f"{SITE_URL}models/{slug}/"
        assert (built_site / "models" / slug / "index.html").is_file()
        assert item == front_matter_of(slug)


def test_catalog_csv_has_one_row_per_model(built_site):
    rows = list(csv.DictReader(io.StringIO((built_site / exports.CATALOG_CSV).read_text(encoding="utf-8"))))
    assert [r["slug"] for r in rows] == [e.slug for e in CATALOG.entries]
    for row in rows:
        e = CATALOG.by_slug[row["slug"]]
        assert row["name"] == e.name and row["released"] == e.released.isoformat() and row["fusion"] == e.fusion
        assert row["tasks"].split(exports.LIST_SEPARATOR) == list(e.tasks)
        assert row["vision_encoder"] == exports.LIST_SEPARATOR.join(e.vision_encoder)


def test_published_schema_lists_the_terms_and_accepts_every_entry(built_site):
    schema = json.loads((built_site / exports.SCHEMA_JSON).read_text(encoding="utf-8"))
    assert schema["properties"]["fusion"]["enum"] == [t.id for t in CATALOG.fusions]
    assert "cc3m" in schema["properties"]["datasets"]["properties"]["pretraining"]["items"]["enum"]
    validator = jsonschema.Draft202012Validator(schema)
    for e in CATALOG.entries:
        assert not list(validator.iter_errors(front_matter_of(e.slug))), e.slug
    bad = dict(front_matter_of("llava"), fusion="telepathy")
    assert list(validator.iter_errors(bad))
    assert entry_schema()["properties"]["fusion"].get("enum") is None  # the source schema stays term-free


def test_references_bib_parses_with_a_real_bibtex_parser(built_site):
    library = bibtexparser.parse_string((built_site / exports.REFERENCES_BIB).read_text(encoding="utf-8"))
    assert not library.failed_blocks
    by_key = {e.key: e for e in library.entries}
    assert set(by_key) == {e.slug for e in CATALOG.entries}
    for e in CATALOG.entries:
        fields = by_key[e.slug].fields_dict
        title = fields["title"].value.strip("{}")
        assert title.replace("\\", "") == e.title.replace("\\", "")
        if e.arxiv:
            assert fields["eprint"].value == e.arxiv[0] and fields["archivePrefix"].value == "arXiv"


def test_each_model_page_shows_its_bibtex_and_review_date(built_site):
    for slug in ("llava", "fuyu-8b", "clip"):
        html = (built_site / "models" / slug / "index.html").read_text(encoding="utf-8")
        entry = CATALOG.by_slug[slug]
        text = re.sub(r"<[^>]+>", "", html)
        assert f"@misc{{{slug}," in text and "language-bibtex" in html
        assert f"last reviewed {entry.reviewed.isoformat()}" in html


def test_llms_txt_lists_every_model(built_site):
    text = (built_site / exports.LLMS_TXT).read_text(encoding="utf-8")
    assert text.startswith("# Awesome VLM Architectures\n\n> ")
    for e in CATALOG.entries:
        assert f"- [{e.name}]({SITE_URL}models/{e.slug}/): " in text
    full = (built_site / exports.LLMS_FULL_TXT).read_text(encoding="utf-8")
    assert all(f"\n## {e.name}\n" in full for e in CATALOG.entries)


def test_feed_and_changelog_cover_every_entry(built_site):
    feed = feedparser.parse((built_site / exports.FEED_XML).read_text(encoding="utf-8"))
    assert not feed.bozo and feed.version == "atom10"
    assert len(feed.entries) == min(100, len(exports.changes(CATALOG)))
    changelog = (built_site / "changelog" / "index.html").read_text(encoding="utf-8")
    assert all(f'href="../models/{e.slug}/"' in changelog for e in CATALOG.entries)
    home = (built_site / "index.html").read_text(encoding="utf-8")
    for path in (exports.CATALOG_JSON, exports.CATALOG_CSV, exports.SCHEMA_JSON, exports.REFERENCES_BIB,
                 exports.LLMS_TXT, exports.FEED_XML):
        assert f'href="{path}"' in home, path
    assert '<link rel="alternate" type="application/atom+xml"' in home


@pytest.mark.parametrize("path", [exports.CATALOG_JSON, exports.FEED_XML, exports.REFERENCES_BIB])
def test_exports_do_not_leak_markup_escapes(built_site, path):
    text = (built_site / path).read_text(encoding="utf-8")
    assert "\\-" not in text and "&amp;amp;" not in text, Path(path).name
