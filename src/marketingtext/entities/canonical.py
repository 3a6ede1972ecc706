"""One canonical name per entity for a whole corpus run.

Per-document entity rows keep the raw mention; :func:`canonicalise` runs once over the rows of
every document and names each model mention by its full form. The rules, in order:

1. Gazetteer (and ``both``) rows keep their entry's canonical name; those names are full forms. So do rule rows,
   except one that repeats a form the model found too (an acronym spread over a document, "EU"): it is named
   as the model's rows of that form are.
2. An inflected form (genitive -s/-es, dative -n, word by word: "Deutschlands",
   "Europäischen Zentralbank") takes its base when the base was seen with the same label; a person's name whose
   word is a listed first name as written keeps it ("Jesus" beside "Jesu", "Andreas" beside "Andrea").
3. A short form takes the long form that contains it, same label only:
   - a person's surname ("Hess" -> "Andreas Hess") where every word before it is a first name of the name lists,
     an initial or a particle ("Majeste Napoleon", "Basen Jesu" are no full names); a full name, or a word that is
     a listed first name, only as an organisation's short form does ("Joseph Haydn" stays beside one "Franz
     Joseph Haydn", 48 "Wilhelm" beside one "Edward Wilhelm");
   - an organisation's or a work's contiguous run of the long form's words ("Volksbank" -> "Volksbank Freiburg"),
     unless the short form (with its inflected forms) is more than :data:`FOLD_RATIO` times as frequent in the
     corpus: then it is the name people use, and the long form a span the model ran on or another entity
     ("Europa" beside one "Vereinigte Europa"); a company's name before its legal form whatever the counts
     ("Maple Bank" -> "Maple Bank GmbH");
   - a place never: the longer name is another place or the same one by a title ("England" / "New England",
     "Duisburg" / "Kreis Duisburg", "Deutschland" / "Bundesrepublik Deutschland"), and the short one is what the
     text calls it.
   A long form with "und", "oder", a comma or a lower-case function word is no name ("Apple und der Verminderung
   des Kaufpreises") and attracts nothing. If the long forms that contain a short one lead to different names
   (two people called Hess), it stays.
4. An acronym takes its expansion where a document pairs them ("Europäische Zentralbank
   (EZB)": the row's per-document ``canonical`` holds the expansion), if it has only one.
5. A person's first name alone (a word of the first-name list) takes the full name in the same document, if
   that document names only one person with that first name ("Winfried" -> "Winfried Felser"), the full name is
   one (no lower-case word but a particle) and the first name alone is not more than :data:`FOLD_RATIO` times as
   frequent there (167 "Ronaldo" beside one "Ronaldo Pfiffe": the name he goes by, beside a span run too far).
   A surname alone that rule 3 left alone (the corpus names two people so) takes the full name of its own document
   with that surname if that one has more than half of the document's full-name mentions of it ("Merkel" in a text
   on Angela Merkel that names her father Ulrich Merkel too); a listed first name so only where it is not more
   than :data:`FOLD_RATIO` times as frequent there as that full name.

Where several full forms compete (inflection bases), the most frequent wins, then the longer,
then the alphabetically first: the result does not depend on the order of the documents.

Then two corpus-wide steps (:func:`nominative`, :func:`corpus_labels`):

6. A model name left inflected takes its nominative where the lexicon says so: a genitive noun before
   the name's first lower-case word ("Bundesamtes für Berufsbildung" -> "Bundesamt für Berufsbildung",
   "Deutschlands" -> "Deutschland") when the form without -s/-es is a more common German word than the
   form with it (wordfreq; "Paris", "Mars", "Siemens" stay), and an adjective in -en before a name's noun
   ("Europäischen Zentralbank" -> "Europäische Zentralbank").
7. One entity, one label: every row gets ``corpus_label``, the label most of its canonical name's mentions
   have in the corpus. A tie goes to the gazetteer's label if a gazetteer (or ``both``) row is among the tied,
   else to the label of the first mention (documents by name, then character offset): the result does not
   depend on the order of the documents. ``label`` keeps what each mention got.

One job: one name and one label per entity over a corpus's mention rows (the rows themselves are entities.table's).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache

import pandas as pd

from ..language.words import squash_spaces
from .spans import is_legal_form

INFLECTION_ENDINGS = ("es", "s", "n")
MAX_INFLECTED_WORDS = 6  # longer spans are no names; 3**6 candidate bases at most
BREAKING_WORDS = {"und", "oder", "sowie", "bzw.", "&", "u."}
# Lower-case words inside a person's name ("Ursula von der Leyen"); elsewhere lower case breaks a name.
NAME_PARTICLES = {"von", "van", "vom", "zu", "zur", "der", "den", "de", "di", "da", "del", "la", "le", "ter", "ten"}
# A short form seen more than this many times as often as a long form that contains it is a name of its own (rules
# 3 and 5): one "Vereinigte Europa" does not rename 336 "Europa", one "Volksbank Freiburg" renames a "Volksbank".
FOLD_RATIO = 5
INITIAL = re.compile(r"^[A-ZÄÖÜ]\.(?:-[A-ZÄÖÜ]\.)?$")  # "S." in "Eric S. Raymond", "J.-P."


def canonicalise(mentions: pd.DataFrame) -> pd.DataFrame:
    """The mention table with ``canonical`` set corpus-wide (columns: entities.ENTITY_COLUMNS)."""
    table = mentions.copy()
    if table.empty:
        return table
    texts = [squash_spaces(str(t)) for t in table["text"]]
    links = [squash_spaces(str(c)) if isinstance(c, str) and c.strip() else t
             for c, t in zip(table["canonical"], texts, strict=True)]
    sources, labels = table["source"].tolist(), table["label"].tolist()
    model_forms = {(text, label) for text, label, source in zip(texts, labels, sources, strict=True)
                   if source == "model"}
    # a rule's row that repeats what the model found elsewhere ("EU" spread over a document, .organisations) is
    # named as the model's rows of that form are; other rule rows, like the gazetteer's, are names of their own
    is_model = [source == "model" or source == "rule" and link == text and (text, label) in model_forms
                for source, text, link, label in zip(sources, texts, links, labels, strict=True)]
    names = Counter((link, label) for link, label, model in zip(links, labels, is_model, strict=True) if not model)
    forms = Counter((text, label) for text, label, model in zip(texts, labels, is_model, strict=True) if model)
    pairs = defaultdict(set)
    for text, link, label, model in zip(texts, links, labels, is_model, strict=True):
        if model and link != text:
            pairs[(text, label)].add(link)
    resolver = _Resolver(forms, names, pairs)
    roots = [resolver.root(text, label) if model else link
             for text, link, label, model in zip(texts, links, labels, is_model, strict=True)]
    for row, full_name in _document_links(table["doc"].tolist(), texts, roots, labels, is_model).items():
        roots[row] = resolver.root(full_name, "PER")
    known = {form for form, _ in resolver.counts}
    table["canonical"] = [nominative(root, label, known) if model else root
                          for root, label, model in zip(roots, labels, is_model, strict=True)]
    table["corpus_label"] = corpus_labels(table)
    return table


def corpus_labels(table: pd.DataFrame) -> list[str]:
    """Per row, the label its canonical name has in the corpus (rule 7 of the module docstring)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    gazetteer_label: dict[str, set[str]] = defaultdict(set)
    first: dict[str, tuple] = {}
    for canonical, label, source, doc, start in zip(table["canonical"], table["label"], table["source"],
                                                    table["doc"], table["start_char"], strict=True):
        votes[canonical][label] += 1
        if source != "model" and source != "rule":
            gazetteer_label[canonical].add(label)
        key = (str(doc), int(start), label)
        if canonical not in first or key < first[canonical]:
            first[canonical] = key
    chosen = {}
    for canonical, counts in votes.items():
        top = max(counts.values())
        tied = sorted(label for label, n in counts.items() if n == top)
        listed = [label for label in tied if label in gazetteer_label[canonical]]
        if len(tied) == 1:
            chosen[canonical] = tied[0]
        elif listed:
            chosen[canonical] = listed[0]
        else:
            chosen[canonical] = first[canonical][2] if first[canonical][2] in tied else tied[0]
    return [chosen[canonical] for canonical in table["canonical"]]


