"""Pure functions that turn a validated Catalog into markdown pages. No MkDocs import here.

Every piece of text that comes from the data passes through `md()` (or `plain()` for page front
matter), so a field can never inject markup into the site.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from . import diagrams, exports, views
from .markup import dataset_path, ext_link, front_matter, fusion_path, joined, link, md, model_path, plain, plural, rel, table, task_path
from .model import ROLES, Catalog, Dataset, Entry, Term
from .validate import DATASETS_FILE, FUSION_FILE, LEARN_FILE, TASKS_FILE

GENERATOR = "scripts/vlmcat/render.py"
ROLE_NAMES = {"pretraining": "Pretraining", "instruction": "Instruction tuning", "evaluation": "Evaluation", "training": "Training (stage data)"}
KIND_NAMES = {
    "image-text": "Image-text pairs", "interleaved": "Interleaved documents", "annotated": "Annotated images",
    "instruction": "Instruction data", "benchmark": "Benchmarks", "video": "Video", "text": "Text only",
}
LINK_LABELS = {
    "paper": (":material-file-document-outline:", "Paper"),
    "code": (":material-github:", "Code"),
    "weights": (":material-download-box-outline:", "Weights"),
    "project": (":material-web:", "Project page"),
    "demo": (":material-play-circle-outline:", "Demo"),
    "blog": (":material-post-outline:", "Blog post"),
}


@dataclass(frozen=True)
class Page:
    path: str  # relative to docs/, e.g. "models/llava.md"
    content: str
    edit_path: str | None  # relative to docs/, e.g. "../entries/llava.md"; None: no edit button


# --------------------------------------------------------------------------------------------------
# Search ranking

# Material's default search `separator`, kept in mkdocs.yml: a separator that spares hyphens would keep
# "Q-Former" whole in the index, but Material's query parser still splits queries on hyphens.
SEARCH_SEPARATOR = re.compile(r"[\s\-]+")
BOOST_MODEL, BOOST_SHORT_NAME = 3, 4
# Alias words that are only a version, size or date ("1.5", "v1.6", "7B", "240728"): in the tags they
# would make every query with a number ("PaliGemma 2") match that page; they stay in the page text.
NUMBER_WORD = re.compile(r"v?\d+(?:\.\d+)*[kmbt]?", re.I)


def name_tokens(text: str) -> tuple[str, ...]:
    return tuple(t for t in SEARCH_SEPARATOR.split(text.lower()) if t)


def search_keys(entry: Entry) -> list[str]:
    """The words to put in the page's search `tags`: the name, then the words each alias adds
    (leaving out bare numbers, see NUMBER_WORD).

    Material's search appends a wildcard to every query term and sums the matches, so a page whose
    tags repeat a word ("PaliGemma", "PaliGemma 1", "PaliGemma2") would score that word several times
    and outrank the model whose exact name was asked for. Keeping each word (and each word that merely
    extends one, like "paligemma2") once gives every name the same weight; the page text still lists
    all aliases ("Also known as"), so each one remains findable."""
    keys, seen = [entry.name], set(name_tokens(entry.name))
    for alias in entry.aliases:
        new = [w for w in SEARCH_SEPARATOR.split(alias)
               if w and not NUMBER_WORD.fullmatch(w) and not any(w.lower().startswith(s) for s in seen)]
        if new:
            keys.append(" ".join(new))
            seen.update(w.lower() for w in new)
    return keys


def short_names(catalog: Catalog) -> set[str]:
    """Slugs of models whose name is covered by another model's name or alias: every token of "LLaVA"
    starts a token of "LLaVA-1.6", every token of "Qwen2-VL" one of "Qwen2.5-VL".

    Material's search appends a wildcard to each query term, so the query "llava" scores LLaVA and
    LLaVA-1.6 alike on their names and the longer page would win on body text alone. These models get a
    higher page boost, so a query for a model's exact name lands on that model first."""
    names = {e.slug: [name_tokens(n) for n in (e.name, *e.aliases)] for e in catalog.entries}
    index = sorted({(tok, slug) for slug, groups in names.items() for toks in groups for tok in toks})
    keys = [tok for tok, _ in index]
    out = set()
    for e in catalog.entries:
        mine = name_tokens(e.name)
        if not mine:
            continue
        lo = bisect.bisect_left(keys, mine[0])
        hi = bisect.bisect_left(keys, mine[0] + "\uffff")
        for _, other in index[lo:hi]:
            if other == e.slug:
                continue
            if any(toks != mine and all(any(t.startswith(m) for t in toks) for m in mine) for toks in names[other]):
                out.add(e.slug)
                break
    return out


