"""Compound splitting reads compound-split's German n-gram model from a memory-mapped trie: the same splits as the
package's own ``char_split``, built once into the cache folder, and never a failed run over the cache folder."""

from __future__ import annotations

import re
import subprocess
import sys

from .conftest import RAW


def essay_nouns() -> list[str]:
    """Every capitalised word of eight letters or more in the five essays (the words mtext splits)."""
    text = " ".join(path.read_text(encoding="utf-8") for path in sorted(RAW.glob("*.txt")))
    return sorted(set(re.findall(r"\b[A-ZÄÖÜ][a-zäöüß]{7,}\b", text)))


def test_best_split_is_char_splits_best_on_every_essay_noun():
    from compound_split import char_split

    from marketingtext.keywords.compounds import best_split

    words = essay_nouns() + ["Kunden-Erlebnis", "Abc"]
    assert len(words) > 500
    for word in words:
        assert best_split(word) == char_split.split_compound(word)[0], word


def test_compound_heads_of_marketing_words():
    from marketingtext.keywords.compounds import split_compound

    assert split_compound("Marketingstrategie") == ("Strategie", ["Marketing"])
    assert split_compound("Kundenbindung")[0] == "Bindung"
    assert split_compound("Social-Media-Marketing") == ("Marketing", ["Social", "Media"])


def run_split(cache: str, word: str = "Wertschöpfungskette") -> subprocess.CompletedProcess:
    code = ("import sys; from marketingtext.keywords.compounds import best_split; "
            "print(best_split(sys.argv[1]))")
    return subprocess.run([sys.executable, "-c", code, word], capture_output=True, text=True,
                          env={"MTEXT_CACHE_DIR": cache, "PATH": "/usr/bin:/bin"}, timeout=300)


def test_the_trie_is_built_once_into_the_cache_folder_and_a_damaged_one_built_again(tmp_path):
    first = run_split(str(tmp_path))
    assert first.returncode == 0, first.stderr
    files = list(tmp_path.glob("compound_split_de_*.marisa"))
    assert len(files) == 1 and files[0].stat().st_size > 1_000_000
    assert not list(tmp_path.glob("*.tmp"))
    built = files[0].stat().st_mtime_ns
    again = run_split(str(tmp_path))
    assert again.stdout == first.stdout and files[0].stat().st_mtime_ns == built  # read, not built again
    files[0].write_bytes(b"not a trie")
    repaired = run_split(str(tmp_path))
    assert repaired.returncode == 0 and repaired.stdout == first.stdout, repaired.stderr
    assert files[0].stat().st_size > 1_000_000


def test_an_unwritable_cache_folder_still_splits(tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x", encoding="utf-8")
    result = run_split(str(blocked / "cache"))
    from marketingtext.keywords.compounds import best_split

    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert result.stdout.strip() == str(best_split("Wertschöpfungskette"))
    assert not (blocked / "cache").exists()
