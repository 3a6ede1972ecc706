"""Keywords and keyphrases: candidates from parsed documents, scored by one of several methods.

Candidates are content words (NOUN, PROPN, ADJ, VERB; no stop word, number, URL, e-mail or
punctuation) and noun phrases (``ADJ* NOUN+``, a version number may follow: ``Marketing 4.0``).
A term is keyed by its lower-cased lemmas with hyphens removed, so ``Online-Marketing`` and
``Onlinemarketing``, ``Kunden`` and ``Kund:innen`` are one term.

Methods (``method=``), each scoring a term ``t`` in a document ``d``:

- ``frequency``: the count of ``t`` in ``d`` (single words only).
- ``tfidf``: ``tf * (ln((1 + N) / (1 + df)) + 1)`` over the N documents given (scikit-learn's smooth idf).
- ``keyness``: log-likelihood G² of ``t`` in ``d`` against general German (``wordfreq``'s
  frequencies as a reference corpus of 10⁹ words), with Hardie's log ratio as effect size;
  only terms more frequent than in the reference count.
- ``textrank``: PageRank over the co-occurrence graph of candidate words (window 2, Mihalcea &
  Tarau 2004); a phrase scores the mean of its words.
- ``yake``: the ``yake`` package's statistical scores (lower is better there; inverted here).
- ``mtext`` (default): ``tf^0.5 * specificity * position * length``, where specificity is how
  rare the words are in general German (8 - Zipf frequency), position favours terms met early
  (titles, leads), and length favours noun phrases; nested duplicates are removed.

The corpus rows (``doc == "*"``) rank terms by the sum of their per-document scores.
"""

from __future__ import annotations

import math
import pickle
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from .parsing import ParsedDoc
from .stats import log_likelihood, log_ratio

KEYWORD_COLUMNS = ["doc", "rank", "term", "lemma", "pos", "count", "docs", "per_10k", "score",
                   "head", "modifiers"]
METHOD_COLUMNS = {"keyness": ["g2", "log_ratio", "ref_per_10k"], "tfidf": ["tfidf"]}
METHODS = ("mtext", "frequency", "tfidf", "keyness", "textrank", "yake")
DEFAULT_METHOD = "mtext"
CORPUS = "*"
CONTENT_POS = {"NOUN", "PROPN", "ADJ", "VERB"}
NOUN_POS = {"NOUN", "PROPN"}
REFERENCE_WORDS = 1e9
# Term entries (one per term and document, ~650 bytes each) a keyword table keeps in memory
# before it moves them to a temporary file: about 30 MB.
SPILL_TERMS = 50_000
VERSION_NUMBER = re.compile(r"^\d+(\.\d+)+$")
URL_LIKE = re.compile(r"(https?:|www\.|\.(de|com|org|net)\b|@)", re.IGNORECASE)
# Words that are frequent in essays and web pages but say nothing about a topic.
EXTRA_STOPWORDS = {
    "beitrag", "artikel", "kommentar", "thema", "frage", "beispiel", "art", "weise", "jahr", "zeit",
    "mal", "teil", "ende", "anfang", "punkt", "fall", "sache", "ding", "grund", "ok", "o.k.", "sagen",
    "geben", "machen", "gehen", "kommen", "stehen", "lassen", "sehen", "finden", "bleiben", "nehmen",
    "heißen", "liegen", "bringen", "halten", "stellen", "zeigen", "führen", "glauben", "meinen",
    "gut", "neu", "groß", "klein", "ganz", "viel", "wenig", "weit", "hoch", "lang", "eigen", "erst",
    "letzt", "ander", "gleich", "weiter", "richtig", "wirklich", "einfach", "schon", "immer",
}


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    from spacy.lang.de.stop_words import STOP_WORDS

    return frozenset(w.lower() for w in STOP_WORDS) | EXTRA_STOPWORDS


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Zipf frequency of a word in general German (0 for unknown words)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "de")


def specificity(words: tuple[str, ...]) -> float:
    """How unusual the words are in general German: 8 - Zipf, averaged (unknown words score 8)."""
    return sum(8.0 - min(zipf(w), 7.5) for w in words) / len(words)


def term_key(lemma: str) -> str:
    return lemma.lower().replace("-", "").replace("\u2011", "")


