"""The Python API: ``load(paths)`` gives a :class:`Corpus`; its methods give the CLI's tables.

One job: the Python API (a corpus, its tables, its subsets and comparisons), computed once for every command;
each table built through one guard (:meth:`Corpus._analysed`), so that a document whose analysis fails is left
out with a problem line instead of stopping the run.

>>> import marketingtext as mt
>>> corpus = mt.load(["data/raw"])
>>> corpus.sentences().head()        # the same columns as `mtext sentences`
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from .core.collector import collector_paused
from .core.errors import MtextError
from .engine.alongside import Alongside
from .engine.cache import DocCache, LighterDocCache, TableCache, cache_key, default_cache_dir, file_fingerprint
from .engine.cachedir import max_bytes_from, trim_cache
from .engine.parsing import ParsedDoc, parse_sources
from .nlp.pipeline import (
    AUTO,
    ENTITY_COMPONENTS,
    PipelineInfo,
    WholePipeline,
    known_info,
    load_pipeline,
    load_reader,
    warm_up,
)
from .reading.decode import DEFAULT_GLOBS, InputProblem, SourceText
from .reading.sourcelist import SourceList, known_fields, provenance, scan_sources

if TYPE_CHECKING:
    from .tables.report_data import ReportWords

DEFAULT_INPUT = "data/raw"
NO_DOCUMENT = "\0"  # no document has this name: tables built over it are built over none
TOPIC_TABLES = ("topics", "doc_topics", "topic_k")  # analyze's topic tables, which the report shows


@dataclass
class Corpus:
    """Documents read from disk plus the pipeline that parses them (parsed lazily, cached).

    ``sources`` is a :class:`~marketingtext.reading.sourcelist.SourceList` after :func:`load`: each text is
    read from disk when its turn comes, so memory does not grow with the corpus.

    No document stops a run: a document whose analysis raises (a bug, or a character no rule expected) is
    left out of this and every later table, added to ``problems`` and passed to ``on_problem``
    (:meth:`_analysed`, the one place every table is built through).
    """

    sources: SourceList | list[SourceText]
    problems: list[InputProblem]
    nlp: object
    pipeline: PipelineInfo
    cache: DocCache | None = None
    jobs: int = 1
    on_parsed: object = None
    model: str = AUTO
    scheduler: str | None = None  # a Dask scheduler address or "local": parse on a cluster
    tables: TableCache | None = None  # finished tables, so that a re-run costs almost nothing
    cache_max_bytes: int | None = None  # least recently used cache entries go beyond this
    load_options: dict = field(default_factory=dict)  # how the inputs were read, for run.json
    meta: pd.DataFrame | None = None  # a --meta sidecar's rows (tables.sidecar): columns added to the docs table
    on_problem: object = None  # called with each InputProblem found while analysing (the CLI prints it)
    _docs: list[ParsedDoc] | None = field(default=None, repr=False)
    _failed: set[str] = field(default_factory=set, repr=False)  # documents (doc names) whose analysis raised
    _only: str | None = field(default=None, repr=False)  # while testing one document alone: its name
    _current: ParsedDoc | None = field(default=None, repr=False)  # the document last handed to a table
    _entity_summary: tuple | None = field(default=None, repr=False)  # (mentions table, its summary): entity_summary
    # False: the pipeline was loaded without its entity components (load(entities=False), or load_reader for a
    # corpus the cache holds); a pass that needs them loads them when it has a document to parse
    entity_components_loaded: bool = True

    def parsed(self, per_doc=None, entities: bool = True) -> Iterator[ParsedDoc]:
        """Parsed documents in input order, streamed (from the cache where possible); documents whose
        analysis failed are left out, and never parsed again. ``per_doc`` (a picklable function of a
        ParsedDoc): each document's ``part``, made by the worker that parsed it when ``jobs`` > 1.
        ``entities=False``: the entity components (the NER) left out, for tables that read no entity."""
        for parsed in self._parsed_all(per_doc, entities):
            self._current = parsed
            yield parsed

    def _parts(self, per_doc, entities: bool = True) -> Iterator:
        """``per_doc(parsed)`` for each document, in order (see :meth:`parsed`)."""
        for parsed in self.parsed(per_doc, entities):
            yield parsed.part

    def _chosen(self) -> set[str] | None:
        """The documents tables are built over now (None: every one)."""
        if self._only is not None:
            return {self._only}
        return set(self.names) - self._failed if self._failed else None

    def _parsed_all(self, per_doc=None, entities: bool = True) -> Iterator[ParsedDoc]:
        whole = self._whole_pipeline() if entities and not self.entity_components_loaded else None
        chosen = self._chosen()
        if self._docs is not None:
            yield from (ParsedDoc(p.source, p.doc, per_doc) for p in self._docs
                        if chosen is None or p.source.doc in chosen)
            return
        sources = self.sources
        if chosen is not None:
            sources = (sources.select(chosen) if isinstance(sources, SourceList)
                       else [s for s in sources if s.doc in chosen])
        engine = None
        if self.scheduler:
            from .engine.cluster import DaskEngine

            engine = DaskEngine(self.scheduler, self.model, self.pipeline, self.nlp.vocab, self.jobs)
        # a table that reads no entity is made from Docs parsed without the NER (half of the pipeline's time); its
        # cache is the full pipeline's where that has the text, else one of its own (LighterDocCache)
        without = () if entities else ENTITY_COMPONENTS
        cache = self.cache if not without or self.cache is None else LighterDocCache(self.cache, without)
        yield from parse_sources(self.nlp, sources, cache, jobs=self.jobs, on_parsed=self.on_parsed, engine=engine,
                                 per_doc=per_doc, without=without, whole=whole)
        if whole is not None and whole.called:  # a document was parsed here: the corpus has the whole pipeline now
            self.nlp, self.entity_components_loaded = whole(), True
        self._trim_cache()

    def _whole_pipeline(self) -> WholePipeline | None:
        """For a pass that reads entities while the entity components are not loaded: the whole pipeline, to be
        loaded by the parse only when a document is not in the cache (meanwhile cached Docs are read with
        :func:`~marketingtext.nlp.pipeline.load_reader`'s pipeline: its vocabulary has the name-list flags the
        entity layer reads). Loaded now (None) where the cache is off, on a cluster, or the whole pipeline's
        :class:`PipelineInfo` is not known without loading it."""
        info = known_info(self.model)
        if self.cache is None or self.scheduler or info is None:
            self.nlp, self.pipeline = load_pipeline(self.model)
            self.entity_components_loaded = True
            return None
        self.nlp, self.pipeline = load_reader(self.model), info
        return WholePipeline(self.model)

    def _table(self, name: str, options: dict, build):
        """``build()``, or its cached result for these documents and options."""
        if self.tables is None or self._docs is not None:  # documents in memory: tables are cheap
            return self._analysed(build)
        keys = self.sources.digests if isinstance(self.sources, SourceList) else self.sources
        # a table built while a document was left out (by this table or an earlier one of the run) is not
        # stored: the next run must say so again
        result = self.tables.get_or_build(name, options, keys, lambda: self._analysed(build),
                                          store=lambda: not self._failed)
        self._trim_cache()
        return result

    def _analysed(self, build):
        """``build()`` over :meth:`parsed`; when it raises on one document's account, that document is left
        out (a problem naming it and the cause) and ``build()`` runs again over the rest.

        The culprit is found by building over one document alone: first the one the table was working on
        (tables are built document by document), else each in turn. An error that no document raises alone
        (or an :class:`MtextError`, a problem of the whole run) is raised as it is. Costs nothing unless a
        table fails.
        """
        while True:
            self._current = None
            try:
                return build()
            except (MtextError, KeyboardInterrupt):
                raise
            except Exception as exc:
                culprit = self._culprit(build, self._current, type(exc))
                if culprit is None:
                    raise
                self._skip(culprit, exc)

    def _culprit(self, build, suspect: ParsedDoc | None, error: type) -> str | None:
        """The name of a document on which ``build()`` raises ``error`` when built over that document alone
        (the same kind of error: a table of one document may fail for reasons of its own)."""
        names = [name for name in self.names if name not in self._failed]
        if suspect is not None and suspect.source.doc in names:
            names.remove(suspect.source.doc)
            names.insert(0, suspect.source.doc)
        if self._fails_over(build, NO_DOCUMENT, error):
            return None  # the table's own error: it fails with no document at all
        return next((name for name in names if self._fails_over(build, name, error)), None)

    def _fails_over(self, build, name: str, error: type) -> bool:
        """Does ``build()`` raise ``error`` over the document ``name`` alone?"""
        self._only = name
        try:
            build()
        except (MtextError, KeyboardInterrupt):
            raise
        except error:
            return True
        except Exception:
            return False
        finally:
            self._only = None
        return False

    def _skip(self, doc: str, exc: Exception) -> None:
        cause = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]  # one line, however long the message
        path = next((s.path for s in self._sources_named(doc)), doc)
        problem = InputProblem(path, f"analysis failed ({cause}); document {doc} is left out of every table, "
                                     "the others are written. Please report this as a bug.")
        self._failed.add(doc)
        self.problems.append(problem)
        if self.on_problem is not None:
            self.on_problem(problem)

    def _sources_named(self, doc: str) -> Iterator[SourceText]:
        sources = self.sources.select({doc}) if isinstance(self.sources, SourceList) else self.sources
        return (s for s in sources if s.doc == doc)

    def _trim_cache(self) -> None:
        if self.cache_max_bytes is not None and self.cache is not None:
            trim_cache(self.cache.root, self.cache_max_bytes)

    def keep_in_memory(self) -> Corpus:
        """Parse once and hold every Doc (handy in a notebook; not for very large corpora)."""
        if self._docs is None:
            self._docs = list(self.parsed())
        return self

    def sentences(self) -> pd.DataFrame:
        """One row per sentence (columns: see README, `mtext sentences`)."""
        from .tables.sentences import sentence_rows, sentence_table

        return self._table("sentences", {}, lambda: sentence_table(doc_rows=self._parts(sentence_rows, entities=False)))

    def docs(self) -> pd.DataFrame:
        """One row per document: size, MTLD, Flesch-Amstad, Wiener Sachtextformel, LIX."""
        from .tables.documents import doc_row, doc_table
        from .tables.sidecar import apply_sidecar

        row = partial(doc_row, pipeline=self.pipeline.label)
        table = self._table("docs", {}, lambda: doc_table(rows=self._parts(row, entities=False)))
        return apply_sidecar(table, self.meta)

    def fields(self) -> pd.DataFrame:
        """What is known about each document without parsing it: doc, path, format, title, author, date
        and the --meta sidecar's columns (the fields ``compare --group-by`` groups by)."""
        from .tables.documents import METADATA_COLUMNS
        from .tables.sidecar import apply_sidecar

        # a SourceList answers from what its scan recorded: no document is read again
        rows = self.sources.fields() if isinstance(self.sources, SourceList) else \
            [{"doc": s.doc, **known_fields(s)} for s in self.sources]
        return apply_sidecar(pd.DataFrame(rows, columns=["doc", "path", "format", *METADATA_COLUMNS]), self.meta)

    def display_names(self) -> dict[str, str]:
        """``doc`` -> how a report names the document: its title where known (the --meta sidecar's too), else
        its file name; two documents with one title are told apart by their ``doc`` name."""
        from .tables.documents import display_names

        return display_names(self.fields())

    def subset(self, docs: Iterable[str]) -> Corpus:
        """The documents named ``docs`` (in corpus order) as a corpus of their own, sharing pipeline and caches."""
        from dataclasses import replace

        wanted = set(docs)
        if isinstance(self.sources, SourceList):
            sources = self.sources.select(wanted)
        else:
            sources = [s for s in self.sources if s.doc in wanted]
        kept = None if self._docs is None else [d for d in self._docs if d.source.doc in wanted]
        # a sidecar row for "book" serves its parts "book#1", "book#2" (as attach_sidecar matches them)
        named = wanted | {doc.split("#")[0] for doc in wanted}
        meta = None if self.meta is None else self.meta[self.meta["doc"].isin(named)]
        return replace(self, sources=sources, problems=[], meta=meta, _docs=kept,
                       _failed=self._failed & wanted, _only=None, _current=None)

    def groups(self, field: str, values: Sequence[str] = ()) -> list[tuple[str, Corpus]]:
        """The corpus split by a field (:meth:`fields`): one (value, corpus) per value in ``values`` (every
        value, sorted, when none are given). A value no document has is an error, one line naming the field."""
        from .tables.sidecar import SidecarError

        table = self.fields()
        if field not in table.columns:
            raise SidecarError(f"--group-by {field}: no such field; choose one of {', '.join(table.columns)} "
                               "(add fields with --meta FILE.csv)")
        column = table[field].fillna("").astype(str)
        present = sorted(set(column) - {""})
        missing = [v for v in values if v not in present]
        if missing:
            raise SidecarError(f"--group {missing[0]}: no document has {field} = {missing[0]!r}; its values are "
                               f"{', '.join(repr(v) for v in present[:10]) or 'all empty'}")
        return [(value, self.subset(table.loc[column == value, "doc"])) for value in (values or present)]

    def keywords(self, **options) -> pd.DataFrame:
        """Keyword and keyphrase table; options as ``mtext keywords`` (method, top, scope, …)."""
        from .keywords.table import keyword_table, terms_function

        key = {k: tuple(v) if isinstance(v, list) else v for k, v in options.items()}
        return self._table("keywords", key, lambda: keyword_table(
            doc_terms_list=self._parts(terms_function(**options), entities=False), **options))

    def entities(self, **options) -> pd.DataFrame:
        """Entity mentions (``summary=True``: one row per canonical entity; ``cooccur=True``: pairs)."""
        from .entities.table import entity_rows_function, entity_table

        key = {**options, "gazetteer_files": file_fingerprint(tuple(options.get("gazetteer_files", ())))}
        return self._table("entities", key, lambda: entity_table(
            doc_rows=self._parts(entity_rows_function(**options)), **options))

    def kwic(self, term: str, width: int = 40) -> pd.DataFrame:
        """Every occurrence of a lemma or phrase, with left and right context."""
        from .tables.kwic import kwic_rows, kwic_table, query_keys

        def build() -> pd.DataFrame:  # each document's rows made where it is parsed (by the workers with --jobs)
            rows = partial(kwic_rows, keys=query_keys(self.nlp, term), surface=term, width=width)
            return kwic_table((), term, width=width, doc_rows=self._parts(rows, entities=False))

        return self._table("kwic", {"term": term, "width": width}, build)

    def collocations(self, term: str, window: int = 5, min_freq: int = 2, mode: str = "lemma") -> pd.DataFrame:
        """Collocates of a lemma (or word form, ``mode="surface"``) within ±``window`` words of one sentence."""
        from .tables.collocations import collocation_sentences, collocation_table

        options = {"term": term, "window": window, "min_freq": min_freq, "mode": mode}
        sentences = partial(collocation_sentences, mode=mode)  # made where each document is parsed
        return self._table("collocations", options, lambda: collocation_table(
            (), term, window, min_freq, mode, nlp=self.nlp, doc_sentences=self._parts(sentences, entities=False)))

    def ngrams(self, n_min: int = 2, n_max: int = 4, min_freq: int = 2, mode: str = "lemma") -> pd.DataFrame:
        """Recurrent word sequences of ``n_min`` to ``n_max`` words with frequency, range and Gries' DP."""
        from .tables.ngrams import ngram_sentences, ngram_table

        options = {"n_min": n_min, "n_max": n_max, "min_freq": min_freq, "mode": mode}
        sentences = partial(ngram_sentences, mode=mode)  # made where each document is parsed
        return self._table("ngrams", options, lambda: ngram_table(
            (), n_min, n_max, min_freq, mode, doc_sentences=self._parts(sentences, entities=False)))

    def topic_tables(self, k: int | None = None) -> dict[str, pd.DataFrame]:
        """``topics``, ``doc_topics`` and ``topic_k`` (the k tried and why one was chosen); see ``mtext topics``."""
        from .tables.topics import SMALL_CORPUS, topic_tables, topic_units

        units = partial(topic_units, split=len(self.names) < SMALL_CORPUS)  # made where each document is parsed
        return self._table("topics", {"k": k}, lambda: topic_tables(doc_units=list(self._parts(units, entities=False)),
                                                                    k=k))

    def topics(self, k: int | None = None, docs: bool = False) -> pd.DataFrame:
        """Topics with their top terms and share of the corpus (``docs=True``: document × topic shares, long form);
        ``k`` topics, or the k chosen by coherence."""
        return self.topic_tables(k)["doc_topics" if docs else "topics"]

    def report(self, title: str = "mtext", compare: tuple[Corpus, Corpus, str, str] | None = None,
               tables: dict[str, pd.DataFrame] | None = None, words: ReportWords | None = None) -> str:
        """The self-contained HTML report of this corpus; ``compare``: (side A, side B, label A, label B);
        ``tables`` and ``words``: :meth:`analyze`'s tables and what it gathered for the report, when at hand
        (else the documents are read once more)."""
        from .entities.canonical import canonicalise
        from .entities.table import cooccurrences
        from .output.html import render_report
        from .tables.comparison import compare as keyness
        from .tables.report_data import ReportWords, document_words, report_data

        def gathered() -> ReportWords:  # each document's words made where it is parsed (by the workers with --jobs)
            joined = ReportWords()
            for part in self._parts(document_words, entities=False):
                joined.extend(part)
            return joined

        tables = tables or self.analyze()
        words = words if words is not None and words.keys else self._analysed(gathered)
        side_a, side_b, label_a, label_b = compare or (None, None, "A", "B")
        comparison = keyness(side_a, side_b) if compare else None
        with collector_paused():  # many small objects, freed by reference counting (core.collector)
            mentions = canonicalise(tables["entities"])  # once for both tables (each would do it again)
            data = report_data(words, tables["docs"], tables["keywords"],
                               self.entity_summary(tables["entities"], mentions),
                               cooccurrences(mentions, canonicalised=True), words.similarity(),
                               compare=comparison, compare_labels=(label_a, label_b),
                               title=title, meta={"Pipeline": self.pipeline.describe()},
                               topics={name: tables[name] for name in TOPIC_TABLES if name in tables})
            return render_report(data)

    def entity_summary(self, mentions: pd.DataFrame, canonicalised: pd.DataFrame | None = None) -> pd.DataFrame:
        """``entities.table.summarize(mentions)``, made once for a table: :meth:`analyze`'s report and the overview
        ``mtext analyze`` prints both show it. ``canonicalised``: ``canonicalise(mentions)``, when at hand."""
        from .entities.table import summarize

        if self._entity_summary is None or self._entity_summary[0] is not mentions:
            summary = summarize(mentions) if canonicalised is None else summarize(canonicalised, canonicalised=True)
            self._entity_summary = (mentions, summary)  # the table itself held: its id is not reused meanwhile
        return self._entity_summary[1]

    def similarity(self) -> pd.DataFrame:
        """Pairwise TF-IDF cosine similarity of the documents (``mtext compare --matrix``)."""
        from .tables.comparison import document_bag, similarity_of_bags

        # each document's lemma counts made where it is parsed (by the workers with --jobs)
        return self._analysed(lambda: similarity_of_bags(self._parts(document_bag, entities=False)))

    def style(self, n_entities: int | None = None) -> dict:
        """This corpus's style profile (one value per measure; see ``mtext compare --style``);
        ``n_entities``: its number of entity mentions when already counted."""
        from .tables.comparison import style_profile, style_words

        n_entities = len(self.entities()) if n_entities is None else n_entities
        sentences = self.sentences()
        return self._analysed(lambda: style_profile((), sentences, n_entities,
                                                    doc_parts=self._parts(style_words, entities=False)))

    def analyze(self, out_dir: str | Path | None = None, excel: bool = False,
                report: bool = True) -> dict[str, pd.DataFrame]:
        """Every table from one pass over the documents. With ``out_dir``: the tables as CSV and
        ``tables.xlsx``, ``run.json`` (:meth:`run_info`: what produced them) and, with ``report``,
        ``report.html``, all moved into the folder together."""
        from .tables.report_data import ReportWords
        from .tables.sidecar import apply_sidecar

        gathered: dict[str, ReportWords | None] = {}

        def build() -> dict[str, pd.DataFrame]:
            # filled only where the tables are built; afresh on each attempt (the guard may build again)
            gathered["words"] = ReportWords() if out_dir is not None and report else None
            return self._all_tables(gathered["words"])

        tables = self._table("analyze", {}, build)
        words = gathered.get("words")
        tables = {**tables, "docs": apply_sidecar(tables["docs"], self.meta)}
        if out_dir is not None:
            from .keywords.methods import DEFAULT_METHOD
            from .output.writers import workbook_bytes, write_tables

            workbook = Alongside(workbook_bytes, tables, enabled=self.jobs > 1 and report)  # beside the report
            options = {"excel": excel, "keywords": {"method": DEFAULT_METHOD, "top": 20, "ngram_max": 3}}
            files = {"run.json": run_json(self.run_info(options))}
            if report:
                files["report.html"] = self.report(tables=tables, words=words).encode("utf-8")
            write_tables(tables, Path(out_dir), excel=excel, files=files, workbook=workbook.result())
        return tables

    def run_info(self, options: dict | None = None) -> dict:
        """Provenance of a run: mtext's version, the pipeline, the options, every input with its hash."""
        import platform

        import spacy

        from .core.version import __version__

        return {
            "mtext_version": __version__,
            "pipeline": {"name": self.pipeline.name, "version": self.pipeline.version,
                         "components": list(self.pipeline.components), "requested": self.model},
            "spacy_version": spacy.__version__,
            "python_version": platform.python_version(),
            "options": {**self.load_options, **(options or {})},
            "inputs": [ref.provenance for ref in self.sources.refs] if isinstance(self.sources, SourceList)
            else [provenance(source) for source in self.sources],
            "problems": [{"path": p.path, "message": p.message} for p in self.problems],
        }

    def _all_tables(self, words: ReportWords | None = None) -> dict[str, pd.DataFrame]:
        """topics, doc_topics, topic_k, keywords, entities, sentences and docs tables from one pass over the
        documents; on the way, what the report needs of them goes into ``words``."""
        if words is not None:
            words.clear()  # a document that failed the last attempt is left out of this one (see _analysed)
        from .entities.table import ENTITY_COLUMNS, canonicalise, load_gazetteer
        from .keywords.table import keyword_table
        from .keywords.terms import DocTermsStore
        from .tables.documents import DOC_COLUMNS
        from .tables.sentences import SENTENCE_COLUMNS
        from .tables.topics import SMALL_CORPUS, topic_tables

        sentence_list, doc_list, term_list, entity_list, unit_list = [], [], DocTermsStore(), [], []
        per_doc = partial(analysis_part, pipeline=self.pipeline.label, split=len(self.names) < SMALL_CORPUS,
                          gazetteer=load_gazetteer(), with_words=words is not None)
        for part in self._parts(per_doc):
            sentence_list.extend(part.sentences)
            doc_list.append(part.doc_row)
            term_list.append(part.terms)
            entity_list.extend(part.entities)
            if words is not None:
                words.extend(part.words)
            unit_list.append(part.units)
        topics = Alongside(topic_tables, doc_units=unit_list, enabled=self.jobs > 1)  # with --jobs: on another core
        return {
            "keywords": keyword_table(doc_terms_list=term_list),
            "entities": canonicalise(pd.DataFrame(entity_list, columns=ENTITY_COLUMNS)),
            "sentences": pd.DataFrame(sentence_list, columns=SENTENCE_COLUMNS),
            "docs": pd.DataFrame(doc_list, columns=DOC_COLUMNS),
        } | topics.result()

    @property
    def names(self) -> list[str]:
        return self.sources.docs if isinstance(self.sources, SourceList) else [s.doc for s in self.sources]


