"""The NER's floret vectors with each word's row remembered: spaCy computes them again for every token.

The NER reads a static vector per token (``StaticVectors``), and a floret table has no row per word: spaCy's
``Vectors.get_batch`` looks every token up as a string, hashes each distinct word's character n-grams and
averages their rows, in every batch again. A word's row depends on the word alone, so :class:`RememberedRows`
computes it once with spaCy's own ``get_batch`` and then takes it from a table: the same floats
(``tests/test_floret_rows.py``). ``bench/speed_components.py --files 27`` (the first 27 articles of
../shared/bench/wiki_de_1M/wiki, one run each on a loaded machine): the NER 7,085 -> 8,923 tokens a CPU second.
"""

from __future__ import annotations

import numpy as np
from spacy.vectors import Mode, Vectors

MAX_REMEMBERED = 200_000  # words whose rows are kept (64 floats each: 51 MB at most)


class RememberedRows(Vectors):
    """floret :class:`~spacy.vectors.Vectors` whose ``get_batch`` computes a word's row once per process."""

    def __init__(self, **settings) -> None:
        super().__init__(**settings)
        self._row_of: dict[int, int] = {}  # key (a string's hash) -> its row in self._rows
        self._rows = np.zeros((1024, self.data.shape[1]), dtype=self.data.dtype)

    def get_batch(self, keys):
        keys = [int(key) for key in keys]
        row_of = self._row_of
        new = [key for key in dict.fromkeys(keys) if key not in row_of]
        if new and len(row_of) + len(new) > MAX_REMEMBERED:
            return super().get_batch(keys)  # a vocabulary this large is computed as spaCy does, not kept
        if new:
            computed = np.asarray(super().get_batch(new), dtype=self._rows.dtype)
            start = len(row_of)
            if start + len(new) > len(self._rows):
                grown = np.zeros((max(2 * len(self._rows), start + len(new)), self._rows.shape[1]), self._rows.dtype)
                grown[:start] = self._rows[:start]
                self._rows = grown
            self._rows[start:start + len(new)] = computed
            row_of.update((key, start + n) for n, key in enumerate(new))
        return np.ascontiguousarray(self._rows[[row_of[key] for key in keys]])


def remembered_rows(vectors: Vectors) -> Vectors:
    """``vectors`` as :class:`RememberedRows` when they are a floret table (the same data and settings), else as
    they are."""
    if not isinstance(vectors, Vectors) or vectors.mode != Mode.floret:
        return vectors
    # the same table (not a copy: serialising it cost 0.4 s a start) and the same n-gram settings
    copy = RememberedRows(strings=vectors.strings, data=vectors.data, name=vectors.name, mode=vectors.mode,
                          minn=vectors.minn, maxn=vectors.maxn, hash_count=vectors.hash_count,
                          hash_seed=vectors.hash_seed, bow=vectors.bow, eow=vectors.eow, attr=vectors.attr)
    return copy
