"""Named entities: the model's, merged with the authorities gazetteer, filtered and canonicalised.

Per document (:func:`entity_rows`): gazetteer matches (see :mod:`.gazetteer`) win over
overlapping model entities; a model entity on exactly the same span makes the source ``both``.
Model entities that are false friends (see :func:`is_false_friend`) are dropped unless the
gazetteer knows them. Rows keep the raw mention; an acronym the text pairs with its expansion
("Europäische Zentralbank (EZB)") carries the expansion in ``canonical``. Over the whole corpus,
:func:`.canonical.canonicalise` then gives every entity one name (:func:`entity_table` does it).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

import pandas as pd

from .canonical import canonicalise
from .gazetteer import LABEL_MAP, LABELS, Gazetteer, GazetteerEntry, Mention, gazetteer_mentions, load_gazetteer
from .parsing import ParsedDoc
from .sentences import numbered_sentences
from .words import squash_spaces

__all__ = ["ENTITY_COLUMNS", "SUMMARY_COLUMNS", "COOCCUR_COLUMNS", "Gazetteer", "GazetteerEntry", "canonicalise",
           "cooccurrences", "entity_rows", "entity_table", "is_false_friend", "load_gazetteer", "summarize"]

ENTITY_COLUMNS = ["doc", "sent_id", "start_char", "end_char", "text", "label", "canonical", "source", "kind"]
SUMMARY_COLUMNS = ["canonical", "label", "kind", "mentions", "docs", "first_doc", "variants"]
COOCCUR_COLUMNS = ["source", "target", "source_label", "target_label", "sentences", "docs"]
NEVER_ENTITIES = {"marketing", "online", "digital", "ich", "wir", "sie", "er", "es", "du", "ihr", "man"}
# Tags of words that can be names; every other tag reads the word as an ordinary word (NN, ADJA, VVFIN …).
NAME_TAGS = {"NE", "FM", "XY", "CARD", "TRUNC", ""}
ENGLISH_WORD_ZIPF = 3.5  # "Data", "Ingredient": common in English and clearly more common there than in German
ENGLISH_MARGIN = 0.9  # "Smith", "Obama", "Washington" are only a little more common in English (0.6-0.75)
SURE_NAME_LOGPROB = -10.0  # HanTa is sure of "York", "London", "Clinton" as names (about -9)
FOREIGN_WORD_ZIPF = 2.5  # a word the tagger reads as foreign (FM) and that either word list knows
LOWERCASE_WORD_ZIPF = 2.5  # "Soundso": a German word HanTa reads, lower-cased, as adverb/adjective/verb
KNOWN_WORD_LOGPROB = -20.0  # HanTa's out-of-context score of a word it knows (unknown words: about -30)
LOWERCASE_TAGS = ("ADV", "ADJ", "PTK", "KO", "AP", "PI", "PD", "PP")
# Tags of a plain noun phrase ("Digitales Marketing"); a preposition or article inside a span
# ("Bundesamt für Statistik") makes it a phrase that can be a name.
PLAIN_PHRASE_TAGS = {"NN", "ADJA", "ADJD"}
ALL_CAPS = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜ0-9&]{1,7}$")  # "SHK", "EZB"
ACRONYM = re.compile(r"^(?=(?:[^A-ZÄÖÜ]*[A-ZÄÖÜ]){2})[A-ZÄÖÜ][A-Za-zÄÖÜäöü0-9&]{1,7}$")  # also "GfK", "BaFin"


def _model_mentions(doc, gazetteer: Gazetteer) -> list[Mention]:
    mentions = []
    for ent in doc.ents:
        label = LABEL_MAP.get(ent.label_, ent.label_)
        if label in LABELS and (gazetteer.lookup(ent.text) or not is_false_friend(ent, label)):
            mentions.append(Mention(ent.start_char, ent.end_char, ent.text, label, "model"))
    return mentions


def is_false_friend(ent, label: str = "") -> bool:
    """A model span that is no name: lower-case or symbol spans, pronouns, a span that ran into
    the next word, a person "named" by an acronym, or a span made only of ordinary words."""
    text = ent.text.strip()
    words = [t for t in ent if not t.is_punct and not t.is_space]
    if not words or not text[:1].isupper() and not text[:1].isdigit():
        return True
    if text.lower() in NEVER_ENTITIES or len(text) < 2 or not any(c.isalpha() for c in text) or "\n" in text:
        return True
    if len(words) > 1 and (words[-1].pos_ not in {"NOUN", "PROPN", "X", "NUM"} or words[-1].text[:1].islower()):
        return True  # "Zunft tut", "Jobs to": the span ran into the next word
    if label == "PER" and any(ALL_CAPS.match(t.text) for t in words):
        return True  # "Meister SHK": people are not named by acronyms
    lettered = [t for t in words if any(c.isalpha() for c in t.text)]
    alone = len(lettered) == 1
    return bool(lettered) and (all(is_ordinary_word(t, alone) for t in lettered) or is_english_phrase(lettered))


def is_ordinary_word(token, alone: bool = False) -> bool:
    """The word is no part of a name: the tagger reads it as an ordinary word here (a lone
    word with any tag but NE/FM; in a longer span NN, ADJA or ADJD: a plain noun phrase), or,
    whatever the tag, it is clearly an English word ("Big", "Data", "Compliances"), a foreign
    word a word list knows ("Blackbox"), a common noun HanTa knows out of context ("Meister"),
    or a word HanTa does not know as a name whose lower-case form is a German adverb or
    adjective ("Soundso", read as "soundso")."""
    from wordfreq import zipf_frequency

    text = token.text
    if token.tag_ not in NAME_TAGS:
        return alone or token.tag_ in PLAIN_PHRASE_TAGS
    if ALL_CAPS.match(text):
        return False
    german, english = _frequencies(text)
    if english >= ENGLISH_WORD_ZIPF and english > german + ENGLISH_MARGIN:
        return True
    if token.tag_ == "FM" and max(german, english) >= FOREIGN_WORD_ZIPF:
        return True
    tag, logprob = _hanta_best(text)
    if logprob > KNOWN_WORD_LOGPROB:
        return tag == "NN"  # a word HanTa knows: ordinary if a common noun, else a known name
    return zipf_frequency(text.lower(), "de") >= LOWERCASE_WORD_ZIPF and \
        _hanta_best(text.lower())[0].startswith(LOWERCASE_TAGS)


def is_english_phrase(words) -> bool:
    """"Main Ingredient", "Big Data": every word more common in English than in
    German, one of them clearly, and none a name HanTa is sure of ("New York" stays a name)."""
    frequencies = [_frequencies(t.text) for t in words]
    if len(words) < 2 or not all(en >= ENGLISH_WORD_ZIPF - 1 and en > de for de, en in frequencies):
        return False
    clearly = any(en >= ENGLISH_WORD_ZIPF and en > de + ENGLISH_MARGIN for de, en in frequencies)
    return clearly and not any(_is_sure_name(t.text) for t in words)


def _is_sure_name(word: str) -> bool:
    tag, logprob = _hanta_best(word)
    return tag == "NE" and logprob > SURE_NAME_LOGPROB


def _frequencies(text: str) -> tuple[float, float]:
    """German and English Zipf frequency of the lower-cased word, or of its singular if more
    common ("Compliances" -> "compliance")."""
    from wordfreq import zipf_frequency

    lower = text.lower()
    forms = [lower, lower[:-1]] if lower.endswith("s") and len(lower) > 4 else [lower]
    return max(zipf_frequency(f, "de") for f in forms), max(zipf_frequency(f, "en") for f in forms)


def _hanta_best(word: str) -> tuple[str, float]:
    from .hanta_tagger import load_hanta

    tag, logprob = load_hanta().tag_word(word)[0]
    return tag, float(logprob)


def _merge(gazetteer_hits: list[Mention], model_hits: list[Mention]) -> list[Mention]:
    """Gazetteer spans win; a model span equal to one makes it ``both``; other overlaps go."""
    spans = {(m.start, m.end): m for m in gazetteer_hits}
    merged = list(gazetteer_hits)
    for m in model_hits:
        if (m.start, m.end) in spans:
            spans[(m.start, m.end)].source = "both"
        elif not any(m.start < g.end and g.start < m.end for g in gazetteer_hits):
            merged.append(m)
    return sorted(merged, key=lambda m: (m.start, m.end))


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
            short.canonical = squash_spaces(long.text)


def entity_rows(parsed: ParsedDoc, gazetteer: Gazetteer | None = None) -> list[dict]:
    """Rows of the mention table for one document (``canonical``: the gazetteer's name, the paired
    expansion of an acronym, else the mention itself; :func:`canonicalise` names them corpus-wide)."""
    gazetteer = gazetteer or load_gazetteer()
    doc = parsed.doc
    mentions = _merge(gazetteer_mentions(doc, gazetteer), _model_mentions(doc, gazetteer))
    for m in mentions:
        m.canonical = m.entry.canonical if m.entry else m.canonical or squash_spaces(m.text)
    _pair_acronyms(mentions, doc.text)
    starts = [(sent.start_char, sent_id) for sent_id, sent in numbered_sentences(doc)]
    rows = []
    for m in mentions:
        sent_id = next((sid for start, sid in reversed(starts) if start <= m.start), 0)
        rows.append({"doc": parsed.source.doc, "sent_id": sent_id, "start_char": m.start, "end_char": m.end,
                     "text": m.text, "label": m.entry.label if m.entry else m.label, "canonical": m.canonical,
                     "source": m.source, "kind": m.entry.kind if m.entry else ""})
    return rows


def entity_table(parsed_docs: Iterable[ParsedDoc], *, gazetteer_files: Iterable[str] = (),
                 summary: bool = False, cooccur: bool = False, use_gazetteer: bool = True) -> pd.DataFrame:
    """Mentions (default), one row per canonical entity (``summary``) or sentence co-occurrence pairs."""
    gazetteer = load_gazetteer(tuple(gazetteer_files)) if use_gazetteer else Gazetteer([])
    rows = [row for parsed in parsed_docs for row in entity_rows(parsed, gazetteer)]
    mentions = canonicalise(pd.DataFrame(rows, columns=ENTITY_COLUMNS))
    if summary:
        return summarize(mentions)
    if cooccur:
        return cooccurrences(mentions)
    return mentions


def summarize(mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per (canonical, label): mentions, documents, first document, spellings seen."""
    rows = []
    for (canonical, label), group in mentions.groupby(["canonical", "label"], sort=False):
        variants = sorted(set(group["text"]), key=lambda v: (-int((group["text"] == v).sum()), v))
        rows.append({"canonical": canonical, "label": label, "kind": group["kind"].iloc[0],
                     "mentions": len(group), "docs": group["doc"].nunique(), "first_doc": group["doc"].iloc[0],
                     "variants": "|".join(variants)})
    table = pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
    return table.sort_values(["mentions", "docs", "canonical"], ascending=[False, False, True],
                             kind="mergesort").reset_index(drop=True)


def cooccurrences(mentions: pd.DataFrame) -> pd.DataFrame:
    """Pairs of canonical entities named in the same sentence: an edge list for graph tools."""
    sentences: dict[tuple, set] = defaultdict(set)
    labels = {}
    for row in mentions.itertuples(index=False):
        sentences[(row.doc, row.sent_id)].add(row.canonical)
        labels.setdefault(row.canonical, row.label)
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
