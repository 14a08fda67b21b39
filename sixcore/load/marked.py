"""YAML with line marks: safe loading (C loader when available) that remembers where every value is.

PyYAML silently keeps the last of two equal keys; here a duplicate key is a problem, because in a
hand-edited status file it nearly always means one entry overwrote another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sixcore.problem import Problem, Severity

BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

PathKey = tuple[Any, ...]

_PLAIN_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


@dataclass(frozen=True)
class Mark:
    """A 1-based line and column."""

    line: int
    column: int


@dataclass
class MarkedDocument:
    """Plain data from one YAML file and the position of every value and mapping key in it."""

    path: Path
    data: Any
    values: dict[PathKey, Mark] = field(default_factory=dict)
    keys: dict[PathKey, Mark] = field(default_factory=dict)

    def locate(self, location: PathKey, prefer_key: bool = False) -> Mark:
        """The position of `location`, or of its nearest existing ancestor (e.g. for a missing field)."""
        probe = tuple(location)
        while True:
            if prefer_key and probe in self.keys:
                return self.keys[probe]
            if probe in self.values:
                return self.values[probe]
            if not probe:
                return Mark(1, 1)
            probe = probe[:-1]


@dataclass
class _Builder:
    loader: Any
    document: MarkedDocument
    problems: list[Problem]

    def build(self, node: yaml.Node, location: PathKey) -> Any:
        self.document.values[location] = _mark(node.start_mark)
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _PLAIN_COLLECTION_TAGS:
            # safe loading: a tag such as !!python/object is refused, never silently dropped
            raise yaml.constructor.ConstructorError(None, None, f"unsupported tag {node.tag}", node.start_mark)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, location)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, location + (index,)) for index, item in enumerate(node.value)]
        return self.loader.construct_object(node, deep=True)

    def _mapping(self, node: yaml.MappingNode, location: PathKey) -> dict[Any, Any]:
        self.loader.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self.loader.construct_object(key_node, deep=True)
            key_mark = _mark(key_node.start_mark)
            if isinstance(key, (list, dict)):
                self.problems.append(_problem(self.document.path, key_mark, "SC001", problem="a mapping key must be a plain value"))
                continue
            if key in result:
                first = self.document.keys[location + (key,)]
                self.problems.append(_problem(self.document.path, key_mark, "SC002", key=str(key), first_line=first.line))
                continue
            self.document.keys[location + (key,)] = key_mark
            result[key] = self.build(value_node, location + (key,))
        return result


def _mark(mark: Any) -> Mark:
    return Mark(mark.line + 1, mark.column + 1)


def _problem(path: Path, mark: Mark, code: str, **params: Any) -> Problem:
    return Problem(path, mark.line, mark.column, code, Severity.ERROR, params)


def decode(raw: bytes, path: Path) -> tuple[str | None, list[Problem]]:
    """UTF-8 text (a BOM is allowed), or an encoding problem at the first bad byte."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [_problem(path, Mark(1, 1), "SC003", encoding="UTF-16")]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        return None, [_problem(path, Mark(line, column), "SC003", encoding="UTF-8 以外 / not UTF-8")]


def parse_marked(text: str, path: Path) -> tuple[MarkedDocument | None, list[Problem]]:
    """Parse YAML text into a MarkedDocument; syntax, tab, duplicate-key and empty-file problems."""
    loader = BaseLoader(text)
    problems: list[Problem] = []
    try:
        node = loader.get_single_node()
        if node is None:
            return None, [_problem(path, Mark(1, 1), "SC005")]
        document = MarkedDocument(path, None)
        document.data = _Builder(loader, document, problems).build(node, ())
        return document, problems
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(error, text, path)]
    except yaml.YAMLError as error:
        return None, [_problem(path, Mark(1, 1), "SC001", problem=str(error))]
    finally:
        loader.dispose()


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, path: Path) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else 1
    lines = text.splitlines()
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in source_line[: max(column, 1)] or "'\\t'" in str(error.problem):
        return Problem(path, line, source_line.find("\t") + 1 if "\t" in source_line else column, "SC004")
    return _problem(path, Mark(line, column), "SC001", problem=str(error.problem or error.context or error))


def load_marked(path: Path) -> tuple[MarkedDocument | None, list[Problem]]:
    """Read, decode and parse one YAML file."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [_problem(path, Mark(1, 1), "SC006", reason=error.strerror or str(error))]
    text, problems = decode(raw, path)
    if text is None:
        return None, problems
    if not text.strip():
        return None, [_problem(path, Mark(1, 1), "SC005")]
    return parse_marked(text, path)
