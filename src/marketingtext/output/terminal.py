"""Rich reports for a terminal: what a person reads, drawn from the same tables as the CSV.

Rendering only: every function takes finished DataFrames (and plain values) and computes nothing.

One job: draw mtext's tables readably in a terminal of any width. A report is laid out when it is printed, for
the width it gets (:class:`FittedTable`, :class:`KwicLines`, :class:`SimilarityMatrix`): numbers are never
wrapped or cut, text wraps, and the least important columns are left out (and named) when they do not fit;
``--wide`` prints at :func:`natural_width`, every column shown.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.table import Table
from rich.text import Text

MAX_ROWS = 40
MIN_TEXT = 10  # a text column is never narrower than this (or its longest header word, or its longest cell)
LONG_TEXT = 120  # a longer text cell is shortened with "…"


def number_text(value) -> str:
    """A number as the terminal shows it: integers (and integral floats, counts in a float column) without
    decimals, other floats with two; thousands separated by commas (``1,090``, ``18,641``, ``192.88``)."""
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value)
    if isinstance(value, float) and math.isnan(value):
        return ""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}"
    if isinstance(value, (int, float)):
        return f"{int(value):,}"
    return str(value)


def _cell(value) -> str:
    if value is pd.NA or value is None:
        return ""
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, (int, float)):
        return number_text(value)
    if isinstance(value, str) and len(value) > LONG_TEXT:
        return value[:LONG_TEXT - 3] + "…"
    return str(value)


def _is_numeric(series: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)


class FittedTable:
    """A table that fits the width it is drawn in: numbers are never wrapped or cut, text columns wrap between
    words (a word longer than its column is shortened with "…"), and when even that is not enough, the rightmost
    columns are left out (the caption names them; ``--wide`` draws at the table's natural width, so nothing is
    left out). Columns are given in order of importance."""

    BORDER = 3  # a column's padding (2) and its rule (1); the table's left edge adds one more

    def __init__(self, df: pd.DataFrame, title: str | None = None, max_rows: int = MAX_ROWS,
                 headers: dict[str, str] | None = None, note: str | None = None):
        self.title, self.note, self.total = title, note, len(df)
        shown = df.head(max_rows)
        self.headers = [(headers or {}).get(str(c), str(c)) for c in df.columns]
        self.numeric = [_is_numeric(df[c]) for c in df.columns]
        self.cells = [[_cell(v) for v in shown[c]] for c in df.columns]
        self.max_rows = max_rows

    def _widths(self, i: int) -> tuple[int, int]:
        """(narrowest, natural) width of column ``i``: a number column is never narrower than its longest
        number, and no header word is ever split."""
        words = max((len(w) for w in self.headers[i].split()), default=0)
        longest = max((len(c) for c in self.cells[i]), default=0)
        natural = max(len(self.headers[i]), longest)
        if self.numeric[i]:
            return max(words, longest), natural
        return min(natural, max(words, MIN_TEXT)), natural

    def natural_width(self) -> int:
        return sum(self._widths(i)[1] for i in range(len(self.headers))) + self.BORDER * len(self.headers) + 1

    def table(self, width: int) -> Table:
        columns = list(range(len(self.headers)))
        bounds = [self._widths(i) for i in columns]
        needed = lambda kept: sum(bounds[i][0] for i in kept) + self.BORDER * len(kept) + 1  # noqa: E731
        while len(columns) > 1 and needed(columns) > width:
            columns.pop()
        left_out = [self.headers[i] for i in range(len(self.headers)) if i not in columns]
        # numbers at their width; the text columns share what is left: the ones needing least get all they
        # need, the rest share equally
        sizes = {i: bounds[i][0] for i in columns}
        spare = width - needed(columns)
        grow = sorted((bounds[i][1] - bounds[i][0], i) for i in columns if bounds[i][1] > bounds[i][0])
        for n, (more, i) in enumerate(grow):
            given = min(more, spare // (len(grow) - n))
            sizes[i] += given
            spare -= given
        table = Table(title=self.title, header_style="bold")
        for i in columns:
            header = Text(self.headers[i], no_wrap=False, overflow="fold")  # a header wraps between its words
            table.add_column(header, justify="right" if self.numeric[i] else "left", width=sizes[i],
                             no_wrap=self.numeric[i], overflow="ellipsis")  # a word too long is shortened
        for row in range(len(self.cells[0]) if self.cells else 0):
            table.add_row(*(self.cells[i][row] for i in columns))
        notes = [self.note] if self.note else []
        if self.total > self.max_rows:
            notes.append(f"{self.total - self.max_rows:,} more rows: use --format csv or --output FILE for all")
        if left_out:
            notes.append(f"left out to fit: {', '.join(left_out)} (--wide shows all)")
        if notes:
            table.caption = "\n".join(notes)
        return table

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.table(options.max_width)


def natural_width(renderable) -> int:
    """The width a report needs to show every column (``--wide``): its widest fitted part."""
    if hasattr(renderable, "natural_width"):
        return renderable.natural_width()
    parts = getattr(renderable, "renderables", None) or []
    return max((natural_width(p) for p in parts), default=0)


def generic_table(df: pd.DataFrame, title: str | None = None, max_rows: int = MAX_ROWS) -> FittedTable:
    """Any table, fitted to the terminal (the first ``max_rows`` rows; the caption says how many more)."""
    return FittedTable(df, title=title, max_rows=max_rows)


DOCS_COLUMNS = {  # the documents report's columns, most important first (the last are left out first)
    "doc": "doc", "title": "title", "words": "words", "sentences": "sentences", "flesch_amstad": "Flesch",
    "wstf1": "WSTF",
    "mtld": "MTLD", "mean_sentence_len": "words / sent", "lix": "LIX", "gender_per_1k": "gender / 1k",
    "format": "format"}


def docs_report(table: pd.DataFrame, pipeline) -> Group:
    """Documents with readability, and the pipeline that parsed them."""
    shown = table[[c for c in DOCS_COLUMNS if c in table.columns]]
    return Group(FittedTable(shown, title="Documents", headers=DOCS_COLUMNS),
                 Text(f"pipeline: {pipeline.describe()}", style="dim"))


def _bar(value: float, maximum: float, width: int = 24) -> str:
    filled = 0 if maximum <= 0 else round(width * value / maximum)
    return "█" * filled + "·" * (width - filled)


def _number_column(table: Table, name: str) -> None:
    table.add_column(name, justify="right", no_wrap=True)


def shown_names(docs, names: Mapping[str, str] | None) -> list[str]:
    """How a report names each of ``docs``: by ``names`` (a document's title, see
    :func:`marketingtext.tables.documents.display_names`) where given, else by its ``doc`` name."""
    names = names or {}
    return [names.get(doc) or doc for doc in docs]


def with_names(table: pd.DataFrame, names: Mapping[str, str] | None, columns=("doc", "first_doc")) -> pd.DataFrame:
    """``table`` with its document columns showing ``names`` instead of ``doc`` names (the corpus row "*" kept)."""
    if not names:
        return table
    shown = table.copy()
    for column in columns:
        if column in shown.columns:
            shown[column] = [doc if doc == "*" else names.get(doc) or doc for doc in shown[column]]
    return shown


def keywords_report(table: pd.DataFrame, corpus_rows: int = 15, doc_rows: int = 10,
                    names: Mapping[str, str] | None = None):
    """Corpus top terms with a bar each, then every document's top terms side by side, each titled by the
    document's title where ``names`` knows one."""
    from rich.columns import Columns

    if "score" not in table.columns:  # --group compounds
        return generic_table(table, title="Compound parts across the corpus")
    parts = []
    corpus = table[table["doc"] == "*"].head(corpus_rows)
    if len(corpus):
        top = Table(title="Corpus keywords", header_style="bold")
        _number_column(top, "#")
        top.add_column("term", overflow="fold", min_width=MIN_TEXT)
        top.add_column("", no_wrap=True, overflow="crop", max_width=24)
        _number_column(top, "count")
        _number_column(top, "docs")
        maximum = corpus["score"].max()
        for row in corpus.itertuples():
            top.add_row(number_text(row.rank), row.term, _bar(row.score, maximum), number_text(row.count),
                        number_text(row.docs))
        parts.append(top)
    per_doc = table[table["doc"] != "*"]
    tables = []
    for doc, group in per_doc.groupby("doc", sort=False):
        t = Table(title=shown_names([doc], names)[0], header_style="bold", min_width=28)
        t.add_column("term", overflow="fold")
        _number_column(t, "n")
        for row in group.head(doc_rows).itertuples():
            t.add_row(row.term, number_text(row.count))
        tables.append(t)
    if tables:
        parts.append(Columns(tables))
    return Group(*parts)


