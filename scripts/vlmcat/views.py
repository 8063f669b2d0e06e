"""Pages for seeing the field at a glance: explore, compare, lineage, trends, and the Learn section.
Pure functions of the Catalog, like render.py, which lists them in build_pages."""

from __future__ import annotations

import functools
import re

from . import charts, diagrams, exports
from .exports import EXPLORE_JSON
from .facets import llm_families, open_weights, vision_families
from .markup import front_matter, joined, link, md, model_path, plain, rel, slugify, table
from .model import Catalog, Entry, Learn


def family_slug(family: str) -> str:
    return slugify(family) or "family"


FAMILY_PAGE_MIN = 2  # a family gets a lineage page from this many entries on


def families(catalog: Catalog) -> dict[str, list[Entry]]:
    """Families with a lineage page, by family name."""
    return {name: list(members) for name, members in sorted(catalog.by_family.items(), key=lambda kv: kv[0].lower())
            if len(members) >= FAMILY_PAGE_MIN}


def family_members(catalog: Catalog, family: str) -> tuple[Entry, ...]:
    """The entries of `family` if it has a lineage page, else none."""
    members = catalog.by_family.get(family, ())
    return members if len(members) >= FAMILY_PAGE_MIN else ()


def family_path(family: str) -> str:
    return f"lineage/{family_slug(family)}.md"


def page_href(here: str, slug: str) -> str:
    """A link usable inside raw HTML (MkDocs does not rewrite those): the built page's URL path."""
    page_dir = here.removesuffix("index.md") if here.endswith("index.md") else here.removesuffix(".md") + "/"
    return rel(page_dir, f"models/{slug}") + "/"


# ------------------------------------------------------------------------------------------------
# Explore and compare


def explore_page(catalog: Catalog) -> str:
    here = "explore.md"
    out = [front_matter(title="Explore", hide=["navigation", "toc"],
                        description="Filter the whole catalog by task, fusion method, components, organization, year and open weights.")]
    out.append("# Explore\n\nFilter the catalog by several facets at once (they combine with AND), type to "
               "filter by any name or component, and sort by a column. The address bar keeps the filters, "
               "so a view can be shared. Without JavaScript the full table below is the whole catalog.\n\n")
    out.append(f'<div id="vlm-explore" data-src="{rel("explore/", EXPLORE_JSON)}"></div>\n\n')
    rows = []
    for e in catalog.entries:
        rows.append([link(e.name, here, model_path(e.slug)), e.released.isoformat(), md(catalog.fusion[e.fusion].name),
                     md(joined(vision_families(e))), md(joined(llm_families(e))), md(joined(e.organizations)),
                     "yes" if open_weights(e) else "no"])
    out.append('<div class="vlm-static-table" markdown>\n\n')
    out.append(table(["Model", "Released", "Fusion", "Vision encoder", "Language model", "Organizations", "Open weights"], rows))
    out.append("\n</div>\n")
    return "".join(out)


def compare_page(catalog: Catalog) -> str:
    out = [front_matter(title="Compare", hide=["navigation", "toc"], description="Two to four architectures side by side.")]
    out.append("# Compare\n\nChoose two to four models to see their components, fusion method, sizes, "
               "resolution and token budget, training stages and datasets side by side. The address bar "
               "keeps the choice, so a comparison can be shared. Each model page links here.\n\n")
    data = rel("compare/", exports.CATALOG_JSON)
    out.append(f'<div id="vlm-compare" data-src="{data}"><p>The comparison needs JavaScript. The same facts are on '
               f'each model page and in <a href="{data}">catalog.json</a>.</p></div>\n')
    return "".join(out)


# ------------------------------------------------------------------------------------------------
# Lineage


def lineage_index(catalog: Catalog) -> str:
    here = "lineage/index.md"
    out = [front_matter(title="Lineage", hide=["navigation", "toc"], description="How the catalog's architectures build on each other.")]
    out.append("# Lineage\n\nEvery dot is a model, placed by its release date and grouped by fusion method; a "
               "line joins it to each catalog model it builds on. Select a dot to open the model. The graph "
               "scrolls sideways on narrow screens.\n\n")
    graph = diagrams.catalog_graph(catalog, lambda slug: page_href(here, slug))
    wrap = '<div class="vlm-graph-wrap" tabindex="0" role="region" aria-label="Lineage graph, scrollable">'
    out.append(f"{wrap}{graph}</div>\n\n")
    fams = families(catalog)
    out.append("## Families\n\n")
    rows = [[link(name, here, family_path(name)), str(len(members)),
             f"{min(m.released for m in members).year}–{max(m.released for m in members).year}"]
            for name, members in fams.items()]
    out.append(table(["Family", "Models", "Years"], rows))
    return "".join(out)


def family_page(name: str, members: list[Entry], catalog: Catalog) -> str:
    here = family_path(name)
    out = [front_matter(title=f"{plain(name)} family", description=plain(f"The {name} models in the catalog and how they build on each other."))]
    out.append(f"# {md(name)} family\n\n{len(members)} models, oldest first. Arrows point from a model to the "
               "catalog models that build on it.\n\n")
    svg = diagrams.lineage_svg(members, catalog, f"Lineage of the {name} family", lambda slug: page_href(here, slug))
    out.append(f'<figure class="vlm-figure">{svg}</figure>\n\n')
    rows = []
    for e in sorted(members, key=lambda e: e.released):
        parents = [r for r in e.builds_on if r in catalog.by_slug]
        rows.append([link(e.name, here, model_path(e.slug)), e.released.isoformat(),
                     ", ".join(link(catalog.by_slug[r].name, here, model_path(r)) for r in parents) or "—", md(e.summary)])
    out.append(table(["Model", "Released", "Builds on", "Summary"], rows))
    return "".join(out)


