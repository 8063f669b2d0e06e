"""Reading YAML and front matter while keeping line numbers, so every error can name its line."""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

Path_ = tuple  # a path into a YAML document: ("links", "paper") or ("training", 0, "stage")


# libyaml's parser when PyYAML was built with it (the wheels are): composing thousands of entries in
# pure Python was most of the build's validation time.
_SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeBase):  # type: ignore[misc, valid-type]
    """Safe loader that keeps dates as strings (the schema checks them) and nothing else special."""


# Drop the implicit timestamp resolver: "2024-01-30" stays a string, and a bad date is reported
# by our validator instead of by a ValueError deep inside PyYAML.
_Loader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class YamlDoc:
    data: object
    lines: dict[Path_, int] = field(default_factory=dict)  # path -> 1-based line in the file
    duplicate_keys: list[tuple[Path_, int]] = field(default_factory=list)

    def line(self, path: Path_) -> int | None:
        """Line of `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]


class YamlError(Exception):
    def __init__(self, message: str, line: int | None):
        super().__init__(message)
        self.message = message
        self.line = line


def load_yaml(text: str, first_line: int = 1) -> YamlDoc:
    """Parse one YAML document; `first_line` is the file line where `text` starts."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else None
        problem = exc.problem or "could not parse"
        context = f" ({exc.context})" if exc.context else ""
        raise YamlError(f"invalid YAML: {problem}{context}", line) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML raises marked errors for text input
        raise YamlError(f"invalid YAML: {exc}", None) from None
    finally:
        loader.dispose()
    doc = YamlDoc(data)
    if node is not None:
        _walk(node, (), first_line, doc)
    return doc


def _walk(node: yaml.Node, path: Path_, offset: int, doc: YamlDoc) -> None:
    doc.lines.setdefault(path, node.start_mark.line + offset)
    if isinstance(node, yaml.MappingNode):
        seen: set = set()
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + offset
            if key in seen:
                doc.duplicate_keys.append((path + (key,), line))
            seen.add(key)
            doc.lines[path + (key,)] = line
            _walk(value_node, path + (key,), offset, doc)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, path + (i,), offset, doc)


@dataclass
class FrontMatterFile:
    front: YamlDoc
    body: str
    body_line: int


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """Return (yaml_text, body, body_first_line) or None when the file has no front matter block."""
    text = text.lstrip("\ufeff")
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return None
    for i in range(1, len(lines)):
        if lines[i].rstrip() == "---":
            return "".join(lines[1:i]), "".join(lines[i + 1 :]), i + 2
    return None


def read_front_matter(text: str) -> FrontMatterFile:
    parts = split_front_matter(text)
    if parts is None:
        raise YamlError("no front matter: the file must start with a '---' line and close it with another", 1)
    yaml_text, body, body_line = parts
    return FrontMatterFile(load_yaml(yaml_text, first_line=2), body, body_line)
