"""Load the catalog and check it: every problem becomes one line naming file, line, field and what is allowed.

`load_catalog(root)` is the only entry point the rest of the project needs: it returns a `Catalog`
when the data is clean and raises `CatalogError` (carrying every problem at once) when it is not.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import jsonschema

from .model import LINK_KINDS, ROLES, Catalog, Dataset, Entry, GlossaryTerm, Learn, Param, Reading, Revision, Stage, Term
from .yamlio import YamlDoc, YamlError, load_yaml, read_front_matter

ENTRIES_DIR = "entries"
DATA_DIR = "entries/_data"
SCHEMA_FILE = "entries/_data/entry.schema.json"
TASKS_FILE = "entries/_data/tasks.yml"
FUSION_FILE = "entries/_data/fusion.yml"
MODALITIES_FILE = "entries/_data/modalities.yml"
DATASETS_FILE = "entries/_data/datasets.yml"
LEARN_FILE = "entries/_data/learn.yml"
READING_KINDS = ("survey", "primer", "course", "tutorial")
DATASET_KINDS = ("image-text", "interleaved", "annotated", "instruction", "benchmark", "video", "text")

BODY_SECTIONS = ("Architecture", "Training", "Data")
SECTION_RE = re.compile(r'^\?\?\?\+?[ \t]+[a-z]+[ \t]+"([^"]+)"', re.M)
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
URL_PATTERN = '^https://[^\\s<>"]+$'  # the schema's url pattern; data files outside the schema use it too
HTML_RE = re.compile(r"<\s*/?\s*[A-Za-z!?]|&(?:[A-Za-z]+|#[0-9]+|#x[0-9A-Fa-f]+);")

# What a schema pattern means, in the words an error message should use.
PATTERN_HINTS = {
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "a date written YYYY-MM-DD",
    URL_PATTERN: "an https:// URL",
    "^[0-9]{4}\\.[0-9]{4,5}$": "an arXiv id like 2304.08485 (no 'arXiv:' prefix, no version suffix)",
    "^[0-9]+(\\.[0-9]+)?[MBT]$": "a size like 7B, 1.3B, 400M or 1T",
}


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class CatalogError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.field, p.message))
        super().__init__(self.report())

    def report(self) -> str:
        n = len(self.problems)
        lines = [str(p) for p in self.problems]
        lines.append(f"{n} problem{'s' if n != 1 else ''} found; nothing was built.")
        return "\n".join(lines)


def name_key(label: str) -> str:
    """How two spellings of one name compare: case, spaces, hyphens, dots, slashes and brackets ignored
    ("LLaVA-Instruct-158K" and "llava instruct 158k" are the same name; "RefCOCO+" is not "RefCOCO")."""
    return re.sub(r"[\s\-_.,:;/()\[\]'\"’]+", "", unicodedata.normalize("NFKC", label).casefold())


def suggest(value: str, allowed: Iterable[str]) -> str:
    allowed = list(allowed)
    close = difflib.get_close_matches(value, allowed, n=1, cutoff=0.6)
    if not close:
        lowered = {a.lower(): a for a in allowed}
        close = [lowered[m] for m in difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)]
    return f" (did you mean '{close[0]}'?)" if close else ""


def dotted(path: Iterable) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


# --------------------------------------------------------------------------------------------------
# Registries: taxonomies and datasets


def _read_yaml_file(root: Path, rel: str, problems: list[Problem]) -> YamlDoc | None:
    path = root / rel
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problems.append(Problem(rel, None, "", "file is missing"))
    except UnicodeDecodeError:
        problems.append(Problem(rel, None, "", "file is not UTF-8 text"))
    except YamlError as exc:
        problems.append(Problem(rel, exc.line, "", exc.message))
    return None


def _check_text(value: object, rel: str, doc: YamlDoc, path: tuple, problems: list[Problem]) -> None:
    """Reject HTML in any string of a document: fields are data, rendering escapes them."""
    if isinstance(value, str):
        if HTML_RE.search(value):
            problems.append(Problem(rel, doc.line(path), dotted(path),
                                    "HTML tags and entities are not allowed; write plain text (markdown belongs in the body)"))
    elif isinstance(value, dict):
        for k, v in value.items():
            _check_text(v, rel, doc, path + (k,), problems)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _check_text(v, rel, doc, path + (i,), problems)


def _load_terms(root: Path, rel: str, problems: list[Problem], keys: tuple[str, ...]) -> tuple[Term, ...]:
    doc = _read_yaml_file(root, rel, problems)
    if doc is None:
        return ()
    if not isinstance(doc.data, list):
        problems.append(Problem(rel, 1, "", "must be a YAML list of terms"))
        return ()
    terms, seen = [], set()
    for i, item in enumerate(doc.data):
        line = doc.line((i,))
        if not isinstance(item, dict):
            problems.append(Problem(rel, line, f"[{i}]", "each term must be a mapping with " + ", ".join(keys)))
            continue
        missing = [k for k in keys if not isinstance(item.get(k), str) or not item.get(k).strip()]
        if missing:
            problems.append(Problem(rel, line, f"[{i}]", "missing text for " + ", ".join(missing)))
            continue
        unknown = sorted(set(item) - set(keys))
        if unknown:
            problems.append(Problem(rel, line, f"[{i}].{unknown[0]}", "unknown key (allowed: " + ", ".join(keys) + ")"))
        tid = item["id"]
        if not SLUG_RE.match(tid):
            problems.append(Problem(rel, line, f"[{i}].id", f"'{tid}' must be lowercase words joined by hyphens"))
        if tid in seen:
            problems.append(Problem(rel, line, f"[{i}].id", f"'{tid}' is defined twice"))
        seen.add(tid)
        _check_text(item, rel, doc, (i,), problems)
        if rel == FUSION_FILE:
            terms.append(Term(tid, item["name"], item["summary"], " ".join(item["explanation"].split())))
        else:
            terms.append(Term(tid, item["name"], item.get("description", "")))
    return tuple(terms)


def _load_datasets(root: Path, problems: list[Problem]) -> tuple[Dataset, ...]:
    rel = DATASETS_FILE
    doc = _read_yaml_file(root, rel, problems)
    if doc is None:
        return ()
    if not isinstance(doc.data, list):
        problems.append(Problem(rel, 1, "", "must be a YAML list of datasets"))
        return ()
    allowed = ("id", "name", "aliases", "url", "kind")
    out: list[Dataset] = []
    names: dict[str, str] = {}  # lowercased name or alias -> id that owns it
    for i, item in enumerate(doc.data):
        line = doc.line((i,))
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not isinstance(item.get("name"), str):
            problems.append(Problem(rel, line, f"[{i}]", "each dataset needs at least text `id` and `name`"))
            continue
        did = item["id"]
        for key in sorted(set(item) - set(allowed)):
            problems.append(Problem(rel, doc.line((i, key)), f"{did}.{key}", "unknown key (allowed: " + ", ".join(allowed) + ")" + suggest(key, allowed)))
        if not SLUG_RE.match(did):
            problems.append(Problem(rel, line, f"{did}.id", "must be lowercase letters, digits and hyphens"))
        kind = item.get("kind")
        if kind not in DATASET_KINDS:
            problems.append(Problem(rel, doc.line((i, "kind")), f"{did}.kind",
                                    f"'{kind}' is not a dataset kind (allowed: {', '.join(DATASET_KINDS)})" + suggest(str(kind), DATASET_KINDS)))
        url = item.get("url")
        if url is not None and not (isinstance(url, str) and re.match(URL_PATTERN, url)):
            problems.append(Problem(rel, doc.line((i, "url")), f"{did}.url", f"must be an https:// URL (got {url!r})"))
        aliases = item.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            problems.append(Problem(rel, doc.line((i, "aliases")), f"{did}.aliases", "must be a list of names"))
            aliases = []
        _check_text(item, rel, doc, (i,), problems)
        own: set[str] = set()
        for label in [item["name"], *aliases]:
            key = name_key(label)
            owner = names.get(key)
            if owner is not None and owner != did:
                problems.append(Problem(rel, line, f"{did}", f"'{label}' already names dataset '{owner}'; one name must mean one dataset"))
            elif label.strip().casefold() in own:
                problems.append(Problem(rel, doc.line((i, "aliases")), f"{did}.aliases", f"'{label}' repeats the name or another alias"))
            own.add(label.strip().casefold())
            names[key] = did
        if names.get(name_key(did), did) != did:
            problems.append(Problem(rel, line, f"{did}.id", f"'{did}' already names dataset '{names[name_key(did)]}'"))
        names.setdefault(name_key(did), did)
        out.append(Dataset(did, item["name"], str(kind), tuple(aliases), url))
    return tuple(out)


def _load_learn(root: Path, slugs: set[str], problems: list[Problem]) -> Learn:
    """The reading path, glossary and further reading. Optional: a missing file means empty pages."""
    rel = LEARN_FILE
    if not (root / rel).exists():
        return Learn()
    doc = _read_yaml_file(root, rel, problems)
    if doc is None:
        return Learn()
    data = doc.data if isinstance(doc.data, dict) else {}
    if not isinstance(doc.data, dict):
        problems.append(Problem(rel, 1, "", "must be a mapping with reading_path, glossary and further_reading"))
    _check_text(data, rel, doc, (), problems)

    def text(item: dict, key: str, path: tuple) -> str:
        value = item.get(key)
        if not isinstance(value, str) or not value.strip():
            problems.append(Problem(rel, doc.line(path), dotted(path + (key,)), "is required text"))
            return ""
        return " ".join(value.split())

    def items(key: str) -> list[tuple[tuple, dict]]:
        value = data.get(key, [])
        if not isinstance(value, list):
            problems.append(Problem(rel, doc.line((key,)), key, "must be a list"))
            return []
        return [((key, i), item) for i, item in enumerate(value) if isinstance(item, dict)]

    path = []
    for where, item in items("reading_path"):
        slug = text(item, "slug", where)
        if slug and slug not in slugs:
            problems.append(Problem(rel, doc.line(where + ("slug",)), dotted(where + ("slug",)),
                                    f"'{slug}' is not a catalog entry{suggest(slug, slugs)}"))
        path.append((slug, text(item, "introduced", where)))
    glossary = []
    for where, item in items("glossary"):
        see = item.get("see")
        if see is not None and see not in slugs:
            problems.append(Problem(rel, doc.line(where + ("see",)), dotted(where + ("see",)),
                                    f"'{see}' is not a catalog entry{suggest(str(see), slugs)}"))
        aliases = item.get("aliases") or []
        glossary.append(GlossaryTerm(text(item, "term", where), text(item, "definition", where),
                                     tuple(a for a in aliases if isinstance(a, str)), see))
    reading = []
    for where, item in items("further_reading"):
        url = text(item, "url", where)
        if url and not re.match(URL_PATTERN, url):
            problems.append(Problem(rel, doc.line(where + ("url",)), dotted(where + ("url",)), f"must be an https:// URL (got {url!r})"))
        kind = item.get("kind")
        if kind not in READING_KINDS:
            problems.append(Problem(rel, doc.line(where + ("kind",)), dotted(where + ("kind",)),
                                    f"'{kind}' is not a reading kind (allowed: {', '.join(READING_KINDS)})"))
        year = item.get("year")
        if not isinstance(year, int):
            problems.append(Problem(rel, doc.line(where + ("year",)), dotted(where + ("year",)), "must be a year like 2024"))
            year = 0
        reading.append(Reading(text(item, "title", where), url, text(item, "authors", where), year, str(kind),
                               text(item, "note", where)))
    return Learn(tuple(path), tuple(glossary), tuple(reading))


# --------------------------------------------------------------------------------------------------
# Entries


def _schema(root: Path) -> dict:
    schema = json.loads((root / SCHEMA_FILE).read_text(encoding="utf-8"))
    return inline_refs(schema, schema.get("$defs", {}))


def inline_refs(node, defs: dict):
    """Replace each local {"$ref": "#/$defs/x", ...} by the definition merged with its sibling keys.

    Same meaning for our (non-recursive) schema, and validation no longer resolves a reference at every
    step, which made it the slowest part of loading a large catalog."""
    if isinstance(node, list):
        return [inline_refs(n, defs) for n in node]
    if not isinstance(node, dict):
        return node
    out = {k: inline_refs(v, defs) for k, v in node.items() if k not in ("$ref", "$defs")}
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        base = inline_refs(defs[ref.removeprefix("#/$defs/")], defs)
        clash = set(base) & set(out) - {"description"}
        if clash:
            raise ValueError(f"cannot inline {ref}: it and its siblings both set {sorted(clash)}")
        out = {**base, **out}
    return out


def _schema_problems(data: dict, validator: jsonschema.Draft202012Validator, rel: str, doc: YamlDoc) -> Iterator[Problem]:
    for err in validator.iter_errors(data):
        path = tuple(err.absolute_path)
        field = dotted(path)
        kind = err.validator
        if kind == "required":
            missing = err.message.split("'")[1] if "'" in err.message else err.message
            yield Problem(rel, doc.line(path), dotted(path + (missing,)), "is required but missing")
        elif kind == "additionalProperties":
            allowed = sorted(err.schema.get("properties", {}))
            extra = sorted(set(err.instance) - set(allowed))
            for key in extra:
                yield Problem(rel, doc.line(path + (key,)), dotted(path + (key,)),
                              "unknown key (allowed: " + ", ".join(allowed) + ")" + suggest(key, allowed))
        elif kind == "type":
            wanted = {"array": "a list", "string": "text", "object": "a mapping of keys", "boolean": "true or false"}
            types = err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
            got = "empty" if err.instance is None else type(err.instance).__name__
            yield Problem(rel, doc.line(path), field, "must be " + " or ".join(wanted.get(t, t) for t in types) + f" (got {got})")
        elif kind == "pattern":
            hint = PATTERN_HINTS.get(err.validator_value, f"text matching {err.validator_value}")
            yield Problem(rel, doc.line(path), field, f"must be {hint} (got {err.instance!r})")
        elif kind == "minLength":
            yield Problem(rel, doc.line(path), field, "must not be empty")
        elif kind == "maxLength":
            yield Problem(rel, doc.line(path), field, f"is {len(err.instance)} characters long; at most {err.validator_value} allowed")
        elif kind == "minItems":
            yield Problem(rel, doc.line(path), field, f"must list at least {err.validator_value} item")
        elif kind == "uniqueItems":
            yield Problem(rel, doc.line(path), field, "lists the same item twice")
        elif kind == "oneOf" and path and path[0] == "params":
            yield Problem(rel, doc.line(path), field,
                          f"must be a size like 7B, or a mapping {{variant, total, active}} with sizes like 109B (got {err.instance!r})")
        else:
            yield Problem(rel, doc.line(path), field, err.message)


def _strs(value) -> tuple[str, ...]:
    return tuple(value or ())


def _build_entry(slug: str, rel: str, fm: dict, body: str) -> Entry:
    links = {k: fm["links"][k] for k in LINK_KINDS if fm.get("links", {}).get(k)}
    other = tuple((o["label"], o["url"]) for o in fm.get("links", {}).get("other", []) or [])
    params = tuple(Param(total=p) if isinstance(p, str) else Param(p["total"], p.get("variant"), p.get("active")) for p in fm["params"])
    stages = tuple(
        Stage(s["stage"], _strs(s.get("trainable")), _strs(s.get("frozen")), s.get("objective"), s.get("data"), _strs(s.get("datasets")))
        for s in fm["training"]
    )
    day = dt.date.fromisoformat
    return Entry(
        slug=slug, source=rel, name=fm["name"], title=fm["title"], summary=fm["summary"],
        released=dt.date.fromisoformat(fm["released"]), arxiv=_strs(fm["arxiv"]), links=links, other_links=other,
        authors=_strs(fm["authors"]), organizations=_strs(fm["organizations"]), family=fm["family"],
        builds_on=_strs(fm["builds_on"]), vision_encoder=_strs(fm["vision_encoder"]),
        language_model=_strs(fm["language_model"]), connector=fm["connector"], fusion=fm["fusion"], params=params,
        modalities_in=_strs(fm["modalities"]["input"]), modalities_out=_strs(fm["modalities"]["output"]),
        tasks=_strs(fm["tasks"]), training=stages,
        datasets={r: _strs(fm.get("datasets", {}).get(r)) for r in ROLES}, body=body,
        added=day(fm["added"]), reviewed=day(fm["reviewed"]),
        revisions=tuple(Revision(day(r["date"]), r["note"]) for r in fm.get("revisions", [])),
        aliases=_strs(fm.get("aliases")), audio_encoder=_strs(fm.get("audio_encoder")),
        output_decoder=_strs(fm.get("output_decoder")),
        resolution=fm.get("resolution"), visual_tokens=fm.get("visual_tokens"), front_matter=fm,
    )


class _Vocab:
    """Everything an entry's terms are checked against."""

    def __init__(self, tasks, fusions, modalities, datasets):
        self.tasks = [t.id for t in tasks]
        self.fusions = [t.id for t in fusions]
        self.modalities = [t.id for t in modalities]
        self.datasets = [d.id for d in datasets]
        self.dataset_alias = {name_key(a): d.id for d in datasets for a in (d.name, *d.aliases)}
        self.dataset_names = [a for d in datasets for a in (d.name, *d.aliases)]


