#!/usr/bin/env bash
# Reproduce the offline pipeline's NER component (src/marketingtext/models/ner_de, v0.2.0).
# Data: ../shared/data/ (GermEval 2014 dev CC BY 4.0, LER dev+test CC BY 4.0, SmartData v1 minus held-out
# CC BY 4.0, MobIE train+dev CC BY 4.0, Europeana Newspapers CC0). Splits: see prepare_ner_data.py.
# One core (OMP_NUM_THREADS=1): about 32 minutes for the 6000 steps on a busy shared 2-core machine.
# training/ner.cfg is the smaller v0.1 config (variant b in bench/ner_variants.json).
# Held-out figures afterwards: python bench/eval_ner.py [--speed]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
SHARED=${SHARED:-../shared/data}
MAX_STEPS=${MAX_STEPS:-6000}
export PYTHONPATH=src OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
$PY training/prepare_ner_data.py "$SHARED" training/corpus
nice -n 5 $PY -m spacy train training/ner_wide.cfg --output training/output/final \
    --paths.train training/corpus/train.spacy --paths.dev training/corpus/dev.spacy \
    --training.max_steps "$MAX_STEPS"
$PY training/package_ner.py training/output/final/model-best src/marketingtext/models/ner_de
