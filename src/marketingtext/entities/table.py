"""Named entities: the model's, merged with the gazetteer and two rules, filtered and canonicalised.

Per document (:func:`entity_rows`): gazetteer matches (see :mod:`.gazetteer`) win over
overlapping model entities (not over a person's or a legal-form company's longer name that holds
them); a model entity on exactly the same span makes the source ``both``. Rules add companies named
by their legal form, listed places, names after a company noun and further mentions of a document's organisation
acronyms the model passed over (source ``rule``; the organisation rules are in :mod:`.organisations`).
Model entities that are false friends (see :func:`is_false_friend`) are dropped unless the
gazetteer knows them. Rows keep the raw mention; an acronym the text pairs with its expansion
("Europäische Zentralbank (EZB)") carries the expansion in ``canonical``. Over the whole corpus,
:func:`.canonical.canonicalise` then gives every entity one name (:func:`entity_table` does it).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import partial

import pandas as pd

from ..engine.parsing import ParsedDoc
from ..language.words import numbered_sentences, squash_spaces
from ..nlp.doc_text import doc_text
from .canonical import canonicalise
from .false_friends import ACRONYM, LEGAL_FORM, is_false_friend
from .gazetteer import LABEL_MAP, LABELS, Gazetteer, GazetteerEntry, Mention, gazetteer_mentions, load_gazetteer
from .organisations import (
    SpanIndex,
    bracketed_acronym_mentions,
    company_apposition_spans,
    label_by_last_word,
    same_name_mentions,
)
from .spans import (
    cited_author_spans,
    company_spans,
    in_web_address,
    is_legal_form,
    lone_place_spans,
    name_spans,
    web_address_spans,
    without_markup,
)

__all__ = ["ENTITY_COLUMNS", "SUMMARY_COLUMNS", "COOCCUR_COLUMNS", "Gazetteer", "GazetteerEntry", "canonicalise",
           "cooccurrences", "entity_rows", "entity_table", "is_false_friend", "load_gazetteer", "summarize"]

# label: what this mention got (model, gazetteer or rule); corpus_label: the label its canonical name has in the
# corpus (the label most of its mentions have: see .canonical.corpus_labels).
ENTITY_COLUMNS = ["doc", "sent_id", "start_char", "end_char", "text", "label", "canonical", "source", "kind",
                  "corpus_label"]
# label: the corpus label; labels: the mentions' own labels with their counts ("ORG 10|LOC 7").
SUMMARY_COLUMNS = ["canonical", "label", "kind", "mentions", "docs", "first_doc", "variants", "labels"]
COOCCUR_COLUMNS = ["source", "target", "source_label", "target_label", "sentences", "docs"]


def _model_mentions(doc, gazetteer: Gazetteer) -> list[Mention]:
    mentions = []
    text = doc_text(doc)
    for ent in doc.ents:
        label = label_by_last_word(ent, LABEL_MAP.get(ent.label_, ent.label_))
        core = without_markup(ent)  # "#", "Duisburg": judge the name
        if label in LABELS and (gazetteer.lookup(core.text) or not is_false_friend(core, label)):
            mentions.extend(_confirmed(Mention(start, end, text[start:end], label, "model"), gazetteer)
                            for start, end in name_spans(core, label))
    return mentions


def _confirmed(mention: Mention, gazetteer: Gazetteer) -> Mention:
    """A model mention on a gazetteer spelling that needs the NER's word for it ("Honda") names that entry
    (:meth:`.Gazetteer.confirm`); other gazetteer spellings come from :func:`gazetteer_mentions`."""
    entry = gazetteer.confirm(mention.text, mention.label)
    if entry:
        mention.entry, mention.source = entry, "both"
    return mention


def legal_form_mentions(doc) -> list[Mention]:
    """Companies named by their legal form (:func:`.entity_spans.company_spans`), source ``rule``."""
    text = doc_text(doc)
    return [Mention(start, end, text[start:end], "ORG", "rule") for start, end in company_spans(doc)]


def lone_place_mentions(doc) -> list[Mention]:
    """Listed places the model passed over (:func:`.entity_spans.lone_place_spans`), source ``rule``."""
    text = doc_text(doc)
    return [Mention(start, end, text[start:end], "LOC", "rule") for start, end in lone_place_spans(doc)]


def rule_name_mentions(doc) -> list[Mention]:
    """Names the model passed over: listed places (:func:`lone_place_mentions`), authors cited in the genitive
    before a quoted title (:func:`.spans.cited_author_spans`: "Röndells „…“" names Röndell) and names after a
    company noun (:func:`.spans.company_apposition_spans`: "die Handelskette Zielpunkt"), source ``rule``."""
    authors, text = [], doc_text(doc)
    for (start, end), name in cited_author_spans(doc):
        mention = Mention(start, end, text[start:end], "PER", "rule")
        mention.canonical = name
        authors.append(mention)
    companies = [Mention(start, end, text[start:end], "ORG", "rule") for start, end in company_apposition_spans(doc)]
    return sorted(lone_place_mentions(doc) + authors + companies, key=lambda m: (m.start, m.end))


def _prefer_rule_spans(rule_hits: list[Mention], model_hits: list[Mention]) -> list[Mention]:
    """A company span found by its legal form replaces the model spans inside it ("Regaltechnik GmbH");
    where a model span is the same or reaches beyond it, the model's span stays."""
    models = SpanIndex(model_hits)
    kept = [r for r in rule_hits
            if all(_within(m, r) and (m.start, m.end) != (r.start, r.end) for m in models.overlapping(r))]
    rules = SpanIndex(kept)
    inside = [m for m in model_hits if not any(_within(m, r) for r in rules.overlapping(m))]
    return sorted(kept + inside, key=lambda m: (m.start, m.end))


