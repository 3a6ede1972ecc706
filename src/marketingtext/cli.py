"""The ``mtext`` command line: parses options and calls the library, nothing else.

One job: the command line (every command's options, how its table is shown, its exit status).

Options every command shares are declared once (:data:`CORPUS_OPTIONS`, :data:`OUTPUT_OPTIONS`) and
added to each command by :func:`command`, which also turns the library's errors (:class:`MtextError`)
into one-line messages. Choices are Enums, so a wrong value is refused before any file is read.
Heavy imports (spaCy, pandas, the pipeline) happen inside the commands: ``mtext --help`` starts fast.
"""

from __future__ import annotations

import atexit
import functools
import inspect
import sys
from dataclasses import dataclass, fields
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from .core.errors import MtextError
from .core.version import __version__
from .keywords.methods import DEFAULT_METHOD, METHODS
from .output.writers import FORMATS
from .reading.boilerplate import dropped_by_class
from .reading.decode import DEFAULT_GLOBS

app = typer.Typer(
    help="Keyword, entity and sentence tables for German essays. CSV when piped, a report on a terminal.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)

EXIT_OK, EXIT_PARTIAL, EXIT_NOTHING = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it

Format = Enum("Format", {name: name for name in FORMATS}, type=str)
Method = Enum("Method", {name: name for name in METHODS}, type=str)
DEFAULT = Method(DEFAULT_METHOD)


class Group(str, Enum):
    compounds = "compounds"


class CompareBy(str, Enum):
    lemma = "lemma"
    keyphrase = "keyphrase"
    entity = "entity"


class Correction(str, Enum):
    bonferroni = "bonferroni"
    none = "none"


@dataclass(frozen=True)
class CorpusOptions:
    """How inputs are read and parsed: the options of every command that reads a corpus."""

    glob: list[str] | None = None
    keep_boilerplate: bool = False
    model: str = "auto"
    cache_dir: Path | None = None
    no_cache: bool = False
    cache_max_mb: float | None = None
    jobs: int = 1
    scheduler: str | None = None
    verbose: bool = False
    meta: Path | None = None


@dataclass(frozen=True)
class OutputOptions:
    """Where and how a table is written: the same flags on every command that writes one."""

    output: Path | None = None
    format: Format | None = None
    excel: bool = False
    wide: bool = False


Excel = Annotated[bool, typer.Option("--excel", help="CSV for German Excel/LibreOffice: BOM, ';', formulas guarded.")]
Wide = Annotated[bool, typer.Option("--wide", help="Show every column, wider than the terminal if need be.")]


def _option(name: str, annotation, default) -> inspect.Parameter:
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)


