"""Convert the openly licensed German NER corpora in ../shared/data/ to spaCy DocBin files and three
disjoint splits: train, dev (model selection during ``spacy train``) and an internal test (report only).

Labels are mapped onto de_core_news_sm's scheme (PER, LOC, ORG, MISC) as each SOURCE.md advises:
GermEval OTH and *deriv -> MISC, *part -> O; LER PER/RR/AN -> PER, LD/ST/STR/LDS -> LOC,
ORG/UN/INN/GRT/MRK -> ORG, legal norms -> O; Europeana PER/LOC/ORG as they are; SmartData and MobIE
person -> PER, location* -> LOC, organization* -> ORG, the rest -> O.

Splits (seeded, by document where documents exist, so no document is in two parts):
- GermEval 2014 dev: documents = the source URL line above each sentence; 20 % test, 10 % dev, rest train.
- SmartData (already minus its v3 held-out test): business/industry news documents 20 % test, 10 % dev;
  tweets and traffic reports 5 % dev, rest train. Tokenised with mtext's own German tokenizer.
- LER dev+test files: blocks of 40 consecutive sentences stand in for documents; 6 % test, 4 % dev.
- Europeana (German lft+onb) and MobIE train+dev: train only. MobIE's test split is a public benchmark: unused.
- GermEval 2014 train split (../shared/data/germeval2014_ner_train, 23,999 sentences, news and Wikipedia):
  train only, written once (domain germeval-train); the dev and internal test splits stay as in v0.4.
- The GermEval dev split's train documents are written 3 times (see GERMEVAL_TRAIN_REPEAT).

Usage: PYTHONPATH=src python training/prepare_ner_data.py ../shared/data training/corpus [--tag] [--without=D1,D2]
``--without`` leaves those domains (e.g. europeana,mobie) out of the train split (dev and test unchanged);
``--germeval-repeat=N`` writes GermEval's train documents N times (default 3); ``--repeat=DOMAIN:N,...`` writes
another domain's train documents N times (e.g. smartdata-news:2).
With ``--tag`` every document is first run through mtext's sentence rules and HanTa, so that the STTS tag
(``NE`` proper noun vs ``NN`` common noun: the distinction German capitalisation does not make) can be an
input feature of the NER (training/ner_vectors.cfg reads it with training/ner_code.py).
Writes train.spacy, dev.spacy, test.spacy and dev.jsonl, test.jsonl (text + gold character spans).
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

SEED = 13
GERMEVAL_MAP = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "OTH": "MISC"}
LER_MAP = {
    "PER": "PER", "RR": "PER", "AN": "PER",
    "LD": "LOC", "ST": "LOC", "STR": "LOC", "LDS": "LOC",
    "ORG": "ORG", "UN": "ORG", "INN": "ORG", "GRT": "ORG", "MRK": "ORG",
}
EUROPEANA_MAP = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}
DFKI_MAP = {
    "person": "PER", "location": "LOC", "location-city": "LOC", "location-stop": "LOC",
    "location-street": "LOC", "location-route": "LOC", "organization": "ORG", "organization-company": "ORG",
}
# Court decisions are far from essay prose: keep every sentence with a PER/LOC/ORG entity
# and only this share of the others, so the legal register does not dominate training.
LER_EMPTY_SENTENCE_SHARE = 0.15
LER_BLOCK = 40
# GermEval (news/Wikipedia, the register closest to essays) is small and the only corpus that marks MISC;
# the others leave MISC-like names O. Its train documents are repeated so they are not outvoted.
GERMEVAL_TRAIN_REPEAT = 3
EUROPEANA_MAX_SENTENCE = 60
GOLD_SPANS = "gold_spans"  # Doc.user_data key: the corpus's own character spans, for scoring
# SmartData documents that are tweets or traffic reports rather than business/industry news.
TRAFFIC_ID = re.compile(r"polizei|verkehr|viz-info|bauarbeiten\.bahn|deutschlandradio\.de/#")


def map_tag(tag: str, mapping: dict[str, str]) -> str:
    """Map an IOB tag through ``mapping``; unknown types and ``*part`` become O."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, kind = tag.split("-", 1)
    if kind.endswith("deriv") and mapping is GERMEVAL_MAP:
        kind = "OTH"
    label = mapping.get(kind)
    return f"{prefix}-{label}" if label else "O"