def overview_report(tables: dict[str, pd.DataFrame], out, pipeline, entity_summary: pd.DataFrame,
                    other_files: tuple[str, ...] = (), names: Mapping[str, str] | None = None):
    """What `mtext analyze` wrote, with the corpus keywords and the most mentioned entities (documents named by
    ``names``, their titles where known)."""
    written = [f"{n}.csv ({len(t):,} rows)" for n, t in tables.items()] + list(other_files)
    lines = [f"[bold]wrote[/bold] {out}/: " + ", ".join(written)]
    parts = [Text.from_markup("\n".join(lines))]
    keywords = tables["keywords"]
    parts.append(keywords_report(keywords[keywords["doc"] == "*"]))
    if len(entity_summary):
        parts.append(generic_table(with_names(entity_summary.head(15), names), title="Entities"))
    parts.append(docs_report(tables["docs"], pipeline))
    return Group(*parts)


class KwicLines:
    """Concordance lines with the match centred and highlighted, the contexts cut to the width drawn in
    (the left one keeps its end, the right one its start)."""

    def __init__(self, table: pd.DataFrame, term: str):
        self.table, self.term = table, term

    def _where(self, row) -> str:
        return f"{row.doc[:12]}:{row.sent_id}"

    def natural_width(self) -> int:
        rows = list(self.table.itertuples())
        return max((len(self._where(r)) + len(r.left) + len(r.match) + len(r.right) + 3 for r in rows), default=0)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        rows = list(self.table.itertuples())
        where = max((len(self._where(r)) for r in rows), default=0)
        match = max((len(r.match) for r in rows), default=0)
        context = max(8, (options.max_width - where - match - 3) // 2)
        out = Table(title=f"{self.term}: {len(self.table):,} occurrences", show_header=False, box=None,
                    padding=(0, 1, 0, 0))
        out.add_column("doc", style="dim", no_wrap=True, width=where)
        out.add_column("left", justify="right", no_wrap=True, width=context)
        out.add_column("match", style="bold yellow", no_wrap=True, width=match)
        out.add_column("right", no_wrap=True, width=context)
        for r in rows:
            left = r.left if len(r.left) <= context else "…" + r.left[len(r.left) - context + 1:]
            right = r.right if len(r.right) <= context else r.right[:context - 1] + "…"
            out.add_row(self._where(r), left, r.match, right)
        yield out


def kwic_report(table: pd.DataFrame, term: str) -> KwicLines:
    """Concordance lines with the match centred and highlighted."""
    return KwicLines(table, term)


class SimilarityMatrix:
    """The similarity matrix as a heat-map table (darker is more similar); as many document columns as fit."""

    CELL = 9  # a column of 6 characters ("0.23" centred), with padding and rule
    ROW_NAME = 24  # a row is named "3 Title of the docu…": its number (the column's header) and its name

    def __init__(self, table: pd.DataFrame, names: Mapping[str, str] | None = None):
        self.docs = list(dict.fromkeys([*table["doc_a"], *table["doc_b"]]))
        self.lookup = {(r.doc_a, r.doc_b): r.similarity for r in table.itertuples()}
        self.row_names = [_shorten(f"{i} {name}", self.ROW_NAME)
                          for i, name in enumerate(shown_names(self.docs, names), start=1)]

    def natural_width(self) -> int:
        return self.ROW_NAME + 4 + self.CELL * len(self.docs)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        fit = max(1, (options.max_width - self.ROW_NAME - 4) // self.CELL)
        columns = self.docs[:fit]
        out = Table(title="Document similarity (TF-IDF cosine)", header_style="bold")
        out.add_column("", no_wrap=True, width=self.ROW_NAME)
        for number, _ in enumerate(columns, start=1):
            out.add_column(str(number), justify="center", no_wrap=True, width=6)
        for a, row_name in zip(self.docs, self.row_names, strict=True):
            cells = []
            for b in columns:
                value = 1.0 if a == b else self.lookup.get((a, b), self.lookup.get((b, a), 0.0))
                shade = int(40 + 180 * value)
                cells.append(Text(f"{value:.2f}", style=f"on rgb({255 - shade // 2},{255 - shade // 3},255)"))
            out.add_row(row_name, *cells)
        notes = ["columns: the documents by their row numbers"]
        if len(columns) < len(self.docs):
            notes.append(f"the first {len(columns)} of {len(self.docs)} documents as columns (--wide shows all)")
        out.caption = "; ".join(notes)
        yield out


def matrix_report(table: pd.DataFrame, names: Mapping[str, str] | None = None) -> SimilarityMatrix:
    """The similarity matrix as a heat-map table (darker is more similar), documents named by ``names``."""
    return SimilarityMatrix(table, names)


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def compare_report(comparison, name_a: str, name_b: str):
    """The terms favouring each side by effect size (log ratio first), key terms marked, the style profile, then
    entities only one side names. The caption says how many terms passed the significance and dispersion cut-off.

    ``comparison`` is a :class:`marketingtext.corpus.Comparison` (keyness, style, only_a, only_b, criterion).
    """
    from rich.columns import Columns

    table = comparison.keyness

    def side(favours: str, name: str) -> Table:
        t = Table(title=f"favours {name}", header_style="bold")
        t.add_column("term", overflow="fold", min_width=MIN_TEXT)
        for column in ("log ratio", "G²", "p", "docs"):
            _number_column(t, column)
        t.add_column("key", justify="center")
        for row in table[table["favours"] == favours].head(15).itertuples():  # sorted by |log ratio|
            docs = row.docs_a if favours == "a" else row.docs_b
            t.add_row(row.term, f"{row.log_ratio:+.2f}", f"{row.g2:,.1f}", f"{row.p_value:.2g}", number_text(docs),
                      "✓" if row.key else "")
        return t

    only = Table(title="entities only one side names", header_style="bold")
    only.add_column(f"only {name_a}", overflow="fold")
    only.add_column(f"only {name_b}", overflow="fold")
    left, right = comparison.only_a, comparison.only_b
    for i in range(max(len(left), len(right))):
        only.add_row(left[i] if i < len(left) else "", right[i] if i < len(right) else "")
    caption = Text("key terms (✓): " + getattr(comparison, "criterion", ""), style="dim")
    return Group(Columns([side("a", name_a), side("b", name_b)]), caption,
                 generic_table(comparison.style, title="Style"), only)


def topics_report(tables: dict[str, pd.DataFrame], note: str, docs: bool = False,
                  names: Mapping[str, str] | None = None):
    """Each topic with its share of the corpus as a bar and its top terms (``docs``: documents × topics as a
    grid of shares), and how k was chosen."""
    topics = tables["topics"]
    if topics.empty:
        return Text(f"no topics: {note}", style="dim")
    if docs:
        grid = tables["doc_topics"].pivot(index="doc", columns="topic", values="share")
        grid.index = pd.Index(shown_names(grid.index, names), name="doc")  # in the documents' order, by title
        shown = grid.rename(columns=lambda t: f"{t}: {topics.set_index('topic').loc[t, 'label']}").reset_index()
        return Group(generic_table(shown, title="Documents × topics (share of each document)"),
                     Text(note, style="dim"))
    table = Table(title="Topics", header_style="bold")
    for column, justify in (("topic", "right"), ("share", "left"), ("top terms", "left")):
        table.add_column(column, justify=justify, overflow="fold")
    top = float(topics["share"].max())
    for r in topics.itertuples(index=False):
        terms = ", ".join(part.rsplit(":", 1)[0] for part in str(r.terms).split("|"))
        table.add_row(str(r.topic), f"{_bar(r.share, top, 12)} {r.share:.0%}", terms)
    return Group(table, Text(note, style="dim"))
