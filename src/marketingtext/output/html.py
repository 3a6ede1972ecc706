"""One self-contained HTML report: every chart is plain SVG drawn by a small script inlined in the page.

No chart library and no network: the page carries its data as one JSON block, the script
(``data/report_charts.js`` and ``data/report.js``) and the style sheet (``data/report.css``). Rendering
only reshapes the tables of a ``ReportData``; every analysis happens before (``report_data.report_data``
and the table functions). Text is never pasted into the HTML as markup: the title is escaped with
``html.escape`` and the JSON block has ``<``, ``>`` and ``&`` written as ``\\u003c`` etc., so an essay
containing ``</script>`` stays text.
"""

from __future__ import annotations

import html
import json
import math
from importlib import resources

import pandas as pd

from ..tables.report_data import TOKEN_COLUMNS, ReportData, doc_display_names
from .labels_de import DOC_COLUMNS, GLOSSARY, NOTES, VALUE_LABELS, column_label

HEATMAP_DOCS = 40  # the heat-map shows the longest documents beyond this (a 274 x 274 grid helps nobody)
TABLE_ROWS = 3000  # rows embedded per entity table (sorted by mentions / sentences); the CSVs hold them all
NETWORK_EDGES = 60  # the strongest co-occurrence pairs drawn; the table lists them all
# the report's documents table (docs.csv has them all): the document (by title) and what a reader compares
DOCS_TABLE_COLUMNS = ["doc", "author", "date", "format", "pages", "sentences", "words", "types", "mtld",
                      "mean_sentence_len", "flesch_amstad", "wstf1", "lix", "gender_per_1k", "chars_dropped"]
KEYWORDS_TABLE_HIDDEN = ["range", "lemma"]  # range equals docs there; base says what lemma does, for a reader
COMPARE_TABLE_HIDDEN = ["lemma", "significant"]  # key is the verdict: significant, and in enough documents
DOC_CHART_FIELDS = ["doc", "words", "sentences", "types", "mtld", "mean_sentence_len", "flesch_amstad",
                    "wstf1", "lix", "gender_per_1k"]