# Words inflected for case only in a name's head: everything from its first lower-case word on
# ("für Berufsbildung", "der Polizei") is a complement and stays as written.
NOMINATIVE_LABELS = {"LOC", "ORG", "MISC"}
GENITIVE_ENDINGS = ("es", "s")
# -en adjectives that are inflected forms ("Europäischen", "Deutschen", "Staatlichen"); not "Bayern", "Volkswagen".
ADJECTIVE_EN_ENDINGS = ("ischen", "schen", "lichen", "igen", "alen", "ellen", "iven", "baren", "samen", "ären",
                        "igten", "inten")  # participles: "Vereinigten Staaten", "Vereinten Nationen"
ENGLISH_WORD_ZIPF = 3.5  # "Times", "Angeles", "Williams": English words, no German genitives


def nominative(form: str, label: str, known: frozenset[str] | set[str] = frozenset()) -> str:
    """``form`` in the nominative where the lexicon says it is inflected (rule 6 of the module docstring).
    ``known``: the corpus's own forms; a base among them needs no lexicon. Only the name's head (the words
    before its first lower-case word) is inflected; its last word is the noun. The noun loses a genitive ending
    when the name is that one word, or a complement follows ("Bundesamtes für …"), or an -en adjective
    precedes it ("Deutschen Bundestages"): "New York Times" and "Los Angeles" are no genitives."""
    if label not in NOMINATIVE_LABELS:
        return form
    words = list(words_of(form))
    head = next((k for k, w in enumerate(words) if not w[:1].isupper()), len(words))
    if head == 0 or head > MAX_INFLECTED_WORDS:
        return form
    noun = head - 1
    adjectives = [_weak_adjective_base(w) for w in words[:noun]]
    declined = any(a != w for a, w in zip(adjectives, words, strict=False))
    if len(words) == 1 or head < len(words) or declined:
        base = _genitive_base(words[noun], known)
        if base != words[noun] and declined:
            return form  # "Deutschen Bundestages": a masculine noun, "Deutscher Bundestag"; gender is not known here
        words[noun] = base
    words[:noun] = adjectives
    return " ".join(words)