def _within(inner: Mention, outer: Mention) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _merge(gazetteer_hits: list[Mention], model_hits: list[Mention]) -> list[Mention]:
    """Gazetteer spans win; a model span equal to one makes it ``both``; other overlaps go. Except: an
    organisation's name inside a person's ("Frank Henkel", "Ferdinand Porsche") or inside a company named by its
    legal form ("KION GROUP GmbH") is part of that longer name; where the name is the gazetteer's and only the legal
    form follows ("Siemens AG"), the company span names that entry."""
    models = SpanIndex(model_hits)
    kept = []
    for g in gazetteer_hits:
        longer = next((m for m in models.overlapping(g) if _is_part_of_longer_name(g, m)), None)
        if longer is None:
            kept.append(g)
        elif longer.entry is None and longer.label == "ORG" and is_legal_form(longer.text[g.end - longer.start:]):
            longer.entry, longer.source = g.entry, "both"
    gazetteer_hits, gazetteer_index = kept, SpanIndex(kept)
    spans = {(m.start, m.end): m for m in gazetteer_hits}
    merged = list(gazetteer_hits)
    for m in model_hits:
        if (m.start, m.end) in spans:
            if m.source == "model":
                spans[(m.start, m.end)].source = "both"
        elif not gazetteer_index.overlapping(m):
            merged.append(m)
    return sorted(merged, key=lambda m: (m.start, m.end))


def _is_part_of_longer_name(hit: Mention, model_hit: Mention) -> bool:
    """An organisation's name inside a person's after a name word ("Frank Henkel"; not "Jarrow von Shell", where
    the company follows a lower-case word) or inside a company named by its legal form, found by the rule or the
    model ("Henkel Beteiligungs GmbH"); a product's (MISC) name anywhere inside a person's ("Alexa Müller")."""
    if not _within(hit, model_hit) or (hit.start, hit.end) == (model_hit.start, model_hit.end):
        return False
    if hit.label == "MISC" and model_hit.label == "PER":
        return True  # a product's name inside a person's: "Alexa Müller" is no mention of Amazon Alexa
    if hit.label != "ORG":
        return False
    before, words = model_hit.text[:hit.start - model_hit.start].split(), model_hit.text.split()
    if model_hit.label == "ORG":
        return model_hit.source == "rule" or bool(LEGAL_FORM.match(words[-1]))
    return model_hit.label == "PER" and bool(before) and before[-1][:1].isupper()


