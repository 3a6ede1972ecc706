"""The package's floors: each module imports only from its own floor or the floors below it.

Data flows one way: files are read, parsed, turned into tables, and the tables are written or
drawn. ``tests/test_architecture.py`` reads every module's imports and fails on an import from a
higher floor, on an import cycle, and on a module that is not placed here. New module? Add it to
the floor whose job it does. Nothing imports this module at run time.
"""

LAYERS: dict[str, tuple[str, ...]] = {
    # 1. base: the definitions and formulas everything shares; no spaCy models, no pandas tables
    "base": ("version", "errors", "words", "stats", "lexicon", "fsio", "syllables", "numbers_de", "gender", "passive",
             "dispersion", "pieces"),
    # 2. files -> clean text (formats/: one reader per file format)
    "reading": ("reading", "walking", "boilerplate", "formats", "sourcelist"),
    # 3. the German spaCy pipeline and mtext's components
    "pipeline": ("pipeline", "german", "hanta_tagger", "lemma_rules", "name_lists"),
    # 4. texts -> Docs: batched, in processes or on Dask; the Doc and table caches
    "parsing": ("parsing", "cluster", "cache", "tablecodec", "cachedir"),
    # 5. parsed documents -> DataFrames, one module per kind of table
    "tables": ("sentences", "documents", "terms", "keyword_methods", "compounds", "keywords", "gazetteer",
               "canonical", "false_friends", "entity_spans", "entities", "comparison", "kwic", "collocations", "ngrams",
               "report_data"),
    # 6. DataFrames -> files and terminal reports (computes nothing)
    "presentation": ("output", "report", "html_report"),
    # 7. the Python API: loads a corpus and computes what commands and reports show, once
    "api": ("corpus",),
    # 8. the command line: options only
    "cli": ("cli", "__main__", "__init__"),
}
