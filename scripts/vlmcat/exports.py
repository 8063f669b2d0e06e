"""Take-away data built with the site: JSON and CSV of the catalog, the published schema, BibTeX,
llms.txt, the Atom feed and the changelog. Pure functions of the Catalog (and the site's base URL).
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json
import re
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from .facets import explore_json
from .model import ROLES, Catalog, Entry

SITE_NAME = "Awesome VLM Architectures"
SITE_SUMMARY = ("A reference catalog of vision-language model architectures: for each model, its vision encoder, "
                "language model and connector, how the modalities are fused, its training stages and data, and "
                "its lineage.")

# The files this module publishes, relative to the site root (one place, used by pages and tests).
CATALOG_JSON = "catalog.json"
CATALOG_CSV = "catalog.csv"
SCHEMA_JSON = "schema/entry.schema.json"
REFERENCES_BIB = "references.bib"
LLMS_TXT = "llms.txt"
LLMS_FULL_TXT = "llms-full.txt"
FEED_XML = "feed.xml"
EXPLORE_JSON = "explore.json"  # the Explore page's data


def page_url(site_url: str, slug: str) -> str:
    return f"{site_url.rstrip('/')}/models/{slug}/"


# --------------------------------------------------------------------------------------------------
# JSON, CSV, schema


def catalog_json(catalog: Catalog, site_url: str) -> str:
    """Every entry's validated front matter, plus its slug and page URL, newest first."""
    entries = [{"slug": e.slug, "url": page_url(site_url, e.slug), **e.front_matter} for e in catalog.entries]
    vocabulary = {"fusion": {t.id: t.name for t in catalog.fusions}, "tasks": {t.id: t.name for t in catalog.tasks},
                  "modalities": {t.id: t.name for t in catalog.modalities}, "datasets": {d.id: d.name for d in catalog.datasets}}
    data = {"name": SITE_NAME, "url": site_url, "schema": site_url.rstrip("/") + "/" + SCHEMA_JSON,
            "count": len(entries), "vocabulary": vocabulary, "entries": entries}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


CSV_COLUMNS = (
    "slug", "name", "aliases", "title", "released", "url", "arxiv", "paper", "code", "weights", "project",
    "authors", "organizations", "family", "builds_on", "vision_encoder", "audio_encoder", "language_model",
    "output_decoder", "connector", "fusion", "params", "modalities_in", "modalities_out", "tasks",
    "datasets_pretraining", "datasets_instruction", "datasets_evaluation", "summary", "reviewed",
)
LIST_SEPARATOR = "; "


def csv_row(e: Entry, site_url: str) -> dict[str, str]:
    def joined(items) -> str:
        return LIST_SEPARATOR.join(items)

    row = {
        "slug": e.slug, "name": e.name, "aliases": joined(e.aliases), "title": e.title,
        "released": e.released.isoformat(), "url": page_url(site_url, e.slug), "arxiv": joined(e.arxiv),
        "authors": joined(e.authors), "organizations": joined(e.organizations), "family": e.family,
        "builds_on": joined(e.builds_on), "vision_encoder": joined(e.vision_encoder),
        "audio_encoder": joined(e.audio_encoder), "language_model": joined(e.language_model),
        "output_decoder": joined(e.output_decoder), "connector": e.connector, "fusion": e.fusion,
        "params": joined(p.label() for p in e.params), "modalities_in": joined(e.modalities_in),
        "modalities_out": joined(e.modalities_out), "tasks": joined(e.tasks), "summary": e.summary,
        "reviewed": e.reviewed.isoformat(),
    }
    for kind in ("paper", "code", "weights", "project"):
        row[kind] = e.links.get(kind, "")
    for role in ROLES:
        row[f"datasets_{role}"] = joined(e.datasets.get(role, ()))
    return row


def catalog_csv(catalog: Catalog, site_url: str) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for e in catalog.entries:
        writer.writerow(csv_row(e, site_url))
    return out.getvalue()


