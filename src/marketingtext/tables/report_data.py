"""The data an HTML report shows: the tables the caller computed, plus word positions and a KWIC index.

``report_data`` reads the parsed documents once for what only they hold: where the corpus keywords occur
(for the dispersion plot) and which sentence holds which lemma (for the KWIC search box). The renderer
(``html_report``) only reshapes what is here.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from spacy.lang.de.stop_words import STOP_WORDS

from ..engine.parsing import ParsedDoc
from ..keywords.terms import CORPUS, DocTerms, doc_terms
from ..language.lexicon import term_key
from ..language.words import doc_words, sentence_parts
from ..nlp.doc_text import doc_text
from .comparison import lemma_bag, similarity_of_bags
from .documents import display_name, display_names

POSITION_COLUMNS = ["term", "doc", "word_index", "doc_words"]
SENTENCE_COLUMNS = ["doc", "sent_id", "text"]
TOKEN_COLUMNS = ["doc", "sent_id", "start", "end", "key"]
DISPERSION_TERMS = 25  # corpus keywords offered in the dispersion plot's select box
KWIC_PER_KEY = 100  # concordance lines kept per lemma
# Sentence text the KWIC index may embed: a million words would otherwise put 17 MB in the page (the whole text
# and its word offsets); beyond it, the most frequent lemmas are indexed first (bench/report_size.py).
KWIC_MAX_CHARS = 2_000_000
KWIC_FALLBACK_CAPS = (30, 10, 5, 3)  # fewer lines per lemma, tried in turn while the budget leaves out too much
KWIC_COVERAGE = 0.8  # share of indexed word occurrences whose lemma should be searchable in the page


@dataclass
class ReportData:
    """Everything ``html_report.render_report`` draws; each field is a table as mtext writes it."""

    docs: pd.DataFrame  # documents.DOC_COLUMNS
    keywords: pd.DataFrame  # keywords.KEYWORD_COLUMNS, with the corpus rows (doc "*")
    entities: pd.DataFrame  # entities.SUMMARY_COLUMNS
    cooccurrences: pd.DataFrame  # entities.COOCCUR_COLUMNS
    similarity: pd.DataFrame  # comparison.MATRIX_COLUMNS: doc_a, doc_b, similarity
    positions: pd.DataFrame  # POSITION_COLUMNS: each occurrence of a dispersion term
    sentences: pd.DataFrame  # SENTENCE_COLUMNS: the text the KWIC lines come from
    tokens: pd.DataFrame  # TOKEN_COLUMNS: indexed words (not stop words), offsets within their sentence
    key_counts: dict = field(default_factory=dict)  # lemma key -> occurrences, for keys whose lines were thinned
    kwic_keys: tuple[int, int] = (0, 0)  # (lemma keys in the KWIC index, lemma keys in the corpus)
    compare: pd.DataFrame | None = None  # comparison.COMPARE_COLUMNS, when two sides were compared
    compare_labels: tuple[str, str] = ("A", "B")
    title: str = "mtext-Bericht"
    meta: dict = field(default_factory=dict)  # free notes shown in the footer (model, date, ...)
    topics: dict = field(default_factory=dict)  # topics.TOPIC_COLUMNS, DOC_TOPIC_COLUMNS, K_COLUMNS tables by name


def dispersion_terms(keywords: pd.DataFrame, top: int = DISPERSION_TERMS) -> dict[str, tuple[str, ...]]:
    """The corpus keywords to plot, as display term -> lemma keys (``flotte Sprüche`` -> ``(flott, spruch)``)."""
    corpus_rows = keywords[keywords["doc"] == CORPUS].sort_values("rank", kind="mergesort").head(top)
    return {row.term: tuple(term_key(w) for w in str(row.lemma).split())
            for row in corpus_rows.itertuples(index=False)}


def positions_in(keys: list[str], doc: str, terms: dict[str, tuple[str, ...]]) -> list[dict]:
    """Position rows of each term (a sequence of lemma keys) in one document's word keys."""
    # where each term's first key occurs, in one pass over the words: a pass per term and word slices at every
    # index cost half a second on 27 wiki articles (25 terms x 120,000 words)
    firsts = {wanted[0] for wanted in terms.values() if wanted}
    starts: dict[str, list[int]] = {key: [] for key in firsts}
    for i, key in enumerate(keys):
        if key in firsts:
            starts[key].append(i)
    rows = []
    for term, wanted in terms.items():
        n = len(wanted)
        found = (range(len(keys) + 1) if not n  # no key: every index, as a slice compare gives
                 else starts[wanted[0]] if n == 1 else [i for i in starts[wanted[0]] if tuple(keys[i:i + n]) == wanted])
        rows.extend({"term": term, "doc": doc, "word_index": i, "doc_words": len(keys)} for i in found)
    return rows


