"""The package's import structure: floors as in marketingtext/architecture.py, no cycles, short modules."""

from __future__ import annotations

import ast
from pathlib import Path

from marketingtext.architecture import LAYERS

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "marketingtext"
FLOOR = {module: floor for floor, (_, modules) in enumerate(LAYERS.items()) for module in modules}
MAX_LINES = 300


def module_name(path: Path, package: Path = PACKAGE) -> str:
    """``reading`` for reading.py; a subpackage's modules belong to the subpackage (``formats``)."""
    return path.relative_to(package).with_suffix("").parts[0]


def imported_modules(path: Path, package: Path = PACKAGE) -> set[str]:
    """Package modules imported anywhere in the file (top level, functions, TYPE_CHECKING blocks)."""
    depth = len(path.relative_to(package).parts)  # 1 for a top-level module, 2 inside a subpackage
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            if node.level == depth and node.module:  # from .x import y, or ..x from a subpackage
                found.add(node.module.split(".")[0])
            elif node.level == depth:  # from . import x, y
                found.update(alias.name for alias in node.names)
            elif node.level < depth:  # inside a subpackage: its own modules
                found.add(module_name(path, package))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("marketingtext."):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("marketingtext."))
    return found - {module_name(path, package)}


def import_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        if module_name(path) != "architecture":
            graph.setdefault(module_name(path), set()).update(imported_modules(path))
    return graph


def test_every_module_has_a_floor():
    assert set(import_graph()) - set(FLOOR) == set()


def upward_imports(graph: dict[str, set[str]]) -> list[str]:
    return [f"{module} (floor {FLOOR[module] + 1}) imports {target} (floor {FLOOR[target] + 1})"
            for module, targets in sorted(graph.items()) for target in sorted(targets)
            if FLOOR[target] > FLOOR[module]]


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    state: dict[str, str] = {}

    def visit(module: str, trail: list[str]) -> list[str] | None:
        state[module] = "open"
        for target in sorted(graph.get(module, ())):
            if state.get(target) == "open":
                return [*trail, module, target]
            if target not in state and (cycle := visit(target, [*trail, module])):
                return cycle
        state[module] = "done"
        return None

    return [cycle for module in sorted(graph) if module not in state and (cycle := visit(module, []))]


def test_no_import_from_a_higher_floor():
    assert upward_imports(import_graph()) == []


def test_no_import_cycle():
    assert find_cycles(import_graph()) == []


def test_the_checks_catch_an_upward_import_and_a_cycle():
    graph = {"stats": {"corpus"}, "corpus": {"stats"}, "words": set()}
    assert upward_imports(graph) == ["stats (floor 1) imports corpus (floor 7)"]
    assert find_cycles(graph) == [["corpus", "stats", "corpus"]]


def test_imports_are_read_from_functions_and_subpackages(tmp_path):
    fake = tmp_path / "marketingtext"
    (fake / "formats").mkdir(parents=True)
    (fake / "stats.py").write_text("def f():\n    from .corpus import load\n")
    (fake / "formats" / "pdf.py").write_text("from ..reading import x\nfrom . import docx\n")
    assert imported_modules(fake / "stats.py", fake) == {"corpus"}
    assert imported_modules(fake / "formats" / "pdf.py", fake) == {"reading"}


def test_long_modules_say_what_their_one_job_is():
    too_long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").count("\n")
        docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        if lines > MAX_LINES and "One job:" not in docstring:
            too_long.append(f"{path.name}: {lines} lines")
    assert too_long == []
