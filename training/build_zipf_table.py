"""Build the German word-frequency table (``marketingtext.language.lexicon.zipf``): wordfreq's Zipf values, looked up
without loading wordfreq.

wordfreq reads its 634,000-word German list into a dict and compiles its tokenizer on first use: about a second of
every run, for a look-up. For a word of Latin letters only (``PLAIN_WORD``: A-Z, a-z and the letters of Latin-1 and
Latin Extended-A/B but ŉ), wordfreq's own answer is the frequency of the word case-folded (its tokenizer returns
exactly that one token: checked on 1.98 million such words of the bench corpus, the NER data and the list itself,
and on each letter alone and inside a word), so the table holds every such word of the list with its frequency
band, the centibels below 1 that wordfreq stores it under (its frequency is 10 ** (-band / 100), as wordfreq
computes it). Words not in the table have Zipf 0, as in wordfreq; any other word is asked of wordfreq itself.
Deterministic: the same wordfreq gives the same file.

Usage: python training/build_zipf_table.py [OUT.marisa]
"""

from __future__ import annotations

import sys
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from marketingtext.core.fsio import write_atomic  # noqa: E402
from marketingtext.language.lexicon import PLAIN_WORD, ZIPF_TABLE  # noqa: E402


def main() -> None:
    import marisa_trie
    from wordfreq import get_frequency_list

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ZIPF_TABLE
    bands = {}
    for band, words in enumerate(get_frequency_list("de")):
        for word in words:
            if PLAIN_WORD.fullmatch(word):
                bands[word] = band  # a word listed twice: the later band, as wordfreq's own dict has it
    entries = sorted((word, (band,)) for word, band in bands.items())
    words = len(entries)
    entries.append((f"\x01wordfreq {version('wordfreq')}", (0,)))  # which wordfreq it was built from
    trie = marisa_trie.RecordTrie("<H", entries)
    write_atomic(out, trie.tobytes())
    print(f"{out}: {words:,} words, {out.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
