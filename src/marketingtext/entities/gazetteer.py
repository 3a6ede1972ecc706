"""The gazetteer: entries read from TOML (the field's authorities, listed companies, the user's
files), and their mentions in a parsed document.

Matching is case-insensitive over whole-token windows, with genitive forms ("Kotlers") and
spelling variants of person names ("Philipp Kotler", rapidfuzz) resolved. Three guards keep it
from seeing names that are not there:

- an alias that is also a common word or a productive prefix ("Meta", "Keller", "Drucker")
  matches only as a whole token written exactly as the alias (not "meta", "Metadaten",
  "Meta-Analyse");
- an alias that two entries of the same file share ("Springer": Axel Springer or Springer
  Nature?) is ambiguous and matches nothing; the entries' longer aliases still match;
- an entry's ``model_aliases`` ("Allianz", "Linde": companies, and ordinary words too) name it only
  where the NER finds an organisation on exactly those words (:meth:`Gazetteer.confirm`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import tomllib

from ..language.lexicon import zipf
from ..language.words import doc_tokens, squash_spaces
from ..nlp.doc_text import doc_text
from .false_friends import PLACE_WORDS, is_known_as

LABELS = {"PER", "LOC", "ORG", "MISC"}
LABEL_MAP = {"PERSON": "PER", "GPE": "LOC", "ORGANIZATION": "ORG", "OTH": "MISC"}
# Spelling variants of a person's name ("Philipp Kotler") resolve when this similar (0-100) to an
# alias and the surname is identical: two different people never share a full name this closely.
FUZZY_PERSON_SCORE = 88
COMMON_WORD_ZIPF = 3.0  # a bare surname more common than this needs the full name in the document
# An alias is a prefix when this many of wordfreq's German words begin with it ("Meta": Metadaten …).
PREFIX_WORDS = 15
PREFIX_VOCABULARY = 200_000
ENGLISH_COMMON_ZIPF = 4.0  # "Sharp": a common English word, more common there than in German
# Bodies a compound names as a whole ("EU-Kommission"): the public bodies among false_friends.ORGANISATION_WORDS;
# not "gruppe" or "bank" ("Facebook-Gruppe", "Google-Datenbank" mention the company).
BODY_WORDS = ("kommission", "ministerium", "behörde", "ausschuss", "fraktion", "komitee", "gericht", "gerichtshof",
              "verband", "gewerkschaft", "partei", "stiftung")
PACKAGED_FILES = ("authorities.toml", "companies.toml")
NOUN_SHAPE = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]")  # "Treffer", "Blog"; not "AFX", "infocom"


@dataclass(frozen=True)
class GazetteerEntry:
    canonical: str
    label: str
    kind: str
    aliases: tuple[str, ...]
    origin: str = ""  # the file it came from: aliases are ambiguous only within one file
    model_aliases: tuple[str, ...] = ()  # spellings that need the NER's word for it (see confirm)

    @property
    def surname(self) -> str | None:
        return self.canonical.split()[-1] if self.label == "PER" else None


@dataclass
class Mention:
    start: int  # character offsets in the document text
    end: int
    text: str
    label: str
    source: str
    entry: GazetteerEntry | None = None
    canonical: str = ""


class Gazetteer:
    """Canonical entries with every spelling that points at them."""

    def __init__(self, entries: Iterable[GazetteerEntry]) -> None:
        self.entries = list(entries)
        self.by_alias: dict[str, GazetteerEntry] = {}
        self.ambiguous: set[str] = set()
        self._exact_forms: dict[str, set[str]] = {}
        self.claims: dict[str, list[tuple[str, str]]] = {}  # lower-cased form -> (alias, form as written)
        self.lower_case_starts: set[str] = set()  # first words of names written lower case ("dpa", "t3n")
        self.by_model_alias: dict[str, GazetteerEntry] = {}
        self.ambiguous_model_aliases: set[str] = set()
        self.people_by_surname: dict[str, list[GazetteerEntry]] = {}
        for entry in self.entries:
            if entry.surname:
                self.people_by_surname.setdefault(entry.surname.lower(), []).append(entry)
            for alias in entry.model_aliases:
                for form in _inflected(alias):
                    owner = self.by_model_alias.setdefault(form.lower(), entry)
                    if owner.canonical != entry.canonical and owner.origin == entry.origin:
                        self.ambiguous_model_aliases.add(form.lower())
            for alias in (entry.canonical, *entry.aliases):
                if alias in entry.model_aliases:
                    continue
                if alias[:1].islower():
                    self.lower_case_starts.add(alias.split()[0])
                for form in _inflected(alias):
                    self._claim(form, alias, entry)
        self.longest_alias_tokens = max((len(a.split()) for a in self.by_alias), default=1)
        self._sorted_keys = sorted(self.by_alias)

    def _claim(self, form: str, alias: str, entry: GazetteerEntry) -> None:
        key = form.lower()
        owner = self.by_alias.setdefault(key, entry)
        self.claims.setdefault(key, []).append((alias, form))
        if owner.canonical != entry.canonical and owner.origin == entry.origin:
            self.ambiguous.add(key)

    def exact_forms(self, key: str) -> set[str]:
        """The spellings a common-word alias must be written in ("Meta", not "meta"); empty for other aliases.
        Worked out on a key's first lookup: HanTa and wordfreq are asked about the few aliases a text holds,
        not the thousands of the lists."""
        if key not in self._exact_forms:
            self._exact_forms[key] = {form for alias, form in self.claims.get(key, ()) if is_common_alias(alias)}
        return self._exact_forms[key]

    def lookup(self, text: str) -> GazetteerEntry | None:
        """The entry this spelling names, or None (unknown, ambiguous, or a common word in the wrong case)."""
        text = squash_spaces(text)
        key = text.lower()
        if key not in self.by_alias or key in self.ambiguous:
            return None
        forms = self.exact_forms(key)
        return None if forms and text not in forms else self.by_alias[key]

    def confirm(self, text: str, model_label: str) -> GazetteerEntry | None:
        """The entry a model alias names where the NER reads exactly these words as an organisation or MISC
        ("Honda" the carmaker; "Honda" the person keeps the model's PER)."""
        key = squash_spaces(text).lower()
        if model_label not in {"ORG", "MISC"} or key in self.by_alias or key in self.ambiguous_model_aliases:
            return None
        return self.by_model_alias.get(key)

    def is_common(self, text: str) -> bool:
        return bool(self.exact_forms(squash_spaces(text).lower()))

    def may_start(self, word: str) -> bool:
        """Could a listed spelling begin with ``word``? If not, no window of words that begins with it is one
        (asked once per word instead of looking up every window: most words begin no name)."""
        if "Σ" in word:  # the one letter whose lower case depends on what follows (final sigma): no shortcut
            return True
        prefix, keys = squash_spaces(word).lower(), self._sorted_keys  # the prefix as lookup() makes its key
        return (at := bisect_left(keys, prefix)) < len(keys) and keys[at].startswith(prefix)

    def fuzzy_person(self, text: str) -> GazetteerEntry | None:
        """A person whose full name is spelled slightly differently ("Philipp Kotler")."""
        words = text.rsplit(None, 1)
        # asked of every window of words in a text: most have no listed person's surname, so that is checked first
        people = self.people_by_surname.get(words[-1].lower()) if len(words) > 1 else None
        if not people:
            return None
        from rapidfuzz import fuzz, process

        if len({e.canonical for e in people}) > 1:
            return None  # two people share the surname: a misspelling could be either
        names = [(name, e) for e in people for name in (e.canonical, *e.aliases) if len(name.split()) > 1]
        best = process.extractOne(text, [n for n, _ in names], scorer=fuzz.ratio, score_cutoff=FUZZY_PERSON_SCORE)
        return names[best[2]][1] if best else None


def _inflected(alias: str) -> list[str]:
    """The alias and its genitive forms: Kotler, Kotlers, Kotler's, Kotler’s."""
    if alias[-1:].lower() in {"s", "x", "z"}:
        return [alias, alias + "'", alias + "’"]
    return [alias, alias + "s", alias + "'s", alias + "’s"]


@lru_cache(maxsize=4096)
def is_common_alias(alias: str) -> bool:
    """A one-word alias that is also an ordinary word or the first part of many German words:
    HanTa knows it as a common noun ("Drucker"), it is a common English word ("Sharp"), or
    wordfreq's German list holds many words that begin with it ("Meta", "Keller")."""
    if " " in alias.strip() or len(alias) < 2:
        return False
    lower = alias.lower()
    english = zipf(lower, "en")
    if english >= ENGLISH_COMMON_ZIPF and english > zipf(lower) + 0.5:
        return True
    if is_known_as(alias, "NN"):
        return True
    return _words_beginning_with(lower) >= PREFIX_WORDS


def _words_beginning_with(prefix: str) -> int:
    """How many of wordfreq's German words begin with ``prefix`` and are 3+ letters longer."""
    vocabulary = _german_vocabulary()
    first, count = bisect_left(vocabulary, prefix), 0
    for word in vocabulary[first:]:
        if not word.startswith(prefix):
            break
        count += len(word) >= len(prefix) + 3
    return count


@lru_cache(maxsize=1)
def _german_vocabulary() -> tuple[str, ...]:
    from wordfreq import top_n_list

    return tuple(sorted(top_n_list("de", PREFIX_VOCABULARY)))


def read_gazetteer_file(path: str | Path) -> list[GazetteerEntry]:
    """Entries of a gazetteer TOML file (format: see src/marketingtext/entities/data/authorities.toml)."""
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    entries = []
    for item in data.get("entity", []):
        label = LABEL_MAP.get(item.get("label", "MISC"), item.get("label", "MISC"))
        if label not in LABELS or not item.get("canonical"):
            raise ValueError(f"{path}: every [[entity]] needs canonical and a label of {sorted(LABELS)}")
        entries.append(GazetteerEntry(item["canonical"], label, item.get("kind", ""),
                                      tuple(item.get("aliases", [])), str(path), tuple(item.get("model_aliases", []))))
    return entries


def load_gazetteer(extra: tuple[str, ...] = ()) -> Gazetteer:
    """The user's files, the packaged authorities and the listed companies, in that order: on a spelling they
    share, the earlier file's entry wins."""
    # Keyed by content, not by path: a gazetteer edited between two calls (a notebook) is read again.
    return _gazetteer_of(tuple((str(path), Path(path).read_bytes()) for path in extra))


@lru_cache(maxsize=8)
def _gazetteer_of(extra: tuple[tuple[str, bytes], ...]) -> Gazetteer:
    entries = [e for path, _ in extra for e in read_gazetteer_file(path)]
    for name in PACKAGED_FILES:  # in this order: an authority owns an alias a listed company shares
        entries += read_gazetteer_file(str(files("marketingtext.entities") / "data" / name))
    return Gazetteer(entries)


def gazetteer_mentions(doc, gazetteer: Gazetteer) -> list[Mention]:
    """Longest gazetteer aliases over token windows, plus aliases as the first part of a compound."""
    words = [t for t in doc_tokens(doc) if not t.is_space]
    text_of_doc = doc_text(doc)
    full_names = {e.canonical for e in _full_name_hits(words, gazetteer)}
    found, i = [], 0
    while i < len(words):
        hit = None
        first = words[i].text
        listed = gazetteer.may_start(first)
        for n in range(min(gazetteer.longest_alias_tokens + 1, len(words) - i), 0, -1):
            span = words[i:i + n]
            if not first[:1].isupper() and not first[:1].isdigit() and first not in gazetteer.lower_case_starts:
                break
            if not listed and n == 1:
                break  # no spelling begins so, and a misspelt person has two words at least
            text = text_of_doc[span[0].idx: span[-1].idx + len(span[-1])]
            entry = (gazetteer.lookup(text) if listed else None) or (gazetteer.fuzzy_person(text) if n > 1 else None)
            if entry and n == 1 and entry.label == "PER" and entry.canonical not in full_names:
                if zipf(text.rstrip("s'’")) >= COMMON_WORD_ZIPF:
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
    """"Google-Treffer", "Facebook-Studie": the organisation is mentioned inside the compound
    (never a common-word alias: "Meta-Analyse" is no Facebook study). A compound that goes on with
    another name is a name of its own ("dpa-AFX", "dpa-infocom": companies, not the agency)."""
    parts = token.text.split("-")
    for cut in range(len(parts) - 1, 0, -1):  # the longest name first: "Coca-Cola-Chef", "Deutsche-Bank-Tochter"
        first, rest = "-".join(parts[:cut]), parts[cut]
        if _names_a_body(rest):
            return None  # "EU-Kommission", "Fifa-Disziplinarkommission": an organisation of its own
        if not NOUN_SHAPE.match(rest):
            continue
        entry = gazetteer.lookup(first) or (gazetteer.lookup(first.replace("-", " ")) if cut > 1 else None)
        if entry is not None and entry.label != "PER" and not gazetteer.is_common(first):
            return Mention(token.idx, token.idx + len(first), first, entry.label, "gazetteer", entry)
    return None


def _names_a_body(part: str) -> bool:
    """The compound's part after the name is itself an organisation ("Disziplinarkommission") or a place
    ("Straße"; not "Marktplatz", a marketplace)."""
    forms = {part.lower(), part.lower().removesuffix("s"), part.lower().removesuffix("es")}
    return any(form.endswith(BODY_WORDS) or form in PLACE_WORDS for form in forms)
