"""The package's floors: each subpackage imports only from its own floor or the floors below it.

Data flows one way: files are read, parsed, turned into tables, and the tables are written or
drawn. Each subpackage is one kind of work; ``tests/test_architecture.py`` reads every module's
imports and fails on an import from a higher floor, on an import cycle between subpackages or
modules, and on a subpackage or top-level module that is not placed here. New module? Put it in
the subpackage whose job it does. Nothing imports this module at run time.
"""

LAYERS: dict[str, tuple[str, ...]] = {
    # 1. what everything shares: errors, version, atomic writes, text pieces
    "core": ("core",),
    # 2. German language facts and formulas; no spaCy models, no pandas tables
    "language": ("language",),
    # 3. files -> clean text (reading/formats/: one reader per file format)
    "reading": ("reading",),
    # 4. the German spaCy pipeline and mtext's components
    "nlp": ("nlp",),
    # 5. texts -> Docs: batched, in processes or on Dask; the Doc and table caches
    "engine": ("engine",),
    # 6. the two wings of analysis: parsed documents -> keyword and entity tables
    "wings": ("keywords", "entities"),
    # 7. parsed documents -> the other DataFrames, one module per kind of table
    "tables": ("tables",),
    # 8. DataFrames -> files and terminal and HTML reports (computes nothing)
    "output": ("output",),
    # 9. the Python API: loads a corpus and computes what commands and reports show, once
    "api": ("corpus",),
    # 10. the command line: options only
    "cli": ("cli", "__main__", "__init__"),
}
