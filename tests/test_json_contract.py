"""Every --json output follows the contract in taiwan_reader_index.cli.views (and the
README): JSON Lines, one object per input, each with "version": 1 and its kind."""

from __future__ import annotations

import json
import types
import typing
from typing import Any, Literal, get_args, get_origin, get_type_hints

import pytest

from taiwan_reader_index.cli import main
from taiwan_reader_index.cli.views import VERSION, VIEWS

A, B = "000_3bf5df8f19705213", "001_e255d4f75bd2254b"


def conforms(value: Any, kind: Any, where: str = "$") -> list[str]:
    """Where ``value`` breaks the type ``kind`` (a TypedDict, list, dict, union, literal...)."""
    origin = get_origin(kind)
    if typing.is_typeddict(kind):
        if not isinstance(value, dict):
            return [f"{where}: not an object"]
        hints = get_type_hints(kind)
        problems = [f"{where}: missing {k}" for k in hints if k not in value]
        problems += [f"{where}: unexpected {k}" for k in value if k not in hints]
        for key, hint in hints.items():
            if key in value:
                problems += conforms(value[key], hint, f"{where}.{key}")
        return problems
    if origin is Literal:
        return [] if value in get_args(kind) else [f"{where}: {value!r} not in {get_args(kind)}"]
    if origin in (typing.Union, types.UnionType):
        options = [conforms(value, option, where) for option in get_args(kind)]
        return [] if any(not o for o in options) else options[0]
    if origin is list:
        if not isinstance(value, list):
            return [f"{where}: not a list"]
        return [p for i, item in enumerate(value) for p in conforms(item, get_args(kind)[0],
                                                                    f"{where}[{i}]")]
    if origin is dict:
        if not isinstance(value, dict):
            return [f"{where}: not an object"]
        return [p for k, item in value.items() for p in conforms(item, get_args(kind)[1],
                                                                 f"{where}.{k}")]
    if kind is type(None):
        return [] if value is None else [f"{where}: not null"]
    if kind is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    else:
        ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
    return [] if ok else [f"{where}: {value!r} is not {kind.__name__}"]


@pytest.mark.parametrize(("args", "kind", "lines"), [
    (["search", "taiwan", "--facets"], "search", 1),
    (["search", "nosuchwordanywhere"], "search", 1),
    (["show", A], "article", 1),
    (["entities", A, B], "entities", 2),
    (["compare", A, B], "comparison", 1),
    (["quotes", A], "quotes", 1),
])
def test_each_command_prints_json_lines_that_follow_the_contract(capsys, seeds, args, kind,
                                                                  lines):
    assert main([*args, "--json", "--corpus", str(seeds)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == lines  # one object per input, one per line
    for line in out:
        data = json.loads(line)
        assert data["version"] == VERSION == 1 and data["kind"] == kind
        assert conforms(data, VIEWS[kind]) == []


def test_the_checker_catches_a_broken_object():
    broken = {"version": 1, "kind": "search", "query": "q", "total": "2", "suggestion": None,
              "hits": [{"id": "x"}], "extra": 1}
    problems = conforms(broken, VIEWS["search"])
    assert "$: missing facets" in problems and "$: unexpected extra" in problems
    assert "$.total: '2' is not int" in problems and "$.hits[0]: missing title" in problems


def test_json_never_carries_raw_terminal_controls(capsys, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "odd.md").write_text("---\ntitle: \"Odd \\u202e title \\u009b2J\"\n---\n"
                                   "The quokka report.\n", encoding="utf-8")
    assert main(["search", "quokka", "--json", "--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert "\u202e" not in out and "\u009b" not in out
    assert json.loads(out)["hits"][0]["title"] == "Odd \u202e title \u009b2J"
