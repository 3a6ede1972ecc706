"""HanTa's analyses of frequent German words, computed once when mtext is built and shipped as a look-up table.

HanTa analyses every word it has not yet met in a process from scratch: a Viterbi search over the word's morphemes
for the log-probability of each part of speech (``analyze_forward``), and another for its lemma under the part of
speech the sentence tagger chose (``_analyze``). On a new text that is about half of the offline pipeline's parse
time, most of it spent on words every German text has. The lexicon holds both answers for wordfreq's most frequent
German words (and their spellings with ß, which wordfreq's case-folded list writes ss), exactly as
``FastHanoverTagger`` computes them (log-probabilities stored as the same doubles, every part of speech the sentence
tagger may choose for the word), so a look-up gives the tags and lemmas a search would: tests/test_hanta_fast.py
compares them with HanTa's own tagger, ``bench/hanta_identity.py`` the annotations of 274 articles before and
after. ``training/build_hanta_lexicon.py`` builds it; a lexicon of another layout or built with another HanTa version
or model file is not used (the search runs, as before).

One job: HanTa's answers for known words, looked up instead of searched.
"""

from __future__ import annotations

import json
import struct
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

LEXICON_FILE = Path(__file__).parent / "models" / "hanta_de_lexicon.marisa"
SEPARATOR = "\x01"  # between a key's parts; a word holding it is never in the lexicon
META_KEY = "\x02meta"
FORWARD, LEMMA = "f", "l"
LEXICON_FORMAT = 1  # the keys' and values' layout below; a lexicon of another layout is not read
_PAIR = struct.Struct("<bd")  # a part of speech (HanTa's tags are -117…122) and its log-probability, exactly


def package_model(model_file: str) -> str:
    """The path of HanTa's own copy of a model (given a bare name, HanTa would take a file of that name in the
    working directory first, and the lexicon would not be its answers)."""
    import HanTa.HanoverTagger

    return str(Path(HanTa.HanoverTagger.__file__).parent / model_file)


def model_identity(model_file: str) -> dict:
    """What a lexicon must have been built with to give HanTa's answers: this layout, HanTa's version and the size
    of the model file."""
    return {"format": LEXICON_FORMAT, "hanta": version("HanTa"), "model": model_file,
            "model_bytes": Path(package_model(model_file)).stat().st_size}


def forward_key(word: str) -> str:
    return f"{FORWARD}{SEPARATOR}{word}"


def lemma_key(word: str, pos: int) -> str:
    return f"{LEMMA}{SEPARATOR}{word}{SEPARATOR}{pos}"


def pack_forward(pairs) -> bytes:
    return b"".join(_PAIR.pack(tag, p) for tag, p in pairs)


def pack_lemma(lemma: str, tag: str) -> bytes:
    return f"{lemma}\0{tag}".encode("utf-8", "surrogatepass")


class HantaLexicon:
    """Look-ups in a built lexicon (memory-mapped: opening it reads nothing)."""

    def __init__(self, path: Path) -> None:
        import marisa_trie

        self._trie = marisa_trie.BytesTrie()
        self._trie.mmap(str(path))
        found = self._trie.get(META_KEY)
        self.meta = json.loads(found[0]) if found else {}

    def forward(self, word: str) -> list[tuple[int, float]] | None:
        """``analyze_forward(word)`` for a lower-cased word in the lexicon, else None."""
        found = self._trie.get(forward_key(word)) if SEPARATOR not in word else None
        return list(_PAIR.iter_unpack(found[0])) if found else None

    def lemma(self, word: str, pos: int) -> tuple[str, str] | None:
        """HanTa's ``_analyze(word, pos)`` at taglevel 1 (lemma, tag) for a word in the lexicon, else None."""
        found = self._trie.get(lemma_key(word.lower(), pos)) if SEPARATOR not in word else None
        if not found:
            return None
        lemma, _, tag = found[0].decode("utf-8", "surrogatepass").rpartition("\0")
        return lemma, tag


@lru_cache(maxsize=2)
def load_lexicon(model_file: str, path: Path = LEXICON_FILE) -> HantaLexicon | None:
    """The shipped lexicon for HanTa's ``model_file`` when it was built with the installed HanTa, else None."""
    if not path.is_file():
        return None
    lexicon = HantaLexicon(path)
    built_with = {key: lexicon.meta.get(key) for key in ("format", "hanta", "model", "model_bytes")}
    return lexicon if built_with == model_identity(model_file) else None
