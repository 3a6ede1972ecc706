"""NER quality on mtext's internal test split: a variant table, the shipped model per label and domain,
the entity layer end-to-end (false-friend filter, gazetteer), and the offline pipeline's speed.

Gold: the internal TEST split written by training/prepare_ner_data.py (rebuilt here from ../shared/data,
same seed): 465 GermEval 2014 dev sentences (news and Wikipedia, reported apart), 153 SmartData business-news documents,
159 LER court-decision sentences, split by document; no model saw it in training or selection.
It is not a public benchmark's test split. Labels PER/LOC/ORG/MISC (MISC only in GermEval).
A prediction is correct when its character span and label equal a gold entity's (exact match).
Every model runs inside mtext's full offline pipeline (mtext tokenizer, sentences, HanTa, NER).

Usage:
  python bench/eval_ner.py                       # table from bench/ner_variants.json + shipped model, live
  python bench/eval_ner.py --variant NAME=PATH --save   # evaluate trained variants, store their rows
  python bench/eval_ner.py --speed               # also words/s with and without NER on the wiki bench
  python bench/eval_ner.py --speed-only --speed-ner PATH   # only the speed lines (PATH: a packaged NER folder)
  python bench/eval_ner.py --split dev          # the same on the dev split, to choose rules (a dev figure)
  python bench/eval_ner.py --split dev --ner PATH   # PATH's NER in place of the shipped one, entity layer included
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
VARIANTS_JSON = ROOT / "bench" / "ner_variants.json"
WIKI = SHARED / "bench/wiki_de_1M/wiki"
LABELS = ("PER", "LOC", "ORG", "MISC")
CORE = {"PER", "LOC", "ORG"}


def split_records(split: str = "test") -> list[dict]:
    """One split of prepare_ner_data.py (default the internal test):
    {"domain", "text", "spans": [[start, end, label], ...]} per document."""
    sys.path.insert(0, str(ROOT / "training"))
    import spacy

    from marketingtext.nlp.german import add_german_tokenizer_rules
    from prepare_ner_data import all_docs, gold_record

    nlp = spacy.blank("de")
    add_german_tokenizer_rules(nlp)
    return [gold_record(domain, doc) for part, domain, doc in all_docs(SHARED / "data", nlp) if part == split]


def offline_pipeline(ner_path: Path | None):
    """mtext's offline pipeline with the NER component taken from ``ner_path`` (None: the shipped one): a trained
    spaCy NER pipeline folder, or a CRF folder of training/train_crf_ner.py (it holds ``model.crf``)."""
    import spacy

    from marketingtext.nlp import german, hanta_tagger  # noqa: F401  (registers mtext's components)
    from marketingtext.nlp.crf_ner import MODEL_FILE
    from marketingtext.nlp.pipeline import add_sourced_ner, build_offline_pipeline, ner_model_path

    nlp = build_offline_pipeline()
    if ner_path is not None:
        nlp.remove_pipe("ner")
        if (ner_path / MODEL_FILE).exists():
            nlp.add_pipe("mtext_crf_ner", name="ner",
                         config={"ner_folder": str(ner_model_path()), "crf_folder": str(ner_path)})
        else:
            add_sourced_ner(nlp, spacy.load(ner_path), ner_path)
    return nlp


def scores(tp: Counter, fp: Counter, fn: Counter) -> dict[str, dict[str, float]]:
    """P/R/F1 and gold count per label, plus ``all`` (every label) and ``PLO`` (PER+LOC+ORG)."""
    out = {}
    for name, labels in [(label, {label}) for label in LABELS] + [("PLO", CORE), ("all", set(LABELS))]:
        t, p, n = (sum(c[label] for label in labels) for c in (tp, fp, fn))
        precision = t / (t + p) if t + p else 0.0
        recall = t / (t + n) if t + n else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[name] = {"p": round(precision, 4), "r": round(recall, 4), "f": round(f1, 4), "gold": t + n}
    return out


def count(pairs) -> tuple[Counter, Counter, Counter]:
    """True/false positives and misses per label over (gold spans, predicted spans) pairs."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for gold, pred in pairs:
        for span in pred:
            (tp if span in gold else fp)[span[2]] += 1
        for span in gold - pred:
            fn[span[2]] += 1
    return tp, fp, fn


def gold_spans(record: dict) -> set[tuple[int, int, str]]:
    return {tuple(span) for span in record["spans"]}