# --------------------------------------------------------------------------------------------------
# Model pages


def lineage_ref(ref: str, catalog: Catalog, here: str) -> str:
    target = catalog.by_slug.get(ref)
    return link(target.name, here, model_path(ref)) if target else md(ref)


def model_page(entry: Entry, catalog: Catalog, boost: int = BOOST_MODEL) -> str:
    here = model_path(entry.slug)
    # Model pages are not in the sidebar, so hide its empty column and give the content the width.
    # `tags` (no tags plugin: search only) carry the names, which Material's search weighs above all
    # other text, so a model's page outranks index pages that mention it.
    out = [front_matter(title=plain(entry.name), description=plain(entry.summary),
                        tags=[plain(n) for n in search_keys(entry)], search={"boost": boost},
                        hide=["navigation"])]
    out.append(f"# {md(entry.name)}\n\n")
    out.append(f"{md(entry.title)}\n{{ .vlm-subtitle }}\n\n")
    meta = [f"Released **{entry.released.isoformat()}**"]
    if entry.authors:
        meta.append(md(", ".join(entry.authors)))
    if entry.organizations:
        meta.append(md(", ".join(entry.organizations)))
    meta.append(f"last reviewed {entry.reviewed.isoformat()}")
    out.append(" · ".join(meta) + "\n{ .vlm-byline }\n\n")
    buttons = []
    for kind, (icon, label) in LINK_LABELS.items():
        if kind in entry.links:
            cls = ".md-button .md-button--primary" if kind == "paper" else ".md-button"
            buttons.append(f"[{icon} {label}](<{entry.links[kind]}>){{ {cls} }}")
    for label, url in entry.other_links:
        buttons.append(f"[:material-link-variant: {md(label)}](<{url}>){{ .md-button }}")
    if buttons:
        out.append(" ".join(buttons) + "\n{ .vlm-links }\n\n")
    if entry.aliases:
        out.append(f"Also known as: {md(', '.join(entry.aliases))}\n{{ .vlm-aliases }}\n\n")
    out.append(f"{md(entry.summary)}\n{{ .vlm-summary }}\n\n")

    out.append("## At a glance\n\n")
    rows = [
        ["Vision encoder", md(joined(entry.vision_encoder, "none (encoder-free)"))],
        *([["Audio encoder", md(joined(entry.audio_encoder))]] if entry.audio_encoder else []),
        ["Language model", md(joined(entry.language_model, "none"))],
        *([["Output decoder", md(joined(entry.output_decoder))]] if entry.output_decoder else []),
        ["Connector", md(entry.connector)],
        ["Fusion", link(catalog.fusion[entry.fusion].name, here, fusion_path(entry.fusion))],
        ["Parameters", md(joined((p.label() for p in entry.params), "not stated"))],
    ]
    if entry.resolution:
        rows.append(["Resolution", md(entry.resolution)])
    if entry.visual_tokens:
        rows.append(["Visual tokens", md(entry.visual_tokens)])
    mods_in = ", ".join(md(catalog.modality[m].name) for m in entry.modalities_in)
    mods_out = ", ".join(md(catalog.modality[m].name) for m in entry.modalities_out)
    rows += [
        ["Input → output", f"{mods_in} → {mods_out}"],
        ["Tasks", ", ".join(link(catalog.task[t].name, here, task_path(t)) for t in entry.tasks)],
        ["Family", md(entry.family)],
    ]
    if entry.arxiv:
        rows.append(["arXiv", ", ".join(ext_link(a, f"https://arxiv.org/abs/{a}") for a in entry.arxiv)])
    out.append('<div class="vlm-glance" markdown>\n\n' + table(["Aspect", "Detail"], rows) + "\n</div>\n\n")

    out.append("## Architecture diagram\n\n")
    out.append(diagrams.architecture_figure(entry) + "\n\n")
    compare = rel("models/" + entry.slug + "/", "compare") + f"/?m={entry.slug}"
    out.append(f'<a class="md-button" href="{compare}">Compare with other models</a>\n\n')

    after = catalog.built_upon_by.get(entry.slug, ())
    family = views.family_members(catalog, entry.family)
    if entry.builds_on or after or family:
        out.append("## Lineage\n\n")
        if entry.builds_on:
            out.append("Builds on: " + ", ".join(lineage_ref(r, catalog, here) for r in entry.builds_on) + "\n\n")
        if after:
            out.append("Built upon by: " + ", ".join(link(e.name, here, model_path(e.slug)) for e in after) + "\n\n")
        if family:
            out.append(f"Family: {link(entry.family + ' lineage', here, views.family_path(entry.family))} "
                       f"({plural(len(family), 'model')}).\n\n")

    out.append("## Overview\n\n")
    out.append(entry.body.strip() + "\n\n")

    if entry.training:
        out.append("## Training stages\n\n")
        rows = []
        for i, s in enumerate(entry.training, 1):
            data = [md(s.data)] if s.data else []
            data += [link(catalog.dataset[d].name, here, dataset_path(d)) for d in s.datasets]
            rows.append([str(i), md(s.stage), md(joined(s.trainable, "")), md(joined(s.frozen, "")),
                         md(s.objective or ""), "; ".join(data)])
        out.append(table(["#", "Stage", "Trained", "Frozen", "Objective", "Data"], rows) + "\n")

    roles = [(r, entry.datasets.get(r, ())) for r in ROLES if entry.datasets.get(r)]
    if roles:
        out.append("## Datasets\n\n")
        for role, ids in roles:
            names = ", ".join(link(catalog.dataset[d].name, here, dataset_path(d)) for d in ids)
            out.append(f"- **{ROLE_NAMES[role]}:** {names}\n")
        out.append("\n")

    out.append("## Cite\n\n")
    record = exports.bibtex(entry)
    fence = "`" * max(3, max((len(run) for run in re.findall(r"`+", record)), default=0) + 1)
    out.append(f"{fence} bibtex\n{record}{fence}\n\n")
    out.append(f"All records: {link('references.bib', here, exports.REFERENCES_BIB)}. "
               f"Entry history: {link('changelog', here, 'changelog.md')}.\n")
    out.append(views.glossary_abbreviations(entry, catalog))
    return "".join(out)



