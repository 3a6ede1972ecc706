"""Tokens per second of each component of the offline pipeline, measured one component at a time.

The texts are tokenised, then every component runs over all Docs before the next one starts; each figure is
the process CPU time of that step alone (the NER's and HanTa's model loads are excluded: one Doc is parsed
first, and HanTa's word memos are cleared after it).
CPU time, not wall time, so another busy core disturbs the figures less; say the machine's load with them.

Usage: python bench/speed_components.py [--files 10] [--corpus DIR] [--essays] [--blis]
  --essays   the five essays of data/raw instead of the wiki articles.
  --blis     the NER with thinc's own NumpyOps (blis products) as before nlp.matmul_ops, beside the default: the
             NER's time both ways in one run, and whether its entities are the same.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared/bench/wiki_de_1M/wiki"
ESSAYS = ROOT / "data/raw"


def clear_word_memos(nlp) -> None:
    """Forget HanTa's per-word results, so the figure is that of a fresh process (a cold memo). Reads the memos
    of this version and of the one before (``--code``-style comparisons run the old code with this script)."""
    from marketingtext.nlp import hanta_tagger

    tagger = hanta_tagger.load_hanta()
    memos = list(getattr(tagger, "memos", ()))
    for name in ("analyze_forward", "_analyze"):  # the version before: memos on HanTa's methods
        memos.append(getattr(getattr(tagger, name, None), "memo", {}))
    component = nlp.get_pipe("mtext_hanta")
    memos += [getattr(component, name, {}) for name in ("_annotations",)]
    for memo in memos:
        memo.clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--essays", action="store_true")
    parser.add_argument("--blis", action="store_true")
    args = parser.parse_args()
    from marketingtext.nlp.pipeline import load_pipeline

    nlp = load_pipeline("offline")[0]
    files = sorted(ESSAYS.glob("*.txt")) if args.essays else sorted(args.corpus.glob("*.txt"))[: args.files]
    texts = [f.read_text(encoding="utf-8") for f in files]
    nlp("Die Kundin kauft ein Buch.")  # load every model once
    clear_word_memos(nlp)
    started = time.process_time()
    docs = [nlp.make_doc(text) for text in texts]
    seconds = {"tokenizer": time.process_time() - started}
    tokens = sum(len(doc) for doc in docs)
    for name, component in nlp.pipeline:
        started = time.process_time()
        docs = list(component.pipe(docs)) if hasattr(component, "pipe") else [component(doc) for doc in docs]
        seconds[name] = time.process_time() - started
    source = "data/raw essays" if args.essays else f"first {len(files)} articles of {args.corpus.name}"
    print(f"{source}: {len(files)} files, {tokens:,} tokens; CPU seconds and tokens per second per component")
    for name, spent in seconds.items():
        print(f"{name:18s} {spent:7.2f} s {tokens / spent:10,.0f} tok/s")
    print(f"{'total':18s} {sum(seconds.values()):7.2f} s {tokens / sum(seconds.values()):10,.0f} tok/s")
    if args.blis:
        compare_ner_ops(nlp, docs)


def compare_ner_ops(nlp, docs) -> None:
    """The NER over the same Docs with numpy's matmul (default) and with blis, alternating, three runs each."""
    from spacy.tokens import Doc
    from thinc.api import NumpyOps

    from marketingtext.nlp.matmul_ops import MatmulOps

    layers = list(nlp.get_pipe("ner").model.walk())
    tokens = sum(len(doc) for doc in docs)
    seconds, entities = {"matmul": [], "blis": []}, {}
    for _ in range(3):
        for name, ops in (("matmul", MatmulOps()), ("blis", NumpyOps())):
            for layer in layers:
                layer.ops = ops
            fresh = [Doc(doc.vocab).from_bytes(doc.to_bytes(exclude=["ents"])) for doc in docs]
            started = time.process_time()
            parsed = list(nlp.get_pipe("ner").pipe(fresh))
            seconds[name].append(time.process_time() - started)
            entities[name] = [[(e.start, e.end, e.label_) for e in doc.ents] for doc in parsed]
    for layer in layers:
        layer.ops = MatmulOps()
    median = {name: sorted(runs)[1] for name, runs in seconds.items()}
    for name, spent in median.items():
        print(f"ner with {name:7s} {spent:7.2f} s {tokens / spent:10,.0f} tok/s (median of 3)")
    same = entities["matmul"] == entities["blis"]
    print(f"matmul / blis speed {median['blis'] / median['matmul']:.2f}x; entities the same: {same} "
          f"({sum(map(len, entities['matmul'])):,} entities)")


if __name__ == "__main__":
    main()
