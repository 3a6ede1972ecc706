"""Rich reports for a terminal: what a person reads, drawn from the same tables as the CSV.

Rendering only: every function takes finished DataFrames (and plain values) and computes nothing.
"""

from __future__ import annotations

import pandas as pd
from rich.console import Group
from rich.table import Table
from rich.text import Text

MAX_ROWS = 40


def generic_table(df: pd.DataFrame, title: str | None = None, max_rows: int = MAX_ROWS) -> Table:
    """Any table as a rich table (the first ``max_rows`` rows; the caption says how many more)."""
    table = Table(title=title, show_lines=False, header_style="bold")
    for column in df.columns:
        numeric = pd.api.types.is_numeric_dtype(df[column]) and not pd.api.types.is_bool_dtype(df[column])
        table.add_column(str(column), justify="right" if numeric else "left", overflow="fold")
    for row in df.head(max_rows).itertuples(index=False):
        table.add_row(*(_cell(v) for v in row))
    if len(df) > max_rows:
        table.caption = f"{len(df) - max_rows} more rows: use --format csv or --output FILE for all"
    return table


def _cell(value) -> str:
    if isinstance(value, float):
        return "" if pd.isna(value) else f"{value:,.2f}"
    if isinstance(value, str) and len(value) > 120:
        return value[:117] + "…"
    return str(value)


def docs_report(table: pd.DataFrame, pipeline) -> Group:
    """Documents with readability, and the pipeline that parsed them."""
    shown = table[["doc", "format", "sentences", "words", "mtld", "mean_sentence_len", "flesch_amstad",
                   "wstf1", "lix", "gender_per_1k"]].rename(columns={
        "mean_sentence_len": "words/sent", "flesch_amstad": "Flesch", "wstf1": "WSTF", "lix": "LIX",
        "gender_per_1k": "gender/1k"})
    return Group(generic_table(shown, title="Documents"), Text(f"pipeline: {pipeline.describe()}", style="dim"))


def _bar(value: float, maximum: float, width: int = 24) -> str:
    filled = 0 if maximum <= 0 else round(width * value / maximum)
    return "█" * filled + "·" * (width - filled)


def keywords_report(table: pd.DataFrame, corpus_rows: int = 15, doc_rows: int = 10):
    """Corpus top terms with a bar each, then every document's top terms side by side."""
    from rich.columns import Columns

    if "score" not in table.columns:  # --group compounds
        return generic_table(table, title="Compound parts across the corpus")
    parts = []
    corpus = table[table["doc"] == "*"].head(corpus_rows)
    if len(corpus):
        top = Table(title="Corpus keywords", header_style="bold")
        for name, justify in (("#", "right"), ("term", "left"), ("", "left"), ("count", "right"),
                              ("docs", "right")):
            top.add_column(name, justify=justify)
        maximum = corpus["score"].max()
        for row in corpus.itertuples():
            top.add_row(str(row.rank), row.term, _bar(row.score, maximum), str(row.count), str(row.docs))
        parts.append(top)
    per_doc = table[table["doc"] != "*"]
    tables = []
    for doc, group in per_doc.groupby("doc", sort=False):
        t = Table(title=doc, header_style="bold", min_width=28)
        t.add_column("term")
        t.add_column("n", justify="right")
        for row in group.head(doc_rows).itertuples():
            t.add_row(row.term, str(row.count))
        tables.append(t)
    if tables:
        parts.append(Columns(tables))
    return Group(*parts)


def overview_report(tables: dict[str, pd.DataFrame], out, pipeline, entity_summary: pd.DataFrame,
                    other_files: tuple[str, ...] = ()):
    """What `mtext analyze` wrote, with the corpus keywords and the most mentioned entities."""
    written = [f"{n}.csv ({len(t)} rows)" for n, t in tables.items()] + list(other_files)
    lines = [f"[bold]wrote[/bold] {out}/: " + ", ".join(written)]
    parts = [Text.from_markup("\n".join(lines))]
    keywords = tables["keywords"]
    parts.append(keywords_report(keywords[keywords["doc"] == "*"]))
    if len(entity_summary):
        parts.append(generic_table(entity_summary.head(15), title="Entities"))
    parts.append(docs_report(tables["docs"], pipeline))
    return Group(*parts)


