"""Named entities: the model's, merged with the authorities gazetteer, filtered and canonicalised.

Per document: gazetteer matches (case-insensitive, genitive -s tolerated, spelling variants of
person names resolved with rapidfuzz) win over overlapping model entities; a model entity on
exactly the same span makes the source ``both``. Model entities that are common nouns, pronouns
or a lone "Marketing" are dropped, and the longest form of a name stands for its shorter
mentions ("Andreas Hess" … "Hess").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import pandas as pd
import tomllib

from .parsing import ParsedDoc
from .words import numbered_sentences, squash_spaces

ENTITY_COLUMNS = ["doc", "sent_id", "start_char", "end_char", "text", "label", "canonical", "source", "kind"]
SUMMARY_COLUMNS = ["canonical", "label", "kind", "mentions", "docs", "first_doc", "variants"]
COOCCUR_COLUMNS = ["source", "target", "source_label", "target_label", "sentences", "docs"]
LABELS = {"PER", "LOC", "ORG", "MISC"}
LABEL_MAP = {"PERSON": "PER", "GPE": "LOC", "ORGANIZATION": "ORG", "OTH": "MISC"}
# Spelling variants of a person's name ("Philipp Kotler") resolve when this similar (0-100) to an
# alias and the surname is identical: two different people never share a full name this closely.
FUZZY_PERSON_SCORE = 88
COMMON_WORD_ZIPF = 3.0  # a bare surname more common than this needs the full name in the document
NEVER_ENTITIES = {"marketing", "online", "digital", "ich", "wir", "sie", "er", "es", "du", "ihr", "man"}
NAME_TOKEN = re.compile(r"^[A-ZÄÖÜ][\w'’.\-]*$")


@dataclass(frozen=True)
class GazetteerEntry:
    canonical: str
    label: str
    kind: str
    aliases: tuple[str, ...]

    @property
    def surname(self) -> str | None:
        return self.canonical.split()[-1] if self.label == "PER" else None


class Gazetteer:
    """Canonical entries with every spelling that points at them."""

    def __init__(self, entries: Iterable[GazetteerEntry]) -> None:
        self.entries = list(entries)
        self.by_alias: dict[str, GazetteerEntry] = {}
        for entry in self.entries:
            for alias in (entry.canonical, *entry.aliases):
                for form in _inflected(alias):
                    self.by_alias.setdefault(form.lower(), entry)
        self.longest_alias_tokens = max((len(a.split()) for a in self.by_alias), default=1)

    def lookup(self, text: str) -> GazetteerEntry | None:
        return self.by_alias.get(squash_spaces(text).lower())

    def fuzzy_person(self, text: str) -> GazetteerEntry | None:
        """A person whose full name is spelled slightly differently ("Philipp Kotler")."""
        from rapidfuzz import fuzz, process

        words = text.split()
        if len(words) < 2:
            return None
        people = [e for e in self.entries if e.label == "PER" and e.surname.lower() == words[-1].lower()]
        names = [(name, e) for e in people for name in (e.canonical, *e.aliases) if len(name.split()) > 1]
        best = process.extractOne(text, [n for n, _ in names], scorer=fuzz.ratio, score_cutoff=FUZZY_PERSON_SCORE)
        return names[best[2]][1] if best else None


def _inflected(alias: str) -> list[str]:
    """The alias and its genitive forms: Kotler, Kotlers, Kotler's, Kotler’s."""
    if alias.endswith(("s", "x", "z")):
        return [alias, alias + "'", alias + "’"]
    return [alias, alias + "s", alias + "'s", alias + "’s"]


def read_gazetteer_file(path: str | Path) -> list[GazetteerEntry]:
    """Entries of a gazetteer TOML file (format: see src/marketingtext/data/authorities.toml)."""
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    entries = []
    for item in data.get("entity", []):
        label = LABEL_MAP.get(item.get("label", "MISC"), item.get("label", "MISC"))
        if label not in LABELS or not item.get("canonical"):
            raise ValueError(f"{path}: every [[entity]] needs canonical and a label of {sorted(LABELS)}")
        entries.append(GazetteerEntry(item["canonical"], label, item.get("kind", ""),
                                      tuple(item.get("aliases", []))))
    return entries


def load_gazetteer(extra: tuple[str, ...] = ()) -> Gazetteer:
    """The packaged authorities plus the user's files (their entries win on shared aliases)."""
    # Keyed by content, not by path: a gazetteer edited between two calls (a notebook) is read again.
    return _gazetteer_of(tuple((str(path), Path(path).read_bytes()) for path in extra))


@lru_cache(maxsize=8)
def _gazetteer_of(extra: tuple[tuple[str, bytes], ...]) -> Gazetteer:
    entries = [e for path, _ in extra for e in read_gazetteer_file(path)]
    entries += read_gazetteer_file(str(files("marketingtext") / "data" / "authorities.toml"))
    return Gazetteer(entries)


@dataclass
class Mention:
    start: int  # character offsets in the document text
    end: int
    text: str
    label: str
    source: str
    entry: GazetteerEntry | None = None
    canonical: str = ""


