"""Build the syllable table (``marketingtext.language.syllables``): ``word_syllables`` of wordfreq's German words.

Every lower-case word of letters in wordfreq's German list, and its spellings with ß where the case-folded list
writes ss, with the syllables ``word_syllables`` counts for it, computed by the module itself; the table is keyed to
that module's text and pyphen's version (``rules_key``), so a change of the rules leaves it unused until it is built
again. Deterministic: the same rules, pyphen and wordfreq give the same file.

Usage: python training/build_syllable_table.py [OUT.marisa]
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_hanta_lexicon import sharp_s_spellings  # noqa: E402
from marketingtext.core.fsio import write_atomic  # noqa: E402
from marketingtext.language.syllables import SYLLABLE_TABLE, rules_key, word_syllables  # noqa: E402

LETTERS = re.compile(r"[^\W\d_]+")


def main() -> None:
    import marisa_trie
    from wordfreq import iter_wordlist

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else SYLLABLE_TABLE
    start = time.perf_counter()
    words = sorted({form for listed in iter_wordlist("de") if LETTERS.fullmatch(listed) and listed == listed.lower()
                    for form in (listed, *sharp_s_spellings(listed))})
    entries = [(word, (word_syllables(word),)) for word in words]
    entries.append((rules_key(), (0,)))
    trie = marisa_trie.RecordTrie("<B", entries)
    write_atomic(out, trie.tobytes())
    print(f"{out}: {len(words):,} words, {out.stat().st_size / 1e6:.1f} MB, {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
