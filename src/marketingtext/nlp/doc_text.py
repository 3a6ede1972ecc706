"""A Doc's text, joined once per document.

spaCy's ``Doc.text`` joins every token's text and whitespace on each access (about 10 ms for a 3,600-token
article); the per-document rows of ``analyze`` read it about a dozen times per document (entity rules, gazetteer,
sentences, topics, report words): 3 of analyze's 20 seconds of table work on 27 wiki articles (cProfile).
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=2)  # the document being turned into rows (and the one before): no corpus of Docs is held
def doc_text(doc) -> str:
    """``doc.text``, computed once per Doc (a Doc hashes by identity; the cache holds it, so no other Doc can
    take its identity while its text is cached). A Doc's text never changes after parsing."""
    return doc.text
