"""Compound nouns: split into head and modifiers, and grouped by shared part across a corpus."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

import pandas as pd

from ..language.lexicon import stopwords, zipf
from .terms import CORPUS, DocTerms, most_common

GROUP_COLUMNS = ["doc", "rank", "term", "count", "docs", "compounds", "members"]


@lru_cache(maxsize=50_000)
def split_compound(word: str) -> tuple[str, list[str]]:
    """``Marketingstrategie`` -> (``Strategie``, [``Marketing``]); hyphens split first.

    Uses the ``compound-split`` package's German model (char_split, Tuggener 2016) recursively on the head
    while its score is confident (>= 0.5).
    """
    parts = [p for p in word.split("-") if p]
    if len(parts) > 1:
        head, mods = split_compound(parts[-1])
        return head, [*parts[:-1], *mods]
    modifiers, head = [], word
    while len(head) >= 8:
        best = best_split(head)
        # the first split needs a confident score, further splits of the head a very confident one
        if best[0] < (0.5 if not modifiers else 0.8) or len(best[1]) < 3 or len(best[2]) < 4:
            break
        modifiers.append(best[1])
        head = best[2]
    return head[:1].upper() + head[1:], modifiers


def best_split(word: str) -> tuple[float, str, str]:
    """``char_split.split_compound(word)[0]`` (compound-split's best split: score, first part, rest), computed
    the same way from the same n-gram log-probabilities, read from a memory-mapped trie (:func:`ngram_probs`)."""
    probs = ngram_probs()

    def get(kind: str, ngram: str, default: float) -> float:
        found = probs.get(kind + ngram)
        return found[0][0] if found else default

    word = word.lower()
    if "-" in word:
        cut = word.rfind("-")
        return 1.0, word[:cut].title(), word[cut + 1:].title()
    scores = []
    for n in range(3, len(word) - 2):
        pre_slice_prob = get("s", _without_fugen_s(word[:n]), -1)
        start_slice_prob = get("p", _without_fugen_s(word[n:]), -1)
        # the lowest probability of an n-gram inside the word from here: a likely one makes a split unlikely
        in_slice_prob = min(get("i", word[n:k], 1) for k in range(len(word), n + 2, -1))
        scores.append((start_slice_prob - in_slice_prob + pre_slice_prob, word[:n].title(), word[n:].title()))
    return max(scores) if scores else (0, word.title(), word.title())


def _without_fugen_s(part: str) -> str:
    """char_split's ``cut_off_fugen_s``: a linking s after t, g, k, hl or n goes."""
    if part.endswith(("ts", "gs", "ks", "hls", "ns")) and len(part) > 3:
        return part[:-1]
    return part


@lru_cache(maxsize=1)
def ngram_probs():
    """compound-split's German prefix, infix and suffix n-gram log-probabilities as one trie (keys ``p``, ``i``,
    ``s`` + n-gram), memory-mapped from mtext's cache folder.

    The package holds them as a 39 MB Python module whose import takes 2-5 s on these machines (1.9 million dict
    entries built from constants, plus the Dutch model char_split imports too), in every run that ranks keywords.
    The trie is built from that module once (about 3 s; 8 MB), then opened in well under a millisecond. Where the
    cache folder cannot be written, the trie is built in memory for this run."""
    import marisa_trie

    path = _probs_path()
    if path is not None and path.exists():
        try:
            return marisa_trie.RecordTrie("<d").mmap(str(path))
        except (OSError, ValueError, RuntimeError):
            pass  # a damaged file: built again below
    from compound_split import de_ngram_probs

    trie = marisa_trie.RecordTrie("<d", ((kind + ngram, (prob,)) for kind, table in
                                         (("p", de_ngram_probs.prefix), ("i", de_ngram_probs.infix),
                                          ("s", de_ngram_probs.suffix)) for ngram, prob in table.items()))
    if path is not None:
        _save(trie, path)
    return trie


def _probs_path():
    from importlib.metadata import PackageNotFoundError, version

    from ..engine.cachedir import default_cache_dir

    try:
        return default_cache_dir() / f"compound_split_de_{version('compound-split')}.marisa"
    except PackageNotFoundError:
        return None


def _save(trie, path) -> None:
    """Written atomically and private, as the cache's own entries; an unwritable folder keeps it in memory."""
    from ..core.fsio import OutputError, write_atomic
    from ..engine.cache import PRIVATE_FILE, make_private_folder

    try:
        make_private_folder(path.parent)
        write_atomic(path, trie.tobytes(), mode=PRIVATE_FILE)
    except (OSError, OutputError):
        pass


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
            if len(key) != 1 or st.pos != "NOUN":  # names are no compounds: Scheibelhofer is not a Hofer
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
    rows = [{"doc": CORPUS, "rank": i, "term": most_common(labels[g]), "count": counts[g],
             "docs": len(docs[g]), "compounds": len(members[g]),
             "members": "|".join(m for m, _ in sorted(members[g].items(), key=lambda kv: (-kv[1], kv[0])))}
            for i, g in enumerate(order, 1)]
    return pd.DataFrame(rows, columns=GROUP_COLUMNS)
