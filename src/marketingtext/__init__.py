"""mtext: keyword, entity and sentence tables for German essays.

>>> import marketingtext as mt
>>> corpus = mt.load("data/raw")
>>> corpus.keywords(top=10)
"""

from .core.version import __version__

__all__ = ["load", "Corpus", "compare", "__version__"]


def __getattr__(name):
    # Lazy: `import marketingtext` (and `mtext --help`) must not import spaCy and pandas.
    if name in ("load", "Corpus"):
        from . import corpus

        return getattr(corpus, name)
    if name == "compare":
        from .tables.comparison import compare

        return compare
    raise AttributeError(name)
