"""The ``mtext`` command line: parses options and calls the library, nothing else.

Heavy imports (spaCy, pandas, the pipeline) happen inside the commands so that
``mtext --help`` starts fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    help="Keyword, entity and sentence tables for German essays. CSV when piped, a report on a terminal.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)

EXIT_OK, EXIT_PARTIAL, EXIT_NOTHING = 0, 1, 2

Paths = Annotated[list[str] | None, typer.Argument(help="Files, folders or - for stdin [default: data/raw]")]
Output = Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE (format from its suffix).")]
Format = Annotated[str | None, typer.Option("--format", "-f",
                                               help="table, csv, tsv, json, jsonl or xlsx.")]
Excel = Annotated[bool, typer.Option("--excel", help="CSV for German Excel/LibreOffice: BOM, ';', formulas guarded.")]
Glob = Annotated[list[str] | None, typer.Option("--glob", help="File patterns inside folders [*.txt, *.md].")]
KeepBoilerplate = Annotated[bool, typer.Option("--keep-boilerplate", help="Do not remove web boilerplate.")]
Model = Annotated[str, typer.Option("--model", help="auto, offline, de_core_news_sm or a pipeline path.")]
CacheDir = Annotated[Path | None, typer.Option("--cache-dir", help="Cache for parsed documents and tables.")]
NoCache = Annotated[bool, typer.Option("--no-cache", help="Parse again; neither read nor write the cache.")]
Jobs = Annotated[int, typer.Option("--jobs", "-j", min=1, help="Processes for parsing.")]
Scheduler = Annotated[str | None, typer.Option(
    "--scheduler", envvar="MTEXT_DASK_SCHEDULER",
    help="Parse on a Dask cluster: a scheduler address (tcp://host:8786) or 'local' (--jobs workers here).")]
Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="Say which pipeline ran and what was dropped.")]


def fail(message: str, code: int = EXIT_NOTHING) -> typer.Exit:
    typer.echo(f"mtext: error: {message}", err=True)
    return typer.Exit(code)


def open_corpus(paths, glob, keep_boilerplate, model, cache_dir, no_cache, jobs, scheduler, verbose):
    """Read the inputs and load the pipeline; report problems; exit 2 when nothing is left."""
    from .corpus import DEFAULT_INPUT, load
    from .pipeline import PipelineUnavailable
    from .reading import DEFAULT_GLOBS

    try:
        corpus = load(paths or [DEFAULT_INPUT], globs=glob or DEFAULT_GLOBS, keep_boilerplate=keep_boilerplate,
                      model=model, cache_dir=cache_dir, use_cache=not no_cache, jobs=jobs,
                      scheduler=scheduler)
    except PipelineUnavailable as exc:
        raise fail(str(exc)) from None
    for problem in corpus.problems:
        typer.echo(f"mtext: skipped {problem}", err=True)
    if verbose:
        typer.echo(f"mtext: pipeline {corpus.pipeline.describe()}", err=True)
        for source in corpus.sources:
            typer.echo(f"mtext: {source.path}: {source.encoding}, {source.chars_dropped} boilerplate "
                       f"characters dropped in {len(source.boilerplate_lines)} lines", err=True)
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
        progress.update(task, advance=1, description=source.doc)
        if progress.tasks[task].completed >= total:
            progress.stop()

    return advance


def emit(df, corpus, output, fmt, excel, report=None) -> None:
    """Write the table and leave with 0, or 1 when some inputs were skipped."""
    from .output import OutputError, write_table

    try:
        write_table(df, output, fmt, excel, report)
    except OutputError as exc:
        raise fail(str(exc)) from None
    raise typer.Exit(EXIT_PARTIAL if corpus.problems else EXIT_OK)


@app.command()
def sentences(paths: Paths = None, output: Output = None, format: Format = None, excel: Excel = False,
              glob: Glob = None, keep_boilerplate: KeepBoilerplate = False, model: Model = "auto",
              cache_dir: CacheDir = None, no_cache: NoCache = False, jobs: Jobs = 1, scheduler: Scheduler = None,
              verbose: Verbose = False) -> None:
    """One row per sentence: position, length, word length, questions, passive, noun share."""
    corpus = open_corpus(paths, glob, keep_boilerplate, model, cache_dir, no_cache, jobs, scheduler, verbose)
    emit(corpus.sentences(), corpus, output, format, excel)


@app.command()
def docs(paths: Paths = None, output: Output = None, format: Format = None, excel: Excel = False,
         glob: Glob = None, keep_boilerplate: KeepBoilerplate = False, model: Model = "auto",
         cache_dir: CacheDir = None, no_cache: NoCache = False, jobs: Jobs = 1,
         scheduler: Scheduler = None, verbose: Verbose = False) -> None:
    """One row per document: encoding, size, boilerplate dropped, MTLD and readability."""
    corpus = open_corpus(paths, glob, keep_boilerplate, model, cache_dir, no_cache, jobs, scheduler, verbose)
    table = corpus.docs()
    from .report import docs_report

    emit(table, corpus, output, format, excel, lambda: docs_report(table, corpus.pipeline))


@app.command()
def keywords(
    paths: Paths = None, output: Output = None, format: Format = None, excel: Excel = False,
    method: Annotated[str, typer.Option(help="mtext, frequency, tfidf, keyness, textrank or yake.")] = "mtext",
    top: Annotated[int, typer.Option("--top", "-n", min=1, help="Terms per document.")] = 20,
    corpus_only: Annotated[bool, typer.Option("--corpus", help="Only the corpus rows (doc '*').")] = False,
    per_doc_only: Annotated[bool, typer.Option("--per-doc", help="Only the per-document rows.")] = False,
    group: Annotated[str | None, typer.Option(help="'compounds': aggregate nouns by compound part.")] = None,
    min_count: Annotated[int, typer.Option(min=1, help="Leave out terms seen fewer times in a document.")] = 1,
    ngram_max: Annotated[int, typer.Option(min=1, max=6, help="Longest phrase, in words.")] = 3,
    stopwords: Annotated[Path | None, typer.Option(help="File of extra stop words, one a line.")] = None,
    glob: Glob = None, keep_boilerplate: KeepBoilerplate = False, model: Model = "auto",
    cache_dir: CacheDir = None, no_cache: NoCache = False, jobs: Jobs = 1,
    scheduler: Scheduler = None, verbose: Verbose = False,
) -> None:
    """Keywords and keyphrases per document and for the corpus (doc '*')."""
    from .keywords import METHODS

    if method not in METHODS:
        raise fail(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
    if group not in (None, "compounds"):
        raise fail(f"unknown group {group!r}; the only grouping is 'compounds'")
    extra = _read_word_list(stopwords) if stopwords else []
    corpus = open_corpus(paths, glob, keep_boilerplate, model, cache_dir, no_cache, jobs, scheduler, verbose)
    scope = "corpus" if corpus_only else "per-doc" if per_doc_only else "both"
    table = corpus.keywords(method=method, top=top, scope=scope, min_count=min_count, ngram_max=ngram_max,
                            stopwords_extra=extra, group=group)
    from .report import keywords_report

    emit(table, corpus, output, format, excel, lambda: keywords_report(table))


def _read_word_list(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise fail(f"{path}: cannot read the stop word list ({exc}); give a UTF-8 file, one word a line") from None
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@app.command()
def entities(
    paths: Paths = None, output: Output = None, format: Format = None, excel: Excel = False,
    summary: Annotated[bool, typer.Option("--summary", help="One row per canonical entity.")] = False,
    cooccur: Annotated[bool, typer.Option("--cooccur", help="Entity pairs named in one sentence.")] = False,
    gazetteer: Annotated[list[Path] | None, typer.Option(help="Extra gazetteer TOML file(s).")] = None,
    no_gazetteer: Annotated[bool, typer.Option("--no-gazetteer", help="Model entities only.")] = False,
    glob: Glob = None, keep_boilerplate: KeepBoilerplate = False, model: Model = "auto",
    cache_dir: CacheDir = None, no_cache: NoCache = False, jobs: Jobs = 1,
    scheduler: Scheduler = None, verbose: Verbose = False,
) -> None:
    """Named entities with the field's authorities canonicalised (mentions, --summary or --cooccur)."""
    from .entities import load_gazetteer, summarize

    files = tuple(str(p) for p in gazetteer or ())
    try:
        load_gazetteer(files)
    except (OSError, ValueError) as exc:
        raise fail(f"cannot use the gazetteer ({exc}); see the format in README.md") from None
    corpus = open_corpus(paths, glob, keep_boilerplate, model, cache_dir, no_cache, jobs, scheduler, verbose)
    table = corpus.entities(gazetteer_files=files, use_gazetteer=not no_gazetteer)
    shown = summarize(table) if summary else table
    if cooccur:
        from .entities import cooccurrences

        shown = cooccurrences(table)
    from .report import generic_table

    title = "Entity pairs in one sentence" if cooccur else "Entities"
    emit(shown, corpus, output, format, excel,
         lambda: generic_table(shown if summary or cooccur else summarize(table), title=title))