@lru_cache(maxsize=50_000)
def _lexicon_zipf(word: str, lang: str = "de") -> float:
    from ..language.lexicon import zipf

    return zipf(word, lang)


def _genitive_base(word: str, known) -> str:
    """ "Deutschlands" -> "Deutschland", "Bundesamtes" -> "Bundesamt"; "Paris", "Siemens", "Kotler" stay."""
    if "-" in word or not word[-1:].islower() or word.endswith(("ss", "us", "is", "os")):
        return word
    bases = [word[:-len(e)] for e in GENITIVE_ENDINGS if word.endswith(e) and len(word) - len(e) >= 3]
    seen = [b for b in bases if b in known]
    if seen:
        return seen[0]
    if _lexicon_zipf(word, "en") >= ENGLISH_WORD_ZIPF:
        return word
    return next((b for b in bases if _lexicon_zipf(b) > max(_lexicon_zipf(word), 1.0)), word)


def _weak_adjective_base(word: str) -> str:
    """ "Europäischen" -> "Europäische", "Deutschen" -> "Deutsche": an -en adjective before the name's noun,
    where the -e form is a German word too."""
    if not word.lower().endswith(ADJECTIVE_EN_ENDINGS) or "-" in word:
        return word
    base = word[:-1]
    return base if _lexicon_zipf(base) >= 2.0 else word