def _pair_acronyms(mentions: list[Mention], text: str) -> None:
    """"Europäische Zentralbank (EZB)" or "EZB (Europäische Zentralbank)": the acronym's row
    names the expansion, for :func:`canonicalise`. Only model mentions of one label, only when
    the acronym's first letter starts the expansion."""
    for a, b in zip(mentions, mentions[1:], strict=False):
        if a.label != b.label or text[a.end:b.start].strip() != "(" or text[b.end:b.end + 1] != ")":
            continue
        long, short = (a, b) if ACRONYM.match(b.text) else (b, a)
        if ACRONYM.match(short.text) and not ACRONYM.match(long.text) and short.source == "model" \
                and long.text[:1].upper() == short.text[:1]:
            short.canonical = long.canonical  # the gazetteer's name if it knows the expansion


def entity_rows(parsed: ParsedDoc, gazetteer: Gazetteer | None = None) -> list[dict]:
    """Rows of the mention table for one document (``canonical``: the gazetteer's name, the paired
    expansion of an acronym, else the mention itself; :func:`canonicalise` names them corpus-wide)."""
    gazetteer = gazetteer or load_gazetteer()
    doc = parsed.doc
    model_hits = _prefer_rule_spans(legal_form_mentions(doc), _model_mentions(doc, gazetteer))
    model_index = SpanIndex(model_hits)
    places = [m for m in rule_name_mentions(doc) if not model_index.overlapping(m)]
    model_hits = sorted(model_hits + places, key=lambda m: (m.start, m.end))
    mentions = _merge(gazetteer_mentions(doc, gazetteer), model_hits)
    mentions = sorted(mentions + bracketed_acronym_mentions(mentions, doc_text(doc)), key=lambda m: (m.start, m.end))
    mentions = sorted(mentions + same_name_mentions(mentions, doc_text(doc)), key=lambda m: (m.start, m.end))
    addresses = web_address_spans(doc_text(doc))  # "facebook" in "www.facebook.com/…" is no mention
    mentions = [m for m in mentions if not in_web_address(m.start, m.end, addresses)]
    for m in mentions:
        m.canonical = m.entry.canonical if m.entry else m.canonical or squash_spaces(m.text)
    _pair_acronyms(mentions, doc_text(doc))
    sentences = [(sent.start_char, sent_id) for sent_id, sent in numbered_sentences(doc)]
    starts = [start for start, _ in sentences]
    rows = []
    for m in mentions:
        at = bisect_right(starts, m.start) - 1  # the last sentence starting at or before the mention
        sent_id = sentences[at][1] if at >= 0 else 0
        rows.append({"doc": parsed.source.doc, "sent_id": sent_id, "start_char": m.start, "end_char": m.end,
                     "text": m.text, "label": m.entry.label if m.entry else m.label, "canonical": m.canonical,
                     "source": m.source, "kind": m.entry.kind if m.entry else ""})
    return rows


def entity_rows_function(gazetteer_files: Iterable[str] = (), use_gazetteer: bool = True, **_table_options):
    """The picklable function that makes one document's :func:`entity_rows` for :func:`entity_table` with these
    options (the gazetteer loaded once)."""
    return partial(entity_rows, gazetteer=load_gazetteer(tuple(gazetteer_files)) if use_gazetteer else Gazetteer([]))


