"""Keyword in context: every occurrence of a lemma or phrase, in all its inflected forms."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..engine.parsing import ParsedDoc
from ..language.lexicon import term_key
from ..language.words import sentence_parts, squash_spaces
from ..nlp.doc_text import doc_text

KWIC_COLUMNS = ["doc", "sent_id", "start_char", "left", "match", "right"]


def query_keys(nlp, term: str) -> tuple[str, ...]:
    """The lemma keys of a query: ``Kunden`` and ``Kunde`` both give ``("kunde",)``."""
    doc = nlp(term)
    return tuple(term_key(t.lemma_) for t in doc if not t.is_space)


def kwic_rows(parsed: ParsedDoc, keys: tuple[str, ...], surface: str, width: int = 40) -> list[dict]:
    """Occurrences in one document: tokens whose lemma keys (or lower-cased text) equal the query's."""
    doc, text, n = parsed.doc, doc_text(parsed.doc), len(keys)
    wanted = tuple(w.lower() for w in surface.split())
    rows = []
    for sent_id, _, tokens, _ in sentence_parts(doc):
        for i in range(len(tokens) - n + 1):
            window = tokens[i:i + n]
            if tuple(term_key(t.lemma_) for t in window) != keys and \
                    tuple(t.text.lower() for t in window) != wanted:
                continue
            start, end = window[0].idx, window[-1].idx + len(window[-1])
            rows.append({"doc": parsed.source.doc, "sent_id": sent_id, "start_char": start,
                         "left": squash_spaces(text[max(0, start - width):start]).rjust(width)[-width:],
                         "match": text[start:end],
                         "right": squash_spaces(text[end:end + width])[:width]})
    return rows


def kwic_table(parsed_docs: Iterable[ParsedDoc], term: str, width: int = 40, nlp=None,
               doc_rows: Iterable[list[dict]] | None = None) -> pd.DataFrame:
    """Every occurrence of ``term`` (lemma or phrase), in document and position order; ``doc_rows``: each
    document's :func:`kwic_rows` when already made (by worker processes)."""
    if doc_rows is not None:
        return pd.DataFrame([row for rows in doc_rows for row in rows], columns=KWIC_COLUMNS)
    parsed_docs = iter(parsed_docs)
    first = next(parsed_docs, None)
    if first is None:
        return pd.DataFrame(columns=KWIC_COLUMNS)
    if nlp is None:
        from ..nlp.pipeline import load_pipeline

        nlp = load_pipeline()[0]
    keys = query_keys(nlp, term)
    rows = kwic_rows(first, keys, term, width)
    for parsed in parsed_docs:
        rows.extend(kwic_rows(parsed, keys, term, width))
    return pd.DataFrame(rows, columns=KWIC_COLUMNS)

