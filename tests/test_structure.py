"""The shape of the code: no import cycles inside app/, no mixins, small modules.

Imports are read from the source (ast), so imports inside functions and under
``if TYPE_CHECKING:`` count as much as those at the top.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

APP = ROOT / "app"
MAX_LINES = 400


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def app_modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(APP.rglob("*.py"))}


def imports_of(path: Path, name: str, modules: dict[str, Path]) -> set[str]:
    """The app modules ``path`` (the module ``name``) imports, anywhere in the file."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            # "from app.ui import settings" imports the module app.ui.settings
            names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                     for alias in node.names]
        else:
            continue
        found.update(name for name in names if name in modules)
    found.discard(name)
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    result: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return result


def import_graph() -> dict[str, set[str]]:
    modules = app_modules()
    graph = {name: imports_of(path, name, modules) for name, path in modules.items()}
    # A package's __init__ is imported with each of its modules; it may import
    # them back (re-exports) without that being a cycle between modules.
    for name in graph:
        graph[name] = {t for t in graph[name] if not name.startswith(t + ".")}
    return graph


def test_no_import_cycle_inside_app() -> None:
    assert cycles(import_graph()) == []


def test_the_cycle_finder_sees_cycles_also_in_functions_and_type_checking(
        tmp_path: Path) -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    modules = {"app.x": tmp_path / "x.py", "app.y": tmp_path / "y.py"}
    source = ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from app.y import Y\n"
              "def f():\n    import app.y\n")
    (tmp_path / "x.py").write_text(source)
    assert imports_of(tmp_path / "x.py", "app.x", modules) == {"app.y"}


def test_the_window_imports_its_parts_and_nothing_imports_the_window() -> None:
    graph = import_graph()
    assert {"app.ui.document_controller", "app.ui.annotation_editor",
            "app.ui.export_service"} <= graph["app.ui.main_window"]
    importers = [name for name, targets in graph.items() if "app.ui.main_window" in targets]
    assert importers == ["app.ui.application"]


def test_no_mixins() -> None:
    for path in APP.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                assert not node.name.endswith("Mixin"), f"{path}: {node.name}"
                # One base at most (besides typing's Generic/Protocol): parts are
                # composed, not inherited.
                bases = [ast.unparse(b) for b in node.bases]
                assert len([b for b in bases if not b.startswith(("Generic", "Protocol"))]) \
                    <= 1, f"{path}: {node.name}({', '.join(bases)})"


def test_no_module_over_400_lines() -> None:
    long = {str(p.relative_to(ROOT)): n for p in APP.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}
