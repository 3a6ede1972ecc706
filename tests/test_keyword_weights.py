"""The ``mtext`` keyword weights: a term's position ignores whitespace, and an article's lead names its topic.

The weights were re-chosen on 200 wiki bench articles (bench/eval_corpus_keywords.py, docs/keywords.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from marketingtext.engine.parsing import ParsedDoc
from marketingtext.keywords.table import keyword_table
from marketingtext.keywords.terms import doc_terms
from marketingtext.reading.decode import SourceText

from .conftest import RAW

WIKI = Path(__file__).resolve().parents[1] / ".." / "shared" / "bench" / "wiki_de_1M" / "wiki"
ARTICLES = ("Hamburger", "Sommer", "Herbst", "Himmelsrichtung")


def parsed(nlp, name: str, text: str) -> ParsedDoc:
    return ParsedDoc(SourceText(name, f"{name}.txt", text, "utf-8", len(text), 0), nlp(text))


def test_blank_lines_do_not_move_a_term(nlp):
    """The same essay with its line breaks doubled and indented (as a .docx or .pdf may give it) has the same
    positions and scores: the position counts tokens, not characters."""
    text = (RAW / sorted(p.name for p in RAW.glob("*.txt"))[3]).read_text(encoding="utf-8")
    spaced = text.replace("\n", "\n\n   \n")
    plain, loose = doc_terms(parsed(nlp, "plain", text)), doc_terms(parsed(nlp, "loose", spaced))
    assert plain.terms.keys() == loose.terms.keys()
    assert all(plain.terms[k].first == loose.terms[k].first for k in plain.terms)
    first, second = (keyword_table(doc_terms_list=[dt], top=10, scope="per-doc") for dt in (plain, loose))
    assert list(first["term"]) == list(second["term"])
    assert list(first["score"]) == list(second["score"])


@pytest.fixture(scope="module")
def wiki(pipeline, cache_dir):
    if not WIKI.is_dir():
        pytest.skip(f"{WIKI} not found (the shared bench corpus)")
    import marketingtext as mt

    return mt.load([WIKI / f"{a}.txt" for a in ARTICLES], cache_dir=cache_dir, pipeline=pipeline).keep_in_memory()


def test_an_article_title_is_among_its_top_5(wiki):
    """"Hamburger" names its topic in the first sentence, then mostly says "Burger", "Brötchen", "Patty";
    "Sommer" is outnumbered by "Nordsommer" and "Südsommer". The old weights put "Hamburger" below rank 8 and
    "Sommer" 6th; the lead's weight now keeps both among the top 5."""
    table = wiki.keywords(top=5, scope="per-doc")
    for article in ("Hamburger", "Sommer"):
        lemmas = list(table[table["doc"] == article].sort_values("rank")["lemma"])
        assert article in lemmas, (article, lemmas)
