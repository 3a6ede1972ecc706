"""Where the NER's CPU time goes: its tok2vec (embedding and encoder apart) against the whole NER component.

Data: the first N articles (sorted by file name) of ../shared/bench/wiki_de_1M/wiki, parsed once by mtext's
offline pipeline without its NER (tokenizer, sentences, HanTa), so the NER's inputs (STTS tags, name flags,
static vectors) are ready. Then, batch by batch as ``nlp.pipe`` would feed them, the CPU time (process time, one
process; run it with OMP_NUM_THREADS=1) of:

- the whole NER component (``ner.pipe``: tok2vec, the parser's precomputed lower layer, the transition loop,
  setting ``doc.ents``);
- its tok2vec's embedding, split into the feature table (attribute extraction, hash-embedding lookups and the
  static floret vectors, concatenated) and the mixer (maxout + layer norm from the concatenation to the width);
- its tok2vec's encoder (the MaxoutWindowEncoder's residual layers);
- the tok2vec as a whole (embedding + encoder), as a check on the two parts' sum.

Each figure is the minimum over ``--repeat`` passes (a shared machine adds time, never removes it).

Usage: PYTHONPATH=src OMP_NUM_THREADS=1 python bench/ner_time_split.py [--articles 20] [--ner PATH] [--repeat 3]
    [--batch-docs N]
``--ner PATH``: a packaged NER folder instead of the shipped one (training/package_ner.py).
``--batch-docs 1``: one article per batch, as mtext's parsing feeds the chunks of a text over 100,000 characters
(engine.parsing.pipe_texts; shorter texts go 16 to a batch: ``--batch-docs 16``); the default is the pipeline's
batch size (1,000: all articles in one batch, as bench/eval_ner.py --speed runs). In one
large batch the tok2vec's arrays are large (the feature table is tokens x 960 floats) and it runs slower, while the
transition loop runs faster; docs/ner_v05.md ("NER v0.5.4") has both.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WIKI = ROOT.parent / "shared" / "bench/wiki_de_1M/wiki"
sys.path.insert(0, str(ROOT / "bench"))

from eval_ner import offline_pipeline  # noqa: E402  (mtext's offline pipeline, another NER folder if given)


def min_cpu(run, repeat: int) -> float:
    """The smallest CPU time of ``repeat`` calls of ``run``."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--ner", default="", help="packaged NER folder (default: the shipped model)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-docs", type=int, default=0,
                        help="documents per batch (default: the pipeline's batch size, as nlp.pipe feeds the NER)")
    args = parser.parse_args()

    from spacy.util import minibatch

    paths = sorted(WIKI.glob("*.txt"))[: args.articles]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    nlp = offline_pipeline(Path(args.ner) if args.ner else None)
    with nlp.select_pipes(disable=["ner"]):
        docs = list(nlp.pipe(texts))
    ner = nlp.get_pipe("ner")
    batch_docs = args.batch_docs or nlp.batch_size
    batches = [list(b) for b in minibatch(docs, size=batch_docs)]
    tok2vec = ner.model.get_ref("tok2vec").layers[0]  # chain(tok2vec, list2array, linear): the Tok2Vec itself
    embed, encode = tok2vec.get_ref("embed"), tok2vec.get_ref("encode")
    table, mixer = embed.layers[0], embed.layers[1:]  # concat(hash embeddings, static vectors); maxout + norm
    tables = [table.predict(b) for b in batches]
    embedded = [embed.predict(b) for b in batches]
    list(ner.pipe(docs[:1]))  # first call outside the timings

    def run_mixer() -> None:
        for ragged in tables:
            out = ragged
            for layer in mixer:
                out = layer.predict(out)

    timings = {
        "whole NER component (ner.pipe)": min_cpu(lambda: [None for _ in ner.pipe(docs, batch_size=batch_docs)],
                                                  args.repeat),
        "tok2vec (embedding + encoder)": min_cpu(lambda: [tok2vec.predict(b) for b in batches], args.repeat),
        "  embedding": min_cpu(lambda: [embed.predict(b) for b in batches], args.repeat),
        "    feature table (hash embeddings + static vectors)": min_cpu(lambda: [table.predict(b) for b in batches],
                                                                        args.repeat),
        "    mixer (maxout + layer norm)": min_cpu(run_mixer, args.repeat),
        "  encoder": min_cpu(lambda: [encode.predict(x) for x in embedded], args.repeat),
    }
    words = sum(len(t.split()) for t in texts)
    tokens = sum(len(d) for d in docs)
    dims = {name: tok2vec.get_ref(name).get_dim("nO") for name in ("embed", "encode")}
    print(f"NER {args.ner or 'shipped'}: embed width {dims['embed']}, encoder width {dims['encode']}, "
          f"encoder layers {len(encode.layers[0].layers)}")
    print(f"data: first {len(paths)} articles of {WIKI.relative_to(ROOT.parent)}: {words:,} words, {tokens:,} tokens, "
          f"{len(batches)} batches of up to {batch_docs} docs; CPU time, min of {args.repeat} passes")
    whole = timings["whole NER component (ner.pipe)"]
    for name, seconds in timings.items():
        print(f"{name:54} {seconds:6.2f} s  {seconds / whole:6.1%} of the NER  {tokens / seconds:9,.0f} tokens/s")
    rest = whole - timings["tok2vec (embedding + encoder)"]
    print(f"{'rest of the NER (linear to hidden, lower layer, transitions)':54} {rest:6.2f} s  {rest / whole:6.1%}")


if __name__ == "__main__":
    main()
