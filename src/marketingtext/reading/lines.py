"""What a line of a saved web page shows: a date, a name, sentences, function words, and the line's key.

One job: the patterns and small pure functions by which :mod:`reading.boilerplate` (is a line page furniture?) and
:mod:`reading.metadata` (is it a headline, a byline, a date?) look at one line, in one place, so that a month name,
a date form or a prose check is changed where both modules see it.

Where the two modules ask different questions, the answers stay two patterns side by side, each named by its
question: :data:`DATE_SHAPE` says whether a whole line is a date or a time (boilerplate's shapes; its month names
are the ones its thresholds were tuned with), :func:`first_date` reads the calendar date a line names (metadata;
more month forms, an ISO result). :data:`NAME_SHAPE` is a byline's name inside boilerplate's case-insensitive
shapes, :data:`BYLINE_NAME` the name metadata takes out of a byline. :data:`SENTENCE_PUNCT` (a word before
sentence punctuation) tells prose from menus, :data:`PROSE_PUNCT` (punctuation before a space) tells an article's
prose from header lines. :func:`function_words` (density of running German) and the lexicon's ``stopwords()``
(metadata's name and sentence checks; keyword candidates) are two lists: swapping either changes what is dropped
or taken (docs/boilerplate.md, docs/metadata.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

# ---- the heading of a box about the author

# "Über den Autor", "Über den Autor/ die Autorin", "Zur Autorin", "Die Autorin", "About the author": the name stands on
# the next line (metadata takes it as the author) and the paragraph under it is a portrait (boilerplate drops it)
AUTHOR_BOX_HEADING = re.compile(r"^(über|zum|zur|der|die|about)\s+(den\s+|die\s+|the\s+)?(autor|autorin|autor\*in|"
                                r"autor:in|author|verfasser|verfasserin)(\s*/\s*(die\s+)?autorin)?\s*:?$",
                                re.IGNORECASE)


# ---- the line's key

# What a line's edges may carry besides its text: bullets, dashes, separators, quote marks of a menu.
EDGE = " \t•-–—·|>»›*#"


def line_key(line: str) -> str:
    """The form under which a line is compared with the lines of other documents."""
    return " ".join(line.strip(EDGE).split()).casefold()


# ---- month names and dates

# Month names and their numbers (German, Austrian and English forms and abbreviations), for reading a date.
MONTHS = {
    "januar": 1, "jänner": 1, "jan": 1, "january": 1, "februar": 2, "feber": 2, "feb": 2, "february": 2,
    "märz": 3, "maerz": 3, "mär": 3, "mrz": 3, "march": 3, "mar": 3, "april": 4, "apr": 4, "mai": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6, "juli": 7, "jul": 7, "july": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "october": 10, "oct": 10,
    "november": 11, "nov": 11, "dezember": 12, "dez": 12, "december": 12, "dec": 12,
}
WEEKDAYS = {"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "mo", "di", "mi", "do",
            "fr", "sa", "so", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
# The month names of a date line's shape (boilerplate): a subset of MONTHS' forms, a dot only after some. Not built
# from MONTHS: "mar", "oct" … would make "12. Marketing …" a dated line (a shape boilerplate drops). Austrian
# "Jänner" and "Feber" are in it ("14. Jänner 2021" is a date line in Vienna).
MONTH_SHAPE = (r"(jan(uar|\.)?|jän(ner|\.)?|feb(ruar|\.)?|feber|märz|mär\.?|apr(il|\.)?|mai|jun[ie]?\.?|"
               r"jul[iy]?\.?|aug(ust|\.)?|"
               r"sep(t(ember|\.)?)?\.?|okt(ober|\.)?|nov(ember|\.)?|dez(ember|\.)?|january|february|march|may|june|"
               r"july|october|december)")
# A date or a time as a line shows it, for matching whole lines (no groups by name; a day and month without year
# and "14:30 Uhr" count).
DATE_SHAPE = (rf"(\d{{1,2}}\.\s*({MONTH_SHAPE}|\d{{1,2}}\.)\s*(\d{{2,4}})?|{MONTH_SHAPE}\s+\d{{4}}|"
              rf"\d{{4}}-\d\d-\d\d|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\d{{1,2}}:\d\d(\s*uhr)?)")

_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# Years 1900-2099 only; a year may be glued to the next date ("20199. Februar"), as saved pages often have.
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)"
_DATE_PATTERNS = [
    re.compile(rf"(?<!\d){_YEAR}-(?P<month>[01]?\d)-{_DAY}(?!\d)"),  # 2026-12-03
    re.compile(rf"/{_YEAR}/(?P<month>[01]\d)/(?P<day>[0-3]\d)(?:/|$)"),  # a web address: …/2019/10/19/titel
    re.compile(rf"(?<![\d.]){_DAY}\.\s?(?P<month>[01]?\d)\.\s?{_YEAR}"),  # 03.12.2026, 3. 12. 2026
    re.compile(rf"(?<![\d/]){_DAY}/(?P<month>[01]?\d)/{_YEAR}"),  # 17/11/2019
    re.compile(rf"(?<!\d){_DAY}\.?\s+{_MONTH},?\s+{_YEAR}", re.IGNORECASE),  # 3. Dezember 2026, 3 Dez, 2026
    re.compile(rf"\b{_MONTH}\s+{_DAY}(?:st|nd|rd|th)?,?\s+{_YEAR}", re.IGNORECASE),  # Dez 3, 2026
    re.compile(rf"(?<!\d){_DAY}\s*/\s*{_MONTH}\s*/\s*{_YEAR}", re.IGNORECASE),  # 29 / Dezember / 2022
    re.compile(rf"(?<![\d.]){_DAY}\.\s?{_MONTH}\s?(?P<year>\d\d)(?![\d.])", re.IGNORECASE),  # 03.Mär.19
    # 04.05.20, 2.11.22 (a news site's short form), the month with two digits: "Kapitel 3.1.12", "v1.2.20" and
    # "3.10.22.1" are section and version numbers
    re.compile(r"(?<![\w.])(?P<day>[0-3]?\d)\.(?P<month>[01]\d)\.(?P<year>\d\d)(?!\d|\.\d)"),
]


def parse_date(text: str) -> str:
    """The first valid calendar date in ``text`` as ``yyyy-mm-dd``, or "" (German, ISO and English forms)."""
    found = first_date(text)
    return found[0] if found else ""


@lru_cache(maxsize=8192)  # each line is asked several times (evidence, byline, fallback)
def first_date(text: str) -> tuple[str, int, int] | None:
    """(ISO date, start, end) of the earliest valid date in ``text``."""
    best = None
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            iso = _iso(match)
            if iso and (best is None or match.start() < best[1]):
                best = (iso, match.start(), match.end())
                break
    return best


def _iso(match: re.Match) -> str:
    month = match.group("month").lower().rstrip(".")
    month_number = MONTHS.get(month) if not month.isdigit() else int(month)
    day, year = int(match.group("day")), int(match.group("year"))
    year += 2000 if year < 100 else 0  # "03.Mär.19": a two-digit year is this century's
    if not month_number or not 1 <= month_number <= 12 or not 1 <= day <= _days_in(month_number, year):
        return ""
    return f"{year:04d}-{month_number:02d}-{day:02d}"


def _days_in(month: int, year: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


# ---- names

NAME_PARTICLES = {"von", "van", "de", "der", "zu", "du", "la", "le", "den", "ter"}
# A person's name in a byline shape: one to four capitalised words (case-sensitive inside the case-insensitive
# shapes), "von", "van" or "de" before the last ones.
NAME_SHAPE = r"(?-i:[A-ZÄÖÜ][\w.'-]*(?: (?:von |van |de )?[A-ZÄÖÜ][\w.'-]*){0,3})"
# The name after a byline's introducer ("Von", "Autorin:"), up to a date, a separator or the line's end: the first
# word in any case (a blog handle), then up to three capitalised words or particles.
BYLINE_NAME = r"(?P<name>[^\s|•·,;:()]{2,}(?:[ \t]+(?:[A-ZÄÖÜ][^\s|•·,;:()]*|von|van|de|der|zu|du|la|le)){0,3})"

# ---- sentences and function words

# A word right before sentence punctuation (and closing quotes), then a space or the line's end: a line with sentences.
SENTENCE_PUNCT = re.compile(r"\w[.!?…][\"'“”»«)\]]*(\s|$)")
# A short line that is one sentence: a capital (after an opening quote) up to a word before . ! ? …
# German, Swiss and single quotes count: „…“, »…«, «…», ‚…‘.
SHORT_SENTENCE = re.compile(r"^[\"'„“»«‚‘(]?[A-ZÄÖÜ].*\w[\"'“”«»‘’)]?[.!?…][\"'“”«»‘’)]?$")
# A line that ends with a sentence's punctuation after a word.
ENDS_SENTENCE = re.compile(r"\w\W{0,3}[.!?…][\"'“”»«‘’)]?$")
# Punctuation before a space (search ``line + " "``): the sentences of an article's prose, not a header line's.
PROSE_PUNCT = re.compile(r"[.!?…:“\"]\s")


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """German function words, by whose density running text is told from menus: spaCy's stop words without the
    lexicon's extra stop words ("Beitrag", "Kommentar", "gut"), which are words of menus too."""
    from ..language.lexicon import EXTRA_STOPWORDS, stopwords

    return stopwords() - EXTRA_STOPWORDS


def function_word_share(words: Iterable[str], vocabulary: frozenset[str]) -> float:
    """The share of ``words`` (lower-cased) that are in ``vocabulary``; 0.0 for no words."""
    words = list(words)
    return sum(word.lower() in vocabulary for word in words) / len(words) if words else 0.0