CORPUS_OPTIONS = [
    _option("glob", Annotated[list[str] | None, typer.Option(
        "--glob", help=f"File patterns inside folders (default: {' '.join(DEFAULT_GLOBS)}).")], None),
    _option("keep_boilerplate", Annotated[bool, typer.Option(
        "--keep-boilerplate", help="Do not remove web boilerplate (.html: the whole page's text).")], False),
    _option("model", Annotated[str, typer.Option(
        "--model", envvar="MTEXT_MODEL", help="auto, offline, de_core_news_sm or a pipeline path.")], "auto"),
    _option("cache_dir", Annotated[Path | None, typer.Option(
        "--cache-dir", help="Cache for parsed documents and tables.")], None),
    _option("no_cache", Annotated[bool, typer.Option(
        "--no-cache", help="Parse again; neither read nor write the cache.")], False),
    _option("cache_max_mb", Annotated[float | None, typer.Option(
        "--cache-max-mb", min=0, envvar="MTEXT_CACHE_MAX_MB",
        help="Cap the cache at this size; least recently used entries are removed after the run.")], None),
    _option("jobs", Annotated[int, typer.Option("--jobs", "-j", min=1, help="Processes for parsing.")], 1),
    _option("scheduler", Annotated[str | None, typer.Option(
        "--scheduler", envvar="MTEXT_DASK_SCHEDULER",
        help="Parse on a Dask cluster: a scheduler address (tcp://host:8786) or 'local' (--jobs workers here).")],
        None),
    _option("verbose", Annotated[bool, typer.Option(
        "--verbose", "-v", help="Say which pipeline ran and what was dropped.")], False),
    _option("meta", Annotated[Path | None, typer.Option(
        "--meta", help="A CSV with a doc column and any others (group, year, source…): added to the docs table; "
                       "its title, author, date override what mtext found.")], None),
]
OUTPUT_OPTIONS = [
    _option("output", Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write to FILE (format from its suffix).", dir_okay=False)], None),
    _option("format", Annotated[Format | None, typer.Option(
        "--format", "-f", help="Output format (table on a terminal, csv in a pipe).")], None),
    _option("excel", Excel, False),
    _option("wide", Wide, False),
]


def command(*, writes_table: bool = True):
    """Register a command that takes ``corpus_options`` (and ``output_options``): the shared options are
    added to its signature once, here, and collected into :class:`CorpusOptions`/:class:`OutputOptions`."""

    def decorate(func):
        own = [p for p in inspect.signature(func, eval_str=True).parameters.values()
               if p.name not in ("corpus_options", "output_options")]
        shared = CORPUS_OPTIONS + (OUTPUT_OPTIONS if writes_table else [])

        @functools.wraps(func)
        def run(**kwargs):
            options = {"corpus_options": CorpusOptions(**_take(kwargs, CorpusOptions))}
            try:
                if writes_table:
                    options["output_options"] = _checked(OutputOptions(**_take(kwargs, OutputOptions)))
                return func(**kwargs, **options)
            except MtextError as exc:
                raise fail(str(exc)) from None
            except KeyboardInterrupt:
                raise fail("interrupted; no output written", EXIT_INTERRUPTED) from None

        run.__signature__ = inspect.Signature(own + shared)
        return app.command()(run)

    return decorate


def _checked(options: OutputOptions) -> OutputOptions:
    """Refuse option combinations that cannot be written (``--excel`` with tsv) before any file is read."""
    from .output.writers import choose_format

    choose_format(options.format.value if options.format else None, options.output, sys.stdout.isatty(),
                  options.excel)
    return options


def _take(kwargs: dict, options_class) -> dict:
    return {f.name: kwargs.pop(f.name) for f in fields(options_class)}


def fail(message: str, code: int = EXIT_NOTHING) -> typer.Exit:
    typer.echo(f"mtext: error: {message}", err=True)
    return typer.Exit(code)


Paths = Annotated[list[str] | None, typer.Argument(help="Files, folders or - for stdin [default: data/raw]")]


def open_corpus(paths: list[str] | None, options: CorpusOptions, entities: bool = True):
    """Read the inputs and load the pipeline (``entities=False``: without the NER, for commands whose tables read no
    entity); report problems; exit 2 when nothing is left."""
    from .corpus import DEFAULT_INPUT, load

    if not paths and not Path(DEFAULT_INPUT).exists():  # the default is relative to where mtext is called
        raise fail(f"no paths given and ./{DEFAULT_INPUT} does not exist in {Path.cwd()}; pass files or folders "
                   f"(mtext keywords ~/essays) or run mtext from the project root")
    corpus = load(paths or [DEFAULT_INPUT], globs=options.glob or None, keep_boilerplate=options.keep_boilerplate,
                  model=options.model, cache_dir=options.cache_dir, use_cache=not options.no_cache,
                  jobs=options.jobs, scheduler=options.scheduler, cache_max_mb=options.cache_max_mb,
                  meta=options.meta, entities=entities)
    for problem in corpus.problems:
        typer.echo(f"mtext: skipped {problem}", err=True)
    corpus.on_problem = lambda problem: typer.echo(f"mtext: skipped {problem}", err=True)  # found while analysing
    for notice in getattr(corpus.sources, "notices", ()):
        typer.echo(f"mtext: {notice}", err=True)
    if options.verbose:
        typer.echo(f"mtext: pipeline {corpus.pipeline.describe()}", err=True)
        for source in corpus.sources:
            typer.echo(f"mtext: {source.path}: {source.encoding or source.format}, {source.chars_dropped} boilerplate "
                       f"characters dropped in {len(source.boilerplate_lines)} lines", err=True)
            for line in dropped_by_class(source.boilerplate_lines, source.boilerplate_classes):
                typer.echo(f"mtext:   {line}", err=True)
    if not corpus.sources:
        raise fail("no readable document; check the paths above")
    if sys.stderr.isatty():
        corpus.on_parsed = _progress(len(corpus.sources))
    return corpus


def _progress(total: int):
    from rich.console import Console
    from rich.progress import Progress

    progress = Progress(console=Console(stderr=True), transient=True)
    task = progress.add_task("parsing", total=total)

    def advance(source) -> None:
        if not progress.live.is_started:  # started by the first parsed document: cached tables show none
            progress.start()
            atexit.register(progress.stop)  # Ctrl-C or an error: the terminal gets its cursor back
        progress.update(task, advance=1, description=source.doc)
        if progress.tasks[task].completed >= total:
            progress.stop()

    return advance


def emit(df, problems, options: OutputOptions, render=None) -> None:
    """Write the table and leave with 0, or 1 when some inputs were skipped."""
    from .output.terminal import generic_table
    from .output.writers import write_table

    fmt = options.format.value if options.format else None
    write_table(df, render or (lambda: generic_table(df)), options.output, fmt, options.excel, options.wide)
    raise typer.Exit(EXIT_PARTIAL if problems else EXIT_OK)


@command()
def sentences(paths: Paths = None, *, corpus_options: CorpusOptions, output_options: OutputOptions) -> None:
    """One row per sentence: position, length, word length, questions, passive, noun share."""
    corpus = open_corpus(paths, corpus_options, entities=False)
    emit(corpus.sentences(), corpus.problems, output_options)


@command()
def docs(paths: Paths = None, *, corpus_options: CorpusOptions, output_options: OutputOptions) -> None:
    """One row per document: encoding, size, boilerplate dropped, MTLD and readability."""
    from .output.terminal import docs_report

    corpus = open_corpus(paths, corpus_options, entities=False)
    table = corpus.docs()
    emit(table, corpus.problems, output_options, lambda: docs_report(table, corpus.pipeline))


@command()
def keywords(
    paths: Paths = None,
    method: Annotated[Method, typer.Option(help="Scoring method.")] = DEFAULT,
    top: Annotated[int, typer.Option("--top", "-n", min=1, help="Terms per document.")] = 20,
    corpus_only: Annotated[bool, typer.Option("--corpus", help="Only the corpus rows (doc '*').")] = False,
    per_doc_only: Annotated[bool, typer.Option("--per-doc", help="Only the per-document rows.")] = False,
    group: Annotated[Group | None, typer.Option(help="Aggregate nouns by compound part.")] = None,
    min_count: Annotated[int, typer.Option(min=1, help="Leave out terms seen fewer times in a document.")] = 1,
    ngram_max: Annotated[int, typer.Option(min=1, max=6, help="Longest phrase, in words.")] = 3,
    stopwords: Annotated[Path | None, typer.Option(exists=True, dir_okay=False, readable=True,
                                                   help="File of extra stop words, one a line.")] = None,
    *, corpus_options: CorpusOptions, output_options: OutputOptions,
) -> None:
    """Keywords and keyphrases per document and for the corpus (doc '*')."""
    from .output.terminal import keywords_report

    extra = _read_word_list(stopwords) if stopwords else []
    corpus = open_corpus(paths, corpus_options, entities=False)
    scope = "corpus" if corpus_only else "per-doc" if per_doc_only else "both"
    table = corpus.keywords(method=method.value, top=top, scope=scope, min_count=min_count, ngram_max=ngram_max,
                            stopwords_extra=extra, group=group.value if group else None)
    emit(table, corpus.problems, output_options, lambda: keywords_report(table, names=corpus.display_names()))


def _read_word_list(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise fail(f"{path}: cannot read the stop word list ({exc}); give a UTF-8 file, one word a line") from None
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@command()
def entities(
    paths: Paths = None,
    summary: Annotated[bool, typer.Option("--summary", help="One row per canonical entity.")] = False,
    cooccur: Annotated[bool, typer.Option("--cooccur", help="Entity pairs named in one sentence.")] = False,
    gazetteer: Annotated[list[Path] | None, typer.Option(exists=True, dir_okay=False, readable=True,
                                                         help="Extra gazetteer TOML file(s).")] = None,
    no_gazetteer: Annotated[bool, typer.Option("--no-gazetteer", help="Model entities only.")] = False,
    *, corpus_options: CorpusOptions, output_options: OutputOptions,
) -> None:
    """Named entities with the field's authorities canonicalised (mentions, --summary or --cooccur)."""
    from .entities.table import cooccurrences, load_gazetteer, summarize
    from .output.terminal import generic_table, with_names

    files = tuple(str(p) for p in gazetteer or ())
    try:
        load_gazetteer(files)
    except (OSError, ValueError) as exc:
        raise fail(f"cannot use the gazetteer ({exc}); see the format in README.md") from None
    corpus = open_corpus(paths, corpus_options)
    table = corpus.entities(gazetteer_files=files, use_gazetteer=not no_gazetteer)
    shown = cooccurrences(table) if cooccur else summarize(table) if summary else table
    title = "Entity pairs in one sentence" if cooccur else "Entities"
    emit(shown, corpus.problems, output_options,
         lambda: generic_table(with_names(shown if summary or cooccur else summarize(table), corpus.display_names()),
                               title=title))


@command()
def compare(
    paths: Annotated[list[str] | None, typer.Argument(help="Side A and side B (file, folder or glob); any number "
                                                           "with --matrix or --group-by.")] = None,
    label_a: Annotated[str | None, typer.Option(help="Name of side A [its path].")] = None,
    label_b: Annotated[str | None, typer.Option(help="Name of side B [its path].")] = None,
    by: Annotated[CompareBy, typer.Option(help="What to count as a term.")] = CompareBy.lemma,
    p: Annotated[float, typer.Option("--p", min=0.0, max=1.0, help="Significance level for G², over all terms "
                                     "tested (Bonferroni: each term needs p < P / terms tested).")] = 0.05,
    correction: Annotated[Correction, typer.Option(help="none: each term needs p < P, uncorrected.")] = (
        Correction.bonferroni),
    min_docs: Annotated[int | None, typer.Option(min=1, help="Documents of the favoured side a key term must "
                                                 "occur in [2, or 1 for a one-document side].")] = None,
    keep_all: Annotated[bool, typer.Option("--all", help="Keep every term, key or not (column key).")] = False,
    matrix: Annotated[bool, typer.Option("--matrix", help="Pairwise TF-IDF cosine similarity of documents.")] = False,
    style: Annotated[bool, typer.Option("--style", help="The two sides' style profiles side by side.")] = False,
    group_by: Annotated[str | None, typer.Option(
        "--group-by", help="Sides are the documents' values of this field (author, date, or a --meta column); "
                           "--by stays what counts as a term.")] = None,
    group: Annotated[list[str] | None, typer.Option(
        "--group", help="With --group-by: the value of side A, then of side B [the field's two values].")] = None,
    *, corpus_options: CorpusOptions, output_options: OutputOptions,
) -> None:
    """What sets side A apart from side B: keyness (G², log ratio), --style, or --matrix of similarities."""
    from .corpus import compare_corpora
    from .output.terminal import compare_report, matrix_report
    from .tables.comparison import style_table

    paths = paths or []
    if group and not group_by:
        raise fail("--group needs --group-by FIELD (the field whose values make the sides)")
    if matrix:
        corpus = open_corpus(_expand(paths), corpus_options)
        table = corpus.similarity()
        emit(table, corpus.problems, output_options, lambda: matrix_report(table, corpus.display_names()))
    if group_by:
        side_a, side_b, name_a, name_b = _field_sides(paths, group_by, group or [], corpus_options)
        name_a, name_b = label_a or name_a, label_b or name_b
    else:
        if len(paths) != 2:
            raise fail("compare needs two sides, A and B (quote a glob: 'data/raw/00[12]*'), --group-by FIELD "
                       "or --matrix")
        side_a, side_b = _two_sides(paths, corpus_options)
        name_a, name_b = label_a or paths[0], label_b or paths[1]
    if style:
        table = style_table(side_a.style(), side_b.style(), name_a, name_b)
        emit(table, side_a.problems + side_b.problems, output_options)  # after the tables: skips found count
    result = compare_corpora(side_a, side_b, name_a, name_b, by=by.value, p=p, keep_all=keep_all,
                             correction=correction.value, min_docs=min_docs)
    emit(result.keyness, side_a.problems + side_b.problems, output_options,
         lambda: compare_report(result, name_a, name_b))


def _two_sides(paths: list[str], options: CorpusOptions):
    """Side A and side B read from their own paths; a --meta sidecar is checked against both sides' documents
    together (it may name the documents of either side)."""
    from dataclasses import replace

    from .corpus import attach_sidecar

    sides = [open_corpus(_expand([path]), replace(options, meta=None)) for path in paths]
    if options.meta:
        attach_sidecar(options.meta, sides)
    return sides


def _field_sides(paths: list[str], field: str, values: list[str], options: CorpusOptions):
    """Side A and side B of ``compare --group-by``: the corpus's documents with each of two values of ``field``."""
    if len(values) not in (0, 2):
        raise fail(f"--group given {len(values)} time(s); give it twice (side A, then side B) or leave it out")
    corpus = open_corpus(_expand(paths) or None, options)
    sides = corpus.groups(field, values)
    if len(sides) != 2:
        found = ", ".join(repr(value) for value, _ in sides[:10]) or "none"
        raise fail(f"--group-by {field}: {len(sides)} values ({found}); pick two with --group A --group B")
    (value_a, side_a), (value_b, side_b) = sides
    side_a.problems = corpus.problems  # said once, counted once for the exit status
    return side_a, side_b, f"{field}={value_a}", f"{field}={value_b}"


def _expand(paths: list[str]) -> list[str]:
    """Expand globs the shell left alone (quoted, or on Windows); other paths pass through."""
    import glob as globbing

    expanded = []
    for path in paths:
        matches = sorted(globbing.glob(path)) if any(c in path for c in "*?[") else []
        expanded.extend(matches or [path])
    return expanded


@command()
def kwic(
    term: Annotated[str, typer.Argument(help="A lemma or phrase; every inflected form matches.")],
    paths: Paths = None,
    width: Annotated[int, typer.Option(min=5, max=500, help="Characters of context each side.")] = 40,
    *, corpus_options: CorpusOptions, output_options: OutputOptions,
) -> None:
    """Keyword in context: every occurrence of TERM (Kunde finds Kunden and Kund:innen)."""
    from .output.terminal import kwic_report

    corpus = open_corpus(paths, corpus_options, entities=False)
    table = corpus.kwic(term, width=width)
    emit(table, corpus.problems, output_options, lambda: kwic_report(table, term))


class Mode(str, Enum):
    lemma = "lemma"
    surface = "surface"


@command()
def collocations(
    term: Annotated[str, typer.Argument(help="A lemma (Kunde) or, with --mode surface, a word form.")],
    paths: Paths = None,
    window: Annotated[int, typer.Option(min=1, max=50, help="Words each side, within the sentence.")] = 5,
    min_freq: Annotated[int, typer.Option(min=1, help="Leave out collocates seen fewer times.")] = 2,
    mode: Annotated[Mode, typer.Option(help="Count lemmas or word forms.")] = Mode.lemma,
    *, corpus_options: CorpusOptions, output_options: OutputOptions,
) -> None:
    """Collocates of TERM: frequency, logDice, MI, t-score and G² within a window of words."""
    corpus = open_corpus(paths, corpus_options, entities=False)
    table = corpus.collocations(term, window=window, min_freq=min_freq, mode=mode.value)
    emit(table, corpus.problems, output_options)


@command()
def ngrams(
    paths: Paths = None,
    n_min: Annotated[int, typer.Option(min=1, max=10, help="Shortest sequence, in words.")] = 2,
    n_max: Annotated[int, typer.Option(min=1, max=10, help="Longest sequence, in words.")] = 4,
    min_freq: Annotated[int, typer.Option(min=1, help="Leave out sequences seen fewer times.")] = 2,
    mode: Annotated[Mode, typer.Option(help="Count lemmas or word forms.")] = Mode.lemma,
    *, corpus_options: CorpusOptions, output_options: OutputOptions,
) -> None:
    """Recurrent word sequences (n-grams) with frequency, range and Gries' DP; stop words never at an edge."""
    if n_min > n_max:
        raise fail(f"--n-min {n_min} is larger than --n-max {n_max}")
    corpus = open_corpus(paths, corpus_options, entities=False)
    emit(corpus.ngrams(n_min=n_min, n_max=n_max, min_freq=min_freq, mode=mode.value), corpus.problems,
         output_options)


@command()
def topics(
    paths: Paths = None,
    k: Annotated[int | None, typer.Option("--k", min=2, max=100,
                                          help="Number of topics [chosen by coherence].")] = None,
    per_doc: Annotated[bool, typer.Option("--docs", help="Document × topic shares (doc, topic, share).")] = False,
    *, corpus_options: CorpusOptions, output_options: OutputOptions,
) -> None:
    """Topics: top terms (lemmas of nouns, names, adjectives; compounds whole) and share of the corpus; --docs."""
    from .output.terminal import topics_report
    from .tables.topics import k_note

    corpus = open_corpus(paths, corpus_options, entities=False)
    tables = corpus.topic_tables(k)
    note = k_note(tables["topic_k"], len(corpus.names))
    if corpus_options.verbose or tables["topics"].empty:
        typer.echo(f"mtext: topics: {note}", err=True)
    emit(tables["doc_topics" if per_doc else "topics"], corpus.problems, output_options,
         lambda: topics_report(tables, note, docs=per_doc, names=corpus.display_names()))


@command(writes_table=False)
def report(
    paths: Paths = None,
    output: Annotated[Path, typer.Option("--output", "-o", dir_okay=False,
                                         help="The HTML file to write.")] = Path("report.html"),
    compare_sides: Annotated[tuple[str, str] | None, typer.Option(
        "--compare", help="Also show the keyness of side A against side B (two files, folders or globs).")] = None,
    title: Annotated[str, typer.Option(help="The report's title.")] = "mtext",
    *, corpus_options: CorpusOptions,
) -> None:
    """One self-contained HTML report (works offline): charts, keywords, entities, dispersion, KWIC search."""
    from .core.fsio import write_atomic

    corpus = open_corpus(paths, corpus_options)
    sides = None
    if compare_sides:
        sides = (*_two_sides(list(compare_sides), corpus_options), *compare_sides)
    write_atomic(output, corpus.report(title=title, compare=sides).encode("utf-8"))
    typer.echo(f"mtext: wrote {output}", err=True)
    raise typer.Exit(EXIT_PARTIAL if corpus.problems else EXIT_OK)


@command(writes_table=False)
def analyze(
    paths: Paths = None,
    out: Annotated[Path, typer.Option("--out", file_okay=False, help=(
        "Folder for keywords.csv, entities.csv, sentences.csv, docs.csv, topics.csv, doc_topics.csv, "
        "topic_k.csv, tables.xlsx, run.json and report.html."))] = Path("output"),
    excel: Excel = False,
    no_report: Annotated[bool, typer.Option("--no-report", help="Do not write report.html.")] = False,
    wide: Wide = False,
    *, corpus_options: CorpusOptions,
) -> None:
    """All tables in one pass, written to a folder with the HTML report, and an overview on the terminal."""
    from .output.terminal import overview_report
    from .output.writers import report_console

    corpus = open_corpus(paths, corpus_options)
    tables = corpus.analyze(out, excel=excel, report=not no_report)
    # the summary the report showed (summarized once)
    overview = overview_report(tables, out, corpus.pipeline, corpus.entity_summary(tables["entities"]),
                               ("tables.xlsx", "run.json", *(() if no_report else ("report.html",))),
                               corpus.display_names())
    report_console(wide, overview, stderr=False).print(overview)  # analyze writes its tables to files: stdout is free
    raise typer.Exit(EXIT_PARTIAL if corpus.problems else EXIT_OK)


cache_app = typer.Typer(help="See or clear the cache of parsed documents and tables.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")
CacheDir = Annotated[Path | None, typer.Option("--cache-dir", help="The cache folder [MTEXT_CACHE_DIR or the "
                                                                   "user cache folder].")]


@cache_app.command("info")
def cache_info(cache_dir: CacheDir = None) -> None:
    """Where the cache is, how many entries it holds and their size."""
    from .engine.cachedir import cache_info, default_cache_dir, max_bytes_from

    info = cache_info(cache_dir or default_cache_dir())
    cap = max_bytes_from(None)
    typer.echo(f"location: {info.location}\nentries:  {info.entries} ({info.docs} parsed documents, "
               f"{info.tables} tables)\nsize:     {info.size / 1e6:.1f} MB\n"
               f"cap:      {'none' if cap is None else f'{cap / 1024 / 1024:g} MiB (MTEXT_CACHE_MAX_MB)'}")


@cache_app.command("clear")
def cache_clear(cache_dir: CacheDir = None) -> None:
    """Remove every cached document and table (other files in the folder are kept)."""
    from .engine.cachedir import clear_cache, default_cache_dir

    removed = clear_cache(cache_dir or default_cache_dir())
    typer.echo(f"mtext: removed {removed.entries} cache entries ({removed.size / 1e6:.1f} MB) from {removed.location}",
               err=True)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"mtext {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_show_version, is_eager=True,
                                          help="Print mtext's version and exit.")] = False,
) -> None:
    """Keyword, entity and sentence tables for German essays. CSV when piped, a report on a terminal."""


