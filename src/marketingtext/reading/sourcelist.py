"""The documents of a corpus without their texts in memory: read again when their turn comes.

:func:`scan_sources` reads every input once, as a stream, and keeps of each document only what
the table cache key needs (a 32-byte digest of its name, path, encoding, sizes and text) and
where to read it again; problems are collected on the way. A :class:`SourceList` then yields the
:class:`SourceText` of each document one at a time, as often as it is iterated, so that a corpus
of 100,000 files, or of one very large file, never holds more than one text at a time beyond the
first :data:`KEPT_CHARS` characters of plain text, which are kept from the scan (reading them again
would cost more than they take). Text from stdin cannot be read twice and is kept; so is the text
extracted from docx, odt, pdf, html and rtf files (extracting it again would cost more than the
memory it takes). A file read again that changed since it was scanned is an error (its tables would
not match the key they are cached under).

A text over :data:`~marketingtext.core.pieces.PART_CHARS` characters becomes several documents, its parts
(``book#1``, ``book#2``, …, cut at paragraph boundaries), so that no parsed Doc grows with the file;
:attr:`SourceList.notices` says so, one line per such file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from ..core.errors import MtextError
from ..core.pieces import PART_CHARS, split_text
from .decode import STDIN, InputProblem, SourceText, corpus_repeated_lines, read_source, read_sources
from .formats import format_of

# Texts of plain files up to this many characters in all (about 1.3 M words of German prose; 10-20 MB in memory, up
# to 40 MB where an emoji makes Python store every character in 4 bytes; the 274 articles of the speed bench have
# 8.3 M) are kept from the scan: reading a page again (decoding, metadata and boilerplate rules) took about a third of
# a second per 27 articles. A text that does not fit is read again when its turn comes (a later, shorter one may
# still be kept), and memory stays flat.
KEPT_CHARS = 10_000_000


class SourceChanged(MtextError):
    """An input file changed (or vanished) while mtext was analysing it."""


@dataclass(frozen=True)
class SourceRef:
    """Where a document is read from, its name in the tables, and its key digest."""

    path: str
    doc: str
    digest: bytes
    kept: SourceText | None = None  # the text, when it is not read again (stdin, extracted formats, KEPT_CHARS)
    part: int = 0  # 1, 2, … for the parts of a very long text; 0 for a whole text
    # recorded at scan time for run.json, so that provenance does not read every file a third time
    provenance: dict = field(default_factory=dict, compare=False, hash=False)
    # and what the document says of itself (path, format, title, author, date: :func:`known_fields`), so that
    # grouping by a field and naming documents by title read no file again
    fields: dict = field(default_factory=dict, compare=False, hash=False)


def source_key(source: SourceText) -> bytes:
    """What a table's cache key takes from one document: name, path, encoding, sizes and text."""
    digest = hashlib.sha256(f"\0{source.doc}\0{source.path}\0{source.encoding}\0{source.chars_raw}\0"
                            f"{source.chars_dropped}\0{getattr(source, 'format', '')}\0{getattr(source, 'pages', '')}\0"
                            f"{getattr(source, 'title', '')}\0{getattr(source, 'author', '')}\0"
                            f"{getattr(source, 'date', '')}\0".encode("utf-8", "surrogatepass"))
    digest.update(hashlib.sha256(source.text.encode("utf-8", "surrogatepass")).digest())
    return digest.digest()


def provenance(source: SourceText) -> dict:
    """What run.json says of one input: its name, path, encoding, characters and the text's hash."""
    return {"doc": source.doc, "path": source.path, "encoding": source.encoding, "chars": len(source.text),
            "text_sha256": hashlib.sha256(source.text.encode("utf-8", "surrogatepass")).hexdigest()}


def known_fields(source: SourceText) -> dict:
    """What is known of a document without parsing it: path, format, title, author and date."""
    return {"path": source.path, "format": getattr(source, "format", ""),
            **{name: getattr(source, name, "") for name in ("title", "author", "date")}}


