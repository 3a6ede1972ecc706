# mtext: two commands on a new machine — `make install && make run`, and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MTEXT := $(VENV)/bin/mtext
MODEL_URL := https://github.com/explosion/spacy-models/releases/download/de_core_news_sm-3.8.0/de_core_news_sm-3.8.0-py3-none-any.whl
MODEL_SHA256 := fec69fec52b1780f2d269d5af7582a5e28028738bd3190532459aeb473bfa3e7
OUT := output

.PHONY: install model run test bench profile lint clean

install: $(VENV)/.installed
	@echo "mtext: installed in $(VENV)/; call it as $(MTEXT) or after '. $(VENV)/bin/activate' as mtext (it reads ./data/raw by default)"

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev,dask]"
	$(MAKE) --no-print-directory model
	touch $@

# de_core_news_sm when it can be had (MODEL.md): a wheel named by MTEXT_MODEL_WHEEL, a wheel in
# ../shared/models/, or the release URL pinned by hash. Never fails: mtext falls back to its
# offline German pipeline and says so.
model:
	@wheel="$${MTEXT_MODEL_WHEEL:-$$(ls ../shared/models/de_core_news_sm-*.whl 2>/dev/null | head -n 1)}"; \
	if [ -n "$$wheel" ]; then src="$$wheel"; else src="$(MODEL_URL)#sha256=$(MODEL_SHA256)"; fi; \
	$(PY) -m pip install --quiet --no-deps --timeout 10 --retries 0 "$$src" >/dev/null 2>&1 \
	  && echo "mtext: de_core_news_sm installed from $$src" \
	  || echo "mtext: de_core_news_sm could not be installed (no wheel, no network); using the offline German pipeline"

run: install
	$(MTEXT) analyze data/raw --out $(OUT)

test: install
	$(PY) -m pytest

bench: install
	$(PY) bench/eval_pipeline.py
	$(PY) bench/eval_syllables.py
	$(PY) bench/eval_passive.py
	$(PY) bench/eval_keywords.py
	$(PY) bench/eval_corpus_keywords.py
	$(PY) bench/eval_ner.py
	$(PY) bench/eval_filter_dev.py
	$(PY) bench/eval_boilerplate.py
	$(PY) bench/eval_metadata.py
	$(PY) bench/eval_topics.py
	$(PY) bench/speed.py
	$(PY) bench/speed_ratios.py
	$(PY) bench/speed_cached.py
	$(PY) bench/speed_components.py --files 27
	$(PY) bench/hanta_lexicon.py
	$(PY) bench/zipf_identity.py
	$(PY) bench/syllable_table.py
	$(PY) bench/mutation.py

profile: install
	$(PY) bench/profile_keywords.py

lint: install
	$(VENV)/bin/ruff check src tests bench training

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache
