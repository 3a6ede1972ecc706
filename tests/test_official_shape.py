"""The official model's path (``--model de_core_news_sm``), tested without a download.

A tiny pipeline of de_core_news_sm's shape (tok2vec, tagger, morphologizer, parser,
trainable_lemmatizer, ner) is trained with spaCy's own ``spacy train`` for a few steps on
UD German GSD dev and GermEval 2014 dev (both open, shared read-only in ../shared), then every
mtext command runs on the five essays with ``--model PATH``. The model is bad (a few steps) on
purpose: the test checks the shape of the path, not the quality of the tags.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from .conftest import RAW, ROOT

SHARED = ROOT.parent / "shared"
UD_DEV = SHARED / "eval" / "ud_german_gsd_dev" / "de_gsd-ud-dev.conllu"
GERMEVAL_DEV = SHARED / "data" / "germeval2014_ner" / "NER-de-dev.tsv"
GERMEVAL_SENTENCES = 600  # enough that the ner sees every label; few enough to train in seconds
COMPONENTS = ["tok2vec", "tagger", "morphologizer", "parser", "trainable_lemmatizer", "ner"]
CONFIG = """
[paths]
train = null
dev = null

[system]
seed = 0
gpu_allocator = null

[nlp]
lang = "de"
pipeline = ["tok2vec","tagger","morphologizer","parser","trainable_lemmatizer","ner"]
batch_size = 64

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = 32
attrs = ["NORM","PREFIX","SUFFIX","SHAPE"]
rows = [500,250,250,50]
include_static_vectors = false

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 32
depth = 1
window_size = 1
maxout_pieces = 2

[components.tagger]
factory = "tagger"

[components.tagger.model]
@architectures = "spacy.Tagger.v2"
nO = null

