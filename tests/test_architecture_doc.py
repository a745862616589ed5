"""docs/architecture.md must not go stale: its layer picture is the import-linter contract's,
every module, function and file it names exists, and each step of its two paths really leads
to the next (an import chain, or a call by name through an object handed in), so a renamed or
rerouted module fails here rather than misleading the next reader."""
from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path

import grimp
import pytest
import tomllib

REPO = Path(__file__).resolve().parents[1]
DOC = REPO / "docs" / "architecture.md"
LAYER_LINE = re.compile(r"^\s*(kiosk\.\w+(?:\s*\|\s*kiosk\.\w+)*)")
DOTTED = re.compile(r"\bkiosk(?:\.\w+)+")
FILE_PATH = re.compile(r"\bkiosk/[\w/]+\.py\b")
STEP = re.compile(r"^(\d+)\. (?:\(from (\d+)\) )?`(kiosk(?:\.\w+)+)`")


def doc_text() -> str:
    return DOC.read_text(encoding="utf-8")


def section(title: str) -> str:
    """The text under a `## title` heading, up to the next one."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", doc_text(), re.S | re.M)
    assert match, f"docs/architecture.md has no '## {title}' section"
    return match.group(1)


def resolve(dotted: str):
    """The module, class or function a dotted name names (the longest importable prefix, then
    attributes); AssertionError saying which part is missing."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for i, attr in enumerate(parts[cut:], start=cut):
            assert hasattr(obj, attr), f"{'.'.join(parts[:i])} has no {attr} (named as {dotted})"
            obj = getattr(obj, attr)
        return obj
    raise AssertionError(f"{dotted}: no such module")


def module_of(dotted: str) -> str:
    obj = resolve(dotted)
    return obj.__name__ if inspect.ismodule(obj) else obj.__module__


def steps(title: str) -> list[tuple[str, str]]:
    """(caller, callee) of every step of a path: the caller is the step named by "(from N)", else
    the step before."""
    named: dict[int, str] = {}
    pairs = []
    for line in section(title).splitlines():
        match = STEP.match(line)
        if not match:
            continue
        number, caller, name = int(match.group(1)), match.group(2), match.group(3)
        assert number == len(named) + 1, f"{title}: step {number} out of order"
        if named:
            pairs.append((named[int(caller)] if caller else named[number - 1], name))
        named[number] = name
    assert len(pairs) >= 5, f"{title}: too few steps found"
    return pairs


def test_layer_picture_is_the_contract():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    contract = next(c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers")
    expected = [sorted(p.strip() for p in layer.split("|")) for layer in contract["layers"]]
    picture = re.search(r"```text\n(.*?)```", section("Layers"), re.S)
    assert picture, "the Layers section has no text picture"
    drawn = [sorted(p.strip() for p in m.group(1).split("|"))
             for m in map(LAYER_LINE.match, picture.group(1).splitlines()) if m]
    assert drawn == expected


def test_named_files_exist():
    paths = set(FILE_PATH.findall(doc_text()))
    assert paths, "the page names no kiosk/ file"
    missing = sorted(p for p in paths if not (REPO / p).is_file())
    assert not missing, missing


@pytest.mark.parametrize("dotted", sorted(set(DOTTED.findall(doc_text()))))
def test_named_module_or_function_exists(dotted):
    resolve(dotted)


@pytest.mark.parametrize("title", ["The path of one camera frame", "The path of one enrolment"])
def test_each_step_leads_to_the_next(title):
    graph = grimp.build_graph("kiosk")
    broken = []
    for caller, callee in steps(title):
        source = inspect.getsource(resolve(caller))
        name = callee.rsplit(".", 1)[1]
        calls = re.search(rf"\.{name}\b|\b{name}\(", source) is not None
        before, after = module_of(caller), module_of(callee)
        imports = before != after and graph.chain_exists(importer=before, imported=after)
        if not (calls or imports):
            broken.append(f"{caller} neither imports {after} nor calls {name}")
    assert not broken, broken
