"""Gender-inclusive forms in German text, counted by type.

Types (one count per occurrence; a pair form counts once):

* ``doppelpunkt``: Kund:innen, Mitarbeiter:in
* ``stern``: Kund*innen
* ``unterstrich``: Kund_innen
* ``schraegstrich``: Kund/innen, Mitarbeiter/-innen
* ``binnen_i``: KundInnen, MitarbeiterIn
* ``paarform``: "Kundinnen und Kunden", "Kunden und Kundinnen", "Lehrerinnen oder Lehrer",
  "die Kundin oder der Kunde": a feminine -in/-innen noun and its masculine noun joined by
  und/oder/bzw./sowie/&, in either order.

Pure functions on plain text, so the document table and the compare style profile can share them.
"""

from __future__ import annotations

import re
from collections import Counter

GENDER_TYPES = ("doppelpunkt", "stern", "unterstrich", "schraegstrich", "binnen_i", "paarform")
_SIGN_TYPES = {":": "doppelpunkt", "*": "stern", "_": "unterstrich", "/": "schraegstrich", "/-": "schraegstrich"}
_NOUN = r"[A-ZÄÖÜ][a-zäöüß]{2,}"
SIGN_FORM = re.compile(rf"(?<![\w])({_NOUN})([:*_]|/-?)[iI]n(?:nen)?(?!\w)")
BINNEN_I = re.compile(rf"(?<![\w*:_/-])({_NOUN})In(nen)?(?![\w*:_/-])")
# Capitalised English compounds that end in "In" and are no Binnen-I: LinkedIn, CheckIn, PlugIn.
NOT_BINNEN_I = {"linked", "check", "plug", "log", "sign", "opt", "add", "walk", "built", "drive", "zoom", "lock"}
# Nouns of things end like this; a person noun with -In(nen) does not (Innovation, Zeitung, Freiheit).
THING_ENDINGS = ("ion", "ung", "heit", "keit", "tät", "ismus", "schaft")
_JOIN = r"\s+(?:und|oder|bzw\.|sowie|&)\s+(?:(?:der|die|den|dem|des|ein|eine|einen|einem|jeder|jede|jeden)\s+)?"
FEMININE_FIRST = re.compile(rf"\b({_NOUN}?)in(?:nen)?{_JOIN}({_NOUN})\b")
MASCULINE_FIRST = re.compile(rf"\b({_NOUN}){_JOIN}({_NOUN}?)in(?:nen)?\b")
_PLAIN = str.maketrans("äöü", "aou")


def gender_forms(text: str) -> Counter:
    """Counts of gender-inclusive forms in ``text`` by type (a type never seen counts 0)."""
    return Counter(kind for kind, _, _ in gender_form_spans(text))


def gender_form_spans(text: str) -> list[tuple[str, int, int]]:
    """``(type, start, end)`` of every gender-inclusive form in ``text``, in text order."""
    spans = [(_SIGN_TYPES[m.group(2)], m.start(), m.end()) for m in SIGN_FORM.finditer(text)]
    spans += [("binnen_i", m.start(), m.end()) for m in BINNEN_I.finditer(text) if _is_binnen_i(m)]
    pairs = [m for m in FEMININE_FIRST.finditer(text) if is_pair(m.group(1), m.group(2))]
    pairs += [m for m in MASCULINE_FIRST.finditer(text) if is_pair(m.group(2), m.group(1))]
    taken: list[tuple[int, int]] = []
    for match in sorted(pairs, key=lambda m: (m.start(), m.end())):
        if all(match.start() >= end or match.end() <= start for start, end in taken):  # "A und B und A"
            taken.append((match.start(), match.end()))
            spans.append(("paarform", match.start(), match.end()))
    return sorted(spans, key=lambda s: (s[1], s[2], s[0]))


def _is_binnen_i(match: re.Match) -> bool:
    base = match.group(1).lower()
    return base[-1] not in "aeiou" and base not in NOT_BINNEN_I and not base.endswith(THING_ENDINGS)


def is_pair(feminine_stem: str, masculine: str) -> bool:
    """Is ``masculine`` the masculine noun of the feminine ``feminine_stem`` + -in(nen)?

    Kund|innen - Kunden, Lehrer|innen - Lehrer, Ärzt|innen - Ärzte, Kolleg|in - Kollege.
    """
    stem, noun = feminine_stem.lower().translate(_PLAIN), masculine.lower().translate(_PLAIN)
    if len(stem) < 3 or stem.endswith(THING_ENDINGS):
        return False
    return noun in {stem, stem + "e", stem + "en", stem + "n", stem + "s", stem + "es"}


def gender_per_1k(count: int, words: int) -> float:
    """Gender-inclusive forms per 1,000 words (NaN for a text without words)."""
    return round(1000 * count / words, 2) if words else float("nan")


def gender_columns(text: str, words: int) -> dict:
    """The document table's gender columns: total, share per 1,000 words and one count per type."""
    return gender_summary(gender_forms(text), words)


def gender_summary(counts: Counter, words: int) -> dict:
    """Total, share per 1,000 words and one count per type, from counts by type (a text's or a corpus's)."""
    total = sum(counts.values())
    return {"gender_forms": total, "gender_per_1k": gender_per_1k(total, words),
            **{f"gender_{kind}": counts[kind] for kind in GENDER_TYPES}}
