"""Term statistics: the candidate words and noun phrases of each document, counted once.

Candidates are content words (NOUN, PROPN, ADJ, VERB; no stop word, number, URL, e-mail or
punctuation) and noun phrases (``ADJ* NOUN+``, a version number may follow: ``Marketing 4.0``).
A term is keyed by its lower-cased lemmas with hyphens removed, so ``Online-Marketing`` and
``Onlinemarketing``, ``Kunden`` and ``Kund:innen`` are one term. Keywords, compound groups and
``compare`` all count terms through :func:`doc_terms`; :class:`DocTermsStore` holds a corpus of
them, spilling to a temporary file when large.
"""

from __future__ import annotations

import pickle
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..language.lexicon import stopwords, term_key
from ..language.words import doc_tokens, is_word, sentence_tokens
from ..nlp.doc_text import doc_text

if TYPE_CHECKING:
    from ..engine.parsing import ParsedDoc

CORPUS = "*"  # the doc name of corpus-wide rows
CONTENT_POS = {"NOUN", "PROPN", "ADJ", "VERB"}
NOUN_POS = {"NOUN", "PROPN"}
# Term entries (one per term and document, ~650 bytes each) a keyword table keeps in memory
# before it moves them to a temporary file: about 30 MB.
SPILL_TERMS = 50_000
VERSION_NUMBER = re.compile(r"^\d+(\.\d+)+$")
HEADING_TOKENS = 8  # a heading line is a short sentence of its own
URL_LIKE = re.compile(r"(https?:|www\.|\.(de|com|org|net)\b|@)", re.IGNORECASE)


@dataclass(slots=True)  # one per term and document: slots keep a large corpus's tables small
class TermStats:
    count: int = 0
    # relative position of the first occurrence among the document's tokens (0 = start); whitespace is not
    # counted, so the same text from .txt, .docx or .pdf ranks alike whatever its line breaks
    first: float = 1.0
    # Forms seen, with counts; a single form is stored as a plain string by ``compact``.
    surfaces: Counter | str = field(default_factory=Counter)
    lemmas: Counter | str = field(default_factory=Counter)
    pos: str = ""
    words: tuple[str, ...] = ()
    own_line: int = 0  # occurrences on a line of their own below the first line: a heading ("== Literatur")

    def compact(self) -> TermStats:
        """Most terms have one form in a document: keep it as a string, not a Counter (a fifth of the memory)."""
        if isinstance(self.surfaces, Counter) and len(self.surfaces) == 1:
            self.surfaces = next(iter(self.surfaces))
        if isinstance(self.lemmas, Counter) and len(self.lemmas) == 1:
            self.lemmas = next(iter(self.lemmas))
        return self

    def surface(self) -> str:
        """The most frequent surface form (ties: alphabetical)."""
        return self.surfaces if isinstance(self.surfaces, str) else most_common(self.surfaces)

    def lemma(self) -> str:
        """The most frequent lemma form (ties: the first seen)."""
        return self.lemmas if isinstance(self.lemmas, str) else self.lemmas.most_common(1)[0][0]

    def surface_forms(self) -> list[str]:
        return [self.surfaces] if isinstance(self.surfaces, str) else list(self.surfaces)

    def absorb(self, other: TermStats) -> None:
        """Add another document's counts of the same term (``self`` keeps Counters)."""
        self.count += other.count
        self.own_line += other.own_line
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
    # a per-term method's scores, made where the document was parsed (keywords.table.terms_function), and its name
    scores: dict | None = None
    scored_by: str = ""
    reference: dict = field(default_factory=dict)  # keywords.methods.reference_zipfs, made with the scores


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
        self.heading_df: Counter = Counter()  # documents where the term is a line of its own (a heading)
        self.n_docs = self.n_words = self.n_terms = 0
        self._memory: list[DocTerms] = []
        self._file = None
        for dt in items:
            self.append(dt)

    def append(self, dt: DocTerms) -> None:
        self.df.update(dt.terms.keys())
        self.heading_df.update(key for key, st in dt.terms.items() if st.own_line)
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


def is_candidate_word(token, extra_stop: frozenset[str] = frozenset()) -> bool:
    """A content word (noun, name, adjective, verb) that is no stop word, number, link or abbreviation."""
    return _is_candidate_word(token, extra_stop)


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
    text = doc_text(doc)
    tokens_before = [0] * len(doc)  # tokens (not whitespace) before each token: its position
    n_tokens = 0
    for token in doc_tokens(doc):
        tokens_before[token.i] = n_tokens
        n_tokens += not token.is_space
    n_tokens = max(n_tokens, 1)
    n_words = 0
    short_sentence = False
    title_end = text.find("\n") % (len(text) + 1)  # the end of the first line (-1: one line, all title)

    def add(tokens, pos: str) -> None:
        key = tuple(term_key(t.lemma_) for t in tokens)
        stats = terms.setdefault(key, TermStats(pos=pos, words=tuple(t.lemma_ for t in tokens)))
        stats.count += 1
        stats.first = min(stats.first, tokens_before[tokens[0].i] / n_tokens)
        stats.surfaces[text[tokens[0].idx: tokens[-1].idx + len(tokens[-1])]] += 1
        stats.lemmas[" ".join(t.lemma_ for t in tokens)] += 1
        # a line of its own below the first line (which is the title, the document's topic) is a heading
        if short_sentence and tokens[0].idx > title_end and fills_line(text, tokens[0].idx,
                                                                       tokens[-1].idx + len(tokens[-1])):
            stats.own_line += 1

    for _, tokens in sentence_tokens(doc):
        short_sentence = len(tokens) <= HEADING_TOKENS  # only a short sentence can be a heading line
        n_words += sum(1 for t in tokens if is_word(t))
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
    """Every sub-span of ``ADJ* NOUN+ [version number]`` runs, 2..ngram_max tokens, ending in a noun.

    The nouns of a run are all names (PROPN: "Heribert Meffert") or all common nouns: a phrase never crosses a
    name's edge ("Heribert Meffert Gedanken" is the name and the noun, not a phrase)."""
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and tokens[j].pos_ == "ADJ" and _is_candidate_word(tokens[j], extra_stop):
            j += 1
        k = j
        while k < len(tokens) and _is_noun(tokens[k], extra_stop) and tokens[k].pos_ == tokens[j].pos_:
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


def fills_line(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is alone on its line but for markup (``== Literatur``, ``Fazit:``)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    rest = text[line_start:start] + text[end:len(text) if line_end < 0 else line_end]
    return not any(c.isalnum() for c in rest)


def most_common(counter: Counter) -> str:
    """The most frequent key (ties: alphabetical)."""
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