# ------------------------------------------------------------------------------------------------
# Trends


def trends_page(catalog: Catalog) -> str:
    out = [front_matter(title="Trends", hide=["navigation"], description="How fusion methods, components and tasks changed over the years.")]
    out.append("# Trends\n\nHow the field moved, counted over the catalog's entries by year of release. The "
               "pictures are redrawn from the entries at every build. Component names are grouped into "
               "families (all CLIP variants count as CLIP); names that fit no family are left out.\n\n")
    for title, svg, note in (
        ("Fusion methods per year", charts.stacked_bars(catalog),
         "Each bar is one year; its segments are the fusion methods of that year's models."),
        ("Vision encoders reused over time", charts.vision_over_time(catalog),
         "The ten vision encoder families most used in the catalog; darker cells mean more models that year."),
        ("Language models reused over time", charts.llm_over_time(catalog),
         "The ten language model families most used in the catalog."),
        ("Tasks covered over time", charts.tasks_over_time(catalog), "How many of each year's models list each task."),
    ):
        out.append(f"## {title}\n\n{note}\n\n<figure class=\"vlm-figure vlm-chart-wrap\">{svg}</figure>\n\n")
    return "".join(out)


# ------------------------------------------------------------------------------------------------
# Learn


def start_here_page(catalog: Catalog) -> str:
    here = "learn/index.md"
    out = [front_matter(title="Start here", description="A reading path through landmark vision-language architectures.")]
    out.append("# Start here\n\nA reading path through landmark architectures, in the order that makes each "
               "one easiest to understand. Each step says what the model introduced; its page has the details.\n\n")
    for i, (slug, introduced) in enumerate(catalog.learn.path, 1):
        e = catalog.by_slug[slug]
        out.append(f"## {i}. {md(e.name)} ({e.released.year})\n\n{md(introduced)}\n\n"
                   f"{link('Read the ' + e.name + ' page', here, model_path(slug))} · "
                   f"{md(catalog.fusion[e.fusion].name)}\n\n")
    out.append(f"Next: the {link('glossary', here, 'learn/glossary.md')} defines the terms these pages use, and "
               f"{link('further reading', here, 'learn/further-reading.md')} lists surveys and courses.\n")
    return "".join(out)


def term_anchor(term: str) -> str:
    return slugify(term)


def glossary_page(catalog: Catalog) -> str:
    here = "learn/glossary.md"
    out = [front_matter(title="Glossary", description="Terms of vision-language model architecture, defined.")]
    out.append("# Glossary\n\nTerms that recur across the catalog. On model pages these terms are underlined "
               "with dots; hover or tap one to read its definition.\n\n")
    for t in sorted(catalog.learn.glossary, key=lambda t: t.term.lower()):
        also = f" Also written: {md(', '.join(t.aliases))}." if t.aliases else ""
        see = f" Example: {link(catalog.by_slug[t.see].name, here, model_path(t.see))}." if t.see else ""
        out.append(f"## {md(t.term)} {{ #{term_anchor(t.term)} }}\n\n{md(t.definition)}{also}{see}\n\n")
    return "".join(out)


def further_reading_page(catalog: Catalog) -> str:
    out = [front_matter(title="Further reading", description="Surveys, primers and courses on vision-language models.")]
    out.append("# Further reading\n\nSurveys, primers and courses on vision-language models, with a note on what "
               "each offers and whom it suits.\n\n")
    for r in sorted(catalog.learn.reading, key=lambda r: (-r.year, r.title.lower())):
        out.append(f"## {md(r.title)}\n\n{md(r.authors)}, {r.year} · {md(r.kind)} · "
                   f"[{md(r.url)}](<{r.url}>)\n\n{md(r.note)}\n\n")
    return "".join(out)


@functools.lru_cache(maxsize=4)
def _glossary_matcher(learn: Learn) -> tuple[re.Pattern | None, dict[str, str]]:
    """One pattern for every spelling of every term (longest first), and each spelling's definition."""
    definitions: dict[str, str] = {}
    for t in learn.glossary:
        definition = " ".join(t.definition.split()).replace("]", ")").replace("[", "(")
        for spelling in (t.term, *t.aliases):
            if spelling:
                definitions.setdefault(spelling.lower(), definition)
    if not definitions:
        return None, {}
    alternatives = "|".join(re.escape(s) for s in sorted(definitions, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.I), definitions


def glossary_abbreviations(entry: Entry, catalog: Catalog) -> str:
    """Markdown abbreviation definitions for the glossary terms that occur in an entry's body, so the
    terms show their definition (Material tooltips) where they appear. Matching ignores case; each
    spelling found in the text gets its own definition line, because abbreviations match exactly."""
    pattern, definitions = _glossary_matcher(catalog.learn)
    if pattern is None:
        return ""
    lines = {found: f"*[{found}]: {definitions[found.lower()]}" for found in pattern.findall(entry.body)}
    return ("\n" + "\n".join(lines.values()) + "\n") if lines else ""
