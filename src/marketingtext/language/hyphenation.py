"""pyphen's German hyphenation patterns, read from a table built with mtext instead of parsed on every run.

pyphen parses its ``hyph_de_DE.dic`` (66,441 patterns, each through a regular expression) the first time a process
hyphenates a word: in every run of a table that counts syllables, and with ``--jobs`` in every worker
(``bench/syllable_table.py``: 0.44 s CPU, against 0.16 s from the table). ``language/data/hyph_de_DE.json.gz``
(``training/build_hyphenation_patterns.py``) holds the patterns as pyphen builds them and names the pyphen version
and the pattern file (its SHA-256) they came from; with any other pyphen or file, pyphen parses its own as before.
The patterns are the same values (``tests/test_syllables.py`` compares them), so every hyphenation is.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from importlib.metadata import version
from pathlib import Path

PATTERNS_FILE = Path(__file__).parent / "data" / "hyph_de_DE.json.gz"
LANG = "de_DE"


def german_hyphenator(left: int = 1, right: int = 1):
    """``pyphen.Pyphen(lang="de_DE", left=left, right=right)``, its patterns from :data:`PATTERNS_FILE` where that
    was built from this pyphen's file."""
    import pyphen

    path = pyphen.LANGUAGES[LANG]
    if path not in pyphen.hdcache:
        patterns = _built_patterns(path)
        if patterns is not None:
            hyph = object.__new__(pyphen.HyphDict)  # HyphDict.__init__ would parse the file again
            hyph.patterns, hyph.cache, hyph.maxlen = patterns, {}, max(len(key) for key in patterns)
            pyphen.hdcache[path] = hyph
    return pyphen.Pyphen(lang=LANG, left=left, right=right)


def source_identity(path: Path) -> dict:
    """What the built patterns must match: pyphen's version and its pattern file's SHA-256."""
    return {"pyphen": version("pyphen"), "sha256": hashlib.sha256(Path(path).read_bytes()).hexdigest()}


def _built_patterns(path: Path) -> dict[str, tuple[int, tuple[int, ...]]] | None:
    if not PATTERNS_FILE.is_file():
        return None
    try:
        data = json.loads(gzip.decompress(PATTERNS_FILE.read_bytes()))
    except (OSError, ValueError):
        return None
    if data.get("source") != source_identity(path):
        return None
    return {tags: (start, tuple(values)) for tags, (start, values) in data["patterns"].items()}
