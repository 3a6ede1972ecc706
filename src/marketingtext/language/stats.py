"""Statistics on plain numbers and word lists: readability, lexical diversity, keyness.

Pure functions, no spaCy: the table modules count, this module computes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .syllables import syllables  # noqa: F401  (re-exported: the one syllable counter every table uses)

LONG_WORD_LETTERS = 6  # LIX, RIX and the Wiener Sachtextformel count words of more than six letters

# Wiener Sachtextformel (Bamberger & Vanecek 1984, "Lesen - Verstehen - Lernen - Schreiben"): coefficients of
# MS (% words of three or more syllables), SL (words per sentence), IW (% words of more than six letters),
# ES (% words of one syllable) and the constant. Variant 1 uses all four, 2 drops ES, 3 and 4 keep MS and SL.
WSTF_COEFFICIENTS = {
    1: (0.1935, 0.1672, 0.1297, -0.0327, -0.875),
    2: (0.2007, 0.1682, 0.1373, 0.0, -2.779),
    3: (0.2963, 0.1905, 0.0, 0.0, -1.1144),
    4: (0.2744, 0.2656, 0.0, 0.0, -1.693),
}


@dataclass(frozen=True)
class ReadabilityCounts:
    """What every readability formula needs, counted once over a text's words and sentences."""

    words: int
    sentences: int
    syllables: int
    polysyllabic: int  # words of three or more syllables
    monosyllabic: int  # words of one syllable
    long_words: int  # words of more than six letters

    @classmethod
    def of_words(cls, words: Sequence[str], sentences: int) -> ReadabilityCounts:
        """Counts for a text's words (token texts) and its number of sentences."""
        counts = [syllables(w) for w in words]
        return cls(words=len(words), sentences=sentences, syllables=sum(counts),
                   polysyllabic=sum(c >= 3 for c in counts), monosyllabic=sum(c == 1 for c in counts),
                   long_words=sum(map(is_long, words)))


def readability(counts: ReadabilityCounts) -> dict[str, float]:
    """Every readability score of a text, rounded to two decimals (NaN with no word or sentence).

    flesch_amstad: Flesch reading ease for German (Amstad 1978), 0 (very hard) to 100 (very easy).
    wstf1..wstf4: the four Wiener Sachtextformeln, a school grade 4 (easy) to 15 (very hard).
    lix: Läsbarhetsindex (Björnsson 1968); rix: long words per sentence (Anderson 1983).
    """
    c = counts
    scores = {
        "flesch_amstad": flesch_amstad(c.words, c.sentences, c.syllables),
        **{f"wstf{v}": wiener_sachtextformel(c.words, c.sentences, c.polysyllabic, c.long_words, c.monosyllabic, v)
           for v in WSTF_COEFFICIENTS},
        "lix": lix(c.words, c.sentences, c.long_words),
        "rix": rix(c.sentences, c.long_words),
    }
    return {name: round(value, 2) for name, value in scores.items()}


def is_long(word: str) -> bool:
    """A long word for LIX, RIX and the Wiener Sachtextformel: more than six letters."""
    return sum(c.isalpha() for c in word) > LONG_WORD_LETTERS


def flesch_amstad(words: int, sentences: int, syllable_count: int) -> float:
    """Flesch reading ease for German (Amstad 1978): 180 - ASL - 58.5 * ASW.

    ASL = words per sentence, ASW = syllables per word. 0-30 very hard, 60-70 plain, 90+ very easy.
    """
    if not words or not sentences:
        return math.nan
    return 180 - words / sentences - 58.5 * syllable_count / words


def wiener_sachtextformel(words: int, sentences: int, polysyllabic: int, long_words: int,
                          monosyllabic: int, variant: int = 1) -> float:
    """Wiener Sachtextformel ``variant`` 1-4 (Bamberger & Vanecek 1984), a school grade 4 (easy) to 15 (hard).

    WSTF1 = 0.1935*MS + 0.1672*SL + 0.1297*IW - 0.0327*ES - 0.875
    WSTF2 = 0.2007*MS + 0.1682*SL + 0.1373*IW - 2.779
    WSTF3 = 0.2963*MS + 0.1905*SL - 1.1144
    WSTF4 = 0.2744*MS + 0.2656*SL - 1.693
    with MS = % words of three or more syllables, SL = words per sentence, IW = % words of more than
    six letters, ES = % words of one syllable.
    """
    if not words or not sentences:
        return math.nan
    ms, iw, es = (100 * n / words for n in (polysyllabic, long_words, monosyllabic))
    a, b, c, d, constant = WSTF_COEFFICIENTS[variant]
    return a * ms + b * words / sentences + c * iw + d * es + constant


def lix(words: int, sentences: int, long_words: int) -> float:
    """Läsbarhetsindex (Björnsson 1968): words per sentence + 100 * long words (> 6 letters) / words."""
    if not words or not sentences:
        return math.nan
    return words / sentences + 100 * long_words / words


def rix(sentences: int, long_words: int) -> float:
    """RIX (Anderson 1983): long words (> 6 letters) per sentence."""
    if not sentences:
        return math.nan
    return long_words / sentences


def mtld(tokens: Sequence[str], threshold: float = 0.72) -> float:
    """Measure of Textual Lexical Diversity (McCarthy & Jarvis 2010), length-robust.

    The mean of a forward and a backward pass; each counts "factors", stretches over which
    the type-token ratio stays above ``threshold``, with a partial factor for the remainder.
    """
    if not tokens:
        return math.nan
    forward, backward = _mtld_pass(tokens, threshold), _mtld_pass(tokens[::-1], threshold)
    return (forward + backward) / 2


def _mtld_pass(tokens: Sequence[str], threshold: float) -> float:
    factors, types, count = 0.0, set(), 0
    for token in tokens:
        count += 1
        types.add(token)
        if len(types) / count <= threshold:
            factors += 1
            types, count = set(), 0
    if count:
        ttr = len(types) / count
        factors += (1 - ttr) / (1 - threshold)
    return len(tokens) / factors if factors else float(len(tokens))


def log_likelihood(a: float, b: float, total_a: float, total_b: float) -> float:
    """Log-likelihood G² for a term seen ``a`` times in corpus A and ``b`` times in corpus B.

    Rayson & Garside (2000): with expected E1 = C*(a+b)/(C+D) and E2 = D*(a+b)/(C+D),
    G² = 2 * (a*ln(a/E1) + b*ln(b/E2)); a zero count contributes 0.
    """
    total = total_a + total_b
    if total == 0 or a + b == 0:
        return 0.0
    expected_a = total_a * (a + b) / total
    expected_b = total_b * (a + b) / total
    g2 = 0.0
    if a > 0:
        g2 += a * math.log(a / expected_a)
    if b > 0:
        g2 += b * math.log(b / expected_b)
    return 2 * g2


def log_ratio(a: float, b: float, total_a: float, total_b: float, correction: float = 0.5) -> float:
    """Log ratio effect size (Hardie 2014): log2 of the ratio of relative frequencies.

    A zero count is replaced by ``correction`` (0.5, as Hardie suggests) so the ratio stays
    finite; a value of 1 means twice as frequent in A, -1 twice as frequent in B.
    """
    a = a if a > 0 else correction
    b = b if b > 0 else correction
    return math.log2((a / total_a) / (b / total_b))


def chi2_p_value(g2: float) -> float:
    """p-value of G² against the chi-square distribution with one degree of freedom."""
    return math.erfc(math.sqrt(max(g2, 0.0) / 2))