def _plain(value):
    """A JSON-safe Python value: NaN, NA and None become null, numpy numbers plain numbers."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):
        return _plain(value.item())
    return value


def table_json(table: pd.DataFrame | None, limit: int | None = None) -> dict | None:
    """``{"columns": [...], "labels": [...], "rows": [[...], ...], "total": n}``, the shape the page's sortable
    tables read: CSV column names, their German headers (``labels_de``); ``limit`` keeps the first rows only
    (``total`` says how many there were)."""
    if table is None:
        return None
    shown = table if limit is None else table.head(limit)
    columns = [[_plain(v) for v in shown.iloc[:, i].tolist()] for i in range(shown.shape[1])]  # str: fast by column
    return {"columns": [str(c) for c in table.columns], "labels": [column_label(str(c)) for c in table.columns],
            "total": len(table), "rows": [[column[r] for column in columns] for r in range(len(shown))]}


def doc_names(data: ReportData) -> list[str]:
    names = list(data.docs["doc"]) if "doc" in data.docs else []
    for name in data.sentences["doc"]:
        if name not in names:
            names.append(name)
    return names


def network_json(entities: pd.DataFrame, pairs: pd.DataFrame, edges: int = NETWORK_EDGES) -> dict:
    """Nodes (entity, label, mentions) and weighted edges of the strongest co-occurrence pairs."""
    strongest = pairs.head(edges)
    mentions = {(r.canonical): int(r.mentions) for r in entities.itertuples(index=False)} if len(entities) else {}
    nodes: dict[str, dict] = {}
    for r in strongest.itertuples(index=False):
        for name, label in ((r.source, r.source_label), (r.target, r.target_label)):
            nodes.setdefault(name, {"id": name, "label": label, "mentions": mentions.get(name, 1)})
    return {"nodes": list(nodes.values()),
            "edges": [{"source": r.source, "target": r.target, "weight": int(r.sentences)}
                      for r in strongest.itertuples(index=False)]}


def positions_json(positions: pd.DataFrame) -> dict:
    """term -> doc -> relative positions (0 = start, 1 = end of the document), terms in keyword order."""
    terms: dict[str, dict[str, list[float]]] = {}
    for r in positions.itertuples(index=False):
        where = (r.word_index + 0.5) / max(int(r.doc_words), 1)
        terms.setdefault(r.term, {}).setdefault(r.doc, []).append(round(where, 4))
    return {"terms": terms}


def kwic_json(sentences: pd.DataFrame, tokens: pd.DataFrame, names: list[str],
              key_counts: dict[str, int] | None = None) -> dict:
    """The KWIC index: sentences holding an indexed word, each with flat ``[start, end, key id, ...]`` triples.

    ``forms`` maps each lower-cased spelling to the lemma keys it was seen with, so typing ``Kunden`` finds
    the lemma ``kunde`` (and with it ``Kund:innen``) as the KWIC table does. ``totals`` (key id -> count) are
    the true counts of keys whose lines ``report_data`` thinned out.
    """
    vocab: dict[str, int] = {}
    forms: dict[str, set[int]] = {}
    # whole columns as Python lists: pandas' str columns cost a call per value when iterated row by row
    texts = dict(zip(zip(sentences["doc"].tolist(), sentences["sent_id"].tolist(), strict=True),
                     sentences["text"].tolist(), strict=True))
    per_sentence: dict[tuple, list[int]] = {}
    for doc, sent_id, start, end, key in zip(*(tokens[c].tolist() for c in TOKEN_COLUMNS), strict=True):
        key_id = vocab.setdefault(key, len(vocab))
        sentence = (doc, sent_id)
        # as the search box reads what is typed (report.js kwicSearch): lower case, hyphens out; not term_key,
        # which keys "Kund:innen" as "kunde" and would leave the spelling a reader types unfound
        spelling = texts[sentence][start:end].lower().replace("-", "").replace("\u2011", "")
        if spelling != key:
            forms.setdefault(spelling, set()).add(key_id)
        per_sentence.setdefault(sentence, []).extend((start, end, key_id))
    doc_index = {name: i for i, name in enumerate(names)}
    sents = [[doc_index[doc], texts[(doc, sent_id)], triples] for (doc, sent_id), triples in per_sentence.items()]
    totals = {vocab[k]: n for k, n in (key_counts or {}).items() if k in vocab}
    return {"docs": names, "vocab": list(vocab), "forms": {k: sorted(v) for k, v in sorted(forms.items())},
            "sents": sents, "totals": totals}


def payload(data: ReportData) -> dict:
    """Everything the page's script reads, as plain JSON values."""
    names = doc_names(data)
    doc_fields = [c for c in DOC_CHART_FIELDS if c in data.docs.columns]
    heat_docs = heatmap_docs(data.docs, names)
    shown = set(heat_docs)
    titles = {"*": {"name": "Korpus", "file": "alle Dokumente (Zeile „*“)"}, **doc_display_names(data.docs)}
    values = {**VALUE_LABELS}
    if data.compare is not None:
        values["favours"] = {"a": data.compare_labels[0], "b": data.compare_labels[1]}
    return {
        "docNames": names,
        "docTitles": titles,
        "docColumns": list(DOC_COLUMNS),
        "valueLabels": {column: {str(k).lower() if isinstance(k, bool) else str(k): v for k, v in words.items()}
                        for column, words in values.items()},
        "docs": [{c: _plain(v) for c, v in zip(doc_fields, row, strict=True)}
                 for row in data.docs[doc_fields].itertuples(index=False, name=None)],
        "docsTable": table_json(data.docs[[c for c in DOCS_TABLE_COLUMNS if c in data.docs.columns]]),
        "keywords": table_json(data.keywords.drop(columns=KEYWORDS_TABLE_HIDDEN, errors="ignore")),
        "entities": table_json(data.entities, TABLE_ROWS),
        "cooccurrences": table_json(data.cooccurrences, TABLE_ROWS),
        "network": network_json(data.entities, data.cooccurrences),
        "positions": positions_json(data.positions),
        "similarityDocs": heat_docs,
        "similarity": [[a, b, _plain(s)] for a, b, s in data.similarity[["doc_a", "doc_b", "similarity"]]
                       .itertuples(index=False, name=None) if a in shown and b in shown],
        "compare": None if data.compare is None else table_json(data.compare.drop(columns=COMPARE_TABLE_HIDDEN,
                                                                                   errors="ignore")),
        "compareLabels": list(data.compare_labels),
        "kwic": kwic_json(data.sentences, data.tokens, names, data.key_counts),
        "kwicKeys": list(data.kwic_keys),
        "topics": topics_json(data.topics, heat_docs),
    }