@app.command()
def compare(
    paths: Annotated[list[str], typer.Argument(help="Side A and side B (file, folder or glob); any number "
                                                    "with --matrix.")],
    output: Output = None, format: Format = None, excel: Excel = False,
    label_a: Annotated[str | None, typer.Option(help="Name of side A [its path].")] = None,
    label_b: Annotated[str | None, typer.Option(help="Name of side B [its path].")] = None,
    by: Annotated[str, typer.Option(help="lemma, keyphrase or entity.")] = "lemma",
    p: Annotated[float, typer.Option("--p", min=0.0, max=1.0, help="Significance cut-off for G².")] = 0.05,
    keep_all: Annotated[bool, typer.Option("--all", help="Keep every term, significant or not.")] = False,
    matrix: Annotated[bool, typer.Option("--matrix", help="Pairwise TF-IDF cosine similarity of documents.")] = False,
    style: Annotated[bool, typer.Option("--style", help="The two sides' style profiles side by side.")] = False,
    glob: Glob = None, keep_boilerplate: KeepBoilerplate = False, model: Model = "auto",
    cache_dir: CacheDir = None, no_cache: NoCache = False, jobs: Jobs = 1,
    scheduler: Scheduler = None, verbose: Verbose = False,
) -> None:
    """What sets side A apart from side B: keyness (G², log ratio), --style, or --matrix of similarities."""
    from .comparison import BY, similarity_matrix, style_table
    from .comparison import compare as compare_sides
    from .report import compare_report, matrix_report

    if by not in BY:
        raise fail(f"unknown --by {by!r}; choose one of {', '.join(BY)}")
    opts = (glob, keep_boilerplate, model, cache_dir, no_cache, jobs, scheduler, verbose)
    if matrix:
        corpus = open_corpus(_expand(paths), *opts)
        table = similarity_matrix(corpus.parsed())
        emit(table, corpus, output, format, excel, lambda: matrix_report(table))
    if len(paths) != 2:
        raise fail("compare needs two sides, A and B (quote a glob: 'data/raw/00[12]*'), or --matrix")
    side_a = open_corpus(_expand([paths[0]]), *opts)
    side_b = open_corpus(_expand([paths[1]]), *opts)
    name_a, name_b = label_a or paths[0], label_b or paths[1]
    if style:
        table = style_table(side_a, side_b, name_a, name_b)
        emit(table, side_b if side_b.problems else side_a, output, format, excel)
    table = compare_sides(side_a, side_b, by=by, p=p, keep_all=keep_all)
    emit(table, side_b if side_b.problems else side_a, output, format, excel,
         lambda: compare_report(table, style_table(side_a, side_b, name_a, name_b), side_a, side_b, name_a, name_b))