def published_schema(schema: dict, catalog: Catalog, site_url: str) -> str:
    """The entry schema with every taxonomy term and dataset id filled in as enums, for editors."""
    out = copy.deepcopy(schema)
    out["$id"] = site_url.rstrip("/") + "/" + SCHEMA_JSON
    props = out["properties"]
    datasets = sorted(d.id for d in catalog.datasets)
    props["fusion"]["enum"] = [t.id for t in catalog.fusions]
    props["tasks"]["items"]["enum"] = [t.id for t in catalog.tasks]
    for side in ("input", "output"):
        props["modalities"]["properties"][side]["items"]["enum"] = [t.id for t in catalog.modalities]
    for role in ROLES:
        props["datasets"]["properties"][role]["items"]["enum"] = datasets
    props["training"]["items"]["properties"]["datasets"]["items"]["enum"] = datasets
    return json.dumps(out, ensure_ascii=False, indent=1) + "\n"


# --------------------------------------------------------------------------------------------------
# BibTeX

_LATEX = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
          "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def latex(text: str) -> str:
    return "".join(_LATEX.get(c, c) for c in " ".join(text.split()))


def bib_author(name: str) -> str:
    if name.strip().lower() in ("et al.", "et al", "others"):
        return "others"
    # A team or organisation ("Gemma Team", "StepFun") is kept whole instead of read as First Last.
    if len(name.split()) == 1 or re.search(r"\b(Team|Lab|Laboratory|AI|Research|Institute)\b", name):
        return "{" + latex(name) + "}"
    return latex(name)


def bibtex_key(entry: Entry) -> str:
    return entry.slug


def bibtex(entry: Entry) -> str:
    """One @misc record: the paper's title and authors, with arXiv eprint fields when there is a paper."""
    fields: list[tuple[str, str]] = [("title", "{" + latex(entry.title) + "}")]
    if entry.authors:
        fields.append(("author", " and ".join(bib_author(a) for a in entry.authors)))
    if entry.arxiv:
        first = entry.arxiv[0]
        fields += [("year", "20" + first[:2]), ("eprint", first), ("archivePrefix", "arXiv"),
                   ("url", f"https://arxiv.org/abs/{first}")]
    else:
        url = next((entry.links[k] for k in ("paper", "blog", "project", "code", "weights") if k in entry.links), None)
        fields.append(("year", str(entry.released.year)))
        if url:
            fields += [("howpublished", "\\url{" + url + "}"), ("url", url)]
    fields.append(("note", "{" + latex(entry.name) + "}"))
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields)
    return f"@misc{{{bibtex_key(entry)},\n{body}\n}}\n"


def build_files(catalog: Catalog, site_url: str, schema: dict) -> dict[str, str]:
    """Every data file published with the site, by its path in the site."""
    return {
        CATALOG_JSON: catalog_json(catalog, site_url),
        CATALOG_CSV: catalog_csv(catalog, site_url),
        SCHEMA_JSON: published_schema(schema, catalog, site_url),
        REFERENCES_BIB: references_bib(catalog),
        LLMS_TXT: llms_txt(catalog, site_url),
        LLMS_FULL_TXT: llms_full_txt(catalog, site_url),
        FEED_XML: atom_feed(catalog, site_url),
        EXPLORE_JSON: explore_json(catalog, lambda slug: f"models/{slug}/"),
    }


def references_bib(catalog: Catalog) -> str:
    head = f"% {SITE_NAME}: one record per catalog entry, keyed by its slug.\n\n"
    return head + "\n".join(bibtex(e) for e in sorted(catalog.entries, key=lambda e: e.slug))


# --------------------------------------------------------------------------------------------------
# llms.txt


