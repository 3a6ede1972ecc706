"""Finished tables, cached: the same command on the same texts is answered without parsing.

The Doc cache (:mod:`marketingtext.parsing`) spares the pipeline; this cache spares reading
every Doc back and rebuilding the table, which on a large corpus is most of a re-run. A table
is keyed by everything it is computed from: the pipeline, mtext's own code and data files, the
command and its options (user files by content), and every input document (name, path,
encoding and text, in order). Anything else changes the key, so a hit is the table the command
would have computed, byte for byte.
"""

from __future__ import annotations

import hashlib
import pickle
import warnings
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from .parsing import write_cache_file
from .reading import SourceText

T = TypeVar("T")


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of mtext's source and data files: a changed rule or gazetteer entry is a new key."""
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".toml", ".txt", ".json"} and "models" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def file_fingerprint(paths: Sequence[str]) -> list[str]:
    """Content hashes of user files named in the options (gazetteers), so an edit is a new key."""
    return [hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in paths]


class TableCache:
    """Pickled tables under ``root/tables``, one file per key."""

    def __init__(self, root: Path, pipeline_key: str) -> None:
        self.root = Path(root) / pipeline_key / "tables"
        self.pipeline_key = pipeline_key

    def key(self, name: str, options: dict, sources: Sequence[SourceText]) -> str:
        digest = hashlib.sha256(f"{self.pipeline_key}\0{code_fingerprint()}\0{name}\0".encode())
        digest.update(repr(sorted(options.items())).encode())
        for s in sources:
            digest.update(f"\0{s.doc}\0{s.path}\0{s.encoding}\0{s.chars_raw}\0{s.chars_dropped}\0".encode())
            digest.update(hashlib.sha256(s.text.encode()).digest())
        return digest.hexdigest()

    def get_or_build(self, name: str, options: dict, sources: Sequence[SourceText], build: Callable[[], T]) -> T:
        """The cached result for this key, or ``build()`` (then stored)."""
        path = self.root / f"{self.key(name, options, sources)}.pickle"
        if path.exists():
            try:
                return pickle.loads(path.read_bytes())
            except Exception as exc:  # a damaged entry means: build it again
                warnings.warn(f"table cache entry {path} is corrupt ({exc.__class__.__name__}); rebuilding it",
                              stacklevel=2)
        result = build()
        write_cache_file(path, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        return result
