"""The marked loader against hostile and odd input: limits, merge keys, aliases, encodings, links (issue #16)."""

from __future__ import annotations

import os
import re
import resource
import time
from pathlib import Path

import pytest

from sixcore.load.limits import MAX_DEPTH, MAX_FILE_BYTES, MAX_TEXT, MAX_VALUES
from sixcore.load.marked import Mark, load_marked, outside_repository, parse_marked, position
from sixcore.messages import CATALOG, VARIANTS, Lang, describe, hint
from sixcore.problem import Problem, Severity, limit_per_file

T = Path("t.yaml")


def found(problems):
    return [(p.line, p.column, p.code, p.params.get("kind")) for p in problems]


def billion_laughs(levels: int = 9) -> str:
    lines = ['a0: &a0 "lol"']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


# --- merge keys: accepted as PyYAML reads them, an override is no duplicate, marks where the text is ---------

MERGED = """\
base: &base
  status: 進行中
  planned: 50
  actual: 50
item:
  <<: *base
  planned: 60
"""


def test_a_merge_key_with_an_override_is_no_duplicate():
    document, problems = parse_marked(MERGED, T)
    assert problems == []
    assert document.data["item"] == {"status": "進行中", "planned": 60, "actual": 50}
    assert document.values[("item", "planned")] == Mark(7, 12)  # the override, where it is written
    assert document.keys[("item", "status")] == Mark(2, 3)  # a merged key: where it is written, in the anchor
    assert document.values[("item", "actual")] == Mark(4, 11)


def test_an_earlier_merged_mapping_wins_over_a_later_one():
    document, problems = parse_marked("a: &a {x: 1}\nb: &b {x: 2, y: 2}\nc: {<<: [*a, *b]}\n", T)
    assert problems == [] and document.data["c"] == {"x": 1, "y": 2}
    assert document.values[("c", "x")] == Mark(1, 11)


def test_merges_of_merges_and_inline_merges():
    document, problems = parse_marked("a: &a {x: 1}\nb: &b {<<: *a, y: 2}\nc: {<<: *b, z: 3}\nd: {<<: {w: 4}}\n", T)
    assert problems == [] and document.data["c"] == {"z": 3, "y": 2, "x": 1} and document.data["d"] == {"w": 4}


def test_a_key_written_twice_beside_a_merge_is_still_a_duplicate():
    _, problems = parse_marked("a: &a {x: 1}\nb:\n  <<: *a\n  x: 2\n  x: 3\n", T)
    assert [(p.line, p.column, p.code, p.params) for p in problems] == [(5, 3, "SC002", {"key": "x", "first_line": 4})]


def test_two_merge_keys_in_one_mapping():
    _, problems = parse_marked("a: &a {x: 1}\nb:\n  <<: *a\n  <<: *a\n", T)
    assert found(problems) == [(4, 3, "SC002", None)]


@pytest.mark.parametrize("text, line, column", [("b:\n  <<: 5\n", 2, 7), ("a: &a 1\nb: {<<: [*a]}\n", 2, 10), ("b: {<<: [{x: 1}, 3]}\n", 1, 18)])
def test_a_merge_key_needs_mappings(text, line, column):
    document, problems = parse_marked(text, T)
    assert document is None and found(problems) == [(line, column, "SC001", "merge")]


def test_a_merge_bomb_is_cheap():
    lines = ["a0: &a0 {x: 1}"] + [f"a{i}: &a{i} {{<<: [" + ", ".join([f"*a{i - 1}"] * 9) + f"], k{i}: {i}}}" for i in range(1, 10)]
    started = time.perf_counter()
    document, problems = parse_marked("\n".join(lines) + "\n", T)
    assert problems == [] and document.data["a9"]["x"] == 1 and len(document.data["a9"]) == 10
    assert time.perf_counter() - started < 1


# --- aliases: located at the alias; expansion counted ---------------------------------------------------------

def test_an_aliased_value_is_located_at_the_alias_and_its_inside_at_the_anchor():
    document, problems = parse_marked("a: &x {k: 1}\nb: *x\n", T)
    assert problems == [] and document.data["b"] == {"k": 1}
    assert document.values[("b",)] == Mark(2, 4)
    assert document.values[("b", "k")] == Mark(1, 11)