def repair_iob(tags: list[str]) -> list[str]:
    """Turn an I- tag that does not continue an entity of its type into B-."""
    fixed = []
    for i, tag in enumerate(tags):
        if tag.startswith("I-") and (i == 0 or fixed[-1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        fixed.append(tag)
    return fixed


def read_germeval_documents(path: Path):
    """(source line, words, tags) per sentence; the ``#`` line names the sentence's source document."""
    words, tags, source = [], [], ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            source = line.split("\t")[1] if "\t" in line else line
            continue
        if not line.strip():
            if words:
                yield source, words, tags
            words, tags = [], []
            continue
        cols = line.split("\t")
        words.append(cols[1])
        tags.append(map_tag(cols[2], GERMEVAL_MAP))
    if words:
        yield source, words, tags


def clean_germeval_word(word: str) -> str:
    """The pre-2022 GermEval text's stray C1 characters read as the cp1252 characters they stand for (U+0096 -> "–"),
    then mtext's own normalisation (soft hyphens dropped, NFC): an empty result means the token carried no text."""
    from marketingtext.reading.decode import normalize_text

    fixed = "".join(bytes([ord(ch)]).decode("cp1252", errors="ignore") or " " if 0x80 <= ord(ch) < 0xA0 else ch
                    for ch in word)
    return normalize_text(fixed).strip()


def read_germeval_bioes(path: Path):
    """(words, BIO tags) per sentence of GermEval's two-column BIOES train copy (S- -> B-, E- -> I-, upper-case
    DERIV/PART suffixes as in the dev file); tokens that are only invisible characters are dropped."""
    words, tags = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                yield words, repair_iob(tags)
            words, tags = [], []
            continue
        word, _, tag = line.rpartition(" ")
        word = clean_germeval_word(word)
        if not word:
            continue
        if tag[:2] in ("S-", "E-"):
            tag = {"S": "B", "E": "I"}[tag[0]] + tag[1:]
        if "-" in tag:
            tag = tag.replace("DERIV", "deriv").replace("PART", "part")
        words.append(word)
        tags.append(map_tag(tag, GERMEVAL_MAP))
    if words:
        yield words, repair_iob(tags)


def read_germeval(path: Path):
    for _, words, tags in read_germeval_documents(path):
        yield words, tags


def read_conll(path: Path, mapping: dict[str, str], split_on_period: bool = False):
    words, tags = [], []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("-DOCSTART-"):
            if words:
                yield words, tags
            words, tags = [], []
            continue
        parts = line.split()
        if len(parts) < 2:
            continue
        words.append(parts[0])
        tags.append(map_tag(parts[-1], mapping))
        if split_on_period and (parts[0] in {".", "!", "?"} or len(words) >= EUROPEANA_MAX_SENTENCE):
            yield words, tags
            words, tags = [], []
    if words:
        yield words, tags


def to_doc(vocab, words: list[str], tags: list[str]) -> Doc:
    return Doc(vocab, words=words, ents=repair_iob(tags))


def split_of(key: str, shares: tuple[float, float]) -> str:
    """'test', 'dev' or 'train' for a document key, from a seeded draw (stable whatever the order)."""
    draw = random.Random(f"{SEED}:{key}").random()
    if draw < shares[0]:
        return "test"
    return "dev" if draw < shares[0] + shares[1] else "train"


def trimmed(span):
    """The span without whitespace tokens at either edge (the NER cannot learn those), or None."""
    tokens = [t for t in span if not t.is_space]
    if not tokens:
        return None
    start, end = tokens[0].i, tokens[-1].i + 1
    return Span(span.doc, start, end, label=span.label_)


def smartdata_docs(path: Path, nlp):
    """(split, domain, Doc) per SmartData document, gold spans aligned to mtext's tokens."""
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        traffic = not record["id"].startswith("http") or bool(TRAFFIC_ID.search(record["id"]))
        split = split_of(record["id"], (0.0, 0.05) if traffic else (0.2, 0.1))
        doc = nlp.make_doc(record["text"])
        spans = []
        for start, end, kind in record["entities"]:
            label = DFKI_MAP.get(kind)
            span = doc.char_span(start, end, label=label, alignment_mode="expand") if label else None
            span = trimmed(span) if span is not None else None
            if span is not None:
                spans.append(span)
        doc.ents = filter_spans(spans)
        doc.user_data[GOLD_SPANS] = corpus_spans(record)
        yield split, "smartdata-traffic" if traffic else "smartdata-news", doc


def corpus_spans(record: dict) -> list[list]:
    """SmartData's PER/LOC/ORG spans as the corpus gives them, whitespace at the edges aside: the NER learns
    token-aligned spans ("Siemens-Sprecher"), but is scored on these ("Siemens"), as an outside check would."""
    spans = set()
    for start, end, kind in record["entities"]:
        text = record["text"][start:end]
        if DFKI_MAP.get(kind) and text.strip():
            start += len(text) - len(text.lstrip())
            end -= len(text) - len(text.rstrip())
            spans.add((start, end, DFKI_MAP[kind]))
    return [list(span) for span in sorted(spans)]


def ler_docs(shared_data: Path, vocab, rng: random.Random):
    for name in ("ler_dev.conll", "ler_test.conll"):
        for i, (w, t) in enumerate(read_conll(shared_data / "legal_entity_recognition_de" / name, LER_MAP)):
            if any(tag != "O" for tag in t) or rng.random() < LER_EMPTY_SENTENCE_SHARE:
                yield split_of(f"{name}:{i // LER_BLOCK}", (0.06, 0.04)), "ler", to_doc(vocab, w, t)


def all_docs(shared_data: Path, nlp):
    """(split, domain, Doc) for every sentence or document used."""
    vocab = nlp.vocab
    for source, w, t in read_germeval_documents(shared_data / "germeval2014_ner" / "NER-de-dev.tsv"):
        domain = "germeval-wiki" if "wikipedia.org" in source else "germeval-news"
        yield split_of(source, (0.2, 0.1)), domain, to_doc(vocab, w, t)
    germeval_train = shared_data / "germeval2014_ner_train" / "train_bioes.train"
    if germeval_train.exists():
        for w, t in read_germeval_bioes(germeval_train):
            yield "train", "germeval-train", to_doc(vocab, w, t)
    yield from smartdata_docs(shared_data / "smartdata_de_ner" / "smartdata_v1_minus_heldout.jsonl", nlp)
    yield from ler_docs(shared_data, vocab, random.Random(SEED))
    for name in ("enp_DE.lft.bio", "enp_DE.onb.bio"):
        path = shared_data / "europeana_newspapers_de_ner" / name
        for w, t in read_conll(path, EUROPEANA_MAP, split_on_period=True):
            yield "train", "europeana", to_doc(vocab, w, t)
    for name in ("train.conll2003", "dev.conll2003"):  # never test.conll2003: a public benchmark split
        for w, t in read_conll(shared_data / "mobie_de_ner" / name, DFKI_MAP):
            yield "train", "mobie", to_doc(vocab, w, t)


def gold_record(domain: str, doc: Doc) -> dict:
    """The text and its gold spans: the corpus's own character spans where it has them (SmartData), else the
    entities of the token-aligned document."""
    spans = doc.user_data.get(GOLD_SPANS) or [[ent.start_char, ent.end_char, ent.label_] for ent in doc.ents]
    return {"domain": domain, "text": doc.text, "spans": spans}


def tagging_pipeline(nlp):
    """The offline pipeline's sentence and HanTa components, as the NER sees them at run time."""
    from marketingtext.nlp import german, hanta_tagger  # noqa: F401  (registers the components)

    nlp.add_pipe("mtext_sentences")
    nlp.add_pipe("mtext_hanta")
    return [proc for _, proc in nlp.pipeline]


def main(shared_data: Path, out_dir: Path, tag: bool = False, without: frozenset[str] = frozenset(),
         germeval_repeat: int = GERMEVAL_TRAIN_REPEAT, repeat: dict[str, int] | None = None) -> None:
    from marketingtext.nlp.german import add_german_tokenizer_rules

    nlp = spacy.blank("de")
    add_german_tokenizer_rules(nlp)
    annotators = tagging_pipeline(nlp) if tag else []
    bins = {split: DocBin() for split in ("train", "dev", "test")}
    gold = {"dev": [], "test": []}
    counts = Counter()
    for split, domain, doc in all_docs(shared_data, nlp):
        if split == "train" and domain in without:
            continue
        for annotate in annotators:
            doc = annotate(doc)
        times = germeval_repeat if domain in ("germeval-news", "germeval-wiki") else (repeat or {}).get(domain, 1)
        for _ in range(times if split == "train" else 1):
            bins[split].add(doc)
        if split in gold:
            gold[split].append(gold_record(domain, doc))
        counts[(split, domain, "docs")] += 1
        counts[(split, domain, "tokens")] += len(doc)
        counts[(split, domain, "ents")] += len(doc.ents)
    out_dir.mkdir(parents=True, exist_ok=True)
    for split, docbin in bins.items():
        docbin.to_disk(out_dir / f"{split}.spacy")
    for split, records in gold.items():
        with open(out_dir / f"{split}.jsonl", "w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    for split, domain in sorted({(s, d) for s, d, _ in counts}):
        print(f"{split:5} {domain:18} docs {counts[(split, domain, 'docs')]:6d} "
              f"tokens {counts[(split, domain, 'tokens')]:7d} entities {counts[(split, domain, 'ents')]:6d}")


def parse_args(argv: list[str]):
    import argparse

    parser = argparse.ArgumentParser(description="NER corpora to DocBins: train, dev and internal test splits")
    parser.add_argument("shared_data", type=Path)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--tag", action="store_true", help="run mtext's sentence rules and HanTa first")
    parser.add_argument("--without", default="", help="domains left out of the train split, e.g. europeana,mobie")
    parser.add_argument("--germeval-repeat", type=int, default=GERMEVAL_TRAIN_REPEAT)
    parser.add_argument("--repeat", default="", help="DOMAIN:N,... train documents of a domain written N times")
    return parser.parse_args(argv)


if __name__ == "__main__":
    args = parse_args(sys.argv[1:])
    pairs = (item.partition(":") for item in args.repeat.split(",") if item)
    repeats = {domain: int(times) for domain, _, times in pairs}
    main(args.shared_data, args.out_dir, tag=args.tag, without=frozenset(filter(None, args.without.split(","))),
         germeval_repeat=args.germeval_repeat, repeat=repeats)
