"""German language facts and formulas: words, lexicon, syllables, numbers, gender, passive, stats, dispersion."""