# --------------------------------------------------------------------------------------------------
# Index pages


def models_table(entries: Iterable[Entry], catalog: Catalog, here: str, *, show_fusion: bool = True) -> str:
    entries = list(entries)
    if not entries:
        return "No entry in the catalog is listed here yet.\n"
    header = ["Model", "Released", *(["Fusion"] if show_fusion else []), "Summary"]
    rows = []
    for e in entries:
        row = [link(e.name, here, model_path(e.slug)), e.released.isoformat()]
        if show_fusion:
            row.append(link(catalog.fusion[e.fusion].name, here, fusion_path(e.fusion)))
        row.append(md(e.summary))
        rows.append(row)
    return table(header, rows)


def task_page(term: Term, catalog: Catalog) -> str:
    here = task_path(term.id)
    entries = catalog.by_task[term.id]
    out = [front_matter(title=plain(term.name), description=plain(term.summary))]
    out.append(f"# {md(term.name)}\n\n{md(term.summary)}\n\n")
    out.append(f"{plural(len(entries), 'model')} in the catalog list this task, newest first.\n\n")
    out.append(models_table(entries, catalog, here))
    return "".join(out)


def term_overview(here: str, title: str, description: str, intro: str, column: str, about: str,
                  terms: tuple[Term, ...], path_of, members: dict[str, tuple[Entry, ...]]) -> str:
    """The overview page of a taxonomy: one row per term with its one-line summary and model count."""
    out = [front_matter(title=title, description=description), f"# {title}\n\n{intro}\n\n"]
    rows = [[link(t.name, here, path_of(t.id)), md(t.summary), str(len(members[t.id]))] for t in terms]
    out.append(table([column, about, "Models"], rows))
    return "".join(out)


def tasks_overview(catalog: Catalog) -> str:
    return term_overview(
        "tasks/index.md", "Tasks", "Vision-language models grouped by what they are built to do.",
        "Every model page lists the tasks its authors built or evaluated it for. "
        "Pick a task to see the models that cover it, newest first.",
        "Task", "What it covers", catalog.tasks, task_path, catalog.by_task)


