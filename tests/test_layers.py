"""The package layers, read from the source: no import cycles between rashomon's
top-level packages, no SQL in the surfaces, a store that imports no stage, and a web
UI and report that share render/ rather than import each other.

Imports are read with ``ast`` (function-level imports included: they dodge a cycle at
import time but keep it in the design); imports under ``if TYPE_CHECKING`` are left
out, as they never run.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "rashomon"
SURFACES = ("cli", "web", "report", "render", "corpus")
STAGE_PACKAGES = {
    "ingest", "clean", "annotate", "dates", "quotes", "figures", "timeline", "framing",
    "entities", "stories", "conflicts", "compare", "briefing", "pipeline", "batch", "analyze",
    "runners",
}  # fmt: skip
SQL = re.compile(r"\b(?:SELECT|INSERT|UPDATE|DELETE)\b")
# Imports that still close a cycle, each waiting on a package this change may not edit.
# Listed edge by edge so any new cycle fails; delete an entry when its cycle is gone.
KNOWN_CYCLE_EDGES: set[tuple[str, str]] = set()


def unit(path: Path) -> str:
    """The top-level package (or module) of rashomon a file belongs to."""
    return path.relative_to(SRC).parts[0].removesuffix(".py")


def imported_units(tree: ast.AST) -> set[str]:
    type_only = {
        id(sub)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for sub in ast.walk(node)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            parts = node.module.split(".")
            if parts[0] == "rashomon":
                found |= {a.name for a in node.names} if len(parts) == 1 else {parts[1]}
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("rashomon.")}
    return found


def source_files() -> dict[Path, ast.AST]:
    return {path: ast.parse(path.read_text(encoding="utf-8")) for path in SRC.rglob("*.py")}


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for path, tree in source_files().items():
        edges.setdefault(unit(path), set()).update(imported_units(tree) - {unit(path)})
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one package (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while (member := stack.pop()) != node:
                group.append(member)
            if group:
                found.append(sorted([node, *group]))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_cycles_are_found():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles_between_top_level_packages(graph):
    pruned = {a: {b for b in bs if (a, b) not in KNOWN_CYCLE_EDGES} for a, bs in graph.items()}
    assert cycles(pruned) == []


def test_known_cycle_edges_still_exist(graph):
    # A cycle that is gone must leave the list, so the list never excuses a new one.
    assert {(a, b) for a, b in KNOWN_CYCLE_EDGES if b not in graph.get(a, set())} == set()


def test_surfaces_hold_no_sql():
    found = [
        f"{path.relative_to(SRC)}:{node.lineno}"
        for path, tree in source_files().items()
        if unit(path) in SURFACES
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value)
    ]
    assert found == []


def test_store_imports_no_stage_package(graph):
    allowed = {b for a, b in KNOWN_CYCLE_EDGES if a == "store"}
    assert graph["store"] & STAGE_PACKAGES <= allowed


def test_web_and_report_do_not_import_each_other(graph):
    assert "report" not in graph["web"]
    assert "web" not in graph["report"]