def _term_problems(fm: dict, rel: str, doc: YamlDoc, vocab: _Vocab) -> Iterator[Problem]:
    def check(path: tuple, value, allowed: list[str], what: str, source: str):
        if not isinstance(value, str):
            return
        if value not in allowed:
            yield Problem(rel, doc.line(path), dotted(path),
                          f"'{value}' is not a known {what}{suggest(value, allowed)}; allowed terms are listed in {source}")

    def items(value) -> list:
        return value if isinstance(value, list) else []

    fusion = fm.get("fusion")
    if isinstance(fusion, str):
        yield from check(("fusion",), fusion, vocab.fusions, "fusion method", FUSION_FILE)
    for i, t in enumerate(items(fm.get("tasks"))):
        yield from check(("tasks", i), t, vocab.tasks, "task", TASKS_FILE)
    mods = fm.get("modalities") if isinstance(fm.get("modalities"), dict) else {}
    for side in ("input", "output"):
        for i, m in enumerate(items(mods.get(side))):
            yield from check(("modalities", side, i), m, vocab.modalities, "modality", MODALITIES_FILE)

    refs: list[tuple[tuple, object]] = []
    ds = fm.get("datasets") if isinstance(fm.get("datasets"), dict) else {}
    for role in ROLES:
        refs += [(("datasets", role, i), d) for i, d in enumerate(items(ds.get(role)))]
    for si, stage in enumerate(items(fm.get("training"))):
        if isinstance(stage, dict):
            refs += [(("training", si, "datasets", i), d) for i, d in enumerate(items(stage.get("datasets")))]
    for path, d in refs:
        if not isinstance(d, str) or d in vocab.datasets:
            continue
        owner = vocab.dataset_alias.get(name_key(d))
        if owner:
            msg = f"'{d}' is a name of dataset '{owner}'; refer to it by its id '{owner}'"
        else:
            msg = f"'{d}' is not a dataset id{suggest(d, vocab.datasets + vocab.dataset_names)}; add it to {DATASETS_FILE} first"
        yield Problem(rel, doc.line(path), dotted(path), msg)


