"""Build the HanTa lexicon (``marketingtext.nlp.hanta_lexicon``): HanTa's analyses of wordfreq's most frequent words.

For each of the first N words of wordfreq's German list (lower-case, as HanTa looks words up; and its spellings with ß
where the list, case-folded, writes ss: große, schließlich): its forward analysis
(unless HanTa's own model lists the word: then HanTa never runs one) and its lemma under every part of speech the
sentence tagger may give it (the tags ``_tag_word`` keeps for the word in lower case, capitalised and
sentence-initially). Every answer comes from ``FastHanoverTagger`` itself, without a lexicon, so a look-up returns
what the search would. Deterministic: the same HanTa, wordfreq and N give the same file.

Usage: python training/build_hanta_lexicon.py [--words 200000] [OUT.marisa]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from importlib.metadata import version
from itertools import product
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from marketingtext.core.fsio import write_atomic  # noqa: E402
from marketingtext.nlp.hanta_lexicon import (  # noqa: E402
    LEXICON_FILE,
    META_KEY,
    SEPARATOR,
    forward_key,
    lemma_key,
    model_identity,
    pack_forward,
    pack_lemma,
    package_model,
)
from marketingtext.nlp.hanta_tagger import MAX_TAGGED_CHARS  # noqa: E402

MODEL_FILE = "morphmodel_ger.pgz"


def lexicon_entries(words: list[str]):
    """(key, bytes) pairs of every answer the lexicon holds for ``words``."""
    from marketingtext.nlp.hanta_fast import FastHanoverTagger

    tagger = FastHanoverTagger(package_model(MODEL_FILE), size=10**8)  # memos change no answer (test_hanta_fast)
    for word in (form for listed in words for form in (listed, *sharp_s_spellings(listed))):
        key = tagger.normalize(word)
        if key != word or SEPARATOR in word or len(word) > MAX_TAGGED_CHARS:
            continue  # HanTa reads it as another word (quotes), or mtext never hands it to HanTa
        if key not in tagger.cache:
            yield forward_key(key), pack_forward(tagger.analyze_forward(key))
        parts_of_speech = set()
        for form, casesensitive in ((word, False), (word, True), (word[:1].upper() + word[1:], True)):
            unknown, tags = tagger._word_tags(form, casesensitive)
            if not unknown:
                parts_of_speech.update(tag for tag, _ in tags)
        for pos in sorted(parts_of_speech):
            yield lemma_key(key, pos), pack_lemma(*tagger._analyze(key, pos))


def sharp_s_spellings(word: str) -> list[str]:
    """The word with ß for one or more of its ss (wordfreq's list is case-folded: "grosse" stands for große too);
    each is a word of its own to HanTa, analysed as written."""
    parts = word.split("ss")
    if len(parts) == 1 or len(parts) > 4:
        return []
    return [parts[0] + "".join(join + part for join, part in zip(choice, parts[1:], strict=True))
            for choice in product(("ss", "ß"), repeat=len(parts) - 1) if "ß" in choice]


def main() -> None:
    import marisa_trie
    from wordfreq import top_n_list

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=LEXICON_FILE)
    parser.add_argument("--words", type=int, default=200_000)
    args = parser.parse_args()
    start = time.perf_counter()
    words = list(dict.fromkeys(top_n_list("de", args.words)))
    entries = list(lexicon_entries(words))
    meta = {**model_identity(MODEL_FILE), "wordfreq": version("wordfreq"), "words": len(words),
            "source": "wordfreq.top_n_list('de')"}
    entries.append((META_KEY, json.dumps(meta, sort_keys=True).encode()))
    trie = marisa_trie.BytesTrie(entries)
    write_atomic(args.out, trie.tobytes())
    print(f"{args.out}: {len(words):,} words, {len(entries) - 1:,} answers, {args.out.stat().st_size / 1e6:.1f} MB, "
          f"{time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
