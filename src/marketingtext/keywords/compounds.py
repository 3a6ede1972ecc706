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
