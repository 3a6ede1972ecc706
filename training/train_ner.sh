#!/usr/bin/env bash
# Reproduce the offline pipeline's NER component (src/marketingtext/models/ner_de).
# Data: ../shared/data/ (GermEval 2014 dev CC BY 4.0, LER CC BY 4.0, Europeana Newspapers CC0).
# Takes about 40 minutes on 2 CPU cores.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
SHARED=${SHARED:-../shared/data}
$PY training/prepare_ner_data.py "$SHARED" training/corpus
$PY -m spacy train training/ner.cfg --output training/output \
    --paths.train training/corpus/train.spacy --paths.dev training/corpus/dev.spacy
$PY training/package_ner.py training/output/model-best src/marketingtext/models/ner_de