def _gazetteer_mentions(doc, gazetteer: Gazetteer) -> list[Mention]:
    """Longest gazetteer aliases over token windows, plus aliases as the first part of a compound."""
    from wordfreq import zipf_frequency

    words = [t for t in doc if not t.is_space]
    doc_text = doc.text  # Doc.text re-joins every token on each access: read it once
    full_names = {e.canonical for e in _full_name_hits(words, gazetteer)}
    found, i = [], 0
    while i < len(words):
        hit = None
        for n in range(min(gazetteer.longest_alias_tokens + 1, len(words) - i), 0, -1):
            span = words[i:i + n]
            if not span[0].text[:1].isupper() and not span[0].text[:1].isdigit():
                break
            text = doc_text[span[0].idx: span[-1].idx + len(span[-1])]
            entry = gazetteer.lookup(text) or (gazetteer.fuzzy_person(text) if n > 1 else None)
            if entry and n == 1 and entry.label == "PER" and entry.canonical not in full_names:
                if zipf_frequency(text.rstrip("s'’"), "de") >= COMMON_WORD_ZIPF:
                    entry = None  # "Drucker" is a printer unless Peter Drucker is in the text
            if entry:
                hit = Mention(span[0].idx, span[-1].idx + len(span[-1]), text, entry.label, "gazetteer", entry)
                i += n
                break
        if hit is None:
            hit = _compound_part(words[i], gazetteer)
            i += 1
        if hit:
            found.append(hit)
    return found


def _full_name_hits(words, gazetteer: Gazetteer) -> list[GazetteerEntry]:
    hits = []
    for a, b in zip(words, words[1:], strict=False):
        text = f"{a.text} {b.text}"
        entry = gazetteer.lookup(text) or gazetteer.fuzzy_person(text)
        if entry:
            hits.append(entry)
    return hits


def _compound_part(token, gazetteer: Gazetteer) -> Mention | None:
    """"Google-Treffer", "Facebook-Studie": the organisation is mentioned inside the compound."""
    if "-" not in token.text:
        return None
    first = token.text.split("-")[0]
    entry = gazetteer.lookup(first)
    if entry is None or entry.label == "PER":
        return None
    return Mention(token.idx, token.idx + len(first), first, entry.label, "gazetteer", entry)


def _model_mentions(doc) -> list[Mention]:
    mentions = []
    for ent in doc.ents:
        label = LABEL_MAP.get(ent.label_, ent.label_)
        if label in LABELS and not _is_false_friend(ent):
            mentions.append(Mention(ent.start_char, ent.end_char, ent.text, label, "model"))
    return mentions


def _is_false_friend(ent) -> bool:
    """Common nouns at a sentence start, pronouns, lone "Marketing", lower-case or symbol spans."""
    text = ent.text.strip()
    words = [t for t in ent if not t.is_punct]
    if not words or not text[:1].isupper() and not text[:1].isdigit():
        return True
    if text.lower() in NEVER_ENTITIES or len(text) < 2 or not any(c.isalpha() for c in text):
        return True
    if len(words) == 1:
        token = words[0]
        if token.pos_ in {"PRON", "DET", "ADP", "CCONJ", "SCONJ", "ADV", "VERB", "AUX", "ADJ", "NUM"}:
            return True
        if token.pos_ == "NOUN" and token.tag_ != "NE":
            return True  # a common noun, capitalised as every German noun is
    else:
        if words[-1].pos_ not in {"NOUN", "PROPN", "X", "NUM"} or words[-1].text[:1].islower():
            return True  # "Zunft tut", "Jobs to": the span ran into the next word
        if all(t.tag_ in {"NN", "ADJA", "ADJD"} for t in words):
            return True  # "Digitales Marketing", "HYBRIDEN MARKETING": common words, no name
    return "\n" in text


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


def _canonicalise(mentions: list[Mention]) -> None:
    """Gazetteer mentions take their entry's name; a model name takes the longest form in the
    document that ends with it (PER: "Hess" -> "Andreas Hess") or contains it (ORG, LOC)."""
    model = [m for m in mentions if m.entry is None]
    forms = Counter((squash_spaces(m.text), m.label) for m in model)
    for m in mentions:
        if m.entry is not None:
            m.canonical = m.entry.canonical
            continue
        text = squash_spaces(m.text)
        longer = [f for f, label in forms if label == m.label and len(f) > len(text)
                  and (f.endswith(" " + text) or (m.label != "PER" and f.startswith(text + " ")))]
        m.canonical = max(longer, key=lambda f: (len(f.split()), forms[(f, m.label)], f)) if longer else text


def entity_rows(parsed: ParsedDoc, gazetteer: Gazetteer | None = None) -> list[dict]:
    """Rows of the mention table for one document."""
    gazetteer = gazetteer or load_gazetteer()
    doc = parsed.doc
    mentions = _merge(_gazetteer_mentions(doc, gazetteer), _model_mentions(doc))
    _canonicalise(mentions)
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
    mentions = pd.DataFrame(rows, columns=ENTITY_COLUMNS)
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
