"""The sentence table: one row per sentence, with the measures a style analysis needs."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..engine.parsing import ParsedDoc
from ..language.passive import VORGANG, passive_kind
from ..language.stats import is_long, syllables
from ..language.words import sentence_parts
from ..nlp.doc_text import doc_text

SENTENCE_COLUMNS = [
    "doc", "sent_id", "start_char", "end_char", "text", "n_tokens", "n_words", "n_chars",
    "mean_word_len", "n_syllables", "n_long_words", "n_commas", "noun_share",
    "is_question", "is_exclamation", "passive", "is_passive",
]


def sentence_rows(parsed: ParsedDoc) -> list[dict]:
    """Rows of the sentence table for one document (sentences with no word are skipped)."""
    rows = []
    text_of_doc = doc_text(parsed.doc)
    for sent_id, sent, tokens, words in sentence_parts(parsed.doc):
        passive = passive_kind(sent)
        last = tokens[-1]
        text = text_of_doc[tokens[0].idx: last.idx + len(last)]
        final = text.rstrip("“”\"»«)'’ ")
        rows.append({
            "doc": parsed.source.doc,
            "sent_id": sent_id,
            "start_char": tokens[0].idx,
            "end_char": last.idx + len(last),
            "text": text,
            "n_tokens": len(tokens),
            "n_words": len(words),
            "n_chars": len(text),
            "mean_word_len": round(sum(len(w) for w in words) / len(words), 3),
            "n_syllables": sum(syllables(w.text) for w in words),
            "n_long_words": sum(is_long(w.text) for w in words),
            "n_commas": sum(t.text == "," for t in tokens),
            "noun_share": round(sum(w.pos_ in {"NOUN", "PROPN"} for w in words) / len(words), 4),
            "is_question": final.endswith(("?", "?!", "!?")),
            "is_exclamation": final.endswith("!"),
            "passive": passive,  # "vorgang", "zustand" or ""
            "is_passive": passive == VORGANG,  # kept for passive_share: Vorgangspassiv only
        })
    return rows


def sentence_table(parsed_docs: Iterable[ParsedDoc] = (), doc_rows: Iterable[list[dict]] | None = None) -> pd.DataFrame:
    """One row per sentence of every document, in document and position order; ``doc_rows``: each document's
    :func:`sentence_rows` when already made (by worker processes)."""
    doc_rows = doc_rows if doc_rows is not None else (sentence_rows(parsed) for parsed in parsed_docs)
    rows = [row for rows_of_doc in doc_rows for row in rows_of_doc]
    return pd.DataFrame(rows, columns=SENTENCE_COLUMNS)