def term_positions(parsed_docs: Iterable[ParsedDoc], terms: dict[str, tuple[str, ...]]) -> pd.DataFrame:
    """Where each term occurs: word index (among the words, ``words.is_word``) and the document's word count.

    ``terms`` maps a display name to lemma keys: ``{"Kunde": ("kunde",), "soziale Medien": ("sozial", "medium")}``.
    """
    rows = []
    for parsed in parsed_docs:
        keys = [term_key(w.lemma_) for w in doc_words(parsed.doc)]
        rows.extend(positions_in(keys, parsed.source.doc, terms))
    return pd.DataFrame(rows, columns=POSITION_COLUMNS)


class ReportWords:
    """What the report needs of each parsed document beyond the tables: its words' lemma keys (for the dispersion
    plot), its sentences and indexed words (for the KWIC box) and its lemma counts (for the similarity matrix).
    Gathered in the same pass that builds the tables (:meth:`add`), so a report costs no second parse."""

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.keys: list[tuple[str, list[str]]] = []  # (document, the lemma key of each word in order)
        self.sentences: list[dict] = []
        self.tokens: list[dict] = []
        self.bags: list[tuple[str, dict[str, int]]] = []

    @classmethod
    def of(cls, parsed_docs: Iterable[ParsedDoc]) -> ReportWords:
        words = cls()
        for parsed in parsed_docs:
            words.add(parsed)
        return words

    def add(self, parsed: ParsedDoc, terms: DocTerms | None = None) -> None:
        """One document; ``terms``: its :func:`~marketingtext.keywords.terms.doc_terms` when already made."""
        doc, name = parsed.doc, parsed.source.doc
        text = doc_text(doc)
        keys: list[str] = []
        self.keys.append((name, keys))
        key_of: dict[str, str] = {}  # lemma -> term_key, for this document: most lemmas recur
        for sent_id, _, parts, sent_words in sentence_parts(doc):
            start, last_token = parts[0].idx, parts[-1]  # the sentence's text: its first to its last token no space
            self.sentences.append({"doc": name, "sent_id": sent_id,
                                   "text": text[start:last_token.idx + len(last_token)]})
            for word in sent_words:
                lemma = word.lemma_
                key = key_of.get(lemma)
                if key is None:
                    key = key_of[lemma] = term_key(lemma)
                keys.append(key)
                if key not in STOP_WORDS and word.text.lower() not in STOP_WORDS:
                    offset = word.idx - start
                    self.tokens.append({"doc": name, "sent_id": sent_id, "start": offset,
                                        "end": offset + len(word), "key": key})
        self.bags.append(lemma_bag(terms or doc_terms(parsed)))

    def extend(self, other: ReportWords) -> None:
        """Add what ``other`` gathered (one document's words, made in a worker process) after this one's."""
        self.keys.extend(other.keys)
        self.sentences.extend(other.sentences)
        self.tokens.extend(other.tokens)
        self.bags.extend(other.bags)

    def positions(self, terms: dict[str, tuple[str, ...]]) -> pd.DataFrame:
        rows = [row for name, keys in self.keys for row in positions_in(keys, name, terms)]
        return pd.DataFrame(rows, columns=POSITION_COLUMNS)

    def similarity(self) -> pd.DataFrame:
        return similarity_of_bags(self.bags)


def thin_lines(tokens: pd.DataFrame, per_key: int | None) -> tuple[pd.DataFrame, dict[str, int]]:
    """At most ``per_key`` rows per key, evenly spaced through the key's occurrences (first and last kept)."""
    if per_key is None or tokens.empty:
        return tokens.reset_index(drop=True), {}
    per_key = max(per_key, 2)  # the first and the last occurrence at least
    keys = pd.factorize(tokens["key"])[0]  # grouped by number: twice by text cost a second on 274 wiki articles
    sizes = np.bincount(keys)[keys]
    rank = tokens.groupby(keys, sort=False).cumcount().to_numpy()
    # the kept ranks are round(i * s), i = 0 .. per_key - 1, s = (n - 1) / (per_key - 1): rank r is one of them
    # when rounding r / s to the nearest i and back gives r again
    spacing = np.maximum(sizes - 1, 1) / max(per_key - 1, 1)
    keep = (sizes <= per_key) | (np.round(np.round(rank / spacing) * spacing) == rank)
    counts = tokens.loc[sizes > per_key, "key"].value_counts()
    return tokens[keep].reset_index(drop=True), {k: int(v) for k, v in sorted(counts.items())}


def fit_budget(tokens: pd.DataFrame, sentences: pd.DataFrame, key_counts: dict[str, int],
               max_chars: int | None) -> pd.DataFrame:
    """The tokens of the lemmas whose sentences fit in ``max_chars`` characters, most frequent lemma first.

    A lemma whose sentences are already in (for the more frequent lemmas) costs nothing and is kept too.
    """
    if max_chars is None or sentences["text"].str.len().sum() <= max_chars:
        return tokens
    # whole columns as lists, counts in a dict: pandas' rows and lookups cost a call each (13 s on 274 wiki articles)
    length = {(d, i): len(t) for d, i, t in zip(*(sentences[c].tolist() for c in SENTENCE_COLUMNS), strict=True)}
    sentences_of: dict[str, set[tuple]] = defaultdict(set)
    token_keys = tokens["key"].tolist()
    for doc, sent_id, key in zip(tokens["doc"].tolist(), tokens["sent_id"].tolist(), token_keys, strict=True):
        sentences_of[key].add((doc, sent_id))
    lines = Counter(token_keys)
    order = sorted(sentences_of, key=lambda k: (-key_counts.get(k, lines[k]), k))
    included: set[tuple] = set()
    used, kept = 0, []
    for key in order:
        new = sentences_of[key] - included
        cost = sum(length[s] for s in new)
        if used + cost <= max_chars:
            used += cost
            included |= new
            kept.append(key)
    return tokens[tokens["key"].isin(set(kept))].reset_index(drop=True)


