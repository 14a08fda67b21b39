"""YAML with line marks: safe loading (libyaml's parser when available) that remembers where every value is.

PyYAML silently keeps the last of two equal keys; here a duplicate key is a problem, because in a
hand-edited status file it nearly always means one entry overwrote another.

Files come from pull requests, so no file may take a run down (the figures are in sixcore.load.limits): a file
is read only when it lies inside the repository and is no bigger than the file-size limit; characters YAML forbids
(NUL, other control characters) are located before parsing; nodes are composed here from the parser's events,
because PyYAML's composer forgets where an alias was written; and every value is counted as aliases are
expanded, so an alias bomb is refused at the alias that passed the limit instead of filling memory.

Merge keys (`<<: *defaults`, YAML 1.1, as PyYAML reads them) are accepted: a key written in the mapping itself
overrides a merged one (that is no duplicate), and an earlier merged mapping overrides a later one. Every value
is located where it is written: a value given as an alias at the alias, and what an alias or a merge key brings
in inside the anchored text it comes from.
"""

from __future__ import annotations

import functools
import gc
import os
import re
import stat
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from sys import intern
from typing import Any, NamedTuple

import yaml

from sixcore.load.limits import MAX_DEPTH, FileLimits, file_limits
from sixcore.problem import Problem, Severity

BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

PathKey = tuple[Any, ...]

_PLAIN_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_MERGE_TAG = "tag:yaml.org,2002:merge"
_INT_TAG = "tag:yaml.org,2002:int"
_VALUE_TAG = "tag:yaml.org,2002:value"  # a plain `=`: PyYAML has no constructor for it and fails; it is text

# What YAML 1.1 (and libyaml's reader) accepts; anything else is refused before parsing, at its line and column.
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


@dataclass(frozen=True, slots=True)
class Mark:
    """A 1-based line and column."""

    line: int
    column: int


class MarkedDocument:
    """Plain data from one YAML file and the position of every value and mapping key in it.

    A file read on the fast path (most files) keeps its marks packed in the order they were composed (_Starts)
    rather than in dictionaries by location: most files have no problem, and a located one is found by walking
    the data.
    """

    def __init__(self, path: Path, data: Any, values: dict[PathKey, Mark] | None = None,
                 keys: dict[PathKey, Mark] | None = None, starts: _Starts | None = None) -> None:
        self.path = path
        self.data = data
        self.values = values if values is not None else {}  # filled by _Builder
        self.keys = keys if keys is not None else {}
        self._starts = starts

    def locate(self, location: PathKey, prefer_key: bool = False) -> Mark:
        """The position of `location`, or of its nearest existing ancestor (e.g. for a missing field)."""
        if self._starts is not None:
            return self._starts.locate(self.data, location, prefer_key)
        probe = tuple(location)
        while True:
            if prefer_key and probe in self.keys:
                return self.keys[probe]
            if probe in self.values:
                return self.values[probe]
            if not probe:
                return Mark(1, 1)
            probe = probe[:-1]


_LINE_SHIFT = 32  # a start is packed as line << 32 | column (both 0-based, as libyaml counts them)


class _Starts:
    """Where every value and mapping key of a file _LeanBuilder built starts, in composing order (its rank): a
    value, then for a mapping each key followed by its value, for a list each item; and how many ranks each
    takes, itself and what it holds. The data has the same shape, so the position of a location is found by
    walking the data along it, stepping over the siblings before each part; the ranks of a list's or mapping's
    children are worked out once, when a location first passes it."""

    def __init__(self) -> None:
        self.packed = array("q")
        self.sizes = array("I")
        self._ranks: dict[int, dict[Any, int]] = {}  # by a list's or mapping's rank: its children's (a key's, for a mapping)

    def mark(self, rank: int) -> Mark:
        packed = self.packed[rank]
        return Mark((packed >> _LINE_SHIFT) + 1, (packed & 0xFFFFFFFF) + 1)

    def locate(self, data: Any, location: PathKey, prefer_key: bool) -> Mark:
        rank, key_rank, node = 0, None, data
        for part in location:
            if isinstance(node, dict):
                if not _hashable(part) or part not in node:
                    break
                key_rank = self._child_ranks(node, rank)[part]
                rank = key_rank + 1
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                rank = self._child_ranks(node, rank)[part]
                key_rank = None
            else:
                break
            node = node[part]
        return self.mark(key_rank if prefer_key and key_rank is not None else rank)

    def _child_ranks(self, node: dict[Any, Any] | list[Any], rank: int) -> dict[Any, int]:
        known = self._ranks.get(rank)
        if known is None:
            known, sizes, child = {}, self.sizes, rank + 1
            if isinstance(node, dict):
                for key in node:
                    known[key] = child
                    child += 1 + sizes[child + 1]
            else:
                for index in range(len(node)):
                    known[index] = child
                    child += sizes[child]
            self._ranks[rank] = known
        return known


