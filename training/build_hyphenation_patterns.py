"""Build ``language/data/hyph_de_DE.json.gz`` (``marketingtext.language.hyphenation``): pyphen's German patterns as
pyphen itself parses them, with the pyphen version and pattern file they came from. Deterministic: the same pyphen
gives the same bytes (sorted keys, gzip without a time stamp).

Usage: python training/build_hyphenation_patterns.py [OUT.json.gz]
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from marketingtext.core.fsio import write_atomic  # noqa: E402
from marketingtext.language.hyphenation import LANG, PATTERNS_FILE, source_identity  # noqa: E402


def main() -> None:
    import pyphen

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else PATTERNS_FILE
    path = pyphen.LANGUAGES[LANG]
    parsed = pyphen.HyphDict(path)  # pyphen's own parse, not the cache a loaded table would fill
    if any(type(value) is not int for _, values in parsed.patterns.values() for value in values):
        raise SystemExit("these patterns have nonstandard hyphenation (DataInt values): not stored as plain numbers")
    data = {"source": source_identity(path),
            "patterns": {tags: [start, list(values)] for tags, (start, values) in parsed.patterns.items()}}
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    write_atomic(out, gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{out}: {len(parsed.patterns):,} patterns, {out.stat().st_size / 1e3:.0f} kB")


if __name__ == "__main__":
    main()