def test_the_alias_bomb_is_refused_at_an_alias_quickly_and_small():
    text = billion_laughs()
    assert len(text.encode()) < 1024
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    document, problems = parse_marked(text, T)
    assert time.perf_counter() - started < 2
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200_000  # KB
    assert document is None
    [problem] = problems
    assert (problem.code, problem.params["kind"], problem.params["limit"]) == ("SC021", "alias", MAX_VALUES)
    line = text.splitlines()[problem.line - 1]
    assert line[problem.column - 1] == "*" and line[problem.column:].startswith(problem.params["alias"])


def test_text_repeated_through_aliases_is_bounded():
    count = MAX_TEXT // 100_000 + 1
    text = "t: &t " + "y" * 100_000 + "\nl: [" + ", ".join(["*t"] * count) + "]\n"
    document, problems = parse_marked(text, T)
    assert document is None and found(problems)[0][2:] == ("SC021", "text")
    assert problems[0].line == 2


def test_an_alias_inside_what_it_names():
    document, problems = parse_marked("a: &a [1, *a]\n", T)
    assert document is None and found(problems) == [(1, 11, "SC021", "loop")] and problems[0].params["alias"] == "a"


def test_too_many_values_without_aliases_is_refused_where_the_limit_is_passed():
    text = "l: [" + "0," * MAX_VALUES + "]\n"
    document, problems = parse_marked(text, T)
    assert document is None and [(p.line, p.code, p.params["kind"]) for p in problems] == [(1, "SC021", "values")]


def test_just_under_the_value_limit_is_read():
    document, problems = parse_marked("l: [" + "0," * (MAX_VALUES - 3) + "]\n", T)
    assert problems == [] and len(document.data["l"]) == MAX_VALUES - 3


@pytest.mark.parametrize("text, line, column", [
    ("a: " + "{a: " * 10_000 + "}" * 10_000 + "\n", 1, 4 * MAX_DEPTH),
    ("a:\n" + "".join(" " * level + "- \n" for level in range(10_000)), MAX_DEPTH + 1, MAX_DEPTH),
    ("a:\n" + "- " * 10_000 + "x\n", 2, 2 * MAX_DEPTH - 1),
    # libyaml, reading ahead on the line for a key, stops at its own 1,000 levels; PyYAML's Python parser does not
    ("a: " + "[" * 10_000 + "]" * 10_000 + "\n", 1, (1003, 3 + MAX_DEPTH)),
])
def test_deep_nesting_is_refused(text, line, column):
    document, problems = parse_marked(text, T)
    assert document is None and [(p.line, p.code) for p in problems] == [(line, "SC022")]
    assert problems[0].column in (column if isinstance(column, tuple) else (column,))


def test_deep_nesting_through_aliases():
    lines = ["a0: &a0 [x]"] + [f"a{i}: &a{i} [*a{i - 1}]" for i in range(1, MAX_DEPTH + 5)]
    document, problems = parse_marked("\n".join(lines) + "\n", T)
    assert document is None and [p.code for p in problems] == ["SC022"] and "alias" in problems[0].params


def test_a_long_chain_of_merges_is_read_once_each():
    lines = ["a0: &a0 {x: 0}"] + [f"a{i}: &a{i} {{<<: *a{i - 1}, k{i}: {i}}}" for i in range(1, 100)]
    document, problems = parse_marked("\n".join(lines) + "\n", T)
    assert problems == [] and len(document.data["a99"]) == 100


# --- scalars PyYAML would crash on ---------------------------------------------------------------------------

def test_scalars_that_cannot_be_converted_stay_text():
    document, problems = parse_marked("d: 2024-13-45\nn: " + "9" * 5000 + "\ne: =\nz: 2001-12-14t21:59:43.10+99:00\n", T)
    assert problems == []
    assert document.data == {"d": "2024-13-45", "n": "9" * 5000, "e": "=", "z": "2001-12-14t21:59:43.10+99:00"}