def fusion_page(term: Term, catalog: Catalog) -> str:
    here = fusion_path(term.id)
    entries = catalog.by_fusion[term.id]
    out = [front_matter(title=plain(term.name), description=plain(term.summary))]
    out.append(f"# {md(term.name)}\n\n**{md(term.summary)}**\n\n{md(term.explanation)}\n\n")
    out.append(f"## Models using this method\n\n{plural(len(entries), 'model')}, newest first.\n\n")
    out.append(models_table(entries, catalog, here, show_fusion=False))
    return "".join(out)


def fusion_overview(catalog: Catalog) -> str:
    return term_overview(
        "fusion/index.md", "Fusion methods", "How vision-language models combine visual and textual information.",
        "The fusion method says where and how visual information meets the language side of a model. "
        "Each catalog entry is filed under exactly one method.",
        "Method", "In one sentence", catalog.fusions, fusion_path, catalog.by_fusion)


def dataset_page(ds: Dataset, catalog: Catalog) -> str:
    here = dataset_path(ds.id)
    users = catalog.by_dataset[ds.id]
    out = [front_matter(title=plain(ds.name), description=plain(f"{ds.name}: the vision-language models that use it, by role."))]
    out.append(f"# {md(ds.name)}\n\n")
    facts = [f"**Kind:** {KIND_NAMES[ds.kind]}"]
    if ds.aliases:
        facts.append(f"**Also written:** {md(', '.join(ds.aliases))}")
    facts.append(f"**Home:** {ext_link(ds.url, ds.url)}" if ds.url else "**Home:** no official page recorded")
    out.append("  \n".join(facts) + "\n\n")
    if not users:
        out.append("No entry in the catalog uses this dataset yet.\n")
        return "".join(out)
    for role in (*ROLES, "training"):
        using = [e for e in users if role in e.dataset_roles(ds.id)]
        if using:
            out.append(f"## {ROLE_NAMES[role]}\n\n")
            out.append(models_table(using, catalog, here) + "\n")
    return "".join(out)


def datasets_overview(catalog: Catalog) -> str:
    here = "datasets/index.md"
    out = [front_matter(title="Datasets", description="Datasets used to pretrain, instruction-tune and evaluate vision-language models.")]
    out.append("# Datasets\n\nEvery dataset an entry names is recorded once, under one canonical name, with the "
               "other spellings papers use. Each dataset page lists the models that use it and in which role.\n\n")
    by_kind: dict[str, list[Dataset]] = {}
    for d in sorted(catalog.datasets, key=lambda d: d.name.lower()):
        by_kind.setdefault(d.kind, []).append(d)
    for kind, name in KIND_NAMES.items():
        if kind not in by_kind:
            continue
        out.append(f"## {name}\n\n")
        rows = [[link(d.name, here, dataset_path(d.id)), md(joined(d.aliases, "")), str(len(catalog.by_dataset[d.id]))]
                for d in by_kind[kind]]
        out.append(table(["Dataset", "Also written", "Models"], rows) + "\n")
    return "".join(out)


def all_models_page(catalog: Catalog) -> str:
    here = "models/index.md"
    out = [front_matter(title="All models", description="Every architecture in the catalog in one table.")]
    out.append(f"# All models\n\nAll {len(catalog.entries)} architectures in the catalog, newest first. "
               "Use your browser's find, or the search box, to jump to one.\n\n")
    rows = []
    for e in catalog.entries:
        rows.append([
            link(e.name, here, model_path(e.slug)), e.released.isoformat(),
            link(catalog.fusion[e.fusion].name, here, fusion_path(e.fusion)),
            md(joined(e.vision_encoder, "none")), md(joined(e.language_model, "none")),
            ", ".join(link(catalog.task[t].name, here, task_path(t)) for t in e.tasks),
        ])
    out.append(table(["Model", "Released", "Fusion", "Vision encoder", "Language model", "Tasks"], rows))
    return "".join(out)


def timeline_page(catalog: Catalog) -> str:
    here = "timeline.md"
    out = [front_matter(title="Timeline", description="Vision-language model architectures in order of release.")]
    out.append("# Timeline\n\nArchitectures by first public release, newest first.\n\n")
    year = None
    for e in catalog.entries:
        if e.year != year:
            year = e.year
            count = sum(1 for x in catalog.entries if x.year == year)
            out.append(f"\n## {year}\n\n{plural(count, 'architecture')}.\n\n")
        fusion = catalog.fusion[e.fusion].name
        out.append(f"- **{e.released.strftime('%b %d')}** · {link(e.name, here, model_path(e.slug))} · "
                   f"*{md(fusion)}* — {md(e.summary)}\n")
    return "".join(out)


