"""Parsing on a Dask distributed cluster, for corpora that outgrow one machine.

``--scheduler ADDRESS`` (or ``MTEXT_DASK_SCHEDULER``) connects to a running scheduler;
``--scheduler local`` starts a ``LocalCluster`` of ``--jobs`` worker processes on this machine.
Texts are sent in batches of about :data:`BATCH_CHARS` characters as Dask futures; each worker
loads the pipeline once (on its first batch) and sends back a DocBin. Only a few batches per
worker are in flight at a time and results are yielded in document order, so memory stays
bounded and the tables are the same as a single-process run. Everything after parsing (cache,
tables) happens on this machine.

Workers need the same mtext and pipeline installed (``pip install marketingtext[dask]``); a
worker with a different pipeline refuses the work instead of returning different annotations.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import chain
from typing import TYPE_CHECKING

from ..core.errors import MtextError

if TYPE_CHECKING:  # spaCy and Dask are imported when parsing starts: `mtext --help` stays fast
    from spacy.tokens import Doc

    from ..nlp.pipeline import PipelineInfo

LOCAL = "local"
BATCH_CHARS = 200_000
BATCHES_IN_FLIGHT_PER_WORKER = 2
CONNECT_TIMEOUT = "10s"


class ClusterError(MtextError):
    """The cluster cannot do the parsing; the message says why and what to do."""


@lru_cache(maxsize=2)
def _worker_pipeline(model: str):
    from ..nlp.pipeline import load_pipeline

    return load_pipeline(model)


def parse_batch(model: str, cache_key: str, texts: list[str]) -> bytes:
    """(Runs on a worker.) Parse ``texts`` with the worker's pipeline; one DocBin for the batch."""
    from spacy.tokens import DocBin

    from .parsing import pipe_texts

    nlp, info = _worker_pipeline(model)
    if info.cache_key != cache_key:
        raise ClusterError(f"a Dask worker runs pipeline {info.cache_key}, this machine {cache_key}; "
                           "install the same mtext version and model on every worker")
    return DocBin(store_user_data=True, docs=list(pipe_texts(nlp, texts))).to_bytes()


def text_batches(texts: Iterable[str], batch_chars: int = BATCH_CHARS) -> Iterator[list[str]]:
    """Consecutive texts grouped until a batch holds ``batch_chars`` characters (at least one text)."""
    batch, size = [], 0
    for text in texts:
        batch.append(text)
        size += len(text)
        if size >= batch_chars:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def connect(address: str, workers: int):
    """A Dask ``Client`` (and the ``LocalCluster`` it owns, or None) for ``address``."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError("Dask is not installed; run `pip install 'marketingtext[dask]'` "
                           "(make install does) or leave out --scheduler") from None
    if address == LOCAL:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None, silence_logs=logging.ERROR)
        return Client(cluster), cluster
    try:
        return Client(address, timeout=CONNECT_TIMEOUT), None
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address} ({exc.__class__.__name__}); "
                           "start one with `dask scheduler`, check the address, or leave out --scheduler") from None


class DaskEngine:
    """A parse engine for :func:`marketingtext.engine.parsing.parse_sources`: texts in, Docs out, in order."""

    def __init__(self, address: str, model: str, pipeline: PipelineInfo, vocab, workers: int = 1) -> None:
        self.address, self.model, self.pipeline, self.vocab = address, model, pipeline, vocab
        self.workers = workers

    def __call__(self, texts: Iterable[str]) -> Iterator[Doc]:
        texts = iter(texts)
        first = next(texts, None)
        if first is None:  # everything came from the cache: no cluster needed
            return
        client, cluster = connect(self.address, self.workers)
        try:
            in_flight = deque()
            limit = BATCHES_IN_FLIGHT_PER_WORKER * max(1, len(client.scheduler_info().get("workers", {})))
            for batch in text_batches(chain([first], texts)):
                in_flight.append(client.submit(parse_batch, self.model, self.pipeline.cache_key, batch, pure=False))
                while len(in_flight) >= limit:
                    yield from self._docs(in_flight.popleft())
            while in_flight:
                yield from self._docs(in_flight.popleft())
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    def _docs(self, future) -> Iterator[Doc]:
        from distributed import KilledWorker
        from spacy.tokens import DocBin

        try:
            data = future.result()
        except (KilledWorker, OSError) as exc:  # OSError covers Dask's CommClosedError
            raise ClusterError(f"the Dask cluster lost a batch ({exc.__class__.__name__}: {exc}); "
                               "check the workers' memory and logs, or parse without --scheduler") from None
        yield from DocBin().from_bytes(data).get_docs(self.vocab)

