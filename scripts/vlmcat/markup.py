"""Markdown building blocks shared by the page generators: escaping, links, tables, front matter."""

from __future__ import annotations

import posixpath
import re
import string
import unicodedata
from collections.abc import Iterable

import yaml

# Punctuation that means something to Markdown or one of our extensions (emoji ":x:", tables "|",
# keys "++", critic/mark "==", tilde/caret, attr_list "{}"); plain commas, slashes and quotes stay.
_ESCAPE = {c: "\\" + c for c in string.punctuation if c not in ",;?'\"/@"}


def md(text: str) -> str:
    """Escape data for markdown: every ASCII punctuation mark is backslash-escaped (pymdownx.escapeall),
    so `<`, `&`, `*`, `|`, `[` and friends always render as themselves, never as markup."""
    return "".join(_ESCAPE.get(c, c) for c in " ".join(str(text).split()))


def plain(text: str) -> str:
    """Text for page front matter (titles, descriptions): whitespace folded, nothing else interpreted."""
    return " ".join(str(text).split())


def rel(from_page: str, to_page: str) -> str:
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def link(text: str, from_page: str, to_page: str) -> str:
    return f"[{md(text)}]({rel(from_page, to_page)})"


def ext_link(text: str, url: str) -> str:
    return f"[{md(text)}](<{url}>)"


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when available: thousands of pages


def front_matter(**meta) -> str:
    return "---\n" + yaml.dump(meta, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=1000) + "---\n\n"


def model_path(slug: str) -> str:
    return f"models/{slug}.md"


def task_path(term: str) -> str:
    return f"tasks/{term}.md"


def fusion_path(term: str) -> str:
    return f"fusion/{term}.md"


def dataset_path(did: str) -> str:
    return f"datasets/{did}.md"


def joined(items: Iterable[str], empty: str = "—") -> str:
    items = list(items)
    return ", ".join(items) if items else empty


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(cell or "—" for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"

def slugify(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")