def changelog_page(catalog: Catalog) -> str:
    here = "changelog.md"
    out = [front_matter(title="Changelog", description="Entries added to the catalog or substantially revised, newest first.")]
    out.append("# Changelog\n\nEntries added to the catalog or substantially revised, newest first. "
               f"Subscribe with the {link('Atom feed', here, exports.FEED_XML)}.\n")
    day = None
    for c in exports.changes(catalog):
        if c.date != day:
            day = c.date
            out.append(f"\n## {day.isoformat()}\n\n")
        what = "Added" if c.kind == "added" else "Revised"
        note = "" if c.kind == "added" else f": {md(c.note)}"
        out.append(f"- {what} {link(c.entry.name, here, model_path(c.entry.slug))}{note}\n")
    return "".join(out)


def home_page(catalog: Catalog) -> str:
    here = "index.md"
    n = len(catalog.entries)
    used_datasets = sum(1 for d in catalog.datasets if catalog.by_dataset[d.id])
    years = sorted({e.year for e in catalog.entries})
    span = f"{years[0]}–{years[-1]}" if years else ""
    out = [front_matter(title="Awesome VLM Architectures",
                        description="A reference catalog of vision-language model architectures: components, fusion, training and data.")]
    out.append("# Awesome VLM Architectures\n\n")
    out.append("A reference catalog of how vision-language models are built. Each architecture has a page that "
               "names its vision encoder, language model and connector, explains how the two modalities are "
               "fused, lays out the training stages and the data used in each, and links the models it "
               "descends from and those that descend from it.\n\n")
    stats = [
        (str(n), "architectures", "models/index.md"),
        (str(len(catalog.tasks)), "tasks", "tasks/index.md"),
        (str(len(catalog.fusions)), "fusion methods", "fusion/index.md"),
        (str(used_datasets), "datasets in use", "datasets/index.md"),
    ]
    out.append('<div class="vlm-stats" markdown>\n\n')
    for value, label, target in stats:
        out.append(f"- [**{value}** {label}]({rel(here, target)})\n")
    out.append("\n</div>\n\n")
    if span:
        out.append(f"The entries cover releases from {span}.\n\n")
    out.append("## How to use the catalog\n\n")
    out.append(
        "- **Search** (press ++slash++) finds a model by its name or any alias, and finds models by a component "
        "(“Q-Former”, “SigLIP”) or a dataset (“LAION-400M”).\n"
        f"- **New to the field?** {link('Start here', here, 'learn/index.md')}: a reading path through landmark "
        f"architectures, with a {link('glossary', here, 'learn/glossary.md')}.\n"
        f"- **Filter** the whole catalog by task, fusion method, components, organization and year on "
        f"{link('Explore', here, 'explore.md')}, or put two to four models side by side on {link('Compare', here, 'compare.md')}.\n"
        f"- **Browse** the {link('full table', here, 'models/index.md')}, the {link('timeline', here, 'timeline.md')}, "
        f"the {link('lineage graph', here, 'lineage/index.md')} or the {link('trends', here, 'trends.md')}.\n"
        f"- **Compare designs** through the {link('fusion methods', here, 'fusion/index.md')}: each one is explained, "
        "then followed by every model that uses it.\n"
        f"- **Find models for a job** by {link('task', here, 'tasks/index.md')}, or trace where a model's data came from "
        f"on the {link('dataset pages', here, 'datasets/index.md')}.\n"
        "- **Fix or add an entry**: every model page has an edit button that opens its source file; see "
        f"{link('Contributing', here, 'contributing.md')}.\n\n"
    )
    out.append("## Data and citation\n\n")
    out.append(
        f"- {link('catalog.json', here, exports.CATALOG_JSON)} and {link('catalog.csv', here, exports.CATALOG_CSV)}: "
        "every entry's facts, for scripts and spreadsheets.\n"
        f"- {link('Entry schema', here, exports.SCHEMA_JSON)} (JSON Schema, with every allowed term).\n"
        f"- {link('references.bib', here, exports.REFERENCES_BIB)}: a BibTeX record per model; each model page "
        "shows its own.\n"
        f"- {link('llms.txt', here, exports.LLMS_TXT)} and {link('llms-full.txt', here, exports.LLMS_FULL_TXT)} for "
        "tools and assistants that read documentation sites.\n"
        f"- {link('Changelog', here, 'changelog.md')} and {link('Atom feed', here, exports.FEED_XML)} of new and "
        "revised entries.\n\n")
    out.append("## Latest additions by release date\n\n")
    out.append(models_table(catalog.entries[:8], catalog, here))
    fusions = Counter(e.fusion for e in catalog.entries)
    if fusions:
        out.append("\n## Fusion methods in the catalog\n\n")
        for fid, count in fusions.most_common():
            out.append(f"- {link(catalog.fusion[fid].name, here, fusion_path(fid))}: {plural(count, 'model')}\n")
    return "".join(out)


