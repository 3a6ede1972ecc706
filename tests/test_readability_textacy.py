"""mtext's readability formulas against textacy's implementations on identical counts."""

from __future__ import annotations

import pytest

from marketingtext.language.stats import ReadabilityCounts, readability

textacy_readability = pytest.importorskip("textacy.text_stats.readability")

COUNTS = [
    ReadabilityCounts(words=100, sentences=5, syllables=150, polysyllabic=20, monosyllabic=50, long_words=30),
    ReadabilityCounts(words=1873, sentences=97, syllables=3791, polysyllabic=512, monosyllabic=801,
                      long_words=611),
    ReadabilityCounts(words=7, sentences=1, syllables=19, polysyllabic=3, monosyllabic=2, long_words=4),
]


def _textacy_scores(counts: ReadabilityCounts, monkeypatch) -> dict[str, float]:
    """textacy's formulas fed our counts: its counting helpers are replaced by the numbers."""
    import spacy
    from textacy.text_stats import basics, utils

    patched = {
        "n_sents": counts.sentences, "n_words": counts.words, "n_syllables": counts.syllables,
        "n_long_words": counts.long_words, "n_polysyllable_words": counts.polysyllabic,
        "n_monosyllable_words": counts.monosyllabic,
    }
    for name, value in patched.items():
        monkeypatch.setattr(basics, name, lambda *args, value=value, **kwargs: value)
    monkeypatch.setattr(utils, "get_words", lambda doc: iter(()))
    doc = spacy.blank("de")("Ein Satz.")
    return {
        "flesch_amstad": textacy_readability.flesch_reading_ease(doc, lang="de"),
        **{f"wstf{v}": textacy_readability.wiener_sachtextformel(doc, variant=v) for v in (1, 2, 3, 4)},
        "lix": textacy_readability.lix(doc),
    }


@pytest.mark.parametrize("counts", COUNTS)
def test_formulas_agree_with_textacy(counts, monkeypatch):
    ours = readability(counts)
    theirs = _textacy_scores(counts, monkeypatch)
    for name, value in theirs.items():
        assert ours[name] == pytest.approx(value, abs=0.005), name  # ours are rounded to two decimals