def _document_links(docs: list, texts: list[str], roots: list[str], labels: list[str],
                    is_model: list[bool]) -> dict[int, str]:
    """Rows where a person is called by one name in a document that names them in full, within that document only
    (another document's Winfried or Merkel may be someone else): a first name alone ("Winfried möge mir verzeihen")
    where the document names exactly one person with that first name in full ("Winfried Felser"); else a surname
    the corpus left alone (two people of that name in the corpus) where one full name with that surname has more
    than half of the document's full-name mentions of it ("Merkel" in a text on Angela Merkel that also names her
    father Ulrich; "Hugo" beside "Victor Hugo")."""
    per_doc = Counter((doc, root) for doc, root, label in zip(docs, roots, labels, strict=True) if label == "PER")
    full_names: dict[tuple, set[str]] = defaultdict(set)  # (document, first word) -> full names
    surnames: dict[tuple, Counter] = defaultdict(Counter)  # (document, last word) -> full names and their mentions
    for (doc, root), n in per_doc.items():
        words = words_of(root)
        if len(words) > 1:
            full_names[(doc, words[0])].add(root)
            if is_valid_long_form(root, "PER") and all(_is_given_name_part(word) for word in words[:-1]):
                surnames[(doc, words[-1])][root] += n
    first_names = _first_names()
    links = {}
    for row, (doc, text, root, label, model) in enumerate(zip(docs, texts, roots, labels, is_model, strict=True)):
        if not model or label != "PER" or len(words_of(root)) != 1:
            continue
        candidates = full_names.get((doc, text), set()) if root == text and text in first_names else set()
        if len(candidates) == 1:
            full = next(iter(candidates))
            if is_valid_long_form(full, "PER") and per_doc[(doc, text)] <= FOLD_RATIO * per_doc[(doc, full)]:
                links[row] = full
                continue
        named = surnames.get((doc, root)) if not INITIAL.match(root) else None  # "K.": Jacek K. or Sebastian K.?
        if named:
            full, n = min(named.items(), key=lambda item: (-item[1], -len(item[0]), item[0]))
            # a first name as a surname ("Victor Hugo") only where the full name is not rare beside it: 48 "Wilhelm"
            # are a king's, not the one "Edward Wilhelm"'s
            rare = root in first_names and per_doc[(doc, root)] > FOLD_RATIO * n
            if 2 * n > sum(named.values()) and not rare:
                links[row] = full
    return links


def _with_legal_form(short: str, long: str) -> bool:
    """The long form is the short one and legal forms after it ("Maple Bank GmbH", "Grafschafter Nachrichten GmbH &
    Co. KG")."""
    a, b = words_of(short), words_of(long)
    return b[:len(a)] == a and is_legal_form(" ".join(b[len(a):]))


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    from ..nlp.name_lists import shipped_name_lists

    return shipped_name_lists().first_names


def _ends_in_a_first_name(form: str, base: str) -> bool:
    """A word the base changed is a listed first name as written: "Jesus", "Andreas", "Klaus" are no genitives."""
    first_names = _first_names()
    return any(word != stem and word in first_names for word, stem in zip(words_of(form), words_of(base),
                                                                          strict=True))


def _is_given_name_part(word: str) -> bool:
    """A word before a surname in a person's full name: a listed first name (also hyphenated, "Hans-Peter"), an
    initial or a particle."""
    first_names = _first_names()
    return word in NAME_PARTICLES or bool(INITIAL.match(word)) or all(part in first_names for part in word.split("-"))