def summary_nav(catalog: Catalog) -> str:
    """The literate-nav file. Model and dataset pages stay out of the sidebar (reached through the index
    pages and search): Material renders the whole nav into every page, so listing thousands of pages
    there would make the build quadratic."""
    lines = [
        "- [Home](index.md)",
        "- Models",
        "    - [All models](models/index.md)",
        "    - [Explore](explore.md)",
        "    - [Compare](compare.md)",
        "    - [Timeline](timeline.md)",
        "    - [Lineage](lineage/index.md)",
        "    - [Trends](trends.md)",
        "    - [Changelog](changelog.md)",
        "- Learn",
        "    - [Start here](learn/index.md)",
        "    - [Glossary](learn/glossary.md)",
        "    - [Further reading](learn/further-reading.md)",
        "- [Tasks](tasks/index.md)",
        *[f"    - [{md(t.name)}]({task_path(t.id)})" for t in catalog.tasks],
        "- [Fusion methods](fusion/index.md)",
        *[f"    - [{md(t.name)}]({fusion_path(t.id)})" for t in catalog.fusions],
        "- [Datasets](datasets/index.md)",
        "- About",
        "    - [Contributing](contributing.md)",
        "    - [Build benchmark](benchmark.md)",
    ]
    return "\n".join(lines) + "\n"


def build_pages(catalog: Catalog) -> list[Page]:
    """Every generated page, with the file its edit button should open."""
    pages = [
        Page("index.md", home_page(catalog), "../" + GENERATOR),
        Page("models/index.md", all_models_page(catalog), "../" + GENERATOR),
        Page("timeline.md", timeline_page(catalog), "../" + GENERATOR),
        Page("changelog.md", changelog_page(catalog), "../" + GENERATOR),
        Page("tasks/index.md", tasks_overview(catalog), "../" + TASKS_FILE),
        Page("fusion/index.md", fusion_overview(catalog), "../" + FUSION_FILE),
        Page("datasets/index.md", datasets_overview(catalog), "../" + DATASETS_FILE),
        Page("SUMMARY.md", summary_nav(catalog), None),
        Page("explore.md", views.explore_page(catalog), "../scripts/vlmcat/views.py"),
        Page("compare.md", views.compare_page(catalog), "../scripts/vlmcat/views.py"),
        Page("lineage/index.md", views.lineage_index(catalog), "../scripts/vlmcat/views.py"),
        Page("trends.md", views.trends_page(catalog), "../scripts/vlmcat/charts.py"),
        Page("learn/index.md", views.start_here_page(catalog), "../" + LEARN_FILE),
        Page("learn/glossary.md", views.glossary_page(catalog), "../" + LEARN_FILE),
        Page("learn/further-reading.md", views.further_reading_page(catalog), "../" + LEARN_FILE),
    ]
    pages += [Page(views.family_path(name), views.family_page(name, members, catalog), "../scripts/vlmcat/views.py")
              for name, members in views.families(catalog).items()]
    short = short_names(catalog)
    pages += [Page(model_path(e.slug), model_page(e, catalog, BOOST_SHORT_NAME if e.slug in short else BOOST_MODEL),
                   "../" + e.source) for e in catalog.entries]
    pages += [Page(task_path(t.id), task_page(t, catalog), "../" + TASKS_FILE) for t in catalog.tasks]
    pages += [Page(fusion_path(t.id), fusion_page(t, catalog), "../" + FUSION_FILE) for t in catalog.fusions]
    pages += [Page(dataset_path(d.id), dataset_page(d, catalog), "../" + DATASETS_FILE) for d in catalog.datasets]
    return pages