def model_spans(doc) -> set[tuple[int, int, str]]:
    from marketingtext.entities.table import LABEL_MAP

    return {(e.start_char, e.end_char, LABEL_MAP.get(e.label_, e.label_)) for e in doc.ents}


def filtered_spans(doc) -> set[tuple[int, int, str]]:
    """Model spans that survive mtext's false-friend filter (entities._model_mentions, no gazetteer)."""
    from marketingtext.entities.table import Gazetteer, _model_mentions

    return {(m.start, m.end, m.label) for m in _model_mentions(doc, Gazetteer([]))}


def layer_spans(doc, gazetteer) -> set[tuple[int, int, str]]:
    """The entity table's mentions (model + filter + legal-form rule + gazetteer + merge), as mtext writes them."""
    from marketingtext.engine.parsing import ParsedDoc
    from marketingtext.entities.table import entity_rows
    from marketingtext.reading.decode import SourceText

    source = SourceText("t", "t", doc.text, "utf-8", len(doc.text), 0)
    return {(r["start_char"], r["end_char"], r["label"]) for r in entity_rows(ParsedDoc(source, doc), gazetteer)}


def print_table(title: str, rows: dict[str, dict]) -> None:
    print(f"\n{title}")
    head = "".join(f" | {name:^17}" for name in (*LABELS, "PER+LOC+ORG", "all"))
    print(f"{'variant':44}{head}")
    print(f"{'':44}" + " | {:>5} {:>5} {:>5}".format("P", "R", "F1") * 6)
    for name, s in rows.items():
        cells = "".join(f" | {s[k]['p']:5.3f} {s[k]['r']:5.3f} {s[k]['f']:5.3f}" for k in (*LABELS, "PLO", "all"))
        print(f"{name:44}{cells}")


def print_domains(rows: dict[str, dict]) -> None:
    """PER+LOC+ORG P/R/F1 per domain of the split for each variant."""
    domains = sorted({d for s in rows.values() for d in s.get("domains", {})})
    print("\nPER+LOC+ORG exact-span P/R/F1 per domain")
    print(f"{'variant':44}" + "".join(f" | {d:^17}" for d in domains))
    for name, s in rows.items():
        cells = "".join(" | {p:5.3f} {r:5.3f} {f:5.3f}".format(**s["domains"][d]["PLO"]) if d in s.get("domains", {})
                        else f" | {'-':^17}" for d in domains)
        print(f"{name:44}{cells}")


def evaluate_variant(path: Path | None, records: list[dict]):
    """Parsed test docs and the model's scores: overall, and per domain under ``domains``."""
    nlp = offline_pipeline(path)
    docs = list(nlp.pipe(r["text"] for r in records))
    result = scores(*count((gold_spans(r), model_spans(d)) for r, d in zip(records, docs, strict=True)))
    result["domains"] = {}
    for domain in sorted({r["domain"] for r in records}):
        pairs = [(gold_spans(r), model_spans(d)) for r, d in zip(records, docs, strict=True) if r["domain"] == domain]
        result["domains"][domain] = scores(*count(pairs))
    return docs, result


def shipped_report(records: list[dict], ner_path: Path | None = None) -> dict:
    """Shipped model (or ``ner_path``'s) live: per label, per domain, and the entity layer with/without its filters."""
    from marketingtext.entities.table import Gazetteer, load_gazetteer

    docs, shipped = evaluate_variant(ner_path, records)
    layer = {"model (raw doc.ents)": shipped}
    layer["model + false-friend filter"] = scores(*count(
        (gold_spans(r), filtered_spans(d)) for r, d in zip(records, docs, strict=True)))
    layer["entity layer, no gazetteer"] = scores(*count(
        (gold_spans(r), layer_spans(d, Gazetteer([]))) for r, d in zip(records, docs, strict=True)))
    gazetteer = load_gazetteer()
    pairs = [(r["domain"], gold_spans(r), layer_spans(d, gazetteer)) for r, d in zip(records, docs, strict=True)]
    layer["entity layer + gazetteer"] = scores(*count((gold, pred) for _, gold, pred in pairs))
    layer["entity layer + gazetteer"]["domains"] = {
        domain: scores(*count((gold, pred) for d, gold, pred in pairs if d == domain))
        for domain in sorted({r["domain"] for r in records})}
    return {"shipped": shipped, "layer": layer}