class _Resolver:
    """Follows each form to its full form: inflection base, containing long form, paired expansion."""

    def __init__(self, forms: Counter, names: Counter, pairs: dict) -> None:
        self.counts = forms + names
        self.names = set(names)
        self.pairs = pairs
        self.by_word: dict[tuple[str, str], list[str]] = defaultdict(list)  # (word, label) -> forms with it
        for form, label in sorted(self.counts):
            for word in dict.fromkeys(words_of(form)):
                self.by_word[(word, label)].append(form)
        self.roots: dict[tuple[str, str], str] = {}
        self.resolving: set[tuple[str, str]] = set()
        # a form's mentions with those of its inflected forms ("Rote Armee" with "Roten Armee"), for FOLD_RATIO
        self.with_inflected: Counter = Counter()
        for (form, label), n in self.counts.items():
            self.with_inflected[(form, label)] += n
            for base in set(uninflected(form)):
                if (base, label) in self.counts:
                    self.with_inflected[(base, label)] += n

    def root(self, form: str, label: str) -> str:
        key = (form, label)
        if key not in self.roots:
            if key in self.resolving:  # a cycle of links (cannot happen with the rules; guarded anyway)
                return form
            self.resolving.add(key)
            parent = self.parent(form, label)
            self.roots[key] = form if parent is None else self.root(parent, label)
            self.resolving.discard(key)
        return self.roots[key]

    def parent(self, form: str, label: str) -> str | None:
        if (form, label) in self.names:
            return None
        bases = [b for b in uninflected(form) if (b, label) in self.counts
                 and not (label == "PER" and _ends_in_a_first_name(form, b))]
        if bases:
            return self.best(bases, label)
        longs = [f for f in self.candidates(form, label) if is_short_form_of(form, f, label)
                 and self.attracts(f, form, label)]
        roots = {self.root(f, label) for f in longs}
        if len(roots) == 1:
            return roots.pop()
        if longs:
            return None  # two entities contain this form: ambiguous, leave it alone
        expansions = {self.root(f, label) for f in self.pairs.get((form, label), ()) if f != form}
        return expansions.pop() if len(expansions) == 1 else None

    def candidates(self, form: str, label: str) -> list[str]:
        """Longer forms holding every word of ``form``: the shortest list of forms that hold one of them."""
        words = set(words_of(form))
        if not words:
            return []
        lists = [self.by_word.get((word, label), []) for word in words]
        n = len(words_of(form))
        return [f for f in min(lists, key=len) if len(words_of(f)) > n]

    def attracts(self, long: str, short: str, label: str) -> bool:
        """The long form may name the short one (rule 3 of the module docstring)."""
        if label == "LOC":
            return False
        frequent_enough = self.with_inflected[(long, label)] * FOLD_RATIO >= self.with_inflected[(short, label)]
        if label == "ORG" and _with_legal_form(short, long):
            return True  # "Maple Bank" and "Maple Bank GmbH" are one company however often each is written
        if label == "PER":  # a surname alone takes the full name; a full name a longer one only as other names do
            given = all(_is_given_name_part(word) for word in words_of(long)[:-len(words_of(short))])
            surname = len(words_of(short)) == 1 and short not in _first_names()  # "Wilhelm" as Edward Wilhelm's
            return given and (surname or frequent_enough)
        return frequent_enough

    def best(self, candidates: list[str], label: str) -> str:
        """Most frequent, then longest, then alphabetically first."""
        return min(candidates, key=lambda f: (-self.counts[(f, label)], -len(f), f))


@lru_cache(maxsize=200_000)
def words_of(form: str) -> tuple[str, ...]:
    return tuple(form.split())


@lru_cache(maxsize=200_000)
def is_valid_long_form(form: str, label: str) -> bool:
    """A span that can be one name: no "und"/"oder", no comma, no lower-case function word."""
    if "," in form:
        return False
    for word in words_of(form):
        if word.lower() in BREAKING_WORDS:
            return False
        if word[:1].islower() and not (label == "PER" and word in NAME_PARTICLES):
            return False
    return True


def is_short_form_of(short: str, long: str, label: str) -> bool:
    """``short`` is the surname (PER) or a contiguous run of words (other labels) of ``long``."""
    a, b = words_of(short), words_of(long)
    if not a or len(a) >= len(b) or not is_valid_long_form(long, label):
        return False
    if label == "PER":
        return b[-len(a):] == a
    return any(b[i:i + len(a)] == a for i in range(len(b) - len(a) + 1))


def uninflected(form: str) -> list[str]:
    """Every form with an inflection ending taken off one or more words ("Europas" -> "Europa")."""
    from itertools import product

    words = words_of(form)
    if len(words) > MAX_INFLECTED_WORDS:
        return []
    options = [[w] + [w[:-len(e)] for e in INFLECTION_ENDINGS if w.endswith(e) and len(w) > len(e) + 1]
               for w in words]
    return [base for base in (" ".join(choice) for choice in product(*options)) if base != form]

