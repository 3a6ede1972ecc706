"""The document table: one row per document with size, lexical diversity, readability and gender forms."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..engine.parsing import ParsedDoc
from ..language.gender import GENDER_TYPES, gender_columns
from ..language.stats import ReadabilityCounts, mtld, readability
from ..language.words import is_word, numbered_sentences

READABILITY_COLUMNS = ["flesch_amstad", "wstf1", "wstf2", "wstf3", "wstf4", "lix", "rix"]
GENDER_COLUMNS = ["gender_forms", "gender_per_1k", *(f"gender_{kind}" for kind in GENDER_TYPES)]
DOC_COLUMNS = [
    "doc", "path", "encoding", "pipeline", "format", "pages", "chars", "chars_dropped", "sentences", "words",
    "types", "mtld", "mean_sentence_len", *READABILITY_COLUMNS, *GENDER_COLUMNS,
]


def doc_row(parsed: ParsedDoc, pipeline: str = "") -> dict:
    """The document table's row for one parsed document; ``pipeline`` names what parsed it."""
    words = [t.text for t in parsed.doc if is_word(t)]
    lowered = [w.lower() for w in words]
    sentences = sum(1 for _ in numbered_sentences(parsed.doc))
    n = len(words)
    return {
        "doc": parsed.source.doc,
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


def doc_table(parsed_docs: Iterable[ParsedDoc], pipeline: str = "") -> pd.DataFrame:
    """One row per document, in input order."""
    return pd.DataFrame([doc_row(p, pipeline) for p in parsed_docs], columns=DOC_COLUMNS)