def test_unsafe_tags_and_other_documents_are_refused_with_a_place():
    assert found(parse_marked("a: 1\nb: !!python/name:os.system x\n", T)[1]) == [(2, 4, "SC001", None)]
    assert found(parse_marked("a: 1\n---\nb: 2\n", T)[1]) == [(2, 1, "SC001", None)]
    assert found(parse_marked("a: *nope\n", T)[1]) == [(1, 4, "SC001", "alias")]  # explained: text starting with *


# --- encodings: located at their line and column ---------------------------------------------------------------

def write(tmp_path: Path, data: bytes, name: str = "f.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("data, line, column, kind, char", [
    (b"a: 1\nb: 2\nsummary: a\0b\0\n", 3, 11, "nul", "U+0000"),
    ("a: 1\nb: 經濟部\x07\n".encode(), 2, 7, "control", "U+0007"),
    (b"a: 1\r\nb: 2\r\nc: \x1b[31m\r\n", 3, 4, "control", "U+001B"),
    ("a: 1\rb: \x80\n".encode(), 2, 4, "control", "U+0080"),
    ("q: 1\n".encode("utf-16-le"), 1, 2, "nul", "U+0000"),
])
def test_control_characters_are_located(tmp_path, data, line, column, kind, char):
    document, problems = load_marked(write(tmp_path, data))
    assert document is None and found(problems) == [(line, column, "SC003", kind)] and problems[0].params["char"] == char


def test_invalid_utf8_is_located_in_characters_and_counted(tmp_path):
    document, problems = load_marked(write(tmp_path, "a: 1\nb: 經濟部".encode() + b"\xff\xfe ok \xc3\n"))
    assert document is None and found(problems) == [(2, 7, "SC003", "utf8")] and problems[0].params["count"] == 3


def test_utf16_with_a_bom(tmp_path):
    assert found(load_marked(write(tmp_path, "a: 1\n".encode("utf-16")))[1]) == [(1, 1, "SC003", "utf16")]


def test_allowed_characters_pass(tmp_path):
    document, problems = load_marked(write(tmp_path, "\ufeffa: \"tab\there\"\r\nb: 經濟部 ﬀ 😀\r\n".encode()))
    assert problems == [] and document.data == {"a": "tab\there", "b": "經濟部 ﬀ 😀"}


def test_position_counts_yaml_line_breaks():
    assert position("a\r\nb\rc\nd", 7) == Mark(4, 1)
    assert position("ab", 1) == Mark(1, 2)


# --- files: size, kind, place ---------------------------------------------------------------------------------

def test_a_file_over_the_size_limit_is_not_read(tmp_path):
    path = write(tmp_path, b"a: 1\n" + b"#" * MAX_FILE_BYTES)
    assert [(p.code, p.params) for p in load_marked(path)[1]] == [("SC020", {"size": MAX_FILE_BYTES + 5, "limit": MAX_FILE_BYTES})]
    at_limit = write(tmp_path, b"a: 1\n" + b"#" * (MAX_FILE_BYTES - 5), "ok.yaml")
    assert load_marked(at_limit)[1] == []


def test_folders_and_pipes_are_not_files(tmp_path):
    (tmp_path / "dir.yaml").mkdir()
    os.mkfifo(tmp_path / "pipe.yaml")  # opening it would wait for a writer for ever
    for name in ("dir.yaml", "pipe.yaml"):
        assert found(load_marked(tmp_path / name)[1]) == [(1, 1, "SC006", "not-file")]


def test_links_out_of_the_repository_are_refused_unread(tmp_path):
    root, outside = tmp_path / "repo", tmp_path / "elsewhere"
    (root / "status" / "113Q2").mkdir(parents=True)
    (root / ".git").mkdir()
    outside.mkdir()
    (outside / "secret.yaml").write_text("secret_token: hunter2\n")
    (root / ".git" / "config").write_text("token: hunter2\n")
    (root / "status" / "113Q2" / "real.yaml").write_text("a: 1\n")
    links = {
        "status/113Q2/out.yaml": outside / "secret.yaml",
        "status/113Q2/git.yaml": root / ".git" / "config",
        "status/113Q2/in.yaml": Path("real.yaml"),
        "status/113Q1": outside,
    }
    for name, target in links.items():
        (root / name).symlink_to(target)
    assert outside_repository(root / "status/113Q2/out.yaml", root) == "outside"
    assert outside_repository(root / "status/113Q2/git.yaml", root) == "git"
    assert outside_repository(root / "status/113Q1/secret.yaml", root) == "outside"  # a linked folder
    assert outside_repository(root / "status/113Q2/in.yaml", root) is None
    for name in ("status/113Q2/out.yaml", "status/113Q2/git.yaml", "status/113Q1/secret.yaml"):
        document, problems = load_marked(root / name, root)
        assert document is None and [p.code for p in problems] == ["SC008"]
        assert "hunter2" not in repr(problems)
    assert load_marked(root / "status/113Q2/in.yaml", root)[0].data == {"a": 1}


