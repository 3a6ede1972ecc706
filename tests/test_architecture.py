"""The package's import structure: floors as in marketingtext/architecture.py, no cycles, short modules, small rooms."""

from __future__ import annotations

import ast
from pathlib import Path

from marketingtext.architecture import LAYERS

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "marketingtext"
FLOOR = {room: floor for floor, (_, rooms) in enumerate(LAYERS.items()) for room in rooms}
MAX_LINES = 300
MAX_TOP_MODULES = 6
MAX_MODULES_PER_SUBPACKAGE = 12


def dotted(path: Path, package: Path = PACKAGE) -> str:
    """``marketingtext.reading.decode`` for reading/decode.py; a package's ``__init__`` is the package."""
    parts = path.relative_to(package).with_suffix("").parts
    return ".".join(["marketingtext", *(parts[:-1] if parts[-1] == "__init__" else parts)])


def room(path: Path, package: Path = PACKAGE) -> str:
    """The floor plan's unit: the subpackage a module lives in (``reading``), or the top-level module (``cli``)."""
    return path.relative_to(package).with_suffix("").parts[0]


def as_module(name: str, package: Path) -> str:
    """The dotted name cut to the module that exists (``from .x import y`` names an attribute ``y`` of x)."""
    parts = name.split(".")[1:]
    while parts and not ((package.joinpath(*parts).with_suffix(".py")).exists() or package.joinpath(*parts).is_dir()):
        parts.pop()
    return ".".join(["marketingtext", *parts])


def imports_of(path: Path, package: Path = PACKAGE) -> set[str]:
    """Package modules (dotted) imported anywhere in the file (top level, functions, TYPE_CHECKING blocks)."""
    own = dotted(path, package)
    own_package = own if path.name == "__init__.py" else own.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = own_package.split(".")
            base = ".".join(base[: len(base) - (node.level - 1)])
            if node.module:
                found.add(f"{base}.{node.module}")
            found.update(f"{base}.{alias.name}" for alias in node.names if not node.module)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("marketingtext."):
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("marketingtext."))
    return {as_module(name, package) for name in found} - {own, "marketingtext"}


def imported_rooms(path: Path, package: Path = PACKAGE) -> set[str]:
    return {name.split(".")[1] for name in imports_of(path, package)} - {room(path, package)}


def package_files(package: Path = PACKAGE) -> list[Path]:
    return [path for path in sorted(package.rglob("*.py")) if room(path, package) != "architecture"]


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in package_files(package):
        graph.setdefault(room(path, package), set()).update(imported_rooms(path, package))
    return graph


def module_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Module to module, inside subpackages too (a package's ``__init__`` imports its modules lazily or not at all)."""
    return {dotted(path, package): imports_of(path, package) for path in package_files(package)}


def test_every_room_has_a_floor():
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


def test_no_import_cycle_between_rooms_or_modules():
    assert find_cycles(import_graph()) == []
    assert find_cycles(module_graph()) == []


def test_the_checks_catch_an_upward_import_and_a_cycle():
    graph = {"language": {"corpus"}, "corpus": {"language"}, "core": set()}
    assert upward_imports(graph) == ["language (floor 2) imports corpus (floor 9)"]
    assert find_cycles(graph) == [["corpus", "language", "corpus"]]


def test_imports_are_read_from_functions_and_subpackages(tmp_path):
    fake = tmp_path / "marketingtext"
    (fake / "reading" / "formats").mkdir(parents=True)
    (fake / "language").mkdir()
    for init in (fake / "__init__.py", fake / "reading" / "__init__.py", fake / "reading" / "formats" / "__init__.py"):
        init.write_text("")
    (fake / "corpus.py").write_text("")
    (fake / "reading" / "decode.py").write_text("")
    (fake / "language" / "stats.py").write_text("def f():\n    from ..corpus import load\n")
    (fake / "reading" / "formats" / "pdf.py").write_text("from ...reading.decode import x\nfrom . import docx\n")
    (fake / "reading" / "formats" / "docx.py").write_text("from marketingtext.language.stats import f\n")
    assert imports_of(fake / "language" / "stats.py", fake) == {"marketingtext.corpus"}
    assert imported_rooms(fake / "language" / "stats.py", fake) == {"corpus"}
    assert imports_of(fake / "reading" / "formats" / "pdf.py", fake) == {
        "marketingtext.reading.decode", "marketingtext.reading.formats.docx"}
    assert imported_rooms(fake / "reading" / "formats" / "pdf.py", fake) == set()  # its own room
    assert imported_rooms(fake / "reading" / "formats" / "docx.py", fake) == {"language"}


def test_long_modules_say_what_their_one_job_is():
    too_long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").count("\n")
        docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        if lines > MAX_LINES and "One job:" not in docstring:
            too_long.append(f"{path.name}: {lines} lines")
    assert too_long == []


def test_rooms_are_small_and_say_what_they_hold():
    """A few modules at the top; each subpackage a handful of modules and a docstring saying its one job."""
    top = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP_MODULES, top
    subpackages = sorted(path.parent for path in PACKAGE.rglob("__init__.py") if path.parent != PACKAGE)
    assert subpackages, "no subpackages"
    for folder in subpackages:
        modules = [path for path in folder.glob("*.py") if path.name != "__init__.py"]
        assert len(modules) <= MAX_MODULES_PER_SUBPACKAGE, folder
        assert ast.get_docstring(ast.parse((folder / "__init__.py").read_text(encoding="utf-8"))), folder
