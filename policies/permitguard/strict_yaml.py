"""Strict YAML: PyYAML's safe loader, refusing what a safe loader still lets through.

- a key given twice in one mapping (merged `<<` keys included) is an error naming both lines, never
  "the last one wins";
- aliases are counted as they expand: a document that would expand to more than MAX_NODES nodes (an
  alias bomb) or nest deeper than MAX_DEPTH is refused before anything is built, and an alias that
  contains itself is refused with the path where it recurs;
- a scalar that looks like a date or an integer but is none (`2029-02-30`, a 5,000-digit number) stays
  the text it is, for the schema to name the field;
- keys must be scalars.
Every refusal is a `StrictYamlError` with a JSON path (`$.a.b[0]`) and a line.
"""

from __future__ import annotations

from typing import Any

import yaml

MAX_NODES = 200_000  # nodes after alias expansion: a licence profile has a few hundred
MAX_DEPTH = 64
MERGE_TAG = "tag:yaml.org,2002:merge"


class StrictYamlError(ValueError):
    def __init__(self, message: str, path: str = "$", line: int | None = None) -> None:
        where = f"{path}" + (f" (line {line})" if line else "")
        super().__init__(f"{where}: {message}")
        self.path, self.line = path, line


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _child(path: str, key: Any) -> str:
    text = str(key)
    simple = text.replace("_", "").replace("-", "").isalnum() and text.isascii()
    return f"{path}.{text}" if simple else f"{path}[{text!r}]"


class _Walk:
    """Checks a composed node graph (aliases are shared nodes) without building anything."""

    def __init__(self, loader: yaml.SafeLoader, max_nodes: int) -> None:
        self.loader, self.max_nodes, self.count, self.open = loader, max_nodes, 0, set()

    def check(self, node: yaml.Node, path: str = "$", depth: int = 0) -> None:
        self.count += 1
        if self.count > self.max_nodes:
            raise StrictYamlError(
                f"the document expands to more than {self.max_nodes:,} values (alias expansion bomb?)",
                path, _line(node))
        if depth > MAX_DEPTH:
            raise StrictYamlError(f"nested more than {MAX_DEPTH} levels deep", path, _line(node))
        if isinstance(node, yaml.ScalarNode):
            return
        if id(node) in self.open:
            raise StrictYamlError("an alias refers to the value that contains it (a self-reference)",
                                  path, _line(node))
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                for i, item in enumerate(node.value):
                    self.check(item, f"{path}[{i}]", depth + 1)
            else:
                self._mapping(node, path, depth)
        finally:
            self.open.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, path: str, depth: int) -> None:
        seen: dict[str, str] = {}
        for key_node, value_node, via in self._entries(node, path, depth):
            if not isinstance(key_node, yaml.ScalarNode):
                raise StrictYamlError("a key must be a plain value, not a list or mapping",
                                      path, _line(key_node))
            key = str(_plain_key(self.loader.construct_object(key_node)))
            where = f"line {_line(key_node)}" + (f", through the merge at line {via}" if via else "")
            if key in seen:
                raise StrictYamlError(
                    f"duplicate key {key!r} ({seen[key]} and {where}): a second value would silently "
                    "replace the first", _child(path, key))
            seen[key] = where
            self.check(value_node, _child(path, key), depth + 1)

    def _entries(self, node: yaml.MappingNode, path: str, depth: int):
        """(key, value, merge line or None) of a mapping, the mappings it merges (`<<`) included."""
        for key_node, value_node in node.value:
            if key_node.tag != MERGE_TAG:
                yield key_node, value_node, None
                continue
            merged = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
            for m in merged:
                if not isinstance(m, yaml.MappingNode):
                    raise StrictYamlError("a merge (<<) must name mappings", path, _line(key_node))
                if id(m) in self.open:
                    raise StrictYamlError("a merge (<<) refers to the mapping that contains it",
                                          path, _line(key_node))
                self.count += len(m.value)
                self.open.add(id(m))
                try:
                    for k, v, _ in self._entries(m, path, depth):
                        yield k, v, _line(key_node)
                finally:
                    self.open.discard(id(m))


def _plain_key(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


class StrictSafeLoader(yaml.SafeLoader):
    """SafeLoader whose dates and integers that cannot be built stay text (pure Python: a nesting too
    deep for it is a RecursionError we can answer, where libyaml's C composer has no such guard)."""


class StrictCSafeLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same with libyaml when present, for the packaged catalogs (trusted, and large)."""


def _lenient(constructor):
    def construct(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        try:
            return constructor(loader, node)
        except (ValueError, OverflowError):
            return loader.construct_scalar(node)

    return construct


for _cls in (StrictSafeLoader, StrictCSafeLoader):
    _cls.add_constructor("tag:yaml.org,2002:timestamp", _lenient(yaml.SafeLoader.construct_yaml_timestamp))
    _cls.add_constructor("tag:yaml.org,2002:int", _lenient(yaml.SafeLoader.construct_yaml_int))


def load(text: bytes | str, max_nodes: int = MAX_NODES, trusted: bool = False) -> Any:
    """The one document in `text`. Raises yaml.YAMLError (syntax, with its mark) or StrictYamlError.
    `trusted`: a packaged file, read with libyaml when present (same checks)."""
    loader = (StrictCSafeLoader if trusted else StrictSafeLoader)(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _Walk(loader, max_nodes).check(node)
        return loader.construct_document(node)
    except RecursionError:
        raise StrictYamlError(f"nested too deeply (more than {MAX_DEPTH} levels)") from None
    finally:
        loader.dispose()


def load_all(text: bytes | str, max_nodes: int = MAX_NODES) -> list[tuple[Any, int, tuple[int, ...]]]:
    """Every document of a multi-document stream (`---` separated: Kubernetes manifests, `helm template`
    output), each checked as `load` checks one, with `max_nodes` counted over the whole stream: (value, line
    of its first value, lines of the items of its top-level `items` list). Empty and comment-only documents
    yield nothing. Raises yaml.YAMLError (syntax, a tag no safe loader builds, such as !!python/object) or
    StrictYamlError."""
    loader = StrictSafeLoader(text)
    found: list[tuple[Any, int, tuple[int, ...]]] = []
    try:
        walk = _Walk(loader, max_nodes)
        while loader.check_node():
            node = loader.get_node()
            if node is None or (isinstance(node, yaml.ScalarNode) and node.value == "" and
                                node.tag == "tag:yaml.org,2002:null"):
                continue
            walk.check(node)
            items: tuple[int, ...] = ()
            if isinstance(node, yaml.MappingNode):
                seq = next((v for k, v in node.value
                            if isinstance(k, yaml.ScalarNode) and k.value == "items"), None)
                if isinstance(seq, yaml.SequenceNode):
                    items = tuple(_line(n) for n in seq.value)
            found.append((loader.construct_document(node), _line(node), items))
        return found
    except RecursionError:
        raise StrictYamlError(f"nested too deeply (more than {MAX_DEPTH} levels)") from None
    finally:
        loader.dispose()
