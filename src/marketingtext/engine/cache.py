"""The two caches: parsed Docs, and finished tables.

The Doc cache spares the pipeline: one DocBin per text, keyed by the text's hash and the
pipeline's name and version (which includes mtext's version), the hashes of the NER model's
files and the versions of the libraries that shape a Doc or a table (:func:`environment_key`).
The table cache spares reading every Doc back and rebuilding the table, which on a large corpus
is most of a re-run. A table is keyed by everything it is computed from: the pipeline and that
environment, mtext's own code and data files, the command and its options (user files by
content), and every input document (name, path, encoding and text, in order). Anything else
changes the key, so a hit is the table the command would have computed, byte for byte.

Cache entries hold the essays' text: folders are made ``0o700`` and files ``0o600``. Tables are
stored as JSON (:mod:`marketingtext.engine.tablecodec`), never pickled: a cache file is read as data.
With a size cap (``MTEXT_CACHE_MAX_MB`` or ``--cache-max-mb``) the least recently used entries
are removed after a run; a hit touches its file's modification time.
"""

from __future__ import annotations

import hashlib
import os
import warnings
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from ..core.fsio import OutputError, write_atomic
from ..nlp.doc_text import doc_text
from ..nlp.pipeline import ner_model_path
from ..reading.decode import SourceText
from ..reading.sourcelist import source_key
from .cachedir import default_cache_dir  # noqa: F401  (part of this module's interface)

if TYPE_CHECKING:  # spaCy is imported where a Doc is made: a run imports it while its files are read (corpus.load)
    from spacy.tokens import Doc

# Libraries whose version can change a Doc or a table: an upgrade is a new cache.
SHAPING_LIBRARIES = ("spacy", "HanTa", "wordfreq", "compound-split", "rapidfuzz", "scikit-learn", "yake",
                     "pandas", "numpy", "networkx", "pyphen")
PRIVATE_FOLDER, PRIVATE_FILE = 0o700, 0o600

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
            from spacy.tokens import DocBin

            doc = next(DocBin().from_bytes(read_entry(path)).get_docs(vocab))
            if doc_text(doc) != text:  # joined once: the tables read it again (nlp.doc_text)
                raise ValueError("text differs")
            return doc
        except Exception as exc:  # any damage to a cache file means: parse again
            warnings.warn(f"cache entry {path} is corrupt ({exc.__class__.__name__}); rebuilding it",
                          stacklevel=2)
            path.unlink(missing_ok=True)
            return None

    def put(self, doc: Doc) -> None:
        self.put_entry(doc_text(doc), cache_entry(doc))

    def put_entry(self, text: str, entry: bytes) -> None:
        """Store :func:`cache_entry` bytes made elsewhere (by a worker process) for ``text``."""
        write_cache_file(self._path(text), entry)


class LighterDocCache:
    """The Docs of a pass that leaves components out (``without``, e.g. the NER for keyword tables): read from the
    full pipeline's cache where it has the text (a superset of the annotations), else from and into a cache of
    its own, keyed by the pipeline and the components left out (never mistaken for a full Doc)."""

    def __init__(self, full: DocCache, without: tuple[str, ...]) -> None:
        self.full = full
        self.own = DocCache(full.root, f"{full.pipeline_key}-without-{'-'.join(sorted(without))}")

    def has(self, text: str) -> bool:
        return self.full.has(text) or self.own.has(text)

    def get(self, text: str, vocab) -> Doc | None:
        return self.full.get(text, vocab) if self.full.has(text) else self.own.get(text, vocab)

    def put(self, doc: Doc) -> None:
        self.own.put(doc)

    def put_entry(self, text: str, entry: bytes) -> None:
        self.own.put_entry(text, entry)


def cache_entry(doc: Doc) -> bytes:
    """A Doc as the cache stores it: a DocBin of one Doc, with its user data."""
    from spacy.tokens import DocBin

    return DocBin(store_user_data=True, docs=[doc]).to_bytes()


def read_entry(path: Path) -> bytes:
    """A cache entry's bytes; its modification time is set to now (least-recently-used eviction)."""
    data = path.read_bytes()
    try:
        os.utime(path)
    except OSError:
        pass  # a read-only cache still works, it only forgets what was used last
    return data


