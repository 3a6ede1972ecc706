"""Syllables of numbers as read aloud in German (see :mod:`marketingtext.language.syllables` for the convention)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# eins ... neunzehn; "eins" is "ein" inside a longer number (one syllable either way)
_UNITS = [1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2]  # null, eins, ..., sieben=2, ..., neunzehn
TENS = 2  # zwanzig, dreißig, ..., neunzig
UND, HUNDERT, TAUSEND, KOMMA, PUNKT = 1, 2, 2, 2, 1
SCALES = [(10**9, 4, 4), (10**6, 3, 4)]  # (value, syllables of one: Mil-li-on / Mil-li-ar-de, of many: -en)
EINE = 2  # "eine Million"
MAX_DIGITS = 12
HALB = 1  # "ein halb": a denominator of 2 is read "halb", any other as its ordinal stem + "tel" (Drit-tel)
# Superscript and subscript digits are exponents or footnote marks ("5 %¹", "m²", "CO₂"): read apart from
# the number before them, never glued to it (NFKC alone would make "5¹" fifty-one).
_RAISED_DIGITS = re.compile("[⁰¹²³⁴-⁹]+|[₀-₉]+")
FRACTION = re.compile(r"(\d+)\u2044(\d+)")  # NFKC writes ½ as 1⁄2 (fraction slash)


def spoken_form(text: str) -> str:
    """``text`` with every number written in ASCII digits, as it is read aloud.

    Superscript and subscript digits become a number of their own; circled, fullwidth, mathematical and
    enclosed digits and number signs (①, ⑩, 𝟙, ⒈) become ASCII digits (NFKC); fractions ``½`` become
    ``1⁄2``; digits of other scripts (Arabic-Indic ٣, Devanagari ३, Tai Lue ᧚) become ASCII digits.
    ASCII text is returned as it is.
    """
    if text.isascii():
        return text
    text = _RAISED_DIGITS.sub(lambda m: f" {m.group()} ", text)
    text = "".join(f" {c} " if unicodedata.decomposition(c).startswith("<fraction>") else c for c in text)  # 3½
    return "".join(_ascii_digit(c) for c in unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=4096)
def _ascii_digit(char: str) -> str:
    if char.isascii() or not char.isdigit():
        return char
    digit = unicodedata.digit(char, None)
    return char if digit is None else str(digit)


def fraction_syllables(numerator: str, denominator: str) -> int:
    """"1⁄2" ein halb (2), "3⁄4" drei Vier-tel (3), "5⁄8" fünf Ach-tel (3)."""
    stem = HALB if denominator == "2" else number_syllables(denominator) + 1  # Drit-tel, Hun-dert-stel
    return number_syllables(numerator) + stem


def number_syllables(text: str) -> int:
    """Syllables of a digit token: "2024" 7, "1999" 8 (a year), "3,5" 4, "4.0" 3, "1.000" 2.

    Digits of any script count as their value ("٢٠٢٤" 7, "²" 1); characters other than digits, ``,``
    and ``.`` are not read; a token with no digit is 0.
    """
    if not text.isascii():
        text = "".join(_ascii_digit(c) for c in unicodedata.normalize("NFKC", text))
    fraction = FRACTION.fullmatch(text)
    if fraction:
        return fraction_syllables(*fraction.groups())
    text = "".join(c for c in text if c in ",." or c.isdigit()).strip(",.")
    if not text:
        return 0
    if "," in text:
        whole, _, decimals = text.partition(",")
        return number_syllables(whole) + KOMMA + sum(_UNITS[int(d)] for d in decimals if d.isdigit())
    groups = text.split(".")
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]):
        text = "".join(groups)  # German thousands separator: 1.000
    elif len(groups) > 1:
        return sum(number_syllables(g) for g in groups) + PUNKT * (len(groups) - 1)
    if len(text) > MAX_DIGITS or (len(text) > 1 and text.startswith("0")):
        return sum(_UNITS[int(d)] for d in text)
    value = int(text)
    if 1100 <= value <= 1999:
        return below_hundred(value // 100) + HUNDERT + (below_hundred(value % 100) if value % 100 else 0)
    return cardinal(value)


def cardinal(value: int) -> int:
    if value == 0:
        return 1
    count = 0
    for scale, one, many in SCALES:
        if value >= scale:
            multiple, value = divmod(value, scale)
            count += EINE + one if multiple == 1 else cardinal(multiple) + many
    if value >= 1000:
        thousands, value = divmod(value, 1000)
        count += (below_thousand(thousands) if thousands > 1 else 0) + TAUSEND
    return count + (below_thousand(value) if value else 0)


def below_thousand(value: int) -> int:
    hundreds, rest = divmod(value, 100)
    count = (below_hundred(hundreds) if hundreds > 1 else 0) + (HUNDERT if hundreds else 0)
    return count + (below_hundred(rest) if rest else 0)


def below_hundred(value: int) -> int:
    if value < 20:
        return _UNITS[value]
    tens, units = divmod(value, 10)
    return TENS + (_UNITS[units] + UND if units else 0)