class SourceList:
    """A re-iterable, indexable sequence of :class:`SourceText`, read from disk on demand."""

    def __init__(self, refs: list[SourceRef], keep_boilerplate: bool = False, tables: bool = True,
                 notices: list[str] | None = None, repeated: frozenset[str] = frozenset()) -> None:
        self.refs = refs
        self.repeated = repeated  # lines shared across the corpus: a text read again must be cleaned as before
        self.keep_boilerplate = keep_boilerplate
        self.tables = tables
        self.notices = notices or []
        self._parts: tuple[str, list[SourceText]] | None = None  # the last long file's parts, read once

    def __len__(self) -> int:
        return len(self.refs)

    def __bool__(self) -> bool:
        return bool(self.refs)

    def __iter__(self) -> Iterator[SourceText]:
        return (self._read(ref) for ref in self.refs)

    def __getitem__(self, index: int | slice) -> SourceText | SourceList:
        if isinstance(index, slice):
            return self.with_refs(self.refs[index])
        return self._read(self.refs[index])

    @property
    def docs(self) -> list[str]:
        return [ref.doc for ref in self.refs]

    def select(self, docs: set[str]) -> SourceList:
        """The sources named in ``docs``, in the same order, none of them read."""
        return self.with_refs([ref for ref in self.refs if ref.doc in docs])

    def with_refs(self, refs: list[SourceRef]) -> SourceList:
        """These sources read as this list reads them (boilerplate setting, repeated lines): a subset must clean
        each text as the scan did, or its digest no longer matches (:class:`SourceChanged`)."""
        return SourceList(refs, self.keep_boilerplate, self.tables, self.notices, self.repeated)

    def fields(self) -> list[dict]:
        """Each document's ``doc`` and :func:`known_fields`, as the scan recorded them (no file is read)."""
        return [{"doc": ref.doc, **(ref.fields or known_fields(self._read(ref)))} for ref in self.refs]

    @property
    def digests(self) -> list[bytes]:
        return [ref.digest for ref in self.refs]

    def _read(self, ref: SourceRef) -> SourceText:
        if ref.kept is not None:
            return ref.kept
        if ref.part:
            source = self._read_part(ref)
        else:
            source = self._read_whole(ref.path)
            source = replace(source, doc=ref.doc) if source.doc != ref.doc else source
        if source_key(source) != ref.digest:
            raise SourceChanged(f"{ref.path}: changed while mtext was analysing it; run again")
        return source

    def _read_whole(self, path: str) -> SourceText:
        source = read_source(path, self.keep_boilerplate, self.tables, self.repeated)
        if isinstance(source, InputProblem):
            raise SourceChanged(f"{path}: {source.message} (it was readable when the run started)")
        return source

    def _read_part(self, ref: SourceRef) -> SourceText:
        # Parts come one after another: the file is read and cut once for all of them, and let go
        # after its last part, so the file's text is not held through the rest of the run.
        if self._parts is None or self._parts[0] != ref.path:
            self._parts = (ref.path, split_parts(self._read_whole(ref.path)))
        parts = self._parts[1]
        if ref.part > len(parts):
            raise SourceChanged(f"{ref.path}: changed while mtext was analysing it; run again")
        if ref.part == len(parts):
            self._parts = None
        return replace(parts[ref.part - 1], doc=ref.doc)


def split_parts(source: SourceText, limit: int | None = None) -> list[SourceText]:
    """``source`` alone, or its parts when its text is longer than ``limit``: ``name#1``, ``name#2``, …
    (numbers padded to one width, so names sort in order). The first part carries the boilerplate counts."""
    limit = limit or PART_CHARS
    if len(source.text) <= limit:
        return [source]
    pieces = split_text(source.text, limit)
    width = len(str(len(pieces)))
    return [replace(source, doc=f"{source.doc}#{n:0{width}d}", text=piece,
                    chars_raw=len(piece) + (source.chars_dropped if n == 1 else 0),
                    chars_dropped=source.chars_dropped if n == 1 else 0,
                    boilerplate_lines=source.boilerplate_lines if n == 1 else (),
                    boilerplate_classes=source.boilerplate_classes if n == 1 else ())
            for n, piece in enumerate(pieces, 1)]


def scan_sources(paths: Iterable[str], globs: Iterable[str], keep_boilerplate: bool = False, tables: bool = True,
                 keep_chars: int = KEPT_CHARS, jobs: int = 1,
                 meanwhile: Callable[[], None] | None = None) -> tuple[SourceList, list[InputProblem]]:
    """Read every input once (a stream: one text at a time; ``jobs`` processes reading) into a :class:`SourceList`
    and problems; the plain texts are kept while they add up to at most ``keep_chars`` characters (0: every one is
    read again). ``meanwhile()``: called while the processes read (:func:`~.decode.read_sources`)."""
    refs, problems, notices = [], [], []
    plain_kept = 0  # characters of plain text kept so far (stdin and extracted texts are kept anyway)
    paths, globs = list(paths), tuple(globs)
    repeated = frozenset() if keep_boilerplate else corpus_repeated_lines(paths, globs)
    for item in read_sources(paths, globs, keep_boilerplate, tables, repeated, jobs, meanwhile):
        if isinstance(item, InputProblem):
            problems.append(item)
            continue
        plain = item.path != STDIN and format_of(item.path) is None
        keep = not plain or plain_kept + len(item.text) <= keep_chars
        plain_kept += len(item.text) if keep and plain else 0
        parts = split_parts(item)
        if len(parts) > 1:
            notices.append(f"{item.path}: {len(item.text):,} characters, analysed as {len(parts)} parts of at most "
                           f"{PART_CHARS:,} ({parts[0].doc} … {parts[-1].doc})")
        for n, part in enumerate(parts, 1 if len(parts) > 1 else 0):
            refs.append(SourceRef(item.path, part.doc, source_key(part), part if keep else None, part=n,
                                  provenance=provenance(part), fields=known_fields(part)))
    return SourceList(refs, keep_boilerplate, tables, notices, repeated), problems