def _choices(param) -> tuple:
    """A parameter's choices (typer's type descriptor, or a click Choice), empty for any other type."""
    import click

    described = getattr(param, "type_descriptor", None)
    if described is not None and getattr(described, "is_choice", False):
        return tuple(described.choices or ())
    kind = getattr(param, "type", None)
    return tuple(kind.choices) if isinstance(kind, click.Choice) else ()


def _help_option(made, ctx):
    """``--help`` (click makes it per call) without a ``<bool>``."""
    option = made(ctx)
    if option is not None:
        option.metavar = ""
    return option


def click_command():
    """The command tree as click runs it, its help made readable: a flag shows no ``<bool>`` (it takes no value)
    and a choice lists its values as ``a | b | c``, so a narrow terminal wraps between values, never inside one."""
    root = typer.main.get_command(app)

    def polish(command) -> None:
        for param in command.params:
            if getattr(param, "is_flag", False):
                param.metavar = ""
            elif param.metavar is None and _choices(param):
                param.metavar = " | ".join(str(getattr(c, "value", c)) for c in _choices(param))
        command.get_help_option = functools.partial(_help_option, command.get_help_option)
        for sub in getattr(command, "commands", {}).values():
            polish(sub)

    polish(root)
    return root


def main() -> None:
    try:
        click_command()()
    except KeyboardInterrupt:  # Ctrl-C outside a command (while starting up): one line, no traceback
        typer.echo("mtext: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