def wiki_texts(max_words: int) -> list[str]:
    texts, words = [], 0
    for path in sorted(WIKI.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        texts.append(text)
        words += len(text.split())
        if words >= max_words:
            break
    return texts


def speed(ner_path: Path | None = None, max_words: int = 60_000) -> None:
    """Words/s (whitespace words) of the full offline pipeline, with and without its NER, single process,
    HanTa's memo warm in both. Wall-clock and CPU-time rates: on a shared machine CPU time is steadier."""
    texts = wiki_texts(max_words)
    words = sum(len(t.split()) for t in texts)
    nlp = offline_pipeline(ner_path)
    with nlp.select_pipes(disable=["ner"]):
        list(nlp.pipe(texts))  # warm HanTa's memo for every text, so both timed passes find it full
    list(nlp.pipe(texts[:1]))  # the NER's first call
    for label, disabled in (("with NER", []), ("without NER", ["ner"])):
        with nlp.select_pipes(disable=disabled):
            wall, cpu = time.perf_counter(), time.process_time()
            for _ in nlp.pipe(texts):
                pass
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(f"offline pipeline {label:12}: {words} words of {WIKI.relative_to(SHARED.parent)} ({len(texts)} files): "
              f"wall {wall:.1f} s = {words / wall:,.0f} words/s; CPU {cpu:.1f} s = {words / cpu:,.0f} words/s")


def model_size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variant", action="append", default=[], metavar="NAME=PATH",
                        help="evaluate a trained NER pipeline directory as a variant row")
    parser.add_argument("--save", action="store_true", help=f"store the variant rows in {VARIANTS_JSON.name}")
    parser.add_argument("--speed", action="store_true", help="also measure words/s on the wiki bench corpus")
    parser.add_argument("--speed-ner", default="", help="NER pipeline folder for --speed (default: shipped)")
    parser.add_argument("--speed-only", action="store_true", help="only measure words/s (no quality tables)")
    parser.add_argument("--ner", default="",
                        help="NER pipeline or CRF folder scored live in place of the shipped one (model and layer)")
    parser.add_argument("--split", choices=("test", "dev"), default="test",
                        help="test (report only) or dev (to choose rules and models; nothing is saved)")
    args = parser.parse_args()

    from marketingtext.nlp.pipeline import ner_model_path

    if args.speed_only:
        print(f"NER {args.speed_ner or 'shipped'}")
        speed(Path(args.speed_ner) if args.speed_ner else None)
        return
    records = split_records(args.split)
    counts = Counter(r["domain"] for r in records)
    print(f"internal {args.split} split: {dict(sorted(counts.items()))} documents/sentences, "
          f"{sum(len(r['spans']) for r in records)} gold entities")
    stored = json.loads(VARIANTS_JSON.read_text()) if VARIANTS_JSON.exists() and args.split == "test" else {}
    for item in args.variant:
        name, _, path = item.partition("=")
        _, result = evaluate_variant(Path(path), records)
        note = stored.get(name, {}).get("note", "")
        stored[name] = {**result, "size_mb": round(model_size_mb(Path(path)), 1), "note": note}
    if args.save and args.split == "test":
        VARIANTS_JSON.write_text(json.dumps(stored, indent=1, sort_keys=True) + "\n")
    live = Path(args.ner) if args.ner else None
    report = shipped_report(records, live)
    rows = {f"{name} ({row['size_mb']} MB)": row for name, row in stored.items()}
    live_name = f"{live.name}, live" if live else "SHIPPED, live"
    rows[f"{live_name} ({model_size_mb(live or ner_model_path()):.1f} MB)"] = report["shipped"]
    print_table("Variants (NER alone in the offline pipeline; stored rows from bench/ner_variants.json)", rows)
    print_domains(rows)
    for name, row in stored.items():
        if row.get("note"):
            print(f"note on {name}: {row['note']}")
    print_table(f"{'Model ' + str(live) if live else 'Shipped model'}, entity layer end-to-end", report["layer"])
    print_domains({"model (raw doc.ents)": report["shipped"],
                   "entity layer + gazetteer (mtext entities)": report["layer"]["entity layer + gazetteer"]})
    if args.speed:
        print()
        print(f"NER {args.speed_ner or 'shipped'}")
        speed(Path(args.speed_ner) if args.speed_ner else None)


if __name__ == "__main__":
    main()