def test_a_link_loop_is_unreadable_not_a_crash(tmp_path):
    (tmp_path / "a.yaml").symlink_to("b.yaml")
    (tmp_path / "b.yaml").symlink_to("a.yaml")
    assert [p.code for p in load_marked(tmp_path / "a.yaml", tmp_path)[1]] == ["SC006"]


# --- problems per file, and the words for every new problem ---------------------------------------------------

def test_problems_beyond_the_limit_are_counted_in_one_line():
    path = Path("status/113Q2/x.yaml")
    many = [Problem(path, line, 1, "SC302", Severity.WARNING) for line in range(1, 8)]
    many += [Problem(path, 9, 1, "SC010", Severity.ERROR), Problem(Path("other.yaml"), 1, 1, "SC010")]
    kept = limit_per_file(many, 3)
    assert [(str(p.path), p.line, p.code, p.severity.value) for p in kept] == [
        ("other.yaml", 1, "SC010", "error"),
        ("status/113Q2/x.yaml", 1, "SC302", "warning"),
        ("status/113Q2/x.yaml", 2, "SC302", "warning"),
        ("status/113Q2/x.yaml", 3, "SC023", "warning"),  # the worst of those left out, at the first of them
        ("status/113Q2/x.yaml", 9, "SC010", "error"),  # errors are listed first
    ]
    assert kept[3].params == {"count": 5, "limit": 3}


NEW_PROBLEMS = [
    Problem(T, 1, 1, "SC001", params={"kind": "merge"}),
    *(Problem(T, 1, 1, "SC003", params={"kind": kind, "char": "U+0000", "count": 2}) for kind in ("utf16", "utf8", "nul", "control")),
    Problem(T, 1, 1, "SC006", params={"kind": "not-file", "reason": "not a regular file"}),
    Problem(T, 1, 1, "SC006", params={"reason": "Permission denied"}),
    *(Problem(T, 1, 1, "SC008", params={"kind": kind}) for kind in ("outside", "git")),
    Problem(T, 1, 1, "SC020", params={"size": 52_428_800, "limit": MAX_FILE_BYTES}),
    *(Problem(T, 1, 1, "SC021", params={"kind": kind, "alias": "a5", "limit": MAX_VALUES}) for kind in ("values", "alias", "text", "loop")),
    Problem(T, 1, 1, "SC022", params={"limit": MAX_DEPTH}),
    Problem(T, 1, 1, "SC023", params={"count": 48_000, "limit": 1000}),
]


@pytest.mark.parametrize("problem", NEW_PROBLEMS, ids=lambda p: f"{p.code}-{p.params.get('kind', '')}")
@pytest.mark.parametrize("lang", list(Lang))
def test_every_new_problem_has_words_and_a_hint(problem, lang):
    text, advice = describe(problem, lang), hint(problem, lang)
    assert text and advice and not re.search(r"\{\w*\}", text + advice)  # every placeholder filled
    assert problem.code in CATALOG
    if "kind" in problem.params and (problem.code, problem.params["kind"]) not in VARIANTS:
        assert problem.params["kind"] in ("outside", "values")  # the code's own wording
    if problem.code == "SC006" and "kind" not in problem.params:
        assert "Permission denied" in text  # the reason is shown (it was overwritten by a date reason before)


def test_parsing_leaves_garbage_collection_as_it_was():
    import gc

    assert gc.isenabled()
    parse_marked("a: [1, 2]\n", T)
    parse_marked("a: *nope\n", T)
    assert gc.isenabled()