def make_private_folder(folder: Path) -> None:
    """Create ``folder`` and its missing parents as ``0o700``: cache entries hold the essays' text."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir(mode=PRIVATE_FOLDER, exist_ok=True)
        os.chmod(path, PRIVATE_FOLDER)  # mkdir's mode is narrowed by the umask, never widened


def write_cache_file(path: Path, data: bytes) -> None:
    """Write a cache entry atomically (``0o600``); a cache that cannot be written slows re-runs down, nothing more."""
    try:
        make_private_folder(path.parent)
        write_atomic(path, data, mode=PRIVATE_FILE)
    except (OSError, OutputError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else getattr(exc.__cause__, "strerror", exc)
        warnings.warn(f"cannot write cache {path.parent} ({reason}); use --cache-dir", stacklevel=3)


@lru_cache(maxsize=1)
def environment_key() -> str:
    """Hash of the NER model's files and the versions of :data:`SHAPING_LIBRARIES`: part of every key."""
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.sha256()
    model = ner_model_path()
    for path in sorted(model.rglob("*")) if model.exists() else []:
        if path.is_file():
            digest.update(f"{path.relative_to(model).as_posix()}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    for name in SHAPING_LIBRARIES:
        try:
            digest.update(f"{name}={version(name)}\0".encode())
        except PackageNotFoundError:
            digest.update(f"{name}=absent\0".encode())
    return digest.hexdigest()[:12]


def cache_key(pipeline_key: str) -> str:
    """The cache folder's name for a pipeline: its name and version and :func:`environment_key`."""
    return f"{pipeline_key}-{environment_key()}"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of mtext's source and data files: a changed rule or gazetteer entry is a new key."""
    package = Path(__file__).parents[1]  # the whole marketingtext package, not only engine/
    digest = hashlib.sha256()
    for path in fingerprinted_files(package):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def fingerprinted_files(package: Path) -> list[Path]:
    """The package's code and data files, and of its models the meta.json only: a retrained NER is a new key
    (meta.json holds its version and scores) without reading megabytes of weights."""
    def counts(path: Path) -> bool:
        model_file = "models" in path.parts and path.name != "meta.json"
        return path.is_file() and path.suffix in {".py", ".toml", ".txt", ".json"} and not model_file

    return [path for path in sorted(package.rglob("*")) if counts(path)]


def file_fingerprint(paths: Sequence[str]) -> list[str]:
    """Content hashes of user files named in the options (gazetteers), so an edit is a new key."""
    return [hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in paths]


class TableCache:
    """Tables as JSON (:mod:`marketingtext.engine.tablecodec`) under ``root/<key>/tables``, one file per key."""

    def __init__(self, root: Path, pipeline_key: str) -> None:
        self.root = Path(root) / pipeline_key / "tables"
        self.pipeline_key = pipeline_key

    def key(self, name: str, options: dict, sources: Iterable[SourceText | bytes]) -> str:
        """The key of a table: pipeline, code, command, options and every document (or its
        :func:`~marketingtext.reading.sourcelist.source_key`, taken while the texts stream by)."""
        digest = hashlib.sha256(f"{self.pipeline_key}\0{code_fingerprint()}\0{name}\0".encode())
        digest.update(repr(sorted(options.items())).encode())
        for source in sources:
            digest.update(source if isinstance(source, bytes) else source_key(source))
        return digest.hexdigest()

    def get_or_build(self, name: str, options: dict, sources: Iterable[SourceText | bytes],
                     build: Callable[[], T], store: Callable[[], bool] = lambda: True) -> T:
        """The cached result for this key, or ``build()`` (then stored, unless ``store()`` says no)."""
        from . import tablecodec

        path = self.root / f"{self.key(name, options, sources)}.json"
        if path.exists():
            try:
                return tablecodec.decode(read_entry(path))
            except Exception as exc:  # a damaged entry means: build it again
                warnings.warn(f"table cache entry {path} is corrupt ({exc.__class__.__name__}); rebuilding it",
                              stacklevel=2)
        result = build()
        if not store():
            return result
        try:
            data = tablecodec.encode(result)
        except tablecodec.Unsupported:
            return result  # not stored: it could not come back exactly
        write_cache_file(path, data)
        return result

