"""Are HanTa's annotations unchanged? Every token's tag_, pos_, lemma_ and morph on real text, saved or compared.

Runs the offline pipeline's tokenizer, sentence rules and ``mtext_hanta`` (not the NER, which reads these) on the
first N Wikipedia articles of the speed corpus and the five essays of data/raw, and either saves every token's
annotation to a JSON file (``--save``) or compares it with one saved before (``--against``), printing the number
of tokens that differ and the first differences. Save with the old code, compare with the new:

  PYTHONPATH=/path/to/old/src python bench/hanta_identity.py --save before.json
  PYTHONPATH=src python bench/hanta_identity.py --against before.json

``--english``: HanTa's English model (false_friends asks it about loanwords) through the fast path against
HanTa's own ``HanoverTagger``, ``tag_word`` of every capitalised word of the same files, with both timings.

Usage: python bench/hanta_identity.py [--files 27] (--save FILE | --against FILE | --english) [--show 10]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared/bench/wiki_de_1M/wiki"
ESSAYS = ROOT / "data/raw"


def annotations(files: list[Path]) -> dict[str, list[list[str]]]:
    """Per file, per token: text, tag_, pos_, lemma_, morph."""
    from marketingtext.nlp.pipeline import load_pipeline

    nlp = load_pipeline("offline")[0]
    texts = [f.read_text(encoding="utf-8") for f in files]
    with nlp.select_pipes(enable=["mtext_sentences", "mtext_hanta"]):
        docs = nlp.pipe(texts)
        return {f"{f.parent.name}/{f.name}": [[t.text, t.tag_, t.pos_, t.lemma_, str(t.morph)] for t in doc]
                for f, doc in zip(files, docs, strict=True)}


def english_identity(files: list[Path], show: int) -> None:
    import re
    import time

    from HanTa import HanoverTagger

    from marketingtext.nlp.hanta_fast import FastHanoverTagger

    words = sorted({w for f in files for w in re.findall(r"\b[A-ZÄÖÜ][\w'-]+\b", f.read_text(encoding="utf-8"))})
    answers = []
    for tagger in (HanoverTagger.HanoverTagger("morphmodel_en.pgz"), FastHanoverTagger("morphmodel_en.pgz", 200_000)):
        start = time.perf_counter()
        answers.append(([tagger.tag_word(w) for w in words], time.perf_counter() - start))
    (slow, slow_s), (fast, fast_s) = answers
    differences = [(w, a[:1], b[:1]) for w, a, b in zip(words, slow, fast, strict=True) if a != b]
    print(f"English tag_word of {len(words):,} capitalised words: {len(differences)} differ; "
          f"HanTa {slow_s:.2f} s, fast path {fast_s:.2f} s")
    for difference in differences[:show]:
        print("  ", *difference)
    sys.exit(1 if differences else 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=27)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--save", type=Path)
    action.add_argument("--against", type=Path)
    action.add_argument("--english", action="store_true")
    parser.add_argument("--show", type=int, default=10)
    args = parser.parse_args()
    files = sorted(args.corpus.glob("*.txt"))[: args.files] + sorted(ESSAYS.glob("*.txt"))
    if args.english:
        english_identity(files, args.show)
    found = annotations(files)
    tokens = sum(len(rows) for rows in found.values())
    if args.save:
        args.save.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
        print(f"{len(found)} files, {tokens:,} tokens saved to {args.save}")
        return
    saved = json.loads(args.against.read_text(encoding="utf-8"))
    differences = []
    for name, rows in found.items():
        before = saved.get(name)
        if before is None or len(before) != len(rows):
            differences.append((name, "token count", len(before or []), len(rows)))
            continue
        differences += [(name, i, old, new) for i, (old, new) in enumerate(zip(before, rows, strict=True))
                        if old != new]
    print(f"{len(found)} files ({args.files} articles of {args.corpus.name}, data/raw essays), {tokens:,} tokens: "
          f"{len(differences)} differ from {args.against}")
    for difference in differences[: args.show]:
        print("  ", *difference)
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
