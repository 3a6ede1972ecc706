"""Texts to spaCy Docs: batched, streamed, cached, and safe for texts of any length.

Documents are parsed with ``nlp.pipe`` in input order and yielded one at a time, so a
caller that builds its tables document by document never holds the whole corpus in memory.
Parsed Docs are read from and written to a :class:`marketingtext.engine.cache.DocCache` when one is
given, so a re-run costs only the reading.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby

from spacy.tokens import Doc

from ..core.pieces import CHUNK_CHARS, split_text
from ..reading.decode import SourceText
from .cache import DocCache


@dataclass(frozen=True)
class ParsedDoc:
    source: SourceText
    doc: Doc


def parse_sources(
    nlp,
    sources: Iterable[SourceText],
    cache: DocCache | None = None,
    batch_size: int = 16,
    jobs: int = 1,
    on_parsed=None,
    engine=None,
) -> Iterator[ParsedDoc]:
    """Yield a :class:`ParsedDoc` per source, in input order.

    Cached documents are read back one at a time as their turn comes (never all at once); the
    rest go through one streamed ``engine(texts)`` call: by default ``nlp.pipe`` in ``jobs``
    processes, or a :class:`marketingtext.engine.cluster.DaskEngine`. ``on_parsed(source)`` is called
    after each document (progress).
    """
    if iter(sources) is sources:  # a one-shot iterator; a list or SourceList is read once per pass
        sources = list(sources)
    # Passes over ``sources`` (each holds one text at a time): which are cached (only with a cache),
    # the texts to parse (the engine reads ahead a batch; cached ones are not read), the documents in order.
    hits = [cache.has(source.text) for source in sources] if cache is not None else [False] * len(sources)
    engine = engine or (lambda texts: pipe_texts(nlp, texts, batch_size, jobs))
    parsed = engine(sources[i].text for i, hit in enumerate(hits) if not hit)
    for source, hit in zip(sources, hits, strict=True):
        doc = cache.get(source.text, nlp.vocab) if hit else None
        if doc is None:
            # A damaged cache entry (removed by ``get``) is parsed here on its own.
            doc = next(pipe_texts(nlp, [source.text], batch_size)) if hit else next(parsed)
            if cache is not None:
                cache.put(doc)
        if on_parsed is not None:
            on_parsed(source)
        yield ParsedDoc(source, doc)


def pipe_texts(nlp, texts: Iterable[str], batch_size: int = 16, jobs: int = 1) -> Iterator[Doc]:
    """One Doc per text, in order: texts go through ``nlp.pipe`` (or ``jobs`` processes) in chunks
    of at most :data:`CHUNK_CHARS` characters, and each text's chunks are joined again.

    Runs of short texts are piped ``batch_size`` at a time; a long text's chunks one at a time, since
    a batch of 16 chunks of 100,000 characters would put 1.6 M characters through the NER at once.
    """
    if jobs > 1:
        yield from _join_chunks(_pipe_in_processes(nlp, _chunks(texts), jobs))
        return
    for is_long, run in groupby(texts, key=lambda text: len(text) > CHUNK_CHARS):
        size = 1 if is_long else batch_size
        yield from _join_chunks(nlp.pipe(_chunks(run), as_tuples=True, batch_size=size))


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
            yield pending[0] if len(pending) == 1 else Doc.from_docs(pending, ensure_whitespace=False)
            pending = []


_worker_nlp = None


def _init_worker(nlp) -> None:
    import signal

    global _worker_nlp
    _worker_nlp = nlp
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle: no worker tracebacks


def _parse_chunk(item: tuple[str, object]) -> tuple[bytes, object]:
    text, context = item
    return _worker_nlp(text).to_bytes(), context


def _pipe_in_processes(nlp, items: Iterator[tuple[str, object]], jobs: int) -> Iterator[tuple[Doc, object]]:
    """``nlp.pipe(items, as_tuples=True)`` in ``jobs`` processes, in order.

    Not spaCy's ``n_process``: it deals batches to the processes in turn and reads the results
    in the same turn, so one long document holds every other process up (1.54x on 2 cores for
    the benchmark corpus). A pool hands the next chunk to whichever process is free.
    """
    import multiprocessing

    # fork shares the loaded pipeline with the workers; elsewhere it is pickled once per worker.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with multiprocessing.get_context(method).Pool(jobs, initializer=_init_worker, initargs=(nlp,)) as pool:
        for data, context in pool.imap(_parse_chunk, items, chunksize=1):
            yield Doc(nlp.vocab).from_bytes(data), context
