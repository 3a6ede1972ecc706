"""What the HanTa lexicon saves, and that it changes nothing: HanTa's sentence tagging with and without it.

Tokenises and splits the first N articles of ../shared/bench/wiki_de_1M/wiki into sentences (the offline pipeline's
own components), then tags every sentence with ``FastHanoverTagger`` (fresh memos each time): without a lexicon, with
the shipped one, and with any other lexicon file given (e.g. built by ``training/build_hanta_lexicon.py --words N``).
Prints per lexicon the process CPU time of the tagging (the fastest of ``--repeat`` runs, all lexicons in turn),
the words whose forward analysis was still searched, the lexicon's size, and whether every tag and lemma equals the
run without a lexicon. Compare the lines of one call, not seconds across machines.

Usage: python bench/hanta_lexicon.py [--files 27] [--repeat 3] [--lexicon FILE ...]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared/bench/wiki_de_1M/wiki"


def sentences(files: list[Path]) -> list[list[str]]:
    """Every sentence of the files as the words ``mtext_hanta`` hands HanTa."""
    from marketingtext.nlp.hanta_tagger import HantaTagger
    from marketingtext.nlp.pipeline import load_pipeline

    nlp = load_pipeline("offline", entities=False)[0]
    with nlp.select_pipes(enable=["mtext_sentences"]):
        docs = nlp.pipe(f.read_text(encoding="utf-8") for f in files)
        found = [[HantaTagger._tagger_form(t.text) for t in sent if not t.is_space]
                 for doc in docs for sent in doc.sents]
    return [words for words in found if words]


def main() -> None:
    from marketingtext.nlp.hanta_fast import FastHanoverTagger
    from marketingtext.nlp.hanta_lexicon import LEXICON_FILE, HantaLexicon
    from marketingtext.nlp.hanta_tagger import WORD_MEMO_SIZE

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=27)
    parser.add_argument("--lexicon", type=Path, nargs="*", default=[])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = sorted(CORPUS.glob("*.txt"))[: args.files]
    sents = sentences(files)
    print(f"{len(files)} articles of {CORPUS.name}, {len(sents):,} sentences, {sum(map(len, sents)):,} words")
    reference, runs = None, {}
    paths = [None, LEXICON_FILE, *args.lexicon]
    for _ in range(args.repeat):  # in turn, so that a drifting machine or a warming process favours none
        for path in paths:
            lexicon = HantaLexicon(path) if path else None
            tagger = FastHanoverTagger("morphmodel_ger.pgz", WORD_MEMO_SIZE, lexicon)
            start = time.process_time()
            answers = [tagger.tag_sent(words, taglevel=1) for words in sents]
            seconds = time.process_time() - start
            reference = answers if reference is None else reference
            runs.setdefault(path, []).append((seconds, len(tagger.forward), answers == reference))
    for path in paths:
        label = "no lexicon" if path is None else f"{path.name} ({HantaLexicon(path).meta.get('words', 0):,} " \
                                                  f"words, {path.stat().st_size / 1e6:.1f} MB)"
        seconds = sorted(s for s, _, _ in runs[path])
        print(f"{label}: tagging {seconds[0]:.2f} s CPU (fastest of {len(seconds)}; slowest {seconds[-1]:.2f}), "
              f"forward searches {runs[path][0][1]:,}, "
              f"{'same' if all(same for _, _, same in runs[path]) else 'DIFFERENT'} tags and lemmas")


if __name__ == "__main__":
    main()
