"""Syllables of numbers as read aloud in German (see :mod:`marketingtext.language.syllables` for the convention)."""

from __future__ import annotations

# eins ... neunzehn; "eins" is "ein" inside a longer number (one syllable either way)
_UNITS = [1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2]  # null, eins, ..., sieben=2, ..., neunzehn
TENS = 2  # zwanzig, dreißig, ..., neunzig
UND, HUNDERT, TAUSEND, KOMMA, PUNKT = 1, 2, 2, 2, 1
SCALES = [(10**9, 4, 4), (10**6, 3, 4)]  # (value, syllables of one: Mil-li-on / Mil-li-ar-de, of many: -en)
EINE = 2  # "eine Million"
MAX_DIGITS = 12


def number_syllables(text: str) -> int:
    """Syllables of a digit token: "2024" 7, "1999" 8 (a year), "3,5" 4, "4.0" 3, "1.000" 2."""
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
