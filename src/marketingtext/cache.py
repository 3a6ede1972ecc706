"""The two caches: parsed Docs, and finished tables.

The Doc cache spares the pipeline: one DocBin per text, keyed by the text's hash and the
pipeline's name and version (which includes mtext's version). The table cache spares reading
every Doc back and rebuilding the table, which on a large corpus is most of a re-run. A table
is keyed by everything it is computed from: the pipeline, mtext's own code and data files, the
command and its options (user files by content), and every input document (name, path,
encoding and text, in order). Anything else changes the key, so a hit is the table the command
would have computed, byte for byte.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import warnings
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from spacy.tokens import Doc, DocBin

from .fsio import OutputError, write_atomic
from .reading import SourceText

T = TypeVar("T")


class DocCache:
    """DocBin files under ``root``, one per (pipeline, text)."""

    def __init__(self, root: Path, pipeline_key: str) -> None:
        self.root = Path(root)
        self.pipeline_key = pipeline_key

    def _path(self, text: str) -> Path:
        digest = hashlib.sha256(f"{self.pipeline_key}\0{text}".encode()).hexdigest()
        return self.root / self.pipeline_key / digest[:2] / f"{digest}.spacy"

    def has(self, text: str) -> bool:
        return self._path(text).exists()

    def get(self, text: str, vocab) -> Doc | None:
        path = self._path(text)
        if not path.exists():
            return None
        try:
            doc = next(DocBin().from_bytes(path.read_bytes()).get_docs(vocab))
            if doc.text != text:
                raise ValueError("text differs")
            return doc
        except Exception as exc:  # any damage to a cache file means: parse again
            warnings.warn(f"cache entry {path} is corrupt ({exc.__class__.__name__}); rebuilding it",
                          stacklevel=2)
            path.unlink(missing_ok=True)
            return None

    def put(self, doc: Doc) -> None:
        write_cache_file(self._path(doc.text), DocBin(store_user_data=True, docs=[doc]).to_bytes())


def write_cache_file(path: Path, data: bytes) -> None:
    """Write a cache entry atomically; a cache that cannot be written slows re-runs down, nothing more."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)
    except (OSError, OutputError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else getattr(exc.__cause__, "strerror", exc)
        warnings.warn(f"cannot write cache {path.parent} ({reason}); use --cache-dir", stacklevel=3)


def default_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(os.environ.get("MTEXT_CACHE_DIR") or user_cache_dir("mtext"))


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