def kwic_report(table: pd.DataFrame, term: str) -> Table:
    """Concordance lines with the match centred and highlighted."""
    out = Table(title=f"{term}: {len(table)} occurrences", show_header=False, box=None)
    out.add_column("doc", style="dim", no_wrap=True)
    out.add_column("left", justify="right", no_wrap=True)
    out.add_column("match", style="bold yellow", no_wrap=True)
    out.add_column("right", no_wrap=True)
    for row in table.itertuples():
        out.add_row(f"{row.doc[:12]}:{row.sent_id}", row.left, row.match, row.right)
    return out


def matrix_report(table: pd.DataFrame) -> Table:
    """The similarity matrix as a heat-map table (darker is more similar)."""
    docs = list(dict.fromkeys([*table["doc_a"], *table["doc_b"]]))
    lookup = {(r.doc_a, r.doc_b): r.similarity for r in table.itertuples()}
    out = Table(title="Document similarity (TF-IDF cosine)", header_style="bold")
    out.add_column("")
    for doc in docs:
        out.add_column(doc[:10], justify="center")
    for a in docs:
        cells = []
        for b in docs:
            value = 1.0 if a == b else lookup.get((a, b), lookup.get((b, a), 0.0))
            shade = int(40 + 180 * value)
            cells.append(Text(f"{value:.2f}", style=f"on rgb({255 - shade // 2},{255 - shade // 3},255)"))
        out.add_row(a[:10], *cells)
    return out


def compare_report(comparison, name_a: str, name_b: str):
    """Key terms favouring each side by effect size (log ratio first), the style profile, then entities
    only one side names. The caption states the significance and dispersion cut-off.

    ``comparison`` is a :class:`marketingtext.corpus.Comparison` (keyness, style, only_a, only_b, criterion).
    """
    from rich.columns import Columns

    table = comparison.keyness
    if "key" in table.columns:
        table = table[table["key"].astype(bool)]

    def side(favours: str, name: str) -> Table:
        t = Table(title=f"favours {name}", header_style="bold")
        for column, justify in (("term", "left"), ("log ratio", "right"), ("G²", "right"), ("docs", "right")):
            t.add_column(column, justify=justify)
        for row in table[table["favours"] == favours].head(15).itertuples():  # sorted by |log ratio|
            docs = row.docs_a if favours == "a" else row.docs_b
            t.add_row(row.term, f"{row.log_ratio:+.2f}", f"{row.g2:.1f}", str(docs))
        return t

    only = Table(title="entities only one side names", header_style="bold")
    only.add_column(f"only {name_a}")
    only.add_column(f"only {name_b}")
    left, right = comparison.only_a, comparison.only_b
    for i in range(max(len(left), len(right))):
        only.add_row(left[i] if i < len(left) else "", right[i] if i < len(right) else "")
    lead = "no key terms: " if table.empty else "key terms: "
    caption = Text(lead + getattr(comparison, "criterion", ""), style="dim")
    return Group(Columns([side("a", name_a), side("b", name_b)]), caption,
                 generic_table(comparison.style, title="Style"), only)


def topics_report(tables: dict[str, pd.DataFrame], note: str, docs: bool = False):
    """Each topic with its share of the corpus as a bar and its top terms (``docs``: documents × topics as a
    grid of shares), and how k was chosen."""
    topics = tables["topics"]
    if topics.empty:
        return Text(f"no topics: {note}", style="dim")
    if docs:
        grid = tables["doc_topics"].pivot(index="doc", columns="topic", values="share")
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
