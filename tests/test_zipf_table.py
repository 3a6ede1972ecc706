"""language.lexicon.zipf: wordfreq's German frequencies from mtext's table, the same to the last bit, and sooner."""

from __future__ import annotations

import re
import subprocess
import sys

from .conftest import RAW


def essay_words_and_phrases() -> list[str]:
    words = re.findall(r"\w+(?:[-']\w+)*", " ".join(p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt"))))
    lower = [w.lower() for w in words]
    phrases = {" ".join(lower[i:i + n]) for n in (2, 3) for i in range(len(lower) - n)}
    # and letters whose case-folded form is no plain letter (İ -> i + combining dot, Ə -> ə): wordfreq knows them
    return sorted(set(words) | phrases | {"Xyzzyquark", "quarkxyzzy bäckerei", "Straße", "STRASSE", "Grüße",
                                          "İstanbul", "DİTİB", "İstanbul bäckerei", "Ə", "Ɛ", "ǰ"})


def test_zipf_is_wordfreqs_answer_for_every_essay_word_and_phrase():
    from wordfreq import zipf_frequency

    from marketingtext.language.lexicon import _zipf_table, zipf

    assert _zipf_table() is not None  # shipped, and built from the installed wordfreq
    entries = essay_words_and_phrases()
    assert len(entries) > 10_000
    for entry in entries:
        assert repr(zipf.__wrapped__(entry)) == repr(zipf_frequency(entry, "de")), entry
    assert zipf("Marketing") > 3 and zipf("Xyzzyquark") == 0.0 and zipf("Straße") == zipf("strasse")


def test_a_table_built_from_another_wordfreq_is_not_used(tmp_path, monkeypatch):
    import marisa_trie

    from marketingtext.language import lexicon

    marisa_trie.RecordTrie("<H", [("marketing", (300,)), ("\x01wordfreq 0.0.1", (0,))]).save(str(tmp_path / "t"))
    monkeypatch.setattr(lexicon, "ZIPF_TABLE", tmp_path / "t")
    lexicon._zipf_table.cache_clear()
    try:
        assert lexicon._zipf_table() is None
        assert lexicon.zipf.__wrapped__("marketing") > 3  # wordfreq's answer, not the planted band's Zipf 6
    finally:
        lexicon._zipf_table.cache_clear()


def test_plain_words_are_looked_up_without_loading_wordfreq():
    code = ("import sys; from marketingtext.language.lexicon import zipf; "
            "print(zipf('Unternehmen'), zipf('digitale transformation'), 'wordfreq' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert float(out[0]) > 4 and float(out[1]) > 0 and out[2] == "False"