@dataclass
class AnalysisPart:
    """What :meth:`Corpus.analyze` takes from one parsed document (no Doc kept): small enough to send from a
    worker process instead of the Doc."""

    sentences: list[dict]
    doc_row: dict
    terms: object  # keywords.terms.DocTerms
    entities: list[dict]
    units: object  # tables.topics.DocUnits
    words: ReportWords | None = None


def analysis_part(parsed: ParsedDoc, pipeline: str, split: bool, gazetteer, with_words: bool) -> AnalysisPart:
    """One document's rows of every table :meth:`Corpus.analyze` builds, its keyword terms, topic units and
    (``with_words``) what the report needs of it."""
    from .entities.table import entity_rows
    from .keywords.table import terms_function
    from .tables.documents import doc_row
    from .tables.report_data import ReportWords
    from .tables.sentences import sentence_rows
    from .tables.topics import topic_units

    terms = terms_function()(parsed)
    words = None
    if with_words:
        words = ReportWords()
        words.add(parsed, terms)
    return AnalysisPart(sentence_rows(parsed), doc_row(parsed, pipeline), terms, entity_rows(parsed, gazetteer),
                        topic_units(parsed, split=split), words)


def run_json(info: dict) -> bytes:
    """``run.json``'s bytes: UTF-8, sorted keys, so that two identical runs write identical files."""
    import json

    return (json.dumps(info, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


@dataclass(frozen=True)
class Comparison:
    """Everything ``mtext compare`` shows: keyness, the two style profiles, entities only one side names."""

    keyness: pd.DataFrame
    style: pd.DataFrame
    only_a: list[str]
    only_b: list[str]
    criterion: str = ""  # which terms count as key, for the report's caption


def compare_corpora(a: Corpus, b: Corpus, label_a: str = "a", label_b: str = "b", **options) -> Comparison:
    """Side ``a`` against side ``b``; ``options`` as :func:`marketingtext.tables.comparison.compare`
    (by, p, keep_all, correction, min_docs)."""
    from .entities.table import canonicalise
    from .tables.comparison import compare, style_table

    # one canonicalisation over both sides: an entity has one name whichever side names it
    mentions = canonicalise(pd.concat([a.entities().assign(side="a"), b.entities().assign(side="b")]))
    on_a = mentions["side"] == "a"
    names_a, names_b = set(mentions.loc[on_a, "canonical"]), set(mentions.loc[~on_a, "canonical"])
    keyness = compare(a, b, **options)
    styles = a.style(n_entities=int(on_a.sum())), b.style(n_entities=int((~on_a).sum()))
    return Comparison(keyness, style_table(*styles, label_a, label_b),
                      sorted(names_a - names_b), sorted(names_b - names_a), keyness.attrs.get("criterion", ""))


def attach_sidecar(path: str | Path, corpora: Sequence[Corpus]) -> None:
    """Read a --meta sidecar once for several corpora (the two sides of a comparison), which may be parts of the
    corpus it describes: it must name at least one of their documents, and each corpus gets its rows."""
    from .tables.sidecar import read_sidecar

    sidecar = read_sidecar(path, [name for corpus in corpora for name in corpus.names], part_of_corpus=True)
    for corpus in corpora:
        names = set(corpus.names) | {name.split("#")[0] for name in corpus.names}
        corpus.meta = sidecar[sidecar["doc"].isin(names)].reset_index(drop=True)


def load(
    paths: Sequence[str | Path] | str | Path = (DEFAULT_INPUT,),
    *,
    globs: Iterable[str] | None = None,
    keep_boilerplate: bool = False,
    model: str = AUTO,
    cache_dir: str | Path | None = None,
    use_cache: bool = True,
    jobs: int = 1,
    scheduler: str | None = None,
    pipeline=None,
    cache_max_mb: float | None = None,
    meta: str | Path | None = None,
    entities: bool = True,
) -> Corpus:
    """Read ``paths`` (files, folders, ``-``) and prepare them for parsing.

    Files that cannot be read are listed in ``corpus.problems``; the rest are analysed.
    ``pipeline`` reuses an already loaded ``(nlp, PipelineInfo)`` pair. ``scheduler`` (a Dask
    scheduler address, or ``"local"`` for a LocalCluster of ``jobs`` workers) parses on a cluster.
    Texts are read once here (one at a time, for the table cache key) and again when parsed.
    ``cache_max_mb`` (else ``MTEXT_CACHE_MAX_MB``) caps the cache; least recently used entries go first.
    ``meta``: a sidecar CSV (a ``doc`` column and any others) whose fields join the docs table
    (:mod:`marketingtext.tables.sidecar`); a bad sidecar raises :class:`~marketingtext.core.errors.MtextError`.
    ``entities=False`` loads the pipeline without its entity components (the NER), for tables that read no entity;
    they are loaded when a table first needs them.

    >>> corpus = load("data/raw")
    >>> corpus.docs()[["doc", "words", "flesch_amstad"]]
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    cap = max_bytes_from(cache_max_mb)
    loaded = []  # (nlp, PipelineInfo, cache key, entity components loaded), once load_nlp has run
    root = Path(cache_dir) if cache_dir else default_cache_dir()

    def load_nlp() -> None:  # with jobs > 1 while other processes read the files: spaCy's import and the model's load
        # a re-run (the cache has documents of this pipeline) reads them back without the NER, which is loaded only
        # when a document is not cached (Corpus._whole_pipeline); the key is the whole pipeline's either way
        known = known_info(model) if entities and use_cache and pipeline is None and not scheduler else None
        reader = known is not None and (root / cache_key(known.cache_key)).is_dir()
        nlp, info = (load_reader(model), known) if reader else pipeline or load_pipeline(model, entities=entities)
        key = cache_key(info.cache_key)
        loaded.append((nlp, info, key, pipeline is not None or (entities and not reader)))
        # ... and, when every document will be parsed (no cache yet), what the pipeline loads on first use, which the
        # workers forked from this process then share (a cached re-run parses little and skips it)
        if jobs > 1 and not scheduler and not (use_cache and (root / key).is_dir()):
            warm_up(nlp)

    sources, problems = scan_sources([str(p) for p in paths], globs or DEFAULT_GLOBS, keep_boilerplate, jobs=jobs,
                                     meanwhile=load_nlp)
    sidecar = None
    if meta is not None:
        from .tables.sidecar import read_sidecar

        sidecar = read_sidecar(meta, sources.docs)
    nlp, info, key, entity_components_loaded = loaded[0]
    cache, tables = (DocCache(root, key), TableCache(root, key)) if use_cache else (None, None)
    options = {"model": model, "globs": list(globs or DEFAULT_GLOBS), "keep_boilerplate": keep_boilerplate,
               "use_cache": use_cache, "jobs": jobs, "scheduler": scheduler, **({"meta": str(meta)} if meta else {})}
    return Corpus(sources, problems, nlp, info, cache, jobs, model=model, scheduler=scheduler, tables=tables,
                  cache_max_bytes=cap, load_options=options, meta=sidecar,
                  entity_components_loaded=entity_components_loaded)