@dataclass(slots=True)  # one per term and document: slots keep a large corpus's tables small
class TermStats:
    count: int = 0
    first: float = 1.0  # relative position of the first occurrence (0 = start of document)
    # Forms seen, with counts; a single form is stored as a plain string by ``compact``.
    surfaces: Counter | str = field(default_factory=Counter)
    lemmas: Counter | str = field(default_factory=Counter)
    pos: str = ""
    words: tuple[str, ...] = ()

    def compact(self) -> TermStats:
        """Most terms have one form in a document: keep it as a string, not a Counter (a fifth of the memory)."""
        if isinstance(self.surfaces, Counter) and len(self.surfaces) == 1:
            self.surfaces = next(iter(self.surfaces))
        if isinstance(self.lemmas, Counter) and len(self.lemmas) == 1:
            self.lemmas = next(iter(self.lemmas))
        return self

    def surface(self) -> str:
        """The most frequent surface form (ties: alphabetical)."""
        return self.surfaces if isinstance(self.surfaces, str) else _most_common(self.surfaces)

    def lemma(self) -> str:
        """The most frequent lemma form (ties: the first seen)."""
        return self.lemmas if isinstance(self.lemmas, str) else self.lemmas.most_common(1)[0][0]

    def surface_forms(self) -> list[str]:
        return [self.surfaces] if isinstance(self.surfaces, str) else list(self.surfaces)

    def absorb(self, other: TermStats) -> None:
        """Add another document's counts of the same term (``self`` keeps Counters)."""
        self.count += other.count
        for mine, theirs in ((self.surfaces, other.surfaces), (self.lemmas, other.lemmas)):
            if isinstance(theirs, str):
                mine[theirs] += other.count
            else:
                mine.update(theirs)


@dataclass
class DocTerms:
    """The candidate terms of one document: what keyword tables are built from (no Doc kept)."""

    doc: str
    n_words: int
    terms: dict[tuple[str, ...], TermStats]
    text: str = ""  # kept for YAKE, which reads raw text
    cooccurrence: Counter = field(default_factory=Counter)