def kwic_index(tokens: pd.DataFrame, sentences: pd.DataFrame, per_key: int | None,
               max_chars: int | None) -> tuple[pd.DataFrame, dict[str, int]]:
    """Thin (``thin_lines``) and fit (``fit_budget``) the KWIC tokens: with ``per_key`` lines a lemma, or fewer
    (30, 10, 5, 3) when that leaves lemmas making up more than a fifth of the occurrences out of the budget:
    a large corpus shows fewer lines of many lemmas rather than many lines of a few."""
    total = len(tokens)
    for cap in [per_key] + [c for c in KWIC_FALLBACK_CAPS if per_key is None or c < per_key]:
        thinned, key_counts = thin_lines(tokens, cap)
        fitted = fit_budget(thinned, sentences, key_counts, max_chars)
        covered = sum(key_counts.get(k, n) for k, n in fitted["key"].value_counts().items())
        if covered >= KWIC_COVERAGE * total:
            break
    return fitted, key_counts


def report_data(documents: Iterable[ParsedDoc] | ReportWords, docs: pd.DataFrame, keywords: pd.DataFrame,
                entities: pd.DataFrame, cooccurrences: pd.DataFrame, similarity: pd.DataFrame,
                compare: pd.DataFrame | None = None, compare_labels: tuple[str, str] = ("A", "B"),
                title: str = "mtext-Bericht", meta: dict | None = None,
                kwic_per_key: int | None = KWIC_PER_KEY, kwic_max_chars: int | None = KWIC_MAX_CHARS,
                topics: dict[str, pd.DataFrame] | None = None) -> ReportData:
    """Collect the report's data: the given tables plus positions and the KWIC index from ``documents`` (parsed
    documents, or the :class:`ReportWords` already gathered from them).

    ``keywords`` must hold the corpus rows (doc ``"*"``): their top terms are the dispersion plot's choices.
    Stop words are left out of the KWIC index (they would double the file for lines nobody looks up), and a
    lemma seen more than ``kwic_per_key`` times keeps that many lines, spread evenly over its occurrences
    (``None``: all); ``key_counts`` keeps its true count and only sentences with a kept line are kept.
    Past ``kwic_max_chars`` of sentence text, lemmas are indexed most frequent first (see ``fit_budget``).
    ``topics``: the ``topics``, ``doc_topics`` and ``topic_k`` tables of ``tables.topics.topic_tables``.
    """
    words = documents if isinstance(documents, ReportWords) else ReportWords.of(documents)
    positions, tokens = words.positions(dispersion_terms(keywords)), words.tokens
    token_table = pd.DataFrame(tokens, columns=TOKEN_COLUMNS)
    all_keys = token_table["key"].nunique()
    sentence_table = pd.DataFrame(words.sentences, columns=SENTENCE_COLUMNS)
    token_table, key_counts = kwic_index(token_table, sentence_table, kwic_per_key, kwic_max_chars)
    used = pd.MultiIndex.from_frame(token_table[["doc", "sent_id"]])
    sentence_table = sentence_table[pd.MultiIndex.from_frame(sentence_table[["doc", "sent_id"]]).isin(used)]
    return ReportData(docs=docs, keywords=keywords, entities=entities, cooccurrences=cooccurrences,
                      similarity=similarity, positions=positions,
                      sentences=sentence_table.reset_index(drop=True), tokens=token_table,
                      key_counts=key_counts, kwic_keys=(token_table["key"].nunique(), all_keys), compare=compare,
                      compare_labels=compare_labels, title=title, meta=dict(meta or {}), topics=dict(topics or {}))


def doc_display_names(docs: pd.DataFrame) -> dict[str, dict[str, str]]:
    """How the report names each document: ``{doc: {"name": shown name, "file": file name}}``: the shown name
    as :func:`.documents.display_names` gives it (the title where known), the file name for the tooltip."""
    if "doc" not in docs:
        return {}
    shown = display_names(docs)
    paths = docs["path"] if "path" in docs else docs["doc"]
    return {str(doc): {"name": shown[doc], "file": display_name(str(doc), "", path if isinstance(path, str) else "")}
            for doc, path in zip(docs["doc"], paths, strict=True)}


def document_words(parsed: ParsedDoc) -> ReportWords:
    """One document's :class:`ReportWords`: the part a worker makes where the document is parsed or read from the
    cache (:meth:`ReportWords.extend` joins the parts in order)."""
    return ReportWords.of([parsed])