def _hashable(part: Any) -> bool:
    try:
        hash(part)
    except TypeError:
        return False
    return True


_RESOLVER: Any = yaml.resolver.Resolver()


@functools.lru_cache(maxsize=4096)
def _resolved_tag(kind: Any, value: Any, implicit: Any) -> Any:
    return _RESOLVER.resolve(kind, value, implicit)


class _Loader(BaseLoader):  # type: ignore[misc]
    """The safe loader with the Python callbacks libyaml's composer makes for every node made cheap: composing in C
    spent about 40 % of its time in them. A scalar's tag depends only on its text and style, and keys and short
    values repeat, so tags come from a cache (a hit never enters Python); and the path-resolver hooks, which the
    safe loader never uses, are C built-ins that do nothing with their arguments."""

    resolve = staticmethod(_resolved_tag)
    descend_resolver: Any = {}.get  # (parent, index) -> None
    ascend_resolver = int  # () -> 0


@dataclass(frozen=True, eq=False)
class _Alias:
    """`*name` where it is written, and the node it names."""

    name: str
    target: yaml.Node
    mark: Mark


_Node = yaml.Node | _Alias


class _Refused(Exception):
    """The file is not read further; `problem` says where and why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


def _mark(mark: Any) -> Mark:
    return Mark(mark.line + 1, mark.column + 1)


def _where(node: _Node) -> Mark:
    return node.mark if isinstance(node, _Alias) else _mark(node.start_mark)


def _target(node: _Node) -> yaml.Node:
    return node.target if isinstance(node, _Alias) else node


def _problem(path: Path, mark: Mark, code: str, **params: Any) -> Problem:
    return Problem(path, mark.line, mark.column, code, Severity.ERROR, params)


class _Composer:
    """Nodes from the parser's events, as PyYAML composes them, but aliases kept as `_Alias` with their place.

    Stops at the first node past the values limit or MAX_DEPTH, so a huge or deeply nested file is not parsed to its end.
    """

    def __init__(self, loader: Any, path: Path) -> None:
        self.loader = loader
        self.path = path
        self.anchors: dict[str, yaml.Node] = {}
        self.open: set[yaml.Node] = set()  # collections being composed: an alias to one of them never ends
        self.count = 0
        self.limits = file_limits()

    def document(self) -> _Node | None:
        loader = self.loader
        loader.get_event()  # stream start
        if loader.check_event(yaml.StreamEndEvent):
            return None
        start = loader.get_event()
        node = self.node(loader.get_event(), 1)
        loader.get_event()  # document end
        if not loader.check_event(yaml.StreamEndEvent):
            another = loader.get_event()
            raise yaml.composer.ComposerError(
                "expected a single document in the stream", start.start_mark, "but found another document", another.start_mark
            )
        return node

    def node(self, event: Any, depth: int) -> _Node:
        """The node that starts with `event` (libyaml's own event and mark classes, which the stubs do not know)."""
        start: Any = event.start_mark
        anchor: Any = event.anchor
        if isinstance(event, yaml.AliasEvent):
            target = self.anchors.get(anchor)
            if target is None:
                raise yaml.composer.ComposerError(None, None, f"found undefined alias {anchor!r}", start)
            if target in self.open:
                raise _Refused(_problem(self.path, _mark(start), "SC021", kind="loop", alias=anchor))
            return _Alias(anchor, target, _mark(start))
        self.count += 1
        if self.count > self.limits.values:
            raise _Refused(_problem(self.path, _mark(start), "SC021", kind="values", limit=self.limits.values))
        if anchor is not None and anchor in self.anchors:
            raise yaml.composer.ComposerError(
                f"found duplicate anchor {anchor!r}; first occurrence", self.anchors[anchor].start_mark, "second occurrence", start
            )
        loader = self.loader
        node: yaml.Node
        if isinstance(event, yaml.ScalarEvent):
            tag = event.tag if event.tag not in (None, "!") else loader.resolve(yaml.ScalarNode, event.value, event.implicit)
            stop: Any = event.end_mark
            node = yaml.ScalarNode(tag, event.value, start, stop, style=event.style)
            if anchor is not None:
                self.anchors[anchor] = node
            return node
        if depth > MAX_DEPTH:
            raise _Refused(_problem(self.path, _mark(start), "SC022", limit=MAX_DEPTH))
        sequence = isinstance(event, yaml.SequenceStartEvent)
        kind = yaml.SequenceNode if sequence else yaml.MappingNode
        tag = event.tag if event.tag not in (None, "!") else loader.resolve(kind, None, event.implicit)
        node = kind(tag, [], start, None, flow_style=event.flow_style)
        if anchor is not None:
            self.anchors[anchor] = node
        self.open.add(node)
        end = yaml.SequenceEndEvent if sequence else yaml.MappingEndEvent
        items: list[Any] = node.value
        while not isinstance(item := loader.get_event(), end):
            if sequence:
                items.append(self.node(item, depth + 1))
            else:
                key = self.node(item, depth + 1)
                items.append((key, self.node(loader.get_event(), depth + 1)))
        node.end_mark = item.end_mark
        self.open.discard(node)
        return node


class _Entry(NamedTuple):
    """One key of a mapping once merge keys are applied: the key, where it is written, its value node."""

    key: Any
    key_mark: Mark
    key_length: int
    value: _Node
    through: _Alias | None  # the alias of the merge key (`<<: *name`) it came in by


def _scalar(loader: Any, node: yaml.ScalarNode) -> Any:
    """A scalar's value as PyYAML reads it (both builders use it)."""
    if node.tag == _VALUE_TAG:
        return node.value
    value = node.value
    try:
        if node.tag == _INT_TAG and value.isascii() and value.isdigit() and (value[0] != "0" or value == "0"):
            return int(value)  # the commonest number, read as PyYAML would (a leading 0 is octal: left to PyYAML)
        return loader.construct_object(node, deep=True)
    except (ValueError, OverflowError):
        # a plain 2024-13-45 or a 5,000-digit number cannot become a date or an int: it stays the text written,
        # and validation says what is wrong with it, where it is
        loader.recursive_objects.pop(node, None)
        return node.value


@dataclass
class _Builder:
    """Plain data and marks from composed nodes, counting every value as aliases and merge keys are expanded."""

    loader: Any
    document: MarkedDocument
    problems: list[Problem]
    values: int = 0
    text: int = 0
    via: _Alias | None = None  # the outermost alias being expanded: where a limit is reported
    entries: dict[yaml.Node, list[_Entry]] = field(default_factory=dict)
    limits: FileLimits = field(default_factory=file_limits)

    def build(self, node: _Node, location: PathKey, depth: int = 1) -> Any:
        if isinstance(node, _Alias):
            outermost = self.via is None
            if outermost:
                self.via = node
            try:
                value = self.build(node.target, location, depth)
            finally:
                if outermost:
                    self.via = None
            self.document.values[location] = node.mark
            return value
        self.spend(1, len(node.value) if isinstance(node, yaml.ScalarNode) else 0, node)
        self.document.values[location] = _mark(node.start_mark)
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if node.tag not in _PLAIN_COLLECTION_TAGS:
            # safe loading: a tag such as !!python/object is refused, never silently dropped
            raise yaml.constructor.ConstructorError(None, None, f"unsupported tag {node.tag}", node.start_mark)
        if depth > MAX_DEPTH:
            raise self.refused("SC022", node, limit=MAX_DEPTH)
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, location, depth)
        return [self.build(item, location + (index,), depth + 1) for index, item in enumerate(node.value)]

    def mapping(self, node: yaml.MappingNode, location: PathKey, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for entry in self.mapping_entries(node, depth):
            self.spend(1, entry.key_length, node)
            self.document.keys[location + (entry.key,)] = entry.key_mark
            outermost = self.via is None and entry.through is not None
            if outermost:
                self.via = entry.through
            try:
                result[entry.key] = self.build(entry.value, location + (entry.key,), depth + 1)
            finally:
                if outermost:
                    self.via = None
        return result

    def spend(self, values: int, text: int, node: yaml.Node) -> None:
        self.values += values
        self.text += text
        if self.values > self.limits.values:
            raise self.refused("SC021", node, kind="alias" if self.via else "values", limit=self.limits.values)
        if self.text > self.limits.text:
            raise self.refused("SC021", node, kind="text" if self.via else "values", limit=self.limits.text)

    def refused(self, code: str, node: yaml.Node, **params: Any) -> _Refused:
        if self.via is not None:
            return _Refused(_problem(self.document.path, self.via.mark, code, alias=self.via.name, **params))
        return _Refused(_problem(self.document.path, _mark(node.start_mark), code, **params))

    def scalar(self, node: yaml.ScalarNode) -> Any:
        return _scalar(self.loader, node)

    def mapping_entries(self, node: yaml.MappingNode, depth: int) -> list[_Entry]:
        """A mapping's keys once merge keys are applied, worked out once per node (its problems reported once)."""
        known = self.entries.get(node)
        if known is not None:
            return known
        if depth > MAX_DEPTH:  # merge keys merging mappings that merge …
            raise self.refused("SC022", node, limit=MAX_DEPTH)
        entries: list[_Entry] = []
        first: dict[Any, Mark] = {}
        merge: tuple[_Node, Mark] | None = None
        for key_node, value_node in node.value:
            key_mark, key_target = _where(key_node), _target(key_node)
            if isinstance(key_target, yaml.ScalarNode) and key_target.tag == _MERGE_TAG:
                if merge is not None:
                    self.problems.append(_problem(self.document.path, key_mark, "SC002", key="<<", first_line=merge[1].line))
                else:
                    merge = (value_node, key_mark)
                continue
            if not isinstance(key_target, yaml.ScalarNode):
                self.problems.append(_problem(self.document.path, key_mark, "SC001", problem="a mapping key must be a plain value"))
                continue
            key = self.scalar(key_target)
            if key in first:
                self.problems.append(_problem(self.document.path, key_mark, "SC002", key=str(key), first_line=first[key].line))
                continue
            first[key] = key_mark
            entries.append(_Entry(key, key_mark, len(key_target.value), value_node, None))
        if merge is not None:
            for source, through in self.merge_sources(merge[0]):
                for entry in self.mapping_entries(source, depth + 1):
                    self.spend(1, 0, source)  # merging is expansion too: a merge of merges must not multiply unbounded
                    if entry.key not in first:
                        first[entry.key] = entry.key_mark
                        entries.append(entry._replace(through=through or entry.through))
        self.entries[node] = entries
        return entries

    def merge_sources(self, value: _Node) -> list[tuple[yaml.MappingNode, _Alias | None]]:
        """What `<<:` merges, earliest first: one mapping or a list of mappings, each perhaps an alias."""
        outer = value if isinstance(value, _Alias) else None
        target = _target(value)
        items = [value] if isinstance(target, yaml.MappingNode) else target.value if isinstance(target, yaml.SequenceNode) else None
        if items is None:
            raise _Refused(_problem(self.document.path, _where(value), "SC001", kind="merge"))
        sources = []
        for item in items:
            source = _target(item)
            if not isinstance(source, yaml.MappingNode) or source.tag not in _PLAIN_COLLECTION_TAGS:
                raise _Refused(_problem(self.document.path, _where(item), "SC001", kind="merge"))
            sources.append((source, outer or (item if isinstance(item, _Alias) else None)))
        return sources


def position(text: str, index: int) -> Mark:
    """The line and column of text[index], counting line breaks as YAML does (CR LF, LF, CR, NEL, LS, PS)."""
    line, start = 1, 0
    for match in _LINE_BREAK.finditer(text, 0, index):
        line, start = line + 1, match.end()
    return Mark(line, index - start + 1)


def decode(raw: bytes, path: Path) -> tuple[str | None, list[Problem]]:
    """UTF-8 text (a BOM is allowed) with only characters YAML accepts, or an encoding problem where the first is."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [_problem(path, Mark(1, 1), "SC003", kind="utf16")]
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        before = body[: error.start].decode("utf-8")
        if _NOT_PRINTABLE.search(before) is None:
            # each invalid sequence becomes one U+FFFD; a U+FFFD written in the file is the bytes EF BF BD
            count = body.decode("utf-8", errors="replace").count("\ufffd") - body.count("\ufffd".encode())
            return None, [_problem(path, position(before, len(before)), "SC003", kind="utf8", count=max(count, 1))]
        text = body.decode("utf-8", errors="replace")  # a control character comes first (UTF-16 without a BOM: a NUL)
    found = _NOT_PRINTABLE.search(text)
    if found is None:
        return text, []
    char = found.group()
    count = _NOT_PRINTABLE.subn("", text)[1]
    kind = "nul" if char == "\0" else "control"
    return None, [_problem(path, position(text, found.start()), "SC003", kind=kind, char=f"U+{ord(char):04X}", count=count)]


# a key followed by a full-width colon (status：落後), as an IME types it: a YAML key needs ASCII ":" and a space
_FULL_WIDTH_COLON = re.compile(r"""^(?P<lead>[ ]*(?:-[ ]+)?(?:"[^"\n]*"|'[^'\n]*'|[A-Za-z_][\w.\-/]*)[ ]*)：(?P<space>[ ]?)""", re.MULTILINE)


def _mend_full_width_colons(text: str, path: Path) -> tuple[str, list[Problem]]:
    """The text with each full-width colon after a key read as ": ", and an error at each, so that one mistyped
    colon neither hides the file's other problems nor gets PyYAML's English message a line further down."""
    # the pattern starts at a line's start and matches at most once a line: only lines with a "：" are tried
    starts = dict.fromkeys(text.rfind("\n", 0, index) + 1 for index in _indexes(text, "："))
    matches = [match for start in starts if (match := _FULL_WIDTH_COLON.match(text, start)) is not None]
    if not matches:
        return text, []
    problems = [_problem(path, position(text, match.start() + len(match["lead"])), "SC014", key=match["lead"].strip(" -\"'"))
                for match in matches]
    pieces, end = [], 0
    for match in matches:
        pieces += [text[end:match.start()], match["lead"], ": "]
        end = match.end()
    return "".join([*pieces, text[end:]]), problems


def _indexes(text: str, char: str) -> Iterator[int]:
    index = text.find(char)
    while index >= 0:
        yield index
        index = text.find(char, index + 1)


def parse_marked(text: str, path: Path) -> tuple[MarkedDocument | None, list[Problem]]:
    """Parse YAML text into a MarkedDocument; syntax, tab, duplicate-key, empty-file and limit problems."""
    text, problems = _mend_full_width_colons(text, path)
    with _collection_paused():
        if _FAST_COMPOSE and not _may_hold_anchor_or_alias(text) and _most_values(text) <= file_limits().values:
            fast = _parse_fast(text, path, problems)
            if fast is not None:
                return fast
        return _parse(text, path, problems)


@contextmanager
def _collection_paused() -> Iterator[None]:
    """Tens of thousands of nodes and marks, none garbage yet: cyclic collection would only rescan them (and the
    whole heap of files loaded before)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


# libyaml composes nodes in C, several times faster than _Composer; without an anchor or an alias its nodes are
# those _Composer makes. An anchor (&name) or alias (*name) starts a token, so it follows a space, a line break or
# `[`, `{`, `,`: a `*` or `&` inside words ("**bold**", "a=4&b=5") is not one, and any other is taken for one. A file that fails in any way (syntax, a limit) is
# parsed again by _Composer, so every problem is found and placed as _Composer finds and places it.
_FAST_COMPOSE = BaseLoader is not yaml.SafeLoader
_ANCHOR_OR_ALIAS = re.compile(r"(?:^|[\s\[{,])[&*]", re.MULTILINE)


def _may_hold_anchor_or_alias(text: str) -> bool:
    # most files hold neither character: looking for them is far quicker than the expression, which tries every place
    return ("&" in text or "*" in text) and _ANCHOR_OR_ALIAS.search(text) is not None


def _most_values(text: str) -> int:
    """About the most values the text can hold without aliases (each takes an indicator: `- `, `: `, `,`, `[`, `{`,
    `? `), so that libyaml is not asked to compose a file that _Composer would stop partway into."""
    indicators = text.count(": ") + text.count(":\n") + text.count(":\r") + text.count(",") + text.count("[") + text.count("{") + text.count("? ")
    return 1 + 2 * indicators + text.count("- ") + text.count("-\n") + text.count("-\r")


def _parse_fast(text: str, path: Path, problems: list[Problem]) -> tuple[MarkedDocument | None, list[Problem]] | None:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, [*problems, _problem(path, Mark(1, 1), "SC005")]
        if "<<" not in text:
            lean = _LeanBuilder(loader)
            data = lean.build(node)
            if lean.values > lean.limits.values:
                return None
            return MarkedDocument(path, data, starts=lean.starts), problems
        document = MarkedDocument(path, None)
        found: list[Problem] = []
        document.data = _Builder(loader, document, found).build(node, ())
        return document, [*problems, *found]
    except (_Refused, _NotLean, yaml.YAMLError, RecursionError):
        return None
    finally:
        loader.dispose()


class _NotLean(Exception):
    """The file needs _Builder (or _Composer) to be judged: a limit, a duplicate or odd key, an unsupported tag."""


_STR_TAG = "tag:yaml.org,2002:str"


# Keys and short values repeat by the ten thousand in a big set (status, planned, a work item's id in every quarter,
# 進行中): each is kept once (sys.intern) rather than once per time libyaml reads it.
_SHORT = 24


class _LeanBuilder:
    """_Builder for the commonest file: no anchor, alias or merge key, no duplicate key, within the limits. It builds
    the same data and packs where each value and key starts (_Starts) instead of a mark by location, and gives up
    (_NotLean) at anything else, for _Builder to judge. Text is not counted: without aliases no value is longer
    than the file, which is within the text limit."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader
        self.starts = _Starts()
        self.limits = file_limits()

    @property
    def values(self) -> int:
        return len(self.starts.sizes)

    def build(self, root: yaml.Node) -> Any:
        # one closure per file, the commonest value (a scalar in a mapping) handled in the loop: a node is a call
        loader, most = self.loader, self.limits.values
        sizes = self.starts.sizes
        add_start, add_size = self.starts.packed.append, sizes.append
        scalar_node, mapping_node = yaml.ScalarNode, yaml.MappingNode

        def scalar(node: yaml.ScalarNode) -> Any:
            text = node.value
            if node.tag != _STR_TAG:
                return _scalar(loader, node)
            return intern(text) if len(text) <= _SHORT else text

        def value(node: yaml.Node, depth: int) -> Any:
            start: Any = node.start_mark
            add_start(start.line << _LINE_SHIFT | start.column)
            add_size(1)
            if node.__class__ is scalar_node:
                return scalar(node)
            rank = len(sizes) - 1
            if node.tag not in _PLAIN_COLLECTION_TAGS or depth > MAX_DEPTH or rank >= most:
                raise _NotLean
            result: dict[Any, Any] | list[Any]
            if node.__class__ is mapping_node:
                result = {}
                for key_node, value_node in node.value:
                    if key_node.__class__ is not scalar_node or key_node.tag == _MERGE_TAG:
                        raise _NotLean
                    key = intern(key_node.value) if key_node.tag == _STR_TAG else _scalar(loader, key_node)
                    if key in result:
                        raise _NotLean
                    start = key_node.start_mark
                    add_start(start.line << _LINE_SHIFT | start.column)
                    add_size(1)
                    if value_node.__class__ is scalar_node:
                        start = value_node.start_mark
                        add_start(start.line << _LINE_SHIFT | start.column)
                        add_size(1)
                        result[key] = scalar(value_node)
                    else:
                        result[key] = value(value_node, depth + 1)
            else:
                result = [value(item, depth + 1) for item in node.value]
            sizes[rank] = len(sizes) - rank
            return result

        return value(root, 1)


def _parse(text: str, path: Path, problems: list[Problem]) -> tuple[MarkedDocument | None, list[Problem]]:
    loader = _Loader(text)
    try:
        node = _Composer(loader, path).document()
        if node is None:
            return None, [*problems, _problem(path, Mark(1, 1), "SC005")]
        document = MarkedDocument(path, None)
        document.data = _Builder(loader, document, problems).build(node, ())
        return document, problems
    except _Refused as refused:
        return None, [*problems, refused.problem]
    except yaml.MarkedYAMLError as error:
        return None, [*problems, _syntax_problem(error, text, path)]
    except yaml.YAMLError as error:
        return None, [*problems, _problem(path, Mark(1, 1), "SC001", problem=str(error))]
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
    if error.problem == "exceeded maximum nesting depth":  # libyaml's own limit (1,000), met when it reads ahead on a line
        return _problem(path, Mark(line, column), "SC022", limit=MAX_DEPTH)
    problem = str(error.problem or error.context or error)
    kind = next((kind for start, kind in _SYNTAX_KINDS if problem.startswith(start)), None)
    if "alias" in str(error.context) and problem.startswith("did not find expected alphabetic"):
        kind = "alias"  # *補充: an alias name must be ASCII
    if kind == "unclosed" and "quoted" not in str(error.context):
        kind = None
    if kind in ("unclosed", "bracket") and error.context_mark is not None:  # where the quote or bracket opened, not where it ran out
        line, column = error.context_mark.line + 1, error.context_mark.column + 1
    return _problem(path, Mark(line, column), "SC001", problem=problem, **({"kind": kind} if kind else {}))


# PyYAML's commonest complaints, by the start of its message: each has a wording of its own (sixcore.messages)
_SYNTAX_KINDS = (
    ("mapping values are not allowed", "mapping_value"),
    ("could not find expected ':'", "no_colon"),
    ("did not find expected key", "indent"),
    ("did not find expected '-' indicator", "indent"),
    ("expected <block end>", "indent"),
    ("found undefined alias", "alias"),
    ("found unexpected end of stream", "unclosed"),
    ("found character that cannot start any token", "bad_start"),
    ("did not find expected ',' or ']'", "bracket"),
    ("did not find expected ',' or '}'", "bracket"),
)


def outside_repository(path: Path, root: Path) -> str | None:
    """Why `path` must not be read as a file of the repository at `root`, or None.

    Links are followed: a file (or a folder on its way) that leads out of the repository, or into its .git
    folder, is refused before it is opened, so nothing from there is ever printed.
    """
    real = Path(os.path.realpath(path))
    real_root = Path(os.path.realpath(root))
    if not real.is_relative_to(real_root):
        return "outside"
    if ".git" in real.relative_to(real_root).parts:
        return "git"
    return None


def read_limited(path: Path) -> tuple[bytes | None, list[Problem]]:
    """The bytes of a regular file within this run's file_bytes limit; a problem for anything else, without reading it."""
    most = file_limits().file_bytes
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            return None, [_problem(path, Mark(1, 1), "SC006", kind="not-file", reason="not a regular file")]
        if status.st_size > most:
            return None, [_problem(path, Mark(1, 1), "SC020", size=status.st_size, limit=most)]
        with path.open("rb") as handle:
            raw = handle.read(most + 1)
    except OSError as error:
        return None, [_problem(path, Mark(1, 1), "SC006", reason=error.strerror or str(error))]
    if len(raw) > most:  # grew since stat
        return None, [_problem(path, Mark(1, 1), "SC020", size=len(raw), limit=most)]
    return raw, []


def load_marked(path: Path, root: Path | None = None) -> tuple[MarkedDocument | None, list[Problem]]:
    """Read, decode and parse one YAML file; with `root`, only if it is a file of that repository."""
    if root is not None and (where := outside_repository(path, root)):
        return None, [_problem(path, Mark(1, 1), "SC008", kind=where)]
    raw, problems = read_limited(path)
    if raw is None:
        return None, problems
    text, problems = decode(raw, path)
    if text is None:
        return None, problems
    if not text.strip():
        return None, [_problem(path, Mark(1, 1), "SC005")]
    return parse_marked(text, path)
