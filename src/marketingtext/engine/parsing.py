"""Texts to spaCy Docs: batched, streamed, cached, and safe for texts of any length.

One job: sources to parsed documents (and the parts tables make of them), in input order, in one process or many.

Documents are parsed with ``nlp.pipe`` in input order and yielded one at a time, so a
caller that builds its tables document by document never holds the whole corpus in memory.
Parsed Docs are read from and written to a :class:`marketingtext.engine.cache.DocCache` when one is
given, so a re-run costs only the reading.

A caller may pass a per-document function (``per_doc``: a parsed document to the part of a table it
gives, e.g. its rows); with ``jobs`` > 1 the worker that parsed a document runs it and sends back only
that part (and the cache entry's bytes when the cache wants them), so the main process neither reads
the Doc back nor builds its rows: what stays serial is merging the parts. A cached document goes to a worker too,
which reads it from the cache and makes its part: another command over a corpus parsed before scales with the jobs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby
from typing import TYPE_CHECKING

from ..core.pieces import CHUNK_CHARS, split_text
from ..reading.decode import SourceText
from .cache import DocCache, cache_entry

if TYPE_CHECKING:  # spaCy is imported where a Doc is made (see engine.cache)
    from spacy.tokens import Doc

NOT_MADE = object()  # a ParsedDoc's part that no worker made: made from the Doc when first asked for
# With several processes, the work of each window of about this many characters is handed out longest first
# (the results are put back in order): in input order, a long document at the end of a corpus kept one process
# busy while the others idled. Bounds what waits in memory for its turn: parts, or Doc bytes of about two windows
# (some 22 bytes per character: about 45 MB).
WINDOW_CHARS = 1_000_000


@dataclass(frozen=True)
class ParsedDoc:
    """A source and its parsed Doc; ``part``: what the per-document function of the pass makes of it.

    ``doc`` is None when a worker made the part (with ``jobs`` > 1): the main process never needed the Doc.
    """

    source: SourceText
    doc: Doc | None
    per_doc: Callable[[ParsedDoc], object] | None = field(default=None, repr=False, compare=False)
    _part: object = field(default=NOT_MADE, repr=False, compare=False)

    @property
    def part(self):
        """``per_doc(self)``, made once: by the worker that parsed the document, else here on first use (so that
        an error in it is raised where the table asks for it, as without workers)."""
        if self._part is NOT_MADE:
            object.__setattr__(self, "_part", self.per_doc(self))
        return self._part


def parse_sources(
    nlp,
    sources: Iterable[SourceText],
    cache: DocCache | None = None,
    batch_size: int = 16,
    jobs: int = 1,
    on_parsed=None,
    engine=None,
    per_doc: Callable[[ParsedDoc], object] | None = None,
    without: tuple[str, ...] = (),
    whole: Callable[[], object] | None = None,
) -> Iterator[ParsedDoc]:
    """Yield a :class:`ParsedDoc` per source, in input order.

    Cached documents are read back one at a time as their turn comes (never all at once); the
    rest go through one streamed ``engine(texts)`` call: by default ``nlp.pipe`` in ``jobs``
    processes, or a :class:`marketingtext.engine.cluster.DaskEngine`. With ``jobs`` > 1 and ``per_doc``, every
    document goes to a worker, a cached one read from the cache there. ``on_parsed(source)`` is called
    after each document (progress). ``per_doc`` (picklable, at module level): each ParsedDoc's ``part``;
    with ``jobs`` > 1 and no other engine, made in the worker that parsed the document. ``without``: components
    left out (spaCy's ``disable``; a Dask engine runs them all), for tables that do not read what they add.
    ``whole`` (picklable; with an ``nlp`` that only reads the cache, ``nlp.pipeline.load_reader``): gives the whole
    pipeline, called only when a document is to be parsed (not cached, or its entry damaged), in this process (before
    the workers start, so that they share it) or in the worker that finds a damaged entry.
    """
    if iter(sources) is sources:  # a one-shot iterator; a list or SourceList is read once per pass
        sources = list(sources)
    # Passes over ``sources`` (each holds one text at a time): which are cached (only with a cache),
    # the texts to parse (the engine reads ahead a batch; cached ones are not read), the documents in order.
    hits = [cache.has(source.text) for source in sources] if cache is not None else [False] * len(sources)
    if whole is not None and engine is None and not all(hits):
        nlp, whole = whole(), None
    read_ahead: dict[int, SourceText] = {}  # what the engine has read (a batch ahead), until its turn comes below

    def to_parse() -> Iterator[SourceText]:
        for i, hit in enumerate(hits):
            if not hit:
                read_ahead[i] = sources[i]
                yield read_ahead[i]

    if engine is None and jobs > 1 and per_doc is not None:
        def to_work(cached: list[bool]) -> Iterator[SourceText | _Cached]:
            for i, hit in enumerate(cached):
                read_ahead[i] = sources[i]
                yield _Cached(read_ahead[i]) if hit else read_ahead[i]

        parsed = _parse_in_processes(nlp, to_work(hits), jobs, per_doc, want_entries=cache is not None,
                                     without=without, cache=cache, whole=whole)
        hits = [False] * len(hits)  # each comes back from a worker: read there, its part made there
    else:
        engine = engine or (lambda texts: pipe_texts(nlp, texts, batch_size, jobs, without))
        parsed = ((doc, None, NOT_MADE) for doc in engine(source.text for source in to_parse()))
    for i, hit in enumerate(hits):
        part = NOT_MADE
        if hit:
            source = sources[i]
            doc = cache.get(source.text, nlp.vocab)
            if doc is None:  # a damaged cache entry (removed by ``get``) is parsed here on its own
                if whole is not None:
                    nlp, whole = whole(), None
                doc = next(pipe_texts(nlp, [source.text], batch_size, without=without))
                cache.put(doc)
        else:
            doc, entry, part = next(parsed)
            source = read_ahead.pop(i)  # read by the engine: a text is not read (and cleaned) twice
            if cache is not None and doc is not None:
                cache.put(doc)
            elif cache is not None and entry is not None:
                # the worker that made the part sent the entry (none for a Doc it read from the cache): no Doc read
                # back here
                cache.put_entry(source.text, entry)
        if on_parsed is not None:
            on_parsed(source)
        yield ParsedDoc(source, doc, per_doc, part)


def pipe_texts(nlp, texts: Iterable[str], batch_size: int = 16, jobs: int = 1,
               without: tuple[str, ...] = ()) -> Iterator[Doc]:
    """One Doc per text, in order: texts go through ``nlp.pipe`` (or ``jobs`` processes) in chunks
    of at most :data:`CHUNK_CHARS` characters, and each text's chunks are joined again.

    Runs of short texts are piped ``batch_size`` at a time; a long text's chunks one at a time, since
    a batch of 16 chunks of 100,000 characters would put 1.6 M characters through the NER at once.
    """
    if jobs > 1:
        yield from (doc for doc, _, _ in _parse_in_processes(nlp, texts, jobs, without=without))
        return
    for is_long, run in groupby(texts, key=lambda text: len(text) > CHUNK_CHARS):
        size = 1 if is_long else batch_size
        yield from _join_chunks(nlp.pipe(_chunks(run), as_tuples=True, batch_size=size,
                                         disable=_present(nlp, without)))


def _chunks(texts: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """(piece, is the text's last piece) for every text."""
    for text in texts:
        pieces = split_text(text, CHUNK_CHARS)
        for n, piece in enumerate(pieces):
            yield piece, n == len(pieces) - 1


def _join_chunks(parsed: Iterable[tuple[Doc, bool]]) -> Iterator[Doc]:
    pending: list[Doc] = []
    for doc, is_last in parsed:
        pending.append(doc)
        if is_last:
            yield _joined(pending)
            pending = []


def _present(nlp, components: tuple[str, ...]) -> list[str]:
    """The components of ``components`` this pipeline has (spaCy refuses to disable one it does not have)."""
    return [name for name in components if name in nlp.pipe_names]


_worker_nlp = None
_worker_per_doc = None
_worker_without: tuple[str, ...] = ()
_worker_disable: list[str] = []
_worker_cache: DocCache | None = None
_worker_whole: Callable[[], object] | None = None  # the whole pipeline, for a damaged entry (see parse_sources)


@dataclass(frozen=True)
class _Cached:
    """A source whose Doc the cache holds: the worker reads it there instead of parsing it."""

    source: SourceText


def _init_worker(nlp, per_doc=None, without: tuple[str, ...] = (), cache: DocCache | None = None,
                 whole: Callable[[], object] | None = None) -> None:
    import signal

    from threadpoolctl import threadpool_limits

    global _worker_nlp, _worker_per_doc, _worker_without, _worker_disable, _worker_cache, _worker_whole
    _worker_nlp, _worker_per_doc, _worker_without, _worker_cache, _worker_whole = nlp, per_doc, without, cache, whole
    _worker_disable = _present(nlp, without)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle: no worker tracebacks
    # N workers are N busy cores: a BLAS that starts a thread per core in each (the NER's products, nlp.matmul_ops)
    # would make them wait for each other
    threadpool_limits(limits=1, user_api="blas")


@dataclass(frozen=True)
class _Job:
    """One piece of work for a worker: a chunk of a text (``text``), or a whole document (``source``)
    whose part the worker makes."""

    text: str = ""
    is_last: bool = True  # the text's last chunk
    source: SourceText | None = None
    want_entry: bool = False  # send the cache entry's bytes too
    cached: bool = False  # the source's Doc is read from the cache (parsed only when its entry is damaged)

    @property
    def chars(self) -> int:
        return len(self.source.text if self.source is not None else self.text)


def _work(job: _Job) -> tuple[bytes | None, object, bool, bool]:
    """(bytes, part, the part was made, the text's last chunk). A made part comes with the cache entry (or no
    bytes); otherwise the bytes are the Doc's, to be joined and read back by the main process, which then makes
    the part itself (when making it raised here, it raises there again, where the table is built)."""
    if job.source is None:
        return _worker_nlp(job.text, disable=_worker_disable).to_bytes(), None, False, job.is_last
    doc = _worker_cache.get(job.source.text, _worker_nlp.vocab) if job.cached else None
    parsed = doc is None
    if parsed:  # not cached, or a damaged entry (removed by ``get``): parsed here, and its new entry sent
        _load_whole_in_worker()
        doc = _parse_whole(job.source.text)
    try:
        part = _worker_per_doc(ParsedDoc(job.source, doc))
    except Exception:
        return doc.to_bytes(), None, False, True
    return (cache_entry(doc) if job.want_entry and parsed else None), part, True, True


def _load_whole_in_worker() -> None:
    """This worker's pipeline becomes the whole one, where it only read the cache (``parse_sources(whole=…)``)."""
    global _worker_nlp, _worker_disable, _worker_whole
    if _worker_whole is not None:
        _worker_nlp, _worker_whole = _worker_whole(), None
        _worker_disable = _present(_worker_nlp, _worker_without)


def _parse_whole(text: str) -> Doc:
    """A text of any length as one Doc (a cached document whose entry was damaged may be longer than a chunk)."""
    pieces = split_text(text, CHUNK_CHARS)
    docs = [_worker_nlp(piece, disable=_worker_disable) for piece in pieces]
    return _joined(docs)


def _work_indexed(numbered: tuple[int, _Job | Exception]) -> tuple[int, object]:
    """(number, what ``_work`` gives), or (number, the exception) for a job that raised or could not be read: it is
    raised when its turn comes (:func:`_in_order`), after the documents before it, as it was without numbering."""
    index, job = numbered
    if isinstance(job, Exception):
        return index, job
    try:
        return index, _work(job)
    except Exception as exc:
        return index, exc


def _longest_first(jobs: Iterable[_Job], window_chars: int | None = None) -> Iterator[tuple[int, _Job | Exception]]:
    """(number, job) for every job, handed out longest first within windows of about ``window_chars`` characters
    (:data:`WINDOW_CHARS`): in input order, a long document near the end keeps one process busy while the others
    have nothing left. An input that cannot be read (a file changed since the scan) ends the jobs as an exception
    numbered where it stood, after the window's jobs before it."""
    window_chars = window_chars or WINDOW_CHARS
    window: list[tuple[int, _Job | Exception]] = []
    chars = numbered = 0
    try:
        for job in jobs:
            window.append((numbered, job))
            numbered += 1
            chars += job.chars
            if chars >= window_chars:
                yield from sorted(window, key=_longest)
                window, chars = [], 0
    except Exception as exc:
        window.append((numbered, exc))
    yield from sorted(window, key=_longest)


def _longest(numbered: tuple[int, _Job | Exception]) -> tuple[int, int]:
    index, job = numbered
    return (-job.chars if isinstance(job, _Job) else 0), index


def _jobs(items: Iterable[SourceText | str | _Cached], per_doc: bool, want_entries: bool) -> Iterator[_Job]:
    """A job per chunk; with ``per_doc``, a text of one chunk is one job for the whole document (a longer text's
    chunks are parsed by whichever worker is free and joined, its part made by the main process), and so is a cached
    document of any length."""
    for item in items:
        if isinstance(item, _Cached):
            yield _Job(source=item.source, want_entry=want_entries, cached=True)
            continue
        text = item if isinstance(item, str) else item.text
        pieces = split_text(text, CHUNK_CHARS)
        if per_doc and len(pieces) == 1:
            yield _Job(source=item, want_entry=want_entries)
            continue
        for n, piece in enumerate(pieces):
            yield _Job(piece, n == len(pieces) - 1)


def _parse_in_processes(nlp, items: Iterable[SourceText | str | _Cached], jobs: int, per_doc=None,
                        want_entries: bool = False, without: tuple[str, ...] = (), cache: DocCache | None = None,
                        whole: Callable[[], object] | None = None) -> Iterator[tuple[Doc | None, bytes | None, object]]:
    """(Doc, None, NOT_MADE), or with ``per_doc`` made in the worker (None, cache entry or None, part), per item
    (a text, or with ``per_doc`` a source), in order, parsed in ``jobs`` processes.

    Not spaCy's ``n_process``: it deals batches to the processes in turn and reads the results
    in the same turn, so one long document holds every other process up (1.54x on 2 cores for
    the benchmark corpus). A pool hands the next chunk to whichever process is free.
    """
    import multiprocessing

    from spacy.tokens import Doc

    # fork shares the loaded pipeline with the workers; elsewhere it is pickled once per worker.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pending: list[Doc] = []
    with multiprocessing.get_context(method).Pool(jobs, initializer=_init_worker,
                                              initargs=(nlp, per_doc, without, cache, whole)) as pool:
        numbered = _longest_first(_jobs(items, per_doc is not None, want_entries))
        for data, part, made, is_last in _in_order(pool.imap_unordered(_work_indexed, numbered, chunksize=1)):
            if made:
                yield None, data, part
                continue
            pending.append(Doc(nlp.vocab).from_bytes(data))
            if is_last:
                yield _joined(pending), None, NOT_MADE
                pending = []


def _in_order(numbered_results: Iterable[tuple[int, object]]) -> Iterator:
    """The results again in the jobs' order (those that come early wait here: parts, or Doc bytes of up to about
    two windows); an exception is raised when its turn comes."""
    waiting: dict[int, object] = {}
    following = 0
    for index, result in numbered_results:
        waiting[index] = result
        while following in waiting:
            result = waiting.pop(following)
            if isinstance(result, Exception):
                raise result
            yield result
            following += 1


def _joined(docs: list[Doc]) -> Doc:
    from spacy.tokens import Doc

    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
