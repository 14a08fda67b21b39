"""The marked YAML loader: positions for every value, and clear problems instead of crashes."""

from __future__ import annotations

from pathlib import Path

from sixcore.load import marked
from sixcore.load.marked import Mark, load_marked, parse_marked


def codes(problems):
    return [(p.line, p.column, p.code) for p in problems]


def test_positions_of_values_and_keys():
    document, problems = parse_marked("a: 1\nb:\n  - x: 2\n    y: [1, 2]\n", Path("t.yaml"))
    assert problems == []
    assert document.data == {"a": 1, "b": [{"x": 2, "y": [1, 2]}]}
    # lines and columns counted by hand from the text above
    assert document.locate(("b", 0, "y", 1)) == Mark(4, 12)
    assert document.locate(("b", 0, "y")) == Mark(4, 8)
    assert document.locate(("b", 0, "y"), prefer_key=True) == Mark(4, 5)
    assert document.locate(("b", 0, "missing")) == Mark(3, 5)  # nearest existing ancestor: the mapping at "- x"
    assert document.locate(("b", 0, "missing"), prefer_key=True) == Mark(3, 5)  # a list item has no key
    assert document.locate(("b", 0, "x", "deeper"), prefer_key=True) == Mark(3, 5)  # the key "x" of the nearest ancestor
    assert document.locate(("b", 3)) == Mark(3, 3)  # no fourth item: the list
    assert document.locate(("a",)) == Mark(1, 4)
    assert document.locate(()) == Mark(1, 1)


def test_fast_path_marks_agree_with_the_composer_on_every_value_of_real_files(demo: Path):
    """The fast path packs where values start and finds a location by counting; _Composer and _Builder keep a mark
    per location. Both must place every value and key of the plan's and the synthetic set's files alike."""
    files = [demo / "plan" / "industries" / "1-digital.yaml", demo / "plan" / "kpis" / "4-defense-space.yaml",
             *sorted((demo / "status" / "113Q2").glob("*.yaml"))[:3]]
    assert len(files) == 5
    for path in files:
        text = path.read_text(encoding="utf-8")
        lean, problems = marked.parse_marked(text, path)
        eager, eager_problems = marked._parse(text, path, [])
        assert lean is not None and eager is not None and problems == eager_problems == []
        assert lean._starts is not None and not lean.values  # the fast path was taken
        assert lean.data == eager.data
        assert len(eager.values) > 20
        for location, mark in eager.values.items():
            assert lean.locate(location) == mark, (path.name, location)
        for location, mark in eager.keys.items():
            assert lean.locate(location, prefer_key=True) == mark, (path.name, location)
            assert lean.locate((*location, "no such key"), prefer_key=True) == mark, (path.name, location)


def test_duplicate_key_is_an_error_at_the_second_key():
    document, problems = parse_marked("a: 1\nb: 2\na: 3\n", Path("t.yaml"))
    assert codes(problems) == [(3, 1, "SC002")]
    assert problems[0].params == {"key": "a", "first_line": 1}
    assert document.data["a"] == 1  # the first value is kept, not silently replaced


def test_nested_duplicate_key():
    _, problems = parse_marked("items:\n  - number: '1'\n    number: '2'\n", Path("t.yaml"))
    assert codes(problems) == [(3, 5, "SC002")]


def test_tab_indentation():
    _, problems = parse_marked("a:\n\t- b\n", Path("t.yaml"))
    assert codes(problems) == [(2, 1, "SC004")]


def test_syntax_error_points_at_the_line():
    _, problems = parse_marked("a: [1, 2\nb: 3\n", Path("t.yaml"))
    assert [p.code for p in problems] == ["SC001"] and (problems[0].line, problems[0].column) == (1, 4)  # where [ opens


def test_empty_and_comment_only_files(tmp_path):
    empty = tmp_path / "empty.yaml"
    empty.write_text("")
    comments = tmp_path / "comments.yaml"
    comments.write_text("# nothing yet\n")
    assert [p.code for p in load_marked(empty)[1]] == ["SC005"]
    assert [p.code for p in load_marked(comments)[1]] == ["SC005"]


def test_wrong_encoding_names_the_line(tmp_path):
    path = tmp_path / "big5.yaml"
    path.write_bytes("a: ok\nb: 經濟部\n".encode("big5"))
    document, problems = load_marked(path)
    assert document is None
    assert codes(problems) == [(2, 4, "SC003")]


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffa: 經濟部\n".encode("utf-8"))
    document, problems = load_marked(path)
    assert problems == [] and document.data == {"a": "經濟部"}


def test_unsafe_tags_are_refused():
    _, problems = parse_marked("a: !!python/object/apply:os.system ['true']\n", Path("t.yaml"))
    assert [p.code for p in problems] == ["SC001"]


def test_missing_file(tmp_path):
    assert [p.code for p in load_marked(tmp_path / "nope.yaml")[1]] == ["SC006"]