def entity_table(parsed_docs: Iterable[ParsedDoc] = (), *, gazetteer_files: Iterable[str] = (),
                 summary: bool = False, cooccur: bool = False, use_gazetteer: bool = True,
                 doc_rows: Iterable[list[dict]] | None = None) -> pd.DataFrame:
    """Mentions (default), one row per canonical entity (``summary``) or sentence co-occurrence pairs;
    ``doc_rows``: each document's rows when already made (by :func:`entity_rows_function`'s function)."""
    if doc_rows is None:
        rows_of = entity_rows_function(gazetteer_files, use_gazetteer)
        doc_rows = (rows_of(parsed) for parsed in parsed_docs)
    rows = [row for rows_of_doc in doc_rows for row in rows_of_doc]
    mentions = canonicalise(pd.DataFrame(rows, columns=ENTITY_COLUMNS))
    if summary:
        return summarize(mentions)
    if cooccur:
        return cooccurrences(mentions)
    return mentions


def summarize(mentions: pd.DataFrame, canonicalised: bool = False) -> pd.DataFrame:
    """One row per canonical name: its corpus label, mentions, documents, first document, spellings seen and
    the labels its mentions got (``labels``, most frequent first).

    The mentions are canonicalised corpus-wide first (idempotent: rows of :func:`entity_table`
    keep their names), so a table collected document by document sums up right too; ``canonicalised``: they are
    :func:`canonicalise`'s table already (the report has it made once for this and :func:`cooccurrences`)."""
    mentions = mentions if canonicalised else canonicalise(mentions)
    columns = {name: mentions[name].tolist() for name in ("canonical", "text", "kind", "label", "corpus_label", "doc")}
    groups: dict[str, list[int]] = {}  # in order of first mention, as groupby(sort=False); plain lists: faster
    for i, canonical in enumerate(columns["canonical"]):
        if isinstance(canonical, str):
            groups.setdefault(canonical, []).append(i)
    rows = []
    for canonical, rows_of_name in groups.items():
        texts = Counter(columns["text"][i] for i in rows_of_name)
        kinds = [k for k in (columns["kind"][i] for i in rows_of_name) if isinstance(k, str) and k]
        labels = sorted(Counter(columns["label"][i] for i in rows_of_name).items(), key=lambda x: (-x[1], x[0]))
        first_doc, corpus_label = columns["doc"][rows_of_name[0]], columns["corpus_label"][rows_of_name[0]]
        rows.append({"canonical": canonical, "label": corpus_label, "kind": kinds[0] if kinds else "",
                     "mentions": len(rows_of_name), "docs": len({columns["doc"][i] for i in rows_of_name}),
                     "first_doc": first_doc,
                     "variants": "|".join(sorted(texts, key=lambda v: (-texts[v], v))),
                     "labels": "|".join(f"{label} {n}" for label, n in labels)})
    table = pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
    return table.sort_values(["mentions", "docs", "canonical"], ascending=[False, False, True],
                             kind="mergesort").reset_index(drop=True)


def cooccurrences(mentions: pd.DataFrame, canonicalised: bool = False) -> pd.DataFrame:
    """Pairs of canonical entities named in the same sentence: an edge list for graph tools; ``canonicalised``:
    the mentions are :func:`canonicalise`'s table already."""
    mentions = mentions if canonicalised else canonicalise(mentions)
    sentences: dict[tuple, set] = defaultdict(set)
    labels = {}
    # whole columns as lists: pandas' str columns cost a call per value when iterated row by row
    for doc, sent_id, canonical, corpus_label in zip(*(mentions[c].tolist() for c in
                                                       ("doc", "sent_id", "canonical", "corpus_label")), strict=True):
        sentences[(doc, sent_id)].add(canonical)
        labels.setdefault(canonical, corpus_label)
    pairs, docs = Counter(), defaultdict(set)
    for (doc, _), names in sentences.items():
        ordered = sorted(names)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                pairs[(a, b)] += 1
                docs[(a, b)].add(doc)
    rows = [{"source": a, "target": b, "source_label": labels[a], "target_label": labels[b],
             "sentences": n, "docs": len(docs[(a, b)])}
            for (a, b), n in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))]
    return pd.DataFrame(rows, columns=COOCCUR_COLUMNS)