def topics_json(tables: dict[str, pd.DataFrame], names: list[str]) -> dict | None:
    """The topics section's data: each topic's terms with weights, the document × topic shares of ``names``
    (the heat-map's documents) and, in German, how k was chosen. ``None`` without topics."""
    topics = tables.get("topics")
    if topics is None or topics.empty:
        return None
    rows = []
    for r in topics.itertuples(index=False):
        terms = [part.rsplit(":", 1) for part in str(r.terms).split("|") if ":" in part]
        rows.append({"topic": int(r.topic), "label": r.label, "share": _plain(r.share),
                     "coherence": _plain(r.coherence), "terms": [[t, float(w)] for t, w in terms]})
    shown = set(names)
    doc_topics = tables.get("doc_topics", pd.DataFrame(columns=["doc", "topic", "share"]))
    shares = [[doc, int(topic), _plain(share)] for doc, topic, share in
              doc_topics[["doc", "topic", "share"]].itertuples(index=False, name=None) if doc in shown]
    return {"topics": rows, "docs": [n for n in names if n in set(doc_topics["doc"])], "shares": shares,
            "note": k_note_de(tables.get("topic_k"))}


def k_note_de(topic_k: pd.DataFrame | None) -> str:
    """How k was chosen, in German, for the report."""
    if topic_k is None or topic_k.empty:
        return ""
    chosen = topic_k[topic_k["chosen"].astype(bool)]
    k = int(chosen["k"].iloc[0]) if len(chosen) else len(topic_k)
    if len(topic_k) == 1:
        return f"k = {k} Themen, vorgegeben."
    tried = ", ".join(f"k = {int(r.k)}: {r.score:.3f}".replace(".", ",") for r in topic_k.itertuples(index=False))
    return (f"k = {k} Themen, gewählt nach Kohärenz: mittlere NPMI der zehn stärksten Begriffe je Thema mal Anteil "
            f"der Einheiten, die zwei Begriffe ihres Themas enthalten; nur k, bei denen jedes Thema genug Einheiten "
            f"anführt. Versucht: {tried}.")


def heatmap_docs(docs: pd.DataFrame, names: list[str], limit: int = HEATMAP_DOCS) -> list[str]:
    """The documents of the heat-map: all of them, or the ``limit`` longest (in words) in document order."""
    if len(names) <= limit or "words" not in docs:
        return names
    longest = set(docs.sort_values(["words", "doc"], ascending=[False, True], kind="mergesort")["doc"].head(limit))
    return [n for n in names if n in longest]


def script_json(value) -> str:
    """JSON that cannot end the ``<script>`` element it sits in nor open a comment or an entity."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _asset(name: str) -> str:
    return resources.files("marketingtext.output").joinpath("assets", name).read_text(encoding="utf-8")


def how_to_read(section: str) -> str:
    """The section's "So lesen Sie das" note (``labels_de.NOTES``; trusted markup, no data in it)."""
    text = NOTES.get(section)
    return f'<div class="howto"><b>So lesen Sie das:</b> {text}</div>' if text else ""


def _glossary() -> str:
    rows = "".join(f"<dt>{html.escape(name)}</dt><dd>{html.escape(text)}</dd>" for name, text in GLOSSARY)
    return f'<section id="masse"><h2>Maße kurz erklärt</h2><dl class="glossary">{rows}</dl></section>'


def _compare_section(data: ReportData) -> str:
    if data.compare is None:
        return ""
    a, b = (f'<span class="verbatim">{html.escape(x)}</span>' for x in data.compare_labels)
    table = data.compare
    passed = int(table["key"].astype(bool).sum()) if "key" in table.columns else 0
    tested = table.attrs.get("tested", len(table))
    return f"""<section id="vergleich"><h2>Vergleich: {a} gegen {b}</h2>
<p class="hint">Log Ratio je Begriff: blaue Balken sind typisch für {a}, orange für {b}. Nach Effektgröße
geordnet; {german_int(passed)} von {german_int(tested)} geprüften Begriffen bestehen den Signifikanztest nach der
Korrektur und gelten als Schlüsselbegriff.</p>
{how_to_read("vergleich")}
<div class="chart" id="cmp-bars"></div><h3>Keyness-Tabelle</h3><div id="cmp-table"></div></section>"""