def llms_txt(catalog: Catalog, site_url: str) -> str:
    base = site_url.rstrip("/") + "/"
    lines = [f"# {SITE_NAME}", "", f"> {SITE_SUMMARY}", "",
             f"The catalog has {len(catalog.entries)} architectures. Each page gives the components, fusion "
             "method, training stages, datasets and lineage of one model.", "",
             "## Data", "",
             f"- [catalog.json]({base}{CATALOG_JSON}): every entry's structured facts",
             f"- [catalog.csv]({base}{CATALOG_CSV}): one row per model",
             f"- [Entry schema]({base}{SCHEMA_JSON}): the JSON Schema of an entry",
             f"- [references.bib]({base}{REFERENCES_BIB}): BibTeX for every model",
             f"- [Full text]({base}{LLMS_FULL_TXT}): all entries in one file", "",
             "## Models", ""]
    lines += [f"- [{e.name}]({page_url(site_url, e.slug)}): {e.summary}" for e in catalog.entries]
    lines += ["", "## Indexes", "",
              f"- [Fusion methods]({base}fusion/): how each model combines vision and language",
              f"- [Tasks]({base}tasks/): models by what they are built to do",
              f"- [Datasets]({base}datasets/): datasets and the models that use them",
              f"- [Timeline]({base}timeline/): models by release date", ""]
    return "\n".join(lines)


def llms_full_txt(catalog: Catalog, site_url: str) -> str:
    parts = [f"# {SITE_NAME}\n\n> {SITE_SUMMARY}\n"]
    for e in catalog.entries:
        facts = [
            f"Page: {page_url(site_url, e.slug)}", f"Title: {e.title}", f"Released: {e.released.isoformat()}",
            f"Vision encoder: {', '.join(e.vision_encoder) or 'none'}",
            f"Language model: {', '.join(e.language_model) or 'none'}", f"Connector: {e.connector}",
            f"Fusion: {catalog.fusion[e.fusion].name}", f"Tasks: {', '.join(catalog.task[t].name for t in e.tasks)}",
        ]
        if e.arxiv:
            facts.append("arXiv: " + ", ".join(e.arxiv))
        parts.append(f"## {e.name}\n\n{e.summary}\n\n" + "\n".join(f"- {f}" for f in facts) + "\n\n" + e.body.strip() + "\n")
    return "\n".join(parts)


# --------------------------------------------------------------------------------------------------
# Changelog and feed


@dataclass(frozen=True)
class Change:
    date: dt.date
    entry: Entry
    kind: str  # "added" or "revised"
    note: str


def changes(catalog: Catalog) -> list[Change]:
    """Additions and substantial revisions, newest first."""
    out = [Change(e.added, e, "added", "Added to the catalog.") for e in catalog.entries]
    out += [Change(r.date, e, "revised", r.note) for e in catalog.entries for r in e.revisions]
    return sorted(out, key=lambda c: (-c.date.toordinal(), c.kind != "revised", c.entry.name.lower()))


def atom_feed(catalog: Catalog, site_url: str, limit: int = 100) -> str:
    atom = "http://www.w3.org/2005/Atom"
    ET.register_namespace("", atom)

    def sub(parent, tag, text=None, **attrs):
        el = ET.SubElement(parent, f"{{{atom}}}{tag}", attrs)
        if text is not None:
            el.text = text
        return el

    def stamp(day: dt.date) -> str:
        return f"{day.isoformat()}T00:00:00Z"

    recent = changes(catalog)[:limit]
    base = site_url.rstrip("/") + "/"
    feed = ET.Element(f"{{{atom}}}feed")
    sub(feed, "title", f"{SITE_NAME}: new and revised entries")
    sub(feed, "subtitle", SITE_SUMMARY)
    sub(feed, "id", base + FEED_XML)
    sub(feed, "link", href=base + FEED_XML, rel="self", type="application/atom+xml")
    sub(feed, "link", href=base + "changelog/", rel="alternate", type="text/html")
    sub(feed, "updated", stamp(recent[0].date if recent else dt.date(2026, 1, 1)))
    author = sub(feed, "author")
    sub(author, "name", f"The {SITE_NAME} contributors")
    for c in recent:
        url = page_url(site_url, c.entry.slug)
        item = sub(feed, "entry")
        verb = "Added" if c.kind == "added" else "Revised"
        sub(item, "title", f"{verb}: {c.entry.name}")
        sub(item, "id", f"{url}#{c.kind}-{c.date.isoformat()}")
        sub(item, "link", href=url, rel="alternate", type="text/html")
        sub(item, "updated", stamp(c.date))
        sub(item, "summary", c.entry.summary if c.kind == "added" else c.note)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