[components.tagger.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = 32
upstream = "tok2vec"

[components.morphologizer]
factory = "morphologizer"

[components.morphologizer.model]
@architectures = "spacy.Tagger.v2"
nO = null

[components.morphologizer.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = 32
upstream = "tok2vec"

[components.parser]
factory = "parser"

[components.parser.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "parser"
extra_state_tokens = false
hidden_width = 16
maxout_pieces = 2
use_upper = true
nO = null

[components.parser.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = 32
upstream = "tok2vec"

[components.trainable_lemmatizer]
factory = "trainable_lemmatizer"
backoff = "orth"
min_tree_freq = 3
top_k = 1

[components.trainable_lemmatizer.model]
@architectures = "spacy.Tagger.v2"
nO = null

[components.trainable_lemmatizer.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = 32
upstream = "tok2vec"

[components.ner]
factory = "ner"

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 16
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = 32
upstream = "tok2vec"

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${paths.train}

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${paths.dev}

[training]
seed = ${system.seed}
dropout = 0.1
patience = 0
max_epochs = 0
max_steps = 150
eval_frequency = 150
frozen_components = []
annotating_components = []
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
size = 1000
tolerance = 0.2
discard_oversize = false

[training.optimizer]
@optimizers = "Adam.v1"
learn_rate = 0.02

[training.score_weights]
tag_acc = 0.2
pos_acc = 0.1
dep_las = 0.2
lemma_acc = 0.2
ents_f = 0.3

[initialize]
vectors = null
"""
# About 50 s of CPU (training 20-50 s, eight commands 3 s each), above a minute of wall time on a
# shared machine: marked slow.
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not (UD_DEV.exists() and GERMEVAL_DEV.exists()),
                                 reason="../shared UD German GSD dev and GermEval 2014 dev are needed")]


def germeval_as_iob(tsv: Path, limit: int) -> str:
    """GermEval TSV as spaCy's ``iob`` input (token|TAG, one sentence a line).

    Labels mapped as the data's SOURCE.md says: OTH and *deriv -> MISC, *part -> O."""
    lines, sentence = [], []
    for raw in tsv.read_text(encoding="utf-8").splitlines():
        if raw.startswith("#"):
            continue
        if not raw.strip():
            if sentence:
                lines.append(" ".join(sentence))
                sentence = []
            if len(lines) >= limit:
                break
            continue
        _, token, tag, *_ = raw.split("\t")
        if tag.endswith("part"):
            tag = "O"
        elif tag != "O":
            tag = tag[:2] + ("MISC" if tag[2:] in {"OTH", "PERderiv", "LOCderiv", "ORGderiv", "OTHderiv"}
                             else tag[2:])
        sentence.append(f"{token.replace('|', '/')}|{tag}")
    return "\n".join(lines) + "\n"


def spacy_cli(*args: str, cwd: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "spacy", *args], cwd=cwd, capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr.decode()[-3000:]


@pytest.fixture(scope="module")
def official_shape_model(tmp_path_factory) -> Path:
    """A de_core_news_sm-shaped pipeline trained for a few steps with ``spacy train``."""
    work = tmp_path_factory.mktemp("official")
    (work / "ner.iob").write_text(germeval_as_iob(GERMEVAL_DEV, GERMEVAL_SENTENCES), encoding="utf-8")
    (work / "corpus").mkdir()
    spacy_cli("convert", str(UD_DEV), "corpus", "--converter", "conllu", "--n-sents", "10", cwd=work)
    spacy_cli("convert", "ner.iob", "corpus", "--converter", "iob", "--n-sents", "10", cwd=work)
    (work / "base.cfg").write_text(CONFIG, encoding="utf-8")
    spacy_cli("init", "fill-config", "base.cfg", "config.cfg", cwd=work)
    spacy_cli("train", "config.cfg", "--output", "out", "--paths.train", "corpus", "--paths.dev",
              "corpus/de_gsd-ud-dev.spacy", cwd=work)
    model = work / "out" / "model-last"
    assert sorted(spacy_load_names(model)) == sorted(COMPONENTS)
    return model


def spacy_load_names(path: Path) -> list[str]:
    import json

    return json.loads((path / "meta.json").read_text(encoding="utf-8"))["pipeline"]


def mtext(*args: str, model: Path, cache: Path) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "marketingtext", *args, "--model", str(model), "--cache-dir", str(cache)]
    return subprocess.run(cmd, capture_output=True, timeout=300)


def expected_columns() -> dict[str, list[str]]:
    """The offline pipeline's columns (the tables' declared schemas, asserted by test_cli on the seeds)."""
    from marketingtext.entities.table import ENTITY_COLUMNS, SUMMARY_COLUMNS
    from marketingtext.keywords.table import KEYWORD_COLUMNS
    from marketingtext.tables.comparison import COMPARE_COLUMNS
    from marketingtext.tables.documents import DOC_COLUMNS
    from marketingtext.tables.kwic import KWIC_COLUMNS
    from marketingtext.tables.sentences import SENTENCE_COLUMNS

    return {"sentences": SENTENCE_COLUMNS, "docs": DOC_COLUMNS, "keywords": KEYWORD_COLUMNS,
            "entities": ENTITY_COLUMNS, "summary": SUMMARY_COLUMNS, "compare": COMPARE_COLUMNS,
            "kwic": KWIC_COLUMNS}


@pytest.fixture(scope="module")
def official_run(official_shape_model, tmp_path_factory) -> dict[str, subprocess.CompletedProcess]:
    """Every command on the five essays with ``--model PATH``; ``analyze`` first fills the Doc cache."""
    cache, out = tmp_path_factory.mktemp("official_cache"), tmp_path_factory.mktemp("official_out")
    essays = sorted(str(p) for p in RAW.glob("*.txt"))
    commands = {
        "analyze": ("analyze", str(RAW), "--out", str(out)),
        "sentences": ("sentences", str(RAW), "-f", "csv"),
        "docs": ("docs", str(RAW), "-f", "csv"),
        "keywords": ("keywords", str(RAW), "-f", "csv"),
        "entities": ("entities", str(RAW), "-f", "csv"),
        "summary": ("entities", str(RAW), "--summary", "-f", "csv"),
        "compare": ("compare", essays[0], essays[1], "--all", "-f", "csv"),
        "kwic": ("kwic", "Kunde", str(RAW), "-f", "csv"),
    }
    results = {name: mtext(*args, model=official_shape_model, cache=cache) for name, args in commands.items()}
    results["analyze_out"] = out
    return results


@pytest.mark.parametrize("name", ["analyze", "sentences", "docs", "keywords", "entities", "summary", "compare",
                                  "kwic"])
def test_every_command_runs_with_the_official_shape(official_run, name):
    result = official_run[name]
    stderr = result.stderr.decode()
    assert result.returncode == 0, stderr[-3000:]
    assert "Traceback" not in stderr
    if name != "analyze":
        table = pd.read_csv(io.BytesIO(result.stdout))
        assert list(table.columns) == expected_columns()[name]
        assert len(table) > 0


def test_analyze_writes_the_offline_tables(official_run):
    out = official_run["analyze_out"]
    columns = expected_columns()
    for name in ("sentences", "docs", "keywords", "entities"):
        assert list(pd.read_csv(out / f"{name}.csv").columns) == columns[name]
    docs = pd.read_csv(out / "docs.csv")
    assert len(docs) == 5 and (docs["sentences"] > 10).all()  # the parser-set sentences hold text


def test_entities_come_from_model_and_gazetteer(official_run):
    table = pd.read_csv(io.BytesIO(official_run["entities"].stdout))
    sources = set(table["source"])
    assert sources & {"model", "both"}, sources
    assert "gazetteer" in sources or "both" in sources
    assert {"Philip Kotler", "Heribert Meffert", "HubSpot"} <= set(table["canonical"])