def _topics_section(data: ReportData) -> str:
    """The topics section (Themen): top terms per topic and the document × topic heat-map, drawn by report_topics.js."""
    topics = data.topics.get("topics")
    if topics is None or topics.empty:
        return ""
    return """<section id="themen"><h2>Themen</h2>
<p class="hint" id="topic-note"></p>
<h3>Die stärksten Begriffe je Thema</h3><div class="grid small" id="topic-terms"></div>
<h3>Dokumente × Themen (Anteil je Dokument)</h3><div id="topic-heat-note"></div>
<div class="chart" id="topic-heatmap"></div></section>"""


def render_report(data: ReportData) -> str:
    """The report as one HTML document (UTF-8 text); open it in any browser, no network needed."""
    title = html.escape(data.title)
    names = doc_names(data)
    words = int(pd.to_numeric(data.docs.get("words", pd.Series(dtype=int))).sum()) if len(data.docs) else 0
    meta = " · ".join(f'{html.escape(str(k))}: <span class="verbatim">{html.escape(str(v))}</span>'
                      for k, v in data.meta.items())
    compare_link = '<a href="#vergleich">Vergleich</a>' if data.compare is not None else ""
    topics_section = _topics_section(data)
    topics_link = '<a href="#themen">Themen</a>' if topics_section else ""
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{_asset("report.css")}</style></head>
<body>
<header><h1 class="verbatim">{title}</h1><p>{german_int(len(names))} Dokumente · {german_int(words)} Wörter</p></header>
<nav><a href="#ueberblick">Überblick</a><a href="#schluesselwoerter">Schlüsselwörter</a>
<a href="#entitaeten">Entitäten</a><a href="#streuung">Streuung</a><a href="#kwic">KWIC</a>
<a href="#aehnlichkeit">Ähnlichkeit</a>{topics_link}{compare_link}<a href="#masse">Maße</a></nav>
<main>
<section id="ueberblick"><h2>Überblick</h2>{how_to_read("ueberblick")}<div class="grid" id="overview-charts"></div>
<h3>Dokumente</h3><div id="docs-table"></div></section>
<section id="schluesselwoerter"><h2>Schlüsselwörter</h2>{how_to_read("schluesselwoerter")}<div class="grid">
<div class="chart"><h3>Korpus: die stärksten Begriffe (Punktwert)</h3><div id="kw-bars"></div></div>
<div class="chart"><h3>Wortwolke</h3><div id="kw-cloud"></div></div></div>
<h3>Je Dokument</h3><div id="kw-per-doc-note"></div><div class="grid small" id="kw-per-doc"></div>
<h3>Alle Schlüsselwörter</h3><div id="kw-table"></div></section>
<section id="entitaeten"><h2>Entitäten</h2>{how_to_read("entitaeten")}
<div class="chart"><h3>Gemeinsam genannt (im selben Satz)</h3><div id="ent-network"></div></div>
<h3>Übersicht</h3><div id="ent-table"></div>
<h3>Paare</h3><div id="cooc-table"></div></section>
<section id="streuung"><h2>Streuung eines Begriffs</h2>{how_to_read("streuung")}
<label class="no-print">Begriff: <select id="disp-term"></select></label>
<div class="chart" id="disp-plot"></div></section>
<section id="kwic"><h2>KWIC: Wort im Kontext</h2>{how_to_read("kwic")}
<div id="kwic-box"><input id="kwic-input" type="search" placeholder="Wort oder Lemma, z. B. Kunde"
 aria-label="Wort oder Lemma suchen"> <span id="kwic-count" class="hint"></span></div>
<p class="hint">Sucht nach Lemma und Schreibweise (Stoppwörter sind nicht im Index).</p>
<div class="scroll" id="kwic-results"></div></section>
<section id="aehnlichkeit"><h2>Ähnlichkeit der Dokumente (TF-IDF, Kosinus)</h2>{how_to_read("aehnlichkeit")}
<div id="sim-note"></div><div class="chart" id="sim-heatmap"></div></section>
{topics_section}
{_compare_section(data)}
{_glossary()}
<footer>Erstellt mit mtext{" · " + meta if meta else ""}</footer>
</main>
<script type="application/json" id="mtext-data">{script_json(payload(data))}</script>
<script>"use strict";(function () {{
{_asset("report_charts.js")}
{_asset("report.js")}
{_asset("report_topics.js")}
}})();</script>
</body></html>
"""


def german_int(n: int) -> str:
    """An integer with a thousands point: 6273 -> ``6.273``."""
    return f"{n:,}".replace(",", ".")