class DocTermsStore:
    """The DocTerms of a corpus in document order, with the corpus counts gathered on the way.

    Keyword scores need corpus statistics (document frequencies, totals) before any document can
    be ranked, so every document's terms are needed twice. Up to :data:`SPILL_TERMS` terms stay
    in memory; beyond that all DocTerms go to an anonymous temporary file and are read back in
    order, so memory stays flat however large the corpus (1.1 M words: about 200 MB less).
    """

    def __init__(self, items: Iterable[DocTerms] = (), spill_terms: int | None = None) -> None:
        self.spill_terms = SPILL_TERMS if spill_terms is None else spill_terms
        self.df: Counter = Counter()
        self.n_docs = self.n_words = self.n_terms = 0
        self._memory: list[DocTerms] = []
        self._file = None
        for dt in items:
            self.append(dt)

    def append(self, dt: DocTerms) -> None:
        self.df.update(dt.terms.keys())
        self.n_docs += 1
        self.n_words += dt.n_words
        self.n_terms += len(dt.terms)
        if self._file is None and self.n_terms > self.spill_terms:
            self._spill()
        if self._file is None:
            self._memory.append(dt)
        else:
            pickle.dump(dt, self._file, protocol=pickle.HIGHEST_PROTOCOL)

    def _spill(self) -> None:
        import tempfile
        import warnings

        try:
            self._file = tempfile.TemporaryFile()
        except OSError as exc:  # no usable temporary folder: slower to nothing, only larger
            warnings.warn(f"cannot create a temporary file ({exc.strerror}); keeping keyword terms in memory "
                          "(set TMPDIR to a writable folder)", stacklevel=3)
            self.spill_terms = float("inf")
            return
        for kept in self._memory:
            pickle.dump(kept, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self._memory = []

    def __len__(self) -> int:
        return self.n_docs

    def __iter__(self) -> Iterator[DocTerms]:
        if self._file is None:
            yield from self._memory
            return
        self._file.seek(0)
        for _ in range(self.n_docs):
            yield pickle.load(self._file)


def _is_candidate_word(token, extra_stop: frozenset[str]) -> bool:
    text = token.text
    if token.pos_ not in CONTENT_POS or len(text) < 2 or not any(c.isalpha() for c in text):
        return False
    if token.like_num or token.like_url or token.like_email or URL_LIKE.search(text) or text.endswith("."):
        return False  # numbers, links, and abbreviations such as the "B." of "z. B."
    lemma = token.lemma_.lower()
    return lemma not in stopwords() and text.lower() not in stopwords() and lemma not in extra_stop


def _is_noun(token, extra_stop) -> bool:
    return token.pos_ in NOUN_POS and _is_candidate_word(token, extra_stop)


def doc_terms(parsed: ParsedDoc, ngram_max: int = 3, extra_stop: frozenset[str] = frozenset(), *,
              keep_text: bool = False, keep_cooccurrence: bool = False) -> DocTerms:
    """Count every candidate word and noun phrase of one parsed document.

    The document's text (for YAKE) and its word co-occurrences (for TextRank) are kept only
    when asked for: a corpus holds one DocTerms per document until its table is built.
    """
    doc = parsed.doc
    terms: dict[tuple[str, ...], TermStats] = {}
    cooccurrence: Counter = Counter()
    text = doc.text  # Doc.text re-joins every token on each access: read it once
    length = max(len(text), 1)
    n_words = 0

    def add(tokens, pos: str) -> None:
        key = tuple(term_key(t.lemma_) for t in tokens)
        stats = terms.setdefault(key, TermStats(pos=pos, words=tuple(t.lemma_ for t in tokens)))
        stats.count += 1
        stats.first = min(stats.first, tokens[0].idx / length)
        stats.surfaces[text[tokens[0].idx: tokens[-1].idx + len(tokens[-1])]] += 1
        stats.lemmas[" ".join(t.lemma_ for t in tokens)] += 1

    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        n_words += sum(1 for t in tokens if not t.is_punct)
        content = [i for i, t in enumerate(tokens) if _is_candidate_word(t, extra_stop)]
        for i in content:
            add([tokens[i]], tokens[i].pos_)
        if keep_cooccurrence:
            for a, b in zip(content, content[1:], strict=False):
                if b - a <= 2:
                    cooccurrence[tuple(sorted((term_key(tokens[a].lemma_), term_key(tokens[b].lemma_))))] += 1
        for phrase in _noun_phrases(tokens, ngram_max, extra_stop):
            add(phrase, "PHRASE")
    for stats in terms.values():
        stats.compact()
    return DocTerms(parsed.source.doc, n_words, terms, text if keep_text else "", cooccurrence)


def _noun_phrases(tokens, ngram_max: int, extra_stop):
    """Every sub-span of ``ADJ* NOUN+ [version number]`` runs, 2..ngram_max tokens, ending in a noun."""
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and tokens[j].pos_ == "ADJ" and _is_candidate_word(tokens[j], extra_stop):
            j += 1
        k = j
        while k < len(tokens) and _is_noun(tokens[k], extra_stop):
            k += 1
        if k > j and k < len(tokens) and VERSION_NUMBER.match(tokens[k].text):
            k += 1
        if k > j:
            run = tokens[i:k]
            for start in range(len(run)):
                for end in range(start + 2, min(len(run), start + ngram_max) + 1):
                    last = run[end - 1]
                    if last.pos_ in NOUN_POS or VERSION_NUMBER.match(last.text):
                        if run[start].pos_ == "ADJ" or start >= j - i:
                            yield run[start:end]
            i = k
        else:
            i = max(j, i + 1)


def _score_terms(dt: DocTerms, method: str, df: Counter, n_docs: int) -> dict[tuple, dict]:
    """Scores (and the method's own columns) for the terms of one document."""
    out: dict[tuple, dict] = {}
    if method == "textrank":
        return _textrank(dt)
    if method == "yake":
        return _yake(dt)
    for key, st in dt.terms.items():
        if method == "frequency":
            if len(key) == 1:
                out[key] = {"score": float(st.count)}
        elif method == "tfidf":
            idf = math.log((1 + n_docs) / (1 + df[key])) + 1
            out[key] = {"score": st.count * idf, "tfidf": st.count * idf}
        elif method == "keyness":
            ref = sum(10 ** (zipf(w) - 9) for w in key) / len(key) * REFERENCE_WORDS if len(key) == 1 else 0.0
            g2 = log_likelihood(st.count, ref, dt.n_words, REFERENCE_WORDS)
            lr = log_ratio(st.count, ref, dt.n_words, REFERENCE_WORDS)
            if lr > 0:
                out[key] = {"score": g2, "g2": round(g2, 3), "log_ratio": round(lr, 3),
                            "ref_per_10k": round(ref / REFERENCE_WORDS * 1e4, 4)}
        else:
            out[key] = {"score": _mtext_score(key, st)}
    return out


# Tuned on ../shared/eval/keyphrases_de_dev (bench/eval_keywords.py); see README.
POS_WEIGHT = {"NOUN": 1.0, "PROPN": 0.9, "PHRASE": 1.0, "ADJ": 0.35, "VERB": 0.2}
TF_EXPONENT = 0.5
POSITION_BONUS = 0.6
PHRASE_BONUS = 0.2


def _mtext_score(key: tuple, st: TermStats) -> float:
    position = 1 + POSITION_BONUS * (1 - st.first) ** 4
    length = 1 + PHRASE_BONUS * (len(key) - 1)
    return (st.count ** TF_EXPONENT) * specificity(key) * position * length * POS_WEIGHT.get(st.pos, 0.5)


def _textrank(dt: DocTerms) -> dict[tuple, dict]:
    import networkx as nx

    graph = nx.Graph()
    for (a, b), weight in dt.cooccurrence.items():
        if a != b:
            graph.add_edge(a, b, weight=weight)
    if not graph:
        return {}
    rank = nx.pagerank(graph, weight="weight")
    out = {}
    for key in dt.terms:
        if all(w in rank for w in key) and (len(key) > 1 or dt.terms[key].pos in NOUN_POS | {"ADJ"}):
            out[key] = {"score": sum(rank[w] for w in key) / len(key) * (1 + 0.3 * (len(key) - 1))}
    return out


def _yake(dt: DocTerms) -> dict[tuple, dict]:
    import yake

    extractor = yake.KeywordExtractor(lan="de", n=3, top=60)
    by_surface = {}
    for key, st in dt.terms.items():
        for surface in st.surface_forms():
            by_surface[surface.lower()] = key
    out = {}
    for phrase, value in extractor.extract_keywords(dt.text):
        key = by_surface.get(phrase.lower())
        if key is not None and key not in out:
            out[key] = {"score": 1.0 / (1e-6 + value)}
    return out


def select_top(scores: dict[tuple, float], counts: dict[tuple, int], top: int) -> list[tuple]:
    """The best ``top`` terms, without nested duplicates: a phrase that contains a chosen term is
    left out, and so is a term that occurs mostly inside a chosen phrase."""
    order = sorted(scores, key=lambda k: (-scores[k], " ".join(k)))
    chosen: list[tuple] = []
    for key in order:
        if len(chosen) >= top:
            break
        if any(_contains(key, c) or (_contains(c, key) and counts[key] <= 1.5 * counts[c])
               for c in chosen):
            continue
        chosen.append(key)
    return chosen


def _contains(longer: tuple, shorter: tuple) -> bool:
    n = len(shorter)
    return len(longer) > n and any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def keyword_table(
    parsed_docs: Iterable[ParsedDoc] | None = None,
    *,
    doc_terms_list: Iterable[DocTerms] | None = None,
    method: str = DEFAULT_METHOD,
    top: int = 20,
    scope: str = "both",
    min_count: int = 1,
    ngram_max: int = 3,
    stopwords_extra: Iterable[str] = (),
    group: str | None = None,
) -> pd.DataFrame:
    """The keyword table (columns: see README). ``scope`` is ``both``, ``corpus`` or ``per-doc``."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
    extra = frozenset(w.lower() for w in stopwords_extra)
    if doc_terms_list is None:
        doc_terms_list = (doc_terms(p, ngram_max, extra, keep_text=method == "yake",
                                    keep_cooccurrence=method == "textrank") for p in parsed_docs or [])
    if group == "compounds":
        return compound_groups(doc_terms_list, top=top)
    store = doc_terms_list if isinstance(doc_terms_list, DocTermsStore) else DocTermsStore(doc_terms_list)
    df, total_words = store.df, store.n_words or 1
    per_doc = []
    # Corpus scores and counts are plain numbers per term; full stats are merged for the winners only.
    corpus_scores: dict[tuple, float] = defaultdict(float)
    corpus_counts: Counter = Counter()
    for dt in store:
        scored = {k: v for k, v in _score_terms(dt, method, df, len(store)).items()
                  if dt.terms[k].count >= min_count}
        for key, values in scored.items():
            corpus_scores[key] += values["score"]
        # Counts are occurrences, whether or not the method scored the term in this document.
        corpus_counts.update({key: st.count for key, st in dt.terms.items() if st.count >= min_count})
        if scope != "corpus":
            counts = {key: dt.terms[key].count for key in scored}
            top_keys = select_top({key: values["score"] for key, values in scored.items()}, counts, top)
            for rank, key in enumerate(top_keys, 1):
                per_doc.append(_row(dt.doc, rank, key, dt.terms[key], df[key], dt.n_words, scored[key]))
    rows = []
    if scope != "per-doc":
        chosen = select_top(corpus_scores, corpus_counts, top)
        merged = _merge_terms(store, set(chosen), min_count)
        for rank, key in enumerate(chosen, 1):
            rows.append(_row(CORPUS, rank, key, merged[key], df[key], total_words, {"score": corpus_scores[key]}))
    columns = KEYWORD_COLUMNS + METHOD_COLUMNS.get(method, [])
    return pd.DataFrame(rows + per_doc, columns=columns)


def _merge_terms(doc_terms_list: Iterable[DocTerms], keys: set[tuple], min_count: int) -> dict[tuple, TermStats]:
    """Corpus-wide stats of ``keys``, from the documents where each counts (``min_count``)."""
    merged: dict[tuple, TermStats] = {}
    for dt in doc_terms_list:
        for key in keys & dt.terms.keys():
            st = dt.terms[key]
            if st.count >= min_count:
                merged.setdefault(key, TermStats(pos=st.pos, words=st.words)).absorb(st)
    return merged


def _row(doc: str, rank: int, key: tuple, st: TermStats, docs: int, n_words: int, values: dict) -> dict:
    lemma = st.lemma()
    if len(key) == 1 and st.pos in NOUN_POS:
        head, modifiers = split_compound(lemma)
    else:
        head, modifiers = next((w for w in reversed(lemma.split()) if not VERSION_NUMBER.match(w)), lemma), []
    row = {
        "doc": doc, "rank": rank, "term": st.surface(), "lemma": lemma,
        "pos": st.pos, "count": st.count, "docs": docs, "per_10k": round(st.count / n_words * 1e4, 2),
        "score": round(values["score"], 4), "head": head, "modifiers": "|".join(modifiers),
    }
    row.update({k: v for k, v in values.items() if k != "score"})
    return row


def _most_common(counter: Counter) -> str:
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


@lru_cache(maxsize=50_000)
def split_compound(word: str) -> tuple[str, list[str]]:
    """``Marketingstrategie`` -> (``Strategie``, [``Marketing``]); hyphens split first.

    Uses the ``compound-split`` package (char_split, Tuggener 2016) recursively on the head
    while its score is confident (>= 0.5).
    """
    parts = [p for p in word.split("-") if p]
    if len(parts) > 1:
        head, mods = split_compound(parts[-1])
        return head, [*parts[:-1], *mods]
    from compound_split import char_split

    modifiers, head = [], word
    while len(head) >= 8:
        best = char_split.split_compound(head)[0]
        # the first split needs a confident score, further splits of the head a very confident one
        if best[0] < (0.5 if not modifiers else 0.8) or len(best[1]) < 3 or len(best[2]) < 4:
            break
        modifiers.append(best[1])
        head = best[2]
    return head[:1].upper() + head[1:], modifiers


def _constituent_key(part: str) -> str:
    """A compound part without its linking element: Kunden -> kunde, Wirtschafts -> wirtschaft."""
    lower = part.lower()
    variants = [lower] + [lower[: -len(s)] for s in ("s", "es", "n", "en") if lower.endswith(s) and len(lower) > 4]
    return max(variants, key=lambda v: (zipf(v), -len(v)))


def compound_groups(doc_terms_list: Iterable[DocTerms], top: int = 20) -> pd.DataFrame:
    """Nouns grouped by shared compound part: Marketingstrategie, Onlinemarketing, Marketing-Manager
    all count for ``marketing``. One row per part: doc ``*``, rank, term, count, docs, members."""
    counts: Counter = Counter()
    docs: dict[str, set] = defaultdict(set)
    members: dict[str, Counter] = defaultdict(Counter)
    labels: dict[str, Counter] = defaultdict(Counter)
    for dt in doc_terms_list:
        for key, st in dt.terms.items():
            if len(key) != 1 or st.pos not in NOUN_POS:
                continue
            lemma = st.lemma()
            head, modifiers = split_compound(lemma)
            for part in {head, *modifiers}:
                group = _constituent_key(part)
                if group in stopwords() or len(group) < 3:
                    continue
                counts[group] += st.count
                docs[group].add(dt.doc)
                members[group][lemma] += st.count
                labels[group][part[:1].upper() + part[1:]] += st.count
    order = sorted(counts, key=lambda g: (-counts[g], g))[:top]
    rows = [{"doc": CORPUS, "rank": i, "term": _most_common(labels[g]), "count": counts[g],
             "docs": len(docs[g]), "compounds": len(members[g]),
             "members": "|".join(m for m, _ in sorted(members[g].items(), key=lambda kv: (-kv[1], kv[0])))}
            for i, g in enumerate(order, 1)]
    return pd.DataFrame(rows, columns=["doc", "rank", "term", "count", "docs", "compounds", "members"])