def _date_problems(fm: dict, rel: str, doc: YamlDoc) -> Iterator[Problem]:
    revisions = fm.get("revisions") if isinstance(fm.get("revisions"), list) else []
    dated = [((key,), fm.get(key)) for key in ("released", "reviewed", "added")]
    dated += [(("revisions", i, "date"), r.get("date")) for i, r in enumerate(revisions) if isinstance(r, dict)]
    for path, value in dated:
        key = dotted(path)
        if isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}$", value):
            try:
                day = dt.date.fromisoformat(value)
            except ValueError:
                yield Problem(rel, doc.line(path), key, f"'{value}' is not a real calendar date (YYYY-MM-DD)")
                continue
            if day.year < 1990:
                yield Problem(rel, doc.line(path), key, f"'{value}' is before 1990; check the year")


def _parse_entry(path: Path, root: Path, validator, vocab: _Vocab, problems: list[Problem]):
    rel = path.relative_to(root).as_posix()
    slug = path.stem
    if not SLUG_RE.match(slug):
        problems.append(Problem(rel, None, "file name", f"'{path.name}' must be <slug>.md with a lowercase, hyphenated slug like llava-1-5.md"))
        return None
    try:
        parsed = read_front_matter(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        problems.append(Problem(rel, None, "", "file is not UTF-8 text"))
        return None
    except YamlError as exc:
        problems.append(Problem(rel, exc.line, "front matter", exc.message))
        return None
    doc, fm = parsed.front, parsed.front.data
    if not isinstance(fm, dict):
        problems.append(Problem(rel, 2, "front matter", "must be a mapping of keys such as name, title, released"))
        return None
    found: list[Problem] = []
    for dup_path, line in doc.duplicate_keys:
        found.append(Problem(rel, line, dotted(dup_path), "key appears twice; keep one"))
    found += _schema_problems(fm, validator, rel, doc)
    found += _term_problems(fm, rel, doc, vocab)
    found += _date_problems(fm, rel, doc)
    _check_text(fm, rel, doc, (), found)
    if not parsed.body.strip():
        found.append(Problem(rel, parsed.body_line, "body", "is empty; write the overview and the collapsible sections"))
    else:
        titles = SECTION_RE.findall(parsed.body)
        for section in BODY_SECTIONS:
            if not any(t.startswith(section) for t in titles):
                found.append(Problem(rel, parsed.body_line, "body",
                                     f'needs a collapsible section whose title starts with "{section}" '
                                     f'(e.g. ??? info "{section}"); required: {", ".join(BODY_SECTIONS)}'))
    problems += found
    if found:
        return None
    return _build_entry(slug, rel, fm, parsed.body), doc


def _cross_problems(parsed: list[tuple[Entry, YamlDoc]]) -> Iterator[Problem]:
    slugs = {e.slug for e, _ in parsed}
    names: dict[str, Entry] = {}
    arxiv: dict[str, Entry] = {}
    for e, doc in parsed:
        for label in (e.name, *e.aliases):
            key = name_key(label)
            other = names.get(key)
            if other is not None and other.slug != e.slug:
                yield Problem(e.source, doc.line(("name",)), "name" if label == e.name else "aliases",
                              f"'{label}' is already the name or an alias of {other.source}; names must be unique")
            names.setdefault(key, e)
        for a in e.arxiv:
            other = arxiv.get(a)
            if other is not None and other.slug != e.slug:
                yield Problem(e.source, doc.line(("arxiv",)), "arxiv", f"arXiv id {a} is already used by {other.source}")
            arxiv.setdefault(a, e)
    for e, doc in parsed:
        for i, ref in enumerate(e.builds_on):
            path = ("builds_on", i)
            if SLUG_RE.match(ref):
                if ref == e.slug:
                    yield Problem(e.source, doc.line(path), dotted(path), "an entry cannot build on itself")
                elif ref not in slugs:
                    yield Problem(e.source, doc.line(path), dotted(path),
                                  f"'{ref}' looks like a catalog slug but no entries/{ref}.md exists{suggest(ref, slugs)}; "
                                  "use an existing slug, or write an outside model's name as it is spelled (e.g. Vicuna)")
            else:
                target = names.get(name_key(ref))
                if target is not None:
                    yield Problem(e.source, doc.line(path), dotted(path),
                                  f"'{ref}' is in the catalog; refer to it by its slug '{target.slug}' so the pages link")


def load_catalog(root: Path | str) -> Catalog:
    """Read and check everything under `root`; raise CatalogError listing every problem."""
    root = Path(root)
    problems: list[Problem] = []
    tasks = _load_terms(root, TASKS_FILE, problems, ("id", "name", "description"))
    fusions = _load_terms(root, FUSION_FILE, problems, ("id", "name", "summary", "explanation"))
    modalities = _load_terms(root, MODALITIES_FILE, problems, ("id", "name"))
    datasets = _load_datasets(root, problems)
    try:
        validator = jsonschema.Draft202012Validator(_schema(root))
    except (OSError, ValueError) as exc:
        raise CatalogError(problems + [Problem(SCHEMA_FILE, None, "", f"cannot read the schema: {exc}")]) from None
    vocab = _Vocab(tasks, fusions, modalities, datasets)
    parsed = []
    files = sorted((root / ENTRIES_DIR).glob("*.md"))
    if not files:
        problems.append(Problem(ENTRIES_DIR, None, "", "no entries found (expected entries/<slug>.md files)"))
    for path in files:
        result = _parse_entry(path, root, validator, vocab, problems)
        if result is not None:
            parsed.append(result)
    problems += _cross_problems(parsed)
    learn = _load_learn(root, {e.slug for e, _ in parsed}, problems)
    if problems:
        raise CatalogError(problems)
    entries = tuple(sorted((e for e, _ in parsed), key=lambda e: (-e.released.toordinal(), e.name.lower())))
    return Catalog(entries, tasks, fusions, modalities, datasets, learn)
