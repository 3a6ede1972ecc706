"""Where the entity layer (`mtext entities`) misses or mislabels one label on the NER DEV split, grouped by shape.

The dev split of training/prepare_ner_data.py (never its internal test) is parsed once by the shipped model in the
offline pipeline and kept as a DocBin (``--cache``), so entity-layer rules can be tried in seconds. For the label
(default ORG) each gold entity the layer does not give exactly is put in one group by what the layer gave instead
(a wrong label on the same span, a span cut short before a legal form, a span too short or too long, nothing);
each layer mention of the label that is not gold likewise. Also prints the layer's PER+LOC+ORG P/R/F1 on dev, on
its two halves (documents alternately: "tune" and "check") and per domain, as bench/eval_ner.py's layer row.

Usage: PYTHONPATH=src python bench/ner_layer_errors.py [--label ORG] [--cache PATH] [--examples N] [--half tune]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from eval_ner import count, gold_spans, layer_spans, offline_pipeline, scores, split_records  # noqa: E402


def parsed_dev(cache: Path):
    """(records, docs) of the dev split; docs parsed by the shipped pipeline, cached as a DocBin."""
    from spacy.tokens import DocBin

    records = split_records("dev")
    nlp = offline_pipeline(None)
    if cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe(r["text"] for r in records))
        cache.parent.mkdir(parents=True, exist_ok=True)
        DocBin(attrs=["ORTH", "TAG", "POS", "LEMMA", "MORPH", "ENT_IOB", "ENT_TYPE", "SENT_START", "HEAD", "DEP"],
               docs=docs, store_user_data=True).to_disk(cache)
    return records, docs


def shape(text: str, gold_label: str, pred: list[tuple[int, int, str]], start: int, end: int, doc_text: str) -> str:
    """The group of a gold entity the layer did not give exactly."""
    from marketingtext.entities.false_friends import ACRONYM, LEGAL_FORM

    words = text.split()
    legal = bool(words) and bool(LEGAL_FORM.match(words[-1]))
    same = [p for p in pred if (p[0], p[1]) == (start, end)]
    if same:
        return f"same span labelled {same[0][2]}"
    overlapping = [p for p in pred if p[0] < end and start < p[1]]
    if not overlapping:
        kind = "legal form" if legal else "acronym" if ACRONYM.match(text) else f"{len(words)} word(s)"
        return f"missed ({kind})"
    p = overlapping[0]
    if p[0] == start and p[1] < end and legal:
        return f"cut before the legal form ({p[2]})"
    if p[0] <= start and end <= p[1]:
        return f"inside a longer {p[2]} span"
    if start <= p[0] and p[1] <= end:
        return f"a shorter {p[2]} span inside"
    return f"crossing a {p[2]} span"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--label", default="ORG")
    parser.add_argument("--cache", default=str(ROOT.parent / "scratch" / "ner-dev-docs.spacy"))
    parser.add_argument("--examples", type=int, default=6, help="examples printed per group")
    parser.add_argument("--half", choices=("all", "tune", "check"), default="all",
                        help="list errors of these documents only (tune: even positions, check: odd)")
    args = parser.parse_args()

    from marketingtext.entities.table import load_gazetteer

    records, docs = parsed_dev(Path(args.cache))
    gazetteer = load_gazetteer()
    pairs = [(r["domain"], gold_spans(r), layer_spans(d, gazetteer)) for r, d in zip(records, docs, strict=True)]
    rows = {"dev (all)": range(len(pairs)), "dev tune half": range(0, len(pairs), 2),
            "dev check half": range(1, len(pairs), 2)}
    for domain in sorted({d for d, _, _ in pairs}):
        rows[domain] = [i for i, (d, _, _) in enumerate(pairs) if d == domain]
    print(f"{'entity layer + gazetteer, dev':34} | {'PER F1':>6} | {'LOC F1':>6} | {'ORG P/R/F1':>17} | "
          f"{'PER+LOC+ORG P/R/F1':>17}")
    for name, index in rows.items():
        s = scores(*count((pairs[i][1], pairs[i][2]) for i in index))
        print(f"{name:34} | {s['PER']['f']:6.3f} | {s['LOC']['f']:6.3f} | "
              f"{s['ORG']['p']:.3f} {s['ORG']['r']:.3f} {s['ORG']['f']:.3f} | "
              f"{s['PLO']['p']:.3f} {s['PLO']['r']:.3f} {s['PLO']['f']:.3f}")

    chosen = {"all": range(len(pairs)), "tune": range(0, len(pairs), 2), "check": range(1, len(pairs), 2)}[args.half]
    misses, extras = defaultdict(list), defaultdict(list)
    for i in chosen:
        domain, gold, pred = pairs[i]
        text = records[i]["text"]
        ordered = sorted(pred)
        for start, end, label in sorted(gold - pred):
            if label == args.label:
                group = shape(text[start:end], label, ordered, start, end, text)
                misses[group].append((domain, text[start:end], _context(text, start, end)))
        gold_chars = {(s, e): lab for s, e, lab in gold}
        for start, end, label in sorted(pred - gold):
            if label != args.label:
                continue
            if (start, end) in gold_chars:
                group = f"gold {gold_chars[(start, end)]}"
            elif any(s < end and start < e for s, e in gold_chars):
                group = "overlaps gold, other span"
            else:
                group = "no gold entity there"
            extras[group].append((domain, text[start:end], _context(text, start, end)))
    for title, groups in ((f"gold {args.label} not given exactly", misses),
                          (f"layer {args.label} that is not gold", extras)):
        print(f"\n## {title} ({args.half} documents): {sum(len(v) for v in groups.values())}")
        for group, items in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            domains = Counter(d for d, _, _ in items)
            print(f"\n{group}: {len(items)}  ({', '.join(f'{d} {n}' for d, n in sorted(domains.items()))})")
            for domain, mention, context in items[:args.examples]:
                print(f"    [{domain}] {mention!r}: …{context}…")


def _context(text: str, start: int, end: int, width: int = 50) -> str:
    around = text[max(0, start - width):start] + "[[" + text[start:end] + "]]" + text[end:end + width]
    return around.replace("\n", " ")


if __name__ == "__main__":
    main()
