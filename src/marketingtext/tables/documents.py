"""The document table: one row per document with size, lexical diversity, readability and gender forms."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ..engine.parsing import ParsedDoc
from ..language.gender import GENDER_TYPES, gender_columns
from ..language.stats import ReadabilityCounts, mtld, readability
from ..language.words import doc_words, sentence_words

READABILITY_COLUMNS = ["flesch_amstad", "wstf1", "wstf2", "wstf3", "wstf4", "lix", "rix"]
GENDER_COLUMNS = ["gender_forms", "gender_per_1k", *(f"gender_{kind}" for kind in GENDER_TYPES)]
# title, author, date: the document's metadata (reading.metadata), "" when unknown; a --meta sidecar adds columns
METADATA_COLUMNS = ["title", "author", "date"]
DOC_COLUMNS = [
    "doc", *METADATA_COLUMNS, "path", "encoding", "pipeline", "format", "pages", "chars", "chars_dropped",
    "sentences", "words", "types", "mtld", "mean_sentence_len", *READABILITY_COLUMNS, *GENDER_COLUMNS,
]


def doc_row(parsed: ParsedDoc, pipeline: str = "") -> dict:
    """The document table's row for one parsed document; ``pipeline`` names what parsed it."""
    words = [t.text for t in doc_words(parsed.doc)]
    lowered = [w.lower() for w in words]
    sentences = len(sentence_words(parsed.doc))
    n = len(words)
    return {
        "doc": parsed.source.doc,
        **{name: getattr(parsed.source, name, "") for name in METADATA_COLUMNS},
        "path": parsed.source.path,
        "encoding": parsed.source.encoding,
        "pipeline": pipeline,
        "format": parsed.source.format,
        "pages": parsed.source.pages if parsed.source.pages is not None else pd.NA,  # PDF only
        "chars": len(parsed.source.text),
        "chars_dropped": parsed.source.chars_dropped,
        "sentences": sentences,
        "words": n,
        "types": len(set(lowered)),
        "mtld": round(mtld(lowered), 2),
        "mean_sentence_len": round(n / sentences, 2) if sentences else float("nan"),
        **readability(ReadabilityCounts.of_words(words, sentences)),
        **gender_columns(parsed.source.text, n),
    }


def doc_table(parsed_docs: Iterable[ParsedDoc] = (), pipeline: str = "",
              rows: Iterable[dict] | None = None) -> pd.DataFrame:
    """One row per document, in input order; ``rows``: the documents' :func:`doc_row` when already made."""
    rows = rows if rows is not None else (doc_row(p, pipeline) for p in parsed_docs)
    return pd.DataFrame(list(rows), columns=DOC_COLUMNS)


def display_name(doc: str, title: str = "", path: str = "") -> str:
    """How a report names a document: its title where known, else its file name (else its ``doc`` name)."""
    title = "" if pd.isna(title) else " ".join(str(title).split())
    if title:
        return title
    return Path(path).name if path and path != "-" else doc


def display_names(docs: pd.DataFrame) -> dict[str, str]:
    """``doc`` -> display name for every row of a docs table; two documents with one title are told
    apart by their ``doc`` name in brackets, so that every name stays a key."""
    names = {row.doc: display_name(row.doc, getattr(row, "title", ""), getattr(row, "path", ""))
             for row in docs.itertuples(index=False)}
    repeated = {name for name, n in Counter(names.values()).items() if n > 1}
    return {doc: f"{name} ({doc})" if name in repeated else name for doc, name in names.items()}
