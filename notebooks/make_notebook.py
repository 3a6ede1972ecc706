"""Write notebooks/analysis.ipynb from the cells below (outputs stripped, as kept in git)."""

from pathlib import Path

import nbformat

CELLS = [
    ("md", "# Marketing-Essays analysieren\nDie fünf Essays aus `data/raw/`: Schlüsselwörter, Autoritäten, "
           "Satzlängen, Lesbarkeit, ein Vergleich zweier Essays und die Ähnlichkeit aller."),
    ("code", "from pathlib import Path\nimport matplotlib.pyplot as plt\n"
             "import marketingtext as mt\n\n"
             "ROOT = Path.cwd() if (Path.cwd() / 'data').exists() else Path.cwd().parent\n"
             "corpus = mt.load(ROOT / 'data' / 'raw').keep_in_memory()\ncorpus.pipeline.describe()"),
    ("md", "## Die wichtigsten Schlüsselwörter des Korpus"),
    ("code", "kw = corpus.keywords(top=15)\ntop = kw[kw['doc'] == '*']\nax = top.iloc[::-1].plot.barh(x='term', "
             "y='score', legend=False, figsize=(7, 5))\nax.set_xlabel('Score (mtext)'); ax.set_ylabel('')\n"
             "ax.set_title('Schlüsselwörter im Korpus'); plt.tight_layout()"),
    ("md", "## Schlüsselwörter je Essay"),
    ("code", "per_doc = kw[kw['doc'] != '*']\nper_doc.groupby('doc').head(8).pivot_table(index='rank', columns='doc', "
             "values='term', aggfunc='first')"),
    ("md", "## Autoritäten und andere Entitäten"),
    ("code", "entities = corpus.entities(summary=True)\nentities.head(20)"),
    ("md", "## Satzlängen je Essay"),
    ("code", "sentences = corpus.sentences()\nfig, ax = plt.subplots(figsize=(8, 4))\n"
             "sentences.boxplot(column='n_words', by='doc', ax=ax, rot=30)\nax.set_ylabel('Wörter je Satz')\n"
             "ax.set_title('Satzlänge'); fig.suptitle(''); plt.tight_layout()"),
    ("md", "## Lesbarkeit je Essay"),
    ("code", "docs = corpus.docs()\ndocs[['doc', 'words', 'mtld', 'flesch_amstad', 'wstf1', 'lix', 'gender_per_1k']]"),
    ("md", "## Streuung: wo „Kunde“ in jedem Essay vorkommt\nJeder Strich ist ein Vorkommen (auch *Kund:innen*, "
           "*Kunden*); DP nach Gries: 0 = gleichmäßig über die Essays verteilt, nahe 1 = in einem Essay gebündelt."),
    ("code", "from marketingtext.language.dispersion import gries_dp\nfrom marketingtext.tables.report_data import term_positions\n"
             "pos = term_positions(corpus.parsed(), {'Kunde': ('kunde',)})\nnames = corpus.names\n"
             "words = docs.set_index('doc')['words']\n"
             "counts = [int((pos['doc'] == n).sum()) for n in names]\n"
             "fig, ax = plt.subplots(figsize=(9, 3))\nfor i, name in enumerate(names):\n"
             "    hits = pos[pos['doc'] == name]\n"
             "    ax.vlines(hits['word_index'] / words[name], i - 0.4, i + 0.4, color='firebrick')\n"
             "ax.set_yticks(range(len(names)), [f'{n[:3]} ({c}×)' for n, c in zip(names, counts)])\n"
             "ax.set_xlim(0, 1); ax.invert_yaxis(); ax.set_xlabel('Position im Text (0 = Anfang, 1 = Ende)')\n"
             "ax.set_title(f'Streuung von „Kunde“ (DP = {gries_dp(counts, [words[n] for n in names]):.2f})')\n"
             "plt.tight_layout()"),
    ("md", "## Kollokationen von „Kunde“\nWörter im Abstand von höchstens fünf Wörtern im selben Satz, "
           "nach logDice sortiert (14 = die beiden Wörter kommen nur gemeinsam vor)."),
    ("code", "from marketingtext.tables.collocations import collocation_table\n"
             "collocation_table(corpus.parsed(), 'Kunde', window=5, min_freq=3, nlp=corpus.nlp).head(15)"),
    ("md", "## Wiederkehrende Wortfolgen (N-Gramme)"),
    ("code", "from marketingtext.tables.ngrams import ngram_table\nngram_table(corpus.parsed(), n_min=2, n_max=4).head(15)"),
    ("md", "## Vergleich: Essay 001 gegen Essay 004"),
    ("code", "pipeline = (corpus.nlp, corpus.pipeline)\n"
             "a = mt.load(sorted((ROOT / 'data' / 'raw').glob('001_*.txt')), pipeline=pipeline)\n"
             "b = mt.load(sorted((ROOT / 'data' / 'raw').glob('004_*.txt')), pipeline=pipeline)\n"
             "mt.compare(a, b).head(15)"),
    ("md", "## Ähnlichkeit aller Essays (TF-IDF, Kosinus)"),
    ("code", "from marketingtext.tables.comparison import similarity_matrix\nsim = similarity_matrix(corpus.parsed())\n"
             "full = sim.pivot(index='doc_a', columns='doc_b', values='similarity')\n"
             "names = sorted(set(sim['doc_a']) | set(sim['doc_b']))\n"
             "full = full.reindex(index=names, columns=names)\n"
             "full = full.combine_first(full.T).fillna(1.0)\n"
             "fig, ax = plt.subplots(figsize=(6, 5))\nim = ax.imshow(full.values, cmap='Blues', vmin=0, vmax=1)\n"
             "ax.set_xticks(range(len(names)), [n[:3] for n in names]); "
             "ax.set_yticks(range(len(names)), [n[:3] for n in names])\n"
             "fig.colorbar(im, label='Ähnlichkeit'); ax.set_title('Ähnlichkeit der Essays'); plt.tight_layout()"),
]


def main() -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(src) if kind == "md" else nbformat.v4.new_code_cell(src)
                for kind, src in CELLS]
    for i, cell in enumerate(nb.cells):
        cell.id = f"cell-{i:02d}"  # stable ids: regenerating the notebook gives no diff
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, Path(__file__).with_name("analysis.ipynb"))


if __name__ == "__main__":
    main()