def _expand(paths: list[str]) -> list[str]:
    """Expand globs the shell left alone (quoted, or on Windows); other paths pass through."""
    import glob as globbing

    expanded = []
    for path in paths:
        matches = sorted(globbing.glob(path)) if any(c in path for c in "*?[") else []
        expanded.extend(matches or [path])
    return expanded


@app.command()
def kwic(
    term: Annotated[str, typer.Argument(help="A lemma or phrase; every inflected form matches.")],
    paths: Paths = None, output: Output = None, format: Format = None, excel: Excel = False,
    width: Annotated[int, typer.Option(min=5, max=500, help="Characters of context each side.")] = 40,
    glob: Glob = None, keep_boilerplate: KeepBoilerplate = False, model: Model = "auto",
    cache_dir: CacheDir = None, no_cache: NoCache = False, jobs: Jobs = 1,
    scheduler: Scheduler = None, verbose: Verbose = False,
) -> None:
    """Keyword in context: every occurrence of TERM (Kunde finds Kunden and Kund:innen)."""
    corpus = open_corpus(paths, glob, keep_boilerplate, model, cache_dir, no_cache, jobs, scheduler, verbose)
    table = corpus.kwic(term, width=width)
    from .report import kwic_report

    emit(table, corpus, output, format, excel, lambda: kwic_report(table, term))


@app.command()
def analyze(
    paths: Paths = None,
    out: Annotated[Path, typer.Option("--out", help="Folder for keywords.csv, entities.csv, sentences.csv, "
                                                    "docs.csv.")] = Path("output"),
    excel: Excel = False, glob: Glob = None, keep_boilerplate: KeepBoilerplate = False, model: Model = "auto",
    cache_dir: CacheDir = None, no_cache: NoCache = False, jobs: Jobs = 1,
    scheduler: Scheduler = None, verbose: Verbose = False,
) -> None:
    """All tables in one pass, written to a folder, with an overview on the terminal."""
    from rich.console import Console

    from .output import OutputError
    from .report import overview_report

    corpus = open_corpus(paths, glob, keep_boilerplate, model, cache_dir, no_cache, jobs, scheduler, verbose)
    try:
        tables = corpus.analyze(out, excel=excel)
    except OutputError as exc:
        raise fail(str(exc)) from None
    Console(stderr=not sys.stdout.isatty()).print(overview_report(tables, out, corpus.pipeline))
    raise typer.Exit(EXIT_PARTIAL if corpus.problems else EXIT_OK)


def main() -> None:
    from .cluster import ClusterError

    try:
        app()
    except ClusterError as exc:  # raised while the tables are built, i.e. after the options were parsed
        typer.echo(f"mtext: error: {exc}", err=True)
        raise SystemExit(EXIT_NOTHING) from None
