"""The catalog's domain model: plain, immutable data that every other module reads."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

ROLES = ("pretraining", "instruction", "evaluation")
LINK_KINDS = ("paper", "code", "weights", "project", "demo", "blog")


@dataclass(frozen=True)
class Term:
    """One term of a taxonomy (task, fusion method or modality)."""

    id: str
    name: str
    summary: str = ""
    explanation: str = ""


@dataclass(frozen=True)
class Dataset:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    url: str | None = None


@dataclass(frozen=True)
class Param:
    total: str
    variant: str | None = None
    active: str | None = None

    def label(self) -> str:
        size = f"{self.total} total, {self.active} active" if self.active else self.total
        return f"{self.variant}: {size}" if self.variant else size


@dataclass(frozen=True)
class Revision:
    date: dt.date
    note: str


@dataclass(frozen=True)
class Stage:
    stage: str
    trainable: tuple[str, ...] = ()
    frozen: tuple[str, ...] = ()
    objective: str | None = None
    data: str | None = None
    datasets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entry:
    slug: str
    source: str  # path relative to the repository root, e.g. "entries/llava.md"
    name: str
    title: str
    summary: str
    released: dt.date
    arxiv: tuple[str, ...]
    links: dict[str, str]
    other_links: tuple[tuple[str, str], ...]
    authors: tuple[str, ...]
    organizations: tuple[str, ...]
    family: str
    builds_on: tuple[str, ...]
    vision_encoder: tuple[str, ...]
    language_model: tuple[str, ...]
    connector: str
    fusion: str
    params: tuple[Param, ...]
    modalities_in: tuple[str, ...]
    modalities_out: tuple[str, ...]
    tasks: tuple[str, ...]
    training: tuple[Stage, ...]
    datasets: dict[str, tuple[str, ...]]
    body: str
    added: dt.date
    reviewed: dt.date
    revisions: tuple[Revision, ...] = ()
    aliases: tuple[str, ...] = ()
    audio_encoder: tuple[str, ...] = ()
    output_decoder: tuple[str, ...] = ()
    resolution: str | None = None
    visual_tokens: str | None = None
    front_matter: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def year(self) -> int:
        return self.released.year

    def dataset_ids(self) -> set[str]:
        ids = {d for role in self.datasets.values() for d in role}
        ids.update(d for stage in self.training for d in stage.datasets)
        return ids

    def dataset_roles(self, dataset_id: str) -> tuple[str, ...]:
        roles = [r for r in ROLES if dataset_id in self.datasets.get(r, ())]
        if not roles and any(dataset_id in s.datasets for s in self.training):
            roles.append("training")
        return tuple(roles)


@dataclass(frozen=True)
class GlossaryTerm:
    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    see: str | None = None


@dataclass(frozen=True)
class Reading:
    title: str
    url: str
    authors: str
    year: int
    kind: str
    note: str


@dataclass(frozen=True)
class Learn:
    """The "Learn" pages' data (entries/_data/learn.yml): a reading path, a glossary, further reading."""

    path: tuple[tuple[str, str], ...] = ()  # (slug, what it introduced)
    glossary: tuple[GlossaryTerm, ...] = ()
    reading: tuple[Reading, ...] = ()


@dataclass(frozen=True)
class Catalog:
    entries: tuple[Entry, ...]  # newest first, then by name
    tasks: tuple[Term, ...]
    fusions: tuple[Term, ...]
    modalities: tuple[Term, ...]
    datasets: tuple[Dataset, ...]
    learn: Learn = Learn()

    @cached_property
    def by_slug(self) -> dict[str, Entry]:
        return {e.slug: e for e in self.entries}

    @cached_property
    def task(self) -> dict[str, Term]:
        return {t.id: t for t in self.tasks}

    @cached_property
    def fusion(self) -> dict[str, Term]:
        return {t.id: t for t in self.fusions}

    @cached_property
    def modality(self) -> dict[str, Term]:
        return {t.id: t for t in self.modalities}

    @cached_property
    def dataset(self) -> dict[str, Dataset]:
        return {d.id: d for d in self.datasets}

    @cached_property
    def built_upon_by(self) -> dict[str, tuple[Entry, ...]]:
        """slug -> catalog entries whose builds_on names that slug (reverse lineage)."""
        out: dict[str, list[Entry]] = defaultdict(list)
        for e in self.entries:
            for ref in e.builds_on:
                if ref in self.by_slug:
                    out[ref].append(e)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def by_family(self) -> dict[str, tuple[Entry, ...]]:
        out: dict[str, list[Entry]] = defaultdict(list)
        for e in self.entries:
            out[e.family].append(e)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def by_task(self) -> dict[str, tuple[Entry, ...]]:
        out: dict[str, list[Entry]] = {t.id: [] for t in self.tasks}
        for e in self.entries:
            for t in e.tasks:
                out[t].append(e)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def by_fusion(self) -> dict[str, tuple[Entry, ...]]:
        out: dict[str, list[Entry]] = {t.id: [] for t in self.fusions}
        for e in self.entries:
            out[e.fusion].append(e)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def by_dataset(self) -> dict[str, tuple[Entry, ...]]:
        out: dict[str, list[Entry]] = {d.id: [] for d in self.datasets}
        for e in self.entries:
            for d in sorted(e.dataset_ids()):
                out[d].append(e)
        return {k: tuple(v) for k, v in out.items()}
