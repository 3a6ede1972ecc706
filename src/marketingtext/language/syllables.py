"""German syllable counts for the readability formulas.

Convention (the one the gold list ``tests/data/syllables_de.tsv`` follows): syllables as spoken in
careful German, each vowel of a hiatus counted ("Na-ti-on" 3, "Ma-te-ri-al" 4, "I-de-en" 3, "Stu-di-en" 3);
ie/ei/ai/au/äu/eu/aa/ee/oo/ou count once. Word-final -ie after a consonant is one syllable whether stressed
or not, as Duden divides it ("Fa-mi-lie" 3, "Stu-die" 2, "Ak-tie" 2 like "E-ner-gie" 3); its plural -ien
two ("Fa-mi-li-en" 4, "E-ner-gi-en" 4). English loanwords are counted as German
speakers say them ("Soft-ware" 2, "Ser-vice" 2, "On-line" 2, "Team" 1).

Tokens other than plain words:

* Numbers are counted as read aloud: "2024" = zwei-tau-send-vier-und-zwan-zig (7); four-digit numbers
  from 1100 to 1999 are read as years ("neun-zehn-hun-dert", 1999 = 8); a leading one of a hundred or
  thousand is not spoken ("hundert", "tausend"); "3,5" = drei Kom-ma fünf; "4.0" = vier Punkt null;
  "1.000" = tausend; digit strings over twelve digits are read digit by digit. Ordinals ("3.") count
  as their cardinal.
* Abbreviations with a period count as their spoken expansion ("z.B." = zum Bei-spiel, 4; "bzw." 5).
* Words without a vowel letter and all-caps words of up to three letters are spelled: one syllable per
  letter name ("CDU" = Ce-De-U, 3; "GmbH" 4; "Y" = Yp-si-lon, 3). Longer all-caps words are read as
  words when they can be pronounced ("NATO" 2, "UNESCO" 3), else spelled ("DSGVO" 5).
* Mixed tokens are counted run by run: "COVID-19" = Co-vid + neun-zehn (4), "B2B" 3, "5G" 2.
* Digits of any script count as their value: "٢٠٢٤" and "２０２４" as "2024", circled "①" as "1". Superscript
  and subscript digits (footnote marks, exponents: "5 %¹", "m²") are a number of their own ("eins", "zwei");
  fractions are read "ein halb" ("½" 2) or with the denominator's ordinal stem ("¾" drei Vier-tel, 3).

Route: pyphen's de_DE hyphenation patterns (left=1, right=1) split a word at its syllable and
compound boundaries (be-ein-flus-sen, Bau-ar-bei-ter, Kun-den-o-ri-en-tie-rung); inside each part,
vowel nuclei are counted with the diphthong rules above, plus a few word-final rules the patterns do
not cover (-een in Al-le-en, -eum in Mu-se-um; a final -ie the patterns split, Prä-mi-e, is one).
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from .numbers_de import FRACTION, fraction_syllables, number_syllables, spoken_form

VOWELS = "aeiouyäöü"
# A vowel nucleus: diphthongs and long vowels first, then one vowel. German o-i is a hiatus the
# hyphenation patterns split (he-ro-isch), so oi left in one part is English (Touch-points).
_NUCLEUS = re.compile(r"eau(?=x?$)|ai|ay|au|äu|ei|ey|eu|ie|aa|ee|oo|ou|oy|oi|y|[aeiouäöü]")
# y before a vowel at a word start or after a vowel is a consonant (Yoga, Young, Bayern, Player).
_Y_CONSONANT = re.compile(r"(?:^|(?<=[aeiouäöü]))y(?=[aeiouäöü])")
_RUNS = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*")
# English parts whose spelling misleads German vowel rules (silent e, ea, oa): syllables as spoken.
ENGLISH = {
    "homeoffice": 3, "homepage": 2, "website": 2, "software": 2, "hardware": 2, "malware": 2, "freeware": 2,
    "middleware": 3, "online": 2, "offline": 2, "deadline": 2, "timeline": 2, "headline": 2, "pipeline": 2,
    "hotline": 2, "airline": 2, "baseline": 2, "guideline": 2, "outline": 2, "service": 2, "office": 2,
    "device": 2, "services": 3, "download": 2, "upload": 2, "action": 2, "uction": 2, "creative": 3,
    "facebook": 2, "youtube": 2, "smartphone": 2, "iphone": 2, "performance": 3,
    "management": 3, "stakeholder": 3, "update": 2, "feature": 2, "future": 2, "image": 2, "lifestyle": 2,
    "style": 1, "balance": 2, "compliance": 3, "governance": 3, "experience": 4, "science": 2,
    "audience": 3, "team": 1, "leader": 2, "lead": 1, "headhunter": 3, "beamer": 2, "stream": 1,
    "speaker": 2, "coach": 1, "social": 2, "business": 2, "release": 2, "usecase": 2, "showcase": 2,
    "email": 2, "mail": 1, "google": 2, "teenager": 3, "tweet": 1, "whitepaper": 3, "learning": 2,
    "recruiting": 3,
}
_ENGLISH = re.compile("|".join(sorted(ENGLISH, key=lambda w: (-len(w), w))))
SPOKEN_ABBREVIATIONS = {
    "z.b.": 4, "d.h.": 2, "bzw.": 5, "usw.": 4, "ca.": 2, "etc.": 4, "vgl.": 3, "u.a.": 5, "nr.": 2,
    "dr.": 2, "prof.": 3, "s.": 2, "ggf.": 5, "evtl.": 4, "inkl.": 4, "bspw.": 4, "sog.": 3, "mio.": 4,
    "mrd.": 4, "tsd.": 2, "max.": 3, "min.": 3, "hrsg.": 4, "abb.": 3, "u.ä.": 4, "o.ä.": 4, "zzgl.": 4,
    "u.v.m.": 6, "bzgl.": 4, "jh.": 4, "st.": 2, "tel.": 3, "abs.": 2, "kap.": 3,
}
# All-caps words of up to three letters that are said as a word, not spelled.
SAID_AS_WORD = {"dax": 1, "uno": 2, "gau": 1, "ufo": 2, "kita": 2, "tüv": 1, "nato": 2}
LETTER_SYLLABLES = {"y": 3}  # Yp-si-lon; every other German letter name has one syllable
LONG_ACRONYM = 6  # all-caps words this long are words in capitals (DOWNLOAD), not spelled acronyms


def syllables(word: str) -> int:
    """Syllables of one token as read aloud in German (0 for a token with no letter or digit)."""
    return _syllables(word.strip())


@lru_cache(maxsize=65536)
def _syllables(word: str) -> int:
    spoken = SPOKEN_ABBREVIATIONS.get(word.lower())
    if spoken:
        return spoken
    word = spoken_form(word)  # digits of any script in ASCII: "5 %¹", "①", "٢٠٢٤", "½"
    fractions = sum(fraction_syllables(*m.groups()) for m in FRACTION.finditer(word))
    return fractions + sum(_run_syllables(run) for run in _RUNS.findall(FRACTION.sub(" ", word)))


def _run_syllables(run: str) -> int:
    if run[0].isdigit():
        return number_syllables(run)
    lower = run.lower()
    if lower in SAID_AS_WORD and run.isupper():
        return SAID_AS_WORD[lower]
    spelled = run.isupper() and len(run) < LONG_ACRONYM and (len(run) <= 3 or not _pronounceable(lower))
    if not any(c in VOWELS for c in lower) or spelled:
        return sum(LETTER_SYLLABLES.get(c, 1) for c in lower)
    table = _syllable_table()
    found = table.get(lower) if table is not None else None
    return found[0][0] if found else word_syllables(lower)


# word_syllables of wordfreq's German words (and their ß spellings), computed by this module when mtext is built
# (training/build_syllable_table.py): pyphen's pure-Python pattern search was most of the time of the sentence and
# document tables' readability columns on a new text. The table names the rules it was made with (a hash of this
# file and pyphen's version); a table of other rules is not used, and tests/test_syllables.py fails until it is
# rebuilt.
SYLLABLE_TABLE = Path(__file__).parent / "data" / "syllables_de.marisa"


def rules_key() -> str:
    return f"\x01rules {hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]} pyphen {version('pyphen')}"


@lru_cache(maxsize=1)
def _syllable_table():
    import marisa_trie

    if not SYLLABLE_TABLE.is_file():
        return None
    table = marisa_trie.RecordTrie("<B").mmap(str(SYLLABLE_TABLE))
    return table if rules_key() in table else None


def _pronounceable(lower: str) -> bool:
    """Can an all-caps word be read as a word? No cluster of three consonants at its start or end."""
    clusters = re.findall(f"[^{VOWELS}]+", lower)
    return not any(len(c) > 2 for c in clusters) and not re.match(f"[^{VOWELS}]{{3}}|.*[^{VOWELS}]{{3}}$", lower)


def word_syllables(lower: str) -> int:
    """Syllables of a lower-case word of letters: English parts from their table, the rest by rules."""
    count, position = 0, 0
    for match in _ENGLISH.finditer(lower):
        count += _german_syllables(lower[position:match.start()]) + ENGLISH[match.group()]
        position = match.end()
    return max(1, count + _german_syllables(lower[position:]))


def _german_syllables(part: str) -> int:
    if not part:
        return 0
    part = _Y_CONSONANT.sub("j", part.replace("qu", "kw"))  # the u of qu is no vowel (Qua-li-tät)
    pieces = _hyphenator().inserted(part).split("-")
    count = sum(_nuclei(piece) for piece in pieces)
    if len(pieces) > 1 and pieces[-1] == "e" and re.search(r"(?:e|[^aeiouäöü]i)$", pieces[-2]):
        count -= 1  # the patterns split a final ee (I-de-e is I-dee) or -ie after a consonant (Prä-mi-e is Prä-mie)
    return count + _final_hiatus(part, pieces[-1])


def _nuclei(piece: str) -> int:
    nuclei = _NUCLEUS.findall(piece)
    count = len(nuclei)
    # ie before ll/nz/nt is i-e (of-fi-zi-ell, Ef-fi-zi-enz, Pa-ti-ent) but not in dient, Dienst
    if re.search(r"[^d]ie(?:ll|nz|nt)|^ie(?:ll|nt)", piece) and not piece.startswith("viel"):
        count += 1
    return count


def _final_hiatus(part: str, last_piece: str) -> int:
    """One more syllable where the patterns keep a final hiatus together: Al-le-en, Mu-se-um."""
    if re.search(r"[^aeiouäöü]een$", last_piece):
        return 1
    if re.search(r"[^aeiouäöü](ieu|eum|äum)$", last_piece):
        return 1
    return 0


@lru_cache(maxsize=1)
def _hyphenator():
    from .hyphenation import german_hyphenator  # pyphen's patterns, prebuilt (bench/syllable_table.py)

    return german_hyphenator(left=1, right=1)
